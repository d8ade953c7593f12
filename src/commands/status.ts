import { isTerminal } from '../batch/document.js'
import { checkResultsDir, insideWorkspace, waitAndCollect } from './collect.js'
import type { Ending } from './outcome.js'
import { requireApi, type StepEnv } from './step.js'

/** `status`: retrieve `batch-id`; wait for it when asked, and collect its results. */
export async function statusOf(env: StepEnv): Promise<Ending> {
  const { inputs } = env
  if (inputs.batchIds.length > 1) {
    const { statusOfJob } = await import('./status-job.js')
    return statusOfJob(env)
  }
  const api = requireApi(env)
  await checkResultsDir(env)
  const batch = await api.retrieve(inputs.batchId, env.signal)
  env.findings.track(batch)
  // Waiting makes the step responsible for the batch: cancelled with the step, like one it created.
  if (inputs.wait && !isTerminal(batch.status)) env.state.saveBatch(batch.id)
  const inputPath = inputs.file ? await insideWorkspace(env, inputs.file, 'file') : undefined
  return waitAndCollect(env, batch, inputPath)
}
