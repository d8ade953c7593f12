// Downloads are written under a temporary name and renamed: while a download is under way nothing
// exists under the final name, and a re-download that fails leaves the complete earlier file as is.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { startMockBatchApi, type MockBatchApi } from '../../tools/mock-batch-api/server.mjs'
import { chatRequests, makeWorkspace, runAction } from '../../__fixtures__/action-process.js'
import { startFaultProxy, until, type FaultProxy } from '../../__fixtures__/fault-proxy.js'

const KEY = 'atomic-key-2f7b'
let api: MockBatchApi
let proxy: FaultProxy

beforeAll(async () => {
  api = await startMockBatchApi({
    apiKey: KEY,
    timings: { validatingMs: 10, inProgressMs: 50, finalizingMs: 10 }
  })
  proxy = await startFaultProxy(new URL(api.url).origin)
})
afterAll(async () => {
  await proxy.close()
  await api.close()
})

const inputs = (extra: Record<string, string>) => ({
  'base-url': proxy.url,
  'api-key': KEY,
  'poll-interval': '0.02',
  'max-poll-interval': '0.05',
  ...extra
})

async function entries(dir: string): Promise<string[]> {
  try {
    return await readdir(dir)
  } catch {
    return []
  }
}

describe('downloads', () => {
  it('show no file under the final name while the body is still arriving', async () => {
    proxy.clear()
    const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(20) })
    const stall = proxy.add({ op: 'download', times: 1, action: { stall: { afterBytes: 300 } } })
    const running = runAction({
      workspace,
      inputs: inputs({ file: 'requests.jsonl', 'request-timeout': '30s' })
    })
    await until(() => proxy.applied(stall) === 1)
    const batchId = /batch_\w+/.exec(proxy.requests.find((r) => r.op === 'retrieve')!.path)![0]
    const dir = path.join(workspace, 'batch-results', batchId)
    let during = await entries(dir)
    for (const end = Date.now() + 5000; during.length === 0 && Date.now() < end;)
      during = await delay(20).then(() => entries(dir))
    await delay(200)
    during = await entries(dir)
    proxy.release()
    const run = await running

    // results.jsonl is written while the output downloads, under a temporary name too.
    expect(during.sort()).toEqual([
      expect.stringMatching(/^output\.jsonl\.part-[0-9a-f]+$/),
      expect.stringMatching(/^results\.jsonl\.part-[0-9a-f]+$/)
    ])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/Download of file-\w+ failed \(attempt 1: .*\); retrying/)
    const batch = api.batches().find((b) => b.id === batchId)!
    expect(await readFile(run.outputs['output-path']!)).toEqual(
      api.fileBytes(batch.output_file_id!)
    )
    expect((await entries(dir)).sort()).toEqual(['output.jsonl', 'results.jsonl'])
  })

  it('that fail on a re-download keep the complete file from before', async () => {
    proxy.clear()
    const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(6) })
    const first = await runAction({ workspace, inputs: inputs({ file: 'requests.jsonl' }) })
    expect(first.code).toBe(0)
    const outputPath = first.outputs['output-path']!
    const before = await readFile(outputPath)
    expect(before).toEqual(api.fileBytes(api.batches().at(-1)!.output_file_id!))

    const cut = proxy.add({ op: 'download', action: { cut: { afterBytes: 40 } } })
    const again = await runAction({
      workspace,
      inputs: inputs({
        command: 'status',
        'batch-id': first.outputs['batch-id']!,
        'max-attempts': '2'
      })
    })
    expect(proxy.applied(cut)).toBe(2)
    expect(again.code).toBe(1)
    expect(again.stdout).toMatch(
      /Download of file-\w+ failed \(attempt 1: the connection closed after \d+ of \d+ bytes\)/
    )
    expect(await readFile(outputPath)).toEqual(before)
    expect((await entries(path.dirname(outputPath))).sort()).toEqual([
      'output.jsonl',
      'results.jsonl'
    ])
  })
})
