import * as core from '@actions/core'
import { BatchApi } from './api.js'
import { describeApiError, redact, type ErrorContext } from './errors.js'
import { getInputs } from './inputs.js'
import { stepState } from './state.js'
import { isTerminal } from './status.js'

/** Post step (post-if: cancelled()): cancels a batch the main step created but could not settle. */
export async function runPost(): Promise<void> {
  const { batchId, pendingKey, settled } = stepState.read()
  if (!batchId && !pendingKey)
    return core.info('No batch was created by this step; nothing to clean up')
  if (settled)
    return core.info(`Batch ${batchId} was settled by the main step; nothing to clean up`)
  let apiKey = ''
  let context: ErrorContext = { baseUrl: '', keySource: undefined }
  try {
    const inputs = getInputs(undefined, process.env, 'post')
    apiKey = inputs.apiKey
    context = inputs
    if (apiKey) core.setSecret(apiKey)
    if (!inputs.cancelOnAbort) {
      return core.info(
        `cancel-on-abort is false: ${batchId ? `batch ${batchId}` : 'the batch'} is left running`
      )
    }
    const api = new BatchApi({
      baseUrl: inputs.baseUrl,
      apiKey,
      maxAttempts: inputs.maxAttempts,
      requestTimeoutMs: inputs.requestTimeoutMs,
      redact: (text) => redact(text, [apiKey]),
      log: { debug: core.debug, info: core.info, warning: core.warning }
    })
    // The main step may have died after sending a create and before learning the batch's id.
    const batch = batchId ? await api.retrieve(batchId) : await api.findBatchByKey(pendingKey)
    if (!batch)
      return core.info('The main step was stopped while creating a batch; no batch was created')
    if (isTerminal(batch.status) || batch.status === 'cancelling') {
      return core.info(`Batch ${batch.id} is already ${batch.status}; nothing to cancel`)
    }
    const cancelled = await api.cancel(batch.id)
    stepState.markSettled()
    core.info(
      `Cancelled batch ${batch.id}, which the cancelled main step left ${batch.status} (now ${cancelled.status})`
    )
  } catch (error) {
    const what = batchId ? `batch ${batchId}` : 'the batch this step created'
    core.setFailed(
      redact(
        `Could not cancel ${what}: ${describeApiError(error, context)}. Cancel it with command: cancel`,
        [apiKey]
      )
    )
  }
}
