import { isTerminal, type BatchInfo } from '../batch/document.js'
import { PollError } from '../batch/poll.js'
import { CLOCK_SKEW_S, findOwnBatches } from '../batch/reconcile.js'
import { describeApiError } from '../lib/errors.js'
import { isAbort, type StopSignal } from '../net/abort.js'
import { StepFailure } from './failure.js'
import type { Ending } from './outcome.js'
import type { StepEnv } from './step.js'

/**
 * Time from SIGINT to the process's exit: the runner sends SIGTERM at 7.5 s and kills at 10 s.
 * The API calls of the abort path get what is left after the wind-down (the outcome, the summary,
 * and the exit), so the whole path fits in the budget.
 */
export const ABORT_BUDGET_MS = 6000
export const WIND_DOWN_MS = 300

/**
 * A signal that aborts after `ms`, on a timer of its own. AbortSignal.timeout was measured to fire
 * about 0.7 s late with a request hanging on it, which pushed the exit past the budget.
 */
function deadline(ms: number): { signal: AbortSignal; clear(): void } {
  const controller = new AbortController()
  const timer = setTimeout(
    () => controller.abort(new DOMException('The cancel ran out of time', 'TimeoutError')),
    ms
  )
  return { signal: controller.signal, clear: () => clearTimeout(timer) }
}

/** Turns any error a command threw into how the step ended; on a stop signal, cancels first. */
export async function explainFailure(
  env: StepEnv,
  error: unknown,
  received: StopSignal | undefined
): Promise<Ending> {
  if (error instanceof StepFailure) return { kind: 'error', message: error.message }
  if (received || isAbort(error, env.signal))
    return { kind: 'aborted', message: await cancelOnAbort(env, received) }
  if (error instanceof PollError) {
    return {
      kind: 'error',
      message: `${error.message}. Batch ${error.lastBatch.id} was ${error.lastBatch.status} when last seen`
    }
  }
  const described = describeApiError(error, env.inputs)
  const batch = env.findings.batch
  return { kind: 'error', message: batch ? `${described} (batch ${batch.id})` : described }
}

/** The step was cancelled: cancel its batch at once, within the time the runner allows. */
export async function cancelOnAbort(
  env: StepEnv,
  received: StopSignal | undefined,
  budgetMs: number = ABORT_BUDGET_MS - WIND_DOWN_MS
): Promise<string> {
  const { inputs, findings, state, api } = env
  const how = `The step was cancelled (${received ?? 'aborted'})`
  if (!inputs.cancelOnAbort || !api) {
    return findings.batch
      ? `${how}; batch ${findings.batch.id} was left ${findings.batch.status} (cancel-on-abort is false)`
      : how
  }
  const timer = deadline(budgetMs)
  const budget = timer.signal
  if (findings.job && findings.job.size > 0) {
    try {
      return await cancelJobOnAbort(env, how, budget, budgetMs)
    } finally {
      timer.clear()
    }
  }
  try {
    const owned = state.read().batchId !== ''
    let target: BatchInfo | undefined = owned ? findings.batch : undefined
    if (!target && findings.creating) {
      const saved = state.read()
      const mark = { key: findings.creating, fileSha256: saved.fileSha256 }
      const since = saved.searchSince - CLOCK_SKEW_S
      const own = await findOwnBatches(api, mark, since, env.log, budget, budgetMs)
      target = own.find((batch) => !isTerminal(batch.status)) ?? own[0]
      // Not found yet: a create may still commit, so the key stays unsettled for the post step.
      if (!target)
        return `${how} while creating the batch; no batch was listed for this step yet, so the post step looks for it again (idempotency key ${findings.creating})`
      state.saveBatch(target.id)
      findings.track(target)
    }
    if (!target) return `${how} before a batch was created; nothing was created`
    if (isTerminal(target.status))
      return `${how}; batch ${target.id} had already ended ${target.status}`
    findings.track(await api.cancel(target.id, budget, budgetMs))
    state.markSettled()
    return `${how}; batch ${target.id} was cancelled (now ${findings.batch?.status})`
  } catch (error) {
    const id = findings.batch?.id
    const why = budget.aborted
      ? `no answer within the ${(budgetMs / 1000).toFixed(1)}s a cancelled step has`
      : describeApiError(error, inputs)
    return `${how}; cancelling batch ${id ?? '(unknown)'} failed: ${why}. ${id ? `Cancel it by hand: command: cancel, batch-id: ${id}` : ''}`.trim()
  } finally {
    timer.clear()
  }
}

/**
 * The step of a job was cancelled: every batch of it still running is cancelled at once, in
 * parallel, so that the whole job fits in the time one batch's cancel has; a create in flight is
 * looked for by its key, as for one batch.
 */
async function cancelJobOnAbort(
  env: StepEnv,
  how: string,
  budget: AbortSignal,
  budgetMs: number
): Promise<string> {
  const { findings, state } = env
  const api = env.api as NonNullable<StepEnv['api']>
  const job = findings.job as NonNullable<StepEnv['findings']['job']>
  const pending = findings.creating
  const saved = state.read()
  const lookup: Promise<BatchInfo[]> = pending
    ? findOwnBatches(
        api,
        { key: pending, fileSha256: saved.fileSha256 },
        saved.searchSince - CLOCK_SKEW_S,
        env.log,
        budget,
        budgetMs
      ).catch(() => [])
    : Promise.resolve([])
  const cancelOne = async (id: string): Promise<void> => {
    const cancelled = await api.cancel(id, budget, budgetMs)
    const entry = job.get(id)
    if (entry) job.track(entry, cancelled)
  }
  const running = job.running().map((entry) => entry.batch.id)
  const first = await Promise.allSettled(running.map(cancelOne))
  const late = (await lookup).filter((batch) => !isTerminal(batch.status)).map((batch) => batch.id)
  for (const id of late) state.saveJobBatch(id)
  const second = await Promise.allSettled(late.map(cancelOne))
  findings.batch = job.asBatch()
  const outcomes = [...running, ...late].map((id, index) => ({
    id,
    result: [...first, ...second][index]
  }))
  const failed = outcomes.filter(({ result }) => result?.status === 'rejected')
  const unfound = pending !== undefined && late.length === 0
  if (failed.length === 0 && !unfound) state.markSettled()
  const parts: string[] = []
  if (outcomes.length === 0) parts.push('no batch of the job was running')
  const cancelled = outcomes
    .filter(({ result }) => result?.status === 'fulfilled')
    .map(({ id }) => id)
  if (cancelled.length > 0) parts.push(`cancelled ${cancelled.join(', ')}`)
  for (const { id, result } of failed) {
    const why = budget.aborted
      ? `no answer within the ${(budgetMs / 1000).toFixed(1)}s a cancelled step has`
      : describeApiError((result as PromiseRejectedResult).reason, env.inputs)
    parts.push(
      `cancelling batch ${id} failed: ${why}; cancel it with command: cancel, batch-id: ${id}`
    )
  }
  if (unfound)
    parts.push(
      `a create was in flight and its batch was not listed yet; the post step looks for it (idempotency key ${pending})`
    )
  return `${how}; ${parts.join('; ')}`
}
