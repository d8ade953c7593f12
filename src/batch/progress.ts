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
  // Within one longest delay of the predicted end, poll at the end itself: halving again would
  // spend a poll or two more per wait for a few seconds of detection.
  const wanted = remainingMs <= options.maxMs ? remainingMs : remainingMs / 2
  return Math.round(Math.min(options.maxMs, Math.max(options.minMs, wanted)))
}

export interface PlannerOptions {
  initialMs: number
  maxMs: number
}

/** The counts of a batch answer as a sample, when it reports any. */
export function countsSample(
  counts: { total?: number | null; completed?: number | null; failed?: number | null } | null,
  at: number
): CountsSample | undefined {
  if (!counts || !counts.total) return undefined
  return { at, done: (counts.completed ?? 0) + (counts.failed ?? 0), total: counts.total }
}

/**
 * Chooses the delay before each poll:
 * - while the batch runs and its counts move: half the predicted remaining time (within
 *   initialMs and maxMs), so the polls close in on the end;
 * - otherwise the backoff of `backoff(step)`, restarted when the batch's end comes near (its counts
 *   complete, or it finalizes): a restarted backoff finds the end within seconds when finalizing is
 *   short and costs only a few polls more when it is long.
 * No delay is longer than maxMs, so a failure is never seen later than max-poll-interval.
 */
export class PollPlanner {
  private readonly predictor = new ProgressPredictor()
  // Stryker disable next-line StringLiteral: only a change to 'ending' is acted on, and the first phase is never compared with anything else (equivalent).
  private phase: PollPhase = 'waiting'
  private step = 0
  /** Whether the last delay by progress was at the cap (and the run's jitter already drawn). */
  // Stryker disable next-line BooleanLiteral: the first answer gives no rate, so a backoff delay, which sets it false, always comes before the first delay at the cap (equivalent).
  private atCap = false

  constructor(
    private readonly options: PlannerOptions,
    private readonly backoff: (step: number) => number,
    private readonly jitter: (ms: number) => number
  ) {}

  /** The delay before the first poll. */
  first(): number {
    return this.backoff(this.step++)
  }

  /** The delay after an answer with this status and these counts, received at `at`. */
  afterAnswer(
    status: string,
    counts: Parameters<typeof countsSample>[0] | undefined,
    at: number
  ): number {
    const sample = countsSample(counts ?? null, at)
    if (sample) this.predictor.observe(sample)
    const phase = pollPhase(status, sample)
    // Only the end's approach restarts the backoff: a batch that starts running says nothing of
    // when it will end, and restarting then would cost polls while the counts give no rate yet.
    if (phase !== this.phase && phase === 'ending') this.step = 0
    this.phase = phase
    const remaining = phase === 'running' ? this.predictor.remainingMs() : undefined
    if (remaining !== undefined) {
      const delay = progressDelayMs(remaining, this.bounds())
      if (delay < this.options.maxMs) {
        // Aimed at the predicted end: a shortened delay would only land before it, one more poll.
        this.atCap = false
        return delay
      }
      // At the cap, only the first delay of a run is jittered: runners started together take
      // different phases and keep them, at the cap's period. Jittering every delay (15% off at
      // most) cost about 5 polls an hour more for no more spread (bench/polling.mjs).
      if (this.atCap) return delay
      this.atCap = true
      return this.jitter(delay)
    }
    this.atCap = false
    return this.backoff(this.step++)
  }

  /** The delay after a failed poll: the backoff goes on. */
  afterError(): number {
    return this.backoff(this.step++)
  }

  private bounds(): ProgressDelayOptions {
    return { minMs: this.options.initialMs, maxMs: this.options.maxMs }
  }
}
