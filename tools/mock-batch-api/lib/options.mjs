// @ts-check
// Checks of the server's options (timings, status spellings, provider limits) and how a status is shown.
import { isObject } from './util.mjs'

/** @import { BatchStatus, Limits, MockConfig, MockConfigPatch, MockLimits, StatusCase, StatusNames, Timings, State } from './types.mjs' */

/** @type {Readonly<Timings>} */
export const DEFAULT_TIMINGS = Object.freeze({
  validatingMs: 200,
  inProgressMs: 1000,
  finalizingMs: 200,
  cancellingMs: 300,
  expireMs: null
})

/** @type {Readonly<Limits>} */
export const NO_LIMITS = Object.freeze({
  maxRequestsPerFile: null,
  maxBytesPerFile: null,
  maxEnqueuedTokens: null
})

/** @type {ReadonlySet<string>} */
const STATUSES = new Set([
  'validating',
  'failed',
  'in_progress',
  'finalizing',
  'completed',
  'expired',
  'cancelling',
  'cancelled'
])

/** @param {unknown} v @param {string} name */
function nonNegative(v, name) {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
    throw new TypeError(`${name} must be a number >= 0`)
  return v
}

/** @param {Timings} base @param {unknown} patch @returns {Timings} */
export function mergeTimings(base, patch) {
  if (patch === undefined) return { ...base }
  if (!isObject(patch)) throw new TypeError('timings must be an object')
  const out = { ...base }
  for (const [k, v] of Object.entries(patch)) {
    if (!(k in DEFAULT_TIMINGS)) throw new TypeError(`unknown timing '${k}'`)
    if (v === undefined) continue
    if (k === 'expireMs' && v === null) out.expireMs = null
    else Object.assign(out, { [k]: nonNegative(v, `timings.${k}`) })
  }
  return out
}

/** @param {Limits} base @param {unknown} patch @returns {Limits} */
export function mergeLimits(base, patch) {
  if (patch === undefined) return { ...base }
  if (!isObject(patch)) throw new TypeError('limits must be an object')
  const out = { ...base }
  for (const [k, v] of Object.entries(patch)) {
    if (!(k in NO_LIMITS)) throw new TypeError(`unknown limit '${k}'`)
    if (v === undefined) continue
    if (v !== null && !(Number.isInteger(v) && /** @type {number} */ (v) > 0))
      throw new TypeError(`limits.${k} must be a positive integer or null`)
    Object.assign(out, { [k]: v })
  }
  return out
}

/** @param {unknown} v @returns {StatusCase} */
export function checkStatusCase(v) {
  if (v !== 'lower' && v !== 'upper') throw new TypeError("statusCase must be 'lower' or 'upper'")
  return v
}

/** @param {unknown} v @returns {StatusNames} */
export function checkStatusNames(v) {
  if (!isObject(v)) throw new TypeError('statusNames must be an object')
  /** @type {StatusNames} */
  const out = {}
  for (const [k, name] of Object.entries(v)) {
    if (!STATUSES.has(k)) throw new TypeError(`statusNames: unknown status '${k}'`)
    if (typeof name !== 'string' || name === '')
      throw new TypeError(`statusNames.${k} must be a non-empty string`)
    out[/** @type {BatchStatus} */ (k)] = name
  }
  return out
}

/** @param {MockConfig} config @param {unknown} patch @returns {MockConfig} all or nothing */
export function patchConfig(config, patch) {
  if (!isObject(patch)) throw new TypeError('configure() takes an object')
  const p = /** @type {MockConfigPatch} */ (patch)
  return {
    timings: mergeTimings(config.timings, p.timings),
    statusCase: p.statusCase === undefined ? config.statusCase : checkStatusCase(p.statusCase),
    statusNames: p.statusNames === undefined ? config.statusNames : checkStatusNames(p.statusNames),
    limits: mergeLimits(config.limits, p.limits)
  }
}

/** @param {{ timings?: unknown, statusCase?: unknown, statusNames?: unknown, limits?: unknown }} options @returns {MockConfig} */
export function initialConfig(options) {
  return {
    timings: mergeTimings(DEFAULT_TIMINGS, options.timings),
    statusCase: checkStatusCase(options.statusCase ?? 'lower'),
    statusNames: checkStatusNames(options.statusNames ?? {}),
    limits: mergeLimits(NO_LIMITS, /** @type {MockLimits | undefined} */ (options.limits))
  }
}

/** The status as this server spells it ('expiring' still looks in_progress). @param {MockConfig} config @param {State} state */
export function shownStatus(config, state) {
  const s = state === 'expiring' ? 'in_progress' : state
  const name = config.statusNames[s] ?? s
  return config.statusCase === 'upper' ? name.toUpperCase() : name
}
