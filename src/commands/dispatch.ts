// Each command's module is imported when that command runs, so that a step loads only what it
// needs: the bundler splits them into chunks, and `validate-only` never loads the API client.
import type { ActionInputs } from '../action/inputs.js'
import type { BatchApi } from '../batch/client.js'
import type { BatchInfo } from '../batch/document.js'
import type { Log } from '../lib/log.js'
import type { JobReport } from '../report/jobs.js'
import type { Ending } from './outcome.js'
import type { StepEnv } from './step.js'

export interface CommandResult {
  ending: Ending
  /** The batches `list` found, for its summary table. */
  listed?: BatchInfo[]
  /** The jobs `collect` found, for its summary table. */
  jobs?: JobReport[]
}

/** Whether the command talks to the API: every one but `validate-only`, which checks a local file. */
export function callsApi(inputs: Pick<ActionInputs, 'validateOnly'>): boolean {
  return !inputs.validateOnly
}

/**
 * The API client, for a command that calls the API and a step that has a key; the SDK is imported
 * here, on first use, and not at start-up.
 */
export async function openApi(
  inputs: ActionInputs,
  log: Log,
  options: { verbose: boolean }
): Promise<BatchApi | undefined> {
  if (!callsApi(inputs) || !inputs.apiKey) return undefined
  const { createBatchApi } = await import('../batch/client.js')
  return createBatchApi(inputs, log, options)
}

/** Runs the command the inputs ask for. */
export async function runCommand(env: StepEnv): Promise<CommandResult> {
  const { inputs } = env
  if (inputs.validateOnly) {
    const { validateOnly } = await import('./validate.js')
    return { ending: await validateOnly(env) }
  }
  switch (inputs.command) {
    case 'run': {
      const { runBatch } = await import('./run.js')
      return { ending: await runBatch(env) }
    }
    case 'status': {
      const { statusOf } = await import('./status.js')
      return { ending: await statusOf(env) }
    }
    case 'cancel': {
      const { cancelBatch } = await import('./cancel.js')
      return { ending: await cancelBatch(env) }
    }
    case 'list': {
      const { listBatches } = await import('./list.js')
      const { ending, batches } = await listBatches(env)
      return { ending, listed: batches }
    }
    case 'collect': {
      const { collectJobs } = await import('./collect-jobs.js')
      const { ending, jobs } = await collectJobs(env)
      return { ending, jobs }
    }
  }
}
