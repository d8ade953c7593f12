import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { mkdtemp, open, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeBuffered } from '../../src/jsonl/output-buffer.js'

const KEY = 'sk-writer-key-0a4f2d'
const MiB = 1024 * 1024
let dir: string
let count = 0

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'output-buffer-test-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** Writes `pieces` through an OutputBuffer, flushing after each piece as the writers do when full. */
async function written(pieces: string[], secrets: string[]): Promise<string> {
  const path = join(dir, `out-${++count}.jsonl`)
  const file = await open(path, 'w')
  try {
    await writeBuffered(
      file,
      async (out) => {
        for (const piece of pieces) {
          out.text(piece)
          if (out.full) await out.flush()
        }
      },
      { secrets }
    )
  } finally {
    await file.close()
  }
  return readFile(path, 'utf8')
}

describe('writeBuffered with secrets', () => {
  it('masks a key split across two 1 MiB writes', async () => {
    const filler = 'x'.repeat(MiB - 4)
    const text = await written([`${filler}${KEY.slice(0, 4)}`, `${KEY.slice(4)} end\n`], [KEY])
    expect(text).toBe(`${filler}*** end\n`)
  })

  it('masks every key of a large output and changes nothing else', async () => {
    const line = `{"custom_id":"r","status":"error","error":{"message":"key ${KEY} refused"}}\n`
    const pieces = Array.from({ length: 40_000 }, () => line)
    const text = await written(pieces, [KEY])
    expect(text.length).toBeGreaterThan(2 * MiB)
    expect(text).toBe(pieces.join('').split(KEY).join('***'))
  })

  it('writes the bytes as they are without secrets', async () => {
    expect(await written([`a ${KEY}`, ' b'], [])).toBe(`a ${KEY} b`)
  })

  it('never lets a key through, wherever the writes end (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.constant(KEY), fc.string({ maxLength: 9 })), { maxLength: 10 }),
        fc.nat({ max: KEY.length + 2 }),
        async (pieces, shift) => {
          // A filler that brings the first write within a few bytes of 1 MiB, to move the boundary.
          const all = ['f'.repeat(MiB - shift), ...pieces]
          const text = await written(all, [KEY])
          expect(text).toBe(all.join('').split(KEY).join('***'))
        }
      ),
      { numRuns: 40 }
    )
  })
})
