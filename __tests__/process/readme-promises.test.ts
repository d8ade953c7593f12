// Promises the README makes, each through the bundled action: `cancel` without waiting ends in
// `cancelling`; `list` fails when the API cannot be reached; a failed batch's error file is
// downloaded; up to 6 metadata pairs are the user's in Actions (5 on pull requests); the key goes only to base-url.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import OpenAI from 'openai'
import { startMockBatchApi, type MockBatchApi } from '../../tools/mock-batch-api/server.mjs'
import { chatRequests, makeWorkspace, runAction } from '../../__fixtures__/action-process.js'
import { startFaultProxy, type FaultProxy } from '../../__fixtures__/fault-proxy.js'

const KEY = 'promise-key-0e5f9a'
let api: MockBatchApi
let proxy: FaultProxy
let sdk: OpenAI

beforeAll(async () => {
  api = await startMockBatchApi({
    apiKey: KEY,
    timings: { validatingMs: 10, inProgressMs: 60, finalizingMs: 10, cancellingMs: 3000 }
  })
  proxy = await startFaultProxy(new URL(api.url).origin)
  sdk = new OpenAI({ apiKey: KEY, baseURL: api.url, maxRetries: 0 })
})
afterAll(async () => {
  await proxy.close()
  await api.close()
})

const common = (extra: Record<string, string> = {}) => ({
  'base-url': proxy.url,
  'api-key': KEY,
  'poll-interval': '0.02',
  'max-poll-interval': '0.05',
  ...extra
})

