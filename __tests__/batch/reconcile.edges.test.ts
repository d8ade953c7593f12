// The edges of reconciliation: which batch is this step's, which earlier one is reused, how far
// back a re-run looks, and how settle paces its lists against the local Batch API (its clock and
// pauses injected, so the window passes at once).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createBatchApi, type BatchApi } from '../../src/batch/client.js'
import type { BatchInfo } from '../../src/batch/document.js'
import { createExactlyOnce } from '../../src/batch/create-once.js'
import {
  belongingOf,
  byAge,
  decideReuse,
  RERUN_MARGIN_S,
  rerunCutoff,
  settle,
  type StepMark
} from '../../src/batch/reconcile.js'
import { AbortedError } from '../../src/net/abort.js'
import { APIUserAbortError } from 'openai'
import { startMockBatchApi, type MockBatchApi } from '../../tools/mock-batch-api/server.mjs'

const KEY = 'reconcile-edges-key-3b9d'
let server: MockBatchApi
let api: BatchApi
const messages: string[] = []
const log = {
  debug: () => undefined,
  info: (text: string) => void messages.push(`info: ${text}`),
  warning: (text: string) => void messages.push(`warning: ${text}`)
}

beforeAll(async () => {
  server = await startMockBatchApi({ apiKey: KEY })
  api = createBatchApi(
    { baseUrl: server.url, apiKey: KEY, maxAttempts: 2, requestTimeoutMs: 1000 },
    log
  )
})
afterAll(() => server.close())

const batch = (id: string, status: string, created: number | undefined, metadata = {}) =>
  ({ id, status, created_at: created, metadata }) as unknown as BatchInfo

let counter = 0
function freshMark(): StepMark {
  counter++
  return { key: `edge-key-${counter}-${Date.now()}`, fileSha256: `sha-${counter}` }
}

/** A clock that the injected pauses move forward, and the pauses taken. */
function fakeTime() {
  let now = 1_000_000
  const pauses: number[] = []
  return {
    pauses,
    now: () => now,
    sleep: async (ms: number) => {
      pauses.push(ms)
      now += ms
    }
  }
}

describe('belongingOf', () => {
  const mark = { key: 'k', fileSha256: 's' }

  it('calls a batch without metadata someone else’s', () => {
    expect(belongingOf(batch('b', 'completed', 1, undefined), mark)).toBe('other')
    expect(belongingOf({ ...batch('b', 'completed', 1), metadata: null } as BatchInfo, mark)).toBe(
      'other'
    )
  })

  it('takes a batch with the key and no file hash as this step’s', () => {
    expect(belongingOf(batch('b', 'completed', 1, { batch_action_key: 'k' }), mark)).toBe('ours')
  })

  it('compares input files only when both sides name one', () => {
    const own = { batch_action_key: 'k', input_sha256: 's' }
    const withFile = { ...batch('b', 'completed', 1, own), input_file_id: 'file-2' } as BatchInfo
    expect(belongingOf(withFile, mark)).toBe('ours')
    expect(belongingOf(batch('b', 'completed', 1, own), { ...mark, inputFileId: 'file-1' })).toBe(
      'ours'
    )
    expect(belongingOf(withFile, { ...mark, inputFileId: 'file-2' })).toBe('ours')
  })
})

describe('decideReuse and byAge', () => {
  it('collects the newest of several completed batches', () => {
    const earlier = decideReuse([
      batch('old', 'completed', 1),
      batch('failed', 'failed', 2),
      batch('new', 'completed', 3)
    ])
    expect(earlier).toEqual({ kind: 'collect', batch: expect.objectContaining({ id: 'new' }) })
  })

  it('creates anew after the last batch that ended otherwise', () => {
    expect(decideReuse([batch('a', 'failed', 1), batch('b', 'expired', 2)])).toEqual({
      kind: 'create',
      ended: expect.objectContaining({ id: 'b' })
    })
  })

  it('sorts by creation time, a batch without one first', () => {
    const sorted = [
      batch('c', 'completed', 30),
      batch('x', 'completed', undefined),
      batch('a', 'completed', 10)
    ].sort(byAge)
    expect(sorted.map((b) => b.id)).toEqual(['x', 'a', 'c'])
  })
})

describe('rerunCutoff', () => {
  it('goes back the completion window plus the margin, in seconds', () => {
    const now = 1_700_000_000_500
    expect(rerunCutoff(now, 24 * 3_600_000)).toBe(1_700_000_000 - 24 * 3600 - RERUN_MARGIN_S)
    expect(RERUN_MARGIN_S).toBe(3600)
  })
})

