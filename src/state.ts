import * as core from '@actions/core'
import { State } from './constants.js'

export interface SavedState {
  batchId: string
  /** The idempotency key of a create that was sent; finds the batch if the step died before learning its id. */
  pendingKey: string
  settled: boolean
}

/**
 * What the main step leaves for the post step: the batch it is responsible for, and whether it
 * finished with it. The post step cancels a saved batch that was never settled.
 */
export const stepState = {
  /** Saved before a create is sent, so a batch created by a killed step can still be found. */
  saveCreateKey(key: string): void {
    core.saveState(State.IdempotencyKey, key)
  },
  saveBatch(batchId: string): void {
    core.saveState(State.BatchId, batchId)
    core.saveState(State.Settled, 'false')
  },
  markSettled(): void {
    core.saveState(State.Settled, 'true')
  },
  read(): SavedState {
    return {
      batchId: core.getState(State.BatchId),
      pendingKey: core.getState(State.IdempotencyKey),
      settled: core.getState(State.Settled) === 'true'
    }
  }
}
