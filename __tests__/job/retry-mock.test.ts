// The retry selection on the files a Batch API really writes: batches on the local Batch API
// (tools/mock-batch-api) through the openai SDK, with requests failing 429, 500 and 400, and a batch
// that expires part way; their files downloaded, joined by the action's join, then selected.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createReadStream } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import OpenAI from 'openai'
import { startMockBatchApi, type MockBatchApi } from '../../tools/mock-batch-api/server.mjs'
import { requestLine } from '../../__fixtures__/job-results.js'
import { writeRetryInput, type RetryPart } from '../../src/job/retry-input.js'
import { joinResults } from '../../src/results/join.js'

const FAST = { validatingMs: 10, inProgressMs: 40, finalizingMs: 10, cancellingMs: 20 }
let api: MockBatchApi
let client: OpenAI
let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'retry-mock-test-'))
  api = await startMockBatchApi({ timings: FAST })
  client = new OpenAI({ baseURL: api.url, apiKey: 'test-key', maxRetries: 0 })
})
afterAll(async () => {
  await api.close()
  await rm(dir, { recursive: true, force: true })
})

/** Runs one batch of `ids` to its end and joins its files; the faults are added before it. */
async function runPart(name: string, ids: string[]): Promise<RetryPart> {
  const inputPath = join(dir, `${name}-input.jsonl`)
  await writeFile(inputPath, ids.map((id) => `${requestLine(id)}\n`).join(''))
  const file = await client.files.create({ file: createReadStream(inputPath), purpose: 'batch' })
  let batch = await client.batches.create({
    input_file_id: file.id,
    endpoint: '/v1/chat/completions',
    completion_window: '24h'
  })
  const deadline = Date.now() + 10_000
  while (!['completed', 'failed', 'expired', 'cancelled'].includes(batch.status)) {
    if (Date.now() > deadline) throw new Error(`batch ${batch.id} still ${batch.status}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
    batch = await client.batches.retrieve(batch.id)
  }
  const download = async (id: string | null | undefined, to: string) => {
    if (!id) return undefined
    await writeFile(to, Buffer.from(await (await client.files.content(id)).arrayBuffer()))
    return to
  }
  const outputPath = await download(batch.output_file_id, join(dir, `${name}-output.jsonl`))
  const errorPath = await download(batch.error_file_id, join(dir, `${name}-errors.jsonl`))
  const resultsPath = join(dir, `${name}-results.jsonl`)
  await joinResults({
    inputPath,
    destPath: resultsPath,
    ...(outputPath ? { outputPath } : {}),
    ...(errorPath ? { errorPath } : {})
  })
  return { inputPath, resultsPath, batchStatus: batch.status }
}

const retriedIds = async (path: string) =>
  (await readFile(path, 'utf8'))
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => (JSON.parse(line) as { custom_id: string }).custom_id)

describe('writeRetryInput on the local Batch API', () => {
  it('resubmits the 429s, the 500s and what an expired batch did not run, never the 400', async () => {
    api.addFault({ op: 'create', fault: 'fail-requests', match: '^rl-', status: 429 })
    api.addFault({ op: 'create', fault: 'fail-requests', customIds: ['srv'], status: 500 })
    api.addFault({ op: 'create', fault: 'fail-requests', customIds: ['bad'], status: 400 })
    const first = await runPart('completed', ['a', 'rl-1', 'bad', 'srv', 'b', 'rl-2'])
    expect(first.batchStatus).toBe('completed')

    api.addFault({ op: 'create', fault: 'expire-partial', doneRequests: 2 })
    const expired = await runPart('expired', ['e0', 'e1', 'e2', 'e3'])
    api.addFault({ op: 'create', fault: 'expire-partial', doneRequests: 1, unfinished: 'missing' })
    const quiet = await runPart('expired-quiet', ['q0', 'q1', 'q2'])
    expect([expired.batchStatus, quiet.batchStatus]).toEqual(['expired', 'expired'])

    const dest = join(dir, 'retry.jsonl')
    const retry = await writeRetryInput([first, expired, quiet], undefined, dest)
    // The local API does not keep input order in its files: the retry input is in input order.
    expect(await retriedIds(dest)).toEqual(['rl-1', 'srv', 'rl-2', 'e2', 'e3', 'q1', 'q2'])
    expect(retry?.requests).toBe(7)
    // With only the HTTP codes listed, the expired requests stay failed.
    await writeRetryInput([first, expired, quiet], ['429', '500'], dest)
    expect(await retriedIds(dest)).toEqual(['rl-1', 'srv', 'rl-2'])
  }, 30_000)
})
