import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
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

async function throughStream(chunks: string[], secrets: string[]): Promise<string> {
  const source = Readable.from(chunks.map((c) => Buffer.from(c)))
  return (await buffer(source.pipe(createRedactingStream(secrets)))).toString()
}

describe('redactBytes', () => {
  it('masks every occurrence and leaves other bytes alone', () => {
    const text = `a ${KEY} b ${KEY}${KEY} c`
    expect(redactBytes(Buffer.from(text), secretBytes([KEY])).toString()).toBe(
      `a ${MASK} b ${MASK}${MASK} c`
    )
  })

  it('returns the same buffer when no secret is there', () => {
    const bytes = Buffer.from('nothing to hide')
    expect(redactBytes(bytes, secretBytes([KEY]))).toBe(bytes)
  })

  it('ignores empty and missing secrets', () => {
    expect(secretBytes(['', undefined])).toEqual([])
  })
})

describe('createRedactingStream', () => {
  it('masks a key split across chunks at every offset', async () => {
    const text = `{"error":{"message":"bad key ${KEY} given"}}\n`
    for (let cut = 0; cut <= text.length; cut++) {
      const out = await throughStream([text.slice(0, cut), text.slice(cut)], [KEY])
      expect(out).toBe(text.replace(KEY, MASK))
    }
  })

  it('passes bytes through unchanged when there is no secret to mask', async () => {
    expect(await throughStream(['a', 'b'], [])).toBe('ab')
  })

  it('never lets a secret through, whatever the chunking (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.constant(KEY), fc.string({ maxLength: 12 })), { maxLength: 12 }),
        fc.array(fc.nat({ max: 40 }), { maxLength: 8 }),
        async (pieces, cuts) => {
          const text = pieces.join('')
          const chunks: string[] = []
          let at = 0
          for (const cut of cuts) {
            chunks.push(text.slice(at, at + cut))
            at += cut
          }
          chunks.push(text.slice(at))
          const out = await throughStream(chunks, [KEY])
          expect(out).not.toContain(KEY)
          expect(out).toBe(text.split(KEY).join(MASK))
        }
      ),
      { numRuns: 200 }
    )
  })
})

describe('partialSecretLength', () => {
  const secrets = secretBytes([KEY])

  it('is the longest end of the bytes that begins a secret', () => {
    expect(partialSecretLength(Buffer.from(`abc ${KEY.slice(0, 5)}`), secrets)).toBe(5)
    expect(partialSecretLength(Buffer.from(`abc ${KEY.slice(0, -1)}`), secrets)).toBe(
      KEY.length - 1
    )
    // A whole secret is not partial: it was masked before this is asked.
    expect(partialSecretLength(Buffer.from('abc'), secrets)).toBe(0)
    expect(partialSecretLength(Buffer.from(''), secrets)).toBe(0)
    expect(partialSecretLength(Buffer.from('s'), secrets)).toBe(1)
  })

  it('is 0 without secrets', () => {
    expect(partialSecretLength(Buffer.from('sk-'), [])).toBe(0)
  })
})

describe('secretBytes', () => {
  it('leaves out secrets under 4 characters, as the log redaction does', () => {
    expect(secretBytes(['abc', 'abcd']).map(String)).toEqual(['abcd'])
  })
})
