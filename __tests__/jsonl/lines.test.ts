import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isBlankLine, readLinePieces, readLines } from '../../src/jsonl/lines.js'

let dir: string
let counter = 0

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lines-test-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function write(content: string | Buffer): Promise<string> {
  const path = join(dir, `case-${++counter}.txt`)
  await writeFile(path, content)
  return path
}

interface Seen {
  offset: number
  /** The line's bytes as latin1 text (one character per byte), or undefined for a too-long line. */
  text?: string
  length?: number
}

/** Every line the piece reader hands out, flattened, with its offset. */
async function pieces(path: string, chunkBytes: number, maxLineBytes?: number): Promise<Seen[]> {
  const seen: Seen[] = []
  for await (const piece of readLinePieces(path, { chunkBytes, maxLineBytes })) {
    if (piece.kind === 'too-long') {
      seen.push({ offset: piece.offset, length: piece.length })
      continue
    }
    if (piece.kind === 'line') {
      seen.push({ offset: piece.offset, text: piece.bytes.toString('latin1') })
      continue
    }
    let start = 0
    for (const text of piece.bytes.toString('latin1').split('\n')) {
      seen.push({ offset: piece.offset + start, text })
      start += text.length + 1
    }
  }
  return seen
}

/** What a reader must give for `content`: lines split on '\n', none after a final '\n'. */
function expectedLines(content: Buffer): Seen[] {
  const text = content.toString('latin1')
  if (text === '') return []
  const parts = text.split('\n')
  if (text.endsWith('\n')) parts.pop()
  let offset = 0
  return parts.map((part) => {
    const line = { offset, text: part }
    offset += part.length + 1
    return line
  })
}

const SAMPLES: Array<[string, Buffer]> = [
  ['LF lines', Buffer.from('{"a":1}\n{"b":22}\n\n{"c":333}\n')],
  ['no final newline', Buffer.from('first\nsecond\nlast')],
  ['CRLF', Buffer.from('one\r\ntwo\r\n\r\nthree\r\n')],
  ['BOM and CRLF', Buffer.from('\ufeff{"x":"é"}\r\n{"y":"日本"}\r\nend')],
  ['only newlines', Buffer.from('\n\n\n')],
  ['one line', Buffer.from('just one line')],
  ['multi-byte UTF-8', Buffer.from('ü\n🙂🚀\nend 日本語\n')]
]

describe('readLinePieces', () => {
  it.each(SAMPLES)('%s: the same lines and offsets at every chunk size', async (_, content) => {
    const path = await write(content)
    const expected = expectedLines(content)
    for (let chunk = 1; chunk <= content.length + 1; chunk++) {
      expect({ chunk, lines: await pieces(path, chunk) }).toEqual({ chunk, lines: expected })
    }
  })

  it('hands out nothing for an empty file', async () => {
    expect(await pieces(await write(''), 4)).toEqual([])
  })

  it('reports a line over the limit with its length, without its bytes, at every chunk size', async () => {
    const content = Buffer.from('ab\n0123456789\nxyz\n12345\n123456')
    const path = await write(content)
    for (let chunk = 1; chunk <= content.length + 1; chunk++) {
      expect({ chunk, lines: await pieces(path, chunk, 5) }).toEqual({
        chunk,
        lines: [
          { offset: 0, text: 'ab' },
          { offset: 3, length: 10 },
          { offset: 14, text: 'xyz' },
          // Exactly the limit is not over it.
          { offset: 18, text: '12345' },
          // A last line without '\n' over the limit.
          { offset: 24, length: 6 }
        ]
      })
    }
  })

  it('passes every chunk to onChunk, in order, before its lines', async () => {
    const content = Buffer.from('alpha\nbeta\ngamma\ndelta')
    const path = await write(content)
    for (const chunkBytes of [1, 3, 5, 6, 100]) {
      const chunks: Buffer[] = []
      let seenBeforeLine = 0
      for await (const piece of readLinePieces(path, {
        chunkBytes,
        onChunk: (chunk) => chunks.push(Buffer.from(chunk))
      })) {
        // A line ends in the chunks already passed (or at the end of the file).
        const read = Buffer.concat(chunks).length
        expect(piece.offset).toBeLessThanOrEqual(read)
        seenBeforeLine = read
      }
      expect(Buffer.concat(chunks)).toEqual(content)
      expect(seenBeforeLine).toBe(content.length)
    }
  })

  it('can be left early, and a missing file throws ENOENT', async () => {
    const path = await write('a\nb\nc\n'.repeat(10_000))
    for await (const piece of readLinePieces(path, { chunkBytes: 8 })) {
      expect(piece.offset).toBe(0)
      break
    }
    const lines = readLinePieces(join(dir, 'missing.jsonl'), { chunkBytes: 8 })
    await expect(lines.next()).rejects.toMatchObject({ code: 'ENOENT' })
  })
})