describe('settle', () => {
  it('lists again with pauses that double, until the window is over', async () => {
    const time = fakeTime()
    const settled = await settle(api, freshMark(), log, {
      since: 0,
      windowMs: 5000,
      sleep: time.sleep,
      now: time.now
    })
    expect(settled).toEqual({ own: [], unknown: false, lastError: undefined })
    expect(time.pauses).toEqual([500, 1000, 2000, 1500])
  })

  it('returns this step’s batch at once when it is listed', async () => {
    const mark = freshMark()
    server.seedBatches({
      count: 1,
      status: 'in_progress',
      metadata: () => ({ batch_action_key: mark.key, input_sha256: mark.fileSha256 })
    })
    const time = fakeTime()
    const settled = await settle(api, mark, log, {
      since: 0,
      windowMs: 5000,
      sleep: time.sleep,
      now: time.now
    })
    expect(settled.unknown).toBe(false)
    expect(settled.own).toHaveLength(1)
    expect(time.pauses).toEqual([])
  })

  it('is unknown when every list fails, and keeps the last error', async () => {
    server.addFault({ op: 'list', fault: 'status', status: 503, times: 100 })
    try {
      const time = fakeTime()
      const settled = await settle(api, freshMark(), log, {
        since: 0,
        windowMs: 2000,
        sleep: time.sleep,
        now: time.now
      })
      expect(settled.own).toEqual([])
      expect(settled.unknown).toBe(true)
      expect((settled.lastError as { status?: number }).status).toBe(503)
      expect(time.pauses).toEqual([500, 1000, 500])
    } finally {
      server.clearFaults()
    }
  })

  it('is not unknown when one list answered, even if others failed', async () => {
    server.addFault({ op: 'list', fault: 'status', status: 503, times: 1 })
    try {
      const time = fakeTime()
      const settled = await settle(api, freshMark(), log, {
        since: 0,
        windowMs: 1000,
        sleep: time.sleep,
        now: time.now
      })
      expect(settled.unknown).toBe(false)
    } finally {
      server.clearFaults()
    }
  })

  it('pauses as long as a 429 asks, within the window', async () => {
    server.addFault({ op: 'list', fault: 'status', status: 429, retryAfter: 3, times: 1 })
    server.addFault({ op: 'list', fault: 'status', status: 429, retryAfter: 60, times: 1 })
    try {
      const time = fakeTime()
      await settle(api, freshMark(), log, {
        since: 0,
        windowMs: 10_000,
        sleep: time.sleep,
        now: time.now
      })
      expect(time.pauses).toEqual([3000, 7000])
    } finally {
      server.clearFaults()
    }
  })

  it('passes an abort on at once', async () => {
    const controller = new AbortController()
    controller.abort()
    const time = fakeTime()
    await expect(
      settle(api, freshMark(), log, {
        since: 0,
        windowMs: 5000,
        signal: controller.signal,
        sleep: time.sleep,
        now: time.now
      })
    ).rejects.toBeInstanceOf(APIUserAbortError)
    expect(time.pauses).toEqual([])
  })
})

describe('createExactlyOnce, failures that are final', () => {
  const params = (mark: StepMark) => ({
    inputFileId: 'file-missing',
    endpoint: '/v1/chat/completions',
    completionWindow: '24h',
    metadata: { batch_action_key: mark.key }
  })

  it('throws a refusal at once, without looking for the batch', async () => {
    const mark = freshMark()
    server.addFault({ op: 'create', fault: 'status', status: 400 })
    const from = server.log.length
    try {
      await expect(
        createExactlyOnce(api, params(mark), {
          mark,
          maxAttempts: 3,
          settleWindowMs: 5000,
          log
        })
      ).rejects.toMatchObject({ status: 400 })
      expect(server.log.slice(from).map((entry) => entry.op)).toEqual(['create'])
    } finally {
      server.clearFaults()
    }
  })

  it('gives up after the last rate-limited attempt, with no list', async () => {
    const mark = freshMark()
    server.addFault({ op: 'create', fault: 'status', status: 429, retryAfter: 0, times: 5 })
    const from = server.log.length
    const slept: number[] = []
    try {
      await expect(
        createExactlyOnce(api, params(mark), {
          mark,
          maxAttempts: 2,
          settleWindowMs: 5000,
          log,
          sleep: async (ms) => void slept.push(ms)
        })
      ).rejects.toMatchObject({ status: 429 })
      expect(server.log.slice(from).map((entry) => entry.op)).toEqual(['create', 'create'])
      expect(slept).toEqual([0])
      expect(messages).toContainEqual(
        expect.stringMatching(
          /^info: Create batch failed \(attempt 1 of 2: .*\); retrying in 0\.0s$/
        )
      )
    } finally {
      server.clearFaults()
    }
  })

  it('after an ambiguous failure and an empty window, sends it again; the last failure is thrown', async () => {
    const mark = freshMark()
    server.addFault({ op: 'create', fault: 'status', status: 503, times: 2 })
    const time = fakeTime()
    const from = server.log.length
    try {
      await expect(
        createExactlyOnce(api, params(mark), {
          mark,
          maxAttempts: 2,
          settleWindowMs: 1000,
          log,
          sleep: time.sleep,
          now: time.now
        })
      ).rejects.toMatchObject({ status: 503 })
      const ops = server.log.slice(from).map((entry) => entry.op)
      expect(ops.filter((op) => op === 'create')).toHaveLength(2)
      expect(ops[1]).toBe('list')
      expect(messages).toContainEqual(
        expect.stringMatching(/it may have been carried out, so looking for it by key for up to 1s/)
      )
    } finally {
      server.clearFaults()
    }
  })

  it('passes on an abort of the create, and sends nothing', async () => {
    const controller = new AbortController()
    controller.abort(new AbortedError())
    const mark = freshMark()
    const from = server.log.length
    await expect(
      createExactlyOnce(api, params(mark), {
        mark,
        maxAttempts: 3,
        settleWindowMs: 1000,
        log,
        signal: controller.signal
      })
    ).rejects.toBeInstanceOf(APIUserAbortError)
    expect(server.log.slice(from)).toEqual([])
  })
})
