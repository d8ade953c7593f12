import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { mkdtemp, open, readFile, rm, type FileHandle } from 'node:fs/promises'
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

/** Writes through an OutputBuffer with `fill`; the file, and what onWrite saw. */
async function gathered(fill: Parameters<typeof writeBuffered>[1]) {
  const path = join(dir, `out-${++count}.bin`)
  const file = await open(path, 'w')
  const seen: Buffer[] = []
  try {
    await writeBuffered(file, fill, { onWrite: (bytes) => seen.push(Buffer.from(bytes)) })
  } finally {
    await file.close()
  }
  return { file: await readFile(path), seen: Buffer.concat(seen) }
}

describe('writeBuffered', () => {
  it('writes text of many-byte characters, ranges of bytes and huge pieces whole and in order', async () => {
    const source = Buffer.from('0123456789abcdef')
    const euros = '€'.repeat(600_000) // 1.8 MB as UTF-8: more than one buffer
    const { file, seen } = await gathered(async (out) => {
      out.text('start ')
      out.bytes(source, 5, 10)
      if (out.full) await out.flush()
      out.text(euros)
      if (out.full) await out.flush()
      out.bytes(source, 10, 16)
      out.text(' 😀 end')
    })
    const expected = Buffer.concat([
      Buffer.from('start '),
      source.subarray(5, 10),
      Buffer.from(euros),
      source.subarray(10, 16),
      Buffer.from(' 😀 end')
    ])
    expect(file.equals(expected)).toBe(true)
    expect(seen.equals(expected)).toBe(true)
  })

  it('reports full once a buffer of 1 MiB is gathered, and not before', async () => {
    const states: boolean[] = []
    await gathered(async (out) => {
      out.text('x'.repeat(MiB - 1))
      states.push(out.full)
      out.text('x')
      states.push(out.full)
      await out.flush()
      states.push(out.full)
    })
    expect(states).toEqual([false, true, false])
  })

  it('passes on an error of the fill, and one of the write', async () => {
    const failure = new Error('the fill failed')
    await expect(
      gathered(async (out) => {
        out.text('some text')
        await out.flush()
        throw failure
      })
    ).rejects.toBe(failure)
    const path = join(dir, `read-only-${++count}.bin`)
    await open(path, 'w').then((handle) => handle.close())
    const readOnly = await open(path, 'r')
    try {
      await expect(
        writeBuffered(readOnly, async (out) => {
          out.text('text')
        })
      ).rejects.toMatchObject({ code: 'EBADF' })
    } finally {
      await readOnly.close()
    }
  })

  it('writes the end of the output whole, though it could begin a key', async () => {
    // Held back at every flush but the last: a masked key may still come. At the end nothing does.
    for (const end of ['sk-', 'sk-writer', `${KEY.slice(0, -1)}`]) {
      expect(await written([`line one\n${end}`], [KEY])).toBe(`line one\n${end}`)
      expect(await written(['x'.repeat(MiB - 2), `${end}`], [KEY])).toBe('x'.repeat(MiB - 2) + end)
    }
  })

  it('shows onWrite every byte written once, in order, masked, with the bytes held back too', async () => {
    const path = join(dir, `observed-${++count}.jsonl`)
    const file = await open(path, 'w')
    const seen: Buffer[] = []
    try {
      await writeBuffered(
        file,
        async (out) => {
          // A key split across the first flush: its start is held back, then masked whole.
          out.text('a'.repeat(MiB - 5) + KEY.slice(0, 8))
          await out.flush()
          out.text(KEY.slice(8) + ' and more sk-')
          await out.flush()
        },
        { secrets: [KEY], onWrite: (bytes) => seen.push(Buffer.from(bytes)) }
      )
    } finally {
      await file.close()
    }
    const text = await readFile(path, 'utf8')
    expect(text).toBe('a'.repeat(MiB - 5) + '*** and more sk-')
    expect(Buffer.concat(seen).toString('utf8')).toBe(text)
  })

  it('waits for a write still running before it passes on an error of the fill', async () => {
    const path = join(dir, `slow-${++count}.bin`)
    const file = await open(path, 'w')
    const events: string[] = []
    // The real file, with each write finishing a little later, as on a slow disk.
    const slow = {
      write: async (data: Buffer, offset: number, length: number) => {
        await new Promise((resolve) => setTimeout(resolve, 30))
        const result = await file.write(data, offset, length)
        events.push('write done')
        return result
      }
    } as unknown as FileHandle
    const failure = new Error('the fill failed')
    try {
      await writeBuffered(slow, async (out) => {
        out.text('some text')
        await out.flush()
        throw failure
      }).catch((error: unknown) => events.push(error === failure ? 'failed' : String(error)))
    } finally {
      await file.close()
    }
    expect(events).toEqual(['write done', 'failed'])
    // With no write running, the error of the fill is passed on as it is.
    await expect(
      gathered(async () => {
        throw failure
      })
    ).rejects.toBe(failure)
  })

  it('writes everything to a file that takes a part of each write', async () => {
    const path = join(dir, `partial-${++count}.bin`)
    const file = await open(path, 'w')
    // A pipe or a full disk may write fewer bytes than asked: 1,000 at most here.
    const partial = {
      write: (data: Buffer, offset: number, length: number) =>
        file.write(data, offset, Math.min(length, 1000))
    } as unknown as FileHandle
    const text = Array.from({ length: 3000 }, (_, i) => `line ${i}\n`).join('')
    try {
      await writeBuffered(partial, async (out) => {
        out.text(text)
      })
    } finally {
      await file.close()
    }
    expect(await readFile(path, 'latin1')).toBe(text)
  })

  it('lets go of a buffer grown for a huge line at the next flush', async () => {
    const capacities: number[] = []
    await gathered(async (out) => {
      capacities.push(out.capacity)
      out.text('x'.repeat(8 * MiB))
      await out.flush()
      capacities.push(out.capacity)
      out.text('small\n')
      await out.flush()
      capacities.push(out.capacity)
    })
    const [first = 0, grown = 0, after = Infinity] = capacities
    expect(grown).toBeGreaterThan(8 * MiB)
    // Back to the two buffers it started with, not a smaller one that must grow again.
    expect(after).toBe(first)
  })
})
