import * as core from '@actions/core'
import { access, constants as fsConstants, mkdir } from 'node:fs/promises'
import path from 'node:path'
import { createAbortScope, type AbortScope } from './abort.js'
import { BatchApi } from './api.js'
import { Outputs } from './constants.js'
import { describeApiError, redact } from './errors.js'
import { idempotencyKey } from './idempotency.js'
import { getInputs, InputError, type ActionInputs } from './inputs.js'
import { summarizeProblems, validateRequestsFile } from './jsonl.js'
import { buildBatchMetadata, traceabilityMetadata } from './metadata.js'
import { OutputWriter } from './outputs.js'
import { defaultRoots, resolveInside } from './paths.js'
import { PollError, waitForBatch } from './poll.js'
import { providerFor } from './providers.js'
import { downloadToFile, exceedsFailureLimit, joinResults, type JoinResult } from './results.js'
import { isAbort } from './retry.js'
import { formatBytes } from './sizes.js'
import { stepState } from './state.js'
import {
  describeBatchErrors,
  describeProgress,
  isTerminal,
  requestCounts,
  type BatchInfo
} from './status.js'
import { writeBatchSummary, writeListSummary, type BatchSummaryData } from './summary.js'

/** Time allowed for cancelling after SIGINT: the runner sends SIGTERM at 7.5 s and kills at 10 s. */
const ABORT_BUDGET_MS = 6000
/** Request counts are logged when they change, but not more often than this. */
const PROGRESS_EVERY_MS = 60_000

type Outcome = BatchSummaryData['outcome']

/** A failure whose message is already written for the user. */
class StepFailure extends Error {
  constructor(
    message: string,
    readonly outcome: Outcome = 'failed'
  ) {
    super(message)
    this.name = 'StepFailure'
  }
}

/** Everything one run of the step knows; filled in as it goes so any ending can report it. */
class Step {
  readonly outputs: OutputWriter
  readonly secrets: string[] = []
  batch: BatchInfo | undefined
  /** The batch this step is responsible for cancelling on abort. */
  owned = false
  /** Set while a create is in flight whose outcome the step may not learn. */
  pendingKey: string | undefined
  model: string | undefined
  results: JoinResult | undefined
  files: BatchSummaryData['files'] = {}
  outcome: Outcome = 'succeeded'
  message: string | undefined

  constructor(
    readonly inputs: ActionInputs,
    readonly scope: AbortScope,
    readonly api: BatchApi | undefined
  ) {
    this.outputs = new OutputWriter((text) => this.redact(text))
  }

  redact(text: string): string {
    return redact(text, [this.inputs.apiKey])
  }

  get signal(): AbortSignal {
    return this.scope.signal
  }

  requireApi(): BatchApi {
    if (!this.api) throw new Error('No API client: an API key is needed for this command')
    return this.api
  }

  /** Keeps outputs current; logs each status change, and progress at most once a minute. */
  track(batch: BatchInfo): void {
    const previous = this.batch
    this.batch = batch
    this.outputs.setBatch(batch)
    const line = `Batch ${batch.id} is ${describeProgress(batch)}`
    const now = Date.now()
    const progressed =
      previous !== undefined && describeProgress(previous) !== describeProgress(batch)
    if (
      previous?.status !== batch.status ||
      (progressed && now - this.lastProgressAt >= PROGRESS_EVERY_MS)
    ) {
      this.lastProgressAt = now
      core.info(line)
    } else core.debug(line)
  }

  private lastProgressAt = 0
}

export async function run(): Promise<void> {
  const scope = createAbortScope()
  let step: Step | undefined
  let inputs: ActionInputs | undefined
  try {
    inputs = getInputs()
    if (inputs.apiKey) core.setSecret(inputs.apiKey)
    const api = inputs.apiKey
      ? new BatchApi({
          baseUrl: inputs.baseUrl,
          apiKey: inputs.apiKey,
          maxAttempts: inputs.maxAttempts,
          requestTimeoutMs: inputs.requestTimeoutMs,
          verbose: core.isDebug(),
          redact: (text) => redact(text, [inputs!.apiKey]),
          log: { debug: core.debug, info: core.info, warning: core.warning }
        })
      : undefined
    step = new Step(inputs, scope, api)
    await dispatch(step)
  } catch (error) {
    const message = step ? await explainFailure(step, error) : describeInputFailure(error)
    core.setFailed(inputs ? redact(message, [inputs.apiKey]) : message)
  } finally {
    if (step) await writeSummary(step)
    scope.dispose()
  }
}

