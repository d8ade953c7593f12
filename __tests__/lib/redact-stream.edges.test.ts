// The edges of byte redaction: a key that contains another, secrets too short to mask, and a
// whole secret at the end of the bytes, which is no partial one.
import { describe, expect, it } from '@jest/globals'
import { Readable } from 'node:stream'
import { buffer } from 'node:stream/consumers'
import {
  createRedactingStream,
  MASK,
  partialSecretLength,
  redactBytes,
  secretBytes
} from '../../src/lib/redact-stream.js'

const KEY = 'sk-live-4f9a1c2e7b'
const SHORT = 'sk-live'

async function throughStream(chunks: string[], secrets: string[]): Promise<string> {
  const source = Readable.from(chunks.map((c) => Buffer.from(c)))
  return (await buffer(source.pipe(createRedactingStream(secrets)))).toString()
}

describe('secretBytes', () => {
  it('puts the longest secret first, whatever order they come in', () => {
    expect(secretBytes([SHORT, KEY, 'abcd']).map(String)).toEqual([KEY, SHORT, 'abcd'])
  })

  it('keeps secrets of 4 characters or more, once each', () => {
    expect(secretBytes(['abc', 'abcd', 'abcd']).map(String)).toEqual(['abcd'])
  })
})

describe('a secret that contains another', () => {
  it('is masked whole, not around the shorter one inside it', () => {
    const text = `key ${KEY} and ${SHORT}`
    expect(redactBytes(Buffer.from(text), secretBytes([SHORT, KEY])).toString()).toBe(
      `key ${MASK} and ${MASK}`
    )
  })

  it('is masked whole by the stream too, split or not', async () => {
    const text = `{"key":"${KEY}"}`
    expect(await throughStream([text], [SHORT, KEY])).toBe(`{"key":"${MASK}"}`)
    expect(await throughStream([text.slice(0, 12), text.slice(12)], [SHORT, KEY])).toBe(
      `{"key":"${MASK}"}`
    )
  })
})

describe('partialSecretLength', () => {
  const secrets = secretBytes([KEY])

  it('does not count a whole secret at the end as the beginning of one', () => {
    expect(partialSecretLength(Buffer.from(KEY), secrets)).toBe(0)
    expect(partialSecretLength(Buffer.from(`ab ${KEY}`), secrets)).toBe(0)
  })

  it('finds the beginning of a secret in bytes shorter than the secret', () => {
    expect(partialSecretLength(Buffer.from('sk-'), secrets)).toBe(3)
    expect(partialSecretLength(Buffer.from('xk-'), secrets)).toBe(0)
  })
})
