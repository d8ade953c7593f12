// LineSplitter promises the lines readLines gives for the same bytes read from a file: numbers,
// offsets, the BOM of line 1 and the '\r' of CRLF removed, a last line without '\n' included,
// whatever pieces the bytes arrive in.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cases } from '../../__fixtures__/mutation-run.js'
import { LineSplitter } from '../../src/jsonl/line-splitter.js'
import { readLines } from '../../src/jsonl/lines.js'

let dir: string
let counter = 0

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'line-splitter-test-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

interface Line {
  number: number
  offset: number
  hex: string
}

function split(content: Buffer, cuts: number[]): Line[] {
  const lines: Line[] = []
  const splitter = new LineSplitter((bytes, offset, number) =>
    lines.push({ number, offset, hex: bytes.toString('hex') })
  )
  let from = 0
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    splitter.push(content.subarray(from, cut))
    from = cut
  }
  splitter.push(content.subarray(from))
  splitter.end()
  return lines
}

async function fromFile(content: Buffer): Promise<Line[]> {
  const path = join(dir, `case-${++counter}.jsonl`)
  await writeFile(path, content)
  const lines: Line[] = []
  for await (const line of readLines(path, 7))
    lines.push({ number: line.number, offset: line.offset, hex: line.bytes.toString('hex') })
  return lines
}

describe('LineSplitter', () => {
  it('cuts the lines readLines reads, in any pieces', async () => {
    const piece = fc.constantFrom('{"a":1}', '\n', '\r\n', '\r', '\ufeff', 'é', ' ', 'x'.repeat(40))
    const contentArb = fc
      .array(piece, { maxLength: 14 })
      .map((parts) => Buffer.from(parts.join('')))
      .chain((content) =>
        fc.record({
          content: fc.constant(content),
          cuts: fc.array(fc.nat({ max: content.length }), { maxLength: 6 })
        })
      )
    await fc.assert(
      fc.asyncProperty(contentArb, async ({ content, cuts }) => {
        expect(split(content, cuts)).toEqual(await fromFile(content))
      }),
      { numRuns: cases(400, 60) }
    )
  })

  it('keeps a line longer than its first carry buffer whole, across many pieces', async () => {
    const long = Buffer.from(`${'y'.repeat(40_000)}\r\n${'z'.repeat(20_000)}`)
    const cuts = Array.from({ length: 59 }, (_, i) => (i + 1) * 1000)
    expect(split(long, cuts)).toEqual([
      { number: 1, offset: 0, hex: Buffer.from('y'.repeat(40_000)).toString('hex') },
      { number: 2, offset: 40_002, hex: Buffer.from('z'.repeat(20_000)).toString('hex') }
    ])
  })

  it('removes a BOM only from line 1, and only a whole one', () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf])
    const lines = split(Buffer.concat([bom, Buffer.from('a\n'), bom, Buffer.from('b\n')]), [1, 2])
    expect(lines).toEqual([
      { number: 1, offset: 3, hex: '61' },
      { number: 2, offset: 5, hex: 'efbbbf62' }
    ])
    expect(split(Buffer.from([0xef, 0xbb, 0x0a]), [])).toEqual([
      { number: 1, offset: 0, hex: 'efbb' }
    ])
    expect(split(Buffer.alloc(0), [])).toEqual([])
  })
})
