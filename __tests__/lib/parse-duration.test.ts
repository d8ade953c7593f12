import { describe, expect, it } from '@jest/globals'
import { formatDurationInput, parseDuration } from '../../src/lib/parse-duration.js'

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['45m', 2_700_000],
    ['5h30m', 19_800_000],
    ['1h 5m', 3_900_000],
    ['2d', 172_800_000],
    ['250ms', 250],
    ['1.5h', 5_400_000],
    ['1.25h', 4_500_000]
  ])('%s is %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms)
  })

  it.each(['10', '0.5', '1.25', ' 90 '])(
    'refuses the bare number %j: it asks for a unit',
    (text) => {
      const n = text.trim()
      expect(() => parseDuration(text)).toThrow(
        `"${n}" has no unit; add a unit: ${n}s, ${n}m, ${n}h`
      )
    }
  )

  it.each([
    [0, '0ms'],
    [250, '250ms'],
    [1000, '1s'],
    [3_600_000, '1h'],
    [5 * 86_400_000, '5d'],
    [5_400_500, '1h30m500ms']
  ])('writes %d ms as %s', (ms, text) => {
    expect(formatDurationInput(ms)).toBe(text)
    expect(parseDuration(text)).toBe(ms)
  })

  it.each(['', 'soon', '5x', 'h5', '-5s'])('rejects %j', (text) => {
    expect(() => parseDuration(text)).toThrow(/not a duration/)
  })
})
