// The one pass's upload against the local Batch API: a valid file is stored byte for byte; a bad
// line or a file changed since its hash stops the upload before its end (nothing stored, no
// retry); a retried upload reads and validates the file again.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { createBatchApi, type BatchApi } from '../../src/batch/client.js'
import { providerFor } from '../../src/batch/providers.js'
import { checkedUpload } from '../../src/net/checked-upload.js'
import { FileChangedError } from '../../src/net/upload.js'
import { ValidationFailedError } from '../../src/validate/file.js'
import type { ValidationOptions, ValidationReport } from '../../src/validate/types.js'
import { startMockBatchApi, type MockBatchApi } from '../../tools/mock-batch-api/server.mjs'
import { chatRequests } from '../../__fixtures__/action-process.js'

const KEY = 'checked-upload-key-51c0'
let server: MockBatchApi
let dir: string
const retries: string[] = []
/** Runs between two attempts of an upload: the test's chance to change the file. */
let betweenAttempts: () => Promise<void> = async () => undefined

const options: ValidationOptions = {
  endpoint: '/v1/chat/completions',
  provider: providerFor('http://127.0.0.1/v1')
}

function client(): BatchApi {
  return createBatchApi(
    { baseUrl: server.url, apiKey: KEY, maxAttempts: 3, requestTimeoutMs: 10_000 },
    { debug: () => undefined, info: (text) => void retries.push(text), warning: () => undefined },
    { sleep: () => betweenAttempts() }
  )
}

const hashOf = (text: string) => ({
  bytes: Buffer.byteLength(text),
  sha256: createHash('sha256').update(text).digest('hex')
})

beforeAll(async () => {
  server = await startMockBatchApi({ apiKey: KEY })
  dir = await mkdtemp(path.join(os.tmpdir(), 'checked-upload-'))
})
afterAll(async () => {
  await server.close()
  await rm(dir, { recursive: true, force: true })
})
beforeEach(() => {
  retries.length = 0
  betweenAttempts = async () => undefined
})

async function upload(file: string, hashed: { bytes: number; sha256: string }) {
  const reports: ValidationReport[] = []
  const result = await client()
    .uploadChecked(
      () => checkedUpload(file, options, hashed, (report) => void reports.push(report)),
      undefined
    )
    .then(
      (uploaded) => ({ uploaded, error: undefined }),
      (error: unknown) => ({ uploaded: undefined, error })
    )
  return { ...result, reports }
}

describe('checked upload (validate while uploading)', () => {
  it('stores a valid file byte for byte, with one report', async () => {
    const text = chatRequests(20_000)
    const file = path.join(dir, 'valid.jsonl')
    await writeFile(file, text)
    const { uploaded, error, reports } = await upload(file, hashOf(text))
    expect(error).toBeUndefined()
    expect(server.fileBytes(uploaded!.id).equals(Buffer.from(text))).toBe(true)
    expect(reports.map((r) => [r.requests, r.problemCount])).toEqual([[20_000, 0]])
  })

  it.each([
    ['the middle line', 10_000],
    ['the last line', 20_000]
  ])('a bad line in %s stops the upload: nothing stored, not retried', async (_where, bad) => {
    const lines = chatRequests(20_000).split('\n')
    lines[bad - 1] = '{"custom_id": "cut'
    const text = lines.join('\n')
    const file = path.join(dir, `bad-${bad}.jsonl`)
    await writeFile(file, text)
    const files = server.files().length
    const uploads = server.log.filter((entry) => entry.op === 'upload').length
    const { error } = await upload(file, hashOf(text))
    expect(error).toBeInstanceOf(ValidationFailedError)
    expect((error as ValidationFailedError).report.problems.map((p) => p.line)).toEqual([bad])
    expect(server.files().length).toBe(files)
    const sent = server.log.filter((entry) => entry.op === 'upload').slice(uploads)
    expect(sent.map((entry) => entry.status)).toEqual([0])
    expect(retries).toEqual([])
  })

  it('a file changed since its hash stops the upload before its end', async () => {
    const text = chatRequests(5_000)
    const file = path.join(dir, 'changed.jsonl')
    await writeFile(file, text + chatRequests(1).replace('req-1', 'req-late'))
    const files = server.files().length
    const { error, reports } = await upload(file, hashOf(text))
    expect(error).toBeInstanceOf(FileChangedError)
    expect((error as Error).message).toMatch(
      /^changed\.jsonl changed while it was uploaded: \d+ bytes with SHA-256 \w+… were read to be sent, but \d+ bytes with SHA-256 \w+… were hashed for the idempotency key$/
    )
    expect(reports).toHaveLength(1)
    expect(server.files().length).toBe(files)
  })

  it('a retried upload validates the file again', async () => {
    const text = chatRequests(5_000)
    const file = path.join(dir, 'retried.jsonl')
    await writeFile(file, text)
    server.addFault({ op: 'upload', fault: 'status', status: 503 })
    const { uploaded, error, reports } = await upload(file, hashOf(text))
    expect(error).toBeUndefined()
    expect(retries).toHaveLength(1)
    // Two reads, two reports: the second attempt did not trust the first one's check.
    expect(reports.map((r) => r.requests)).toEqual([5_000, 5_000])
    expect(server.fileBytes(uploaded!.id).equals(Buffer.from(text))).toBe(true)
  })

  it('a line that went bad between attempts is caught by the retry', async () => {
    const text = chatRequests(5_000)
    const file = path.join(dir, 'went-bad.jsonl')
    await writeFile(file, text)
    server.addFault({ op: 'upload', fault: 'status', status: 503 })
    // Same length and a broken line 3: only validating again can tell.
    betweenAttempts = () =>
      writeFile(file, text.replace('"custom_id":"req-3"', '"custom_id":3333333'))
    const files = server.files().length
    const { error, reports } = await upload(file, hashOf(text))
    expect(error).toBeInstanceOf(ValidationFailedError)
    expect((error as ValidationFailedError).report.problems.map((p) => p.line)).toEqual([3])
    expect(reports.map((r) => r.problemCount)).toEqual([0, 1])
    expect(server.files().length).toBe(files)
  })
})