async function dispatch(step: Step): Promise<void> {
  const { inputs } = step
  if (inputs.validateOnly) return void (await validateFile(step))
  switch (inputs.command) {
    case 'run':
      return runBatch(step)
    case 'status':
      return statusOf(step)
    case 'cancel':
      return cancelBatch(step)
    case 'list':
      return listBatches(step)
  }
}

/** Pre-flight: every problem in the file, annotated on its line, before anything is sent. */
async function validateFile(step: Step): Promise<{ path: string; sha256: string }> {
  const { inputs } = step
  const roots = defaultRoots()
  const filePath = await resolveInside(inputs.file, 'file', roots)
  try {
    await access(filePath, fsConstants.R_OK)
  } catch {
    throw new StepFailure(
      `file: ${inputs.file} was not found or is not readable (looked at ${filePath}); check the path, relative to the workspace`
    )
  }
  const display = path.relative(roots.workspace, filePath) || inputs.file
  const provider = providerFor(inputs.baseUrl)
  const report = await core.group(`Validate ${display}`, () =>
    untilAborted(
      validateRequestsFile(filePath, {
        endpoint: inputs.endpoint,
        provider,
        maxRequests: inputs.maxRequests,
        maxFileBytes: inputs.maxFileBytes
      }),
      step.signal
    )
  )
  for (const note of report.notes) core.debug(note)
  step.outputs.set(Outputs.Total, report.requests)
  step.outputs.set(Outputs.Model, report.model)
  step.model = report.model
  if (report.problemCount > 0) {
    for (const problem of report.problems) {
      core.error(
        problem.message,
        problem.line > 0 ? { file: display, startLine: problem.line } : { file: display }
      )
    }
    throw new StepFailure(`${summarizeProblems(report, display)}. Nothing was uploaded.`)
  }
  core.info(
    `${display}: ${report.requests} requests, ${formatBytes(report.bytes)}, model ${report.model}, endpoint ${inputs.endpoint}` +
      (provider.name !== 'unknown' ? ` (${provider.name})` : '')
  )
  if (inputs.validateOnly) core.info('validate-only: the file is valid; nothing was uploaded')
  return { path: filePath, sha256: report.sha256 }
}

async function runBatch(step: Step): Promise<void> {
  const { inputs } = step
  const api = step.requireApi()
  await checkResultsDir(step)
  const file = await validateFile(step)

  const inActions = process.env.GITHUB_ACTIONS === 'true'
  const trace = inActions
    ? traceabilityMetadata((await import('@actions/github')).context, true)
    : {}
  const key = idempotencyKey(process.env, file.sha256, Date.now())
  let metadata: Record<string, string>
  try {
    metadata = buildBatchMetadata(inputs.metadata, trace, { key, fileSha256: file.sha256 })
  } catch (error) {
    throw new StepFailure(`metadata: ${(error as Error).message}. Nothing was uploaded.`)
  }

  const uploaded = await core.group('Upload', async () => {
    const result = await api.upload(file.path, step.signal)
    core.info(`Uploaded ${formatBytes(result.bytes ?? 0)} as ${result.id}`)
    return result
  })
  step.outputs.set(Outputs.InputFileId, uploaded.id)
  if (step.signal.aborted) throw step.signal.reason

  const created = await core.group('Create batch', async () => {
    step.pendingKey = key
    stepState.saveCreateKey(key)
    try {
      return await api.createBatch(
        {
          inputFileId: uploaded.id,
          endpoint: inputs.endpoint,
          completionWindow: inputs.completionWindow,
          metadata
        },
        key,
        step.signal
      )
    } finally {
      if (!step.signal.aborted) step.pendingKey = undefined
    }
  })
  step.pendingKey = undefined
  step.owned = true
  stepState.saveBatch(created.batch.id)
  step.track(created.batch)
  core.info(
    `${created.adopted ? 'Adopted' : 'Created'} batch ${created.batch.id} (idempotency key ${key})`
  )

  await waitAndCollect(step, file.path)
}

