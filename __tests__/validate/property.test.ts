import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { createHash } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { providerFor } from '../../src/batch/providers.js'
import { validateRequestsFile } from '../../src/validate/file.js'
import { cases } from '../../__fixtures__/mutation-run.js'

const ENDPOINT = '/v1/chat/completions'
const MODEL = 'qwen/Qwen3-32B'
const provider = providerFor('https://api.studio.nebius.com/v1/')

let dir: string
let counter = 0
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jsonl-prop-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

type Json = ReturnType<typeof JSON.parse>
type RequestLine = { custom_id: Json; method: Json; url: Json; body: Json; [key: string]: Json }

// Any code points, lone surrogates included (JSON.stringify escapes those).
const text = (maxLength: number) => fc.string({ unit: 'binary', maxLength })
const idArb = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
  text(12).filter((s) => s.length > 0)
)

const messageArb = fc.record({
  role: fc.constantFrom('system', 'user', 'assistant', 'tool'),
  content: fc.oneof(text(80), fc.constant(null))
})

const bodyExtrasArb = fc.dictionary(
  fc.string({ maxLength: 8 }).filter((k) => k !== 'model' && k !== 'messages'),
  fc.jsonValue({ maxDepth: 2 }),
  { maxKeys: 3 }
)

const fileArb = (minLength: number) =>
  fc
    .uniqueArray(idArb, { minLength, maxLength: 30 })
    .chain((ids) =>
      fc.tuple(
        fc.tuple(
          ...ids.map((id) =>
            fc.tuple(
              fc.constant(id),
              fc.array(messageArb, { minLength: 1, maxLength: 3 }),
              bodyExtrasArb
            )
          )
        ),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.option(fc.integer({ min: 1, max: 700 }), { nil: undefined })
      )
    )
    .chain(([requests, eol, finalNewline, chunk]) =>
      fc.tuple(
        fc.shuffledSubarray(requests, { minLength: requests.length, maxLength: requests.length }),
        fc.constant(eol),
        fc.constant(finalNewline),
        fc.constant(chunk)
      )
    )
    .map(([requests, eol, finalNewline, readChunkBytes]) => ({
      lines: requests.map(([id, messages, extras]): RequestLine => ({
        custom_id: id,
        method: 'POST',
        url: ENDPOINT,
        body: { ...extras, model: MODEL, messages }
      })),
      eol,
      finalNewline,
      readChunkBytes
    }))

function render(lines: Array<string | Buffer>, eol: string, finalNewline: boolean): Buffer {
  const parts: Buffer[] = []
  lines.forEach((line, i) => {
    parts.push(typeof line === 'string' ? Buffer.from(line) : line)
    if (i < lines.length - 1 || finalNewline) parts.push(Buffer.from(eol))
  })
  return Buffer.concat(parts)
}

async function check(content: Buffer, readChunkBytes: number | undefined) {
  const path = join(dir, `p-${++counter}.jsonl`)
  await writeFile(path, content)
  try {
    return await validateRequestsFile(path, { endpoint: ENDPOINT, provider, readChunkBytes })
  } finally {
    await rm(path)
  }
}

describe('generated valid files', () => {
  it('validate clean, with the right count, model and hash', async () => {
    await fc.assert(
      fc.asyncProperty(fileArb(1), async ({ lines, eol, finalNewline, readChunkBytes }) => {
        const content = render(
          lines.map((l) => JSON.stringify(l)),
          eol,
          finalNewline
        )
        const report = await check(content, readChunkBytes)
        expect(report.problems).toEqual([])
        expect(report.problemCount).toBe(0)
        expect(report.requests).toBe(lines.length)
        expect(report.model).toBe(MODEL)
        expect(report.bytes).toBe(content.length)
        expect(report.sha256).toBe(createHash('sha256').update(content).digest('hex'))
      }),
      { numRuns: cases(150) }
    )
  })
})

/**
 * A defect applied to line k (0-based) of the rendered lines; `lines` hold the JSON text
 * of each request and may be replaced by bytes. Returns the 1-based line expected to be
 * reported and, optionally, a pattern its message must match.
 */
interface Defect {
  name: string
  /** Smallest k the defect applies to (1 when it needs an earlier line). */
  minK?: number
  apply(
    lines: Array<string | Buffer>,
    requests: RequestLine[],
    k: number,
    pick: number
  ): { line: number; message?: RegExp }
}

const edit = (name: string, mutate: (r: RequestLine) => void, message?: RegExp): Defect => ({
  name,
  apply(lines, requests, k) {
    const copy = JSON.parse(JSON.stringify(requests[k])) as RequestLine
    mutate(copy)
    lines[k] = JSON.stringify(copy)
    return { line: k + 1, message }
  }
})

