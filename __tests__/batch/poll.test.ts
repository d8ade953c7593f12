import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { APIConnectionError, APIError, AuthenticationError, RateLimitError } from 'openai'
import { parseBatch, type BatchInfo } from '../../src/batch/document.js'
import {
  JITTER,
  pollDelayMs,
  waitForBatch,
  PollError,
  type WaitDeps
} from '../../src/batch/poll.js'

const batch = (status: string): BatchInfo => parseBatch({ id: 'batch_1', status })
const opts = { initialMs: 5000, maxMs: 60000 }

function rateLimit(retryAfter: string): RateLimitError {
  return new RateLimitError(
    429,
    { message: 'slow down' },
    'slow down',
    new Headers({ 'retry-after': retryAfter })
  )
}

describe('pollDelayMs', () => {
  it('starts at poll-interval and doubles up to the cap', () => {
    const none = () => 0
    expect([0, 1, 2, 3, 4, 5, 6, 20].map((n) => pollDelayMs(n, opts, none))).toEqual([
      5000, 10000, 20000, 40000, 60000, 60000, 60000, 60000
    ])
  })

  it('keeps jitter within bounds and never above the cap', () => {
    for (let poll = 1; poll < 12; poll++) {
      const base = Math.min(60000, 5000 * 2 ** poll)
      expect(pollDelayMs(poll, opts, () => 0.999999)).toBeGreaterThanOrEqual(
        Math.floor(base * (1 - JITTER))
      )
      expect(pollDelayMs(poll, opts, () => 0)).toBe(base)
      for (let i = 0; i < 50; i++) {
        const delay = pollDelayMs(poll, opts)
        expect(delay).toBeLessThanOrEqual(60000)
        expect(delay).toBeGreaterThanOrEqual(base * (1 - JITTER) - 1)
      }
    }
  })

  it('spreads runners started together', () => {
    const delays = new Set(Array.from({ length: 20 }, () => pollDelayMs(6, opts)))
    expect(delays.size).toBeGreaterThan(5)
  })
})

