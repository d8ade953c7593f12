// The main step: inputs, then a command, then a result that becomes outputs, summary and exit.
import { readRunContext } from './action/context.js'
import { getInputs, InputError, type ActionInputs } from './action/inputs.js'
import { OutputWriter } from './action/outputs.js'
import { failStep, isDebug, maskSecret, runnerLog } from './action/runner.js'
import { memoryStore, runnerStore, StepState } from './action/state.js'
import { jobBatchRows } from './report/job-table.js'
import {
  writeBatchSummary,
  writeJobsSummary,
  writeListSummary,
  writeValidationSummary
} from './action/summary.js'
import { explainFailure } from './commands/abort.js'
import { openApi, runCommand, type CommandResult } from './commands/dispatch.js'
import { decideOutcome, failsStep, type Verdict } from './commands/outcome.js'
import { Findings, type StepEnv } from './commands/step.js'
import type { Log } from './lib/log.js'
import { redact } from './lib/redact.js'
import type { RunContext } from './lib/run-context.js'
import { createAbortScope } from './net/abort.js'

/** What the step runs with; the defaults are the runner's, tests replace them. */
export interface MainDeps {
  log: Log
  readInput?: (name: string) => string
  env: NodeJS.ProcessEnv
  context: RunContext
  /** Keeps state for the post step; `read()` must see what this step saved. */
  state: StepState
  writeOutput?: (name: string, value: string) => void
  fail: (message: string) => void
  mask: (secret: string) => void
  verbose: boolean
  signals?: NodeJS.EventEmitter
}

/** The runner's own: its log, inputs, environment and state. */
export function runnerDeps(): MainDeps {
  return {
    log: runnerLog,
    env: process.env,
    context: readRunContext(process.env),
    state: new StepState(memoryStore(runnerStore)),
    fail: failStep,
    mask: maskSecret,
    verbose: isDebug()
  }
}

export async function run(deps: MainDeps = runnerDeps()): Promise<void> {
  const scope = createAbortScope(deps.signals)
  try {
    let inputs: ActionInputs
    try {
      inputs = getInputs(deps.readInput, deps.env)
    } catch (error) {
      // A failure before the step could start: no batch, no summary.
      return deps.fail(describeInputFailure(error))
    }
    deps.mask(inputs.apiKey)
    deps.mask(inputs.githubToken)
    const hide = (text: string) => redact(text, [inputs.apiKey, inputs.githubToken])
    const outputs = new OutputWriter(hide, deps.writeOutput)
    const env: StepEnv = {
      inputs,
      api: await openApi(inputs, deps.log, { verbose: deps.verbose }),
      log: deps.log,
      outputs,
      state: deps.state,
      context: deps.context,
      signal: scope.signal,
      findings: new Findings(deps.log, outputs),
      redact: hide
    }

    let result: CommandResult
    try {
      result = await runCommand(env)
    } catch (error) {
      result = { ending: await explainFailure(env, error, scope.received) }
    }
    const verdict = decideOutcome(result.ending, inputs)
    report(env, verdict)
    if (failsStep(verdict.outcome)) deps.fail(hide(verdict.message ?? 'The step failed'))
    await writeSummary(env, result, verdict)
  } finally {
    scope.dispose()
  }
}

function report(env: StepEnv, verdict: Verdict): void {
  for (const note of verdict.notes) env.log[note.level](env.redact(note.text))
}

async function writeSummary(env: StepEnv, result: CommandResult, verdict: Verdict): Promise<void> {
  const { inputs, findings } = env
  const secrets = [inputs.apiKey, inputs.githubToken]
  if (result.listed) return writeListSummary(result.listed, secrets)
  if (result.jobs) return writeJobsSummary(result.jobs, secrets, env.context.workspace)
  const validation = findings.validation
  // validate-only, or a file whose problems stopped the run: the check is the whole story.
  if (validation && (inputs.validateOnly || validation.report.problemCount > 0))
    return writeValidationSummary(validation, secrets)
  if (inputs.command === 'list' || inputs.command === 'collect') return
  if (inputs.validateOnly || !findings.batch) return
  await writeBatchSummary(
    {
      command: inputs.command,
      batch: findings.batch,
      model: findings.model,
      outcome: verdict.outcome,
      message: verdict.message ? env.redact(verdict.message) : undefined,
      file: validation?.file ?? (inputs.file || undefined),
      // status and cancel name a batch made elsewhere: its own endpoint and metadata tell about it.
      ...(inputs.command === 'run' ? { endpoint: inputs.endpoint, metadata: inputs.metadata } : {}),
      failureLimit: inputs.maxFailedRequests,
      files: findings.files,
      usage: findings.results?.usage,
      failures: findings.results?.failures ?? [],
      results: findings.results,
      workspace: env.context.workspace,
      now: Date.now(),
      jobBatches: jobBatchRows(findings.job?.list()),
      superseded: findings.superseded
    },
    secrets
  )
}

/** A failure before the step could start; its message is already written for the user. */
function describeInputFailure(error: unknown): string {
  if (error instanceof InputError) return error.message
  return error instanceof Error ? error.message : String(error)
}
