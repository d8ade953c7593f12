import { describe, expect, it } from '@jest/globals'
import { memoryStore, StepState } from '../../src/action/state.js'

const empty = {
  batchId: '',
  pendingKey: '',
  fileSha256: '',
  searchSince: 0,
  settled: false,
  batchIds: []
}

describe('StepState', () => {
  it('saves the create key, then the batch, then that it is settled', () => {
    const state = new StepState(memoryStore())
    expect(state.read()).toEqual(empty)
    state.saveCreateKey('key-1', 'sha-1', 1700000000)
    const pending = { ...empty, pendingKey: 'key-1', fileSha256: 'sha-1', searchSince: 1700000000 }
    expect(state.read()).toEqual(pending)
    state.saveBatch('batch_1')
    expect(state.read()).toEqual({ ...pending, batchId: 'batch_1' })
    state.markSettled()
    expect(state.read().settled).toBe(true)
  })

  it('a key saved after a settled batch makes the step unsettled again', () => {
    const state = new StepState(memoryStore())
    state.saveBatch('batch_1')
    state.markSettled()
    state.saveCreateKey('key-2', 'sha', 1)
    expect(state.read().settled).toBe(false)
  })

  it('writes through to the runner store while reading its own copy', () => {
    const runner = memoryStore()
    const state = new StepState(memoryStore(runner))
    state.saveBatch('batch_2')
    expect(new StepState(runner).read()).toEqual({ ...empty, batchId: 'batch_2' })
  })

  it('keeps every batch of a job; the first is the batch id, and a known batch is no longer pending', () => {
    const state = new StepState(memoryStore())
    state.saveCreateKey('key-1', 'sha-1', 5)
    state.saveJobBatch('batch_1')
    state.saveCreateKey('key-2', 'sha-2', 6)
    expect(state.read()).toMatchObject({ pendingKey: 'key-2', batchIds: ['batch_1'] })
    state.saveJobBatch('batch_2')
    state.saveJobBatch('batch_1')
    expect(state.read()).toMatchObject({
      batchId: 'batch_1',
      batchIds: ['batch_1', 'batch_2'],
      pendingKey: '',
      settled: false
    })
  })
})
