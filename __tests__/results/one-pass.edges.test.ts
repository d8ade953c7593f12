// The one pass's writer between the download's reads: it goes on as bytes arrive, and stops when the
// pass is abandoned wherever it is waiting.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { OutputPass } from '../../src/results/one-pass.js'
import { SOURCE_ERROR, SOURCE_OUTPUT } from '../../src/results/output-index.js'
import { openFds } from '../../__fixtures__/fds.js'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'one-pass-edges-test-'))
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const id = (i: number): string => `req-${String(i).padStart(4, '0')}`
const resultLine = (i: number): string =>
  JSON.stringify({ custom_id: id(i), response: { status_code: 200, body: { n: i } } }) + '\n'
const errorLine = (i: number): string =>
  JSON.stringify({ custom_id: id(i), response: null, error: { code: 'e', message: 'm' } }) + '\n'
const results = (from: number, to: number): Buffer =>
  Buffer.from(Array.from({ length: to - from }, (_, k) => resultLine(from + k)).join(''))

async function inputOf(count: number): Promise<string> {
  const path = join(dir, 'input.jsonl')
  const lines = Array.from({ length: count }, (_, i) => JSON.stringify({ custom_id: id(i) }) + '\n')
  await writeFile(path, lines.join(''))
  return path
}

/** Lets the writer run: a few turns of the event loop, file operations included. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 2))
}

/** How many requests the writer has written (each marks its entry used). */
const written = (pass: OutputPass): number =>
  Array.from(pass.index.used.subarray(0, pass.index.size)).filter((flag) => flag === 1).length

/** abandon(), which must return soon: a writer left waiting would keep it forever. */
async function abandonSoon(pass: OutputPass): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('abandon() did not return within 5 s')), 5000)
  })
  try {
    await Promise.race([pass.abandon(), late])
  } finally {
    clearTimeout(timer)
  }
}

describe('OutputPass while the output downloads', () => {
  it('writes each request as soon as its line has arrived, not only at the end', async () => {
    const pass = new OutputPass({
      inputPath: await inputOf(300),
      destPath: join(dir, 'results.jsonl')
    })
    const observer = pass.observer(SOURCE_OUTPUT)()
    observer.bytes(results(0, 100))
    await settle()
    expect(written(pass)).toBe(100)
    // The writer waited for request 100; these bytes wake it, and it waits again at 200.
    observer.bytes(results(100, 200))
    await settle()
    expect(written(pass)).toBe(200)
    observer.bytes(results(200, 300))
    observer.end()
    const result = await pass.finish({})
    expect([result.total, result.ok, result.missing]).toEqual([300, 300, 0])
  })

  it('stops a writer waiting for a request still to come when abandoned, and leaves no file', async () => {
    const pass = new OutputPass({
      inputPath: await inputOf(50),
      destPath: join(dir, 'results.jsonl')
    })
    pass.observer(SOURCE_OUTPUT)().bytes(results(0, 20))
    await settle()
    expect(written(pass)).toBe(20)
    await abandonSoon(pass)
    expect(await readdir(dir)).toEqual(['input.jsonl'])
  })

  it('stops a writer waiting for the downloads to complete when abandoned', async () => {
    const pass = new OutputPass({
      inputPath: await inputOf(30),
      destPath: join(dir, 'results.jsonl')
    })
    // Every request's line is in: the writer has gone through the input and waits for the end.
    pass.observer(SOURCE_OUTPUT)().bytes(results(0, 30))
    await settle()
    await abandonSoon(pass)
    expect(await readdir(dir)).toEqual(['input.jsonl'])
  })

  it('stops a writer without an input file, which waits for the end to sort, when abandoned', async () => {
    const pass = new OutputPass({ destPath: join(dir, 'results.jsonl') })
    pass.observer(SOURCE_OUTPUT)().bytes(results(0, 10))
    await settle()
    expect(written(pass)).toBe(0)
    await abandonSoon(pass)
    expect(await readdir(dir)).toEqual([])
  })
})

