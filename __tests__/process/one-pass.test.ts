// One pass over the input, through the bundled action: `run` of one batch validates while it
// uploads. A bad line in the middle or at the end of a large file stops the upload before its
// end (the local Batch API stores nothing), and the step fails exactly as the validate-first path
// fails it (a job, here made by retry-failed rounds): the same annotations, messages, outputs and
// summary. A valid file is stored byte for byte, and a re-run takes its batch up without uploading.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { startMockBatchApi, type MockBatchApi } from '../../tools/mock-batch-api/server.mjs'
import {
  chatRequests,
  makeWorkspace,
  runAction,
  type ActionRun
} from '../../__fixtures__/action-process.js'

const KEY = 'one-pass-key-2b7d'
/** Large enough that much of it is on the wire before a bad line in its middle is reached. */
const REQUESTS = 100_000
let api: MockBatchApi
let good: string

beforeAll(async () => {
  api = await startMockBatchApi({
    apiKey: KEY,
    timings: { validatingMs: 10, inProgressMs: 50, finalizingMs: 10 }
  })
  good = chatRequests(REQUESTS)
}, 60_000)
afterAll(async () => {
  await api.close()
})

const inputs = (extra: Record<string, string> = {}) => ({
  'base-url': api.url,
  'api-key': KEY,
  file: 'requests.jsonl',
  'poll-interval': '0.05',
  'max-poll-interval': '0.2',
  ...extra
})

/** The file with lines `bad` (1-based) broken in two different ways. */
function withBadLines(...bad: number[]): string {
  const lines = good.split('\n')
  for (const [i, line] of bad.entries())
    lines[line - 1] = i % 2 ? '{"custom_id": "cut short' : lines[line - 1]!.replace('POST', 'GET')
  return lines.join('\n')
}

/** What the user sees of a failed step: annotations and errors, outputs, the job summary. */
function seen(run: ActionRun) {
  return {
    code: run.code,
    errors: run.stdout.split('\n').filter((line) => line.startsWith('::error')),
    outputs: run.outputs,
    summary: run.summary
  }
}

describe('validate while uploading', () => {
  it.each([
    ['a bad line in the middle', [REQUESTS / 2]],
    ['a bad last line', [REQUESTS]],
    ['bad lines in the middle and at the end, all reported', [10, REQUESTS / 2, REQUESTS]]
  ])('%s: nothing stored, and the step fails as validating first does', async (_name, bad) => {
    const content = withBadLines(...bad)
    const files = api.files().length
    const logged = api.log.length
    const onePass = await runAction({
      workspace: await makeWorkspace({ 'requests.jsonl': content }),
      inputs: inputs()
    })
    const calls = api.log.slice(logged)
    expect(calls.map((entry) => [entry.op, entry.status])).toEqual([
      ['list', 200],
      ['upload', 0]
    ])
    // The upload was under way (a bad middle line is found after megabytes went out), yet cut off.
    const sent = calls[1]!.requestBytes ?? 0
    if (bad[0]! > 10) expect(sent).toBeGreaterThan(1_000_000)
    expect(sent).toBeLessThan(Buffer.byteLength(content))
    expect(api.files().length).toBe(files)

    const first = await runAction({
      workspace: await makeWorkspace({ 'requests.jsonl': content }),
      inputs: inputs({ 'retry-failed': '1' })
    })
    expect(seen(onePass)).toEqual(seen(first))
    expect(onePass.code).toBe(1)
    expect(
      [...onePass.stdout.matchAll(/^::error file=requests\.jsonl,line=(\d+)::/gm)].map((m) =>
        Number(m[1])
      )
    ).toEqual(bad)
    expect(onePass.stdout).toMatch(
      /^::error::\d+ problems? in requests\.jsonl: .*Nothing was uploaded\./m
    )
  })

  it('a valid file is stored byte for byte, and its re-run uploads nothing', async () => {
    const workspace = await makeWorkspace({ 'requests.jsonl': good })
    const env = {
      GITHUB_ACTIONS: 'true',
      GITHUB_REPOSITORY: 'octo/one-pass',
      GITHUB_RUN_ID: '4242',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_JOB: 'batch',
      GITHUB_ACTION: 'one-pass'
    }
    const run = await runAction({ workspace, inputs: inputs({ wait: 'false' }), env })
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/Validate and upload requests\.jsonl/)
    expect(run.stdout).toContain(`requests.jsonl: ${REQUESTS} requests`)
    const id = run.outputs['input-file-id']!
    const stored = api.fileBytes(id)
    expect(stored.equals(await readFile(path.join(workspace, 'requests.jsonl')))).toBe(true)

    const logged = api.log.length
    const again = await runAction({
      workspace,
      inputs: inputs({ wait: 'false' }),
      env: { ...env, GITHUB_RUN_ATTEMPT: '2' }
    })
    expect(again.code).toBe(0)
    expect(again.outputs['batch-id']).toBe(run.outputs['batch-id'])
    // Its validation, of its own, before the batch is taken up: the same log as a first attempt.
    expect(again.stdout).toContain(`requests.jsonl: ${REQUESTS} requests`)
    expect(api.log.slice(logged).map((entry) => entry.op)).not.toContain('upload')
  })
})
