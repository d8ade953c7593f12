// A download that the connection cuts off on every attempt: the step fails with what happened (how
// many bytes of how many arrived, after how many attempts) and what to do, the batch is named in
// the outputs, nothing half-written is left, and the advice works: `command: status` with that
// batch-id brings the results back once the connection holds.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import OpenAI from 'openai'
import { startMockBatchApi, type MockBatchApi } from '../../tools/mock-batch-api/server.mjs'
import { startFaultProxy, type FaultProxy } from '../../__fixtures__/fault-proxy.js'
import {
  chatRequests,
  makeWorkspace,
  runAction,
  type ActionRun
} from '../../__fixtures__/action-process.js'

const KEY = 'cutoff-key-8e2a4c'
const CUT_AFTER = 40
let api: MockBatchApi
let sdk: OpenAI
let proxy: FaultProxy

beforeAll(async () => {
  api = await startMockBatchApi({
    apiKey: KEY,
    timings: { validatingMs: 20, inProgressMs: 80, finalizingMs: 20 }
  })
  sdk = new OpenAI({ apiKey: KEY, baseURL: api.url, maxRetries: 0 })
  proxy = await startFaultProxy(new URL(api.url).origin)
})
afterAll(async () => {
  await proxy.close()
  await api.close()
})

const inputs = (extra: Record<string, string>) => ({
  'base-url': api.url,
  'api-key': KEY,
  'poll-interval': '0.02',
  'max-poll-interval': '0.05',
  'max-attempts': '3',
  ...extra
})

function failureMessage(run: ActionRun): string {
  return run.stdout
    .split('\n')
    .filter((line) => line.startsWith('::error::'))
    .join('\n')
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])
  return entries.filter((e) => e.isFile()).map((e) => e.name)
}

describe('a download cut off on every attempt', () => {
  let workspace: string
  let run: ActionRun
  let downloads = 0

  beforeAll(async () => {
    workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(3) })
    api.addFault({ op: 'download', fault: 'cut', afterBytes: CUT_AFTER, times: 100 })
    const before = api.log.length
    run = await runAction({ workspace, inputs: inputs({ file: 'requests.jsonl' }) })
    downloads = api.log.slice(before).filter((entry) => entry.op === 'download').length
    api.clearFaults()
  })

  it('fails saying how far it got, after how many attempts, and what to do', async () => {
    expect(run.code).toBe(1)
    const batchId = run.outputs['batch-id']!
    expect(batchId).toMatch(/^batch_/)
    const batch = await sdk.batches.retrieve(batchId)
    expect(batch.status).toBe('completed')
    const file = await sdk.files.retrieve(batch.output_file_id!)
    expect(file.bytes).toBeGreaterThan(CUT_AFTER)
    expect(downloads).toBe(3)
    // N is what the action read: at most what the server sent before it closed the connection
    // (bytes still in the socket when it closed can be lost with it).
    const message = failureMessage(run)
    const said = message.match(
      /the connection closed after (\d+) of (\d+) bytes \(attempt 3 of 3\)/
    )
    expect(said).not.toBeNull()
    expect(Number(said![1])).toBeLessThanOrEqual(CUT_AFTER)
    expect(Number(said![2])).toBe(file.bytes)
    expect(message).toBe(
      `::error::Download of output.jsonl (${file.id}) of batch ${batchId} failed: ` +
        `${said![0]}; the file is kept on the provider: ` +
        `run again with command: status and batch-id: ${batchId}, ` +
        'or raise max-attempts / request-timeout'
    )
    expect(run.stdout).toMatch(
      new RegExp(
        `Download of ${file.id} failed \\(attempt 1: the connection closed after \\d+ of ${file.bytes} bytes\\); retrying`
      )
    )
    expect(run.stdout).not.toMatch(/::error::.*\b(aborted|terminated)\b/)
    expect(await filesUnder(path.join(workspace, 'batch-results'))).toEqual([])
  })

  it('following the advice brings the results back', async () => {
    const batchId = run.outputs['batch-id']!
    const again = await runAction({
      workspace,
      inputs: inputs({ command: 'status', 'batch-id': batchId, file: 'requests.jsonl' })
    })
    if (again.code !== 0) console.log(again.stdout)
    expect(again.code).toBe(0)
    expect(again.outputs['batch-id']).toBe(batchId)
    expect(again.outputs.completed).toBe('3')
    expect((await filesUnder(path.join(workspace, 'batch-results'))).sort()).toEqual([
      'output.jsonl',
      'results.jsonl'
    ])
  })
})

describe('a download a proxy cuts off on every attempt, after bytes that arrive', () => {
  it('counts exactly the bytes received', async () => {
    const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(6) })
    const cut = proxy.add({ op: 'download', action: { cut: { afterBytes: 500 } } })
    const run = await runAction({
      workspace,
      inputs: inputs({ file: 'requests.jsonl', 'base-url': proxy.url, 'max-attempts': '2' })
    })
    expect(proxy.applied(cut)).toBe(2)
    proxy.clear()
    expect(run.code).toBe(1)
    const batchId = run.outputs['batch-id']!
    const batch = await sdk.batches.retrieve(batchId)
    const file = await sdk.files.retrieve(batch.output_file_id!)
    expect(failureMessage(run)).toBe(
      `::error::Download of output.jsonl (${file.id}) of batch ${batchId} failed: ` +
        `the connection closed after 500 of ${file.bytes} bytes (attempt 2 of 2); ` +
        `the file is kept on the provider: run again with command: status and batch-id: ${batchId}, ` +
        'or raise max-attempts / request-timeout'
    )
    expect(await filesUnder(path.join(workspace, 'batch-results'))).toEqual([])
  })
})
