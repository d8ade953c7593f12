// `command: status` in process, against the local Batch API.
import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import * as core from '../../__fixtures__/core.js'
import {
  chatLines,
  createBatch,
  putFile,
  startHarness,
  type Harness
} from '../../__fixtures__/in-process.js'

jest.unstable_mockModule('@actions/core', () => core)
const { run } = await import('../../src/main.js')

let harness: Harness
beforeAll(async () => {
  harness = await startHarness()
})
afterAll(async () => {
  await harness.close()
})
beforeEach(() => core.reset())

describe('status', () => {
  it('waits for the batch and joins its results in the order of file', async () => {
    const id = await createBatch(harness, 3)
    // The batch's own order is req-1, req-2, req-3, which is also the ids' sorted order: the file
    // given lists them the other way round, and the results must follow it.
    const reversed = chatLines(3).trimEnd().split('\n').reverse().join('\n') + '\n'
    await putFile(harness, 'requests.jsonl', reversed)
    core.reset(harness.inputs({ command: 'status', 'batch-id': id, file: 'requests.jsonl' }))
    await run()

    expect(core.failure()).toBeUndefined()
    expect(core.outputs.get('batch-id')).toBe(id)
    expect(core.outputs.get('status')).toBe('completed')
    expect(core.outputs.get('completed')).toBe('3')
    const joined = await readFile(core.outputs.get('results-path') ?? '', 'utf8')
    const order = joined
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { custom_id: string }).custom_id)
    expect(order).toEqual(['req-3', 'req-2', 'req-1'])
    // Waiting made the step responsible for the batch until it ended.
    expect(core.state.get('batch-id')).toBe(id)
    expect(core.state.get('settled')).toBe('true')
  })

  it('with wait: false reports the batch as it is and leaves it running', async () => {
    harness.api.configure({ timings: { inProgressMs: 60_000 } })
    try {
      const id = await createBatch(harness, 2)
      core.reset(harness.inputs({ command: 'status', 'batch-id': id, wait: 'false' }))
      await run()
      expect(core.failure()).toBeUndefined()
      expect(core.outputs.get('status')).toMatch(/^(validating|in_progress)$/)
      expect(core.info).toHaveBeenCalledWith(
        `wait is false: batch ${id} runs on; collect it later with command: status and batch-id: ${id}`
      )
      // Not waiting, the step does not own the batch: the post step must leave it alone.
      expect(core.state.get('batch-id')).toBeUndefined()
      expect(core.outputs.has('results-path')).toBe(false)
    } finally {
      harness.api.configure({ timings: { inProgressMs: 150 } })
    }
  })

  it('fails with the API’s answer for an unknown batch, naming the host', async () => {
    core.reset(harness.inputs({ command: 'status', 'batch-id': 'batch_missing' }))
    await run()
    expect(core.failure()).toMatch(/^127\.0\.0\.1:\d+ answered HTTP 404/)
  })

  it('fails a batch that failed, with its errors', async () => {
    const uploaded = await harness.sdk.files.create({
      file: new File(['{"custom_id": "a", "method": "POST"}\n'], 'broken.jsonl'),
      purpose: 'batch'
    })
    const batch = await harness.sdk.batches.create({
      input_file_id: uploaded.id,
      endpoint: '/v1/chat/completions',
      completion_window: '24h'
    })
    core.reset(harness.inputs({ command: 'status', 'batch-id': batch.id }))
    await run()
    expect(core.outputs.get('status')).toBe('failed')
    expect(core.failure()).toMatch(new RegExp(`^Batch ${batch.id} failed: `))
  })
})
