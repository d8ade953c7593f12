// The post step: the backstop that cancels a batch the main step could not settle.
import { getInputs } from './action/inputs.js'
import { failStep, maskSecret, runnerLog } from './action/runner.js'
import { runnerStore, StepState } from './action/state.js'
import { cleanUp, type BackstopDeps } from './commands/backstop.js'

export async function run(deps: Partial<BackstopDeps> = {}): Promise<void> {
  const log = deps.log ?? runnerLog
  await cleanUp({
    state: deps.state ?? new StepState(runnerStore),
    log,
    readInputs: deps.readInputs ?? (() => getInputs(undefined, process.env, 'post')),
    makeApi:
      deps.makeApi ??
      (async (inputs) => (await import('./batch/client.js')).createBatchApi(inputs, log)),
    mask: deps.mask ?? maskSecret,
    fail: deps.fail ?? failStep
  })
}
