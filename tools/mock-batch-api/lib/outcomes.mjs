// @ts-check
// How a batch's requests turn out: the mock_scenario metadata, `body.mock_error`, and the
// batch-shaping faults (fail-requests, expire-partial) taken by the create.

/** @import { ActiveFault, Outcomes } from './types.mjs' */

/** @param {Record<string, string> | null} metadata @param {ActiveFault[]} faults @returns {Outcomes} */
export function buildOutcomes(metadata, faults) {
  const scenario = metadata?.mock_scenario ?? null
  /** @type {Outcomes} */
  const o = {
    failures: [],
    expireAfter: null,
    expireMissing: false,
    stuck: scenario === 'stuck',
    failValidation: scenario === 'fail_validation'
  }
  if (scenario === 'expire') o.expireAfter = -1 // half, once the total is known
  for (const f of faults) {
    if (f.fault === 'fail-requests') {
      const status = f.status ?? 500
      o.failures.push({
        ids: new Set(f.customIds ?? []),
        match: f.match === undefined ? null : new RegExp(f.match),
        status,
        message: f.message ?? `Mock request failure: HTTP ${status}.`
      })
    } else if (f.fault === 'expire-partial') {
      o.expireAfter = f.doneRequests ?? -1
      o.expireMissing = f.unfinished === 'missing'
    }
  }
  return o
}

/** Requests done before the batch expires, or null if it runs to the end. @param {Outcomes} o @param {number} total */
export function expireAfter(o, total) {
  if (o.expireAfter === null) return null
  return o.expireAfter < 0 ? Math.floor(total / 2) : Math.min(o.expireAfter, total)
}

/**
 * How a request fails, or null when it succeeds.
 * @param {Outcomes} o @param {string} customId @param {Record<string, unknown>} body
 * @returns {{ status: number, message: string } | null}
 */
export function failureOf(o, customId, body) {
  if (typeof body.mock_error === 'string') return { status: 400, message: body.mock_error }
  for (const f of o.failures) {
    if (f.ids.has(customId) || f.match?.test(customId))
      return { status: f.status, message: f.message }
  }
  return null
}

/** The error body a failed request gets, as OpenAI's API would answer it. @param {number} status @param {string} message */
export function requestErrorBody(status, message) {
  const type =
    status === 429 ? 'requests' : status >= 500 ? 'server_error' : 'invalid_request_error'
  const code = status === 429 ? 'rate_limit_exceeded' : null
  return { error: { message, type, param: null, code } }
}
