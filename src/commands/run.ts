import { Outputs } from '../action/names.js'
import { idempotencyKey } from '../batch/idempotency.js'
import { buildBatchMetadata, traceabilityMetadata } from '../batch/metadata.js'
import { createOrAdopt } from '../batch/reconcile.js'
import { formatBytes } from '../lib/format.js'
import { checkResultsDir, waitAndCollect } from './collect.js'
import { StepFailure } from './failure.js'
import type { Ending } from './outcome.js'
import { requireApi, type StepEnv } from './step.js'
import { validateFile } from './validate.js'

/** `run`: validate the file, upload it, create the batch (at most once), then wait and collect. */
export async function runBatch(env: StepEnv, now: () => number = Date.now): Promise<Ending> {
  const { inputs, log, outputs, findings, state, signal } = env
  const api = requireApi(env)
  await checkResultsDir(env)
  const file = await validateFile(env)

  const key = idempotencyKey(env.context, file.sha256, now())
  let metadata: Record<string, string>
  try {
    metadata = buildBatchMetadata(inputs.metadata, traceabilityMetadata(env.context), {
      key,
      fileSha256: file.sha256
    })
  } catch (error) {
    throw new StepFailure(`metadata: ${(error as Error).message}. Nothing was uploaded.`)
  }

  const uploaded = await log.group('Upload', async () => {
    const result = await api.upload(file.path, signal, file)
    log.info(`Uploaded ${formatBytes(result.bytes ?? 0)} as ${result.id}`)
    return result
  })
  outputs.set(Outputs.InputFileId, uploaded.id)
  if (signal.aborted) throw signal.reason

  const created = await log.group('Create batch', async () => {
    findings.creating = key
    state.saveCreateKey(key)
    try {
      return await createOrAdopt(
        api,
        {
          inputFileId: uploaded.id,
          endpoint: inputs.endpoint,
          completionWindow: inputs.completionWindow,
          metadata
        },
        key,
        signal,
        log
      )
    } finally {
      // Aborted mid-create: the batch may exist, and the abort handler looks for it by key.
      if (!signal.aborted) findings.creating = undefined
    }
  })
  findings.creating = undefined
  state.saveBatch(created.batch.id)
  findings.track(created.batch)
  log.info(
    `${created.adopted ? 'Adopted' : 'Created'} batch ${created.batch.id} (idempotency key ${key})`
  )
  return waitAndCollect(env, created.batch, file.path)
}
