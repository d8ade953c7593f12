import { isTerminal } from '../batch/document.js'
import { waitAndCollect } from './collect.js'
import type { Ending } from './outcome.js'
import { requireApi, type StepEnv } from './step.js'

/** `cancel`: ask the provider to cancel `batch-id`, then wait for it to end as configured. */
export async function cancelBatch(env: StepEnv): Promise<Ending> {
  const { findings, signal } = env
  const api = requireApi(env)
  if (env.inputs.batchIds.length > 1) return cancelSeveral(env)
  const current = await api.retrieve(env.inputs.batchId, signal)
  findings.track(current)
  if (isTerminal(current.status)) return { kind: 'already ended', batch: current }
  if (current.status !== 'cancelling') findings.track(await api.cancel(current.id, signal))
  env.log.info(`Cancel requested for batch ${current.id}`)
  return waitAndCollect(env, findings.batch ?? current, undefined)
}

/** `cancel` with several ids (a job's batch-ids): cancels every one still running, in parallel. */
async function cancelSeveral(env: StepEnv): Promise<Ending> {
  const api = requireApi(env)
  const batches = await Promise.all(env.inputs.batchIds.map((id) => api.retrieve(id, env.signal)))
  const running = batches.filter(
    (batch) => !isTerminal(batch.status) && batch.status !== 'cancelling'
  )
  await Promise.all(running.map((batch) => api.cancel(batch.id, env.signal)))
  env.log.info(
    running.length > 0
      ? `Cancel requested for batches ${running.map((batch) => batch.id).join(', ')}`
      : 'Every batch had already ended or was being cancelled; there was nothing to cancel'
  )
  const { statusOfJob } = await import('./status-job.js')
  return statusOfJob(env)
}
