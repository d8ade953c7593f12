import { describe, expect, it } from '@jest/globals'
import { underMutation } from '../../__fixtures__/mutation-run.js'
import {
  decodeKey,
  encodeKey,
  fnv1a,
  grownCapacity,
  IdArena,
  UTF16_MARK
} from '../../src/results/id-arena.js'
import {
  fitsCount,
  KIND_ERROR,
  KIND_OK,
  REPARSE,
  ResultIndex,
  SOURCE_ERROR,
  SOURCE_OUTPUT,
  type IndexedLine
} from '../../src/results/output-index.js'

const line = (overrides: Partial<IndexedLine> = {}): IndexedLine => ({
  source: SOURCE_OUTPUT,
  offset: 0,
  length: 10,
  kind: KIND_OK,
  bodyStart: 3,
  bodyLength: 4,
  usage: { prompt: 1, completion: 2, total: 3 },
  ...overrides
})

/**
 * Two different ids with the same 32-bit FNV-1a hash, found once by a search over `id-0`, `id-1`, ...
 * (the birthday bound: about 300,000 ids); the search took 2 s of every run of this file. The test
 * using them checks that the hashes are equal.
 */
const COLLIDING_IDS: [string, string] = ['id-149599', 'id-312382']

describe('fnv1a', () => {
  it('is FNV-1a over the byte range', () => {
    // Reference values of 32-bit FNV-1a.
    expect(fnv1a(Buffer.from(''), 0, 0)).toBe(0x811c9dc5)
    expect(fnv1a(Buffer.from('a'), 0, 1)).toBe(0xe40c292c)
    expect(fnv1a(Buffer.from('foobar'), 0, 6)).toBe(0xbf9cf968)
    expect(fnv1a(Buffer.from('xxfoobarxx'), 2, 8)).toBe(0xbf9cf968)
  })
})

describe('grownCapacity', () => {
  it('grows by half, or to what is needed', () => {
    expect(grownCapacity(1024, 1025)).toBe(1536)
    expect(grownCapacity(3, 4)).toBe(5)
    expect(grownCapacity(1, 2)).toBe(2)
    expect(grownCapacity(100, 500)).toBe(500)
  })
})

describe('encodeKey and decodeKey', () => {
  const roundTrip = (id: string): { key: Buffer; back: string } => {
    const target = Buffer.alloc(3 * id.length + 1)
    const length = encodeKey(id, target, 0)
    const key = target.subarray(0, length)
    return { key, back: decodeKey(target, 0, length) }
  }

  it('keeps well-formed ids as their UTF-8 bytes', () => {
    for (const id of ['req-1', 'é', 'ключ-7', '表-😀', '']) {
      const { key, back } = roundTrip(id)
      expect(key.equals(Buffer.from(id, 'utf8'))).toBe(true)
      expect(back).toBe(id)
    }
  })

  it('keeps ids with a lone surrogate apart, and exactly', () => {
    const a = roundTrip('x\ud800')
    const b = roundTrip('x\ud801')
    const c = roundTrip('\udc00y')
    expect(a.key[0]).toBe(UTF16_MARK)
    expect(a.key.equals(b.key)).toBe(false)
    expect([a.back, b.back, c.back]).toEqual(['x\ud800', 'x\ud801', '\udc00y'])
    // U+FFFD itself is well-formed: its UTF-8, not the mark.
    expect(roundTrip('x\ufffd').key.equals(Buffer.from('x\ufffd'))).toBe(true)
  })

  it('says when the id does not fit', () => {
    expect(encodeKey('abcdef', Buffer.alloc(4), 0)).toBe(-1)
    expect(encodeKey('abcdef', Buffer.alloc(10), 5)).toBe(-1)
    expect(encodeKey('abc', Buffer.alloc(10), 7)).toBe(3)
  })
})

