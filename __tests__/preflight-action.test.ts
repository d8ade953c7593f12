// The validation table run through the bundled action: each malformed file is annotated on exactly
// the lines the table names, and the local Batch API stores nothing; each valid edge case goes through.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startMockBatchApi, type MockBatchApi } from '../tools/mock-batch-api/server.mjs'
import { makeWorkspace, runAction } from '../__fixtures__/action-process.js'
import {
  DEFAULT_BASE_URL,
  DEFAULT_ENDPOINT,
  malformedCases,
  validCases,
  type JsonlCase
} from '../__fixtures__/jsonl-cases.js'

const KEY = 'preflight-key-33aa'
let api: MockBatchApi

beforeAll(async () => {
  api = await startMockBatchApi({
    apiKey: KEY,
    timings: { validatingMs: 10, inProgressMs: 30, finalizingMs: 10 }
  })
})
afterAll(async () => {
  await api.close()
})

/** The local API stands in for the provider unless the case is about a provider's own rules. */
function baseUrlFor(c: Pick<JsonlCase, 'baseUrl' | 'endpoint'>): string {
  const endpoint = c.endpoint ?? DEFAULT_ENDPOINT
  const providerNeutral =
    (c.baseUrl ?? DEFAULT_BASE_URL) === DEFAULT_BASE_URL &&
    ['/v1/chat/completions', '/v1/embeddings'].includes(endpoint)
  return providerNeutral ? api.url : (c.baseUrl ?? DEFAULT_BASE_URL)
}

function inputsFor(
  c: Pick<JsonlCase, 'baseUrl' | 'endpoint' | 'maxRequests' | 'maxFileBytes'>,
  extra: Record<string, string> = {}
) {
  return {
    file: 'requests.jsonl',
    endpoint: c.endpoint ?? DEFAULT_ENDPOINT,
    'base-url': baseUrlFor(c),
    'api-key': KEY,
    'max-requests': c.maxRequests ? String(c.maxRequests) : '',
    'max-file-size': c.maxFileBytes ? `${c.maxFileBytes}B` : '',
    'poll-interval': '0.02',
    'max-poll-interval': '0.05',
    ...extra
  }
}

/** Line numbers of the ::error annotations on requests.jsonl, in order (0: no line). */
function annotatedLines(stdout: string): number[] {
  return [...stdout.matchAll(/^::error file=requests\.jsonl(?:,line=(\d+))?::/gm)].map((m) =>
    Number(m[1] ?? 0)
  )
}

/** A problem of the whole file (its size, its endpoint) is found before a line is read. */
function foundBeforeReading(c: JsonlCase): boolean {
  return c.content.length > 0 && c.expectedLines.every((line) => line === 0)
}

describe('malformed files through the action', () => {
  it.each(malformedCases)('$name', async (c) => {
    const workspace = await makeWorkspace({ 'requests.jsonl': c.content })
    const logged = api.log.length
    const files = api.files().length
    // A file for a provider's real host is checked with validate-only, which sends nothing: run
    // would make its key check against that host, and tests stay on loopback.
    const onLoopback = baseUrlFor(c) === api.url
    const extra: Record<string, string> = onLoopback ? {} : { 'validate-only': 'true' }
    const run = await runAction({ workspace, inputs: inputsFor(c, extra) })
    expect(run.code).toBe(1)
    expect(annotatedLines(run.stdout)).toEqual(c.expectedLines.slice(0, 50))
    expect(run.stdout).toMatch(
      /^::error::\d+ problems? in requests\.jsonl: .*Nothing was uploaded\./m
    )
    // run validates while it uploads: the key check, then an upload cut off before its end
    // (status 0: never answered), and no file stored. Problems of the whole file come first.
    const calls = api.log.slice(logged).map((entry) => [entry.op, entry.status])
    const expected =
      onLoopback && !foundBeforeReading(c)
        ? [
            ['list', 200],
            ['upload', 0]
          ]
        : []
    expect(calls).toEqual(expected)
    expect(api.files().length).toBe(files)
  })
})

describe('valid edge cases through the action', () => {
  it.each(validCases)('$name', async (c) => {
    const workspace = await makeWorkspace({ 'requests.jsonl': c.content })
    const run = await runAction({ workspace, inputs: inputsFor(c, { 'validate-only': 'true' }) })
    expect(run.code).toBe(0)
    expect(run.outputs).toEqual({ total: String(c.requests), model: c.model })
  })
})
