import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { closeSync, openSync } from 'node:fs'
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  KIND_OK,
  REPARSE,
  ResultIndex,
  SOURCE_ERROR,
  SOURCE_OUTPUT
} from '../../src/results/output-index.js'
import { BATCH_BYTES, BatchReader, type HeldLines } from '../../src/results/reader.js'

let dir: string
let fds: (number | undefined)[]

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'reader-test-'))
  fds = []
})

afterEach(async () => {
  for (const fd of fds) if (fd !== undefined) closeSync(fd)
  await rm(dir, { recursive: true, force: true })
})

/** A file of `lines` (each followed by `gap` bytes of padding); returns it open, and each line's offset. */
async function resultFile(
  name: string,
  lines: string[],
  gap = 1
): Promise<{ fd: number; offsets: number[] }> {
  const offsets: number[] = []
  let text = ''
  for (const line of lines) {
    offsets.push(Buffer.byteLength(text))
    text += line + ' '.repeat(gap - 1) + '\n'
  }
  const path = join(dir, name)
  await writeFile(path, text)
  const fd = openSync(path, 'r')
  return { fd, offsets }
}

/** An index with each entry's line (in the order given) under its id. */
function indexOf(
  entries: { id: string; source: number; offset: number; line: string }[]
): ResultIndex {
  const index = new ResultIndex()
  for (const entry of entries) {
    index.set(entry.id, {
      source: entry.source,
      offset: entry.offset,
      length: Buffer.byteLength(entry.line),
      kind: KIND_OK,
      bodyStart: 0,
      bodyLength: REPARSE,
      usage: undefined
    })
  }
  return index
}

/** The index entries of `lines` of one file at `offsets`, under the ids `${prefix}0`, `${prefix}1`, ... */
function entriesOf(
  lines: string[],
  offsets: number[],
  source = SOURCE_OUTPUT,
  prefix = 'o'
): { id: string; source: number; offset: number; line: string }[] {
  return lines.map((line, i) => ({
    id: `${prefix}${i}`,
    source,
    offset: offsets[i] as number,
    line
  }))
}

/** What the reader holds for each batch entry: the line's bytes at start(i). */
function linesRead(reader: BatchReader, index: ResultIndex, slots: Int32Array): string[] {
  return Array.from(slots, (slot, i) => {
    if (slot < 0) return '-'
    const start = reader.start(i)
    return reader.buffer.toString('utf8', start, start + (index.lengths[slot] ?? 0))
  })
}

