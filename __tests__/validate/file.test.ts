import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  DEFAULT_BASE_URL,
  DEFAULT_ENDPOINT,
  MODEL,
  OPENAI_BASE_URL,
  file,
  line,
  malformedCases,
  validCases,
  type JsonlCase,
  type ValidCase
} from '../../__fixtures__/jsonl-cases.js'
import { validateRequestsFile } from '../../src/validate/file.js'
import { MAX_LINE_BYTES, type ValidationReport } from '../../src/validate/types.js'
import { providerFor, type Provider } from '../../src/batch/providers.js'

let dir: string
let counter = 0

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jsonl-test-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function write(content: string | Buffer): Promise<string> {
  const path = join(dir, `case-${++counter}.jsonl`)
  await writeFile(path, content)
  return path
}

function run(
  path: string,
  c: JsonlCase | ValidCase,
  readChunkBytes?: number
): Promise<ValidationReport> {
  return validateRequestsFile(path, {
    endpoint: c.endpoint ?? DEFAULT_ENDPOINT,
    provider: providerFor(c.baseUrl ?? DEFAULT_BASE_URL),
    maxRequests: c.maxRequests,
    maxFileBytes: c.maxFileBytes,
    readChunkBytes
  })
}

/** Read sizes that split lines, multi-byte characters and byte order marks across chunks. */
function chunkSizes(content: string | Buffer): Array<number | undefined> {
  const length = Buffer.byteLength(content)
  return length < 100_000 ? [undefined, 1, 2, 3, 7, 64, 4096] : [undefined, 4093, 65_536]
}

describe('malformed files', () => {
  it.each(malformedCases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const path = await write(c.content)
    for (const size of chunkSizes(c.content)) {
      const report = await run(path, c, size)
      const context = `read size ${size ?? 'default'}: ${JSON.stringify(report.problems)}`
      expect({ context, lines: report.problems.map((p) => p.line) }).toEqual({
        context,
        lines: c.expectedLines
      })
      expect(report.problemCount).toBe(c.expectedLines.length)
      for (const [i, pattern] of (c.messages ?? []).entries()) {
        expect(report.problems[i]?.message).toMatch(pattern)
      }
      for (const p of report.problems) {
        expect(p.message.length).toBeGreaterThan(0)
        expect(Number.isInteger(p.line) && p.line >= 0).toBe(true)
      }
    }
  })
})

describe('valid files', () => {
  it.each(validCases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const path = await write(c.content)
    const expectedHash = createHash('sha256')
      .update(await readFile(path))
      .digest('hex')
    for (const size of chunkSizes(c.content)) {
      const report = await run(path, c, size)
      expect(report.problems).toEqual([])
      expect(report.problemCount).toBe(0)
      expect(report.requests).toBe(c.requests)
      expect(report.model).toBe(c.model)
      expect(report.bytes).toBe(Buffer.byteLength(c.content))
      expect(report.sha256).toBe(expectedHash)
    }
  })
})