describe('IdArena', () => {
  it('finds every id after forced collisions in a tiny table and its growth', () => {
    const table = new IdArena(1, 2)
    const ids = Array.from({ length: 500 }, (_, i) => `req-${i}`)
    for (const [i, id] of ids.entries()) {
      expect(table.find(id)).toBe(-1)
      expect(table.add()).toBe(i)
    }
    expect(table.size).toBe(500)
    for (const [i, id] of ids.entries()) expect(table.find(id)).toBe(i)
    for (const [i, id] of ids.entries()) expect(table.idAt(i)).toBe(id)
    expect(table.find('req-500')).toBe(-1)
    expect(table.find('req-')).toBe(-1)
  })

  it('compares keys by bytes when their hashes are equal', () => {
    const [a, b] = COLLIDING_IDS
    expect(a).not.toBe(b)
    const ka = Buffer.from(a)
    const kb = Buffer.from(b)
    expect(fnv1a(ka, 0, ka.length)).toBe(fnv1a(kb, 0, kb.length))
    const table = new IdArena(4)
    expect(table.find(a)).toBe(-1)
    table.add()
    expect(table.find(b)).toBe(-1)
    table.add()
    expect([table.find(a), table.find(b)]).toEqual([0, 1])
    expect([table.idAt(0), table.idAt(1)]).toEqual([a, b])
  })

  it('finds ids of many-byte UTF-8 and lone surrogates', () => {
    const table = new IdArena(2, 2)
    const ids = ['ascii', 'é-accent', 'ключ', '表😀', 'x\ud800']
    for (const id of ids) {
      table.find(id)
      table.add()
    }
    for (const [i, id] of ids.entries()) expect(table.find(id)).toBe(i)
    expect(table.find('клю')).toBe(-1)
    expect(table.idAt(4)).toBe('x\ud800')
    expect(table.find('x\ud801')).toBe(-1)
  })

  it('keeps an id with a lone surrogate whole where the arena has room for its UTF-8 only', () => {
    // 'x\ud800' is 4 bytes of UTF-8 (the surrogate as U+FFFD) but 5 as its key (the mark and
    // UTF-16): with 4 bytes left, the key must not be cut short.
    const table = new IdArena(1)
    const filler = 'f'.repeat(60)
    table.find(filler)
    table.add()
    expect(table.find('x\ud800')).toBe(-1)
    expect(table.add()).toBe(1)
    expect([table.idAt(0), table.idAt(1)]).toEqual([filler, 'x\ud800'])
    expect([table.find('x'), table.find('x\ud800')]).toEqual([-1, 1])
  })

  it('takes an id of lone surrogates longer than the whole arena', () => {
    const table = new IdArena(1)
    const id = '\ud800'.repeat(40)
    expect(table.find(id)).toBe(-1)
    table.add()
    expect([table.find(id), table.idAt(0)]).toEqual([0, id])
  })

  it('tells an id from a longer one that starts with it, in the same chain of the table', () => {
    // A table of 2 places: 'p' and the longer id probe the same place when their hashes agree mod 2.
    const key = (id: string): number => fnv1a(Buffer.from(id), 0, Buffer.byteLength(id)) % 2
    let longer = 'pa'
    for (let c = 0x61; key(longer) !== key('p'); c++) longer = `p${String.fromCharCode(c)}`
    const table = new IdArena(1, 2)
    table.find(longer)
    table.add()
    expect(table.find('p')).toBe(-1)
    expect(table.add()).toBe(1)
    expect([table.find(longer), table.find('p')]).toEqual([0, 1])
  })

  it('refuses an add() that no missed find() came before, also after a growth', () => {
    const table = new IdArena(1, 2)
    expect(() => table.add()).toThrow('internal error: add() without a find() that missed')
    table.find('a')
    table.add()
    // The table grew (2 places, 70% full); a find that hits leaves nothing to add.
    table.find('b')
    table.add()
    expect(table.find('a')).toBe(0)
    expect(() => table.add()).toThrow('internal error')
    table.truncate(1)
    expect(() => table.add()).toThrow('internal error')
    expect(table.size).toBe(1)
  })

  it('takes long ids, growing the arena', () => {
    const table = new IdArena(1)
    const ids = Array.from({ length: 20 }, (_, i) => `${'é'.repeat(200 * i)}#${i}`)
    for (const id of ids) {
      table.find(id)
      table.add()
    }
    for (const [i, id] of ids.entries()) expect([table.find(id), table.idAt(i)]).toEqual([i, id])
  })

  it('drops the ids after a size, and takes them again', () => {
    const table = new IdArena(2, 2)
    for (const id of ['a', 'b', 'c', 'd']) {
      table.find(id)
      table.add()
    }
    table.truncate(2)
    expect([table.size, table.find('a'), table.find('b'), table.find('c')]).toEqual([2, 0, 1, -1])
    expect(table.add()).toBe(2)
    expect([table.find('c'), table.find('d'), table.idAt(2)]).toEqual([2, -1, 'c'])
  })

  it('refuses add() without a find() that missed', () => {
    const table = new IdArena()
    expect(() => table.add()).toThrow(/internal error/)
    table.find('a')
    table.add()
    table.find('a')
    expect(() => table.add()).toThrow(/internal error/)
  })
})

