// `command: cancel` in process, against the local Batch API.
import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '../../__fixtures__/core.js'
import { createBatch, startHarness, type Harness } from '../../__fixtures__/in-process.js'

jest.unstable_mockModule('@actions/core', () => core)
const { run } = await import('../../src/main.js')

let harness: Harness
beforeAll(async () => {
  harness = await startHarness({
    validatingMs: 20,
    inProgressMs: 60_000,
    finalizingMs: 20,
    cancellingMs: 50
  })
})
afterAll(async () => {
  await harness.close()
})
beforeEach(() => core.reset())

describe('cancel', () => {
  it('cancels a running batch and waits until it is cancelled', async () => {
    const id = await createBatch(harness, 2)
    core.reset(harness.inputs({ command: 'cancel', 'batch-id': id }))
    await run()

    expect(core.failure()).toBeUndefined()
    expect(core.outputs.get('status')).toBe('cancelled')
    expect(harness.api.batches().find((batch) => batch.id === id)?.status).toBe('cancelled')
    expect(core.info).toHaveBeenCalledWith(`Cancel requested for batch ${id}`)
    // cancel never takes the batch on: the post step has nothing to clean up.
    expect(core.state.get('batch-id')).toBeUndefined()
  })

  it('says there is nothing to cancel for a batch that already ended', async () => {
    harness.api.configure({ timings: { inProgressMs: 50 } })
    try {
      const id = await createBatch(harness, 1)
      while (harness.api.batches().find((batch) => batch.id === id)?.status !== 'completed')
        await new Promise((resolve) => setTimeout(resolve, 20))
      core.reset(harness.inputs({ command: 'cancel', 'batch-id': id }))
      await run()
      expect(core.failure()).toBeUndefined()
      expect(core.notice).toHaveBeenCalledWith(
        `Batch ${id} is already completed; there is nothing to cancel`
      )
      expect(
        harness.api.log.filter((entry) => entry.op === 'cancel' && entry.batchId === id)
      ).toEqual([])
    } finally {
      harness.api.configure({ timings: { inProgressMs: 60_000 } })
    }
  })
})
