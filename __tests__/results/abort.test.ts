// The join stops soon after the step's abort signal fires, and leaves no results.jsonl behind.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { cases } from '../../__fixtures__/mutation-run.js'
import { createWriteStream } from 'node:fs'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { once } from 'node:events'
import { AbortedError } from '../../src/net/abort.js'
import { joinResults } from '../../src/results/join.js'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'join-abort-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** `count` input lines and as many output lines, written in blocks. */
async function writeLarge(count: number): Promise<{ input: string; output: string }> {
  const input = join(dir, 'requests.jsonl')
  const output = join(dir, 'output.jsonl')
  const write = async (file: string, line: (i: number) => string) => {
    const stream = createWriteStream(file)
    for (let i = 0; i < count; i += 1000) {
      const block: string[] = []
      for (let j = i; j < Math.min(count, i + 1000); j++) block.push(line(j))
      if (!stream.write(block.join(''))) await once(stream, 'drain')
    }
    stream.end()
    await once(stream, 'finish')
  }
  await write(
    input,
    (i) =>
      JSON.stringify({
        custom_id: `r-${i}`,
        method: 'POST',
        url: '/v1/chat/completions',
        body: { model: 'm', messages: [{ role: 'user', content: `q ${i}` }] }
      }) + '\n'
  )
  await write(
    output,
    (i) =>
      JSON.stringify({
        id: `o-${i}`,
        custom_id: `r-${i}`,
        response: { status_code: 200, body: { answer: `a ${i}`, usage: { total_tokens: 3 } } },
        error: null
      }) + '\n'
  )
  return { input, output }
}

describe('joinResults and the abort signal', () => {
  it('does not start when the signal has fired', async () => {
    const { input, output } = await writeLarge(10)
    const controller = new AbortController()
    controller.abort(new AbortedError('The step was cancelled (SIGINT)'))
    const destPath = join(dir, 'results.jsonl')
    await expect(
      joinResults({ inputPath: input, outputPath: output, destPath, signal: controller.signal })
    ).rejects.toThrow('The step was cancelled (SIGINT)')
    expect((await readdir(dir)).sort()).toEqual(['output.jsonl', 'requests.jsonl'])
  })

  it('stops within a fraction of its run when aborted midway, writing nothing', async () => {
    const { input, output } = await writeLarge(cases(100_000, 10_000))
    const destPath = join(dir, 'results.jsonl')
    const started = Date.now()
    await joinResults({ inputPath: input, outputPath: output, destPath: join(dir, 'full.jsonl') })
    const fullMs = Date.now() - started
    await rm(join(dir, 'full.jsonl'))

    const controller = new AbortController()
    const abortAfter = Math.max(20, Math.round(fullMs / 4))
    const timer = setTimeout(() => controller.abort(new AbortedError()), abortAfter)
    const aborted = Date.now()
    await expect(
      joinResults({ inputPath: input, outputPath: output, destPath, signal: controller.signal })
    ).rejects.toBeInstanceOf(AbortedError)
    clearTimeout(timer)
    const tookMs = Date.now() - aborted
    expect(tookMs).toBeLessThan(abortAfter + 1000)
    expect(tookMs).toBeLessThan(fullMs)
    // Neither results.jsonl nor its temporary file is left.
    expect((await readdir(dir)).sort()).toEqual(['output.jsonl', 'requests.jsonl'])
  }, 60_000)
})
