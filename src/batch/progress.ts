// Polling by progress: while a batch's request counts move, their rate says when it will end, so
// the wait can poll at about half the predicted remaining time instead of a backoff that knows
// nothing of the batch. Measured in the polling benchmark (bench/polling.mjs): with backoff alone a
// wait of 1 to 5 hours saw the end about 30 s late on median; polling by progress brings that under
// 10 s for the same number of requests an hour, because the polls bunch up where the end is.

/** What the predictor needs of one poll's answer. */
export interface CountsSample {
  /** When the answer came, in ms on the wait's clock. */
  at: number
  /** Requests that have ended, completed or failed. */
  done: number
  total: number
}

/** The phase of a batch for polling: what the next delay should be based on. */
export type PollPhase = 'waiting' | 'running' | 'ending'

/**
 * `ending` once the batch is finalizing or every request has ended: it will end soon, but how soon
 * the counts cannot say. `running` while requests are being processed, `waiting` before (validating,
 * no counts yet).
 */
export function pollPhase(status: string, sample: CountsSample | undefined): PollPhase {
  if (status === 'finalizing' || status === 'cancelling') return 'ending'
  if (sample && sample.total > 0 && sample.done >= sample.total) return 'ending'
  return status === 'in_progress' && sample !== undefined && sample.total > 0
    ? 'running'
    : 'waiting'
}

/**
 * Predicts when the counts will be complete from the rate between the first sample of this run and
 * the latest one. Using the first sample, not the previous one, keeps the estimate steady against
 * providers that update the counts in bursts; a stall lowers the rate, so the prediction grows and
 * the polls spread out again. Only two samples are kept, whatever the wait's length.
 */
export class ProgressPredictor {
  private first: CountsSample | undefined
  private latest: CountsSample | undefined

  observe(sample: CountsSample): void {
    // A total that changes, or counts that go back, start a new estimate.
    if (
      !this.first ||
      sample.total !== this.first.total ||
      sample.done < (this.latest?.done ?? 0)
    ) {
      this.first = sample
    }
    this.latest = sample
  }

  /** Milliseconds from the latest sample until every request is predicted to have ended. */
  remainingMs(): number | undefined {
    const { first, latest } = this
    if (!first || !latest || latest.at <= first.at || latest.done <= first.done) return undefined
    const rate = (latest.done - first.done) / (latest.at - first.at)
    return (latest.total - latest.done) / rate
  }
}

export interface ProgressDelayOptions {
  /** The shortest delay: the first poll's interval. */
  minMs: number
  /** max-poll-interval: no delay is longer, whatever is predicted. */
  maxMs: number
}

/**
 * The delay before the next poll of a running batch with a prediction: half the predicted
 * remaining time, so the polls close in on the predicted end geometrically, within the bounds.
 */
export function progressDelayMs(remainingMs: number, options: ProgressDelayOptions): number {
  return Math.round(Math.min(options.maxMs, Math.max(options.minMs, remainingMs / 2)))
}
