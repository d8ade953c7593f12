// The edges of the retry rules: which failures are worth another attempt, how a server's
// Retry-After is read, and what withRetry does around aborts and its hooks.
import { describe, expect, it } from '@jest/globals'
import { APIConnectionError, APIError, APIUserAbortError, RateLimitError } from 'openai'
import { AbortedError } from '../../src/net/abort.js'
import {
  DefaultRetry,
  isTransientApiError,
  isTransientTransferError,
  retryAfterMs,
  retryDelayMs,
  withRetry
} from '../../src/net/retry.js'
import { HttpStatusError } from '../../src/net/transfer-errors.js'

const apiError = (status: number | undefined, headers?: Record<string, string>) =>
  new APIError(status, {}, 'x', headers ? new Headers(headers) : undefined)

const codeError = (code: string) => Object.assign(new Error(code), { code })

describe('isTransientApiError', () => {
  it('does not retry a call the step aborted', () => {
    expect(isTransientApiError(new APIUserAbortError())).toBe(false)
  })

  it('retries an API error without a status, and every 5xx but no other 4xx', () => {
    expect(isTransientApiError(apiError(undefined))).toBe(true)
    expect(isTransientApiError(apiError(499))).toBe(false)
    expect(isTransientApiError(apiError(410))).toBe(false)
    expect(isTransientApiError(apiError(500))).toBe(true)
    expect(isTransientApiError(apiError(504))).toBe(true)
  })

  it('does not retry a value that is not an error of the SDK', () => {
    expect(isTransientApiError(Object.assign(new Error('x'), { status: 503 }))).toBe(false)
    expect(isTransientApiError('503')).toBe(false)
  })
})

describe('isTransientTransferError', () => {
  it('retries 408, 429 and 5xx, not other 4xx, for API and plain HTTP errors alike', () => {
    for (const make of [
      (s: number) => apiError(s),
      (s: number) => new HttpStatusError(s, 'status')
    ]) {
      expect(isTransientTransferError(make(408))).toBe(true)
      expect(isTransientTransferError(make(429))).toBe(true)
      expect(isTransientTransferError(make(500))).toBe(true)
      expect(isTransientTransferError(make(503))).toBe(true)
      expect(isTransientTransferError(make(400))).toBe(false)
      expect(isTransientTransferError(make(404))).toBe(false)
      expect(isTransientTransferError(make(409))).toBe(false)
      expect(isTransientTransferError(make(499))).toBe(false)
    }
  })

  it('retries an HTTP status below 400 that the download could not use', () => {
    expect(isTransientTransferError(new HttpStatusError(302, 'Found'))).toBe(true)
    expect(isTransientTransferError(new HttpStatusError(399, ''))).toBe(true)
  })

  it('retries a connection error of the SDK (it has no status)', () => {
    expect(isTransientTransferError(new APIConnectionError({ message: 'reset' }))).toBe(true)
  })

  it('retries a body cut off mid-stream, an error the SDK does not type', () => {
    expect(isTransientTransferError(new TypeError('terminated'))).toBe(true)
    expect(isTransientTransferError(codeError('ECONNRESET'))).toBe(true)
    expect(isTransientTransferError(Object.assign(new Error('x'), { code: 42 }))).toBe(true)
    expect(isTransientTransferError('something odd')).toBe(true)
  })

  it('reads a status only from an HTTP error, not from any object that carries one', () => {
    expect(isTransientTransferError(Object.assign(new Error('x'), { status: 404 }))).toBe(true)
  })

  it('does not retry an abort', () => {
    const abort = new Error('stop')
    abort.name = 'AbortError'
    expect(isTransientTransferError(abort)).toBe(false)
    const named = new Error('stop')
    named.name = 'APIUserAbortError'
    expect(isTransientTransferError(named)).toBe(false)
  })

  it('does not retry an error of the local disk', () => {
    for (const code of [
      'ENOSPC',
      'EDQUOT',
      'EACCES',
      'EPERM',
      'EROFS',
      'EISDIR',
      'ENOTDIR',
      'ENAMETOOLONG'
    ])
      expect(isTransientTransferError(codeError(code))).toBe(false)
  })
})

