import { describe, expect, it } from '@jest/globals'
import { APIConnectionError, AuthenticationError, PermissionDeniedError, APIError } from 'openai'
import { describeApiError } from '../../src/lib/errors.js'
import { redact } from '../../src/lib/redact.js'

describe('errors', () => {
  const context = { baseUrl: 'https://api.example.com/v1', keySource: 'NEBIUS_API_KEY' as const }
  it('names the key source, never the key', () => {
    const error = new AuthenticationError(
      401,
      { message: 'Incorrect API key provided: sk-abcd1234' },
      undefined,
      new Headers()
    )
    const text = redact(describeApiError(error, context), ['sk-abcd1234'])
    expect(text).toContain('NEBIUS_API_KEY')
    expect(text).toContain('HTTP 401')
    expect(text).not.toContain('sk-abcd1234')
    expect(
      describeApiError(new PermissionDeniedError(403, {}, 'no', new Headers()), {
        ...context,
        keySource: 'input'
      })
    ).toContain('the api-key input')
  })
  it('describes connection problems and other statuses', () => {
    expect(
      describeApiError(
        new APIConnectionError({ message: 'x', cause: new Error('ECONNREFUSED') }),
        context
      )
    ).toContain('could not reach api.example.com (ECONNREFUSED)')
    expect(
      describeApiError(
        new APIError(404, { message: 'No batch found' }, undefined, new Headers()),
        context
      )
    ).toBe('api.example.com answered HTTP 404: No batch found')
  })
  it('redacts every occurrence', () => {
    expect(redact('key=secret1 and secret1', ['secret1'])).toBe('key=*** and ***')
  })
})
