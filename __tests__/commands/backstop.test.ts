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

  it('a settled step costs no request at all', async () => {
    const id = await createBatch(harness, 1)
    core.reset(harness.inputs())
    core.state.set('batch-id', id)
    core.state.set('settled', 'true')
    const before = harness.api.log.length
    await run()
    expect(harness.api.log.length).toBe(before)
  })

  it('finds a create that commits after the main step died, within the settle window', async () => {
    const uploaded = await harness.sdk.files.create({
      file: new File([oneLine], 'late.jsonl'),
      purpose: 'batch'
    })
    harness.api.addFault({ op: 'create', fault: 'late-commit', commitAfterMs: 1500, status: 504 })
    await expect(
      harness.sdk.batches.create({
        input_file_id: uploaded.id,
        endpoint: '/v1/chat/completions',
        completion_window: '24h',
        metadata: { batch_action_key: 'late-key', input_sha256: 'sha-late' }
      })
    ).rejects.toMatchObject({ status: 504 })
    core.reset(harness.inputs({ 'request-timeout': '1s' }))
    core.state.set('idempotency-key', 'late-key')
    core.state.set('input-sha256', 'sha-late')
    core.state.set('search-since', String(Math.floor(Date.now() / 1000)))
    await run()
    expect(core.failure()).toBeUndefined()
    const [batch] = harness.api.batches({ metadata: { batch_action_key: 'late-key' } })
    expect(batch?.status).toMatch(/^cancel/)
  }, 20_000)

  it("never cancels a batch whose input_sha256 is not this step's", async () => {
    const uploaded = await harness.sdk.files.create({
      file: new File([oneLine], 'other.jsonl'),
      purpose: 'batch'
    })
    const batch = await harness.sdk.batches.create({
      input_file_id: uploaded.id,
      endpoint: '/v1/chat/completions',
      completion_window: '24h',
      metadata: { batch_action_key: 'shared-key', input_sha256: 'sibling-sha' }
    })
    core.reset(harness.inputs())
    core.state.set('batch-id', batch.id)
    core.state.set('idempotency-key', 'shared-key')
    core.state.set('input-sha256', 'my-sha')
    core.state.set('settled', 'false')
    await run()
    expect(core.failure()).toBeUndefined()
    expect(harness.api.batch(batch.id)?.status).not.toMatch(/^cancel/)
    expect(core.warning).toHaveBeenCalledWith(expect.stringContaining('it is not cancelled'))
  })
})

const oneLine =
  '{"custom_id": "a", "method": "POST", "url": "/v1/chat/completions", "body": {"model": "m"}}\n'