describe('validateRequestsFile', () => {
  it('reports the SHA-256 and size of the bytes, BOM and CRLF included', async () => {
    const content = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(`${line('a')}\r\n${line('b')}`)
    ])
    const path = await write(content)
    const report = await validateRequestsFile(path, {
      endpoint: DEFAULT_ENDPOINT,
      provider: { name: 'unknown' }
    })
    expect(report.sha256).toBe(createHash('sha256').update(content).digest('hex'))
    expect(report.bytes).toBe(content.length)
    expect(report.requests).toBe(2)
  })

  it('notes the checks it cannot make', async () => {
    const path = await write(file(line('a', { url: '/v1/rerank' })))
    const report = await validateRequestsFile(path, {
      endpoint: '/v1/rerank',
      provider: { name: 'unknown' }
    })
    expect(report.problems).toEqual([])
    expect(report.notes).toEqual([
      expect.stringMatching(/no body checks for the endpoint \/v1\/rerank/)
    ])
  })

  it('keeps the first 50 problems in detail and counts them all', async () => {
    const lines = Array.from({ length: 120 }, (_, i) => line(`r${i}`, { method: 'GET' }))
    const path = await write(file(...lines))
    const report = await validateRequestsFile(path, {
      endpoint: DEFAULT_ENDPOINT,
      provider: providerFor(DEFAULT_BASE_URL)
    })
    expect(report.problems).toHaveLength(50)
    expect(report.problems.map((p) => p.line)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1))
    expect(report.problemCount).toBe(120)
    expect(report.requests).toBe(120)

    const few = await validateRequestsFile(path, {
      endpoint: DEFAULT_ENDPOINT,
      provider: providerFor(DEFAULT_BASE_URL),
      maxProblems: 3
    })
    expect(few.problems.map((p) => p.line)).toEqual([1, 2, 3])
    expect(few.problemCount).toBe(120)
  })

  it('always keeps the request-limit problem, even past the detailed ones', async () => {
    const lines = Array.from({ length: 70 }, (_, i) =>
      i < 60 ? line(`r${i}`, { method: 'GET' }) : line(`r${i}`)
    )
    const path = await write(file(...lines))
    const report = await validateRequestsFile(path, {
      endpoint: DEFAULT_ENDPOINT,
      provider: providerFor(DEFAULT_BASE_URL),
      maxRequests: 65,
      maxProblems: 10
    })
    expect(report.problems).toHaveLength(10)
    expect(report.problems.at(-1)).toEqual({
      line: 66,
      message: expect.stringMatching(/the file has 70 requests, more than max-requests \(65\)/)
    })
    expect(report.problemCount).toBe(61)
  })

  it("refuses nothing over the provider's per-batch limits: they split the job instead", async () => {
    const lines = Array.from({ length: 50_003 }, (_, i) =>
      line(`r${i}`, {}, { model: 'gpt-4o-mini' })
    )
    const path = await write(file(...lines))
    const report = await validateRequestsFile(path, {
      endpoint: DEFAULT_ENDPOINT,
      provider: providerFor(OPENAI_BASE_URL)
    })
    expect(report.problems).toEqual([])
    expect(report.requests).toBe(50_003)

    const tiny: Provider = { name: 'Tiny', maxRequests: 1, maxFileBytes: 10 }
    const small = await write(file(line('a'), line('b')))
    const over = await validateRequestsFile(small, { endpoint: DEFAULT_ENDPOINT, provider: tiny })
    expect(over.problems).toEqual([])
    expect(over.requests).toBe(2)
  })

  it('stops at max-requests once, naming the first line over', async () => {
    const path = await write(file(...Array.from({ length: 8 }, (_, i) => line(`r${i}`))))
    const report = await validateRequestsFile(path, {
      endpoint: DEFAULT_ENDPOINT,
      provider: providerFor(OPENAI_BASE_URL),
      maxRequests: 5
    })
    expect(report.problems).toEqual([
      {
        line: 6,
        message:
          'the file has 8 requests, more than max-requests (5); this is the first line over the limit (raise max-requests or remove requests)'
      }
    ])
    expect(report.problemCount).toBe(1)
  })

  it('fails a 20 GB file over max-file-size at once from its size, without reading it', async () => {
    const path = join(dir, 'huge.jsonl')
    const handle = await open(path, 'w')
    await handle.truncate(20_000_000_000) // sparse: no disk used
    await handle.close()
    const started = Date.now()
    const report = await validateRequestsFile(path, {
      endpoint: DEFAULT_ENDPOINT,
      provider: providerFor(DEFAULT_BASE_URL),
      maxFileBytes: 10_000_000_000
    })
    expect(Date.now() - started).toBeLessThan(1000)
    expect(report.problems).toEqual([
      {
        line: 0,
        message:
          'the file is 20 GB (20,000,000,000 bytes), more than max-file-size, 10 GB (10,000,000,000 bytes); raise max-file-size or make the file smaller'
      }
    ])
    expect(report.sha256).toBe('')
    expect(report.bytes).toBe(20_000_000_000)
    await rm(path)
  })

  it('checks size against max-file-size only, whatever the provider takes', async () => {
    const content = file(line('a'), line('b'))
    const path = await write(content)
    const tiny: Provider = { name: 'Tiny', maxFileBytes: 100 }
    const within = await validateRequestsFile(path, { endpoint: DEFAULT_ENDPOINT, provider: tiny })
    expect(within.problems).toEqual([])
    const over = await validateRequestsFile(path, {
      endpoint: DEFAULT_ENDPOINT,
      provider: { name: 'unknown' },
      maxFileBytes: 100
    })
    expect(over.problems).toEqual([
      { line: 0, message: expect.stringMatching(/more than max-file-size, 100 B \(100 bytes\)/) }
    ])
  })

  it('reports a missing file and a directory instead of throwing', async () => {
    const missing = await validateRequestsFile(join(dir, 'nope.jsonl'), {
      endpoint: DEFAULT_ENDPOINT,
      provider: { name: 'unknown' }
    })
    expect(missing.problems).toEqual([
      { line: 0, message: expect.stringMatching(/does not exist/) }
    ])
    const sub = join(dir, 'a-directory')
    await mkdir(sub)
    const directory = await validateRequestsFile(sub, {
      endpoint: DEFAULT_ENDPOINT,
      provider: { name: 'unknown' }
    })
    expect(directory.problems).toEqual([
      { line: 0, message: expect.stringMatching(/is not a file/) }
    ])
  })

  it('reports a line longer than the limit without holding it', async () => {
    const big = Buffer.alloc(MAX_LINE_BYTES + 10, 0x61)
    const path = await write(
      Buffer.concat([Buffer.from(`${line('a')}\n`), big, Buffer.from(`\n${line('b')}\n`), big])
    )
    const report = await validateRequestsFile(path, {
      endpoint: DEFAULT_ENDPOINT,
      provider: { name: 'unknown' }
    })
    expect(report.problems).toEqual([
      { line: 2, message: expect.stringMatching(/^the line is longer than 67.1 MB/) },
      { line: 4, message: expect.stringMatching(/^the line is longer than/) }
    ])
    expect(report.requests).toBe(4)
  })

  it('never throws on random bytes', async () => {
    const bytes = Buffer.alloc(200_000)
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 2654435761) >>> 24
    for (let i = 0; i < bytes.length; i += 97) bytes[i] = 10
    const path = await write(bytes)
    const report = await validateRequestsFile(path, {
      endpoint: DEFAULT_ENDPOINT,
      provider: { name: 'unknown' }
    })
    expect(report.problemCount).toBeGreaterThan(50)
    expect(report.problems).toHaveLength(50)
  })

  it('gives the model and request count of a valid file', async () => {
    const path = await write(file(line('a'), line('b'), line('c')))
    const report = await validateRequestsFile(path, {
      endpoint: DEFAULT_ENDPOINT,
      provider: providerFor(DEFAULT_BASE_URL)
    })
    expect(report).toEqual({
      requests: 3,
      bytes: expect.any(Number),
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      model: MODEL,
      problems: [],
      problemCount: 0,
      notes: []
    })
  })
})
