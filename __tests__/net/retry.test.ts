import { describe, expect, it } from '@jest/globals'
import { APIConnectionError, APIError, RateLimitError } from 'openai'
import {
  DefaultRetry,
  isTransientApiError,
  retryAfterMs,
  retryDelayMs,
  withRetry
} from '../../src/net/retry.js'

function rateLimit(retryAfter: string): RateLimitError {
  return new RateLimitError(
    429,
    { message: 'slow down' },
    'slow down',
    new Headers({ 'retry-after': retryAfter })
  )
}

describe('retry', () => {
  it('classifies failures', () => {
    expect(isTransientApiError(new APIConnectionError({ message: 'x' }))).toBe(true)
    for (const status of [408, 409, 429, 500, 502, 503])
      expect(isTransientApiError(new APIError(status, {}, 'x', new Headers()))).toBe(true)
    for (const status of [400, 401, 403, 404, 422])
      expect(isTransientApiError(new APIError(status, {}, 'x', new Headers()))).toBe(false)
    expect(isTransientApiError(new Error('plain'))).toBe(false)
  })

  it('reads Retry-After in ms, seconds and as a date', () => {
    expect(
      retryAfterMs(new RateLimitError(429, {}, 'x', new Headers({ 'retry-after-ms': '1500' })))
    ).toBe(1500)
    expect(retryAfterMs(rateLimit('7'))).toBe(7000)
    const now = Date.parse('2026-01-01T00:00:00Z')
    expect(retryAfterMs(rateLimit('Thu, 01 Jan 2026 00:00:10 GMT'), now)).toBe(10000)
    expect(retryAfterMs(new Error('x'))).toBeUndefined()
  })

  it('backs off exponentially with equal jitter, capped: at least half the ceiling', () => {
    const e = new Error('x')
    expect(retryDelayMs(1, e, DefaultRetry, () => 1)).toBe(500)
    expect(retryDelayMs(3, e, DefaultRetry, () => 1)).toBe(2000)
    expect(retryDelayMs(10, e, DefaultRetry, () => 1)).toBe(8000)
    expect(retryDelayMs(10, e, DefaultRetry, () => 0)).toBe(4000)
    expect(retryDelayMs(1, rateLimit('600'), DefaultRetry)).toBe(60_000)
  })

  it('retries transient failures up to the attempts, then gives up', async () => {
    const waits: number[] = []
    let calls = 0
    const call = async () => {
      calls++
      throw new APIError(503, {}, 'down', new Headers())
    }
    await expect(
      withRetry(call, {
        policy: { ...DefaultRetry, attempts: 4 },
        sleep: async (ms) => void waits.push(ms),
        random: () => 1
      })
    ).rejects.toThrow('503')
    expect(calls).toBe(4)
    expect(waits).toEqual([500, 1000, 2000])
  })

  it('does not retry a final error', async () => {
    let calls = 0
    const call = async () => {
      calls++
      throw new APIError(400, {}, 'bad', new Headers())
    }
    await expect(
      withRetry(call, { policy: { ...DefaultRetry, attempts: 4 }, sleep: async () => {} })
    ).rejects.toThrow('400')
    expect(calls).toBe(1)
  })
})
