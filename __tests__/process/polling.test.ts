// How the bundled action waits, measured at a proxy in front of the local Batch API: the
// consecutive-error count resets on a good poll, Retry-After stretches the next request, the
// backoff never exceeds max-poll-interval, and progress is logged only on a status change within a
// minute. Also: the idempotency key covers the file, so a second file is never adopted as the first.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { startMockBatchApi, type MockBatchApi } from '../../tools/mock-batch-api/server.mjs'
import { chatRequests, makeWorkspace, runAction } from '../../__fixtures__/action-process.js'
import {
  apiError,
  startFaultProxy,
  type FaultProxy,
  type ProxiedRequest
} from '../../__fixtures__/fault-proxy.js'

const KEY = 'polling-key-81d3'
let api: MockBatchApi
let proxy: FaultProxy

beforeAll(async () => {
  api = await startMockBatchApi({
    apiKey: KEY,
    timings: { validatingMs: 10, inProgressMs: 60, finalizingMs: 10 }
  })
  proxy = await startFaultProxy(new URL(api.url).origin)
})
afterAll(async () => {
  await proxy.close()
  await api.close()
})

async function runFile(content: string, extra: Record<string, string>, env = {}) {
  const workspace = await makeWorkspace({ 'requests.jsonl': content })
  return runAction({
    workspace,
    inputs: {
      file: 'requests.jsonl',
      'base-url': proxy.url,
      'api-key': KEY,
      'poll-interval': '0.02',
      'max-poll-interval': '0.05',
      ...extra
    },
    env
  })
}

const unavailable = { answer: { status: 503, body: apiError('Try later', 'server_error') } }

/** Rules that answer the polls in this order: 'fail' is a 503, 'ok' goes through. */
function pollPattern(pattern: Array<'fail' | 'ok'>): number[] {
  return pattern.map((step) =>
    proxy.add({
      op: 'retrieve',
      times: 1,
      action: step === 'fail' ? unavailable : { forward: true }
    })
  )
}

/** Milliseconds from each request to the next one, after the first `from`. */
function gapsAfter(requests: ProxiedRequest[], from: number): number[] {
  const gaps: number[] = []
  for (let i = from + 1; i < requests.length; i++) gaps.push(requests[i]!.at - requests[i - 1]!.at)
  return gaps
}

