// The post step in process: it cancels the batch a cancelled main step left behind.
import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '../../__fixtures__/core.js'
import { createBatch, startHarness, type Harness } from '../../__fixtures__/in-process.js'

jest.unstable_mockModule('@actions/core', () => core)
const { run } = await import('../../src/backstop.js')

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

describe('post step', () => {
  it('cancels a saved batch that was never settled', async () => {
    const id = await createBatch(harness, 2)
    core.reset(harness.inputs())
    core.state.set('batch-id', id)
    core.state.set('settled', 'false')
    await run()
    expect(core.failure()).toBeUndefined()
    expect(harness.api.batches().find((batch) => batch.id === id)?.status).toMatch(/^cancel/)
    expect(core.info).toHaveBeenCalledWith(
      expect.stringMatching(new RegExp(`^Cancelled batch ${id}`))
    )
    expect(core.state.get('settled')).toBe('true')
  })

  it('finds the batch by its idempotency key when the main step died creating it', async () => {
    const uploaded = await harness.sdk.files.create({
      file: new File(
        [
          '{"custom_id": "a", "method": "POST", "url": "/v1/chat/completions", "body": {"model": "m"}}\n'
        ],
        'one.jsonl'
      ),
      purpose: 'batch'
    })
    const batch = await harness.sdk.batches.create({
      input_file_id: uploaded.id,
      endpoint: '/v1/chat/completions',
      completion_window: '24h',
      metadata: { batch_action_key: 'key-of-the-dead-step' }
    })
    core.reset(harness.inputs())
    core.state.set('idempotency-key', 'key-of-the-dead-step')
    await run()
    expect(core.failure()).toBeUndefined()
    expect(harness.api.batches().find((b) => b.id === batch.id)?.status).toMatch(/^cancel/)
  })

  it('leaves a settled batch alone', async () => {
    const id = await createBatch(harness, 1)
    core.reset(harness.inputs())
    core.state.set('batch-id', id)
    core.state.set('settled', 'true')
    await run()
    expect(core.info).toHaveBeenCalledWith(
      `Batch ${id} was settled by the main step; nothing to clean up`
    )
    expect(harness.api.batches().find((batch) => batch.id === id)?.status).not.toMatch(/^cancel/)
  })
})
