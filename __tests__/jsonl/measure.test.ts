// The hash-only pre-pass of the one pass, and the test of whether a file is one batch.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { countNewlines, lineCount, measureFile } from '../../src/jsonl/measure.js'
import { fitsOnePart, onePassAllowed } from '../../src/commands/one-pass.js'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'measure-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('measureFile', () => {
  it.each([
    ['empty', '', 0],
    ['one line without its newline', 'a', 1],
    ['one line', 'a\n', 1],
    ['a blank line counts', 'a\n\nb\n', 3],
    ['CRLF', 'a\r\nb', 2]
  ])('%s', async (_name, text, lines) => {
    const file = path.join(dir, `${lines}-${text.length}.jsonl`)
    await writeFile(file, text)
    const sha256 = createHash('sha256').update(text).digest('hex')
    // Reads of 1 and 2 bytes put line breaks at every place in a read.
    for (const readBytes of [1, 2, 1024]) {
      expect(await measureFile(file, undefined, readBytes)).toEqual({
        bytes: Buffer.byteLength(text),
        sha256,
        lines
      })
    }
  })

  it('stops with the reason of an aborted signal', async () => {
    const file = path.join(dir, 'aborted.jsonl')
    await writeFile(file, 'a\n')
    const controller = new AbortController()
    controller.abort(new Error('stop'))
    await expect(measureFile(file, controller.signal)).rejects.toThrow('stop')
  })

  it('counts line feeds and the lines they make', () => {
    expect(countNewlines(Buffer.from('\n\na\n'))).toBe(3)
    expect(countNewlines(Buffer.from('abc'))).toBe(0)
    expect(lineCount(0, undefined)).toBe(0)
    expect(lineCount(2, 10)).toBe(2)
    expect(lineCount(2, 97)).toBe(3)
  })
})

describe('when the one pass applies', () => {
  it('only without retry-failed rounds and max-batch-tokens', () => {
    expect(onePassAllowed({ retryFailed: 0, maxBatchTokens: undefined })).toBe(true)
    expect(onePassAllowed({ retryFailed: 1, maxBatchTokens: undefined })).toBe(false)
    expect(onePassAllowed({ retryFailed: 0, maxBatchTokens: 1000 })).toBe(false)
  })

  it('a file within the per-batch limits, at them included', () => {
    const file = { bytes: 100, lines: 10 }
    expect(fitsOnePart({}, file)).toBe(true)
    expect(fitsOnePart({ maxRequests: 10, maxBytes: 100 }, file)).toBe(true)
    expect(fitsOnePart({ maxRequests: 9 }, file)).toBe(false)
    expect(fitsOnePart({ maxBytes: 99 }, file)).toBe(false)
    expect(fitsOnePart({ maxTokens: 1_000_000 }, file)).toBe(false)
  })
})
