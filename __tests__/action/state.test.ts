import { describe, expect, it } from '@jest/globals'
import { memoryStore, StepState } from '../../src/action/state.js'

describe('StepState', () => {
  it('saves the create key, then the batch, then that it is settled', () => {
    const state = new StepState(memoryStore())
    expect(state.read()).toEqual({ batchId: '', pendingKey: '', settled: false })
    state.saveCreateKey('key-1')
    expect(state.read()).toEqual({ batchId: '', pendingKey: 'key-1', settled: false })
    state.saveBatch('batch_1')
    expect(state.read()).toEqual({ batchId: 'batch_1', pendingKey: 'key-1', settled: false })
    state.markSettled()
    expect(state.read().settled).toBe(true)
  })

  it('writes through to the runner store while reading its own copy', () => {
    const runner = memoryStore()
    const state = new StepState(memoryStore(runner))
    state.saveBatch('batch_2')
    expect(new StepState(runner).read()).toEqual({
      batchId: 'batch_2',
      pendingKey: '',
      settled: false
    })
  })
})
