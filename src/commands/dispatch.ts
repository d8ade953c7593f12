import type { BatchInfo } from '../batch/document.js'
import { cancelBatch } from './cancel.js'
import { listBatches } from './list.js'
import type { Ending } from './outcome.js'
import { runBatch } from './run.js'
import { statusOf } from './status.js'
import type { StepEnv } from './step.js'
import { validateOnly } from './validate.js'

export interface CommandResult {
  ending: Ending
  /** The batches `list` found, for its summary table. */
  listed?: BatchInfo[]
}

/** Runs the command the inputs ask for. */
export async function runCommand(env: StepEnv): Promise<CommandResult> {
  const { inputs } = env
  if (inputs.validateOnly) return { ending: await validateOnly(env) }
  switch (inputs.command) {
    case 'run':
      return { ending: await runBatch(env) }
    case 'status':
      return { ending: await statusOf(env) }
    case 'cancel':
      return { ending: await cancelBatch(env) }
    case 'list': {
      const { ending, batches } = await listBatches(env)
      return { ending, listed: batches }
    }
  }
}