describe('BatchReader', () => {
  it('reads each line at its offset, from both files, whatever the order of the batch', async () => {
    const outLines = ['{"custom_id":"a"}', '{"custom_id":"é-b"}', '{"custom_id":"c"}']
    const errLines = ['{"custom_id":"d","error":{}}', '{"custom_id":"e","error":{}}']
    const out = await resultFile('output.jsonl', outLines)
    const err = await resultFile('errors.jsonl', errLines)
    fds = [out.fd, err.fd]
    const index = indexOf([
      ...entriesOf(outLines, out.offsets),
      ...entriesOf(errLines, err.offsets, SOURCE_ERROR, 'e')
    ])
    const reader = new BatchReader(fds)
    // Slots 4, 0, -1 (a missing request), 2, 3, 1: error lines first, gaps, one line twice.
    const slots = Int32Array.from([4, 0, -1, 2, 3, 1, 0])
    reader.read(index, slots, slots.length)
    expect(linesRead(reader, index, slots)).toEqual([
      errLines[1],
      outLines[0],
      '-',
      outLines[2],
      errLines[0],
      outLines[1],
      outLines[0]
    ])
  })

  it('reads only the first `count` entries of the batch', async () => {
    const lines = ['{"custom_id":"a"}', '{"custom_id":"b"}']
    const out = await resultFile('output.jsonl', lines)
    fds = [out.fd]
    const index = indexOf(entriesOf(lines, out.offsets))
    const reader = new BatchReader(fds)
    reader.read(index, Int32Array.from([1, 0]), 1)
    expect(linesRead(reader, index, Int32Array.from([1]))).toEqual([lines[1]])
  })

  it('reads lines far apart, and lines near each other, at their places', async () => {
    // Gaps of 1 byte, 16 kB and 64 kB between lines: some ranges merge, some do not.
    for (const gap of [1, 16 << 10, (16 << 10) + 2, 64 << 10]) {
      const lines = Array.from({ length: 6 }, (_, i) => `{"custom_id":"r${i}","n":${i}}`)
      const out = await resultFile(`output-${gap}.jsonl`, lines, gap)
      const index = indexOf(entriesOf(lines, out.offsets, SOURCE_OUTPUT, 'r'))
      const reader = new BatchReader([out.fd])
      const slots = Int32Array.from([5, 1, 3, 0, 2, 4])
      reader.read(index, slots, slots.length)
      expect(linesRead(reader, index, slots)).toEqual([5, 1, 3, 0, 2, 4].map((i) => lines[i]))
      closeSync(out.fd)
    }
  })

  it('copies held lines instead of reading them, and releases each once copied', async () => {
    const lines = ['{"custom_id":"a"}', '{"custom_id":"b"}', '{"custom_id":"c"}']
    const out = await resultFile('output.jsonl', lines)
    fds = [out.fd]
    const index = indexOf(entriesOf(lines, out.offsets))
    // The held copy of slot 1 differs from the file: the reader must take the copy.
    const held = new Map<number, Buffer>([[1, Buffer.from('{"custom_id":"B"}')]])
    const released: number[] = []
    const store: HeldLines = {
      get: (slot) => held.get(slot),
      release: (slot) => {
        released.push(slot)
        held.delete(slot)
      }
    }
    const reader = new BatchReader(fds, store)
    const slots = Int32Array.from([2, 1, 0])
    reader.read(index, slots, slots.length)
    expect(linesRead(reader, index, slots)).toEqual([lines[2], '{"custom_id":"B"}', lines[0]])
    expect(released).toEqual([1])
  })

  it('needs no open file when every line of the batch is held', () => {
    const index = indexOf([{ id: 'a', source: SOURCE_OUTPUT, offset: 0, line: 'held line' }])
    const reader = new BatchReader([undefined, undefined], {
      get: () => Buffer.from('held line'),
      release: () => undefined
    })
    const slots = Int32Array.from([0])
    reader.read(index, slots, 1)
    expect(linesRead(reader, index, slots)).toEqual(['held line'])
  })

  it('grows its buffer for a batch larger than it, and shrinks it after', async () => {
    const big = `{"custom_id":"big","pad":"${'x'.repeat(BATCH_BYTES)}"}`
    const small = '{"custom_id":"small"}'
    const out = await resultFile('output.jsonl', [big, small])
    fds = [out.fd]
    const index = indexOf([
      { id: 'big', source: SOURCE_OUTPUT, offset: out.offsets[0] as number, line: big },
      { id: 'small', source: SOURCE_OUTPUT, offset: out.offsets[1] as number, line: small }
    ])
    const reader = new BatchReader(fds)
    expect(reader.buffer.length).toBe(BATCH_BYTES)
    reader.read(index, Int32Array.from([0]), 1)
    expect(reader.buffer.length).toBe(Buffer.byteLength(big))
    expect(linesRead(reader, index, Int32Array.from([0]))).toEqual([big])
    // Not yet four times what a batch needs: kept.
    reader.read(index, Int32Array.from([1]), 1)
    expect(reader.buffer.length).toBe(Buffer.byteLength(big))

    const huge = `{"custom_id":"huge","pad":"${'y'.repeat(4 * BATCH_BYTES)}"}`
    const second = await resultFile('huge.jsonl', [huge, small])
    fds.push(second.fd)
    const other = indexOf([
      { id: 'huge', source: SOURCE_OUTPUT, offset: 0, line: huge },
      { id: 'small', source: SOURCE_OUTPUT, offset: second.offsets[1] as number, line: small }
    ])
    const hugeReader = new BatchReader([second.fd])
    hugeReader.read(other, Int32Array.from([0]), 1)
    expect(hugeReader.buffer.length).toBe(Buffer.byteLength(huge))
    // Over four times what the next batch needs: given back.
    hugeReader.read(other, Int32Array.from([1]), 1)
    expect(hugeReader.buffer.length).toBe(BATCH_BYTES)
    expect(linesRead(hugeReader, other, Int32Array.from([1]))).toEqual([small])
  })

  it('says a result file changed when its line is no longer there', async () => {
    const lines = ['{"custom_id":"a"}', '{"custom_id":"b"}']
    const out = await resultFile('output.jsonl', lines)
    fds = [out.fd]
    const index = indexOf(entriesOf(lines, out.offsets))
    await truncate(join(dir, 'output.jsonl'), (out.offsets[1] as number) + 3)
    expect(() => new BatchReader(fds).read(index, Int32Array.from([1]), 1)).toThrow(
      'a result file changed while it was being joined'
    )
  })

  it('says so when a line is to be read from a file that is not open', () => {
    const index = indexOf([{ id: 'e', source: SOURCE_ERROR, offset: 0, line: '{}' }])
    expect(() =>
      new BatchReader([undefined, undefined]).read(index, Int32Array.from([0]), 1)
    ).toThrow('internal error: result file not open')
  })
})