async function statusOf(step: Step): Promise<void> {
  const api = step.requireApi()
  await checkResultsDir(step)
  const batch = await api.retrieve(step.inputs.batchId, step.signal)
  step.track(batch)
  if (step.inputs.wait && !isTerminal(batch.status)) {
    step.owned = true
    stepState.saveBatch(batch.id)
  }
  const inputPath = step.inputs.file
    ? await resolveInside(step.inputs.file, 'file', defaultRoots())
    : undefined
  await waitAndCollect(step, inputPath)
}

async function cancelBatch(step: Step): Promise<void> {
  const api = step.requireApi()
  const current = await api.retrieve(step.inputs.batchId, step.signal)
  step.track(current)
  if (isTerminal(current.status)) {
    if (current.status !== 'cancelled')
      core.notice(`Batch ${current.id} is already ${current.status}; there is nothing to cancel`)
    step.message = `already ${current.status}`
    return
  }
  if (current.status !== 'cancelling') step.track(await api.cancel(current.id, step.signal))
  core.info(`Cancel requested for batch ${current.id}`)
  await waitAndCollect(step, undefined)
}

async function listBatches(step: Step): Promise<void> {
  const batches = await step.requireApi().list(step.inputs.listLimit, step.signal)
  step.outputs.set(Outputs.Batches, JSON.stringify(batches))
  for (const batch of batches) {
    const created = batch.created_at ? new Date(batch.created_at * 1000).toISOString() : '-'
    core.info(`${batch.id}  ${describeProgress(batch)}  ${batch.endpoint ?? ''}  ${created}`)
  }
  core.info(`${batches.length} batch${batches.length === 1 ? '' : 'es'}`)
  await writeListSummary(batches as never)
}

/** Waits as configured, then reports how the batch ended and brings its results back. */
async function waitAndCollect(step: Step, inputPath: string | undefined): Promise<void> {
  const { inputs } = step
  const api = step.requireApi()
  let batch = step.batch!
  if (!inputs.wait && !isTerminal(batch.status)) {
    stepState.markSettled()
    step.outcome = 'left running'
    core.info(
      `wait is false: batch ${batch.id} runs on; collect it later with command: status and batch-id: ${batch.id}`
    )
    return
  }
  if (!isTerminal(batch.status)) {
    const result = await core.group(`Wait for batch ${batch.id}`, () =>
      waitForBatch(
        batch,
        {
          retrieve: (signal) => api.retrieveOnce(batch.id, signal),
          onBatch: (next) => step.track(next),
          onPollError: (error, consecutive, delay) =>
            core.warning(
              `Poll ${consecutive} of at most ${inputs.maxConsecutiveErrors} in a row failed: ${step.redact(describeApiError(error, inputs))}; trying again in ${Math.round(delay / 1000)}s`
            )
        },
        {
          initialMs: inputs.pollIntervalMs,
          maxMs: inputs.maxPollIntervalMs,
          timeoutMs: inputs.waitTimeoutMs,
          maxConsecutiveErrors: inputs.maxConsecutiveErrors,
          signal: step.signal
        }
      )
    )
    batch = result.batch
    if (result.timedOut) return onWaitTimeout(step, batch)
  }
  stepState.markSettled()
  await collectResults(step, batch, inputPath)
  judgeEnding(step, batch)
}