describe('readLines', () => {
  async function lines(
    content: Buffer,
    chunkBytes: number
  ): Promise<Array<{ number: number; offset: number; text: string }>> {
    const out = []
    for await (const line of readLines(await write(content), chunkBytes)) {
      out.push({ number: line.number, offset: line.offset, text: line.bytes.toString('utf8') })
    }
    return out
  }

  it('removes a BOM on line 1 (its offset moves past it) and the \\r of CRLF, at every chunk size', async () => {
    const content = Buffer.from('\ufeff{"a":1}\r\n\r\n{"b":"日本"}\n\ufeffkept\r\nlast\r')
    const expected = [
      { number: 1, offset: 3, text: '{"a":1}' },
      { number: 2, offset: 12, text: '' },
      { number: 3, offset: 14, text: '{"b":"日本"}' },
      // Only the file's first line loses a byte order mark.
      { number: 4, offset: 29, text: '\ufeffkept' },
      { number: 5, offset: 38, text: 'last' }
    ]
    for (let chunk = 1; chunk <= content.length + 1; chunk++) {
      expect({ chunk, lines: await lines(content, chunk) }).toEqual({ chunk, lines: expected })
    }
  })

  it('gives each line the offset of its bytes in the file', async () => {
    const content = Buffer.from(
      Array.from({ length: 200 }, (_, i) => `{"id":"${'é'.repeat(i % 7)}${i}"}`).join('\r\n')
    )
    for (const chunk of [1, 13, 64, 1 << 20]) {
      const all = await lines(content, chunk)
      expect(all).toHaveLength(200)
      for (const line of all) {
        const bytes = Buffer.from(line.text)
        expect(content.subarray(line.offset, line.offset + bytes.length)).toEqual(bytes)
      }
    }
  })

  it('keeps line 1 whole when it does not start with the whole BOM', async () => {
    for (const [content, first] of [
      [Buffer.from('{"a":1}\nb'), '{"a":1}'],
      [Buffer.from([0xef, 0xbb, 0x41, 0x0a, 0x62]), Buffer.from([0xef, 0xbb, 0x41]).toString()],
      [Buffer.from([0xef, 0x41, 0x42, 0x0a, 0x62]), Buffer.from([0xef, 0x41, 0x42]).toString()],
      [Buffer.from([0x41, 0xbb, 0xbf, 0x0a, 0x62]), Buffer.from([0x41, 0xbb, 0xbf]).toString()],
      [Buffer.from([0xef, 0xbb, 0x0a, 0x62]), Buffer.from([0xef, 0xbb]).toString()],
      [Buffer.from('a\rb\r\nc'), 'a\rb']
    ] as const) {
      for (const chunk of [1, 2, 64]) {
        const [line1, line2] = await lines(content, chunk)
        expect({ chunk, line1 }).toEqual({ chunk, line1: { number: 1, offset: 0, text: first } })
        expect(line2?.number).toBe(2)
      }
    }
  })

  it('keeps a long line whole (no limit)', async () => {
    const long = 'x'.repeat(3 << 20)
    expect(await lines(Buffer.from(`a\n${long}\nb`), 1 << 20)).toEqual([
      { number: 1, offset: 0, text: 'a' },
      { number: 2, offset: 2, text: long },
      { number: 3, offset: 3 + long.length, text: 'b' }
    ])
  })
})

describe('isBlankLine', () => {
  it.each([
    ['', true],
    [' \t\r', true],
    [' x ', false],
    ['{}', false]
  ])('%j -> %s', (text, blank) => {
    expect(isBlankLine(Buffer.from(text))).toBe(blank)
  })
})
