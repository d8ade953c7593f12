import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { cases } from '../../__fixtures__/mutation-run.js'
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { downloadToFile } from '../../src/net/download.js'
import { joinResults } from '../../src/results/join.js'
import { OutputPass } from '../../src/results/one-pass.js'
import { SOURCE_ERROR, SOURCE_OUTPUT } from '../../src/results/output-index.js'
import { feed, onePassJoin } from './one-pass-join.js'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'one-pass-test-'))
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const id = (i: number): string => `req-${String(i).padStart(5, '0')}`

/** An input of `count` requests and an output in `order`, with failures, odd spellings and repeats. */
interface Paths {
  input: string
  output: string
  errors: string
}

async function fixture(count: number, order: number[]): Promise<Paths> {
  const paths = {
    input: join(dir, 'input.jsonl'),
    output: join(dir, 'output.jsonl'),
    errors: join(dir, 'errors.jsonl')
  }
  const input = Array.from({ length: count }, (_, i) =>
    JSON.stringify({ custom_id: id(i), method: 'POST', url: '/v1/chat/completions', body: {} })
  )
  const answer = 'x'.repeat(400)
  const result = (i: number): string => {
    if (i % 17 === 0)
      return JSON.stringify({
        custom_id: id(i),
        response: { status_code: 429, body: { error: { message: 'slow down', code: 'rate' } } }
      })
    const body = {
      choices: [{ message: { content: `${answer} ${i}` } }],
      usage: { total_tokens: i }
    }
    // Some lines spelled in ways the layout walk leaves to the general search.
    if (i % 11 === 0)
      return `{"custom_id": "${id(i)}", "response": {"body": ${JSON.stringify(body)}}}`
    if (i % 13 === 0) return JSON.stringify({ custom_id: id(i), response: { body: { n: 1.5e3 } } })
    return JSON.stringify({ id: `b${i}`, custom_id: id(i), response: { status_code: 200, body } })
  }
  const output = order.map(result)
  // A success after a failure replaces it; a repeated success does not.
  output.push(
    JSON.stringify({ custom_id: id(17), response: { status_code: 200, body: { ok: 1 } } })
  )
  output.push(result(1))
  output.push('not json')
  const errors = [
    JSON.stringify({ custom_id: id(34), error: { code: 'e', message: 'failed again' } }),
    JSON.stringify({ custom_id: id(count - 1), error: { message: 'only here' } })
  ]
  await writeFile(paths.input, input.join('\n') + '\n')
  await writeFile(paths.output, output.join('\r\n'))
  await writeFile(paths.errors, errors.join('\n') + '\n')
  return paths
}

/** The order of a provider that answers out of order: a fixed shuffle, a few left out. */
function shuffled(count: number): number[] {
  const order = Array.from({ length: count }, (_, i) => i).filter((i) => i % 50 !== 7)
  let seed = 3
  for (let i = order.length - 1; i > 0; i--) {
    seed = (seed * 48271) % 2147483647
    const j = seed % (i + 1)
    ;[order[i], order[j]] = [order[j] as number, order[i] as number]
  }
  return order
}

/**
 * What joinResults writes for the same files. The text is the file's bytes as latin1 (one character
 * per byte, so the comparison is byte for byte): toEqual on a Buffer of a megabyte compares it
 * element by element and took 9 s of a 10 s test.
 */
async function expected(paths: Paths): Promise<{ text: string; result: unknown }> {
  const destPath = join(dir, 'expected.jsonl')
  const result = await joinResults({
    inputPath: paths.input,
    outputPath: paths.output,
    errorPath: paths.errors,
    destPath
  })
  const text = await readFile(destPath, 'latin1')
  await rm(destPath)
  return { text, result: { ...result, path: undefined } }
}