/** A loopback server that records every request and answers each with a small JSONL body. */
async function startBystander() {
  const seen: Array<{ url: string; authorization: string | undefined }> = []
  const server = http.createServer((req, res) => {
    seen.push({ url: req.url ?? '', authorization: req.headers.authorization })
    res.end('{"custom_id":"req-1"}\n')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise((resolve) => server.close(resolve))
  }
}

describe('the README promises', () => {
  it('cancel with wait: false ends in cancelling', async () => {
    proxy.clear()
    const content = chatRequests(2)
    const file = await sdk.files.create({
      file: await OpenAI.toFile(Buffer.from(content), 'r.jsonl'),
      purpose: 'batch'
    })
    const batch = await sdk.batches.create({
      input_file_id: file.id,
      endpoint: '/v1/chat/completions',
      completion_window: '24h',
      metadata: { mock_scenario: 'stuck' }
    })
    const run = await runAction({
      workspace: await makeWorkspace(),
      inputs: common({ command: 'cancel', 'batch-id': batch.id, wait: 'false' })
    })
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('cancelling')
    expect(proxy.requests.filter((r) => r.op === 'cancel')).toHaveLength(1)
    expect(api.batches().find((b) => b.id === batch.id)?.status).toBe('cancelling')
  })

  it('list fails when the API cannot be reached', async () => {
    const closed = await startBystander()
    await closed.close()
    const run = await runAction({
      workspace: await makeWorkspace(),
      inputs: common({ command: 'list', 'base-url': `${closed.url}/v1`, 'max-attempts': '2' })
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::could not reach 127\.0\.0\.1:\d+ .*check base-url/)
    expect(run.outputs.batches).toBeUndefined()
  })

  it("downloads a failed batch's error file", async () => {
    proxy.clear()
    const content = chatRequests(3, (line, i) => {
      if (i === 0) (line.body as Record<string, unknown>).mock_error = 'rejected by the provider'
    })
    // The provider fails the batch after running it: the answer keeps the error file.
    proxy.add({
      op: 'retrieve',
      action: {
        rewrite: ({ body }) => {
          const batch = JSON.parse(body.toString())
          if (batch.status !== 'completed') return {}
          Object.assign(batch, {
            status: 'failed',
            failed_at: batch.completed_at,
            completed_at: null,
            output_file_id: null,
            errors: { object: 'list', data: [{ code: 'server_error', message: 'Batch failed' }] }
          })
          return { body: Buffer.from(JSON.stringify(batch)) }
        }
      }
    })
    const workspace = await makeWorkspace({ 'requests.jsonl': content })
    const run = await runAction({ workspace, inputs: common({ file: 'requests.jsonl' }) })
    expect(run.code).toBe(1)
    expect(run.outputs.status).toBe('failed')
    expect(run.stdout).toMatch(/::error::Batch batch_\w+ failed: .*Batch failed/)
    const batch = api.batches().find((b) => b.id === run.outputs['batch-id'])!
    expect(run.outputs['error-file-id']).toBe(batch.error_file_id)
    expect(await readFile(run.outputs['error-path']!)).toEqual(api.fileBytes(batch.error_file_id!))
    expect(proxy.requests.filter((r) => r.op === 'download')).toHaveLength(1)
  })

  describe('up to 6 metadata pairs are yours in Actions', () => {
    const actions = {
      GITHUB_ACTIONS: 'true',
      GITHUB_REPOSITORY: 'octo/evals',
      GITHUB_RUN_ID: '4242',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_WORKFLOW: 'Evals',
      GITHUB_SHA: 'cafe',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_EVENT_NAME: 'push',
      GITHUB_JOB: 'eval',
      GITHUB_ACTION: 'submit'
    }
    const pairs = (n: number) => Array.from({ length: n }, (_, i) => `user${i}=v${i}`).join('\n')

    it('6 are accepted', async () => {
      const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(1) })
      const run = await runAction({
        workspace,
        inputs: common({ file: 'requests.jsonl', wait: 'false', metadata: pairs(6) }),
        env: actions
      })
      expect(run.code).toBe(0)
      const batch = api.batches().find((b) => b.id === run.outputs['batch-id'])!
      expect(Object.keys(batch.metadata ?? {})).toHaveLength(16)
    })

    it('7 are refused before anything is uploaded', async () => {
      proxy.clear()
      const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(1) })
      const run = await runAction({
        workspace,
        inputs: common({ file: 'requests.jsonl', wait: 'false', metadata: pairs(7) }),
        env: actions
      })
      expect(run.code).toBe(1)
      expect(run.stdout).toMatch(
        /::error::metadata: metadata has 7 pairs of yours, and the action needs 10 of the API's 16 .*so 6 are left for yours; remove 1/
      )
      expect(proxy.requests).toEqual([])
    })

    it('5 on a pull request, which adds github_pr', async () => {
      const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(1) })
      const eventPath = path.join(workspace, 'event.json')
      await writeFile(eventPath, JSON.stringify({ pull_request: { number: 12 } }))
      const onPullRequest = {
        ...actions,
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_REF: 'refs/pull/12/merge'
      }
      const accepted = await runAction({
        workspace,
        inputs: common({
          file: 'requests.jsonl',
          wait: 'false',
          metadata: pairs(5),
          comment: 'never'
        }),
        env: onPullRequest
      })
      expect(accepted.code).toBe(0)
      const batch = api.batches().find((b) => b.id === accepted.outputs['batch-id'])!
      expect(Object.keys(batch.metadata ?? {})).toHaveLength(16)
      expect(batch.metadata).toMatchObject({ github_pr: '12' })
      proxy.clear()
      const refused = await runAction({
        workspace,
        inputs: common({
          file: 'requests.jsonl',
          wait: 'false',
          metadata: pairs(6),
          comment: 'never'
        }),
        env: onPullRequest
      })
      expect(refused.code).toBe(1)
      expect(refused.stdout).toMatch(/needs 11 of the API's 16 .*so 5 are left for yours; remove 1/)
      expect(proxy.requests).toEqual([])
    })
  })

  it('the key goes only to base-url: a redirect elsewhere is not followed with it', async () => {
    proxy.clear()
    const elsewhere = await startBystander()
    try {
      proxy.add({
        op: 'download',
        action: {
          answer: { status: 302, headers: { location: `${elsewhere.url}/files/out` }, body: '' }
        }
      })
      const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(2) })
      const run = await runAction({
        workspace,
        inputs: common({ file: 'requests.jsonl', 'max-attempts': '2' })
      })
      expect(proxy.requests.some((r) => r.op === 'download')).toBe(true)
      expect(proxy.requests.every((r) => r.authorization === `Bearer ${KEY}`)).toBe(true)
      expect(elsewhere.seen.filter((r) => r.authorization?.includes(KEY))).toEqual([])
      expect(elsewhere.seen).toEqual([])
      expect(run.code).toBe(1)
    } finally {
      await elsewhere.close()
    }
  })
})
