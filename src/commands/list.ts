import { Outputs } from '../action/names.js'
import { describeProgress, type BatchInfo } from '../batch/document.js'
import { formatTimestamp } from '../lib/format.js'
import type { Ending } from './outcome.js'
import { requireApi, type StepEnv } from './step.js'

/** `list`: the most recent batches, as an output and in the log; the summary table is main's. */
export async function listBatches(env: StepEnv): Promise<{ ending: Ending; batches: BatchInfo[] }> {
  const { log } = env
  const batches = await requireApi(env).list(env.inputs.listLimit, env.signal)
  env.outputs.set(Outputs.Batches, JSON.stringify(batches))
  for (const batch of batches) {
    const created = formatTimestamp(batch.created_at) ?? '-'
    log.info(`${batch.id}  ${describeProgress(batch)}  ${batch.endpoint ?? ''}  ${created}`)
  }
  log.info(`${batches.length} batch${batches.length === 1 ? '' : 'es'}`)
  return { ending: { kind: 'done' }, batches }
}
