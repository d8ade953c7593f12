import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { parseByteSize } from '../../src/lib/parse-size.js'

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
    ['12,345', 12_345],
    ['9007199254740991', Number.MAX_SAFE_INTEGER],
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
    // Commas only every three digits, from the first group of one to three on.
    ['1234,567', /use "\." for a decimal point/],
    ['1,5000', /use "\." for a decimal point/],
    ['9007199254740992', /too large/],
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