async function onWaitTimeout(step: Step, batch: BatchInfo): Promise<void> {
  const { inputs } = step
  const waited = `The wait timed out (wait-timeout ${inputs.waitTimeoutMs / 1000}s) with batch ${batch.id} ${batch.status}`
  step.outcome = 'timed out'
  switch (inputs.onTimeout) {
    case 'leave':
      stepState.markSettled()
      step.outcome = 'left running'
      step.message = `${waited}; it was left running. Collect it later with command: status and batch-id: ${batch.id}`
      core.notice(step.message)
      return
    case 'cancel': {
      step.track(await step.requireApi().cancel(batch.id, step.signal))
      stepState.markSettled()
      throw new StepFailure(`${waited}; it was cancelled (on-timeout: cancel)`, 'timed out')
    }
    case 'fail':
      stepState.markSettled()
      throw new StepFailure(
        `${waited}; failing as on-timeout: fail asks. The batch runs on: collect it with command: status and batch-id: ${batch.id}`,
        'timed out'
      )
  }
}

/** A results-dir that leads outside the workspace is an input error, found before anything is sent. */
async function checkResultsDir(step: Step): Promise<void> {
  if (step.inputs.download)
    await resolveInside(step.inputs.resultsDir, 'results-dir', defaultRoots())
}

/** Downloads the output and error files of a finished batch and joins them to the requests. */
async function collectResults(
  step: Step,
  batch: BatchInfo,
  inputPath: string | undefined
): Promise<void> {
  const { inputs } = step
  if (!inputs.download) return
  if (batch.status === 'completed' && !batch.output_file_id) {
    core.warning(
      `Batch ${batch.id} completed without an output file: every request failed${batch.error_file_id ? '; downloading the error file' : ''}`
    )
  }
  if (!batch.output_file_id && !batch.error_file_id) {
    step.outputs.set(Outputs.OutputPath, '')
    step.outputs.set(Outputs.ErrorPath, '')
    return
  }
  const api = step.requireApi()
  const dir = await resolveInside(
    path.join(inputs.resultsDir, batch.id),
    'results-dir',
    defaultRoots()
  )
  await core.group('Download results', async () => {
    await mkdir(dir, { recursive: true })
    const fetchFile = async (
      fileId: string | null | undefined,
      name: string
    ): Promise<string | undefined> => {
      if (!fileId) return undefined
      const dest = path.join(dir, name)
      const { bytes } = await downloadToFile(api.openContent(fileId, step.signal), dest, {
        attempts: inputs.maxAttempts,
        signal: step.signal,
        onRetry: (attempt, error) =>
          core.info(
            `Download of ${fileId} failed (attempt ${attempt}: ${step.redact((error as Error).message)}); retrying`
          )
      })
      core.info(`Downloaded ${fileId} to ${dest} (${formatBytes(bytes)})`)
      return dest
    }
    step.files.output = await fetchFile(batch.output_file_id, 'output.jsonl')
    step.files.error = await fetchFile(batch.error_file_id, 'errors.jsonl')
    step.outputs.set(Outputs.OutputPath, step.files.output ?? '')
    step.outputs.set(Outputs.ErrorPath, step.files.error ?? '')

    const joined = await joinResults({
      inputPath,
      outputPath: step.files.output,
      errorPath: step.files.error,
      destPath: path.join(dir, 'results.jsonl')
    })
    for (const warning of joined.warnings ?? []) core.warning(warning)
    step.results = joined
    step.files.results = joined.path
    step.outputs.set(Outputs.ResultsPath, joined.path)
    step.outputs.set(Outputs.PromptTokens, joined.usage.prompt)
    step.outputs.set(Outputs.CompletionTokens, joined.usage.completion)
    step.outputs.set(Outputs.TotalTokens, joined.usage.total)
    core.info(
      `Joined ${joined.total} requests into ${joined.path}: ${joined.ok} ok, ${joined.error} failed, ${joined.missing} missing; ` +
        `${joined.usage.total} tokens`
    )
  })
}