describe('OutputPass, the lines it holds in memory', () => {
  it('drops the lines of an attempt of the output that is started again, the first one included', async () => {
    const pass = new OutputPass({
      inputPath: await inputOf(100),
      destPath: join(dir, 'results.jsonl')
    })
    // Requests 50 to 99 arrive first: held, since the writer waits for request 0.
    pass.observer(SOURCE_OUTPUT)().bytes(results(50, 100))
    await settle()
    expect([written(pass), pass.heldLines]).toEqual([0, 50])
    const again = pass.observer(SOURCE_OUTPUT)()
    expect(pass.heldLines).toBe(0)
    again.bytes(results(0, 100))
    again.end()
    const result = await pass.finish({})
    expect([result.total, result.ok]).toEqual([100, 100])
  })

  it("keeps the output's lines when the error file is downloaded again", async () => {
    const pass = new OutputPass({
      inputPath: await inputOf(30),
      destPath: join(dir, 'results.jsonl')
    })
    const output = pass.observer(SOURCE_OUTPUT)()
    output.bytes(results(10, 30))
    output.end()
    await settle()
    expect(pass.heldLines).toBe(20)
    // Requests 5 and 6 failed; the writer still waits for request 0, so they are held too.
    pass
      .observer(SOURCE_ERROR)()
      .bytes(Buffer.from(errorLine(5) + errorLine(6)))
    await settle()
    expect([written(pass), pass.heldLines]).toEqual([0, 22])
    // The new attempt drops the two lines of the one before, and nothing of the output.
    const errors = pass.observer(SOURCE_ERROR)()
    expect(pass.heldLines).toBe(20)
    errors.bytes(Buffer.from(Array.from({ length: 10 }, (_, i) => errorLine(i)).join('')))
    errors.end()
    const result = await pass.finish({})
    expect([result.total, result.ok, result.error, result.missing]).toEqual([30, 20, 10, 0])
  })

  it('holds nothing once finished, a line of no request included, or abandoned', async () => {
    const finished = new OutputPass({
      inputPath: await inputOf(5),
      destPath: join(dir, 'results.jsonl')
    })
    const observer = finished.observer(SOURCE_OUTPUT)()
    // req-0099 is no request of the input: its line is held, and never written.
    observer.bytes(Buffer.concat([results(0, 5), Buffer.from(resultLine(99))]))
    observer.end()
    await settle()
    expect(finished.heldLines).toBeGreaterThanOrEqual(1)
    await finished.finish({})
    expect(finished.heldLines).toBe(0)

    const abandoned = new OutputPass({
      inputPath: await inputOf(5),
      destPath: join(dir, 'abandoned.jsonl')
    })
    abandoned.observer(SOURCE_OUTPUT)().bytes(results(1, 5))
    await settle()
    expect(abandoned.heldLines).toBe(4)
    await abandonSoon(abandoned)
    expect(abandoned.heldLines).toBe(0)
  })
})

describe('OutputPass, what it gives at the end', () => {
  it('warns of nothing when every line is fine and there is no error file', async () => {
    const pass = new OutputPass({
      inputPath: await inputOf(3),
      destPath: join(dir, 'results.jsonl')
    })
    const output = pass.observer(SOURCE_OUTPUT)()
    output.bytes(results(0, 3))
    output.end()
    const result = await pass.finish({})
    expect([result.ok, result.malformed, result.warnings]).toEqual([3, 0, []])
  })

  it('counts the lines it could not read in both files, and closes both files', async () => {
    const outputBytes = Buffer.concat([results(0, 2), Buffer.from('not json\n')])
    const errorBytes = Buffer.from(errorLine(2) + '{"broken"\n')
    const outputPath = join(dir, 'output.jsonl')
    const errorPath = join(dir, 'errors.jsonl')
    await writeFile(outputPath, outputBytes)
    await writeFile(errorPath, errorBytes)
    const before = openFds()
    const pass = new OutputPass({
      inputPath: await inputOf(3),
      destPath: join(dir, 'results.jsonl')
    })
    const output = pass.observer(SOURCE_OUTPUT)()
    output.bytes(outputBytes)
    output.end()
    const errors = pass.observer(SOURCE_ERROR)()
    errors.bytes(errorBytes)
    errors.end()
    const result = await pass.finish({ outputPath, errorPath })
    expect([result.ok, result.error, result.malformed]).toEqual([2, 1, 2])
    expect(openFds()).toBe(before)
  })
})
