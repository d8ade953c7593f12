import { access, constants as fsConstants } from 'node:fs/promises'
import path from 'node:path'
import { Outputs } from '../action/names.js'
import { providerFor } from '../batch/providers.js'
import { formatBytes } from '../lib/format.js'
import { validateRequestsFile } from '../validate/file.js'
import { summarizeProblems } from '../validate/summary.js'
import { untilAborted } from '../net/abort.js'
import { insideWorkspace } from './collect.js'
import { StepFailure } from './failure.js'
import type { Ending } from './outcome.js'
import type { StepEnv } from './step.js'

export interface ValidFile {
  path: string
  sha256: string
  /** The size validated: the upload must send exactly these bytes. */
  bytes: number
}

/** Pre-flight: every problem in the file, annotated on its line, before anything is sent. */
export async function validateFile(env: StepEnv): Promise<ValidFile> {
  const { inputs, log, outputs } = env
  const filePath = await insideWorkspace(env, inputs.file, 'file')
  try {
    await access(filePath, fsConstants.R_OK)
  } catch {
    throw new StepFailure(
      `file: ${inputs.file} was not found or is not readable (looked at ${filePath}); check the path, relative to the workspace`
    )
  }
  const display = path.relative(env.context.workspace, filePath) || inputs.file
  const provider = providerFor(inputs.baseUrl)
  const report = await log.group(`Validate ${display}`, () =>
    untilAborted(
      validateRequestsFile(filePath, {
        endpoint: inputs.endpoint,
        provider,
        maxRequests: inputs.maxRequests,
        maxFileBytes: inputs.maxFileBytes,
        signal: env.signal
      }),
      env.signal
    )
  )
  for (const note of report.notes) log.debug(note)
  outputs.set(Outputs.Total, report.requests)
  outputs.set(Outputs.Model, report.model)
  env.findings.model = report.model
  if (report.problemCount > 0) {
    for (const problem of report.problems) {
      log.error(
        problem.message,
        problem.line > 0 ? { file: display, startLine: problem.line } : { file: display }
      )
    }
    throw new StepFailure(`${summarizeProblems(report, display)}. Nothing was uploaded.`)
  }
  log.info(
    `${display}: ${report.requests} requests, ${formatBytes(report.bytes)}, model ${report.model}, endpoint ${inputs.endpoint}` +
      (provider.name !== 'unknown' ? ` (${provider.name})` : '')
  )
  return { path: filePath, sha256: report.sha256, bytes: report.bytes }
}

/** validate-only: checks the file and stops; nothing is uploaded. */
export async function validateOnly(env: StepEnv): Promise<Ending> {
  await validateFile(env)
  env.log.info('validate-only: the file is valid; nothing was uploaded')
  return { kind: 'done' }
}
