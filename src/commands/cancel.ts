import { isTerminal } from '../batch/document.js'
import { waitAndCollect } from './collect.js'
import type { Ending } from './outcome.js'
import { requireApi, type StepEnv } from './step.js'

/** `cancel`: ask the provider to cancel `batch-id`, then wait for it to end as configured. */
export async function cancelBatch(env: StepEnv): Promise<Ending> {
  const { findings, signal } = env
  const api = requireApi(env)
  const current = await api.retrieve(env.inputs.batchId, signal)
  findings.track(current)
  if (isTerminal(current.status)) return { kind: 'already ended', batch: current }
  if (current.status !== 'cancelling') findings.track(await api.cancel(current.id, signal))
  env.log.info(`Cancel requested for batch ${current.id}`)
  return waitAndCollect(env, findings.batch ?? current, undefined)
}
