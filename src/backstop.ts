import * as core from '@actions/core'
import { BatchApi } from './api.js'
import { describeApiError, redact } from './errors.js'
import { getInputs } from './inputs.js'
import { stepState } from './state.js'
import { isTerminal } from './status.js'

/** Post step (post-if: cancelled()): cancels a batch the main step created but could not settle. */
export async function runPost(): Promise<void> {
  const { batchId, settled } = stepState.read()
  if (!batchId) return core.info('No batch was created by this step; nothing to clean up')
  if (settled)
    return core.info(`Batch ${batchId} was settled by the main step; nothing to clean up`)
  let apiKey = ''
  try {
    const inputs = getInputs(undefined, process.env, 'post')
    apiKey = inputs.apiKey
    if (apiKey) core.setSecret(apiKey)
    if (!inputs.cancelOnAbort)
      return core.info(`cancel-on-abort is false: batch ${batchId} is left running`)
    const api = new BatchApi({
      baseUrl: inputs.baseUrl,
      apiKey,
      maxAttempts: inputs.maxAttempts,
      requestTimeoutMs: inputs.requestTimeoutMs,
      redact: (text) => redact(text, [apiKey]),
      log: { debug: core.debug, info: core.info, warning: core.warning }
    })
    const batch = await api.retrieve(batchId)
    if (isTerminal(batch.status) || batch.status === 'cancelling') {
      return core.info(`Batch ${batchId} is already ${batch.status}; nothing to cancel`)
    }
    const cancelled = await api.cancel(batchId)
    stepState.markSettled()
    core.info(
      `Cancelled batch ${batchId}, which the cancelled main step left ${batch.status} (now ${cancelled.status})`
    )
  } catch (error) {
    const inputs = { baseUrl: '', keySource: undefined }
    core.setFailed(
      redact(
        `Could not cancel batch ${batchId}: ${describeApiError(error, inputs)}. Cancel it with command: cancel`,
        [apiKey]
      )
    )
  }
}