describe('ResultIndex', () => {
  it('keeps the first line of an id, unless a success comes after a failure', () => {
    const index = new ResultIndex(2, 2)
    expect(index.set('a', line({ offset: 0 }))).toBe(true)
    expect(index.lastWritten).toBe(0)
    expect(index.set('a', line({ offset: 100 }))).toBe(false)
    expect([index.lastWritten, index.offsetAt(0)]).toEqual([-1, 0])

    expect(index.set('b', line({ offset: 10, kind: KIND_ERROR, usage: undefined }))).toBe(true)
    expect(index.set('b', line({ offset: 20, kind: KIND_ERROR }))).toBe(false)
    expect(index.lastWritten).toBe(-1)
    // A success replaces the failure, in the same slot; it reports the id as not new.
    expect(index.set('b', line({ offset: 30, source: SOURCE_ERROR, bodyLength: REPARSE }))).toBe(
      false
    )
    expect(index.lastWritten).toBe(1)
    expect([index.offsetAt(1), index.kinds[1], index.sources[1], index.bodyLengths[1]]).toEqual([
      30,
      KIND_OK,
      SOURCE_ERROR,
      REPARSE
    ])
    expect(index.set('b', line({ offset: 40, kind: KIND_ERROR }))).toBe(false)
    expect(index.offsetAt(1)).toBe(30)
    expect(index.size).toBe(2)
  })

  it('grows by half and keeps every entry', () => {
    const index = new ResultIndex(4, 2)
    for (let i = 0; i < 3000; i++) {
      const usage = { prompt: i, completion: 2 * i, total: 3 * i }
      index.set(`id-${i}`, line({ offset: i * 1000, length: i, bodyStart: i % 7, usage }))
    }
    expect(index.size).toBe(3000)
    for (const i of [0, 1, 4, 5, 999, 2999]) {
      const slot = index.slotOf(`id-${i}`)
      expect(slot).toBe(i)
      expect(index.offsetAt(slot)).toBe(i * 1000)
      expect([index.lengths[slot], index.bodyStarts[slot]]).toEqual([i, i % 7])
      expect(index.usageAt(slot)).toEqual({ prompt: i, completion: 2 * i, total: 3 * i })
    }
    expect(index.slotOf('id-3000')).toBe(-1)
  })

  it('keeps offsets past 4 GiB exactly', () => {
    const index = new ResultIndex()
    const offsets = [2 ** 32 - 1, 2 ** 32, 2 ** 32 + 1, 5 * 2 ** 32 + 12345, 2 ** 40 - 1]
    for (const [i, offset] of offsets.entries()) index.set(`o${i}`, line({ offset }))
    expect(offsets.map((_, i) => index.offsetAt(i))).toEqual(offsets)
    expect(() => index.set('far', line({ offset: 2 ** 40 }))).toThrow(/1 TiB/)
  })

  it('keeps token counts that do not fit 32 bits exactly', () => {
    expect([fitsCount(0), fitsCount(2 ** 32 - 2), fitsCount(2 ** 32 - 1)]).toEqual([
      true,
      true,
      false
    ])
    expect([fitsCount(-1), fitsCount(1.5), fitsCount(2 ** 40)]).toEqual([false, false, false])
    const index = new ResultIndex()
    const large = { prompt: 2 ** 33 + 1, completion: 2 ** 32 - 1, total: 2 ** 53 - 1 }
    const odd = { prompt: -3, completion: 1.5, total: 7 }
    index.set('large', line({ usage: large }))
    index.set('odd', line({ usage: odd }))
    index.set('plain', line({ usage: { prompt: 4, completion: 5, total: 9 } }))
    expect(index.usageAt(0)).toEqual(large)
    expect(index.usageAt(1)).toEqual(odd)
    expect(index.usageAt(2)).toEqual({ prompt: 4, completion: 5, total: 9 })
    expect(index.usageAt(3)).toEqual({ prompt: 0, completion: 0, total: 0 })
    // A replacing line's small counts take the place of the large ones.
    index.set('x', line({ kind: KIND_ERROR, usage: large }))
    index.set('x', line({ usage: { prompt: 1, completion: 1, total: 2 } }))
    expect(index.usageAt(3)).toEqual({ prompt: 1, completion: 1, total: 2 })
  })

  it('lists the ids sorted as strings sort, and drops entries after a size', () => {
    const index = new ResultIndex(2, 2)
    const ids = ['b', 'é', 'a', 'B', '😀', 'aa']
    for (const id of ids)
      index.set(id, line({ usage: { prompt: 2 ** 34, completion: 0, total: 0 } }))
    expect(index.sortedIds()).toEqual([...ids].sort())
    index.truncate(3)
    expect(index.sortedIds()).toEqual(['a', 'b', 'é'])
    expect(index.slotOf('B')).toBe(-1)
    expect(index.set('B', line({ usage: undefined }))).toBe(true)
    expect([index.slotOf('B'), index.idAt(3), index.usageAt(3).prompt]).toEqual([3, 'B', 0])
    expect(index.usageAt(0).prompt).toBe(2 ** 34)
  })

  it('refuses an offset it cannot hold', () => {
    const index = new ResultIndex()
    for (const offset of [-1, 2 ** 40, Number.NaN])
      expect(() => index.set(`at ${offset}`, line({ offset }))).toThrow(
        /past what the index can hold/
      )
    index.set('last', line({ offset: 2 ** 40 - 1 }))
    expect(index.offsetAt(index.slotOf('last'))).toBe(2 ** 40 - 1)
  })

  it('keeps the large counts of the entries a truncation leaves', () => {
    const index = new ResultIndex()
    for (const [i, id] of ['a', 'b', 'c', 'd'].entries())
      index.set(id, line({ usage: { prompt: 2 ** 33 + i, completion: 0.5, total: -(i + 1) } }))
    index.truncate(2)
    expect([index.usageAt(0), index.usageAt(1)]).toEqual([
      { prompt: 2 ** 33, completion: 0.5, total: -1 },
      { prompt: 2 ** 33 + 1, completion: 0.5, total: -2 }
    ])
    // The slots dropped take new entries, with counts of their own.
    index.set('e', line({ usage: { prompt: 7, completion: 8, total: 9 } }))
    expect(index.usageAt(2)).toEqual({ prompt: 7, completion: 8, total: 9 })
  })

  it('costs the bytes per request the README gives: ids of 16 characters', () => {
    // README, Performance: 58 bytes a request at 1,000,000 ids and 66 at 2,000,000 (the capacity
    // not yet used included): the id's 16 bytes, 4 for its start, 6 to 8.5 in the table, 32 for its
    // line. Here 100,000 and 200,000 ids, after the same growths by half (50,000 in a mutation run).
    for (const count of underMutation ? [50_000] : [100_000, 200_000]) {
      const index = new ResultIndex()
      for (let i = 0; i < count; i++) index.set(`request-${String(i).padStart(8, '0')}`, line())
      const perRequest = index.bytes / count
      expect(perRequest).toBeGreaterThanOrEqual(16 + 4 + 6 + 32)
      expect(perRequest).toBeLessThanOrEqual(1.5 * (16 + 4 + 32) + 8.6)
    }
  })
})
