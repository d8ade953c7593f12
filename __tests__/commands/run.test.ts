// `command: run` in process: main's run() with @actions/core stubbed, against the local Batch API.
import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { EventEmitter } from 'node:events'
import { readFile } from 'node:fs/promises'
import * as core from '../../__fixtures__/core.js'
import {
  chatLines,
  KEY,
  putFile,
  startHarness,
  type Harness
} from '../../__fixtures__/in-process.js'

jest.unstable_mockModule('@actions/core', () => core)
const { run, runnerDeps } = await import('../../src/main.js')

let harness: Harness
beforeAll(async () => {
  harness = await startHarness()
})
afterAll(async () => {
  await harness.close()
})
beforeEach(() => core.reset())

describe('run', () => {
  it('validates, uploads, creates, waits and joins the results', async () => {
    await putFile(harness, 'requests.jsonl', chatLines(4))
    core.reset(harness.inputs({ file: 'requests.jsonl' }))
    await run()

    expect(core.failure()).toBeUndefined()
    const id = core.outputs.get('batch-id') ?? ''
    const onServer = harness.api.batches().find((batch) => batch.id === id)
    expect(onServer?.status).toBe('completed')
    expect(onServer?.metadata).toMatchObject({ input_sha256: expect.any(String) })
    expect(core.outputs.get('status')).toBe('completed')
    expect(core.outputs.get('total')).toBe('4')
    expect(core.outputs.get('model')).toBe('test-model')
    const results = (await readFile(core.outputs.get('results-path') ?? '', 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { custom_id: string })
    expect(results.map((line) => line.custom_id)).toEqual(['req-1', 'req-2', 'req-3', 'req-4'])
    expect(Number(core.outputs.get('total-tokens'))).toBeGreaterThan(0)
    // The post step has nothing to do: the batch is saved and settled.
    expect(core.state.get('batch-id')).toBe(id)
    expect(core.state.get('settled')).toBe('true')
    expect(core.setSecret).toHaveBeenCalledWith(KEY)
    expect(core.messages).toContainEqual(expect.stringMatching(/^info: Created batch batch_/))
  })

  it('fails with every problem of the file and uploads nothing', async () => {
    await putFile(harness, 'bad.jsonl', chatLines(2) + '{"custom_id": "req-1"}\n')
    const uploadsBefore = harness.api.log.filter((entry) => entry.op === 'upload').length
    // Uploads only: a batch of an earlier test may write its output files meanwhile.
    const stored = () => harness.api.files().filter((file) => file.purpose === 'batch')
    const filesBefore = stored().length
    core.reset(harness.inputs({ file: 'bad.jsonl' }))
    await run()

    expect(core.failure()).toMatch(/bad\.jsonl.*Nothing was uploaded\.$/s)
    expect(core.error).toHaveBeenCalledWith(
      expect.any(String),
      expect.objectContaining({ file: 'bad.jsonl', startLine: 3 })
    )
    // Validated while it was uploaded: the one upload was cut off before its end (never
    // answered), and nothing was stored.
    const uploads = harness.api.log.filter((entry) => entry.op === 'upload').slice(uploadsBefore)
    expect(uploads.map((entry) => entry.status)).toEqual([0])
    expect(stored()).toHaveLength(filesBefore)
    expect(core.outputs.has('batch-id')).toBe(false)
  })

  it('fails a file outside the workspace before anything is sent', async () => {
    const requestsBefore = harness.api.log.length
    core.reset(harness.inputs({ file: '../elsewhere.jsonl' }))
    await run()
    expect(core.failure()).toMatch(
      /^file: "\.\.\/elsewhere\.jsonl" leads to .*outside the workspace/
    )
    expect(harness.api.log).toHaveLength(requestsBefore)
  })

  it('names every bad input at once, before anything else', async () => {
    core.reset(harness.inputs({ file: 'requests.jsonl', wait: 'sometimes', 'list-limit': '0' }))
    await run()
    expect(core.failure()).toBe(
      '2 invalid inputs:\n- wait: must be true or false\n- list-limit: must be at least 1'
    )
    expect(core.setSecret).not.toHaveBeenCalled()
  })

  it('leaves the batch running when the wait times out with on-timeout: leave', async () => {
    harness.api.configure({ timings: { inProgressMs: 60_000 } })
    try {
      await putFile(harness, 'slow.jsonl', chatLines(2))
      core.reset(harness.inputs({ file: 'slow.jsonl', 'wait-timeout': '1s' }))
      await run()
      expect(core.failure()).toBeUndefined()
      expect(core.notice).toHaveBeenCalledWith(
        expect.stringMatching(/^The wait timed out \(wait-timeout 1s\) .*it was left running/)
      )
      expect(core.state.get('settled')).toBe('true')
      const id = core.outputs.get('batch-id')
      expect(harness.api.batches().find((batch) => batch.id === id)?.status).not.toBe('cancelled')
    } finally {
      harness.api.configure({ timings: { inProgressMs: 150 } })
    }
  })

  it('cancels its batch within the budget when the runner sends SIGINT', async () => {
    harness.api.configure({ timings: { inProgressMs: 60_000 } })
    try {
      await putFile(harness, 'cancelled.jsonl', chatLines(2))
      core.reset(harness.inputs({ file: 'cancelled.jsonl' }))
      const signals = new EventEmitter()
      const done = run({ ...runnerDeps(), signals })
      while (!core.outputs.get('batch-id')) await new Promise((resolve) => setTimeout(resolve, 20))
      const started = Date.now()
      signals.emit('SIGINT')
      await done
      expect(Date.now() - started).toBeLessThan(6000)
      const id = core.outputs.get('batch-id')
      expect(core.failure()).toMatch(
        new RegExp(`^The step was cancelled \\(SIGINT\\); batch ${id} was cancelled`)
      )
      expect(harness.api.batches().find((batch) => batch.id === id)?.status).toMatch(/^cancel/)
      expect(core.state.get('settled')).toBe('true')
    } finally {
      harness.api.configure({ timings: { inProgressMs: 150 } })
    }
  })
})
