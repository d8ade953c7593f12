// A self-hosted runner behind a company proxy: the runner sets HTTPS_PROXY / HTTP_PROXY / NO_PROXY
// (or their lower-case forms) for every step. The bundled action sends its API calls and the
// pull-request comment through that proxy (a CONNECT tunnel for https, so the proxy never sees the
// key), never for a host NO_PROXY names, and never for a loopback host. The proxy resolves the
// names api.batch.test and api.github.test to TLS fronts of the local APIs, whose certificate the
// action trusts through NODE_EXTRA_CA_CERTS, as a runner would trust a company CA.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { startMockBatchApi, type MockBatchApi } from '../../tools/mock-batch-api/server.mjs'
import { startMockGitHubApi, type MockGitHubApi } from '../../tools/mock-github-api/server.mjs'
import { chatRequests, makeWorkspace, runAction } from '../../__fixtures__/action-process.js'
import {
  startForwardProxy,
  startTlsFront,
  testCertificate,
  type ForwardProxy
} from '../../__fixtures__/forward-proxy.js'

const KEY = 'sk-proxy-test-key'
const TOKEN = 'ghs_proxy-test-token'
const PROXY_PASSWORD = 'proxy-secret-9f3'
const BATCH_API = 'https://api.batch.test/v1'
const GITHUB_API = 'https://api.github.test'
let api: MockBatchApi
let github: MockGitHubApi
let proxy: ForwardProxy
const closers: Array<() => Promise<void>> = []

beforeAll(async () => {
  api = await startMockBatchApi({
    apiKey: KEY,
    timings: { validatingMs: 10, inProgressMs: 80, finalizingMs: 10 }
  })
  github = await startMockGitHubApi({ token: TOKEN })
  const batchFront = await startTlsFront(Number(new URL(api.url).port))
  const githubFront = await startTlsFront(Number(new URL(github.url).port))
  proxy = await startForwardProxy({
    'api.batch.test': batchFront.port,
    'api.github.test': githubFront.port
  })
  closers.push(batchFront.close, githubFront.close, proxy.close, api.close, github.close)
})
afterAll(async () => {
  await Promise.all(closers.map((close) => close()))
})

const inputs = (extra: Record<string, string> = {}) => ({
  file: 'requests.jsonl',
  'base-url': BATCH_API,
  'api-key': KEY,
  'poll-interval': '0.02',
  'max-poll-interval': '0.05',
  ...extra
})

/** One run of the action; what the proxy and the local Batch API saw of it. */
async function runWith(env: Record<string, string>, extra: Record<string, string> = {}) {
  const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(4) })
  const [seenStart, logStart] = [proxy.seen.length, api.log.length]
  const run = await runAction({
    workspace,
    inputs: inputs(extra),
    env: { NODE_EXTRA_CA_CERTS: testCertificate, ...env }
  })
  const apiCalls = api.log.slice(logStart).map((entry) => `${entry.method} ${entry.path}`)
  return { run, apiCalls, seen: proxy.seen.slice(seenStart) }
}

describe('a proxy from the environment', () => {
  it.each(['HTTPS_PROXY', 'https_proxy'])(
    '%s carries every API call through a CONNECT tunnel, and the proxy never sees the key',
    async (variable) => {
      const { run, apiCalls, seen } = await runWith({ [variable]: proxy.url })
      expect(run.code).toBe(0)
      expect(run.outputs['status']).toBe('completed')
      for (const call of ['POST /v1/files', 'POST /v1/batches']) expect(apiCalls).toContain(call)
      expect(apiCalls.some((call) => /^GET \/v1\/files\/.+\/content$/.test(call))).toBe(true)
      // The only way to api.batch.test is the proxy (the name resolves nowhere else).
      expect(seen.length).toBeGreaterThan(0)
      for (const request of seen) {
        expect(request.line).toBe('CONNECT api.batch.test:443')
        expect(request.authorization).toBeUndefined()
      }
    }
  )

  it("sends the proxy's credentials from its URL, and writes them nowhere", async () => {
    const withCredentials = proxy.url.replace('//', `//ci:${PROXY_PASSWORD}@`)
    const { run, seen } = await runWith({ HTTPS_PROXY: withCredentials })
    expect(run.code).toBe(0)
    expect(seen.length).toBeGreaterThan(0)
    const expected = `Basic ${Buffer.from(`ci:${PROXY_PASSWORD}`).toString('base64')}`
    for (const request of seen) expect(request.proxyAuthorization).toBe(expected)
    for (const text of [run.stdout, run.stderr, run.summary, run.rawOutputs, run.rawState])
      expect(text).not.toContain(PROXY_PASSWORD)
  })

  it('NO_PROXY keeps a host off the proxy', async () => {
    const { run, apiCalls, seen } = await runWith(
      { HTTPS_PROXY: proxy.url, NO_PROXY: 'api.batch.test' },
      { command: 'list', 'max-attempts': '1' }
    )
    // Reached directly, api.batch.test does not resolve.
    expect(run.code).not.toBe(0)
    expect(run.stdout).toMatch(/::error::.*api\.batch\.test/)
    expect(seen).toEqual([])
    expect(apiCalls).toEqual([])
  })

  it('a loopback base-url never goes through the proxy', async () => {
    const { run, apiCalls, seen } = await runWith(
      { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url },
      { 'base-url': api.url }
    )
    expect(run.code).toBe(0)
    expect(run.outputs['status']).toBe('completed')
    expect(apiCalls.length).toBeGreaterThanOrEqual(5)
    expect(seen).toEqual([])
  })

  it('the pull-request comment goes through the proxy too, and is written', async () => {
    const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(3) })
    const eventPath = path.join(workspace, 'event.json')
    await writeFile(eventPath, JSON.stringify({ pull_request: { number: 7 }, number: 7 }))
    const seenStart = proxy.seen.length
    const githubStart = github.requests().length
    const run = await runAction({
      workspace,
      inputs: inputs({ 'github-token': TOKEN }),
      env: {
        NODE_EXTRA_CA_CERTS: testCertificate,
        HTTPS_PROXY: proxy.url,
        GITHUB_ACTIONS: 'true',
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_API_URL: GITHUB_API,
        GITHUB_SERVER_URL: 'https://github.example',
        GITHUB_REPOSITORY: 'octo-org/evals',
        GITHUB_RUN_ID: '9901',
        GITHUB_RUN_ATTEMPT: '1',
        GITHUB_WORKFLOW: 'evals',
        GITHUB_JOB: 'batch',
        GITHUB_ACTION: 'submit'
      }
    })
    expect(run.code).toBe(0)
    expect(run.stdout).not.toMatch(/^::warning::.*comment/m)
    expect(run.stdout).toMatch(/Pull-request comment updated: /)
    const comments = github.comments('octo-org', 'evals', 7)
    expect(comments).toHaveLength(1)
    expect(comments[0]?.body).toContain('### Batch inference finished: `completed`')
    expect(
      github
        .requests()
        .slice(githubStart)
        .every((request) => request.authorized)
    ).toBe(true)
    const lines = proxy.seen.slice(seenStart).map((request) => request.line)
    expect(lines).toContain('CONNECT api.github.test:443')
    expect(lines).toContain('CONNECT api.batch.test:443')
  })
})
