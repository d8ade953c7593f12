import { describe, expect, it } from '@jest/globals'
import { HeldLineStore } from '../../src/results/held-lines.js'

const MiB = 1 << 20
const line = (text: string): Buffer => Buffer.from(text)

describe('HeldLineStore', () => {
  it('keeps a copy of each line, which later changes to the bytes given do not reach', () => {
    const store = new HeldLineStore(4 * MiB)
    const bytes = line('{"custom_id":"a"}')
    store.hold(3, bytes)
    bytes.fill(0x20)
    expect(store.get(3)?.toString()).toBe('{"custom_id":"a"}')
    expect(store.get(4)).toBeUndefined()
    // One slab of 1 MiB holds it.
    expect(store.held).toBe(MiB)
  })

  it('replaces what a slot held, and forgets a released line', () => {
    const store = new HeldLineStore(4 * MiB)
    store.hold(1, line('first'))
    store.hold(1, line('second'))
    expect(store.get(1)?.toString()).toBe('second')
    store.hold(2, line('other'))
    expect(store.slots().sort()).toEqual([1, 2])
    store.release(1)
    expect(store.get(1)).toBeUndefined()
    expect(store.slots()).toEqual([2])
    // Releasing a slot that holds nothing changes nothing.
    store.release(1)
    store.release(99)
    expect(store.get(2)?.toString()).toBe('other')
    expect(store.held).toBe(MiB)
  })

  it('lets the line a slot held go when it is replaced', () => {
    // Slab A is filled by the second copy of slot 0, which replaced the first: A then holds one line.
    const store = new HeldLineStore(2 * MiB)
    const half = Buffer.alloc(MiB / 2, 0x65)
    store.hold(0, half)
    store.hold(0, half)
    store.hold(1, line('in slab B'))
    expect(store.held).toBe(2 * MiB)
    store.release(0)
    expect(store.held).toBe(MiB)
  })

  it('holds nothing when the budget is under one slab', () => {
    for (const budget of [0, 1000, MiB - 1]) {
      const store = new HeldLineStore(budget)
      store.hold(0, line('x'))
      expect(store.get(0)).toBeUndefined()
      expect(store.held).toBe(0)
      expect(store.slots()).toEqual([])
    }
  })

  it('fills a slab to the byte, then holds nothing more while its lines are held', () => {
    const store = new HeldLineStore(MiB)
    const half = Buffer.alloc(MiB / 2, 0x61)
    store.hold(0, half)
    store.hold(1, half)
    expect(store.get(1)?.length).toBe(MiB / 2)
    expect(store.held).toBe(MiB)
    // The slab is full and the budget is one slab: the next line is not held.
    store.hold(2, line('y'))
    expect(store.get(2)).toBeUndefined()
    expect(store.held).toBe(MiB)
  })

  it('lets a full slab go once its last line is released, and starts a new one', () => {
    const store = new HeldLineStore(MiB)
    const half = Buffer.alloc(MiB / 2, 0x62)
    store.hold(0, half)
    store.hold(1, half)
    store.release(0)
    // One line of the slab is still held: nothing freed yet.
    expect(store.held).toBe(MiB)
    store.hold(2, line('z'))
    expect(store.get(2)).toBeUndefined()
    store.release(1)
    // The current slab's last line went; it is let go when the next line needs room.
    store.hold(2, line('z'))
    expect(store.get(2)?.toString()).toBe('z')
    expect(store.held).toBe(MiB)
  })

  it('frees an older slab as soon as its last line is released', () => {
    const store = new HeldLineStore(2 * MiB)
    const half = Buffer.alloc(MiB / 2, 0x63)
    store.hold(0, half)
    store.hold(1, half)
    store.hold(2, line('in the second slab'))
    expect(store.held).toBe(2 * MiB)
    store.release(0)
    expect(store.held).toBe(2 * MiB)
    store.release(1)
    expect(store.held).toBe(MiB)
    expect(store.get(2)?.toString()).toBe('in the second slab')
    // The current slab stays, even with none of its lines held.
    store.release(2)
    expect(store.held).toBe(MiB)
  })

  it('gives a line longer than a slab a slab of its own size, within the budget', () => {
    const big = Buffer.alloc(MiB + 10, 0x64)
    const store = new HeldLineStore(MiB + 10)
    store.hold(5, big)
    expect(store.get(5)?.equals(big)).toBe(true)
    expect(store.held).toBe(MiB + 10)

    const tight = new HeldLineStore(MiB + 9)
    tight.hold(5, big)
    expect(tight.get(5)).toBeUndefined()
    expect(tight.held).toBe(0)
  })

  it('holds nothing and counts nothing after clear()', () => {
    const store = new HeldLineStore(4 * MiB)
    store.hold(0, line('a'))
    store.hold(1, line('b'))
    store.clear()
    expect(store.slots()).toEqual([])
    expect(store.get(0)).toBeUndefined()
    expect(store.held).toBe(0)
    // A line held after clear() starts a new slab.
    store.hold(2, line('c'))
    expect(store.get(2)?.toString()).toBe('c')
    expect(store.held).toBe(MiB)
  })
})
