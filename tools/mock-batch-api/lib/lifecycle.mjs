// @ts-check
// The batch lifecycle. State is computed from timestamps on every read (advance) and by one timer
// per batch (schedule), so a batch moves on whether or not anyone polls it.
import { expireAfter } from './outcomes.mjs'
import { writeResults } from './results.mjs'
import { failScan, scanInput } from './validate.mjs'
import { messageOf } from './util.mjs'

/** @import { BatchRec, Finish, ServerState } from './types.mjs' */

const IN_FLIGHT = new Set(['in_progress', 'finalizing', 'expiring', 'cancelling'])

/** Requests done by time t while in_progress. @param {BatchRec} b @param {number} t */
export function processedAt(b, t) {
  const n = b.total
  if (n === 0) return 0
  const ip = b.t.inProgressMs
  let k = ip <= 0 ? n : Math.floor(((t - Number(b.inProgressAtMs)) * n) / ip)
  k = Math.max(0, Math.min(n, k))
  if (b.outcomes.stuck) k = Math.min(k, Math.floor(n / 2))
  return k
}

/** Failed requests among the first k (failIdx is sorted). @param {number[]} failIdx @param {number} k */
export function failedBelow(failIdx, k) {
  let lo = 0
  let hi = failIdx.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (/** @type {number} */ (failIdx[mid]) < k) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** @param {BatchRec} b */
function inProgressDeadlines(b) {
  const n = b.total
  const ip = b.t.inProgressMs
  const startAt = Number(b.inProgressAtMs)
  const endAt = b.outcomes.stuck ? Infinity : startAt + ip
  let expAt = b.expiresAtMs ?? Infinity
  /** @type {number | null} */
  let expProcessed = null
  const early = expireAfter(b.outcomes, n)
  if (early !== null) {
    const at = startAt + (n > 0 ? (ip * early) / n : 0)
    if (at <= expAt) {
      expAt = at
      expProcessed = early
    }
  }
  const expires = expAt < endAt || (expProcessed !== null && expAt <= endAt)
  return { endAt, expAt: expires ? expAt : Infinity, expProcessed }
}

/** Estimated tokens of the other batches in flight. @param {ServerState} st @param {BatchRec} self @param {number} now */
function enqueuedTokens(st, self, now) {
  let sum = 0
  for (const o of st.batches.values()) {
    if (o === self || o.foreign || o.state === 'validating') continue
    advance(st, o, now) // never re-enters validation: o is past it
    if (IN_FLIGHT.has(o.state)) sum += o.scan?.tokens ?? 0
  }
  return sum
}

/** @param {ServerState} st @param {BatchRec} b @param {number} now */
export function advance(st, b, now) {
  if (b.foreign) return
  for (;;) {
    switch (b.state) {
      case 'validating': {
        const due = b.createdMs + b.t.validatingMs
        if (now >= due && !b.validation) startValidation(st, b)
        const scan = b.scan
        const readyAt = scan ? Math.max(due, scan.doneMs) : Infinity
        if (b.expiresAtMs !== null && b.expiresAtMs <= now && b.expiresAtMs < readyAt) {
          b.state = 'expired' // nothing was processed: no files
          b.expiredAtMs = b.expiresAtMs
          return
        }
        if (!scan || readyAt > now) return
        const max = b.limits.maxEnqueuedTokens
        if (scan.ok && max !== null && enqueuedTokens(st, b, now) + scan.tokens > max) {
          const message = `Enqueued token limit reached for ${scan.model ?? 'mock-model'} in organization org-mock. Limit: ${max} enqueued tokens. Please try submitting your batch again later.`
          scan.ok = false
          scan.errors = failScan(message, null, 'token_limit_exceeded').errors
        }
        if (!scan.ok) {
          b.state = 'failed'
          b.failedAtMs = readyAt
          b.errors = { object: 'list', data: scan.errors }
          return
        }
        b.state = 'in_progress'
        b.inProgressAtMs = readyAt
        b.total = scan.total
        b.model = scan.model
        continue
      }
      case 'in_progress': {
        const { endAt, expAt, expProcessed } = inProgressDeadlines(b)
        if (expAt <= now) {
          b.state = 'expiring' // shown as in_progress until the result files are written
          beginFinish(st, b, 'expired', expAt, expProcessed ?? processedAt(b, expAt))
          continue
        }
        if (endAt <= now) {
          b.state = 'finalizing'
          b.finalizingAtMs = endAt
          beginFinish(st, b, 'completed', endAt + b.t.finalizingMs, b.total)
          continue
        }
        return
      }
      case 'expiring':
      case 'finalizing':
      case 'cancelling': {
        const f = /** @type {Finish} */ (b.finish)
        if (!f.result) return
        const at = Math.max(f.dueMs, f.result.doneMs)
        if (at > now) return
        if (f.result.errors) {
          b.state = 'failed'
          b.failedAtMs = at
          b.errors = f.result.errors
          return
        }
        b.state = f.target
        b.outputFileId = f.result.outputFileId
        b.errorFileId = f.result.errorFileId
        b.usage = f.result.usage
        if (f.target === 'completed') b.completedAtMs = at
        else if (f.target === 'cancelled') b.cancelledAtMs = at
        else b.expiredAtMs = at
        return
      }
      default:
        return
    }
  }
}

/** When the batch next changes without a read, or Infinity. @param {BatchRec} b */
function nextDue(b) {
  if (b.foreign) return Infinity
  switch (b.state) {
    case 'validating': {
      const due = b.createdMs + b.t.validatingMs
      const exp = b.expiresAtMs ?? Infinity
      if (!b.validation) return Math.min(due, exp)
      return b.scan ? Math.min(Math.max(due, b.scan.doneMs), exp) : exp // scan completion advances itself
    }
    case 'in_progress': {
      const { endAt, expAt } = inProgressDeadlines(b)
      return Math.min(endAt, expAt)
    }
    case 'expiring':
    case 'finalizing':
    case 'cancelling': {
      const r = b.finish?.result
      return r && b.finish ? Math.max(b.finish.dueMs, r.doneMs) : Infinity
    }
    default:
      return Infinity
  }
}

/** @param {ServerState} st @param {BatchRec} b */
export function schedule(st, b) {
  if (b.timer) clearTimeout(b.timer)
  b.timer = null
  if (st.closed) return
  const next = nextDue(b)
  if (next === Infinity) return
  const delay = Math.min(2 ** 31 - 1, Math.max(0, next - Date.now()) + 1)
  b.timer = setTimeout(() => {
    b.timer = null
    advance(st, b, Date.now())
    schedule(st, b)
  }, delay)
  b.timer.unref()
}

/** @param {ServerState} st @param {BatchRec} b */
const refresh = (st, b) => {
  if (st.closed) return
  advance(st, b, Date.now())
  schedule(st, b)
}

/** @param {ServerState} st @param {BatchRec} b */
function startValidation(st, b) {
  const f = st.files.get(b.inputFileId)
  b.validation = st.track(
    (async () => {
      if (!f)
        return failScan('The input file was deleted before the batch could be validated.', null)
      const scan = await scanInput(st, f, b.endpoint, b.outcomes, b.limits)
      if (scan.ok && b.outcomes.failValidation) {
        return failScan(
          `The model '${scan.model ?? 'mock-model'}' does not exist or you do not have access to it.`,
          1,
          'model_not_found'
        )
      }
      return scan
    })().then(
      (scan) => {
        b.scan = { ...scan, doneMs: Date.now() }
        refresh(st, b)
      },
      (err) => {
        if (st.closed) return
        const failed = failScan(`Validation failed: ${messageOf(err)}`, null, 'internal_error')
        b.scan = { ...failed, doneMs: Date.now() }
        refresh(st, b)
      }
    )
  )
}

/**
 * Starts writing the result files; the batch reaches `target` once they exist and dueMs has passed.
 * @param {ServerState} st @param {BatchRec} b @param {Finish['target']} target @param {number} dueMs @param {number} processed
 */
export function beginFinish(st, b, target, dueMs, processed) {
  const expireRest = target === 'expired'
  /** @type {Finish} */
  const f = { target, dueMs, processed, result: null }
  b.finish = f
  const empty = { outputFileId: null, errorFileId: null, usage: { input: 0, output: 0 } }
  if (processed === 0 && !(expireRest && b.total > 0)) {
    f.result = { ...empty, doneMs: Date.now() }
    return
  }
  st.track(
    writeResults(st, b, processed, expireRest)
      .then(
        (r) => {
          f.result = { ...r, doneMs: Date.now() }
        },
        (err) => {
          const message = `Writing results failed: ${messageOf(err)}`
          const data = [{ code: 'internal_error', message, param: null, line: null }]
          f.result = { ...empty, errors: { object: 'list', data }, doneMs: Date.now() }
        }
      )
      .then(() => refresh(st, b))
  )
}
