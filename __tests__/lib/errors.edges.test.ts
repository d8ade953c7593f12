// Each sentence describeApiError writes, whole: the key's origin, a timeout, a connection error
// with and without its cause, a 404 that means a wrong base-url and one that does not, and the
// message of an answer without a body.
import { describe, expect, it } from '@jest/globals'
import { APIConnectionError, APIConnectionTimeoutError, APIError, NotFoundError } from 'openai'
import { describeApiError, keySourceName } from '../../src/lib/errors.js'

const at = (baseUrl: string) => ({ baseUrl, keySource: 'input' as const })
const v1 = at('https://api.example.com/v1')
const notFound = (body: unknown) =>
  new NotFoundError(404, body as object | undefined, undefined, new Headers())

describe('keySourceName', () => {
  it('names the input, a variable, or no key', () => {
    expect(keySourceName('input')).toBe('the api-key input')
    expect(keySourceName('OPENAI_API_KEY')).toBe('the OPENAI_API_KEY environment variable')
    expect(keySourceName(undefined)).toBe('no key')
    expect(keySourceName('')).toBe('no key')
  })
})

describe('describeApiError, whole sentences', () => {
  it('a rejected key, with the API message or the status line without its number', () => {
    expect(
      describeApiError(new APIError(401, { message: 'Bad key' }, undefined, new Headers()), v1)
    ).toBe(
      'api.example.com rejected the API key from the api-key input (HTTP 401: Bad key). Check that the secret is set, current, and meant for this base-url'
    )
    expect(describeApiError(new APIError(403, undefined, undefined, new Headers()), v1)).toBe(
      'api.example.com rejected the API key from the api-key input (HTTP 403: status code (no body)). Check that the secret is set, current, and meant for this base-url'
    )
  })

  it('a timeout, and a connection error with its cause or its own message', () => {
    expect(describeApiError(new APIConnectionTimeoutError(), v1)).toBe(
      'api.example.com did not answer in time; raise request-timeout if the provider is slow'
    )
    expect(
      describeApiError(new APIConnectionError({ message: 'x', cause: new Error('ECONNRESET') }), v1)
    ).toBe("could not reach api.example.com (ECONNRESET); check base-url and the runner's network")
    expect(
      describeApiError(new APIConnectionError({ message: 'socket hang up', cause: undefined }), v1)
    ).toBe(
      "could not reach api.example.com (socket hang up); check base-url and the runner's network"
    )
  })

  it('a 404 under a base-url without a version segment means the base-url', () => {
    const sentence =
      'api.example.com answered HTTP 404 (No such batch: b1): base-url https://api.example.com probably lacks its /v1, or names a different API. base-url is the root that /files and /batches are under, such as https://api.studio.nebius.com/v1/ or https://api.openai.com/v1'
    expect(
      describeApiError(notFound({ message: 'No such batch: b1' }), at('https://api.example.com'))
    ).toBe(sentence)
    for (const base of [
      'https://h/v1',
      'https://h/openai/v1/',
      'https://h/v1beta',
      'https://h/v10'
    ])
      expect(describeApiError(notFound({ message: 'No such batch: b1' }), at(base))).toBe(
        'h answered HTTP 404: No such batch: b1'
      )
  })

  it('a 404 without an API message, or one naming a path, means the base-url too', () => {
    for (const body of [
      undefined,
      {},
      { message: '' },
      { message: 7 },
      { message: 'Invalid URL (POST /v1/files)' }
    ])
      expect(describeApiError(notFound(body), v1)).toMatch(
        /^api\.example\.com answered HTTP 404 \(.+\): base-url https:\/\/api\.example\.com\/v1 probably lacks its \/v1/
      )
  })

  it('another status, a base-url that is not a URL, and what is not an API error', () => {
    expect(
      describeApiError(new APIError(500, { message: 'boom' }, undefined, new Headers()), v1)
    ).toBe('api.example.com answered HTTP 500: boom')
    expect(describeApiError(new APIError(undefined, undefined, undefined, undefined), v1)).toBe(
      'api.example.com answered HTTP ?: (no status code or body)'
    )
    expect(describeApiError(notFound({ message: 'gone' }), at('not a url'))).toBe(
      'the API answered HTTP 404: gone'
    )
    expect(describeApiError(new Error('plain'), v1)).toBe('plain')
    expect(describeApiError('text', v1)).toBe('text')
  })
})
