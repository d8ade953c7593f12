import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { providerFor } from '../src/providers.js'
import { formatBytes, parseByteSize } from '../src/sizes.js'

describe('providerFor', () => {
  it.each([
    'https://api.openai.com/v1',
    'https://api.openai.com/v1/',
    'https://API.OpenAI.com/v1',
    'https://api.openai.com.:443/v1',
    'api.openai.com/v1'
  ])('knows OpenAI at %s', (url) => {
    const provider = providerFor(url)
    expect(provider.name).toBe('OpenAI')
    expect(provider.maxRequests).toBe(50_000)
    expect(provider.maxFileBytes).toBe(200_000_000)
    expect(provider.endpoints).toEqual([
      '/v1/responses',
      '/v1/chat/completions',
      '/v1/embeddings',
      '/v1/completions',
      '/v1/moderations',
      '/v1/images/generations',
      '/v1/images/edits',
      '/v1/videos'
    ])
  })

  it.each([
    'https://api.studio.nebius.com/v1/',
    'https://api.tokenfactory.nebius.com/v1/',
    'https://api.studio.nebius.ai/v1/'
  ])('knows Nebius AI Studio at %s', (url) => {
    expect(providerFor(url)).toEqual({
      name: 'Nebius AI Studio',
      maxRequests: 5_000_000,
      maxFileBytes: 10_000_000_000,
      endpoints: ['/v1/chat/completions', '/v1/embeddings']
    })
  })

  it.each([
    'https://api.together.xyz/v1',
    'http://localhost:8080/v1',
    'http://127.0.0.1:4010',
    'https://openai.com/v1',
    'https://api.openai.com.evil.example/v1',
    'https://evil.example/api.openai.com/v1',
    'https://studio.nebius.com/v1',
    '',
    'not a url at all',
    'http://[::1'
  ])('gives an unknown provider, without limits, for %j', (url) => {
    expect(providerFor(url)).toEqual({ name: 'unknown' })
  })

  it('hands out providers that cannot be changed by a caller', () => {
    const openai = providerFor('https://api.openai.com/v1')
    expect(Object.isFrozen(openai)).toBe(true)
    expect(Object.isFrozen(openai.endpoints)).toBe(true)
    const unknown = providerFor('https://x.example')
    ;(unknown as { maxRequests?: number }).maxRequests = 1
    expect(providerFor('https://x.example')).toEqual({ name: 'unknown' })
  })
})

describe('parseByteSize', () => {
  it.each([
    ['512', 512],
    ['0', 0],
    ['200MB', 200_000_000],
    ['200 mb', 200_000_000],
    ['200M', 200_000_000],
    ['10GB', 10_000_000_000],
    ['10 gb', 10_000_000_000],
    ['1.5GB', 1_500_000_000],
    ['1.5 GiB', 1_610_612_736],
    ['1.5gib', 1_610_612_736],
    ['64kB', 64_000],
    ['64KB', 64_000],
    ['64k', 64_000],
    ['64KiB', 65_536],
    ['0.5 KiB', 512],
    ['1 MiB', 1_048_576],
    ['2TB', 2_000_000_000_000],
    ['1 TiB', 1_099_511_627_776],
    ['2PB', 2_000_000_000_000_000],
    ['100 B', 100],
    ['100 bytes', 100],
    ['  2 MB  ', 2_000_000],
    ['.5MB', 500_000],
    ['1,000,000', 1_000_000],
    ['1_000_000', 1_000_000],
    ['1.0005 kB', 1000] // a fraction of a byte from a larger unit rounds down
  ])('%j is %d bytes', (text, bytes) => {
    expect(parseByteSize(text)).toBe(bytes)
  })

  it.each([
    ['', /it is empty/],
    ['   ', /it is empty/],
    ['abc', /not a number/],
    ['MB', /not a number/],
    ['-1MB', /cannot be negative/],
    ['1.5B', /whole number/],
    ['1.5', /whole number/],
    ['1,5GB', /use "\." for a decimal point/],
    ['10 XB', /unknown unit "XB"/],
    ['10 Mbit', /unknown unit/],
    ['1e6', /not a number/],
    ['2 EB', /unknown unit/],
    ['1..5MB', /not a number/],
    ['1 2 MB', /not a number/],
    ['99999999 TB', /too large/]
  ])('rejects %j', (text, why) => {
    expect(() => parseByteSize(text)).toThrow(why)
    expect(() => parseByteSize(text)).toThrow(/such as 512, 200MB, 10GB or 1.5GiB/)
  })

  it('reads back any whole number of bytes', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), (n) => {
        expect(parseByteSize(String(n))).toBe(n)
        expect(parseByteSize(`${n} B`)).toBe(n)
      })
    )
  })
})

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [512, '512 B'],
    [999, '999 B'],
    [1000, '1 kB'],
    [1500, '1.5 kB'],
    [65_536, '65.5 kB'],
    [999_949, '999.9 kB'],
    [999_999, '1 MB'],
    [123_456_789, '123.5 MB'],
    [200_000_000, '200 MB'],
    [209_715_200, '209.7 MB'],
    [999_999_999, '1 GB'],
    [1_500_000_000, '1.5 GB'],
    [10_000_000_000, '10 GB'],
    [20_000_000_000, '20 GB'],
    [3_000_000_000_000, '3 TB'],
    [5_000_000_000_000_000, '5 PB'],
    [5e18, '5000 PB'],
    [-2048, '-2 kB']
  ])('%d is %j', (n, text) => {
    expect(formatBytes(n)).toBe(text)
  })

  it('round-trips the decimal units it prints within rounding', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e15 }), (n) => {
        const back = parseByteSize(formatBytes(n).replace(' ', ''))
        expect(Math.abs(back - n)).toBeLessThanOrEqual(Math.max(1, n * 0.05))
      })
    )
  })
})