describe('retryAfterMs', () => {
  const now = Date.parse('2026-01-01T00:00:00Z')

  it('is undefined without headers or without a Retry-After', () => {
    expect(retryAfterMs(apiError(429))).toBeUndefined()
    expect(retryAfterMs(apiError(429, {}))).toBeUndefined()
    expect(retryAfterMs(apiError(429, { 'x-other': '5' }))).toBeUndefined()
  })

  it('falls back to retry-after when retry-after-ms is not a positive number', () => {
    expect(retryAfterMs(apiError(429, { 'retry-after-ms': '0', 'retry-after': '2' }))).toBe(2000)
    expect(retryAfterMs(apiError(429, { 'retry-after-ms': '-5', 'retry-after': '2' }))).toBe(2000)
    expect(retryAfterMs(apiError(429, { 'retry-after-ms': 'soon', 'retry-after': '3' }))).toBe(3000)
    expect(retryAfterMs(apiError(429, { 'retry-after-ms': 'soon' }))).toBeUndefined()
  })

  it('takes zero seconds as no wait, and fractions of a second', () => {
    expect(retryAfterMs(apiError(429, { 'retry-after': '0' }))).toBe(0)
    expect(retryAfterMs(apiError(429, { 'retry-after': '1.5' }))).toBe(1500)
  })

  it('reads a date relative to now, and a date already past as no wait', () => {
    const error = apiError(503, { 'retry-after': 'Thu, 01 Jan 2026 00:00:30 GMT' })
    expect(retryAfterMs(error, now)).toBe(30_000)
    expect(retryAfterMs(error, now + 60_000)).toBe(0)
  })

  it('measures a date from the clock when no time is given', () => {
    const inAMinute = new Date(Date.now() + 60_000).toUTCString()
    const ms = retryAfterMs(apiError(503, { 'retry-after': inAMinute }))!
    expect(ms).toBeGreaterThan(55_000)
    expect(ms).toBeLessThanOrEqual(60_000)
  })

  it('never asks for a negative wait', () => {
    expect(retryAfterMs(apiError(429, { 'retry-after': '-3' }), now)).toBe(0)
  })

  it('ignores a value that is neither seconds nor a date', () => {
    expect(retryAfterMs(apiError(429, { 'retry-after': 'later' }), now)).toBeUndefined()
  })
})

describe('retryDelayMs', () => {
  const e = new Error('x')

  it('honours a Retry-After below the cap as given', () => {
    const error = new RateLimitError(429, {}, 'x', new Headers({ 'retry-after': '3' }))
    expect(retryDelayMs(1, error, DefaultRetry, () => 0)).toBe(3000)
  })

  it('doubles the ceiling with each retry, and draws between its half and the whole', () => {
    expect(retryDelayMs(2, e, DefaultRetry, () => 0)).toBe(500)
    expect(retryDelayMs(2, e, DefaultRetry, () => 1)).toBe(1000)
    expect(retryDelayMs(2, e, DefaultRetry, () => 0.5)).toBe(750)
    expect(retryDelayMs(4, e, DefaultRetry, () => 1)).toBe(4000)
    expect(retryDelayMs(1, e, DefaultRetry, () => 0.333)).toBe(333)
  })

  it('draws from Math.random when no source is given', () => {
    for (let i = 0; i < 20; i++) {
      const delay = retryDelayMs(3, e, DefaultRetry)
      expect(delay).toBeGreaterThanOrEqual(1000)
      expect(delay).toBeLessThanOrEqual(2000)
    }
  })
})

