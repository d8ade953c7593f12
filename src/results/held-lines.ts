// The result lines the one-pass join holds in memory until their turn: copied into slabs of 1 MiB
// rather than a buffer each (one allocation per slab, not per line), within a budget of bytes. A
// slab is let go once every line in it was released; lines mostly arrive in the order they are
// written, so slabs go in turn.
import type { HeldLines } from './reader.js'

const SLAB_BYTES = 1 << 20

interface Slab {
  buffer: Buffer
  used: number
  live: number
}

export class HeldLineStore implements HeldLines {
  private readonly lines = new Map<number, { slab: Slab; bytes: Buffer }>()
  private current: Slab | undefined
  /** Bytes of the slabs (and lone buffers) still referenced. */
  held = 0
  private readonly budget: number
  constructor(budget: number) {
    this.budget = budget
  }

  /** How many lines are held. */
  get count(): number {
    return this.lines.size
  }

  get(slot: number): Buffer | undefined {
    return this.lines.get(slot)?.bytes
  }

  /** Keeps a copy of `bytes` for `slot` (replacing what it held) when the budget allows. */
  hold(slot: number, bytes: Buffer): void {
    this.release(slot)
    const slab = this.room(bytes.length)
    if (!slab) return
    bytes.copy(slab.buffer, slab.used)
    this.lines.set(slot, { slab, bytes: slab.buffer.subarray(slab.used, slab.used + bytes.length) })
    slab.used += bytes.length
    slab.live++
  }

  release(slot: number): void {
    const line = this.lines.get(slot)
    if (!line) return
    this.lines.delete(slot)
    const slab = line.slab
    if (--slab.live === 0 && slab !== this.current) this.held -= slab.buffer.length
  }

  /** Every slot held, for dropping an attempt's lines. */
  slots(): number[] {
    return [...this.lines.keys()]
  }

  clear(): void {
    this.lines.clear()
    this.current = undefined
    this.held = 0
  }

  /** A slab with room for `length` bytes, or undefined past the budget. */
  private room(length: number): Slab | undefined {
    const current = this.current
    if (current && current.used + length <= current.buffer.length) return current
    // The slab before is let go by its last release (or now, when it holds nothing).
    if (current && current.live === 0) {
      this.held -= current.buffer.length
      this.current = undefined
    }
    const size = Math.max(SLAB_BYTES, length)
    if (this.held + size > this.budget) return undefined
    const slab = { buffer: Buffer.allocUnsafe(size), used: 0, live: 0 }
    this.held += size
    this.current = slab
    return slab
  }
}
