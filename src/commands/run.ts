import { Outputs } from '../action/names.js'
import { idempotencyKey, type BatchIdentity } from '../batch/idempotency.js'
import {
  buildBatchMetadata,
  checkUserPairsFit,
  MetadataKeys,
  pullRequestOfRun,
  traceabilityMetadata
} from '../batch/metadata.js'
import {
  createExactlyOnce,
  sweepDuplicates,
  UnsettledCreate,
  type Created
} from '../batch/create-once.js'
import {
  lookupEarlierAttempt,
  rerunCutoff,
  settleWindowMs,
  type Earlier,
  type StepMark
} from '../batch/reconcile.js'
import { describeApiError } from '../lib/errors.js'
import { formatBytes } from '../lib/format.js'
import { parseDuration } from '../lib/parse-duration.js'
import { checkResultsDir, waitAndCollect } from './collect.js'
import { StepFailure } from './failure.js'
import { cancelSuperseded, supersedingApplies } from './superseded.js'
import type { Ending } from './outcome.js'
import { requireApi, type StepEnv } from './step.js'
import { inputFile, validateFile, type ValidFile } from './validate.js'
import { measureForOnePass, onePassAllowed, uploadValidating } from './one-pass.js'
import { partsDir, removePartsDir, runJob, splitForJob } from './job.js'

/** When completion-window is not a duration the action can read, re-runs look back this far. */
const FALLBACK_WINDOW_MS = 24 * 60 * 60 * 1000

/**
 * `run`: hash the file (one batch) or validate it (a job); look for this step's batch from an
 * earlier run attempt (which is also the check of the key, before anything is uploaded); then take
 * that batch up, or upload and create one (at most once), and wait and collect. One batch is
 * validated while it is uploaded (one-pass.ts); a job is validated first, then split.
 */
export async function runBatch(env: StepEnv, now: () => number = Date.now): Promise<Ending> {
  const { inputs, log, outputs, findings, state, signal } = env
  const api = requireApi(env)
  await checkResultsDir(env)
  const input = await inputFile(env)
  const measured = onePassAllowed(inputs) ? await measureForOnePass(env, input) : undefined
  let file: ValidFile | undefined
  if (!measured) file = await validateFile(env, input)
  const fileSha256 = measured?.sha256 ?? (file as ValidFile).sha256
  const identity: BatchIdentity = {
    context: env.context,
    fileSha256,
    endpoint: inputs.endpoint,
    completionWindow: inputs.completionWindow,
    metadata: inputs.metadata,
    baseUrl: inputs.baseUrl,
    reuse: inputs.reuse
  }
  if (file) {
    const tempDir = await partsDir(env)
    try {
      const parts = await splitForJob(env, file, tempDir)
      if (parts.length > 1 || inputs.retryFailed > 0) {
        const since = rerunCutoff(now(), windowMs(inputs.completionWindow))
        return await runJob(env, file, parts, { identity, since }, tempDir, now)
      }
    } finally {
      await removePartsDir(tempDir)
    }
  }

  const key = idempotencyKey(identity)
  let metadata: Record<string, string>
  try {
    checkUserPairsFit(inputs.metadata, {
      inActions: env.context.inActions,
      pullRequest: pullRequestOfRun(env.context) !== undefined,
      multiBatch: inputs.retryFailed > 0,
      retries: inputs.retryFailed > 0
    })
    metadata = buildBatchMetadata(inputs.metadata, traceabilityMetadata(env.context), {
      key,
      fileSha256
    })
  } catch (error) {
    throw new StepFailure(`metadata: ${(error as Error).message}. Nothing was uploaded.`)
  }
  const mark: StepMark = { key, fileSha256 }
  const quiet = {
    info: (text: string) => log.info(env.redact(text)),
    warning: (text: string) => log.warning(env.redact(text))
  }

  const earlier = await log.group("Look for this step's batch", () =>
    findEarlier(env, mark, now, quiet)
  )
  if (earlier.kind !== 'create') {
    const { batch } = earlier
    state.saveCreateKey(key, fileSha256, batch.created_at ?? 0)
    state.saveBatch(batch.id)
    findings.track(batch)
    outputs.set(Outputs.InputFileId, batch.input_file_id ?? '')
    log.info(
      `Batch ${batch.id} of an earlier attempt of this step (same file and inputs, idempotency key ${key}) is ${batch.status}: ` +
        `${earlier.kind === 'adopt' ? 'waiting on it' : 'collecting its results'}; nothing was uploaded or created (set reuse: never to create a new batch on every attempt)`
    )
    // The one pass validates only what it uploads: the outputs and the summary of a batch taken
    // up come from a validation of their own, as on the validate-first path.
    if (!file) await validateFile(env, input)
    return waitAndCollect(env, batch, input.path)
  }
  if (earlier.ended) {
    log.info(
      `Batch ${earlier.ended.id} of an earlier attempt of this step ended ${earlier.ended.status}; creating a new one`
    )
  }
  // A new batch is about to be made: the ones of earlier runs it replaces stop billing first,
  // but only once the file checked out (in the one pass, once its upload did).
  const supersede = () =>
    supersedingApplies(env)
      ? log.group('Cancel superseded batches', () => cancelSuperseded(env, now))
      : Promise.resolve()
  if (!measured) await supersede()

  const uploaded = await log.group(
    measured ? `Validate and upload ${input.display}` : 'Upload',
    async () => {
      const result = measured
        ? (await uploadValidating(env, input, measured)).uploaded
        : await api.upload(input.path, signal, file)
      log.info(`Uploaded ${formatBytes(result.bytes ?? 0)} as ${result.id}`)
      return result
    }
  )
  outputs.set(Outputs.InputFileId, uploaded.id)
  if (signal.aborted) throw signal.reason
  if (measured) await supersede()

  const created = await log.group('Create batch', () =>
    create(env, { ...mark, inputFileId: uploaded.id }, uploaded.id, metadata, now, quiet)
  )
  findings.creating = undefined
  state.saveBatch(created.batch.id)
  findings.track(created.batch)
  log.info(
    `${created.adopted ? 'Adopted' : 'Created'} batch ${created.batch.id} (idempotency key ${key})`
  )
  const ending = await waitAndCollect(env, created.batch, input.path)
  // A create that committed after the sweep that followed it shows up by now: cancel it too.
  if (created.ambiguous)
    await sweepDuplicates(api, mark, created.since, quiet, { keep: created.batch.id, signal })
  return ending
}

