import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import {
  formatBytes,
  formatDuration,
  formatNumber,
  formatPercent,
  formatTimestamp
} from '../../src/lib/format.js'
import { parseByteSize } from '../../src/lib/parse-size.js'

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
    [-2048, '-2 kB'],
    // An average can be a fraction of a byte: whole bytes under 1 kB.
    [512.4, '512 B'],
    [Infinity, 'Infinity B']
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

describe('formatDuration', () => {
  it.each<[number, string]>([
    [0, '0s'],
    [42, '42s'],
    [59.6, '1m 00s'],
    [60, '1m 00s'],
    [185, '3m 05s'],
    [3599, '59m 59s'],
    [3600, '1h 00m'],
    [7385, '2h 03m'],
    [30 * 3600 + 60, '30h 01m'],
    [-5, '0s'],
    [Number.NaN, '0s']
  ])('%d -> %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text)
  })
})

describe('formatTimestamp', () => {
  it('writes a unix time as ISO 8601, and nothing for absent, zero or invalid times', () => {
    expect(formatTimestamp(1_700_000_000)).toBe('2023-11-14T22:13:20.000Z')
    for (const value of [undefined, null, 0, -5, Number.NaN, 1e20, '1700000000'])
      expect(formatTimestamp(value)).toBeUndefined()
  })
})

describe('formatNumber', () => {
  it('groups thousands without the locale machinery', () => {
    expect(formatNumber(0)).toBe('0')
    expect(formatNumber(999)).toBe('999')
    expect(formatNumber(1_000)).toBe('1,000')
    expect(formatNumber(12_345_678)).toBe('12,345,678')
    expect(formatNumber(-1_234.5)).toBe('-1,234.5')
    expect(formatNumber(Number.NaN)).toBe('NaN')
    expect(formatNumber(Infinity)).toBe('Infinity')
    for (const n of [7, 10_000, 123_456_789, 1e15, -42_000])
      expect(formatNumber(n)).toBe(n.toLocaleString('en-US'))
  })
})

describe('formatPercent', () => {
  it('gives one decimal under 10%, whole percents above, and <0.1% for a trace', () => {
    expect(formatPercent(40, 10_000)).toBe('0.4%')
    expect(formatPercent(3, 40)).toBe('7.5%')
    expect(formatPercent(1, 3)).toBe('33%')
    expect(formatPercent(10, 10)).toBe('100%')
    expect(formatPercent(0, 10)).toBe('0%')
    expect(formatPercent(1, 1_000_000)).toBe('<0.1%')
    expect(formatPercent(1, 1000)).toBe('0.1%')
    expect(formatPercent(1, 0)).toBe('-')
  })
})
