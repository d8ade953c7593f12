// The one wait loop of a job: it polls the batches in flight together and returns as soon as one of
// them has ended, so that the next part can be submitted. The polling is per step, not per batch:
// one `list` page answers for every batch in flight (the newest batches of the account), and only a
// batch missing from it (an account that created more than a page of batches since) is retrieved
// on its own. The delays are those of a single batch's wait (poll.ts), on the batches' summed counts.
import { isKnownStatus, isTerminal, type BatchInfo } from '../batch/document.js'
import { PollError, waitForBatch } from '../batch/poll.js'
import { describeApiError } from '../lib/errors.js'
import type { JobView } from './job-view.js'
import type { BatchPlace } from './job-view.js'
import { requireApi, type StepEnv } from './step.js'

/** The batches in flight, read together: one list page, and a retrieve for any it lacks. */
export async function readInFlight(
  env: StepEnv,
  ids: readonly string[],
  signal?: AbortSignal
): Promise<BatchInfo[]> {
  const api = requireApi(env)
  if (ids.length === 1) return [await api.retrieveOnce(ids[0] as string, signal)]
  const listed = new Map((await api.listNewestOnce(signal)).map((batch) => [batch.id, batch]))
  return Promise.all(ids.map((id) => listed.get(id) ?? api.retrieveOnce(id, signal)))
}

/**
 * The batches in flight seen as one, for the wait's planner: "ended" (completed) once any of them
 * ended, finalizing when all are, else running; the counts summed, so a prediction of the end is
 * made from their joint progress.
 */
export function inFlightAsOne(batches: readonly BatchInfo[]): BatchInfo {
  const counts = { total: 0, completed: 0, failed: 0 }
  for (const batch of batches) {
    counts.total += batch.request_counts?.total ?? 0
    counts.completed += batch.request_counts?.completed ?? 0
    counts.failed += batch.request_counts?.failed ?? 0
  }
  const status = batches.some((batch) => isTerminal(batch.status))
    ? 'completed'
    : batches.every((batch) => batch.status === 'finalizing' || batch.status === 'cancelling')
      ? 'finalizing'
      : batches.some((batch) => batch.status === 'in_progress')
        ? 'in_progress'
        : 'validating'
  return { id: batches.map((batch) => batch.id).join(','), status, request_counts: counts }
}

export interface WaitForAny {
  timedOut: boolean
}

/** Waits until a batch in flight ends, or the job's deadline passes. */
export async function waitForAny(
  env: StepEnv,
  view: JobView,
  inFlight: ReadonlyMap<string, BatchPlace>,
  deadline: number,
  now: () => number
): Promise<WaitForAny> {
  const { inputs } = env
  const ids = [...inFlight.keys()]
  const current = () => ids.map((id) => view.get(id)?.batch as BatchInfo)
  const warned = new Set<string>()
  try {
    const result = await waitForBatch(
      inFlightAsOne(current()),
      {
        retrieve: async (signal) => {
          for (const batch of await readInFlight(env, ids, signal)) {
            const plan = inFlight.get(batch.id) as BatchPlace
            view.track(plan, batch)
            if (!isKnownStatus(batch.status) && !warned.has(`${batch.id} ${batch.status}`)) {
              warned.add(`${batch.id} ${batch.status}`)
              env.log.warning(
                `Batch ${batch.id} reports the status "${batch.status}", which the action does not know; it keeps polling until wait-timeout, and does not report success unless a known status follows`
              )
            }
          }
          return inFlightAsOne(current())
        },
        now,
        onPollError: (error, consecutive, delay) =>
          env.log.warning(
            `Poll ${consecutive} of at most ${inputs.maxConsecutiveErrors} in a row failed: ${env.redact(describeApiError(error, inputs))}; trying again in ${Math.round(delay / 1000)}s`
          )
      },
      {
        initialMs: inputs.pollIntervalMs,
        maxMs: inputs.maxPollIntervalMs,
        timeoutMs: Math.max(0, deadline - now()),
        maxConsecutiveErrors: inputs.maxConsecutiveErrors,
        signal: env.signal
      }
    )
    return { timedOut: result.timedOut }
  } catch (error) {
    if (error instanceof PollError) {
      const first = current()[0] as BatchInfo
      throw new PollError(error.message, first, error.cause)
    }
    throw error
  }
}
