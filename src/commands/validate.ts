import { access, constants as fsConstants } from 'node:fs/promises'
import path from 'node:path'
import { Outputs } from '../action/names.js'
import { providerFor } from '../batch/providers.js'
import { formatBytes, formatNumber } from '../lib/format.js'
import { validateRequestsFile } from '../validate/file.js'
import { endpointHint, summarizeProblems } from '../validate/summary.js'
import type { Problem, ValidationOptions, ValidationReport } from '../validate/types.js'
import { untilAborted } from '../net/abort.js'
import { insideWorkspace } from './collect.js'
import { StepFailure } from './failure.js'
import type { Ending } from './outcome.js'
import type { StepEnv } from './step.js'

/** GitHub shows at most 10 error annotations per step; the rest go to the log and the summary. */
export const MAX_ANNOTATIONS = 10

export interface ValidFile {
  path: string
  sha256: string
  /** The size validated: the upload must send exactly these bytes. */
  bytes: number
  requests: number
}

/** The input file: where it is, and how the log and the annotations name it. */
export interface InputFile {
  path: string
  display: string
}

/** The file input, inside the workspace and readable, or a StepFailure that says why not. */
export async function inputFile(env: StepEnv): Promise<InputFile> {
  const { inputs } = env
  const filePath = await insideWorkspace(env, inputs.file, 'file')
  try {
    await access(filePath, fsConstants.R_OK)
  } catch {
    throw new StepFailure(
      `file: ${inputs.file} was not found or is not readable (looked at ${filePath}); check the path, relative to the workspace`
    )
  }
  return { path: filePath, display: path.relative(env.context.workspace, filePath) || inputs.file }
}

/** What validation takes, from the inputs. */
export function validationOptions(env: StepEnv): ValidationOptions {
  const { inputs } = env
  return {
    endpoint: inputs.endpoint,
    provider: providerFor(inputs.baseUrl),
    maxRequests: inputs.maxRequests,
    maxFileBytes: inputs.maxFileBytes,
    signal: env.signal
  }
}

/** Pre-flight: every problem in the file, annotated on its line, before anything is sent. */
export async function validateFile(env: StepEnv, given?: InputFile): Promise<ValidFile> {
  const input = given ?? (await inputFile(env))
  const report = await env.log.group(`Validate ${input.display}`, () =>
    untilAborted(validateRequestsFile(input.path, validationOptions(env)), env.signal)
  )
  return acceptReport(env, input, report)
}

/**
 * The one way a validation report is told, whichever pass made it (validate first, or validate
 * while uploading): outputs, the summary's findings, and with problems the annotations and the
 * StepFailure that fails the step; else the file as validated.
 */
export function acceptReport(env: StepEnv, input: InputFile, report: ValidationReport): ValidFile {
  const { inputs, log, outputs } = env
  const { display } = input
  const provider = providerFor(inputs.baseUrl)
  for (const note of report.notes) log.debug(note)
  outputs.set(Outputs.Total, report.requests)
  outputs.set(Outputs.Model, report.model)
  env.findings.model = report.model
  const hint = report.problemCount > 0 ? endpointHint(report, inputs.endpoint) : undefined
  // The step's failure message is an error annotation too, and so is the hint: they take their
  // places among the ten, so that GitHub drops none of them.
  const annotated = Math.min(report.problems.length, MAX_ANNOTATIONS - 1 - (hint ? 1 : 0))
  env.findings.validation = {
    file: display,
    endpoint: inputs.endpoint,
    report,
    ...(hint ? { hint } : {}),
    validateOnly: inputs.validateOnly,
    annotated
  }
  if (report.problemCount > 0) {
    if (hint) log.error(hint, { file: display })
    const total = Math.max(report.problemCount, report.problems.length)
    reportProblems(env, display, report.problems, total, annotated)
    const summary = summarizeProblems(report, display)
    throw new StepFailure(`${summary}.${hint ? ` ${hint}.` : ''} Nothing was uploaded.`)
  }
  log.info(
    `${display}: ${report.requests} requests, ${formatBytes(report.bytes)}, model ${report.model}, endpoint ${inputs.endpoint}` +
      (provider.name !== 'unknown' ? ` (${provider.name})` : '')
  )
  return { path: input.path, sha256: report.sha256, bytes: report.bytes, requests: report.requests }
}

/**
 * The first `annotated` problems as annotations on their lines; the rest, counted, in the log
 * (GitHub would drop further annotations of the step without a word).
 */
function reportProblems(
  env: StepEnv,
  display: string,
  problems: Problem[],
  total: number,
  annotated: number
): void {
  for (const problem of problems.slice(0, annotated)) {
    env.log.error(
      problem.message,
      problem.line > 0 ? { file: display, startLine: problem.line } : { file: display }
    )
  }
  if (total <= annotated) return
  env.log.info(
    `${formatNumber(total - annotated)} more problems in ${display}, not annotated (GitHub shows ${MAX_ANNOTATIONS} annotations per step; the job summary lists them too):`
  )
  for (const problem of problems.slice(annotated))
    env.log.info(`  ${display}${problem.line > 0 ? `:${problem.line}` : ''}: ${problem.message}`)
  const unlisted = total - problems.length
  if (unlisted > 0) env.log.info(`  and ${formatNumber(unlisted)} more, not kept in detail`)
}

/** validate-only: checks the file and stops; nothing is uploaded. */
export async function validateOnly(env: StepEnv): Promise<Ending> {
  await validateFile(env)
  env.log.info('validate-only: the file is valid; nothing was uploaded')
  return { kind: 'done' }
}
