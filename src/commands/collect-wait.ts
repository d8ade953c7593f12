// collect with `wait: true`: one poll loop over the batches of the matched jobs still running,
// with the backoff of poll.ts, until they end or wait-timeout passes.
import type { BatchInfo } from '../batch/document.js'
import { isTerminal } from '../batch/document.js'
import { groupJobs, type LedgerJob } from '../batch/ledger.js'
import { pollDelayMs } from '../batch/poll.js'
import { describeApiError } from '../lib/errors.js'
import { sleep as realSleep, type Sleep } from '../net/abort.js'
import { isTransientApiError, retryAfterMs } from '../net/retry.js'
import { StepFailure } from './failure.js'
import { requireApi, type StepEnv } from './step.js'

/** At most this many retrieves are in flight at once, however many batches are waited on. */
const RETRIEVES_IN_FLIGHT = 8

export interface JobWait {
  jobs: LedgerJob[]
  /** wait-timeout passed with some job still running. */
  timedOut: boolean
}

async function inBatches<T, R>(items: T[], size: number, work: (item: T) => Promise<R>) {
  const results: PromiseSettledResult<R>[] = []
  for (let start = 0; start < items.length; start += size)
    results.push(...(await Promise.allSettled(items.slice(start, start + size).map(work))))
  return results
}

/**
 * Polls every batch of a running job until every job ends (an incomplete job, whose missing parts
 * no poll can bring, is not waited for). A poll in which some retrieve failed for a passing reason
 * counts towards max-consecutive-errors; any other failure ends the step.
 */
export async function waitForJobs(
  env: StepEnv,
  start: LedgerJob[],
  deps: { now?: () => number; sleep?: Sleep } = {}
): Promise<JobWait> {
  const { inputs, log, signal } = env
  const api = requireApi(env)
  const now = deps.now ?? Date.now
  const sleep = deps.sleep ?? realSleep
  const deadline = now() + inputs.waitTimeoutMs
  const backoff = { initialMs: inputs.pollIntervalMs, maxMs: inputs.maxPollIntervalMs }
  const latest = new Map<string, BatchInfo>()
  for (const job of start) for (const batch of job.batches) latest.set(batch.id, batch)
  let jobs = start
  let consecutiveErrors = 0
  let extraDelay = 0
  for (let poll = 0; ; poll++) {
    const running = jobs.filter((job) => job.status === 'running')
    if (running.length === 0) return { jobs, timedOut: false }
    const remaining = deadline - now()
    if (remaining <= 0) return { jobs, timedOut: true }
    const delay = Math.min(
      inputs.maxPollIntervalMs,
      Math.max(pollDelayMs(poll, backoff), extraDelay)
    )
    await sleep(Math.min(delay, remaining), signal)
    const pending = running.flatMap((job) => job.batches.filter((b) => !isTerminal(b.status)))
    const answers = await inBatches(pending, RETRIEVES_IN_FLIGHT, (batch) =>
      api.retrieveOnce(batch.id, signal)
    )
    let failure: unknown
    for (const answer of answers) {
      if (answer.status === 'fulfilled') latest.set(answer.value.id, answer.value)
      else failure ??= answer.reason
    }
    if (signal.aborted) throw signal.reason
    extraDelay = 0
    if (failure === undefined) consecutiveErrors = 0
    else {
      if (!isTransientApiError(failure)) throw failure
      consecutiveErrors++
      if (consecutiveErrors >= inputs.maxConsecutiveErrors) {
        throw new StepFailure(
          `${consecutiveErrors} polls in a row failed (last: ${env.redact(describeApiError(failure, inputs))}); the provider may be down: run collect again later, or raise max-consecutive-errors`
        )
      }
      extraDelay = retryAfterMs(failure) ?? 0
      log.warning(
        `Poll ${consecutiveErrors} of at most ${inputs.maxConsecutiveErrors} in a row failed: ${env.redact(describeApiError(failure, inputs))}`
      )
    }
    const before = new Map(jobs.map((job) => [job.id, job.status]))
    jobs = groupJobs(jobs.flatMap((job) => job.batches.map((b) => latest.get(b.id) ?? b)))
    for (const job of jobs)
      if (job.status !== before.get(job.id)) log.info(`Job ${job.id} is ${job.status}`)
  }
}
