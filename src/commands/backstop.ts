import type { ActionInputs } from '../action/inputs.js'
import type { SavedState, StepState } from '../action/state.js'
import type { BatchApi } from '../batch/client.js'
import { isTerminal, type BatchInfo } from '../batch/document.js'
import { MetadataKeys } from '../batch/metadata.js'
import { CLOCK_SKEW_S, belongingOf, settle, settleWindowMs } from '../batch/reconcile.js'
import { describeApiError, type ErrorContext } from '../lib/errors.js'
import type { Log } from '../lib/log.js'
import { redact } from '../lib/redact.js'
import type { Sleep } from '../net/abort.js'

/** With no saved time to search from, a pending key is looked for back this far (seconds). */
const UNKNOWN_SINCE_LOOKBACK_S = 2 * 24 * 60 * 60

export interface BackstopDeps {
  state: StepState
  log: Log
  /** The inputs as the post step reads them (throws InputError). */
  readInputs: () => ActionInputs
  /** May import the SDK on first use: the post step loads it only when it has a batch to settle. */
  makeApi: (inputs: ActionInputs) => BatchApi | Promise<BatchApi>
  mask: (secret: string) => void
  fail: (message: string) => void
  sleep?: Sleep
  now?: () => number
}

/**
 * Post step (post-if: always()): cancels a batch the main step created but could not settle,
 * whether main was cancelled, failed or was killed. A settled step costs no request at all.
 */
export async function cleanUp(deps: BackstopDeps): Promise<void> {
  const { log } = deps
  const saved = deps.state.read()
  const { batchId, pendingKey, settled } = saved
  if (!batchId && !pendingKey)
    return log.info('No batch was created by this step; nothing to clean up')
  if (settled)
    return log.info(
      `${batchId ? `Batch ${batchId}` : 'The batch'} was settled by the main step; nothing to clean up`
    )
  let apiKey = ''
  let context: ErrorContext = { baseUrl: '', keySource: undefined }
  try {
    const inputs = deps.readInputs()
    apiKey = inputs.apiKey
    context = inputs
    deps.mask(apiKey)
    if (!inputs.cancelOnAbort) {
      return log.info(
        `cancel-on-abort is false: ${batchId ? `batch ${batchId}` : 'the batch'} is left running`
      )
    }
    const api = await deps.makeApi(inputs)
    if (saved.batchIds.length > 0) return await cleanUpJob(api, saved, inputs, deps)
    const targets = batchId
      ? [await api.retrieve(batchId)]
      : await findPending(api, saved, inputs, deps)
    if (targets.length === 0) {
      return log.info(
        `The main step was stopped while creating a batch; no batch was created (none carrying ${MetadataKeys.IdempotencyKey}=${pendingKey} was listed)`
      )
    }
    for (const batch of targets) await cancelIfOurs(api, batch, saved, log)
    deps.state.markSettled()
  } catch (error) {
    const what = batchId ? `batch ${batchId}` : 'the batch this step created'
    deps.fail(
      redact(
        `Could not cancel ${what}: ${describeApiError(error, context)}. Cancel it with command: cancel` +
          (pendingKey && !batchId
            ? `; find it with command: list by metadata ${MetadataKeys.IdempotencyKey}=${pendingKey}`
            : ''),
        [apiKey]
      )
    )
  }
}

/**
 * The batches of a job the main step did not settle: each is retrieved and cancelled in parallel
 * (they were saved by id, so they are this step's); a create in flight is looked for by its key.
 */
async function cleanUpJob(
  api: BatchApi,
  saved: SavedState,
  inputs: ActionInputs,
  deps: BackstopDeps
): Promise<void> {
  const { log } = deps
  const found = saved.pendingKey ? await findPending(api, saved, inputs, deps) : []
  const known = await Promise.all(saved.batchIds.map((id) => api.retrieve(id)))
  const targets = [...known, ...found.filter((batch) => !saved.batchIds.includes(batch.id))]
  const results = await Promise.allSettled(
    targets.map(async (batch) => {
      if (isTerminal(batch.status) || batch.status === 'cancelling')
        return log.info(`Batch ${batch.id} is already ${batch.status}; nothing to cancel`)
      const cancelled = await api.cancel(batch.id)
      log.info(
        `Cancelled batch ${batch.id}, which the main step left ${batch.status} (now ${cancelled.status})`
      )
    })
  )
  const failed = results.flatMap((result, index) =>
    result.status === 'rejected'
      ? [{ id: targets[index]?.id, reason: result.reason as unknown }]
      : []
  )
  if (failed.length > 0) {
    throw new Error(
      failed.map(({ id, reason }) => `batch ${id}: ${(reason as Error).message}`).join('; ')
    )
  }
  deps.state.markSettled()
}

/**
 * The main step may have died after sending a create and before learning the batch's id, and the
 * create may commit later still: look for the key over the settle window.
 */
async function findPending(
  api: BatchApi,
  saved: SavedState,
  inputs: ActionInputs,
  deps: BackstopDeps
): Promise<BatchInfo[]> {
  const now = deps.now ?? Date.now
  const since =
    saved.searchSince > 0
      ? saved.searchSince - CLOCK_SKEW_S
      : Math.floor(now() / 1000) - UNKNOWN_SINCE_LOOKBACK_S
  // The window runs from when the create was sent: a post step that starts later waits less.
  const windowEnd = saved.searchSince * 1000 + settleWindowMs(inputs.requestTimeoutMs)
  const found = await settle(
    api,
    { key: saved.pendingKey, fileSha256: saved.fileSha256 },
    deps.log,
    { since, windowMs: Math.max(0, windowEnd - now()), sleep: deps.sleep, now }
  )
  if (found.unknown) throw found.lastError
  return found.own
}

async function cancelIfOurs(
  api: BatchApi,
  batch: BatchInfo,
  saved: SavedState,
  log: Log
): Promise<void> {
  const sha = batch.metadata?.[MetadataKeys.FileSha256]
  const mismatched =
    saved.fileSha256 !== '' &&
    (belongingOf(batch, { key: saved.pendingKey, fileSha256: saved.fileSha256 }) === 'mismatch' ||
      (sha !== undefined && sha !== saved.fileSha256))
  if (mismatched) {
    return log.warning(
      `Batch ${batch.id} does not carry this step's input (input_sha256 differs); it is not cancelled`
    )
  }
  if (isTerminal(batch.status) || batch.status === 'cancelling') {
    return log.info(`Batch ${batch.id} is already ${batch.status}; nothing to cancel`)
  }
  const cancelled = await api.cancel(batch.id)
  log.info(
    `Cancelled batch ${batch.id}, which the main step left ${batch.status} (now ${cancelled.status})`
  )
}
