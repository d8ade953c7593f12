// @ts-check
// The batches store: commit, answer, cancel and seed batches.
import { usageObject } from './answers.mjs'
import { advance, beginFinish, failedBelow, processedAt, schedule } from './lifecycle.mjs'
import { shownStatus } from './options.mjs'
import { buildOutcomes } from './outcomes.mjs'
import { ApiError, DAY_MS, randomId, sec } from './util.mjs'

/** @import { ActiveFault, Batch, BatchFilter, BatchRec, OddShape, SeedOptions, ServerState, State } from './types.mjs' */
/** @import { CreateParams } from './create-request.mjs' */

/** @param {ServerState} st @param {{ createdMs: number, metadata: Record<string, string> | null, endpoint: string, inputFileId: string }} o @returns {BatchRec} */
function newRecord(st, o) {
  const t = { ...st.config.timings }
  return {
    id: randomId('batch_'),
    seq: ++st.seq,
    createdMs: o.createdMs,
    t,
    limits: { ...st.config.limits },
    outcomes: buildOutcomes(null, []),
    endpoint: o.endpoint,
    inputFileId: o.inputFileId,
    completionWindow: '24h',
    metadata: o.metadata,
    state: 'validating',
    model: null,
    validation: null,
    scan: null,
    total: 0,
    errors: null,
    finish: null,
    outputFileId: null,
    errorFileId: null,
    usage: null,
    expiresAtMs: t.expireMs === null ? null : o.createdMs + t.expireMs,
    inProgressAtMs: null,
    finalizingAtMs: null,
    completedAtMs: null,
    failedAtMs: null,
    expiredAtMs: null,
    cancellingAtMs: null,
    cancelledAtMs: null,
    timer: null,
    foreign: false
  }
}

/** Makes the batch exist (it is listed from now on). @param {ServerState} st @param {CreateParams} p @param {ActiveFault[]} faults */
export function commitBatch(st, p, faults) {
  const now = Date.now()
  const b = newRecord(st, {
    createdMs: now,
    metadata: p.metadata,
    endpoint: p.endpoint,
    inputFileId: p.input.id
  })
  b.completionWindow = p.completionWindow
  b.outcomes = buildOutcomes(p.metadata, faults)
  const ip = p.metadata?.mock_in_progress_ms
  const override = ip !== undefined ? Number(ip) : NaN
  if (Number.isFinite(override) && override >= 0) b.t.inProgressMs = override
  st.batches.set(b.id, b)
  advance(st, b, now)
  schedule(st, b)
  return b
}

/** The batch as the API answers it. @param {ServerState} st @param {BatchRec} b @returns {Batch} */
export function batchObject(st, b) {
  let processed = 0
  if (b.foreign) processed = b.finish?.processed ?? 0
  else if (b.state === 'in_progress') processed = processedAt(b, Date.now())
  else if (b.finish) processed = b.finish.processed
  const failed = b.scan && b.total > 0 ? failedBelow(b.scan.failIdx, processed) : 0
  return {
    id: b.id,
    object: 'batch',
    endpoint: b.endpoint,
    ...(b.model ? { model: b.model } : {}),
    errors: b.errors,
    input_file_id: b.inputFileId,
    completion_window: b.completionWindow,
    status: shownStatus(st.config, b.state),
    output_file_id: b.outputFileId,
    error_file_id: b.errorFileId,
    created_at: Math.floor(b.createdMs / 1000),
    in_progress_at: sec(b.inProgressAtMs),
    expires_at: sec(b.expiresAtMs ?? b.createdMs + DAY_MS),
    finalizing_at: sec(b.finalizingAtMs),
    completed_at: sec(b.completedAtMs),
    failed_at: sec(b.failedAtMs),
    expired_at: sec(b.expiredAtMs),
    cancelling_at: sec(b.cancellingAtMs),
    cancelled_at: sec(b.cancelledAtMs),
    request_counts: { total: b.total, completed: processed - failed, failed },
    usage: usageObject(b.usage),
    metadata: b.metadata
  }
}

/** @param {ServerState} st @param {BatchRec} b */
export function current(st, b) {
  advance(st, b, Date.now())
  return batchObject(st, b)
}

/** @param {ServerState} st @param {string} id */
export function getBatch(st, id) {
  const b = st.batches.get(id)
  if (!b)
    throw new ApiError(404, `No batch found with id '${id}'.`, {
      param: 'batch_id',
      code: 'not_found'
    })
  return b
}

