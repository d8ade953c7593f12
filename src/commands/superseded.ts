// cancel-superseded: before a run creates its batch, the running batches of earlier runs of the
// same step on the same pull request (or ref) are cancelled, as `concurrency: cancel-in-progress`
// does for jobs: a new push stops paying for the previous push's batch. Which batches those are is
// ledger.ts's; this file lists, cancels and tells. Nothing here fails the step.
import { supersededBatches, type Superseded } from '../batch/ledger.js'
import { pullRequestOfRun } from '../batch/metadata.js'
import { rerunCutoff } from '../batch/reconcile.js'
import { describeApiError } from '../lib/errors.js'
import { isAbort } from '../net/abort.js'
import { parseDuration } from '../lib/parse-duration.js'
import { requireApi, type StepEnv, type SupersededRecord } from './step.js'

/** When completion-window is not a duration the action can read, the search looks back this far. */
const FALLBACK_WINDOW_MS = 24 * 60 * 60 * 1000

/** Whether cancel-superseded applies to this run at all (so that nothing is listed when not). */
export function supersedingApplies(env: Pick<StepEnv, 'inputs' | 'context'>): boolean {
  const mode = env.inputs.cancelSuperseded
  if (mode === 'false' || !env.context.inActions) return false
  return mode === 'true' || pullRequestOfRun(env.context) !== undefined
}

function why(found: Superseded): string {
  return found.pullRequest !== undefined
    ? `on pull request #${found.pullRequest}`
    : `on ${found.ref ?? 'the same ref'}`
}

function windowMs(completionWindow: string): number {
  try {
    return parseDuration(completionWindow)
  } catch {
    return FALLBACK_WINDOW_MS
  }
}

/**
 * Lists the account's batches back to the completion window plus an hour (older ones have ended),
 * and cancels, side by side, those this run supersedes. Each is logged and kept in the findings
 * for the summary. A list or cancel that fails is a warning: the run goes on.
 */
export async function cancelSuperseded(
  env: StepEnv,
  now: () => number = Date.now
): Promise<SupersededRecord[]> {
  if (!supersedingApplies(env)) return []
  const { inputs, log, signal } = env
  const api = requireApi(env)
  const since = rerunCutoff(now(), windowMs(inputs.completionWindow))
  let found: Superseded[]
  try {
    const listed = await api.retry(
      'Looking for superseded batches',
      () => api.listSince(since, signal),
      signal
    )
    found = supersededBatches(listed, env.context, inputs.cancelSuperseded)
  } catch (error) {
    if (isAbort(error, signal)) throw error
    log.warning(
      env.redact(
        `Could not list batches to cancel those of earlier runs (cancel-superseded): ${describeApiError(error, inputs)}; they are left running`
      )
    )
    return []
  }
  if (found.length === 0) {
    log.debug('cancel-superseded: no running batch of an earlier run of this step')
    return []
  }
  const settled = await Promise.allSettled(
    found.map((superseded) => api.cancel(superseded.batch.id, signal))
  )
  const cancelled: SupersededRecord[] = []
  for (const [index, outcome] of settled.entries()) {
    const superseded = found[index]!
    const { id } = superseded.batch
    if (outcome.status === 'rejected') {
      if (isAbort(outcome.reason, signal)) throw outcome.reason
      log.warning(
        env.redact(
          `Could not cancel batch ${id} of run ${superseded.runId} (superseded by this run ${why(superseded)}): ${describeApiError(outcome.reason, inputs)}; it runs on`
        )
      )
      continue
    }
    log.info(
      `Cancelled batch ${id} of run ${superseded.runId} (superseded by this run ${why(superseded)})`
    )
    cancelled.push({
      id,
      runId: superseded.runId,
      status: outcome.value.status,
      ...(superseded.pullRequest !== undefined ? { pullRequest: superseded.pullRequest } : {}),
      ...(superseded.ref !== undefined ? { ref: superseded.ref } : {})
    })
  }
  env.findings.superseded.push(...cancelled)
  return cancelled
}
