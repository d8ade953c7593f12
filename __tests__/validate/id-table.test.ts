import { describe, expect, it } from '@jest/globals'
import { IdTable } from '../../src/validate/id-table.js'

describe('IdTable', () => {
  it('gives back the line of an earlier equal id, and 0 for a new one', () => {
    const table = new IdTable()
    expect(table.add('a', 1)).toBe(0)
    expect(table.add('b', 2)).toBe(0)
    expect(table.add('a', 3)).toBe(1)
    expect(table.add('', 4)).toBe(0)
    expect(table.add('', 5)).toBe(4)
    expect(table.size).toBe(3)
  })

  it('keeps every id through many doublings of its shards', () => {
    const table = new IdTable()
    // 256 shards of 48 ids before their first doubling: 100,000 ids double each about three times.
    const n = 100_000
    const wrong: number[] = []
    for (let i = 1; i <= n; i++) if (table.add(`request-${i}`, i) !== 0) wrong.push(i)
    for (let i = 1; i <= n; i += 997) if (table.add(`request-${i}`, n + i) !== i) wrong.push(i)
    expect(wrong).toEqual([])
    expect(table.size).toBe(n)
  })
})
