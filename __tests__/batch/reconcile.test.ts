// Reconciliation against the local Batch API: paging a busy account, a create that commits late
// (within and beyond the settle window), lists that fail after an ambiguous create.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createBatchApi, type BatchApi } from '../../src/batch/client.js'
import type { BatchInfo } from '../../src/batch/document.js'
import { createExactlyOnce, sweepDuplicates, UnsettledCreate } from '../../src/batch/create-once.js'
import {
  belongingOf,
  decideReuse,
  findOwnBatches,
  lookupEarlierAttempt,
  settleWindowMs,
  type StepMark
} from '../../src/batch/reconcile.js'
import { startMockBatchApi, type MockBatchApi } from '../../tools/mock-batch-api/server.mjs'
import { createReadStream } from 'node:fs'
import { mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import OpenAI from 'openai'

const KEY = 'reconcile-key-7f1c'
let server: MockBatchApi
let api: BatchApi
let inputFileId: string
const messages: string[] = []
const log = {
  debug: () => undefined,
  info: (text: string) => void messages.push(`info: ${text}`),
  warning: (text: string) => void messages.push(`warning: ${text}`)
}

beforeAll(async () => {
  server = await startMockBatchApi({
    apiKey: KEY,
    timings: { validatingMs: 20, inProgressMs: 4000, finalizingMs: 20, cancellingMs: 50 }
  })
  api = createBatchApi(
    { baseUrl: server.url, apiKey: KEY, maxAttempts: 3, requestTimeoutMs: 1000 },
    log
  )
  const dir = await mkdtemp(path.join(os.tmpdir(), 'reconcile-'))
  const file = path.join(dir, 'requests.jsonl')
  const line = (i: number) =>
    JSON.stringify({
      custom_id: `r${i}`,
      method: 'POST',
      url: '/v1/chat/completions',
      body: { model: 'm', messages: [{ role: 'user', content: 'hi' }] }
    })
  await writeFile(file, `${line(1)}\n${line(2)}\n`)
  const sdk = new OpenAI({ apiKey: KEY, baseURL: server.url, maxRetries: 0 })
  inputFileId = (await sdk.files.create({ file: createReadStream(file), purpose: 'batch' })).id
})
afterAll(() => server.close())

let counter = 0
function freshMark(): StepMark {
  counter++
  return { key: `key-${counter}-${Date.now()}`, fileSha256: `sha-${counter}` }
}
const paramsFor = (mark: StepMark) => ({
  inputFileId,
  endpoint: '/v1/chat/completions',
  completionWindow: '24h',
  metadata: { batch_action_key: mark.key, input_sha256: mark.fileSha256 }
})
const withKey = (mark: StepMark) => server.batches({ metadata: { batch_action_key: mark.key } })
const sinceNow = () => Math.floor(Date.now() / 1000) - 300
const creates = () => server.log.filter((entry) => entry.op === 'create').length

describe('settleWindowMs', () => {
  it('is three request timeouts, between 5 s and 30 s', () => {
    expect(settleWindowMs(1000)).toBe(5000)
    expect(settleWindowMs(4000)).toBe(12000)
    expect(settleWindowMs(120_000)).toBe(30_000)
  })
})

describe('belongingOf and decideReuse', () => {
  const mark = { key: 'k', fileSha256: 's', inputFileId: 'file-1' }
  const batch = (
    status: string,
    created: number,
    metadata = { batch_action_key: 'k', input_sha256: 's' }
  ) => ({ id: `b-${status}-${created}`, status, created_at: created, metadata }) as BatchInfo
  it('tells this step’s batch from another’s and from one with the key but another input', () => {
    expect(belongingOf(batch('in_progress', 1), mark)).toBe('ours')
    expect(
      belongingOf(batch('in_progress', 1, { batch_action_key: 'x', input_sha256: 's' }), mark)
    ).toBe('other')
    expect(
      belongingOf(batch('in_progress', 1, { batch_action_key: 'k', input_sha256: 'z' }), mark)
    ).toBe('mismatch')
    expect(belongingOf({ ...batch('in_progress', 1), input_file_id: 'file-2' }, mark)).toBe(
      'mismatch'
    )
  })
  it('adopts a running batch, else collects a completed one, else creates', () => {
    expect(decideReuse([batch('failed', 1), batch('in_progress', 2)])).toMatchObject({
      kind: 'adopt',
      batch: { created_at: 2 }
    })
    expect(decideReuse([batch('completed', 1), batch('cancelled', 2)])).toMatchObject({
      kind: 'collect',
      batch: { created_at: 1 }
    })
    for (const status of ['failed', 'expired', 'cancelled'])
      expect(decideReuse([batch(status, 1)])).toMatchObject({ kind: 'create', ended: { status } })
    expect(decideReuse([])).toEqual({ kind: 'create', ended: undefined })
  })
})

describe('listSince', () => {
  it('pages past 250 newer foreign batches to find this step’s, and stops at the cutoff', async () => {
    const mark = freshMark()
    const own = await api.createOnce(paramsFor(mark))
    server.seedBatches({ count: 250, metadata: (i: number) => ({ other_job: String(i) }) })
    const listsBefore = server.log.filter((entry) => entry.op === 'list').length
    const found = await findOwnBatches(api, mark, sinceNow(), log)
    expect(found.map((b) => b.id)).toEqual([own.id])
    const lists = server.log.filter((entry) => entry.op === 'list').length - listsBefore
    expect(lists).toBeGreaterThanOrEqual(3)

    // Batches older than the cutoff are not paged through.
    server.seedBatches({ count: 5, newestAtMs: Date.now() - 3 * 3600_000 })
    const before = server.log.filter((entry) => entry.op === 'list').length
    const recent = await api.listSince(Math.floor(Date.now() / 1000) + 3600)
    expect(recent).toEqual([])
    expect(server.log.filter((entry) => entry.op === 'list').length - before).toBe(1)
  })
})

describe('findOwnBatches and lookupEarlierAttempt', () => {
  it('returns this step’s batches oldest first, and warns only of one with its key but another input', async () => {
    const mark = freshMark()
    const older = await api.createOnce(paramsFor(mark))
    await new Promise((resolve) => setTimeout(resolve, 1100))
    const newer = await api.createOnce(paramsFor(mark))
    await api.createOnce(paramsFor(freshMark()))
    const mismatch = await api.createOnce({
      ...paramsFor(mark),
      metadata: { batch_action_key: mark.key, input_sha256: 'another-file' }
    })
    const from = messages.length
    const found = await findOwnBatches(api, mark, sinceNow(), log)
    expect(found.map((b) => b.id)).toEqual([older.id, newer.id])
    expect(messages.slice(from)).toEqual([
      `warning: Batch ${mismatch.id} carries this step's key but not its input (input_sha256 or input_file_id differs); it is not this step's and is left alone`
    ])
  })

  it('adopts the running batch an earlier attempt left', async () => {
    const mark = freshMark()
    const earlier = await api.createOnce(paramsFor(mark))
    const found = await lookupEarlierAttempt(api, mark, sinceNow(), log)
    expect(found).toMatchObject({ kind: 'adopt', batch: { id: earlier.id } })
    expect(await lookupEarlierAttempt(api, freshMark(), sinceNow(), log)).toEqual({
      kind: 'create',
      ended: undefined
    })
  })

  it('lists again after a failed list, and says what it was doing', async () => {
    server.addFault({ op: 'list', fault: 'status', status: 503, times: 1 })
    const mark = freshMark()
    const earlier = await api.createOnce(paramsFor(mark))
    const from = messages.length
    const found = await lookupEarlierAttempt(api, mark, sinceNow(), log)
    expect(found).toMatchObject({ kind: 'adopt', batch: { id: earlier.id } })
    expect(messages.slice(from)).toEqual([
      expect.stringMatching(/^info: Looking for this step's batch failed \(attempt 1 of 3: /)
    ])
  }, 30_000)
})

describe('createExactlyOnce', () => {
  const options = (mark: StepMark) => ({ mark, maxAttempts: 3, settleWindowMs: 5000, log })

  it('a create answered 504 that commits within the settle window is adopted, not sent again', async () => {
    const mark = freshMark()
    server.addFault({
      op: 'create',
      fault: 'late-commit',
      commitAfterMs: 2000,
      answer: 'status',
      status: 504
    })
    const before = creates()
    const created = await createExactlyOnce(api, paramsFor(mark), options(mark))
    expect(created).toMatchObject({ adopted: true, ambiguous: true })
    expect(creates() - before).toBe(1)
    expect(withKey(mark).map((b) => b.id)).toEqual([created.batch.id])
  })

  it('a 429 is a refusal: the create waits as asked and is sent again, with no list between', async () => {
    const mark = freshMark()
    server.addFault({ op: 'create', fault: 'status', status: 429, retryAfter: 1 })
    const from = server.log.length
    const created = await createExactlyOnce(api, paramsFor(mark), options(mark))
    expect(created).toMatchObject({ adopted: false, ambiguous: false })
    const ops = server.log.slice(from).map((entry) => entry.op)
    expect(ops).toEqual(['create', 'create'])
    const [first, second] = server.log.slice(from)
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(990)
    expect(withKey(mark)).toHaveLength(1)
  })

  it('a create that stalls past request-timeout and commits later is adopted', async () => {
    const mark = freshMark()
    server.addFault({ op: 'create', fault: 'late-commit', commitAfterMs: 1500, answer: 'stall' })
    const created = await createExactlyOnce(api, paramsFor(mark), options(mark))
    expect(created.adopted).toBe(true)
    expect(withKey(mark)).toHaveLength(1)
  })

  it('a create that commits beyond the window: sent again, and the late one is cancelled by the sweep', async () => {
    const mark = freshMark()
    server.addFault({
      op: 'create',
      fault: 'late-commit',
      commitAfterMs: 7000,
      answer: 'status',
      status: 504
    })
    const created = await createExactlyOnce(api, paramsFor(mark), options(mark))
    expect(created).toMatchObject({ adopted: false, ambiguous: true })
    await new Promise((resolve) => setTimeout(resolve, 2500))
    expect(withKey(mark)).toHaveLength(2)
    const kept = await sweepDuplicates(api, mark, created.since, log, { keep: created.batch.id })
    expect(kept?.id).toBe(created.batch.id)
    const after = withKey(mark)
    const live = after.filter((b) => !['cancelling', 'cancelled'].includes(b.status))
    expect(live.map((b) => b.id)).toEqual([created.batch.id])
    expect(messages).toContainEqual(
      expect.stringMatching(/duplicates this step's batch .*cancelled it/)
    )
  }, 30_000)

  it('two batches with the key after a create: the oldest is kept, the other cancelled at once', async () => {
    const mark = freshMark()
    const first = await api.createOnce(paramsFor(mark))
    await new Promise((resolve) => setTimeout(resolve, 1100))
    await api.createOnce(paramsFor(mark))
    const kept = await sweepDuplicates(api, mark, sinceNow(), log, { keep: 'oldest' })
    expect(kept?.id).toBe(first.id)
    expect(withKey(mark).filter((b) => b.status.startsWith('cancel'))).toHaveLength(1)
  })

  it('a dropped create whose lists fail too: UnsettledCreate with the key, and the batch is on the server', async () => {
    const mark = freshMark()
    server.addFault({ op: 'create', fault: 'drop-after' })
    server.addFault({ op: 'list', fault: 'status', status: 503, times: 100 })
    try {
      const error = await createExactlyOnce(api, paramsFor(mark), options(mark)).catch(
        (e: unknown) => e
      )
      expect(error).toBeInstanceOf(UnsettledCreate)
      expect((error as UnsettledCreate).key).toBe(mark.key)
      expect(withKey(mark)).toHaveLength(1)
      expect(creates()).toBeGreaterThan(0)
    } finally {
      server.clearFaults()
    }
  }, 20_000)
})
