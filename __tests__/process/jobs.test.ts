// Jobs of several batches through the bundled action, against the local Batch API with per-file
// limits and an enqueued-token limit: splitting, parts side by side, resubmission after a token
// refusal, retry rounds, re-runs that create only what is missing, cancellation of every part.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, readdir, readFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { startMockBatchApi, type MockBatchApi } from '../../tools/mock-batch-api/server.mjs'
import { estimateTokens } from '../../src/job/tokens.js'
import {
  chatRequests,
  makeWorkspace,
  postEntry,
  runAction
} from '../../__fixtures__/action-process.js'

const KEY = 'jobs-key-5c1d'
let api: MockBatchApi

beforeAll(async () => {
  api = await startMockBatchApi({
    apiKey: KEY,
    timings: { validatingMs: 10, inProgressMs: 150, finalizingMs: 10, cancellingMs: 50 }
  })
})
afterAll(() => api.close())
afterEach(() => {
  api.clearFaults?.()
  api.configure({
    limits: { maxRequestsPerFile: null, maxBytesPerFile: null, maxEnqueuedTokens: null }
  })
})

let runs = 0
function actionsEnv(
  attempt = 1,
  runId = String(700_000 + ++runs * 7 + Math.floor(Math.random() * 1000) * 1000)
) {
  return {
    runId,
    env: {
      GITHUB_ACTIONS: 'true',
      GITHUB_REPOSITORY: 'octo/evals',
      GITHUB_RUN_ID: runId,
      GITHUB_RUN_ATTEMPT: String(attempt),
      GITHUB_WORKFLOW: 'nightly',
      GITHUB_JOB: 'eval',
      GITHUB_ACTION: 'submit'
    }
  }
}

const inputs = (extra: Record<string, string> = {}) => ({
  'base-url': api.url,
  'api-key': KEY,
  file: 'requests.jsonl',
  'poll-interval': '0.05',
  'max-poll-interval': '0.2',
  ...extra
})

const count = (op: string) => api.log.filter((entry) => entry.op === op).length

async function resultLines(file: string): Promise<Array<Record<string, unknown>>> {
  const text = await readFile(file, 'utf8')
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>)
}

