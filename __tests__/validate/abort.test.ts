// Validation stops soon after the step's abort signal fires, whatever the file's size.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { providerFor } from '../../src/batch/providers.js'
import { AbortedError } from '../../src/net/abort.js'
import { validateRequestsFile } from '../../src/validate/file.js'
import { cases } from '../../__fixtures__/mutation-run.js'

let dir: string
let file: string
const LINES = cases(150_000)

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'validate-abort-'))
  file = join(dir, 'requests.jsonl')
  const stream = createWriteStream(file)
  for (let i = 0; i < LINES; i += 1000) {
    const block: string[] = []
    for (let j = i; j < i + 1000; j++) {
      block.push(
        JSON.stringify({
          custom_id: `r-${j}`,
          method: 'POST',
          url: '/v1/chat/completions',
          body: { model: 'm', messages: [{ role: 'user', content: `question ${j}` }] }
        }) + '\n'
      )
    }
    if (!stream.write(block.join(''))) await once(stream, 'drain')
  }
  stream.end()
  await once(stream, 'finish')
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const options = (signal?: AbortSignal) => ({
  endpoint: '/v1/chat/completions',
  provider: providerFor('http://127.0.0.1:1/v1'),
  signal
})

describe('validateRequestsFile and the abort signal', () => {
  it('stops between chunks, long before the end of a large file', async () => {
    const started = Date.now()
    const full = await validateRequestsFile(file, options())
    const fullMs = Date.now() - started
    expect(full.requests).toBe(LINES)

    const controller = new AbortController()
    const abortAfter = Math.max(20, Math.round(fullMs / 4))
    const timer = setTimeout(() => controller.abort(new AbortedError()), abortAfter)
    const aborted = Date.now()
    await expect(validateRequestsFile(file, options(controller.signal))).rejects.toBeInstanceOf(
      AbortedError
    )
    clearTimeout(timer)
    const tookMs = Date.now() - aborted
    expect(tookMs).toBeLessThan(abortAfter + 1000)
    expect(tookMs).toBeLessThan(fullMs)
  }, 60_000)
})
