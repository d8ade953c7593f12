import { describe, expect, it } from '@jest/globals'
import { parseDuration } from '../../src/lib/parse-duration.js'

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['45m', 2_700_000],
    ['5h30m', 19_800_000],
    ['1h 5m', 3_900_000],
    ['2d', 172_800_000],
    ['250ms', 250],
    ['10', 10_000],
    ['1.5h', 5_400_000]
  ])('%s is %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms)
  })

  it.each(['', 'soon', '5x', 'h5', '-5s'])('rejects %j', (text) => {
    expect(() => parseDuration(text)).toThrow(/not a duration/)
  })
})