describe('withRetry', () => {
  const policy = { ...DefaultRetry, attempts: 3 }
  const transient = () => apiError(503)

  it('returns the first success, passing each call its attempt number', async () => {
    const attempts: number[] = []
    const result = await withRetry(
      async (attempt) => {
        attempts.push(attempt)
        if (attempt < 3) throw transient()
        return 'done'
      },
      { policy, sleep: async () => {}, random: () => 1 }
    )
    expect(result).toBe('done')
    expect(attempts).toEqual([1, 2, 3])
  })

  it('tells onRetry each attempt, its error and the delay it is about to sleep', async () => {
    const seen: Array<[number, unknown, number]> = []
    const slept: number[] = []
    const errors = [transient(), transient()]
    let calls = 0
    await withRetry(
      async () => {
        if (calls < errors.length) throw errors[calls++]
        return 1
      },
      {
        policy,
        sleep: async (ms) => void slept.push(ms),
        random: () => 1,
        onRetry: (attempt, error, delay) => void seen.push([attempt, error, delay])
      }
    )
    expect(seen).toEqual([
      [1, errors[0], 500],
      [2, errors[1], 1000]
    ])
    expect(slept).toEqual([500, 1000])
  })

  it('uses the given delays and the given test of what is retryable', async () => {
    const slept: number[] = []
    let calls = 0
    const result = await withRetry(
      async () => {
        if (++calls < 3) throw new Error('flaky')
        return calls
      },
      {
        policy,
        sleep: async (ms) => void slept.push(ms),
        retryable: (error) => (error as Error).message === 'flaky',
        delayMs: (retry) => retry * 7
      }
    )
    expect(result).toBe(3)
    expect(slept).toEqual([7, 14])
    let others = 0
    await expect(
      withRetry(
        async () => {
          others++
          throw transient()
        },
        { policy, sleep: async () => {}, retryable: () => false }
      )
    ).rejects.toThrow('503')
    expect(others).toBe(1)
  })

  it('falls back to the policy when the given delay is undefined for a retry', async () => {
    const slept: number[] = []
    let calls = 0
    await withRetry(
      async () => {
        if (++calls < 2) throw transient()
        return 1
      },
      {
        policy,
        sleep: async (ms) => void slept.push(ms),
        random: () => 0,
        delayMs: () => undefined as unknown as number
      }
    )
    expect(slept).toEqual([250])
  })

  it('makes no call once aborted, and throws the signal’s reason', async () => {
    const controller = new AbortController()
    const reason = new Error('stopped by the user')
    controller.abort(reason)
    let calls = 0
    await expect(
      withRetry(
        async () => {
          calls++
          return 1
        },
        { policy, signal: controller.signal }
      )
    ).rejects.toBe(reason)
    expect(calls).toBe(0)
  })

  it('throws the abort, not the call’s error, when aborted during the call', async () => {
    const controller = new AbortController()
    await expect(
      withRetry(
        async () => {
          controller.abort()
          throw new Error('the call failed as it was cut off')
        },
        { policy, signal: controller.signal, sleep: async () => {} }
      )
    ).rejects.toBeInstanceOf(AbortedError)
  })

  it('throws the abort when aborted during the pause between attempts', async () => {
    const controller = new AbortController()
    let calls = 0
    await expect(
      withRetry(
        async () => {
          calls++
          throw transient()
        },
        {
          policy,
          signal: controller.signal,
          sleep: async () => {
            controller.abort()
            throw new Error('the pause was cut short')
          }
        }
      )
    ).rejects.toBeInstanceOf(AbortedError)
    expect(calls).toBe(1)
  })

  it('passes on a failure of the pause itself when nothing was aborted', async () => {
    const broken = new Error('no timer')
    await expect(
      withRetry(
        async () => {
          throw transient()
        },
        {
          policy,
          signal: new AbortController().signal,
          sleep: async () => {
            throw broken
          }
        }
      )
    ).rejects.toBe(broken)
  })

  it('sleeps for real when no sleep is given', async () => {
    let calls = 0
    const started = Date.now()
    await withRetry(
      async () => {
        if (++calls < 2) throw transient()
        return 1
      },
      { policy, delayMs: () => 30 }
    )
    expect(Date.now() - started).toBeGreaterThanOrEqual(25)
  })
})
