// @ts-check
// Fault rules: checked when added, used up in insertion order, `times` requests each.
import { isObject } from './util.mjs'

/** @import { ActiveFault, FaultKind, FaultRule, ListedFault, MockOp, ServerState } from './types.mjs' */

/** @type {ReadonlySet<string>} */
const OPS = new Set([
  'upload',
  'file-list',
  'file-retrieve',
  'file-delete',
  'download',
  'create',
  'retrieve',
  'list',
  'cancel',
  'control',
  'unknown'
])
/** @type {ReadonlySet<string>} */
const FAULTS = new Set([
  'drop-before',
  'drop-after',
  'status',
  'delay',
  'stall',
  'stall-after',
  'cut',
  'late-commit',
  'odd-shape',
  'fail-requests',
  'expire-partial'
])
/** Faults that shape the batch a create makes rather than the HTTP exchange; several apply at once. */
const BATCH_FAULTS = new Set(['fail-requests', 'expire-partial'])
/** Faults that only make sense on a create (odd-shape also on retrieve and cancel). */
const CREATE_ONLY = new Set(['late-commit', 'fail-requests', 'expire-partial'])
const SHAPES = new Set(['created-at-string', 'errors-empty-array', 'counts-strings', 'status-null'])

/** @param {FaultKind} kind */
export const isBatchFault = (kind) => BATCH_FAULTS.has(kind)

/** @param {Record<string, unknown>} r @param {string} k @param {number} min */
function checkNumber(r, k, min) {
  const v = r[k]
  if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || v < min))
    throw new TypeError(`${k} must be a number >= ${min}`)
}

/** @param {unknown} v @param {number} min @param {number} max */
const isStatus = (v, min, max) => Number.isInteger(v) && Number(v) >= min && Number(v) <= max

/** @param {unknown} rule @returns {ListedFault} */
export function normalizeRule(rule) {
  if (!isObject(rule)) throw new TypeError('a fault rule must be an object')
  const r = rule
  const op = /** @type {MockOp | '*'} */ (r.op)
  if (op !== '*' && !OPS.has(String(op))) throw new TypeError(`unknown fault op '${r.op}'`)
  if (!FAULTS.has(String(r.fault))) throw new TypeError(`unknown fault '${r.fault}'`)
  const fault = /** @type {FaultKind} */ (r.fault)
  const times = r.times ?? 1
  if (!(times === Infinity || (Number.isInteger(times) && Number(times) > 0)))
    throw new TypeError('times must be a positive integer')
  for (const k of ['retryAfter', 'delayMs', 'afterBytes', 'commitAfterMs', 'doneRequests'])
    checkNumber(r, k, 0)
  if (r.status !== undefined && !isStatus(r.status, 400, 599))
    throw new TypeError('status must be an HTTP error status (400-599)')
  if (CREATE_ONLY.has(fault) && op !== 'create')
    throw new TypeError(`the fault '${fault}' applies to op 'create' only`)
  if (fault === 'odd-shape' && !['create', 'retrieve', 'cancel'].includes(String(op)))
    throw new TypeError("the fault 'odd-shape' applies to op 'create', 'retrieve' or 'cancel'")
  if (fault === 'odd-shape' && !SHAPES.has(String(r.shape)))
    throw new TypeError(`shape must be one of ${[...SHAPES].join(', ')}`)
  if (r.answer !== undefined && !['status', 'drop', 'stall'].includes(String(r.answer)))
    throw new TypeError("answer must be 'status', 'drop' or 'stall'")
  if (r.unfinished !== undefined && r.unfinished !== 'batch_expired' && r.unfinished !== 'missing')
    throw new TypeError("unfinished must be 'batch_expired' or 'missing'")
  if (
    r.customIds !== undefined &&
    !(Array.isArray(r.customIds) && r.customIds.every((x) => typeof x === 'string'))
  )
    throw new TypeError('customIds must be an array of strings')
  if (r.match !== undefined) {
    if (typeof r.match !== 'string')
      throw new TypeError('match must be a regular expression source string')
    new RegExp(r.match) // throws a SyntaxError for a bad pattern
  }
  if (r.message !== undefined && typeof r.message !== 'string')
    throw new TypeError('message must be a string')
  if (fault === 'fail-requests' && r.customIds === undefined && r.match === undefined)
    throw new TypeError("the fault 'fail-requests' needs customIds or match")
  /** @type {ListedFault} */
  const out = { op, fault, times: Number(times) }
  if (fault === 'status') out.status = Number(r.status ?? 500)
  if (r.retryAfter !== undefined) out.retryAfter = Number(r.retryAfter)
  if (fault === 'delay') out.delayMs = Number(r.delayMs ?? 1000)
  if (fault === 'cut') out.afterBytes = Number(r.afterBytes ?? 0)
  if (fault === 'late-commit') {
    out.commitAfterMs = Number(r.commitAfterMs ?? 1000)
    out.answer = /** @type {NonNullable<FaultRule['answer']>} */ (r.answer ?? 'status')
    if (out.answer === 'status') out.status = Number(r.status ?? 504)
  }
  if (fault === 'odd-shape') out.shape = /** @type {NonNullable<FaultRule['shape']>} */ (r.shape)
  if (fault === 'fail-requests') {
    out.status = Number(r.status ?? 500)
    if (r.customIds !== undefined) out.customIds = [.../** @type {string[]} */ (r.customIds)]
    if (r.match !== undefined) out.match = /** @type {string} */ (r.match)
    if (r.message !== undefined) out.message = /** @type {string} */ (r.message)
  }
  if (fault === 'expire-partial') {
    if (r.doneRequests !== undefined) out.doneRequests = Math.floor(Number(r.doneRequests))
    out.unfinished = /** @type {NonNullable<FaultRule['unfinished']>} */ (
      r.unfinished ?? 'batch_expired'
    )
  }
  return out
}

/** Checks every rule first: all are added or none. @param {ServerState} st @param {unknown[]} rules */
export function addFaults(st, rules) {
  const normalized = rules.map(normalizeRule)
  for (const r of normalized) st.faults.push({ ...r, remaining: r.times })
}

/** @param {ServerState} st @returns {ListedFault[]} */
export const listFaults = (st) =>
  st.faults.map(({ remaining, ...r }) => ({ ...r, times: remaining }))

/** @param {ServerState} st @param {ActiveFault} r */
function useUp(st, r) {
  r.remaining -= 1
  if (r.remaining <= 0) st.faults.splice(st.faults.indexOf(r), 1)
  return r
}

/** The first fault on the HTTP exchange of this op, if any. @param {ServerState} st @param {MockOp} op */
export function takeFault(st, op) {
  if (op === 'control') return null
  const r = st.faults.find((f) => (f.op === '*' || f.op === op) && !isBatchFault(f.fault))
  return r ? useUp(st, r) : null
}

/** Every batch-shaping fault waiting for the next create, used up at once. @param {ServerState} st */
export function takeBatchFaults(st) {
  return st.faults
    .filter((f) => f.op === 'create' && isBatchFault(f.fault))
    .map((r) => useUp(st, r))
}