describe('an input over the per-batch limits', () => {
  it('splits 120,000 requests over a 50,000-request limit into three batches and joins them in input order', async () => {
    api.configure({ limits: { maxRequestsPerFile: 50_000 } })
    const { env, runId } = actionsEnv()
    const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(120_000) })
    const [creates, lists, retrieves] = [count('create'), count('list'), count('retrieve')]
    const run = await runAction({
      workspace,
      inputs: inputs({ 'max-batch-requests': '50000' }),
      env,
      timeoutMs: 240_000
    })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(count('create') - creates).toBe(3)
    // The batches in flight are polled together: one list page answers for all of them.
    expect(count('list') - lists).toBeGreaterThan(count('retrieve') - retrieves)
    const ids = JSON.parse(run.outputs['batch-ids'] ?? '[]') as string[]
    expect(ids).toHaveLength(3)
    expect(run.outputs['batch-id']).toBe(ids[0])
    const onServer = api.batches({ metadata: { github_run_id: runId } })
    expect(onServer.map((batch) => batch.id).sort()).toEqual([...ids].sort())
    for (const [index, id] of ids.entries()) {
      const batch = api.batch(id)
      expect(batch?.status).toBe('completed')
      expect(batch?.metadata?.['batch_part']).toBe(`${index + 1}/3`)
      expect(batch?.request_counts?.total).toBe(index < 2 ? 50_000 : 20_000)
    }
    expect(run.outputs).toMatchObject({
      status: 'completed',
      total: '120000',
      completed: '120000',
      failed: '0'
    })
    const results = run.outputs['results-path']!
    expect(results).toBe(path.join(workspace, 'batch-results', ids[0]!, 'results.jsonl'))
    const lines = await resultLines(results)
    expect(lines).toHaveLength(120_000)
    expect(lines.map((line) => line['custom_id'])).toEqual(
      Array.from({ length: 120_000 }, (_, i) => `req-${i + 1}`)
    )
    expect(lines.every((line) => line['status'] === 'ok')).toBe(true)
    // Each batch's raw files are kept beside the job's results.
    for (const id of ids) {
      await expect(
        readFile(
          path.join(workspace, 'batch-results', ids[0]!, 'batches', id, 'output.jsonl'),
          'utf8'
        )
      ).resolves.toContain('"custom_id"')
    }
    expect(run.summary).toContain('Batches of the job (3)')
  }, 300_000)

  it('splits by bytes and keeps at most max-concurrent-batches in flight', async () => {
    const { env: runEnv } = actionsEnv()
    // The parts are written to the runner's temp directory, and removed when the step ends.
    const runnerTemp = await mkdtemp(path.join(os.tmpdir(), 'runner-temp-'))
    const env = { ...runEnv, RUNNER_TEMP: runnerTemp }
    // Lines of one length, so that ten of them fill a part exactly.
    const id = (i: number) => `r-${String(i + 1).padStart(3, '0')}`
    const text = chatRequests(40, (line, i) => {
      line['custom_id'] = id(i)
      line['body'] = { model: 'test-model', messages: [{ role: 'user', content: `Q ${id(i)}` }] }
    })
    const workspace = await makeWorkspace({ 'requests.jsonl': text })
    const lineBytes = Buffer.byteLength(text.split('\n')[0]!) + 1
    const run = await runAction({
      workspace,
      inputs: inputs({ 'max-batch-bytes': String(lineBytes * 10), 'max-concurrent-batches': '1' }),
      env
    })
    expect(run.code).toBe(0)
    const ids = JSON.parse(run.outputs['batch-ids']!) as string[]
    expect(ids).toHaveLength(4)
    // One in flight at a time: each batch was created after the one before it had ended.
    const batches = ids.map((batchId) => api.batch(batchId)!)
    for (let i = 1; i < batches.length; i++) {
      expect(batches[i]!.created_at).toBeGreaterThanOrEqual(batches[i - 1]!.completed_at as number)
    }
    for (const batchId of ids) expect(api.batch(batchId)?.request_counts?.total).toBe(10)
    const lines = await resultLines(run.outputs['results-path']!)
    expect(lines.map((line) => line['custom_id'])).toEqual(
      Array.from({ length: 40 }, (_, i) => id(i))
    )
    expect(run.stdout).toContain('40 requests in 4 batches (at most 1 in flight)')
    await expect(readdir(runnerTemp)).resolves.toEqual([])
  }, 120_000)

  it('a line larger than max-batch-bytes is an input error on its line, and nothing is uploaded', async () => {
    const { env } = actionsEnv()
    const text = chatRequests(3, (line, i) => {
      if (i === 1)
        line['body'] = {
          model: 'test-model',
          messages: [{ role: 'user', content: 'x'.repeat(400) }]
        }
    })
    const workspace = await makeWorkspace({ 'requests.jsonl': text })
    const [uploads, creates] = [count('upload'), count('create')]
    const run = await runAction({ workspace, inputs: inputs({ 'max-batch-bytes': '300' }), env })
    expect(run.code).not.toBe(0)
    expect(run.stdout).toMatch(/::error file=requests\.jsonl,line=2::.*line 2/)
    expect(run.stdout).toMatch(/Nothing was uploaded/)
    expect([count('upload') - uploads, count('create') - creates]).toEqual([0, 0])
  }, 60_000)

  it('an input within every limit is one batch, as before (no part tag, results in results-dir/<id>/)', async () => {
    const { env } = actionsEnv()
    const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(5) })
    const run = await runAction({ workspace, inputs: inputs({ 'max-batch-requests': '5' }), env })
    expect(run.code).toBe(0)
    const id = run.outputs['batch-id']!
    expect(run.outputs['batch-ids']).toBe(JSON.stringify([id]))
    expect(api.batch(id)?.metadata?.['batch_part']).toBeUndefined()
    expect(run.outputs['results-path']).toBe(
      path.join(workspace, 'batch-results', id, 'results.jsonl')
    )
    expect(run.outputs['output-path']).toBe(
      path.join(workspace, 'batch-results', id, 'output.jsonl')
    )
  }, 60_000)
})

