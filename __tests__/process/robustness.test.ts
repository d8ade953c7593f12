// Hostile conditions through the bundled action, run as the runner runs it: a SIGINT in the middle
// of a long local join, a requests file that changes while it is uploaded (validated first, or in
// the one pass), a base-url without its
// /v1, odd batch answers and status spellings. Each scenario is in the README's Reliability table.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { appendFile, chmod, chown, mkdir, readdir } from 'node:fs/promises'
import path from 'node:path'
import { startMockBatchApi, type MockBatchApi } from '../../tools/mock-batch-api/server.mjs'
import { chatRequests, makeWorkspace, runAction } from '../../__fixtures__/action-process.js'
import { startFaultProxy, type FaultProxy } from '../../__fixtures__/fault-proxy.js'
import { ROBUSTNESS, type RobustnessScenario } from '../../__fixtures__/robustness-scenarios.js'

const KEY = 'robust-key-7e1d'
let api: MockBatchApi
let proxy: FaultProxy
/** Enough requests that the join takes seconds and the upload more than a moment. */
const LARGE = 200_000
let large: string

beforeAll(async () => {
  api = await startMockBatchApi({
    apiKey: KEY,
    timings: { validatingMs: 10, inProgressMs: 50, finalizingMs: 10, cancellingMs: 50 }
  })
  proxy = await startFaultProxy(new URL(api.url).origin)
  large = chatRequests(LARGE)
}, 60_000)
afterAll(async () => {
  await proxy.close()
  await api.close()
})

const inputs = (extra: Record<string, string> = {}) => ({
  'base-url': api.url,
  'api-key': KEY,
  'poll-interval': '0.05',
  'max-poll-interval': '0.2',
  ...extra
})