/** Newest first by created_at, as OpenAI lists them (ties: the later one first). @param {ServerState} st */
export const newestFirst = (st) =>
  [...st.batches.values()].sort((a, b) => b.createdMs - a.createdMs || b.seq - a.seq)

/** @param {ServerState} st @param {BatchFilter} [filter] */
export function listBatches(st, filter = {}) {
  const want = Object.entries(filter.metadata ?? {})
  return newestFirst(st)
    .reverse()
    .filter((b) => want.every(([k, v]) => b.metadata?.[k] === v))
    .map((b) => current(st, b))
}

/** @param {ServerState} st @param {BatchRec} b */
export function cancelBatch(st, b) {
  const now = Date.now()
  advance(st, b, now)
  if (b.state === 'validating' || b.state === 'in_progress') {
    const processed = b.state === 'in_progress' && !b.foreign ? processedAt(b, now) : 0
    if (b.state === 'validating') b.total = 0
    b.foreign = false // a seeded batch that is cancelled moves like any other
    b.state = 'cancelling'
    b.cancellingAtMs = now
    beginFinish(st, b, 'cancelled', now + b.t.cancellingMs, processed)
    schedule(st, b)
  } else if (!['cancelling', 'cancelled', 'expiring'].includes(b.state)) {
    throw new ApiError(400, `Cannot cancel a batch with status '${b.state}'.`, {
      code: 'batch_not_cancellable'
    })
  }
  return batchObject(st, b)
}

/** @type {ReadonlySet<string>} */
const SEEDABLE = new Set([
  'validating',
  'failed',
  'in_progress',
  'finalizing',
  'completed',
  'expired',
  'cancelling',
  'cancelled'
])

/** Foreign batches (another user's jobs on the same account), frozen in their status. @param {ServerState} st @param {SeedOptions} o */
export function seedBatches(st, o) {
  const { count, status = 'completed', newestAtMs = Date.now(), spacingMs = 0, requests = 0 } = o
  if (!Number.isInteger(count) || count < 0) throw new TypeError('count must be an integer >= 0')
  if (!SEEDABLE.has(status)) throw new TypeError(`unknown status '${status}'`)
  if (!Number.isInteger(requests) || requests < 0)
    throw new TypeError('requests must be an integer >= 0')
  /** @type {string[]} */
  const ids = []
  for (let i = 0; i < count; i++) {
    const createdMs = newestAtMs - (count - 1 - i) * spacingMs
    const metadata = typeof o.metadata === 'function' ? o.metadata(i) : (o.metadata ?? null)
    const b = newRecord(st, {
      createdMs,
      metadata: metadata ? { ...metadata } : null,
      endpoint: o.endpoint ?? '/v1/chat/completions',
      inputFileId: randomId('file-')
    })
    b.foreign = true
    b.state = /** @type {State} */ (status)
    b.total = requests
    b.model = 'mock-model'
    const done = status === 'completed' ? requests : 0
    b.finish = { target: 'completed', dueMs: createdMs, processed: done, result: null }
    const at = createdMs + 1000
    if (status !== 'validating') b.inProgressAtMs = at
    if (status === 'finalizing' || status === 'completed') b.finalizingAtMs = at
    if (status === 'completed') b.completedAtMs = at
    if (status === 'failed') {
      b.inProgressAtMs = null
      b.failedAtMs = at
      b.errors = {
        object: 'list',
        data: [{ code: 'invalid_request', message: 'Seeded failure.', param: null, line: 1 }]
      }
    }
    if (status === 'expired') b.expiredAtMs = at
    if (status === 'cancelling' || status === 'cancelled') b.cancellingAtMs = at
    if (status === 'cancelled') b.cancelledAtMs = at
    st.batches.set(b.id, b)
    ids.push(b.id)
  }
  return ids
}

/** A create answer of a shape some providers send: the batch exists, its answer is odd. @param {Batch} batch @param {OddShape} shape */
export function misshape(batch, shape) {
  /** @type {Record<string, unknown>} */
  const out = { ...batch }
  if (shape === 'created-at-string') out.created_at = String(batch.created_at)
  else if (shape === 'errors-empty-array') out.errors = []
  else if (shape === 'status-null') out.status = null
  else {
    const c = batch.request_counts
    out.request_counts = {
      total: String(c.total),
      completed: String(c.completed),
      failed: String(c.failed)
    }
  }
  return out
}
