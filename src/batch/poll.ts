import { sleep as realSleep, type Sleep } from '../net/abort.js'
import { isTransientApiError, retryAfterMs } from '../net/retry.js'
import { isKnownStatus, isTerminal, type BatchInfo } from './document.js'
import { PollPlanner } from './progress.js'

export interface BackoffOptions {
  initialMs: number
  maxMs: number
}

/** Jitter takes off up to this share of a delay, never adds: the cap stays a true upper bound. */
export const JITTER = 0.15

/**
 * The delay before poll number `poll` (0-based): `initialMs` first, then doubling up to `maxMs`,
 * each lowered by up to 15% of jitter so that many runners started together spread out.
 */
export function pollDelayMs(
  poll: number,
  options: BackoffOptions,
  random: () => number = Math.random
): number {
  const base = Math.min(options.maxMs, options.initialMs * 2 ** Math.max(0, poll))
  if (poll === 0) return options.initialMs
  return Math.max(1, Math.round(base * (1 - JITTER * random())))
}

export interface WaitOptions extends BackoffOptions {
  timeoutMs: number
  maxConsecutiveErrors: number
  signal?: AbortSignal
}

export interface WaitDeps {
  retrieve: (signal?: AbortSignal) => Promise<BatchInfo>
  now?: () => number
  sleep?: Sleep
  random?: () => number
  /** Each batch answer, so the caller can log changes and keep outputs current. */
  onBatch?: (batch: BatchInfo) => void
  /** A status the action does not know, reported once per status name; the wait goes on. */
  onUnknownStatus?: (status: string) => void
  /** A poll that failed but will be tried again. */
  onPollError?: (error: unknown, consecutive: number, nextDelayMs: number) => void
}

export interface WaitResult {
  batch: BatchInfo
  timedOut: boolean
  polls: number
}

export class PollError extends Error {
  constructor(
    message: string,
    readonly lastBatch: BatchInfo,
    override readonly cause: unknown
  ) {
    super(message)
    this.name = 'PollError'
  }
}

/**
 * Polls until the batch is terminal or `timeoutMs` has passed since the call, by progress while
 * the request counts move and by backoff otherwise (see PollPlanner). Transient failures
 * (network, 429, 5xx) are tolerated up to `maxConsecutiveErrors` in a row; a 429's Retry-After
 * stretches the next delay up to `maxMs`. Anything else ends the wait with the error. A status
 * the action does not know is not terminal: the wait goes on, and the outcome decides later.
 */
export async function waitForBatch(
  start: BatchInfo,
  deps: WaitDeps,
  options: WaitOptions
): Promise<WaitResult> {
  const now = deps.now ?? Date.now
  const sleep = deps.sleep ?? realSleep
  const deadline = now() + options.timeoutMs
  let batch = start
  let polls = 0
  let consecutiveErrors = 0
  const random = deps.random ?? Math.random
  const planner = new PollPlanner(
    options,
    (step) => pollDelayMs(step, options, random),
    (ms) => Math.max(1, Math.round(ms * (1 - JITTER * random())))
  )
  /** The delay before the next poll, drawn once: the one logged is the one slept. */
  let next = planner.first()
  const unknown = new Set<string>()
  const noticeStatus = (status: string) => {
    if (isKnownStatus(status) || unknown.has(status)) return
    unknown.add(status)
    deps.onUnknownStatus?.(status)
  }
  noticeStatus(batch.status)

  while (!isTerminal(batch.status)) {
    const remaining = deadline - now()
    if (remaining <= 0) return { batch, timedOut: true, polls }
    await sleep(Math.min(next, remaining), options.signal)
    polls++
    try {
      batch = await deps.retrieve(options.signal)
      consecutiveErrors = 0
      next = planner.afterAnswer(batch.status, batch.request_counts, now())
      deps.onBatch?.(batch)
      noticeStatus(batch.status)
    } catch (error) {
      if (options.signal?.aborted || !isTransientApiError(error)) throw error
      consecutiveErrors++
      if (consecutiveErrors >= options.maxConsecutiveErrors) {
        throw new PollError(
          `${consecutiveErrors} polls in a row failed (last: ${(error as Error).message}); ` +
            'the provider may be down: collect the batch later with command: status, or raise max-consecutive-errors',
          batch,
          error
        )
      }
      // A 429's Retry-After stretches the next delay, never shortens it, and never past
      // max-poll-interval: the user's bound on how stale the step's view of the batch may get.
      next = Math.min(options.maxMs, Math.max(planner.afterError(), retryAfterMs(error) ?? 0))
      deps.onPollError?.(error, consecutiveErrors, next)
    }
  }
  return { batch, timedOut: false, polls }
}