describe('the enqueued-token limit', () => {
  it('sends a part refused for the token limit again once a batch in flight has ended', async () => {
    const { env } = actionsEnv()
    const text = chatRequests(20)
    const workspace = await makeWorkspace({ 'requests.jsonl': text })
    // One part of 10 requests fits the limit, two in flight do not.
    const perRequest = estimateTokens((JSON.parse(text.split('\n')[9]!) as { body: unknown }).body)
    api.configure({ limits: { maxEnqueuedTokens: perRequest * 15 } })
    const run = await runAction({
      workspace,
      inputs: inputs({ 'max-batch-requests': '10', 'max-concurrent-batches': '2' }),
      env
    })
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/was refused for the provider's enqueued-token limit/)
    const ids = JSON.parse(run.outputs['batch-ids']!) as string[]
    const refused = ids.filter((id) => api.batch(id)?.status === 'failed')
    expect(refused.length).toBeGreaterThanOrEqual(1)
    expect(
      refused.every((id) => api.batch(id)?.errors?.data?.[0]?.code === 'token_limit_exceeded')
    ).toBe(true)
    expect(run.outputs).toMatchObject({ status: 'completed', total: '20', completed: '20' })
    const lines = await resultLines(run.outputs['results-path']!)
    expect(lines.filter((line) => line['status'] === 'ok')).toHaveLength(20)
  }, 120_000)
})

describe('re-runs and cancellation of a job', () => {
  it('a re-run after two of three parts were created creates only the third', async () => {
    const { env, runId } = actionsEnv(1)
    const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(30) })
    const job = {
      'max-batch-requests': '10',
      'max-concurrent-batches': '2',
      metadata: 'mock_in_progress_ms=1500'
    }
    const first = await runAction({
      workspace,
      inputs: inputs({ ...job, 'wait-timeout': '1s' }),
      env
    })
    expect(first.code).toBe(0)
    expect(first.stdout).toMatch(/1 batch was not submitted before the wait ended/)
    expect(api.batches({ metadata: { github_run_id: runId } })).toHaveLength(2)
    const [uploads, creates] = [count('upload'), count('create')]
    const second = await runAction({
      workspace,
      inputs: inputs(job),
      env: { ...env, GITHUB_RUN_ATTEMPT: '2' }
    })
    expect(second.code).toBe(0)
    expect(count('create') - creates).toBe(1)
    expect(count('upload') - uploads).toBe(1)
    const ids = JSON.parse(second.outputs['batch-ids']!) as string[]
    expect(ids).toHaveLength(3)
    expect(api.batches({ metadata: { github_run_id: runId } })).toHaveLength(3)
    const lines = await resultLines(second.outputs['results-path']!)
    expect(lines).toHaveLength(30)
  }, 120_000)

  it('SIGINT with several parts in flight cancels every one of them within the budget', async () => {
    const { env, runId } = actionsEnv()
    const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(30) })
    const run = await runAction({
      workspace,
      inputs: inputs({ 'max-batch-requests': '10', metadata: 'mock_in_progress_ms=60000' }),
      env,
      interrupt: { signal: 'SIGINT', when: /Wait for batches/ }
    })
    expect(run.code).not.toBe(0)
    expect(run.exitAfterSignalMs).toBeLessThan(7500)
    const onServer = api.batches({ metadata: { github_run_id: runId } })
    expect(onServer).toHaveLength(3)
    for (const batch of onServer) expect(['cancelling', 'cancelled']).toContain(batch.status)
    expect(run.state['settled']).toBe('true')
  }, 60_000)

  it('the post step cancels every part a killed main step left running', async () => {
    const { env, runId } = actionsEnv()
    const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(20) })
    const main = await runAction({
      workspace,
      inputs: inputs({ 'max-batch-requests': '10', metadata: 'mock_in_progress_ms=60000' }),
      env,
      interrupt: { signal: 'SIGKILL', when: /Wait for batches/ }
    })
    expect(main.signal).toBe('SIGKILL')
    expect(JSON.parse(main.state['batch-ids']!)).toHaveLength(2)
    const post = await runAction({
      workspace,
      inputs: inputs({ 'max-batch-requests': '10' }),
      env,
      entry: postEntry,
      state: main.state
    })
    expect(post.code).toBe(0)
    for (const batch of api.batches({ metadata: { github_run_id: runId } }))
      expect(['cancelling', 'cancelled']).toContain(batch.status)
  }, 60_000)

  it('wait: false leaves every part running, and status with batch-ids collects and joins them', async () => {
    const { env } = actionsEnv()
    const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(25) })
    const submit = await runAction({
      workspace,
      inputs: inputs({
        'max-batch-requests': '10',
        wait: 'false',
        metadata: 'mock_in_progress_ms=300'
      }),
      env
    })
    expect(submit.code).toBe(0)
    const ids = JSON.parse(submit.outputs['batch-ids']!) as string[]
    expect(ids).toHaveLength(3)
    expect(submit.stdout).toContain(`batch-id: '${JSON.stringify(ids)}'`)
    const collect = await runAction({
      workspace,
      inputs: inputs({ command: 'status', 'batch-id': submit.outputs['batch-ids']! }),
      env
    })
    expect(collect.code).toBe(0)
    expect(collect.outputs).toMatchObject({ status: 'completed', total: '25', completed: '25' })
    const lines = await resultLines(collect.outputs['results-path']!)
    expect(lines.map((line) => line['custom_id'])).toEqual(
      Array.from({ length: 25 }, (_, i) => `req-${i + 1}`)
    )
  }, 120_000)

  it('wait: false with more parts than max-concurrent-batches waits for a part to end before it submits the next, and leaves the last running', async () => {
    const { env, runId } = actionsEnv()
    const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(30) })
    const logStart = api.log.length
    const run = await runAction({
      workspace,
      inputs: inputs({
        'max-batch-requests': '10',
        'max-concurrent-batches': '2',
        wait: 'false',
        metadata: 'mock_in_progress_ms=1500'
      }),
      env
    })
    expect(run.code).toBe(0)
    const ids = JSON.parse(run.outputs['batch-ids']!) as string[]
    expect(ids).toHaveLength(3)
    expect(api.batches({ metadata: { github_run_id: runId } })).toHaveLength(3)
    // The third part was created only after one of the first two had run its 1.5 s.
    const creates = api.log.slice(logStart).filter((entry) => entry.op === 'create')
    expect(creates).toHaveLength(3)
    expect(creates[2]!.at - creates[0]!.at).toBeGreaterThanOrEqual(1500)
    expect(run.stdout).toMatch(/Wait for batches/)
    // The step returned without waiting for the last part.
    expect(api.batch(ids[2]!)?.status).not.toBe('completed')
    expect(run.state['settled']).toBe('true')
  }, 120_000)
})