describe('OutputPass', () => {
  it.each([
    ['in input order', 16 << 20],
    ['shuffled, with a budget of a few lines', 4096],
    ['shuffled, nothing held', 0]
  ])('writes the same bytes and counts as joinResults: %s', async (name, heldBytes) => {
    const count = cases(3000, 600)
    const order = name.startsWith('in input order')
      ? Array.from({ length: count }, (_, i) => i)
      : shuffled(count)
    const paths = await fixture(count, order)
    const want = await expected(paths)
    const destPath = join(dir, 'results.jsonl')
    const options = { inputPath: paths.input, outputPath: paths.output, errorPath: paths.errors }
    const result = await onePassJoin({ ...options, destPath }, heldBytes)
    expect(await readFile(destPath, 'latin1')).toBe(want.text)
    expect({ ...result, path: undefined }).toEqual(want.result)
  })

  it('writes results.jsonl while the output downloads, when it comes in input order', async () => {
    const count = 3000
    const paths = await fixture(
      count,
      Array.from({ length: count }, (_, i) => i)
    )
    const pass = new OutputPass({ inputPath: paths.input, destPath: join(dir, 'results.jsonl') })
    const observer = pass.observer(SOURCE_OUTPUT)()
    observer.bytes(await readFile(paths.output))
    // Time for the writer, which waits for the end of the downloads only for the requests still to
    // come (none here), and for the rename.
    for (let i = 0; i < 50; i++) await new Promise((resolve) => setTimeout(resolve, 5))
    const parts = (await readdir(dir)).filter((name) => name.startsWith('results.jsonl.part'))
    expect(parts).toHaveLength(1)
    expect((await stat(join(dir, parts[0] as string))).size).toBeGreaterThan(1 << 20)
    expect((await readdir(dir)).includes('results.jsonl')).toBe(false)
    observer.end()
    await feed(pass, SOURCE_ERROR, paths.errors)
    await pass.finish({ outputPath: paths.output, errorPath: paths.errors })
    expect(await readFile(join(dir, 'results.jsonl'), 'latin1')).toBe((await expected(paths)).text)
  })

  it('starts again when a download is retried, and leaves nothing when abandoned', async () => {
    const paths = await fixture(500, shuffled(500))
    const want = await expected(paths)
    const destPath = join(dir, 'results.jsonl')
    const pass = new OutputPass({ inputPath: paths.input, destPath })
    // An attempt cut off half-way, then a full one; the same for the error file.
    await feed(pass, SOURCE_OUTPUT, paths.output, 60_000)
    await feed(pass, SOURCE_OUTPUT, paths.output)
    await feed(pass, SOURCE_ERROR, paths.errors, 10)
    await feed(pass, SOURCE_ERROR, paths.errors)
    const result = await pass.finish({ outputPath: paths.output, errorPath: paths.errors })
    expect(await readFile(destPath, 'latin1')).toBe(want.text)
    expect({ ...result, path: undefined }).toEqual(want.result)
    expect((await readdir(dir)).filter((name) => name.includes('.part'))).toEqual([])

    const abandoned = new OutputPass({ inputPath: paths.input, destPath: join(dir, 'other.jsonl') })
    await feed(abandoned, SOURCE_OUTPUT, paths.output, 30_000)
    await abandoned.abandon()
    expect((await readdir(dir)).sort()).toEqual([
      'errors.jsonl',
      'input.jsonl',
      'output.jsonl',
      'results.jsonl'
    ])
    // The error file is downloaded after the output file, never before.
    const backwards = new OutputPass({ inputPath: paths.input, destPath: join(dir, 'b.jsonl') })
    backwards.observer(SOURCE_ERROR)()
    expect(() => backwards.observer(SOURCE_OUTPUT)()).toThrow(/before the error file/)
    await backwards.abandon()
  })

  it('stops on the abort signal, writing nothing', async () => {
    const paths = await fixture(500, shuffled(500))
    const controller = new AbortController()
    const pass = new OutputPass({
      inputPath: paths.input,
      destPath: join(dir, 'results.jsonl'),
      signal: controller.signal
    })
    await feed(pass, SOURCE_OUTPUT, paths.output, 30_000)
    controller.abort(new Error('cancelled by the runner'))
    await expect(pass.finish({ outputPath: paths.output })).rejects.toThrow(/cancelled/)
    expect((await readdir(dir)).filter((name) => name.startsWith('results'))).toEqual([])
  })

  it('indexes a real download as it passes, through a cut-off first attempt', async () => {
    const paths = await fixture(1000, shuffled(1000))
    const want = await expected(paths)
    const content = await readFile(paths.output)
    let hits = 0
    const server = createServer((req, res) => {
      hits++
      res.writeHead(200, { 'content-length': String(content.length) })
      if (hits === 1) res.write(content.subarray(0, 300_000), () => res.socket?.destroy())
      else res.end(content)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/content`
      const destPath = join(dir, 'results.jsonl')
      const downloaded = join(dir, 'downloaded.jsonl')
      const pass = new OutputPass({ inputPath: paths.input, destPath })
      await downloadToFile(() => fetch(url), downloaded, {
        attempts: 3,
        sleep: async () => undefined,
        observe: pass.observer(SOURCE_OUTPUT)
      })
      await feed(pass, SOURCE_ERROR, paths.errors)
      const result = await pass.finish({ outputPath: downloaded, errorPath: paths.errors })
      expect(hits).toBe(2)
      expect(await readFile(destPath, 'latin1')).toBe(want.text)
      expect({ ...result, path: undefined }).toEqual(want.result)
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  })
})
