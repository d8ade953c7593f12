import * as core from '@actions/core'
import { State } from './constants.js'

/**
 * What the main step leaves for the post step: the batch it is responsible for, and whether it
 * finished with it. The post step cancels a saved batch that was never settled.
 */
export const stepState = {
  saveBatch(batchId: string): void {
    core.saveState(State.BatchId, batchId)
    core.saveState(State.Settled, 'false')
  },
  markSettled(): void {
    core.saveState(State.Settled, 'true')
  },
  read(): { batchId: string; settled: boolean } {
    return {
      batchId: core.getState(State.BatchId),
      settled: core.getState(State.Settled) === 'true'
    }
  }
}
