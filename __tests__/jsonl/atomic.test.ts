import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeAtomically } from '../../src/jsonl/atomic.js'
import { writeBuffered } from '../../src/jsonl/output-buffer.js'
import { openFds } from '../../__fixtures__/fds.js'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'atomic-test-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('writeAtomically', () => {
  it('creates the parent directories and replaces the file only once it is complete', async () => {
    const dest = join(dir, 'a', 'b', 'out.jsonl')
    await writeAtomically(dest, async (file) => {
      await file.write('first\n')
    })
    await writeAtomically(dest, async (file) => {
      // Until the rename, the old content is what the name shows.
      expect(await readFile(dest, 'utf8')).toBe('first\n')
      await file.write('second\n')
    })
    expect(await readFile(dest, 'utf8')).toBe('second\n')
    expect(await readdir(join(dir, 'a', 'b'))).toEqual(['out.jsonl'])
  })

  it('leaves no file open, the directory opened to sync the rename included', async () => {
    const before = openFds()
    await writeAtomically(join(dir, 'sub', 'done.txt'), (file) => file.writeFile('done'))
    await expect(
      writeAtomically(join(dir, 'failed.txt'), () => Promise.reject(new Error('failed')))
    ).rejects.toThrow('failed')
    expect(openFds()).toBe(before)
  })

  it('leaves the old file and no temporary file when writing fails', async () => {
    const dest = join(dir, 'out.jsonl')
    await writeFile(dest, 'old\n')
    await expect(
      writeAtomically(dest, async (file) => {
        await file.write('partial')
        throw new Error('disk trouble')
      })
    ).rejects.toThrow('disk trouble')
    expect(await readFile(dest, 'utf8')).toBe('old\n')
    expect(await readdir(dir)).toEqual(['out.jsonl'])
  })
})

describe('writeAtomically when the temporary file cannot be made', () => {
  it('passes on the error of the open, and writes nothing', async () => {
    // A name that fits the file system, but not with the temporary suffix after it.
    const dest = join(dir, 'r'.repeat(250))
    let called = false
    await expect(
      writeAtomically(dest, async () => {
        called = true
      })
    ).rejects.toMatchObject({ code: 'ENAMETOOLONG' })
    expect(called).toBe(false)
    expect(await readdir(dir)).toEqual([])
  })
})

describe('writeBuffered', () => {
  it('writes text and byte ranges in order, across many buffers and a line larger than one', async () => {
    const dest = join(dir, 'out.bin')
    const big = Buffer.alloc(5 << 20, 0x61)
    const expected: Buffer[] = []
    await writeAtomically(dest, (file) =>
      writeBuffered(file, async (out) => {
        for (let i = 0; i < 30_000; i++) {
          const line = `{"i":${i},"t":"日本"}\n`
          out.text(line)
          expected.push(Buffer.from(line))
          if (out.full) await out.flush()
        }
        out.bytes(big, 1, big.length - 1)
        expected.push(big.subarray(1, big.length - 1))
      })
    )
    expect((await readFile(dest)).equals(Buffer.concat(expected))).toBe(true)
  })
})
