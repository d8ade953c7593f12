// Which batches are this step's, found by the idempotency key in their metadata; and a create
// that is sent at most once in effect, however its answer is lost.
import { isAbort, sleep as defaultSleep, type Sleep } from '../net/abort.js'
import { retryAfterMs } from '../net/retry.js'
import type { BatchApi } from './client.js'
import { isTerminal, type BatchInfo } from './document.js'
import { MetadataKeys } from './metadata.js'

/** Clocks of the runner and the provider may differ by this much (seconds). */
export const CLOCK_SKEW_S = 5 * 60
/** An earlier attempt's batch is searched for back to completion-window plus this (seconds). */
export const RERUN_MARGIN_S = 60 * 60
/** The first pause between two lists while a create settles; it doubles after each list. */
const FIRST_SETTLE_PAUSE_MS = 500

/**
 * How long an ambiguous create is given to show up in `list` before it is sent again: three
 * request timeouts (a create slower than one timeout may still commit), between 5 s and 30 s.
 */
export function settleWindowMs(requestTimeoutMs: number): number {
  return Math.min(30_000, Math.max(5_000, 3 * requestTimeoutMs))
}

/** Where a batch stands to this step: its own, someone else's, or carrying its key for another input. */
export type Belonging = 'ours' | 'other' | 'mismatch'

export interface StepMark {
  key: string
  fileSha256: string
  /** The file this step uploaded, when it has. */
  inputFileId?: string
}

export function belongingOf(batch: BatchInfo, mark: StepMark): Belonging {
  const metadata = batch.metadata ?? {}
  if (metadata[MetadataKeys.IdempotencyKey] !== mark.key) return 'other'
  const sha = metadata[MetadataKeys.FileSha256]
  if (sha !== undefined && sha !== mark.fileSha256) return 'mismatch'
  if (mark.inputFileId && batch.input_file_id && batch.input_file_id !== mark.inputFileId)
    return 'mismatch'
  return 'ours'
}

export interface ReconcileLog {
  info(message: string): void
  warning(message: string): void
}

export const byAge = (a: BatchInfo, b: BatchInfo) => (a.created_at ?? 0) - (b.created_at ?? 0)

/** This step's batches created since `since` (Unix seconds), oldest first; one pass, no retry. */
export async function findOwnBatches(
  api: BatchApi,
  mark: StepMark,
  since: number,
  log: ReconcileLog,
  signal?: AbortSignal,
  timeoutMs?: number
): Promise<BatchInfo[]> {
  const own: BatchInfo[] = []
  for (const batch of await api.listSince(since, signal, timeoutMs)) {
    const belonging = belongingOf(batch, mark)
    if (belonging === 'ours') own.push(batch)
    else if (belonging === 'mismatch')
      log.warning(
        `Batch ${batch.id} carries this step's key but not its input (input_sha256 or input_file_id differs); it is not this step's and is left alone`
      )
  }
  return own.sort(byAge)
}

/** What an earlier attempt of this step left, and what this attempt does about it. */
export type Earlier =
  | { kind: 'adopt'; batch: BatchInfo }
  | { kind: 'collect'; batch: BatchInfo }
  | { kind: 'create'; ended: BatchInfo | undefined }

/** A running batch is adopted, else a completed one collected, else a new one created. */
export function decideReuse(own: BatchInfo[]): Earlier {
  const running = own.find((batch) => !isTerminal(batch.status))
  if (running) return { kind: 'adopt', batch: running }
  const completed = own.filter((batch) => batch.status === 'completed').at(-1)
  if (completed) return { kind: 'collect', batch: completed }
  return { kind: 'create', ended: own.at(-1) }
}

/** The oldest a re-run's batch can be and still matter: completion window plus a margin. */
export function rerunCutoff(nowMs: number, completionWindowMs: number): number {
  return Math.floor((nowMs - completionWindowMs) / 1000) - RERUN_MARGIN_S
}

/** Looks for the batch an earlier attempt of this step made; also the pre-upload check of the key. */
export function lookupEarlierAttempt(
  api: BatchApi,
  mark: StepMark,
  since: number,
  log: ReconcileLog,
  signal?: AbortSignal
): Promise<Earlier> {
  return api.retry(
    "Looking for this step's batch",
    async () => decideReuse(await findOwnBatches(api, mark, since, log, signal)),
    signal
  )
}

export interface SettleOptions {
  since: number
  windowMs: number
  signal?: AbortSignal
  sleep?: Sleep
  now?: () => number
}

export interface Settled {
  own: BatchInfo[]
  /** Every list in the window failed: whether a batch exists is unknown. */
  unknown: boolean
  lastError?: unknown
}

/** Lists again, with pauses that double, until this step's batch shows up or the window is over. */
export async function settle(
  api: BatchApi,
  mark: StepMark,
  log: ReconcileLog,
  options: SettleOptions
): Promise<Settled> {
  const now = options.now ?? Date.now
  const pause = options.sleep ?? defaultSleep
  const deadline = now() + options.windowMs
  let anyAnswer = false
  let lastError: unknown
  for (let wait = FIRST_SETTLE_PAUSE_MS; ; wait *= 2) {
    let asked: number | undefined
    try {
      const own = await findOwnBatches(api, mark, options.since, log, options.signal)
      anyAnswer = true
      if (own.length > 0) return { own, unknown: false }
    } catch (error) {
      if (isAbort(error, options.signal)) throw error
      lastError = error
      asked = retryAfterMs(error)
    }
    const left = deadline - now()
    if (left <= 0) return { own: [], unknown: !anyAnswer, lastError }
    // A provider that asked for a pause (429 Retry-After) gets it, within the window.
    await pause(Math.min(Math.max(wait, asked ?? 0), left), options.signal)
  }
}
