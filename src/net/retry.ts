import { APIConnectionError, APIError, APIUserAbortError } from 'openai/core/error'
import { HttpStatusError } from './transfer-errors.js'
import { abortReason, sleep, type Sleep } from './abort.js'

/** The classifier of API calls made through the SDK. Transient: the same request may succeed later. */
export function isTransientApiError(error: unknown): boolean {
  if (error instanceof APIUserAbortError) return false
  if (error instanceof APIConnectionError) return true
  if (error instanceof APIError) {
    const status = error.status ?? 0
    return status === 0 || status === 408 || status === 409 || status === 429 || status >= 500
  }
  return false
}

const LOCAL_FS_ERRORS = new Set([
  'ENOSPC',
  'EDQUOT',
  'EACCES',
  'EPERM',
  'EROFS',
  'EISDIR',
  'ENOTDIR',
  'ENAMETOOLONG'
])

/**
 * Whether another attempt at a streamed transfer (a file download) could succeed. It differs from
 * isTransientApiError on purpose: a body cut off mid-stream surfaces as an error the SDK does not
 * type (a reset socket, "terminated"), so an error it does not know is retried; a 409 is final for
 * a file's content; and errors of the local disk are not retried, as a second try would not help.
 */
export function isTransientTransferError(error: unknown): boolean {
  const status =
    error instanceof APIError || error instanceof HttpStatusError
      ? (error as { status?: unknown }).status
      : undefined
  if (typeof status === 'number') {
    if (status === 408 || status === 429) return true
    return !(status >= 400 && status < 500)
  }
  if (error instanceof Error) {
    // The SDK's abort error is named 'Error': it is known by its class (or a name given by hand).
    if (
      error.name === 'AbortError' ||
      error.name === 'APIUserAbortError' ||
      error instanceof APIUserAbortError
    )
      return false
    const code = (error as { code?: unknown }).code
    // Errors of the local disk: trying the download again would not help.
    if (typeof code === 'string' && LOCAL_FS_ERRORS.has(code)) return false
  }
  return true
}

/** The wait a 429 or 503 asks for, in ms, from `retry-after-ms` or `retry-after` (seconds or a date). */
export function retryAfterMs(error: unknown, now: number = Date.now()): number | undefined {
  if (!(error instanceof APIError) || !error.headers) return undefined
  const headers = error.headers
  const ms = Number(headers.get('retry-after-ms'))
  if (Number.isFinite(ms) && ms > 0) return ms
  const after = headers.get('retry-after')
  if (!after) return undefined
  const seconds = Number(after)
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000
  const date = Date.parse(after)
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined
}

export interface RetryPolicy {
  attempts: number
  baseMs: number
  maxMs: number
  /** Upper bound on a server's Retry-After we are willing to honour. */
  maxRetryAfterMs: number
}

export const DefaultRetry: Omit<RetryPolicy, 'attempts'> = {
  baseMs: 500,
  maxMs: 8000,
  maxRetryAfterMs: 60_000
}

/**
 * Delay before retry number `retry` (1-based): Retry-After when the server gave one, else
 * exponential with equal jitter: half the ceiling for sure, plus a random share of the other half.
 * The guaranteed half keeps a crowd of retrying clients from coming back at once on a rate limit.
 */
export function retryDelayMs(
  retry: number,
  error: unknown,
  policy: Omit<RetryPolicy, 'attempts'>,
  random: () => number = Math.random
): number {
  const asked = retryAfterMs(error)
  if (asked !== undefined) return Math.min(asked, policy.maxRetryAfterMs)
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** (retry - 1))
  return Math.round(ceiling / 2 + (random() * ceiling) / 2)
}

export interface RetryOptions {
  policy: RetryPolicy
  signal?: AbortSignal
  sleep?: Sleep
  random?: () => number
  /** Called before each retry, with the delay about to be slept. */
  onRetry?: (attempt: number, error: unknown, delayMs: number) => void
  /** Which failures are worth another attempt (default: isTransientApiError). */
  retryable?: (error: unknown) => boolean
  /** Replaces the policy's delay before retry number `retry` (1-based). */
  delayMs?: (retry: number, error: unknown) => number
}

/** Runs `call` until it succeeds, fails for good, runs out of attempts or is aborted. */
export async function withRetry<T>(
  call: (attempt: number) => Promise<T>,
  options: RetryOptions
): Promise<T> {
  const { policy, signal } = options
  const wait = options.sleep ?? sleep
  const retryable = options.retryable ?? isTransientApiError
  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw abortReason(signal)
    try {
      return await call(attempt)
    } catch (error) {
      if (signal?.aborted) throw abortReason(signal)
      if (attempt >= policy.attempts || !retryable(error)) throw error
      const delay =
        options.delayMs?.(attempt, error) ?? retryDelayMs(attempt, error, policy, options.random)
      options.onRetry?.(attempt, error, delay)
      try {
        await wait(delay, signal)
      } catch (sleepError) {
        throw signal?.aborted ? abortReason(signal) : sleepError
      }
    }
  }
}