describe('faults per part', () => {
  it('a dropped create, a dropped upload, failing polls and a cut download still make exactly one batch per part', async () => {
    const { env, runId } = actionsEnv()
    const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(30) })
    const logStart = api.log.length
    api.addFault({ op: 'upload', fault: 'drop-before' })
    api.addFault({ op: 'create', fault: 'drop-after' })
    api.addFault({ op: 'list', fault: 'status', status: 503, times: 2 })
    api.addFault({ op: 'retrieve', fault: 'status', status: 500, times: 2 })
    api.addFault({ op: 'download', fault: 'cut', afterBytes: 100 })
    const run = await runAction({ workspace, inputs: inputs({ 'max-batch-requests': '10' }), env })
    expect(run.code).toBe(0)
    const onServer = api.batches({ metadata: { github_run_id: runId } })
    expect(onServer.map((batch) => batch.metadata?.['batch_part']).sort()).toEqual([
      '1/3',
      '2/3',
      '3/3'
    ])
    expect(JSON.parse(run.outputs['batch-ids']!)).toHaveLength(3)
    const lines = await resultLines(run.outputs['results-path']!)
    expect(lines.filter((line) => line['status'] === 'ok')).toHaveLength(30)
    // Each fault was met (the polls meet a list or a retrieve fault, as the parts in flight decide).
    const faulted = new Set(
      api.log.slice(logStart).flatMap((entry) => (entry.fault ? [entry.op] : []))
    )
    for (const op of ['upload', 'create', 'download']) expect(faulted).toContain(op)
    expect(faulted.has('list') || faulted.has('retrieve')).toBe(true)
  }, 120_000)

  it('on-timeout: cancel cancels every batch of the job still running', async () => {
    const { env, runId } = actionsEnv()
    const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(20) })
    const run = await runAction({
      workspace,
      inputs: inputs({
        'max-batch-requests': '10',
        metadata: 'mock_in_progress_ms=60000',
        'wait-timeout': '2s',
        'on-timeout': 'cancel'
      }),
      env
    })
    expect(run.code).not.toBe(0)
    expect(run.stdout).toMatch(/they were cancelled \(on-timeout: cancel\)/)
    const onServer = api.batches({ metadata: { github_run_id: runId } })
    expect(onServer).toHaveLength(2)
    for (const batch of onServer) expect(['cancelling', 'cancelled']).toContain(batch.status)
  }, 60_000)
})