function findEarlier(
  env: StepEnv,
  mark: StepMark,
  now: () => number,
  log: { info(text: string): void; warning(text: string): void }
): Promise<Earlier> {
  const api = requireApi(env)
  // Outside GitHub Actions every key is new: there is no earlier attempt to find.
  if (env.inputs.reuse === 'never' || !env.context.inActions) {
    return api.checkAccess(env.signal).then(() => ({ kind: 'create', ended: undefined }))
  }
  const since = rerunCutoff(now(), windowMs(env.inputs.completionWindow))
  return lookupEarlierAttempt(api, mark, since, log, env.signal)
}

function windowMs(completionWindow: string): number {
  try {
    return parseDuration(completionWindow)
  } catch {
    return FALLBACK_WINDOW_MS
  }
}

async function create(
  env: StepEnv,
  mark: StepMark,
  inputFileId: string,
  metadata: Record<string, string>,
  now: () => number,
  log: { info(text: string): void; warning(text: string): void }
): Promise<Created> {
  const { inputs, findings, state, signal } = env
  findings.creating = mark.key
  state.saveCreateKey(mark.key, mark.fileSha256, Math.floor(now() / 1000))
  try {
    return await createExactlyOnce(
      requireApi(env),
      {
        inputFileId,
        endpoint: inputs.endpoint,
        completionWindow: inputs.completionWindow,
        metadata
      },
      {
        mark,
        maxAttempts: inputs.maxAttempts,
        settleWindowMs: settleWindowMs(inputs.requestTimeoutMs),
        log,
        signal,
        now
      }
    )
  } catch (error) {
    if (error instanceof UnsettledCreate) throw new StepFailure(unsettledMessage(env, error))
    throw error
  } finally {
    // Aborted mid-create: the batch may exist, and the abort handler looks for it by key.
    if (!signal.aborted) findings.creating = undefined
  }
}

/** The batch may be running and billing: say exactly how to find it. */
function unsettledMessage(env: StepEnv, error: UnsettledCreate): string {
  return (
    `Could not tell whether the batch was created: the create failed (${describeApiError(error.createError, env.inputs)}) ` +
    `and listing batches failed too (${describeApiError(error.listError, env.inputs)}). ` +
    `A batch may be running: look for metadata ${MetadataKeys.IdempotencyKey}=${error.key} ` +
    `with command: list (or in the provider's console) and cancel it with command: cancel if it should not run. ` +
    `Idempotency key: ${error.key}; the post step looks for it too.`
  )
}
