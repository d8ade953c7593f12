import { mkdir, mkdtemp, rmdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { Outputs } from '../action/names.js'
import { isTerminal, type BatchInfo } from '../batch/document.js'
import { waitForBatch } from '../batch/poll.js'
import { describeApiError } from '../lib/errors.js'
import { formatBytes } from '../lib/format.js'
import { resolveInside } from '../lib/paths.js'
import { downloadToFile, type DownloadObserver } from '../net/download.js'
import { OutputPass } from '../results/one-pass.js'
import { SOURCE_ERROR, SOURCE_OUTPUT } from '../results/output-index.js'
import { DownloadFailedError } from '../net/transfer-errors.js'
import type { JoinResult } from '../results/types.js'
import { StepFailure } from './failure.js'
import type { Ending } from './outcome.js'
import { PullRequestComment, taggedPullRequestOf, type CommentFacts } from './pr-comment.js'
import { requireApi, type StepEnv } from './step.js'

/** A path input resolved against the workspace, refused when it leads outside (see lib/paths.ts). */
export function insideWorkspace(env: StepEnv, input: string, inputName: string): Promise<string> {
  const { workspace, temp } = env.context
  return resolveInside(input, inputName, { workspace, temp })
}

/**
 * A results-dir that leads outside the workspace, that is (or lies under) a file, or that cannot be
 * written is an input error, found before anything is uploaded: after billing is too late.
 */
export async function checkResultsDir(env: StepEnv): Promise<void> {
  if (!env.inputs.download) return
  const input = env.inputs.resultsDir
  let dir: string
  try {
    dir = await insideWorkspace(env, input, 'results-dir')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOTDIR') throw error
    dir = path.resolve(env.context.workspace, input)
  }
  const problem = await writableDirProblem(dir)
  if (problem) {
    throw new StepFailure(
      `results-dir: "${input}" ${problem}; results could not be written there, so nothing was uploaded`
    )
  }
}

/**
 * Why `dir` cannot hold results, or undefined when it can: the directory, or the nearest of its
 * ancestors that exists, must be a directory this process can create entries in. The check makes
 * and removes an empty directory there, the one test that holds whatever the user, mode or mount.
 */
export async function writableDirProblem(dir: string): Promise<string | undefined> {
  let existing = dir
  for (;;) {
    try {
      const info = await stat(existing)
      // A file further up answers ENOTDIR below, so a non-directory here is the path itself.
      if (!info.isDirectory()) return `is an existing file (${dir}), not a directory`
      break
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ENOTDIR') return `lies under a file, not a directory (${dir})`
      if (code !== 'ENOENT') return `cannot be read (${(error as Error).message})`
      const parent = path.dirname(existing)
      if (parent === existing) return `has no existing parent (${dir})`
      existing = parent
    }
  }
  try {
    await rmdir(await mkdtemp(path.join(existing, '.results-dir-check-')))
    return undefined
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error'
    const where = existing === dir ? 'it' : `its parent ${existing}`
    return `cannot be written: ${where} refused a new entry (${code})`
  }
}

/**
 * Waits as configured, then brings the results back. The step is settled (the post step leaves
 * the batch alone) once the wait is over: the batch ended, was left running, or timed out.
 */
export async function waitAndCollect(
  env: StepEnv,
  start: BatchInfo,
  inputPath: string | undefined
): Promise<Ending> {
  const { inputs, findings, state } = env
  const tagged = taggedPullRequestOf(start)
  const comment = PullRequestComment.of(inputs, env.context, env.log, env.redact, {}, tagged)
  // run made (or took up) the batch: the comment says so; status reports on one made elsewhere.
  if (inputs.command === 'run') await comment?.update('submitted', commentFacts(env, start))
  else if (!isTerminal(start.status)) await comment?.update('running', commentFacts(env, start))
  if (!inputs.wait && !isTerminal(start.status)) {
    state.markSettled()
    return { kind: 'not waiting', batch: start }
  }
  let batch = start
  if (!isTerminal(batch.status)) {
    const result = await env.log.group(`Wait for batch ${batch.id}`, () => wait(env, start))
    batch = result.batch
    if (result.timedOut) {
      if (inputs.onTimeout === 'cancel')
        findings.track(await requireApi(env).cancel(batch.id, env.signal))
      state.markSettled()
      const latest = findings.batch ?? batch
      const phase = isTerminal(latest.status) ? 'finished' : 'running'
      await comment?.update(phase, commentFacts(env, latest))
      return { kind: 'timed out', batch, then: inputs.onTimeout }
    }
  }
  state.markSettled()
  try {
    await collectResults(env, batch, inputPath)
  } finally {
    // Also when the download failed: the batch ended, and the comment says how. Not once the step
    // is being stopped: the runner's grace period belongs to cancelling the batch.
    if (!env.signal.aborted) await comment?.update('finished', commentFacts(env, batch))
  }
  return { kind: 'ended', batch, results: findings.results, errorFile: findings.files.error }
}

function commentFacts(env: StepEnv, batch: BatchInfo): CommentFacts {
  const { findings, inputs } = env
  return {
    batch,
    inputs,
    model: findings.model,
    requestCount: findings.validation?.report.requests,
    inputFile: findings.validation?.file ?? (inputs.file || undefined),
    results: findings.results
  }
}

function wait(env: StepEnv, batch: BatchInfo) {
  const { inputs } = env
  const api = requireApi(env)
  return waitForBatch(
    batch,
    {
      retrieve: (signal) => api.retrieveOnce(batch.id, signal),
      onBatch: (next) => env.findings.track(next),
      onUnknownStatus: (status) =>
        env.log.warning(
          `Batch ${batch.id} reports the status "${status}", which the action does not know; it keeps polling until wait-timeout, and does not report success unless a known status follows`
        ),
      onPollError: (error, consecutive, delay) =>
        env.log.warning(
          `Poll ${consecutive} of at most ${inputs.maxConsecutiveErrors} in a row failed: ${env.redact(describeApiError(error, inputs))}; trying again in ${Math.round(delay / 1000)}s`
        )
    },
    {
      initialMs: inputs.pollIntervalMs,
      maxMs: inputs.maxPollIntervalMs,
      timeoutMs: inputs.waitTimeoutMs,
      maxConsecutiveErrors: inputs.maxConsecutiveErrors,
      signal: env.signal
    }
  )
}

/** Downloads the output and error files of a finished batch and joins them to the requests. */
async function collectResults(
  env: StepEnv,
  batch: BatchInfo,
  inputPath: string | undefined
): Promise<void> {
  const { inputs, log, outputs, findings } = env
  if (!inputs.download) return
  warnNoOutput(env, batch)
  if (!batch.output_file_id && !batch.error_file_id) {
    outputs.set(Outputs.OutputPath, '')
    outputs.set(Outputs.ErrorPath, '')
    return
  }
  const dir = await insideWorkspace(env, path.join(inputs.resultsDir, batch.id), 'results-dir')
  await log.group('Download results', async () => {
    const { files, joined } = await downloadAndJoin(env, batch, dir, inputPath)
    findings.files.output = files.output
    findings.files.error = files.error
    outputs.set(Outputs.OutputPath, findings.files.output ?? '')
    outputs.set(Outputs.ErrorPath, findings.files.error ?? '')
    findings.results = joined
    findings.files.results = joined.path
    setResultOutputs(env, joined)
  })
}

/**
 * Downloads a batch's files into `dir` and joins them to the requests into `dir/results.jsonl`,
 * in one pass: results.jsonl is written while the files download (results/one-pass.ts).
 */
export async function downloadAndJoin(
  env: StepEnv,
  batch: BatchInfo,
  dir: string,
  inputPath: string | undefined
): Promise<{ files: BatchFiles; joined: JoinResult }> {
  await mkdir(dir, { recursive: true })
  const pass = new OutputPass({
    inputPath,
    destPath: path.join(dir, 'results.jsonl'),
    secrets: [env.inputs.apiKey],
    signal: env.signal
  })
  let files: BatchFiles
  try {
    files = await downloadBatchFiles(env, batch, dir, (source) => pass.observer(source))
  } catch (error) {
    await pass.abandon()
    throw error
  }
  const joined = await pass.finish({ outputPath: files.output, errorPath: files.error })
  logJoin(env, joined)
  return { files, joined }
}

function logJoin(env: StepEnv, joined: JoinResult): void {
  for (const warning of joined.warnings ?? []) env.log.warning(env.redact(warning))
  env.log.info(
    `Joined ${joined.total} requests into ${joined.path}: ${joined.ok} ok, ${joined.error} failed, ${joined.missing} missing; ` +
      `${joined.usage.total} tokens`
  )
}

/** A completed batch with no output file: every request failed. */
export function warnNoOutput(env: StepEnv, batch: BatchInfo): void {
  if (batch.status === 'completed' && !batch.output_file_id) {
    env.log.warning(
      `Batch ${batch.id} completed without an output file: every request failed${batch.error_file_id ? '; downloading the error file' : ''}`
    )
  }
}

/** The results outputs of a join (the step's, or its job's). */
export function setResultOutputs(env: StepEnv, joined: JoinResult): void {
  const { outputs } = env
  outputs.set(Outputs.ResultsPath, joined.path)
  outputs.set(Outputs.PromptTokens, joined.usage.prompt)
  outputs.set(Outputs.CompletionTokens, joined.usage.completion)
  outputs.set(Outputs.TotalTokens, joined.usage.total)
}

export interface BatchFiles {
  output?: string
  error?: string
}

/** Downloads a batch's output and error files into `dir` (`output.jsonl`, `errors.jsonl`). */
export async function downloadBatchFiles(
  env: StepEnv,
  batch: BatchInfo,
  dir: string,
  /** What sees each file's bytes as they are written (the one-pass join). */
  observe?: (source: typeof SOURCE_OUTPUT | typeof SOURCE_ERROR) => () => DownloadObserver
): Promise<BatchFiles> {
  const { inputs, log } = env
  const api = requireApi(env)
  await mkdir(dir, { recursive: true })
  const fetchFile = async (
    fileId: string | null | undefined,
    name: string,
    source: typeof SOURCE_OUTPUT | typeof SOURCE_ERROR
  ): Promise<string | undefined> => {
    if (!fileId) return undefined
    const dest = path.join(dir, name)
    const { bytes } = await downloadToFile(api.openContent(fileId, env.signal), dest, {
      attempts: inputs.maxAttempts,
      signal: env.signal,
      secrets: [inputs.apiKey],
      ...(observe ? { observe: observe(source) } : {}),
      onRetry: (attempt, error) =>
        log.info(
          `Download of ${fileId} failed (attempt ${attempt}: ${env.redact((error as Error).message)}); retrying`
        )
    }).catch((error: unknown) => {
      if (!(error instanceof DownloadFailedError)) throw error
      throw new StepFailure(
        `Download of ${name} (${fileId}) of batch ${batch.id} failed: ${env.redact(error.message)}; the file is kept on the provider: ` +
          `run again with command: status and batch-id: ${batch.id}, or raise max-attempts / request-timeout`
      )
    })
    log.info(`Downloaded ${fileId} to ${dest} (${formatBytes(bytes)})`)
    return dest
  }
  const output = await fetchFile(batch.output_file_id, 'output.jsonl', SOURCE_OUTPUT)
  const error = await fetchFile(batch.error_file_id, 'errors.jsonl', SOURCE_ERROR)
  return { output, error }
}
