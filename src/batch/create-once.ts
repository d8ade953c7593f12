// A create sent at most once in effect, however its answer is lost: reconciled by the idempotency
// key over the settle window (reconcile.ts), with duplicates that commit late cancelled.
import { isAbort, sleep as defaultSleep, type Sleep } from '../net/abort.js'
import { DefaultRetry, isTransientApiError, retryDelayMs } from '../net/retry.js'
import type { BatchApi, CreateParams } from './client.js'
import { isTerminal, type BatchInfo } from './document.js'
import { MetadataKeys } from './metadata.js'
import {
  byAge,
  CLOCK_SKEW_S,
  findOwnBatches,
  settle,
  type ReconcileLog,
  type StepMark
} from './reconcile.js'

/** Every transient failure but a 429 may hide a create that was carried out (or commits later). */
function mayHaveCommitted(error: unknown): boolean {
  return (error as { status?: unknown }).status !== 429
}

/** The create was sent, its answer was lost, and `list` never answered: the batch may exist. */
export class UnsettledCreate extends Error {
  constructor(
    readonly key: string,
    readonly createError: unknown,
    readonly listError: unknown
  ) {
    super('Could not tell whether the batch was created')
    this.name = 'UnsettledCreate'
  }
}

export interface CreateOptions {
  mark: StepMark
  maxAttempts: number
  settleWindowMs: number
  log: ReconcileLog
  signal?: AbortSignal
  sleep?: Sleep
  now?: () => number
}

export interface Created {
  batch: BatchInfo
  /** True when the batch was found by its key after a create whose answer was lost. */
  adopted: boolean
  /** A create failed ambiguously: duplicates may turn up later (see sweepDuplicates). */
  ambiguous: boolean
  /** The creation time searches for this create go back to (Unix seconds). */
  since: number
}

/**
 * Creates the batch at most once in effect. A create that failed in a way that may have been
 * carried out (a 5xx, a dropped connection, a timeout) is reconciled before it is sent again:
 * `list` is read over the settle window, and a batch carrying the key is adopted. After such a
 * create, one more list keeps the oldest batch with the key and cancels any other.
 */
export async function createExactlyOnce(
  api: BatchApi,
  params: CreateParams,
  options: CreateOptions
): Promise<Created> {
  const { mark, log, signal } = options
  const now = options.now ?? Date.now
  const since = Math.floor(now() / 1000) - CLOCK_SKEW_S
  let ambiguous = false
  for (let attempt = 1; ; attempt++) {
    try {
      const batch = await api.createOnce(params, signal)
      if (!ambiguous) return { batch, adopted: false, ambiguous, since }
      const kept = await sweepDuplicates(api, mark, since, log, { keep: 'oldest', signal })
      return {
        batch: kept ?? batch,
        adopted: kept !== undefined && kept.id !== batch.id,
        ambiguous,
        since
      }
    } catch (error) {
      if (isAbort(error, signal) || !isTransientApiError(error)) throw error
      if (attempt >= options.maxAttempts && !mayHaveCommitted(error)) throw error
      if (!mayHaveCommitted(error)) {
        // A rate limit is a refusal: nothing was created. Wait as asked, then send it again.
        const delay = retryDelayMs(attempt, error, DefaultRetry)
        log.info(
          `Create batch failed (attempt ${attempt} of ${options.maxAttempts}: ${(error as Error).message}); retrying in ${(delay / 1000).toFixed(1)}s`
        )
        await (options.sleep ?? defaultSleep)(delay, signal)
        continue
      }
      ambiguous = true
      log.info(
        `Create batch failed (attempt ${attempt} of ${options.maxAttempts}: ${(error as Error).message}); it may have been carried out, so looking for it by key for up to ${Math.round(options.settleWindowMs / 1000)}s before sending it again`
      )
      const found = await settle(api, mark, log, {
        since,
        windowMs: options.settleWindowMs,
        signal,
        sleep: options.sleep,
        now
      })
      if (found.unknown) throw new UnsettledCreate(mark.key, error, found.lastError)
      if (found.own.length > 0) {
        const kept = await cancelAllButOldest(api, found.own, log, signal)
        return { batch: kept, adopted: true, ambiguous, since }
      }
      if (attempt >= options.maxAttempts) throw error
    }
  }
}

/**
 * Lists once more for batches with this step's key. `keep: 'oldest'` keeps the oldest and cancels
 * the rest; a batch id keeps that one. Returns the batch kept, or undefined when none was listed
 * (or the list failed: the step goes on with the batch it has, and says so).
 */
export async function sweepDuplicates(
  api: BatchApi,
  mark: StepMark,
  since: number,
  log: ReconcileLog,
  options: { keep: 'oldest' | string; signal?: AbortSignal }
): Promise<BatchInfo | undefined> {
  let own: BatchInfo[]
  try {
    own = await api.retry(
      'Looking for duplicate batches',
      () => findOwnBatches(api, mark, since, log, options.signal),
      options.signal
    )
  } catch (error) {
    if (isAbort(error, options.signal)) throw error
    log.warning(
      `Could not list batches to check for a duplicate of this step's batch (${(error as Error).message}); look for metadata ${MetadataKeys.IdempotencyKey}=${mark.key} with command: list`
    )
    return undefined
  }
  if (own.length === 0) return undefined
  if (options.keep === 'oldest') return cancelAllButOldest(api, own, log, options.signal)
  const kept = own.find((batch) => batch.id === options.keep)
  await cancelOthers(
    api,
    own.filter((batch) => batch.id !== options.keep),
    options.keep,
    log,
    options.signal
  )
  return kept
}

async function cancelAllButOldest(
  api: BatchApi,
  own: BatchInfo[],
  log: ReconcileLog,
  signal?: AbortSignal
): Promise<BatchInfo> {
  const [oldest, ...rest] = [...own].sort(byAge) as [BatchInfo, ...BatchInfo[]]
  await cancelOthers(api, rest, oldest.id, log, signal)
  return oldest
}

async function cancelOthers(
  api: BatchApi,
  duplicates: BatchInfo[],
  keptId: string,
  log: ReconcileLog,
  signal?: AbortSignal
): Promise<void> {
  for (const duplicate of duplicates) {
    if (isTerminal(duplicate.status) || duplicate.status === 'cancelling') continue
    try {
      const cancelled = await api.cancel(duplicate.id, signal)
      log.warning(
        `Batch ${duplicate.id} duplicates this step's batch ${keptId} (a create committed late); cancelled it (now ${cancelled.status})`
      )
    } catch (error) {
      if (isAbort(error, signal)) throw error
      log.warning(
        `Batch ${duplicate.id} duplicates this step's batch ${keptId}, and cancelling it failed (${(error as Error).message}); cancel it with command: cancel, batch-id: ${duplicate.id}`
      )
    }
  }
}
