// refusedForTokens: a batch the provider failed only for the account's enqueued-token limit.
import { describe, expect, it } from '@jest/globals'
import type { BatchInfo } from '../../src/batch/document.js'
import { refusedForTokens } from '../../src/job/token-limit.js'

const batch = (status: string, errors?: unknown): BatchInfo =>
  ({ id: 'b', status, ...(errors === undefined ? {} : { errors }) }) as BatchInfo

describe('refusedForTokens', () => {
  it('is only a failed batch: a batch of another status with the same errors is not refused', () => {
    const data = [{ code: 'token_limit_exceeded', message: 'm' }]
    expect(refusedForTokens(batch('failed', { data }))).toBe(true)
    expect(refusedForTokens(batch('completed', { data }))).toBe(false)
  })

  it('is not a failed batch without errors, with no data, or with an error that is null', () => {
    expect(refusedForTokens(batch('failed'))).toBe(false)
    expect(refusedForTokens(batch('failed', {}))).toBe(false)
    expect(refusedForTokens(batch('failed', { data: [null] }))).toBe(false)
    expect(
      refusedForTokens(batch('failed', { data: [{ code: 'enqueued_token_limit_exceeded' }, {}] }))
    ).toBe(false)
  })
})
