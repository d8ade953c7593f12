// `command: collect` in process, against the local Batch API: the wait loop over running jobs,
// its tolerance of passing poll failures, and where it stops. Outside Actions, collect takes the
// batches made outside Actions (no github_repository).
import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { createReadStream } from 'node:fs'
import { readFile } from 'node:fs/promises'
import * as core from '../../__fixtures__/core.js'
import { chatLines, putFile, startHarness, type Harness } from '../../__fixtures__/in-process.js'

jest.unstable_mockModule('@actions/core', () => core)
const { run } = await import('../../src/main.js')

let harness: Harness
beforeAll(async () => {
  harness = await startHarness({ validatingMs: 20, inProgressMs: 300, finalizingMs: 20 })
})
afterAll(async () => {
  await harness.close()
})
beforeEach(() => {
  core.reset()
  harness.api.clearFaults()
})

let jobs = 0
/** A batch as the action makes one outside Actions: its key and the user's suite. */
async function submitJob(suite: string): Promise<{ id: string; key: string }> {
  const key = `${(jobs += 1).toString(16).padStart(32, '0')}`
  const file = await putFile(harness, `job-${jobs}.jsonl`, chatLines(3))
  const uploaded = await harness.sdk.files.create({
    file: createReadStream(file),
    purpose: 'batch'
  })
  const batch = await harness.sdk.batches.create({
    input_file_id: uploaded.id,
    endpoint: '/v1/chat/completions',
    completion_window: '24h',
    metadata: { batch_action_key: key, input_sha256: 'c'.repeat(64), suite }
  })
  return { id: batch.id, key }
}

const jobsOutput = () =>
  JSON.parse(core.outputs.get('jobs') ?? '[]') as Array<Record<string, unknown>>

describe('collect with wait: true', () => {
  it('waits through polls that fail for a passing reason, then collects', async () => {
    const { id, key } = await submitJob('wait-ok')
    harness.api.addFault({ op: 'retrieve', fault: 'status', status: 503, times: 2 })
    core.reset(
      harness.inputs({ command: 'collect', match: 'suite=wait-ok', 'wait-timeout': '30s' })
    )
    await run()
    expect(core.failure()).toBeUndefined()
    const [job] = jobsOutput()
    expect(job).toMatchObject({
      job: key,
      batch_ids: [id],
      status: 'completed',
      total: 3,
      failed: 0
    })
    const results = await readFile(String(job?.['results_path']), 'utf8')
    expect(results.trim().split('\n')).toHaveLength(3)
    expect(core.warning).toHaveBeenCalledWith(
      expect.stringMatching(/^Poll 1 of at most 10 in a row failed: /)
    )
    expect(core.info).toHaveBeenCalledWith(`Job ${key} is completed`)
  })

  it('fails after max-consecutive-errors polls in a row failed, with nothing downloaded', async () => {
    await submitJob('wait-down')
    harness.api.addFault({ op: 'retrieve', fault: 'status', status: 503, times: 50 })
    const logStart = harness.api.log.length
    core.reset(
      harness.inputs({
        command: 'collect',
        match: 'suite=wait-down',
        'max-consecutive-errors': '2',
        'wait-timeout': '30s'
      })
    )
    await run()
    expect(core.failure()).toMatch(/2 polls in a row failed .*run collect again later/)
    expect(harness.api.log.slice(logStart).filter((entry) => entry.op === 'download')).toEqual([])
  })

  it('a job still running when wait-timeout passes is left running (on-timeout: leave)', async () => {
    harness.api.configure({ timings: { inProgressMs: 60_000 } })
    try {
      const { id } = await submitJob('wait-long')
      core.reset(
        harness.inputs({ command: 'collect', match: 'suite=wait-long', 'wait-timeout': '1s' })
      )
      await run()
      expect(core.failure()).toBeUndefined()
      expect(jobsOutput()).toEqual([
        expect.objectContaining({ batch_ids: [id], status: 'running', results_path: null })
      ])
      expect(core.notice).toHaveBeenCalledWith(
        expect.stringMatching(/^The wait timed out .*1 job still running; they are left running/)
      )
      expect(harness.api.batch(id)?.status).toBe('in_progress')
    } finally {
      harness.api.configure({ timings: { inProgressMs: 300 } })
    }
  })
})