/** Success or failure from the final status, as the command and inputs define it. */
function judgeEnding(step: Step, batch: BatchInfo): void {
  const { inputs } = step
  const counts = requestCounts(batch)
  switch (batch.status) {
    case 'completed': {
      const failed = step.results ? step.results.error + step.results.missing : counts.failed
      const total = step.results?.total || counts.total
      if (exceedsFailureLimit(inputs.maxFailedRequests, failed, total)) {
        throw new StepFailure(
          `${failed} of ${total} requests failed, more than max-failed-requests allows; see ${step.files.error ?? 'the error file'}`
        )
      }
      if (failed > 0) core.warning(`${failed} of ${total} requests failed`)
      return
    }
    case 'cancelled':
      if (inputs.command === 'cancel') return
      throw new StepFailure(
        `Batch ${batch.id} was cancelled before it finished (${counts.completed} of ${counts.total} requests completed)`,
        'cancelled'
      )
    case 'expired':
      throw new StepFailure(
        `Batch ${batch.id} expired: the completion window (${inputs.completionWindow}) passed with ${counts.completed} of ${counts.total} requests completed; partial results were kept`
      )
    case 'failed':
      throw new StepFailure(`Batch ${batch.id} failed: ${describeBatchErrors(batch)}`)
  }
}

/** Turns any error into the one message the step fails with; on SIGINT, cancels first. */
async function explainFailure(step: Step, error: unknown): Promise<string> {
  if (error instanceof StepFailure) {
    step.outcome = error.outcome
    return (step.message = error.message)
  }
  if (step.scope.received || isAbort(error, step.signal)) {
    step.outcome = 'cancelled'
    return (step.message = await cancelOnAbort(step))
  }
  step.outcome = 'failed'
  if (error instanceof PollError) {
    return (step.message = `${error.message}. Batch ${error.lastBatch.id} was ${error.lastBatch.status} when last seen`)
  }
  const described = describeApiError(error, step.inputs)
  return (step.message = step.batch ? `${described} (batch ${step.batch.id})` : described)
}

/** The step was cancelled: cancel its batch at once, within the time the runner allows. */
async function cancelOnAbort(step: Step): Promise<string> {
  const { inputs } = step
  const how = `The step was cancelled (${step.scope.received ?? 'aborted'})`
  const api = step.api
  if (!inputs.cancelOnAbort || !api) {
    return step.batch
      ? `${how}; batch ${step.batch.id} was left ${step.batch.status} (cancel-on-abort is false)`
      : how
  }
  const budget = AbortSignal.timeout(ABORT_BUDGET_MS)
  try {
    let target = step.owned ? step.batch : undefined
    if (!target && step.pendingKey) {
      target = await api.findBatchByKey(step.pendingKey, budget, ABORT_BUDGET_MS)
      if (target) {
        stepState.saveBatch(target.id)
        step.track(target)
      } else
        return `${how} while creating the batch; no batch was found for this step, so nothing runs on`
    }
    if (!target) return `${how} before a batch was created; nothing was created`
    if (isTerminal(target.status))
      return `${how}; batch ${target.id} had already ended ${target.status}`
    step.track(await api.cancel(target.id, budget, ABORT_BUDGET_MS))
    stepState.markSettled()
    return `${how}; batch ${target.id} was cancelled (now ${step.batch?.status})`
  } catch (error) {
    const id = step.batch?.id
    return `${how}; cancelling batch ${id ?? '(unknown)'} failed: ${describeApiError(error, inputs)}. ${id ? `Cancel it by hand: command: cancel, batch-id: ${id}` : ''}`.trim()
  }
}

/** Stops waiting for local work (validation of a large file) as soon as the step is cancelled. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason)
    const onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}

/** A failure before the step could start; run() redacts it like every other message. */
function describeInputFailure(error: unknown): string {
  if (error instanceof InputError) return error.message
  return error instanceof Error ? error.message : String(error)
}

async function writeSummary(step: Step): Promise<void> {
  if (step.inputs.command === 'list' || step.inputs.validateOnly || !step.batch) return
  try {
    await writeBatchSummary({
      command: step.inputs.command,
      batch: step.batch as never,
      model: step.model,
      outcome: step.outcome,
      message: step.message ? step.redact(step.message) : undefined,
      files: step.files,
      usage: step.results?.usage,
      failures: step.results?.failures ?? []
    })
  } catch (error) {
    core.warning(`Could not write the job summary: ${(error as Error).message}`)
  }
}
