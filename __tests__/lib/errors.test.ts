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
  it('says a 404 for the path itself means a base-url without its /v1', () => {
    const notFound = (body: unknown) => new APIError(404, body as object, undefined, new Headers())
    const hint =
      /probably lacks its \/v1, or names a different API\. base-url is the root that \/files and \/batches are under, such as https:\/\/api\.studio\.nebius\.com\/v1\//
    const bare = { ...context, baseUrl: 'https://api.example.com' }
    expect(describeApiError(notFound({ message: 'No batch found' }), bare)).toMatch(
      /^api\.example\.com answered HTTP 404 \(No batch found\): base-url https:\/\/api\.example\.com probably lacks its \/v1/
    )
    expect(describeApiError(notFound({ message: 'Invalid URL (POST /files)' }), context)).toMatch(
      hint
    )
    expect(describeApiError(notFound(undefined), context)).toMatch(hint)
    // A 404 about a missing batch under a proper base-url is just that.
    expect(describeApiError(notFound({ message: 'No batch found' }), context)).not.toMatch(hint)
  })
  it('redacts every occurrence', () => {
    expect(redact('key=secret1 and secret1', ['secret1'])).toBe('key=*** and ***')
  })
})