describe('waitForBatch with fake timers', () => {
  beforeEach(() => {
    jest.useFakeTimers()
  })
  afterEach(() => {
    jest.useRealTimers()
  })

  function sequence(items: Array<BatchInfo | Error>): WaitDeps['retrieve'] & { calls: number[] } {
    const calls: number[] = []
    const fn = async () => {
      calls.push(Date.now())
      const next = items.shift()
      if (!next) throw new Error('no more answers')
      if (next instanceof Error) throw next
      return next
    }
    return Object.assign(fn, { calls })
  }

  it('polls with growing delays until terminal, restarted once the batch finalizes', async () => {
    const retrieve = sequence([
      batch('validating'),
      batch('IN_PROGRESS'),
      batch('finalizing'),
      batch('completed')
    ])
    const seen: string[] = []
    const start = Date.now()
    const done = waitForBatch(
      batch('validating'),
      { retrieve, random: () => 0, onBatch: (b) => seen.push(b.status) },
      { ...opts, timeoutMs: 3600_000, maxConsecutiveErrors: 3 }
    )
    await jest.advanceTimersByTimeAsync(200_000)
    const result = await done
    expect(result).toMatchObject({ timedOut: false, polls: 4 })
    expect(result.batch.status).toBe('completed')
    expect(seen).toEqual(['validating', 'in_progress', 'finalizing', 'completed'])
    // 5 s, then 10 and 20 s of backoff; finalizing restarts it at 5 s: the end is near.
    expect(retrieve.calls.map((t) => t - start)).toEqual([5000, 15000, 35000, 40000])
  })

  it('honours Retry-After on 429 and survives an outage', async () => {
    const retrieve = sequence([
      rateLimit('30'),
      new APIConnectionError({ message: 'reset' }),
      batch('completed')
    ])
    const errors: number[] = []
    const start = Date.now()
    const done = waitForBatch(
      batch('in_progress'),
      { retrieve, random: () => 0, onPollError: (_e, n) => errors.push(n) },
      { ...opts, timeoutMs: 3600_000, maxConsecutiveErrors: 3 }
    )
    await jest.advanceTimersByTimeAsync(200_000)
    await expect(done).resolves.toMatchObject({ timedOut: false })
    expect(errors).toEqual([1, 2])
    // first poll at 5s; 429 asks 30s (more than the 10s backoff); then 20s
    expect(retrieve.calls.map((t) => t - start)).toEqual([5000, 35000, 55000])
  })

  it('never lets Retry-After stretch a delay past max-poll-interval', async () => {
    const retrieve = sequence([rateLimit('3600'), batch('completed')])
    const logged: number[] = []
    const start = Date.now()
    const done = waitForBatch(
      batch('in_progress'),
      { retrieve, random: () => 0, onPollError: (_e, _n, delay) => logged.push(delay) },
      { initialMs: 1000, maxMs: 8000, timeoutMs: 3600_000, maxConsecutiveErrors: 3 }
    )
    await jest.advanceTimersByTimeAsync(20_000)
    await expect(done).resolves.toMatchObject({ timedOut: false })
    expect(logged).toEqual([8000])
    expect(retrieve.calls.map((t) => t - start)).toEqual([1000, 9000])
  })

  it('warns once per unknown status and keeps polling until the status is known', async () => {
    const retrieve = sequence([
      batch('weird'),
      batch('WEIRD'),
      batch('stranger'),
      batch('succeeded')
    ])
    const unknown: string[] = []
    const done = waitForBatch(
      batch('weird'),
      { retrieve, random: () => 0, onUnknownStatus: (status) => unknown.push(status) },
      { initialMs: 10, maxMs: 10, timeoutMs: 3600_000, maxConsecutiveErrors: 3 }
    )
    await jest.advanceTimersByTimeAsync(1000)
    const result = await done
    expect(unknown).toEqual(['weird', 'stranger'])
    expect(result).toMatchObject({ timedOut: false, polls: 4 })
    expect(result.batch.status).toBe('completed')
  })

  it('logs the delay it then sleeps, jitter included', async () => {
    const retrieve = sequence([
      new APIConnectionError({ message: 'reset' }),
      new APIConnectionError({ message: 'reset' }),
      batch('completed')
    ])
    const slept: number[] = []
    const logged: number[] = []
    let draw = 0
    const done = waitForBatch(
      batch('in_progress'),
      {
        retrieve,
        random: () => [0.9, 0.1, 0.5, 0.7][draw++ % 4] ?? 0,
        sleep: async (ms) => void slept.push(ms),
        onPollError: (_e, _n, delay) => logged.push(delay)
      },
      { ...opts, timeoutMs: 3600_000, maxConsecutiveErrors: 3 }
    )
    await jest.advanceTimersByTimeAsync(1000)
    await done
    expect(logged).toHaveLength(2)
    expect(slept.slice(1)).toEqual(logged)
  })

  it('fails after max-consecutive-errors polls fail in a row', async () => {
    const outage = Array.from(
      { length: 5 },
      () => new APIError(503, { message: 'down' }, 'down', new Headers())
    )
    const retrieve = sequence([...outage])
    const done = waitForBatch(
      batch('in_progress'),
      { retrieve, random: () => 0 },
      { ...opts, timeoutMs: 3600_000, maxConsecutiveErrors: 3 }
    )
    const check = expect(done).rejects.toBeInstanceOf(PollError)
    await jest.advanceTimersByTimeAsync(600_000)
    await check
    expect(retrieve.calls).toHaveLength(3)
  })

  it('stops at once on an error that will not go away', async () => {
    const retrieve = sequence([
      new AuthenticationError(401, { message: 'bad key' }, 'bad key', new Headers())
    ])
    const done = waitForBatch(
      batch('in_progress'),
      { retrieve },
      { ...opts, timeoutMs: 3600_000, maxConsecutiveErrors: 5 }
    )
    const check = expect(done).rejects.toBeInstanceOf(AuthenticationError)
    await jest.advanceTimersByTimeAsync(10_000)
    await check
  })

  it('times out at wait-timeout with a last poll at the deadline', async () => {
    const retrieve = sequence(Array.from({ length: 10 }, () => batch('in_progress')))
    const start = Date.now()
    const done = waitForBatch(
      batch('in_progress'),
      { retrieve, random: () => 0 },
      { ...opts, timeoutMs: 20_000, maxConsecutiveErrors: 3 }
    )
    await jest.advanceTimersByTimeAsync(60_000)
    await expect(done).resolves.toMatchObject({ timedOut: true, polls: 3 })
    expect(retrieve.calls.map((t) => t - start)).toEqual([5000, 15000, 20000])
  })

  it('returns at once for a terminal batch', async () => {
    const retrieve = sequence([])
    await expect(
      waitForBatch(
        batch('CANCELLED'),
        { retrieve },
        { ...opts, timeoutMs: 1000, maxConsecutiveErrors: 1 }
      )
    ).resolves.toMatchObject({ polls: 0 })
  })

  it('ends the wait when the signal aborts', async () => {
    const controller = new AbortController()
    const retrieve = sequence([batch('in_progress')])
    const done = waitForBatch(
      batch('in_progress'),
      { retrieve },
      { ...opts, timeoutMs: 3600_000, maxConsecutiveErrors: 3, signal: controller.signal }
    )
    const check = expect(done).rejects.toThrow()
    await jest.advanceTimersByTimeAsync(1000)
    controller.abort(new Error('SIGINT'))
    await check
    expect(retrieve.calls).toHaveLength(0)
  })
})
