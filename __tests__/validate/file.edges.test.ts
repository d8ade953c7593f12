// The edges of validateRequestsFile the file tables do not reach: the exact report of a file that
// cannot be read, the cap on file-level problems, a stat error other than a missing file, the
// report of a UTF-16 file, a bad byte late in one chunk, and an abort between chunks.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { line } from '../../__fixtures__/jsonl-cases.js'
import type { Provider } from '../../src/batch/providers.js'
import { AbortedError } from '../../src/net/abort.js'
import {
  validateRequestsFile,
  validatingChunks,
  ValidationFailedError
} from '../../src/validate/file.js'
import { UTF16_FILE } from '../../src/validate/messages.js'

const CHAT = '/v1/chat/completions'
const ANY: Provider = { name: 'unknown' }
let dir: string
let counter = 0

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'validate-edges-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function write(content: string | Buffer): Promise<string> {
  const path = join(dir, `case-${++counter}.jsonl`)
  await writeFile(path, content)
  return path
}

describe('validateRequestsFile, on its edges', () => {
  it('reports a missing file with nothing read, and no model key', async () => {
    const path = join(dir, 'absent.jsonl')
    const report = await validateRequestsFile(path, { endpoint: CHAT, provider: ANY })
    expect(report).toStrictEqual({
      requests: 0,
      bytes: 0,
      sha256: '',
      problems: [{ line: 0, message: `${path} does not exist` }],
      problemCount: 1,
      notes: []
    })
  })

  it('names every endpoint a provider offers, and keeps file-level problems within maxProblems', async () => {
    const path = await write(`${line('a')}\n`)
    const provider: Provider = { name: 'Picky', endpoints: ['/v1/embeddings', '/v1/responses'] }
    const both = await validateRequestsFile(path, { endpoint: CHAT, provider, maxFileBytes: 1 })
    expect(both.problems.map((p) => p.message)).toEqual([
      'Picky does not offer the endpoint "/v1/chat/completions" for batches; it offers /v1/embeddings, /v1/responses',
      expect.stringMatching(/^the file is .* more than max-file-size/)
    ])
    expect(both).toMatchObject({ requests: 0, sha256: '', notes: [], problemCount: 2 })
    const capped = await validateRequestsFile(path, {
      endpoint: CHAT,
      provider,
      maxFileBytes: 1,
      maxProblems: 1
    })
    expect(capped.problems).toHaveLength(1)
    expect(capped.problemCount).toBe(2)
  })

  it('throws a stat error other than a missing file', async () => {
    const notADirectory = await write('x')
    await expect(
      validateRequestsFile(join(notADirectory, 'requests.jsonl'), { endpoint: CHAT, provider: ANY })
    ).rejects.toMatchObject({ code: 'ENOTDIR' })
  })

  it('gives a UTF-16 file no hash and no model', async () => {
    const path = await write(Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x0a, 0x00]))
    const report = await validateRequestsFile(path, { endpoint: CHAT, provider: ANY })
    expect(report.problems).toEqual([{ line: 1, message: UTF16_FILE }])
    expect(report.sha256).toBe('')
    expect('model' in report).toBe(false)
  })

  it('puts a bad byte late in a chunk on its own line, the lines before it checked as text', async () => {
    const bad = Buffer.concat([
      Buffer.from('{"custom_id": "c'),
      Buffer.from([0xff]),
      Buffer.from('"}')
    ])
    const path = await write(
      Buffer.concat([
        Buffer.from(`${line('a')}\n${line('b')}\n`),
        bad,
        Buffer.from(`\n${line('d')}\n`)
      ])
    )
    const report = await validateRequestsFile(path, { endpoint: CHAT, provider: ANY })
    expect(report.problems).toEqual([
      {
        line: 3,
        message: expect.stringMatching(/^not valid UTF-8 \(byte 17 of the line is 0xff\)/)
      }
    ])
    expect(report.requests).toBe(4)
  })

  it('stops with the reason of a signal that has fired', async () => {
    const path = await write(`${line('a')}\n${line('b')}\n`)
    const reason = new AbortedError('The step was cancelled (SIGINT)')
    await expect(
      validateRequestsFile(path, {
        endpoint: CHAT,
        provider: ANY,
        signal: AbortSignal.abort(reason)
      })
    ).rejects.toBe(reason)
  })
})

describe('validatingChunks, on a file that does not check out', () => {
  it('throws a ValidationFailedError that says how many problems there are', async () => {
    const path = await write(`${line('a')}\nnot json\n{\n`)
    const chunks = validatingChunks(path, { endpoint: CHAT, provider: ANY }, () => undefined)
    const error = await (async () => {
      for await (const chunk of chunks) void chunk
    })().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ValidationFailedError)
    expect(error).toMatchObject({
      name: 'ValidationFailedError',
      message: 'the file did not pass validation: 2 problems'
    })
  })
})