const defects: Defect[] = [
  {
    name: 'bad JSON',
    apply: (lines, _r, k) => (
      (lines[k] = String(lines[k]).slice(0, -1)),
      { line: k + 1, message: /not valid JSON/ }
    )
  },
  {
    name: 'trailing comma',
    apply: (lines, _r, k) => (
      (lines[k] = `${String(lines[k])},`),
      { line: k + 1, message: /remove the comma/ }
    )
  },
  {
    name: 'array line',
    apply: (lines, _r, k) => (
      (lines[k] = `[${String(lines[k])}]`),
      { line: k + 1, message: /found an array/ }
    )
  },
  {
    name: 'raw control character in a string',
    apply: (lines, r, k) => (
      (lines[k] = String(lines[k]).replace('"POST"', '"PO\u0001ST"')),
      { line: k + 1 }
    )
  },
  edit('missing custom_id', (r) => delete r.custom_id, /custom_id is missing/),
  edit('empty custom_id', (r) => (r.custom_id = ''), /custom_id must not be empty/),
  edit('numeric custom_id', (r) => (r.custom_id = 42), /custom_id must be a string/),
  {
    name: 'duplicate custom_id',
    minK: 1,
    apply(lines, requests, k, pick) {
      const j = pick % k
      const copy = { ...requests[k]!, custom_id: requests[j]!.custom_id }
      lines[k] = JSON.stringify(copy)
      return { line: k + 1, message: new RegExp(`repeats line ${j + 1}$`) }
    }
  },
  edit('wrong method', (r) => (r.method = 'GET'), /method must be "POST"/),
  edit('lower-case method', (r) => (r.method = 'post')),
  edit('wrong url', (r) => (r.url = '/v1/embeddings'), /differs from the endpoint/),
  edit('missing url', (r) => delete r.url, /url is missing/),
  edit('missing body', (r) => delete r.body, /body is missing/),
  edit('body array', (r) => (r.body = []), /body must be an object/),
  edit(
    'missing model',
    (r) => delete (r.body as Record<string, Json>).model,
    /body\.model is missing/
  ),
  edit(
    'empty model',
    (r) => ((r.body as Record<string, Json>).model = ''),
    /body\.model must not be empty/
  ),
  {
    ...edit(
      'another model',
      (r) => ((r.body as Record<string, Json>).model = 'other/model'),
      /differs from "qwen\/Qwen3-32B" on line 1/
    ),
    minK: 1
  },
  edit(
    'no messages',
    (r) => delete (r.body as Record<string, Json>).messages,
    /body\.messages is missing/
  ),
  edit(
    'empty messages',
    (r) => ((r.body as Record<string, Json>).messages = []),
    /body\.messages must not be empty/
  ),
  edit(
    'message without role',
    (r) => delete (r.body as { messages: Array<Record<string, Json>> }).messages[0]!.role,
    /role is missing/
  ),
  edit(
    'numeric role',
    (r) => ((r.body as { messages: Array<Record<string, Json>> }).messages[0]!.role = 1),
    /role must be a string/
  ),
  {
    name: 'blank line',
    apply: (lines, _r, k) => (lines.splice(k, 0, ''), { line: k + 1, message: /blank line/ })
  },
  {
    name: 'whitespace-only line',
    apply: (lines, _r, k) => (lines.splice(k, 0, ' \t '), { line: k + 1, message: /blank line/ })
  },
  {
    name: 'invalid UTF-8',
    apply(lines, _r, k) {
      const bytes = Buffer.from(String(lines[k]))
      const at = bytes.indexOf('"POST"') + 2
      lines[k] = Buffer.concat([
        bytes.subarray(0, at),
        Buffer.from([0xc0, 0xaf]),
        bytes.subarray(at)
      ])
      return {
        line: k + 1,
        message: new RegExp(`not valid UTF-8 \\(byte ${at + 1} of the line is 0xc0\\)`)
      }
    }
  },
  {
    name: 'byte order mark',
    apply: (lines, _r, k) => (
      (lines[k] = `\ufeff${String(lines[k])}`),
      { line: k + 1, message: /byte order mark/ }
    )
  }
]

describe('one injected defect', () => {
  it('is reported on exactly its line', async () => {
    await fc.assert(
      fc.asyncProperty(
        fileArb(2),
        fc.constantFrom(...defects),
        fc.nat(),
        fc.nat(),
        async ({ lines: requests, eol, finalNewline, readChunkBytes }, defect, kSeed, pick) => {
          const minK = defect.minK ?? 0
          const k = minK + (kSeed % (requests.length - minK))
          const lines: Array<string | Buffer> = requests.map((r) => JSON.stringify(r))
          const expected = defect.apply(lines, requests, k, pick)
          const report = await check(render(lines, eol, finalNewline), readChunkBytes)
          expect({ defect: defect.name, lines: report.problems.map((p) => p.line) }).toEqual({
            defect: defect.name,
            lines: [expected.line]
          })
          expect(report.problemCount).toBe(1)
          if (expected.message) expect(report.problems[0]!.message).toMatch(expected.message)
        }
      ),
      { numRuns: cases(400, 60) }
    )
  })

  it('covers every defect kind', () => {
    expect(defects.length).toBeGreaterThanOrEqual(20)
  })
})
