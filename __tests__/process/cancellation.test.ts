// Cancellation through the bundled main and post entries: SIGTERM cancels the batch, a hanging
// cancel endpoint cannot hold the step past its budget, and the state the main step leaves decides
// whether the post step cancels (a batch left running on purpose is settled; a killed step's is not).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startMockBatchApi, type MockBatchApi } from '../../tools/mock-batch-api/server.mjs'
import {
  chatRequests,
  makeWorkspace,
  postEntry,
  runAction
} from '../../__fixtures__/action-process.js'
import { startFaultProxy, type FaultProxy } from '../../__fixtures__/fault-proxy.js'

const KEY = 'cancel-key-c41a'
let api: MockBatchApi
let proxy: FaultProxy

beforeAll(async () => {
  api = await startMockBatchApi({
    apiKey: KEY,
    timings: { validatingMs: 10, inProgressMs: 100, finalizingMs: 10, cancellingMs: 100 }
  })
  proxy = await startFaultProxy(new URL(api.url).origin)
})
afterAll(async () => {
  await proxy.close()
  await api.close()
})

const common = (extra: Record<string, string> = {}) => ({
  'base-url': proxy.url,
  'api-key': KEY,
  'poll-interval': '0.05',
  'max-poll-interval': '0.2',
  ...extra
})

const stuck = { file: 'requests.jsonl', metadata: 'mock_scenario=stuck' }
const inProgress = /Batch batch_\w+ is in_progress/

function statusOf(id: string): string | undefined {
  return api.batches().find((b) => b.id === id)?.status
}

const cancelsOf = (id: string) => api.log.filter((e) => e.op === 'cancel' && e.batchId === id)

describe('signals', () => {
  it('SIGTERM mid-wait cancels the batch before the process exits', async () => {
    proxy.clear()
    const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(2) })
    const run = await runAction({
      workspace,
      inputs: common(stuck),
      interrupt: { signal: 'SIGTERM', when: inProgress }
    })
    expect(run.code).not.toBe(0)
    expect(run.exitAfterSignalMs).toBeLessThan(7500)
    const id = run.outputs['batch-id']!
    expect(cancelsOf(id).map((e) => e.status)).toEqual([200])
    expect(['cancelling', 'cancelled']).toContain(statusOf(id))
    expect(run.stdout).toMatch(
      new RegExp(`::error::The step was cancelled \\(SIGTERM\\); batch ${id} was cancelled`)
    )
  })

  it('a cancel endpoint that hangs cannot hold the step much past its 6-second budget', async () => {
    proxy.clear()
    const hang = proxy.add({ op: 'cancel', action: { hang: true } })
    const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(2) })
    const run = await runAction({
      workspace,
      inputs: common({ ...stuck, 'request-timeout': '60s' }),
      interrupt: { signal: 'SIGINT', when: inProgress }
    })
    expect(proxy.applied(hang)).toBeGreaterThan(0)
    expect(run.code).not.toBe(0)
    // The budget was spent waiting on the cancel, and the process was gone soon after it, before
    // the runner's SIGTERM at 7.5 s (exactly-once.test.ts holds the same path to 6.5 s).
    expect(run.exitAfterSignalMs).toBeGreaterThan(5500)
    expect(run.exitAfterSignalMs).toBeLessThan(7500)
    const id = run.outputs['batch-id']!
    expect(run.stdout).toMatch(
      new RegExp(`::error::The step was cancelled \\(SIGINT\\); cancelling batch ${id} failed`)
    )
    expect(run.stdout).toContain(`Cancel it by hand: command: cancel, batch-id: ${id}`)
    expect(statusOf(id)).toBe('in_progress')
    proxy.clear()
    await runAction({ workspace, inputs: common({ command: 'cancel', 'batch-id': id }) })
  }, 30_000)
})

describe('the state the post step reads', () => {
  it('on-timeout: leave settles the batch: the post step cancels nothing', async () => {
    proxy.clear()
    const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(2) })
    const main = await runAction({
      workspace,
      inputs: common({ ...stuck, 'wait-timeout': '1s', 'on-timeout': 'leave' })
    })
    expect(main.code).toBe(0)
    const id = main.outputs['batch-id']!
    expect(main.state['batch-id']).toBe(id)
    const post = await runAction({
      workspace,
      entry: postEntry,
      inputs: common(),
      state: main.state
    })
    expect(post.code).toBe(0)
    expect(post.stdout).toContain('settled by the main step')
    expect(proxy.requests.filter((r) => r.op === 'cancel')).toEqual([])
    expect(cancelsOf(id)).toEqual([])
    expect(statusOf(id)).toBe('in_progress')
    await runAction({ workspace, inputs: common({ command: 'cancel', 'batch-id': id }) })
  })

  it('a main step killed mid-wait leaves the batch unsettled: the post step cancels it', async () => {
    proxy.clear()
    const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(2) })
    const main = await runAction({
      workspace,
      inputs: common(stuck),
      interrupt: { signal: 'SIGKILL', when: inProgress }
    })
    expect(main.signal).toBe('SIGKILL')
    const id = main.state['batch-id']!
    expect(id).toMatch(/^batch_/)
    expect(statusOf(id)).toBe('in_progress')
    const post = await runAction({
      workspace,
      entry: postEntry,
      inputs: common(),
      state: main.state
    })
    expect(post.code).toBe(0)
    expect(post.stdout).toContain(`Cancelled batch ${id}`)
    expect(cancelsOf(id).map((e) => e.status)).toEqual([200])
    expect(['cancelling', 'cancelled']).toContain(statusOf(id))
  })
})
