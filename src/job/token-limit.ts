// A batch the provider fails at validation because the account's enqueued-token limit is reached
// (OpenAI: `token_limit_exceeded`) is not a failed job: it is sent again once tokens free up.
import type { BatchInfo } from '../batch/document.js'
import { pollDelayMs } from '../batch/poll.js'

/** A batch the provider failed for its enqueued-token limit is sent again this many times at most. */
export const MAX_TOKEN_RESUBMITS = 5

/** The error codes with which providers refuse a batch for the tokens enqueued on the account. */
export const TOKEN_LIMIT_CODES = ['token_limit_exceeded', 'enqueued_token_limit_exceeded'] as const

/** A batch that failed only because the account's enqueued-token limit was reached. */
export function refusedForTokens(batch: BatchInfo): boolean {
  if (batch.status !== 'failed') return false
  const codes = (batch.errors?.data ?? []).map((error) => error?.code ?? '')
  return (
    codes.length > 0 &&
    codes.every((code) => (TOKEN_LIMIT_CODES as readonly string[]).includes(code))
  )
}

/**
 * The pause before resubmission `resubmit` (1-based): the polls' backoff (poll-interval doubling up
 * to max-poll-interval), since the tokens free up as the account's batches end, which polling sees.
 */
export function tokenBackoffMs(
  resubmit: number,
  inputs: { pollIntervalMs: number; maxPollIntervalMs: number }
): number {
  return pollDelayMs(resubmit, {
    initialMs: inputs.pollIntervalMs,
    maxMs: inputs.maxPollIntervalMs
  })
}
