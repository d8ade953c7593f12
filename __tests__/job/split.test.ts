import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PartLimits } from '../../src/job/limits.js'
import { splitInput, SplitInputError, type InputPart } from '../../src/job/split.js'
import { estimateTokens } from '../../src/job/tokens.js'
import { AbortedError } from '../../src/net/abort.js'
import { openFds } from '../../__fixtures__/fds.js'

let dir: string
let counter = 0

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'split-test-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** A new input file and an empty temp directory for its parts. */
async function input(content: string | Buffer): Promise<{ path: string; tempDir: string }> {
  const n = ++counter
  const tempDir = join(dir, `parts-${n}`)
  await mkdir(tempDir)
  const path = join(dir, `input-${n}.jsonl`)
  await writeFile(path, content)
  return { path, tempDir }
}

function request(id: string, text: string, maxTokens?: number): string {
  const body: Record<string, unknown> = {
    model: 'm',
    messages: [{ role: 'user', content: text }]
  }
  if (maxTokens !== undefined) body['max_tokens'] = maxTokens
  return JSON.stringify({ custom_id: id, method: 'POST', url: '/v1/chat/completions', body })
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

/** The parts' files, with what each part says of itself checked against its bytes. */
async function partBytes(parts: InputPart[]): Promise<Buffer[]> {
  const files: Buffer[] = []
  for (const [i, part] of parts.entries()) {
    const bytes = await readFile(part.path)
    expect(part.index).toBe(i)
    expect(part.bytes).toBe(bytes.length)
    expect(part.sha256).toBe(sha256(bytes))
    expect(part.requests).toBe(bytes.toString('latin1').split('\n').filter(Boolean).length)
    files.push(bytes)
  }
  return files
}

describe('splitInput', () => {
  it('splits by request count, keeping order and bytes', async () => {
    const lines = Array.from({ length: 10 }, (_, i) => request(`r${i}`, 'x'.repeat(i)))
    const content = lines.map((l) => `${l}\n`).join('')
    const { path, tempDir } = await input(content)
    const parts = await splitInput(path, { maxRequests: 4 }, { tempDir, chunkBytes: 16 })
    expect(parts.map((p) => [p.requests, p.firstLine])).toEqual([
      [4, 1],
      [4, 5],
      [2, 9]
    ])
    const files = await partBytes(parts)
    expect(Buffer.concat(files).toString()).toBe(content)
    expect(parts.map((p) => p.path)).toEqual(
      [1, 2, 3].map((n) => join(tempDir, `input-${counter}.part-${n}.jsonl`))
    )
    expect(parts[0]!.estimatedTokens).toBeUndefined()
  })

  it('splits by bytes: each part as large as fits, line breaks counted', async () => {
    const lines = ['a'.repeat(9), 'b'.repeat(9), 'c'.repeat(19), 'd'.repeat(4), 'e'.repeat(4)]
    const content = lines.map((l) => `${l}\n`).join('')
    const { path, tempDir } = await input(content)
    const parts = await splitInput(path, { maxBytes: 20 }, { tempDir, chunkBytes: 7 })
    const files = await partBytes(parts)
    expect(files.map((f) => f.toString())).toEqual([
      'aaaaaaaaa\nbbbbbbbbb\n',
      'ccccccccccccccccccc\n',
      'dddd\neeee\n'
    ])
  })

  it('measures each line of a chunk by its own bytes, wherever in the chunk it starts', async () => {
    // One read holds the whole file: every line but the first starts inside the chunk.
    const lines = ['a'.repeat(9), 'b'.repeat(9), 'c'.repeat(19), 'd'.repeat(4), 'e'.repeat(4)]
    const { path, tempDir } = await input(lines.map((l) => `${l}\n`).join(''))
    const parts = await splitInput(path, { maxBytes: 20 }, { tempDir })
    expect(parts.map((part) => [part.requests, part.bytes, part.firstLine])).toEqual([
      [2, 20, 1],
      [1, 20, 3],
      [2, 10, 4]
    ])
  })

  it('splits by estimated tokens, and reports each part estimate', async () => {
    // 'abcd' is 1 token; each line: 1 + max_tokens.
    const lines = [request('a', 'abcd', 9), request('b', 'abcd', 4), request('c', 'abcd', 4)]
    const { path, tempDir } = await input(lines.map((l) => `${l}\n`).join(''))
    const parts = await splitInput(path, { maxTokens: 10 }, { tempDir })
    expect(parts.map((p) => [p.requests, p.estimatedTokens, p.firstLine])).toEqual([
      [1, 10, 1],
      [2, 10, 2]
    ])
    for (const line of lines) expect(estimateTokens(JSON.parse(line).body)).toBeLessThanOrEqual(10)
  })

  it('applies every limit at once: a part ends at the first one reached', async () => {
    const lines = Array.from({ length: 12 }, (_, i) => request(`r${i}`, 'abcd'.repeat(i % 3), 1))
    const content = lines.map((l) => `${l}\n`).join('')
    const { path, tempDir } = await input(content)
    const limits = { maxRequests: 5, maxBytes: 400, maxTokens: 7 }
    const parts = await splitInput(path, limits, { tempDir, chunkBytes: 64 })
    const files = await partBytes(parts)
    expect(Buffer.concat(files).toString()).toBe(content)
    for (const [i, part] of parts.entries()) {
      expect(part.requests).toBeLessThanOrEqual(5)
      expect(part.bytes).toBeLessThanOrEqual(400)
      expect(part.estimatedTokens).toBeLessThanOrEqual(7)
      const next = lines[part.firstLine - 1 + part.requests]
      if (i < parts.length - 1) {
        // The next line would have broken a limit.
        const t = estimateTokens(JSON.parse(next!).body)
        expect(
          part.requests + 1 > 5 ||
            part.bytes + next!.length + 1 > 400 ||
            part.estimatedTokens! + t > 7
        ).toBe(true)
      }
    }
  })

  it('keeps CRLF line ends and a last line without a newline as they are', async () => {
    const content = `${request('a', 'x')}\r\n${request('b', 'y')}\r\n${request('c', 'z')}\r\n${request('d', 'w')}`
    const { path, tempDir } = await input(content)
    const parts = await splitInput(path, { maxRequests: 2 }, { tempDir, chunkBytes: 5 })
    const files = await partBytes(parts)
    expect(files.map((f) => f.toString())).toEqual([
      `${request('a', 'x')}\r\n${request('b', 'y')}\r\n`,
      `${request('c', 'z')}\r\n${request('d', 'w')}`
    ])
  })

  it('counts a last line without a newline one byte shorter', async () => {
    const { path, tempDir } = await input('aaaa\nbbbb\ncccc\n')
    const parts = await splitInput(path, { maxBytes: 14 }, { tempDir, chunkBytes: 3 })
    expect((await partBytes(parts)).map(String)).toEqual(['aaaa\nbbbb\n', 'cccc\n'])
    const { path: short, tempDir: shortDir } = await input('aaaa\nbbbb\ncccc')
    const whole = await splitInput(short, { maxBytes: 14 }, { tempDir: shortDir, chunkBytes: 3 })
    expect(whole).toMatchObject([{ path: short, requests: 3, bytes: 14 }])
    const { path: one, tempDir: oneDir } = await input('aaaa\nbbbb')
    const single = await splitInput(one, { maxBytes: 9 }, { tempDir: oneDir })
    expect(single).toEqual([
      {
        index: 0,
        path: one,
        requests: 2,
        bytes: 9,
        sha256: sha256(Buffer.from('aaaa\nbbbb')),
        firstLine: 1
      }
    ])
  })

  it('writes lines larger than its write buffer whole', async () => {
    const big = (c: string) => request(c, c.repeat(1_500_000))
    const content = `${request('a', 'x')}\n${big('b')}\n${request('c', 'y')}\n${big('d')}`
    const { path, tempDir } = await input(content)
    const parts = await splitInput(path, { maxRequests: 2 }, { tempDir })
    const files = await partBytes(parts)
    expect(files.map((f) => f.length)).toEqual([
      Buffer.byteLength(`${request('a', 'x')}\n${big('b')}\n`),
      Buffer.byteLength(`${request('c', 'y')}\n${big('d')}`)
    ])
    expect(Buffer.concat(files).equals(Buffer.from(content))).toBe(true)
  })

  it('gives back the input itself when it is one part, leaving no copy behind', async () => {
    const content = `${request('a', 'x', 5)}\n${request('b', 'y', 5)}\n`
    const { path, tempDir } = await input(content)
    const parts = await splitInput(path, { maxRequests: 10, maxTokens: 100 }, { tempDir })
    expect(parts).toEqual([
      {
        index: 0,
        path,
        requests: 2,
        bytes: Buffer.byteLength(content),
        sha256: sha256(Buffer.from(content)),
        estimatedTokens: 12,
        firstLine: 1
      }
    ])
    expect(await readdir(tempDir)).toEqual([])
    expect(await splitInput(path, {}, { tempDir })).toMatchObject([{ path, requests: 2 }])
    const created = join(tempDir, 'new', 'dir')
    expect(await splitInput(path, { maxRequests: 1 }, { tempDir: created })).toHaveLength(2)
    expect(await readdir(created)).toHaveLength(2)
  })

  it('does not read an input that validation showed within the limits', async () => {
    const known = { requests: 3, bytes: 300, sha256: 'f'.repeat(64) }
    const missing = join(dir, 'never-read.jsonl')
    const tempDir = join(dir, 'unused')
    const parts = await splitInput(missing, { maxRequests: 3, maxBytes: 300 }, { tempDir, known })
    expect(parts).toEqual([{ index: 0, path: missing, ...known, firstLine: 1 }])
    // Over a limit, or limited by tokens, the input is read (and here it does not exist).
    await expect(splitInput(missing, { maxRequests: 2 }, { tempDir, known })).rejects.toThrow(
      /ENOENT/
    )
    await expect(splitInput(missing, { maxTokens: 1000 }, { tempDir, known })).rejects.toThrow(
      /ENOENT/
    )
  })

  it('refuses a line larger than a part may be, naming the line and the limit, and removes the parts', async () => {
    const content = `${'a'.repeat(10)}\n${'b'.repeat(10)}\n${'c'.repeat(30)}\n${'d'.repeat(5)}\n`
    const { path, tempDir } = await input(content)
    const before = openFds()
    const error = await splitInput(path, { maxBytes: 25 }, { tempDir, chunkBytes: 8 }).catch(
      (e: unknown) => e
    )
    // The part being written and the input are closed.
    expect(openFds()).toBe(before)
    expect(error).toBeInstanceOf(SplitInputError)
    expect((error as SplitInputError).line).toBe(3)
    expect((error as Error).message).toMatch(
      /^line 3 is .*, more than the 25 B \(25 bytes\) one batch of the job may hold \(max-batch-bytes, .*raise max-batch-bytes/
    )
    expect(await readdir(tempDir)).toEqual([])

    // Exactly at the limit with its line break is fine; one byte over is not.
    const { path: edge, tempDir: edgeDir } = await input(`${'a'.repeat(24)}\n${'b'.repeat(25)}\n`)
    await expect(splitInput(edge, { maxBytes: 25 }, { tempDir: edgeDir })).rejects.toThrow(
      /^line 2 is 26 B \(26 bytes\)/
    )
  })

  it('refuses a line that is not JSON when it must estimate its tokens', async () => {
    const { path, tempDir } = await input(`${request('a', 'abcd', 10)}\n{"custom_id":\n`)
    const error = await splitInput(path, { maxTokens: 50 }, { tempDir }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SplitInputError)
    expect(error).toMatchObject({
      line: 2,
      message:
        'line 2 is not a JSON request, so its tokens cannot be estimated; check the file with validate-only: true'
    })
    expect(await readdir(tempDir)).toEqual([])
  })

  it('refuses a line estimated over max-batch-tokens', async () => {
    const content = `${request('a', 'abcd', 10)}\n${request('b', 'abcd', 100)}\n`
    const { path, tempDir } = await input(content)
    const error = (await splitInput(path, { maxTokens: 50 }, { tempDir }).catch(
      (e: unknown) => e
    )) as SplitInputError
    expect(error.line).toBe(2)
    expect(error.message).toMatch(
      /^line 2 is estimated at 101 tokens, more than max-batch-tokens \(50\); .*raise max-batch-tokens/
    )
    expect(await readdir(tempDir)).toEqual([])
  })

  it('refuses blank lines as validation does, and a file without requests', async () => {
    const { path, tempDir } = await input(`${request('a', 'x')}\n\n${request('b', 'x')}\n`)
    await expect(splitInput(path, { maxRequests: 1 }, { tempDir })).rejects.toThrow(
      /^line 2: blank line; remove it/
    )
    expect(await readdir(tempDir)).toEqual([])
    const { path: spaces, tempDir: spacesDir } = await input(`${request('a', 'x')}\n \r\n`)
    await expect(splitInput(spaces, {}, { tempDir: spacesDir })).rejects.toThrow(/^line 2: blank/)
    // A tab is blank too; the error says it is the split's.
    const { path: tabs, tempDir: tabsDir } = await input(`${request('a', 'x')}\n\t\n`)
    const error = await splitInput(tabs, {}, { tempDir: tabsDir }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SplitInputError)
    expect(error).toMatchObject({ name: 'SplitInputError', line: 2 })
    expect((error as Error).message).toMatch(/^line 2: blank/)
    const { path: empty, tempDir: emptyDir } = await input('')
    await expect(splitInput(empty, {}, { tempDir: emptyDir })).rejects.toThrow(/no requests/)
  })

  it('stops between chunks when aborted, removing what it wrote', async () => {
    const content = Array.from({ length: 200 }, (_, i) => `${request(`r${i}`, 'x')}\n`).join('')
    const { path, tempDir } = await input(content)
    let checks = 0
    const reason = new AbortedError()
    const signal = {
      get aborted() {
        return ++checks > 20
      },
      reason
    } as unknown as AbortSignal
    const split = splitInput(path, { maxRequests: 5 }, { tempDir, signal, chunkBytes: 256 })
    await expect(split).rejects.toBe(reason)
    expect(checks).toBe(21)
    expect(await readdir(tempDir)).toEqual([])

    const controller = new AbortController()
    controller.abort(reason)
    const before = splitInput(path, {}, { tempDir, signal: controller.signal })
    await expect(before).rejects.toBe(reason)
  })

  it('keeps any input whole and every part within its limits (random line sizes)', async () => {
    const line = fc.record({
      text: fc.string({ unit: 'grapheme', minLength: 0, maxLength: 60 }),
      maxTokens: fc.integer({ min: 0, max: 30 }),
      crlf: fc.boolean()
    })
    const scenario = fc.record({
      lines: fc.array(line, { minLength: 1, maxLength: 40 }),
      finalNewline: fc.boolean(),
      maxRequests: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
      maxBytes: fc.option(fc.integer({ min: 400, max: 1500 }), { nil: undefined }),
      maxTokens: fc.option(fc.integer({ min: 60, max: 200 }), { nil: undefined }),
      chunkBytes: fc.integer({ min: 1, max: 300 })
    })
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const texts = s.lines.map((l, i) => request(`r${i}`, l.text, l.maxTokens))
        const ends = s.lines.map((l, i) =>
          i === s.lines.length - 1 && !s.finalNewline ? '' : l.crlf ? '\r\n' : '\n'
        )
        const content = Buffer.from(texts.map((t, i) => t + ends[i]).join(''))
        const { path, tempDir } = await input(content)
        const limits: PartLimits = {}
        if (s.maxRequests !== undefined) limits.maxRequests = s.maxRequests
        if (s.maxBytes !== undefined) limits.maxBytes = s.maxBytes
        if (s.maxTokens !== undefined) limits.maxTokens = s.maxTokens
        const sizes = texts.map((t, i) => Buffer.byteLength(t + ends[i]))
        const tokens = texts.map((t) => estimateTokens(JSON.parse(t).body))
        const fitsAlone =
          sizes.every((n) => s.maxBytes === undefined || n <= s.maxBytes) &&
          tokens.every((n) => s.maxTokens === undefined || n <= s.maxTokens)
        const split = splitInput(path, limits, { tempDir, chunkBytes: s.chunkBytes })
        if (!fitsAlone) {
          await expect(split).rejects.toBeInstanceOf(SplitInputError)
          expect(await readdir(tempDir)).toEqual([])
          return
        }
        const parts = await split
        const files = await partBytes(parts)
        expect(Buffer.concat(files).equals(content)).toBe(true)
        let line = 1
        for (const [i, part] of parts.entries()) {
          expect(part.firstLine).toBe(line)
          const range = { from: line - 1, to: line - 1 + part.requests }
          const sum = (values: number[], to = range.to) =>
            values.slice(range.from, to).reduce((a, b) => a + b, 0)
          expect(part.bytes).toBe(sum(sizes))
          if (limits.maxTokens !== undefined) expect(part.estimatedTokens).toBe(sum(tokens))
          expect(within(part.requests, sum(sizes), sum(tokens), limits)).toBe(true)
          // Greedy: the next line would not have fitted.
          if (i < parts.length - 1)
            expect(
              within(part.requests + 1, sum(sizes, range.to + 1), sum(tokens, range.to + 1), limits)
            ).toBe(false)
          line += part.requests
        }
        expect(line).toBe(texts.length + 1)
        if (parts.length === 1) expect(parts[0]!.path).toBe(path)
      }),
      { numRuns: 60 }
    )
  })
})

function within(requests: number, bytes: number, tokens: number, limits: PartLimits): boolean {
  return (
    requests <= (limits.maxRequests ?? Infinity) &&
    bytes <= (limits.maxBytes ?? Infinity) &&
    tokens <= (limits.maxTokens ?? Infinity)
  )
}