const scenarios: Record<RobustnessScenario, () => Promise<void>> = {
  async 'SIGINT during the download and join of a large result set'() {
    const workspace = await makeWorkspace({ 'requests.jsonl': large })
    // On loopback the output downloads (and is joined) faster than a signal can be sent after the
    // log line: the provider takes 3 s to answer the download, and the join has begun by then.
    api.addFault({ op: 'download', fault: 'delay', delayMs: 3000 })
    const run = await runAction({
      workspace,
      inputs: inputs({ file: 'requests.jsonl', 'request-timeout': '60s' }),
      // The join of the output of 200,000 requests has begun (its file is open under a
      // temporary name) and the output is on its way.
      interrupt: {
        signal: 'SIGINT',
        when: async () => {
          const joining = async () => {
            const dirs = await readdir(path.join(workspace, 'batch-results')).catch(() => [])
            for (const dir of dirs) {
              const names = await readdir(path.join(workspace, 'batch-results', dir)).catch(
                () => []
              )
              if (names.some((name) => name.startsWith('results.jsonl'))) return true
            }
            return false
          }
          const end = Date.now() + 60_000
          while (!(await joining()) && Date.now() < end)
            await new Promise((resolve) => setTimeout(resolve, 10))
        }
      },
      timeoutMs: 120_000
    })
    expect(run.code).toBe(1)
    expect(run.exitAfterSignalMs).toBeLessThan(2000)
    const id = run.outputs['batch-id']!
    expect(run.stdout).toMatch(
      new RegExp(
        `::error::The step was cancelled \\(SIGINT\\); batch ${id} had already ended completed`
      )
    )
    expect(run.stdout).not.toMatch(/Joined \d+ requests/)
    expect(run.summary).toContain(id)
    const dir = path.join(workspace, 'batch-results', id)
    const left = await readdir(dir).catch(() => [] as string[])
    expect(left.filter((name) => name.startsWith('results.jsonl'))).toEqual([])
  },

  async 'the requests file grows while it is uploaded'() {
    proxy.clear()
    const workspace = await makeWorkspace({ 'requests.jsonl': large })
    const file = path.join(workspace, 'requests.jsonl')
    const batchesBefore = api.batches().length
    const filesBefore = api.files().length
    const run = await runAction({
      workspace,
      // retry-failed rounds make a job, which validates first and checks the upload's hash after.
      inputs: inputs({
        'base-url': proxy.url,
        file: 'requests.jsonl',
        'request-timeout': '60s',
        'retry-failed': '1'
      }),
      interrupt: {
        signal: 'SIGINT',
        // Appends as soon as the upload reaches the server, then never asks for the signal.
        when: async () => {
          while (!proxy.requests.some((request) => request.op === 'upload'))
            await new Promise((resolve) => setTimeout(resolve, 2))
          await appendFile(file, chatRequests(1).replace('req-1', 'req-late'))
          await new Promise(() => undefined)
        }
      },
      timeoutMs: 120_000
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(
      /::error::requests\.jsonl changed while it was uploaded: \d+ bytes with SHA-256 \w+… were sent, but \d+ bytes with SHA-256 \w+… were validated; nothing was created, and the uploaded file file-\S+ was deleted/
    )
    expect(api.batches().length).toBe(batchesBefore)
    expect(api.files().length).toBe(filesBefore)
    expect(api.log.some((entry) => entry.op === 'file-delete')).toBe(true)
    expect(run.outputs['batch-id'] ?? '').toBe('')
  },

  async 'the requests file grows while the one pass uploads it'() {
    proxy.clear()
    // The link up is slow (about 3 s for the file): the append lands well before the upload's end.
    proxy.add({ op: 'upload', action: { slowBody: { bytesPerSecond: 10_000_000 } } })
    const workspace = await makeWorkspace({ 'requests.jsonl': large })
    const file = path.join(workspace, 'requests.jsonl')
    const batchesBefore = api.batches().length
    const filesBefore = api.files().length
    const logged = api.log.length
    const run = await runAction({
      workspace,
      inputs: inputs({ 'base-url': proxy.url, file: 'requests.jsonl', 'request-timeout': '60s' }),
      interrupt: {
        signal: 'SIGINT',
        when: async () => {
          while (!proxy.requests.some((request) => request.op === 'upload'))
            await new Promise((resolve) => setTimeout(resolve, 2))
          await appendFile(file, chatRequests(1).replace('req-1', 'req-late'))
          await new Promise(() => undefined)
        }
      },
      timeoutMs: 120_000
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(
      /::error::requests\.jsonl changed while it was uploaded: \d+ bytes with SHA-256 \w+… were read to be sent, but \d+ bytes with SHA-256 \w+… were hashed for the idempotency key; the upload stopped before its end, so nothing was uploaded or created/
    )
    expect(api.batches().length).toBe(batchesBefore)
    expect(api.files().length).toBe(filesBefore)
    // Nothing to delete: the one upload was cut off before its end.
    const calls = api.log.slice(logged).map((entry) => [entry.op, entry.status])
    expect(calls).toEqual([
      ['list', 200],
      ['upload', 0]
    ])
    expect(run.outputs['batch-id'] ?? '').toBe('')
  },

  async 'base-url without its /v1'() {
    const origin = new URL(api.url).origin
    const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(2) })
    const run = await runAction({
      workspace,
      inputs: inputs({ 'base-url': origin, file: 'requests.jsonl' })
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      // The first call is the key check before anything is uploaded: a list of batches.
      `answered HTTP 404 (Invalid URL (GET /batches)): base-url ${origin}/ probably lacks its /v1, or names a different API. ` +
        'base-url is the root that /files and /batches are under, such as https://api.studio.nebius.com/v1/'
    )
  },

  async 'a create answer with status null'() {
    const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(3) })
    api.addFault({ op: 'create', fault: 'odd-shape', shape: 'status-null' })
    const run = await runAction({ workspace, inputs: inputs({ file: 'requests.jsonl' }) })
    expect(run.code).toBe(0)
    const id = run.outputs['batch-id']!
    expect(id).toMatch(/^batch_/)
    expect(run.state['batch-id']).toBe(id)
    expect(run.outputs.status).toBe('completed')
    expect(run.outputs['results-path']).toBeTruthy()
  },

  async 'a results-dir the action cannot write'() {
    const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(2) })
    const readonly = path.join(workspace, 'readonly')
    await mkdir(readonly)
    // Root may write anywhere: run the action as an ordinary user, who owns all but the read-only dir.
    const runAs = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined
    if (runAs) {
      await chown(workspace, runAs.uid, runAs.gid)
      await chown(path.join(workspace, 'requests.jsonl'), runAs.uid, runAs.gid)
    }
    await chmod(readonly, 0o555)
    const uploads = api.log.filter((entry) => entry.op === 'upload').length
    const run = await runAction({
      workspace,
      inputs: inputs({ file: 'requests.jsonl', 'results-dir': 'readonly/results' }),
      runAs
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(
      /::error::results-dir: "readonly\/results" cannot be written: its parent .*readonly refused a new entry \(EACCES\); results could not be written there, so nothing was uploaded/
    )
    expect(api.log.filter((entry) => entry.op === 'upload').length).toBe(uploads)
  },

  async 'a provider that spells statuses its own way'() {
    api.configure({
      statusNames: { completed: 'succeeded', cancelled: 'canceled' },
      statusCase: 'upper'
    })
    try {
      const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(2) })
      const run = await runAction({ workspace, inputs: inputs({ file: 'requests.jsonl' }) })
      expect(run.code).toBe(0)
      expect(run.outputs.status).toBe('completed')
      expect(run.stdout).not.toMatch(/::warning::.*does not know/)
    } finally {
      api.configure({ statusNames: {}, statusCase: 'lower' })
    }
  }
}

describe('robustness through the bundled action', () => {
  it('has a test for every scenario the README counts', () => {
    expect(Object.keys(scenarios).sort()).toEqual(Object.keys(ROBUSTNESS).sort())
  })
  it.each(Object.keys(ROBUSTNESS) as RobustnessScenario[])(
    '%s',
    (name) => scenarios[name](),
    150_000
  )
})