describe('retry-failed', () => {
  it('a re-run takes up the rounds of the earlier attempt and creates nothing', async () => {
    const { env, runId } = actionsEnv(1)
    const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(6) })
    api.addFault({ op: 'create', fault: 'fail-requests', customIds: ['req-3'], status: 503 })
    const first = await runAction({ workspace, inputs: inputs({ 'retry-failed': '1' }), env })
    expect(first.code).toBe(0)
    expect(api.batches({ metadata: { github_run_id: runId } })).toHaveLength(2)
    const [uploads, creates] = [count('upload'), count('create')]
    const second = await runAction({
      workspace,
      inputs: inputs({ 'retry-failed': '1' }),
      env: { ...env, GITHUB_RUN_ATTEMPT: '2' }
    })
    expect(second.code).toBe(0)
    expect([count('upload') - uploads, count('create') - creates]).toEqual([0, 0])
    expect(second.outputs['batch-ids']).toBe(first.outputs['batch-ids'])
    const lines = await resultLines(second.outputs['results-path']!)
    expect(lines.find((line) => line['custom_id'] === 'req-3')).toMatchObject({
      status: 'ok',
      attempts: 2
    })
  }, 120_000)

  it('sends again the requests an expired batch left without a result', async () => {
    const { env, runId } = actionsEnv()
    const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(10) })
    api.addFault({ op: 'create', fault: 'expire-partial', doneRequests: 6 })
    const run = await runAction({ workspace, inputs: inputs({ 'retry-failed': '1' }), env })
    expect(run.code).toBe(0)
    const onServer = api.batches({ metadata: { github_run_id: runId } })
    expect(onServer.map((batch) => batch.status)).toEqual(['expired', 'completed'])
    expect(onServer[1]?.request_counts?.total).toBe(4)
    const lines = await resultLines(run.outputs['results-path']!)
    expect(lines.map((line) => line['attempts'])).toEqual([1, 1, 1, 1, 1, 1, 2, 2, 2, 2])
    expect(lines.every((line) => line['status'] === 'ok')).toBe(true)
    expect(run.outputs).toMatchObject({
      status: 'completed',
      total: '10',
      completed: '10',
      failed: '0'
    })
  }, 120_000)

  it('a second round sends exactly the requests that failed for a passing reason, and the joined file shows each final outcome', async () => {
    const { env, runId } = actionsEnv()
    const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(12) })
    api.addFault({
      op: 'create',
      fault: 'fail-requests',
      customIds: ['req-2', 'req-7'],
      status: 429
    })
    api.addFault({
      op: 'create',
      fault: 'fail-requests',
      customIds: ['req-5'],
      status: 400,
      message: 'bad request'
    })
    const run = await runAction({ workspace, inputs: inputs({ 'retry-failed': '2' }), env })
    expect(run.code).toBe(0)
    const onServer = api.batches({ metadata: { github_run_id: runId } })
    expect(onServer).toHaveLength(2)
    const second = onServer.find((batch) => batch.metadata?.['batch_round'] === '1')!
    expect(second.request_counts?.total).toBe(2)
    const lines = await resultLines(run.outputs['results-path']!)
    expect(lines).toHaveLength(12)
    const byId = new Map(lines.map((line) => [line['custom_id'], line]))
    expect(byId.get('req-2')).toMatchObject({ status: 'ok', attempts: 2 })
    expect(byId.get('req-7')).toMatchObject({ status: 'ok', attempts: 2 })
    expect(byId.get('req-5')).toMatchObject({ status: 'error', attempts: 1 })
    expect(byId.get('req-1')).toMatchObject({ status: 'ok', attempts: 1 })
    expect(run.outputs).toMatchObject({ total: '12', completed: '11', failed: '1' })
  }, 120_000)
})
