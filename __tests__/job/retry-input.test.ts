import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ids, joinedPart, OK, requestLine, type Outcome } from '../../__fixtures__/job-results.js'
import { AbortedError } from '../../src/net/abort.js'
import { writeRetryInput } from '../../src/job/retry-input.js'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'retry-input-test-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const OUTCOMES: Record<string, Outcome> = {
  'a-1': { status: 429 },
  'a-2': { status: 400, message: 'bad request' },
  'a-3': { status: 500 },
  'a-4': { status: 400, code: 'content_policy_violation', message: 'refused' },
  'b-0': 'batch_expired',
  'b-2': 'missing',
  'b-3': { status: 503, code: null }
}
const outcomeOf = (id: string): Outcome => OUTCOMES[id] ?? OK

/** The lines of a file, without their line breaks. */
async function linesOf(path: string): Promise<string[]> {
  const text = await readFile(path, 'utf8')
  expect(text.endsWith('\n')).toBe(true)
  return text.slice(0, -1).split('\n')
}

describe('writeRetryInput', () => {
  it('writes the transient failures of every part, in input order, with their bytes', async () => {
    // Lines as a user writes them: spaces, member order, non-ASCII text, an escaped id.
    const aIds = ['a-0', 'a-1', 'a-2', 'a-3', 'a-4']
    const aLines = aIds.map((id, i) =>
      i === 1
        ? `{ "custom_id" : "a-1",  "method":"POST","url":"/v1/chat/completions","body":{"model":"m","messages":[{"role":"user","content":"grüße 😀"}]} }`
        : i === 3
          ? `{"method":"POST","custom_id":"a\\u002d3","url":"/v1/chat/completions","body":{"model":"m"}}`
          : requestLine(id)
    )
    const a = await joinedPart(join(dir, 'a'), aIds, outcomeOf, { inputLines: aLines })
    const bIds = ids('b-', 5)
    const b = await joinedPart(join(dir, 'b'), bIds, outcomeOf)
    const dest = join(dir, 'retry', 'round-1.jsonl')
    const retry = await writeRetryInput(
      [
        { ...a, batchStatus: 'completed' },
        { ...b, batchStatus: 'expired' }
      ],
      undefined,
      dest
    )
    const expected = [
      aLines[1],
      aLines[3],
      requestLine('b-0'),
      requestLine('b-2'),
      requestLine('b-3')
    ]
    const bytes = Buffer.from(expected.map((line) => `${line}\n`).join(''))
    expect(await readFile(dest)).toEqual(bytes)
    expect(retry).toEqual({
      path: dest,
      requests: 5,
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex')
    })
  })

  it('retries nothing missing from a completed or failed batch', async () => {
    const part = await joinedPart(dir, ['x', 'y'], (id) => (id === 'x' ? 'missing' : OK))
    const dest = join(dir, 'retry.jsonl')
    for (const batchStatus of ['completed', 'failed'])
      expect(await writeRetryInput([{ ...part, batchStatus }], undefined, dest)).toBeUndefined()
    const retry = await writeRetryInput([{ ...part, batchStatus: 'cancelled' }], undefined, dest)
    expect(retry?.requests).toBe(1)
    expect(await linesOf(dest)).toEqual([requestLine('x')])
  })

  it('gives undefined and writes no file when nothing failed for a passing reason', async () => {
    const part = await joinedPart(join(dir, 'p'), ['a-0', 'a-2', 'a-4'], outcomeOf)
    const dest = join(dir, 'out', 'retry.jsonl')
    expect(await writeRetryInput([{ ...part, batchStatus: 'completed' }], undefined, dest)).toBe(
      undefined
    )
    expect(await readdir(join(dir, 'out'))).toEqual([])
  })

  it('takes the codes the user listed instead of the default', async () => {
    const part = await joinedPart(join(dir, 'p'), ids('a-', 5), outcomeOf)
    const dest = join(dir, 'retry.jsonl')
    await writeRetryInput([{ ...part, batchStatus: 'completed' }], ['400'], dest)
    expect(await linesOf(dest)).toEqual([requestLine('a-2'), requestLine('a-4')])
    await writeRetryInput(
      [{ ...part, batchStatus: 'completed' }],
      ['content_policy_violation'],
      dest
    )
    expect(await linesOf(dest)).toEqual([requestLine('a-4')])
  })

  it('streams a part larger than its write buffer, and hashes what it wrote', async () => {
    const many = ids('r-', 6000)
    const text = 'x'.repeat(400)
    const lines = many.map((id) => requestLine(id, text))
    const part = await joinedPart(
      dir,
      many,
      (id) => (Number(id.slice(2)) % 2 ? { status: 502 } : OK),
      {
        inputLines: lines
      }
    )
    const dest = join(dir, 'retry.jsonl')
    const retry = await writeRetryInput([{ ...part, batchStatus: 'completed' }], undefined, dest)
    const written = await readFile(dest)
    expect(written.length).toBeGreaterThan(1 << 20)
    expect(written.toString()).toBe(
      lines
        .filter((_, i) => i % 2)
        .map((l) => `${l}\n`)
        .join('')
    )
    expect(retry?.requests).toBe(3000)
    expect(retry?.sha256).toBe(createHash('sha256').update(written).digest('hex'))
  })

  it('writes a request larger than its write buffer whole, between smaller ones', async () => {
    const requests = ['r-0', 'r-1', 'r-2', 'r-3']
    // r-1 fills the 1 MiB buffer after r-0 but for its own line break; r-2 is larger than it.
    const small = requestLine('r-0', 's')
    const base = requestLine('r-1', '')
    const filler = requestLine('r-1', 'f'.repeat((1 << 20) - (small.length + 1) - base.length))
    const huge = requestLine('r-2', 'h'.repeat(1_500_000))
    const lines = [small, filler, huge, requestLine('r-3', 'last')]
    const part = await joinedPart(dir, requests, () => ({ status: 503 }), { inputLines: lines })
    const dest = join(dir, 'retry.jsonl')
    const retry = await writeRetryInput([{ ...part, batchStatus: 'completed' }], undefined, dest)
    const written = await readFile(dest)
    expect(written.toString()).toBe(lines.map((line) => `${line}\n`).join(''))
    expect(retry?.requests).toBe(4)
    expect(retry?.bytes).toBe(written.length)
    expect(retry?.sha256).toBe(createHash('sha256').update(written).digest('hex'))
  })

  describe('fails, writing nothing, when a results file is not its input line for line', () => {
    async function expectRefused(resultsText: (results: string) => string, message: RegExp) {
      const part = await joinedPart(join(dir, 'p'), ids('a-', 5), outcomeOf)
      const results = await readFile(part.resultsPath, 'utf8')
      await writeFile(part.resultsPath, resultsText(results))
      const dest = join(dir, 'out', 'retry.jsonl')
      await expect(
        writeRetryInput([{ ...part, batchStatus: 'completed' }], undefined, dest)
      ).rejects.toThrow(message)
      expect(await readdir(join(dir, 'out')).catch(() => [])).toEqual([])
    }
    const lines = (text: string) => text.slice(0, -1).split('\n')

    it('another request at a line', () =>
      expectRefused(
        (text) => text.replace('"custom_id":"a-3"', '"custom_id":"z-9"'),
        /results\.jsonl line 4 is the result of custom_id "z-9", but line 4 of .*input\.jsonl is the request "a-3": the results do not belong to this input/
      ))

    it('lines in another order', () =>
      expectRefused((text) => {
        const [l0, l1, ...rest] = lines(text)
        return [l1, l0, ...rest].join('\n') + '\n'
      }, /line 1 is the result of custom_id "a-1", but line 1 .* is the request "a-0"/))

    it('fewer results than requests', () =>
      expectRefused(
        (text) => lines(text).slice(0, 3).join('\n') + '\n',
        /ends after 3 results, but line 4 of .*input\.jsonl is another request \("a-3"\)/
      ))

    it('more results than requests', () =>
      expectRefused(
        (text) => text + '{"custom_id":"a-9","status":"missing"}\n',
        /line 6 is a result beyond the 5 requests of/
      ))

    it('a custom_id of over 100 characters, cut to 99 and an ellipsis in the message', () => {
      const long = 'z'.repeat(150)
      return expectRefused(
        (text) => text.replace('"custom_id":"a-3"', `"custom_id":"${long}"`),
        new RegExp(`custom_id "${'z'.repeat(99)}…", but line 4`)
      )
    })

    it("a results line that is not JSON, with the parser's reason as its cause", async () => {
      const part = await joinedPart(join(dir, 'p'), ids('a-', 2), outcomeOf)
      await writeFile(part.resultsPath, 'nope\n{"custom_id":"a-1","status":"ok"}\n')
      const error = await writeRetryInput(
        [{ ...part, batchStatus: 'completed' }],
        undefined,
        join(dir, 'retry.jsonl')
      ).catch((e: unknown) => e)
      expect((error as Error).message).toMatch(
        /results\.jsonl line 1: not a line of results\.jsonl/
      )
      expect(((error as Error).cause as Error).message).toMatch(/^not a line of results\.jsonl/)
    })

    it('a line that is not a result', () =>
      expectRefused(
        (text) => text.replace('"status":"error"', '"state":"error"'),
        /line 2: not a line of results\.jsonl/
      ))
  })

  it('stops when the step is aborted, and leaves no file', async () => {
    const part = await joinedPart(dir, ids('r-', 2000), () => ({ status: 500 }))
    const controller = new AbortController()
    controller.abort(new AbortedError('The step was cancelled (SIGINT)'))
    const dest = join(dir, 'out', 'retry.jsonl')
    await expect(
      writeRetryInput([{ ...part, batchStatus: 'completed' }], undefined, dest, {
        signal: controller.signal
      })
    ).rejects.toThrow('The step was cancelled (SIGINT)')
    expect(await readdir(join(dir, 'out'))).toEqual([])
  })
})
