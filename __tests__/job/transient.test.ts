import { describe, expect, it } from '@jest/globals'
import type { JoinedLine } from '../../src/job/joined-line.js'
import {
  DEFAULT_RETRY_ERRORS,
  isTransientFailure,
  transientCodes
} from '../../src/job/transient.js'

const failed = (error: JoinedLine['error']): JoinedLine => ({
  custom_id: 'r',
  status: 'error',
  error
})
const missing: JoinedLine = { custom_id: 'r', status: 'missing' }
const ok: JoinedLine = { custom_id: 'r', status: 'ok', response: { choices: [] } }
const DEFAULTS = transientCodes()

describe('DEFAULT_RETRY_ERRORS', () => {
  it('holds the documented codes, and 408', () => {
    expect(DEFAULT_RETRY_ERRORS).toEqual(
      expect.arrayContaining([
        '429',
        '500',
        '502',
        '503',
        '504',
        'rate_limit_exceeded',
        'server_error',
        'timeout',
        'batch_expired',
        'batch_cancelled',
        '408'
      ])
    )
    expect(DEFAULT_RETRY_ERRORS).not.toContain('400')
  })

  it('is what transientCodes gives for no list and for an empty one', () => {
    expect([...transientCodes()]).toEqual([...DEFAULT_RETRY_ERRORS])
    expect([...transientCodes([])]).toEqual([...DEFAULT_RETRY_ERRORS])
    expect([...transientCodes([' Rate_Limit_Exceeded ', '429'])]).toEqual([
      'rate_limit_exceeded',
      '429'
    ])
  })
})

describe('isTransientFailure', () => {
  it.each([
    [{ message: 'Rate limit reached', code: 'rate_limit_exceeded', status_code: 429 }],
    [{ message: 'HTTP 429', status_code: 429 }],
    [{ message: 'boom', code: 'server_error', status_code: 500 }],
    [{ message: 'bad gateway', status_code: 502 }],
    [{ message: 'unavailable', status_code: 503 }],
    [{ message: 'gateway timeout', status_code: 504 }],
    [{ message: 'request timeout', status_code: 408 }],
    [{ message: 'took too long', code: 'timeout' }],
    [{ message: 'This request could not be executed before the window', code: 'batch_expired' }],
    [{ message: 'cancelled before it ran', code: 'batch_cancelled' }]
  ])('retries %j by default', (error) => {
    expect(isTransientFailure(failed(error), DEFAULTS, 'completed')).toBe(true)
    // The list as the input gives it works the same.
    expect(isTransientFailure(failed(error), DEFAULT_RETRY_ERRORS, 'completed')).toBe(true)
  })

  it.each([
    [{ message: 'bad request', code: 'invalid_request_error', status_code: 400 }],
    [{ message: 'refused', code: 'content_policy_violation', status_code: 400 }],
    [{ message: 'no key', code: 'invalid_api_key', status_code: 401 }],
    [{ message: 'not here', code: 'model_not_found', status_code: 404 }],
    [{ message: 'not implemented', status_code: 501 }],
    [{ message: 'request failed' }]
  ] as [NonNullable<JoinedLine['error']>][])(
    'never retries %j unless its code is listed',
    (error) => {
      expect(isTransientFailure(failed(error), DEFAULTS, 'completed')).toBe(false)
      const listed = [error.code ?? String(error.status_code ?? 'none')]
      expect(isTransientFailure(failed(error), listed, 'completed')).toBe(
        error.code !== undefined || error.status_code !== undefined
      )
    }
  )

  it('takes the user list instead of the default, codes without case', () => {
    const only429 = transientCodes(['429'])
    expect(isTransientFailure(failed({ message: 'x', status_code: 429 }), only429, 'x')).toBe(true)
    expect(
      isTransientFailure(
        failed({ message: 'x', code: 'server_error', status_code: 500 }),
        only429,
        'x'
      )
    ).toBe(false)
    expect(
      isTransientFailure(
        failed({ message: 'x', code: 'rate_limit_exceeded' }),
        ['RATE_LIMIT_EXCEEDED'],
        'completed'
      )
    ).toBe(true)
  })

  it('retries a request missing from an expired or cancelled batch, in any spelling', () => {
    for (const status of ['expired', 'cancelled', 'canceled', 'CANCELLED', 'Expired'])
      expect(isTransientFailure(missing, DEFAULTS, status)).toBe(true)
    for (const status of ['completed', 'failed', 'in_progress', undefined])
      expect(isTransientFailure(missing, DEFAULTS, status)).toBe(false)
  })

  it('ties missing requests to batch_expired and batch_cancelled', () => {
    expect(isTransientFailure(missing, ['batch_expired'], 'expired')).toBe(true)
    expect(isTransientFailure(missing, ['batch_expired'], 'cancelled')).toBe(false)
    expect(isTransientFailure(missing, ['batch_cancelled'], 'cancelled')).toBe(true)
    expect(isTransientFailure(missing, ['429', '500'], 'expired')).toBe(false)
  })

  it('never retries a success, whatever the batch', () => {
    for (const status of ['completed', 'expired', 'cancelled'])
      expect(isTransientFailure(ok, DEFAULTS, status)).toBe(false)
  })
})
