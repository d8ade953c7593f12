import type { ActionInputs } from '../action/inputs.js'
import type { StepState } from '../action/state.js'
import type { BatchApi } from '../batch/client.js'
import { isTerminal } from '../batch/document.js'
import { findBatchByKey } from '../batch/reconcile.js'
import { describeApiError, type ErrorContext } from '../lib/errors.js'
import type { Log } from '../lib/log.js'
import { redact } from '../lib/redact.js'

export interface BackstopDeps {
  state: StepState
  log: Log
  /** The inputs as the post step reads them (throws InputError). */
  readInputs: () => ActionInputs
  makeApi: (inputs: ActionInputs) => BatchApi
  mask: (secret: string) => void
  fail: (message: string) => void
}

/** Post step (post-if: cancelled()): cancels a batch the main step created but could not settle. */
export async function cleanUp(deps: BackstopDeps): Promise<void> {
  const { log } = deps
  const { batchId, pendingKey, settled } = deps.state.read()
  if (!batchId && !pendingKey)
    return log.info('No batch was created by this step; nothing to clean up')
  if (settled) return log.info(`Batch ${batchId} was settled by the main step; nothing to clean up`)
  let apiKey = ''
  let context: ErrorContext = { baseUrl: '', keySource: undefined }
  try {
    const inputs = deps.readInputs()
    apiKey = inputs.apiKey
    context = inputs
    deps.mask(apiKey)
    if (!inputs.cancelOnAbort) {
      return log.info(
        `cancel-on-abort is false: ${batchId ? `batch ${batchId}` : 'the batch'} is left running`
      )
    }
    const api = deps.makeApi(inputs)
    // The main step may have died after sending a create and before learning the batch's id.
    const batch = batchId ? await api.retrieve(batchId) : await findBatchByKey(api, pendingKey)
    if (!batch)
      return log.info('The main step was stopped while creating a batch; no batch was created')
    if (isTerminal(batch.status) || batch.status === 'cancelling') {
      return log.info(`Batch ${batch.id} is already ${batch.status}; nothing to cancel`)
    }
    const cancelled = await api.cancel(batch.id)
    deps.state.markSettled()
    log.info(
      `Cancelled batch ${batch.id}, which the cancelled main step left ${batch.status} (now ${cancelled.status})`
    )
  } catch (error) {
    const what = batchId ? `batch ${batchId}` : 'the batch this step created'
    deps.fail(
      redact(
        `Could not cancel ${what}: ${describeApiError(error, context)}. Cancel it with command: cancel`,
        [apiKey]
      )
    )
  }
}