describe('polling', () => {
  it('resets the consecutive-error count after a good poll', async () => {
    proxy.clear()
    const pattern = ['fail', 'fail', 'ok', 'fail', 'fail', 'ok', 'fail', 'fail', 'ok'] as const
    const rules = pollPattern([...pattern])
    const run = await runFile(chatRequests(3), {
      'max-consecutive-errors': '3',
      metadata: 'mock_in_progress_ms=1500'
    })
    if (run.code !== 0) console.log(run.stdout)
    expect(rules.map((r) => proxy.applied(r))).toEqual(rules.map(() => 1))
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('completed')
    expect(run.stdout.match(/::warning::Poll \d of at most 3 in a row failed/g)).toHaveLength(6)
  })

  it('fails on max-consecutive-errors failures in a row', async () => {
    proxy.clear()
    pollPattern(['fail', 'fail', 'ok', 'fail', 'fail', 'fail'])
    const run = await runFile(chatRequests(3), {
      'max-consecutive-errors': '3',
      metadata: 'mock_in_progress_ms=1500'
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::3 polls in a row failed/)
  })

  it.each(['retrieve', 'create'] as const)(
    'waits as long as a 429 on %s asks with Retry-After',
    async (op) => {
      proxy.clear()
      const rule = proxy.add({
        op,
        times: 1,
        action: {
          answer: { status: 429, headers: { 'retry-after': '1' }, body: apiError('Slow down') }
        }
      })
      // max-poll-interval above the Retry-After: a poll's Retry-After never passes it (below).
      const run = await runFile(chatRequests(2), { 'max-poll-interval': '2' })
      expect(run.code).toBe(0)
      const at = proxy.requests.findIndex((r) => r.rule === rule)
      expect(at).toBeGreaterThanOrEqual(0)
      const next = proxy.requests[at + 1]!
      expect(next.at - proxy.requests[at]!.at).toBeGreaterThanOrEqual(990)
    }
  )

  it("never lets a poll's Retry-After stretch past max-poll-interval", async () => {
    proxy.clear()
    const rule = proxy.add({
      op: 'retrieve',
      times: 1,
      action: {
        answer: { status: 429, headers: { 'retry-after': '30' }, body: apiError('Slow down') }
      }
    })
    const run = await runFile(chatRequests(2), { 'max-poll-interval': '0.3' })
    expect(run.code).toBe(0)
    const at = proxy.requests.findIndex((r) => r.rule === rule)
    expect(at).toBeGreaterThanOrEqual(0)
    const gap = proxy.requests[at + 1]!.at - proxy.requests[at]!.at
    expect(gap).toBeGreaterThanOrEqual(250)
    expect(gap).toBeLessThan(300 + 2000)
  })

  it('never waits longer than max-poll-interval between polls', async () => {
    proxy.clear()
    const run = await runFile(chatRequests(3), {
      'poll-interval': '0.1',
      'max-poll-interval': '0.3',
      metadata: 'mock_in_progress_ms=3000'
    })
    expect(run.code).toBe(0)
    const polls = proxy.requests.filter((r) => r.op === 'retrieve')
    const gaps = gapsAfter(polls, 0)
    expect(gaps.length).toBeGreaterThan(6)
    // the backoff grew to the cap, and never beyond it. The room above the cap is for a loaded
    // machine (727 ms was seen at a load of 9 on 2 cores); a backoff without the cap would have
    // reached 6.4 s by the seventh poll, and made fewer than 7 polls in the 3 s.
    expect(Math.max(...gaps)).toBeGreaterThan(200)
    expect(Math.max(...gaps)).toBeLessThan(300 + 1200)
  })

  it('logs request counts on a status change, and more often only in the debug log', async () => {
    proxy.clear()
    const run = await runFile(
      chatRequests(12),
      { metadata: 'mock_in_progress_ms=1500' },
      { RUNNER_DEBUG: '1' }
    )
    expect(run.code).toBe(0)
    const id = run.outputs['batch-id']!
    const info = run.stdout.match(new RegExp(`^Batch ${id} is in_progress.*$`, 'gm')) ?? []
    const debug =
      run.stdout.match(new RegExp(`^::debug::Batch ${id} is in_progress.*$`, 'gm')) ?? []
    expect(info).toHaveLength(1)
    expect(new Set(debug.map((line) => line.replace(/^::debug::/, ''))).size).toBeGreaterThan(2)
  })
})

describe('the idempotency key', () => {
  const sameStep = {
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'octo/evals',
    GITHUB_RUN_ID: '777',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'eval',
    GITHUB_ACTION: 'submit'
  }

  it('covers the file: a second file in the same step gets its own batch, even after an ambiguous create', async () => {
    proxy.clear()
    const first = chatRequests(2, (l) => void (l.custom_id = `first-${l.custom_id as string}`))
    const second = chatRequests(2, (l) => void (l.custom_id = `second-${l.custom_id as string}`))
    const a = await runFile(first, { wait: 'false' }, sameStep)
    expect(a.code).toBe(0)
    // the second create's connection drops before an answer: the action looks for its key
    const drop = proxy.add({
      op: 'create',
      times: 1,
      action: { answer: { status: 502, body: {} } }
    })
    const b = await runFile(second, { wait: 'false' }, sameStep)
    expect(proxy.applied(drop)).toBe(1)
    expect(b.code).toBe(0)
    expect(b.outputs['batch-id']).not.toBe(a.outputs['batch-id'])
    const batchB = api.batches().find((x) => x.id === b.outputs['batch-id'])!
    expect(batchB.metadata?.input_sha256).toBe(createHash('sha256').update(second).digest('hex'))
    const batchA = api.batches().find((x) => x.id === a.outputs['batch-id'])!
    expect(batchB.metadata?.batch_action_key).not.toBe(batchA.metadata?.batch_action_key)
    expect(b.stdout).not.toMatch(/Adopted batch/)
  })
})
