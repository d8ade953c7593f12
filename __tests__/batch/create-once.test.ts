// Creating at most once, against the local Batch API: the sweep that keeps one batch of a step's key
// (the oldest, or the one named) and cancels the others, what it leaves alone, what it says when a
// list or a cancel fails, and what an ambiguous create returns once a late duplicate has appeared.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { createBatchApi, type BatchApi } from '../../src/batch/client.js'
import { createExactlyOnce, sweepDuplicates, UnsettledCreate } from '../../src/batch/create-once.js'
import type { StepMark } from '../../src/batch/reconcile.js'
import { startMockBatchApi, type MockBatchApi } from '../../tools/mock-batch-api/server.mjs'
import { createReadStream } from 'node:fs'
import { mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import OpenAI from 'openai'

const KEY = 'create-once-key-5e2a'
let server: MockBatchApi
let api: BatchApi
let inputFileId: string
let messages: string[] = []
const log = {
  debug: () => undefined,
  info: (text: string) => void messages.push(`info: ${text}`),
  warning: (text: string) => void messages.push(`warning: ${text}`)
}

beforeAll(async () => {
  // Cancelling lasts long enough for a sweep to list a batch still in it.
  server = await startMockBatchApi({
    apiKey: KEY,
    timings: { validatingMs: 20, inProgressMs: 60_000, finalizingMs: 20, cancellingMs: 20_000 }
  })
  api = createBatchApi(
    { baseUrl: server.url, apiKey: KEY, maxAttempts: 2, requestTimeoutMs: 2000 },
    log
  )
  const dir = await mkdtemp(path.join(os.tmpdir(), 'create-once-'))
  const file = path.join(dir, 'requests.jsonl')
  await writeFile(
    file,
    `${JSON.stringify({
      custom_id: 'r1',
      method: 'POST',
      url: '/v1/chat/completions',
      body: { model: 'm', messages: [{ role: 'user', content: 'hi' }] }
    })}\n`
  )
  const sdk = new OpenAI({ apiKey: KEY, baseURL: server.url, maxRetries: 0 })
  inputFileId = (await sdk.files.create({ file: createReadStream(file), purpose: 'batch' })).id
})
afterAll(() => server.close())
beforeEach(() => {
  messages = []
  server.clearFaults()
})

let counter = 0
function freshMark(): StepMark {
  counter++
  return { key: `once-${counter}-${Date.now()}`, fileSha256: `sha-${counter}` }
}
const paramsFor = (mark: StepMark) => ({
  inputFileId,
  endpoint: '/v1/chat/completions',
  completionWindow: '24h',
  metadata: { batch_action_key: mark.key, input_sha256: mark.fileSha256 }
})
const statusOf = (id: string) => server.batch(id)?.status
const sinceNow = () => Math.floor(Date.now() / 1000) - 300
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
/** Two batches with the mark's key, a second apart (creation times are in seconds). */
async function twoBatches(mark: StepMark) {
  const older = await api.createOnce(paramsFor(mark))
  await pause(1100)
  const newer = await api.createOnce(paramsFor(mark))
  return { older, newer }
}

describe('sweepDuplicates', () => {
  it('finds nothing to keep when no batch carries the key, and cancels nothing', async () => {
    const other = await api.createOnce(paramsFor(freshMark()))
    const kept = await sweepDuplicates(api, freshMark(), sinceNow(), log, { keep: 'oldest' })
    expect(kept).toBeUndefined()
    expect(statusOf(other.id)).not.toMatch(/^cancel/)
    expect(messages).toEqual([])
  })

  it('keeps the batch it is told to keep, even the newer one, and cancels the other', async () => {
    const mark = freshMark()
    const { older, newer } = await twoBatches(mark)
    const kept = await sweepDuplicates(api, mark, sinceNow(), log, { keep: newer.id })
    expect(kept?.id).toBe(newer.id)
    expect(statusOf(older.id)).toMatch(/^cancel/)
    expect(statusOf(newer.id)).not.toMatch(/^cancel/)
    expect(messages).toEqual([
      expect.stringMatching(
        new RegExp(
          `^warning: Batch ${older.id} duplicates this step's batch ${newer.id} .*cancelled it`
        )
      )
    ])
  }, 15_000)

  it('leaves alone a duplicate already cancelling or ended', async () => {
    const mark = freshMark()
    const { older, newer } = await twoBatches(mark)
    await api.cancel(newer.id)
    expect(statusOf(newer.id)).toBe('cancelling')
    const kept = await sweepDuplicates(api, mark, sinceNow(), log, { keep: 'oldest' })
    expect(kept?.id).toBe(older.id)
    expect(messages).toEqual([])
    const cancels = server.log.filter((entry) => entry.op === 'cancel')
    expect(cancels.filter((entry) => JSON.stringify(entry).includes(newer.id))).toHaveLength(1)
  }, 15_000)

  it('says how to find the duplicates itself when the list fails, and keeps none', async () => {
    const mark = freshMark()
    await api.createOnce(paramsFor(mark))
    server.addFault({ op: 'list', fault: 'status', status: 503, times: 100 })
    const kept = await sweepDuplicates(api, mark, sinceNow(), log, { keep: 'oldest' })
    expect(kept).toBeUndefined()
    expect(messages.filter((m) => m.startsWith('warning:'))).toEqual([
      expect.stringMatching(
        new RegExp(
          `^warning: Could not list batches to check for a duplicate of this step's batch \\(.+\\); look for metadata batch_action_key=${mark.key} with command: list$`
        )
      )
    ])
  }, 15_000)

  it('says how to cancel a duplicate by hand when its cancel fails', async () => {
    const mark = freshMark()
    const { older, newer } = await twoBatches(mark)
    server.addFault({ op: 'cancel', fault: 'status', status: 500, times: 100 })
    const kept = await sweepDuplicates(api, mark, sinceNow(), log, { keep: 'oldest' })
    expect(kept?.id).toBe(older.id)
    expect(statusOf(newer.id)).not.toMatch(/^cancel/)
    expect(messages.filter((m) => m.startsWith('warning:'))).toEqual([
      expect.stringMatching(
        new RegExp(
          `^warning: Batch ${newer.id} duplicates this step's batch ${older.id}, and cancelling it failed \\(.+\\); cancel it with command: cancel, batch-id: ${newer.id}$`
        )
      )
    ])
  }, 15_000)
})

describe('createExactlyOnce', () => {
  it('after an ambiguous create, keeps the late duplicate that is older and cancels its own', async () => {
    const mark = freshMark()
    // The first create is answered 504 and commits 200 ms later, after the (instant) settle
    // window; the second is held 1.5 s, so that the sweep after it lists both.
    server.addFault({
      op: 'create',
      fault: 'late-commit',
      commitAfterMs: 200,
      answer: 'status',
      status: 504
    })
    server.addFault({ op: 'create', fault: 'delay', delayMs: 1500 })
    let now = Date.now()
    const created = await createExactlyOnce(api, paramsFor(mark), {
      mark,
      maxAttempts: 3,
      settleWindowMs: 1000,
      log,
      now: () => now,
      sleep: async (ms: number) => {
        now += ms
      }
    })
    const withKey = server.batches({ metadata: { batch_action_key: mark.key } })
    expect(withKey).toHaveLength(2)
    const second = withKey.find((b) => b.id !== created.batch.id)!
    expect(created).toMatchObject({ adopted: true, ambiguous: true })
    expect(statusOf(created.batch.id)).not.toMatch(/^cancel/)
    expect(statusOf(second.id)).toMatch(/^cancel/)
    expect(second.created_at).toBeGreaterThan(created.batch.created_at as number)
  }, 20_000)

  it('says how long it waits after a rate limit', async () => {
    server.addFault({ op: 'create', fault: 'status', status: 429, retryAfter: 1 })
    const mark = freshMark()
    const created = await createExactlyOnce(api, paramsFor(mark), {
      mark,
      maxAttempts: 3,
      settleWindowMs: 1000,
      log,
      sleep: async () => undefined
    })
    expect(created.ambiguous).toBe(false)
    expect(messages).toContainEqual(
      expect.stringMatching(/^info: Create batch failed \(attempt 1 of 3: .*\); retrying in 1\.0s$/)
    )
  })
})

describe('UnsettledCreate', () => {
  it('names itself and says what is not known', () => {
    const error = new UnsettledCreate('k', new Error('create'), new Error('list'))
    expect(error.name).toBe('UnsettledCreate')
    expect(error.message).toBe('Could not tell whether the batch was created')
    expect(error).toBeInstanceOf(Error)
  })
})
