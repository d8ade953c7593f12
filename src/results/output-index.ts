// The output index: what the join keeps of every line of the output and error files, by custom_id.
import { grownCapacity, IdArena, resized } from './id-arena.js'
import type { TokenUsage } from './types.js'

export const SOURCE_OUTPUT = 0
export const SOURCE_ERROR = 1
export const KIND_OK = 0
export const KIND_ERROR = 1
/** bodyLengths value of an entry whose line is parsed again to write it (errors, unusual bodies). */
export const REPARSE = 0xffffffff

/** What the index keeps of one line of the output or error file. */
export interface IndexedLine {
  source: number
  offset: number
  length: number
  kind: number
  /** Where JSON.stringify(response.body) sits, byte for byte, in the line; bodyLength REPARSE if it does not. */
  bodyStart: number
  bodyLength: number
  usage: TokenUsage | undefined
}

const TWO_32 = 2 ** 32
/** Offsets are kept as 32 low bits and 8 high ones: exact up to 1 TiB. */
const MAX_OFFSET = 2 ** 40 - 1
/** A token count stored as this is in `largeCounts`: one over 2^32 - 2, negative or fractional. */
const LARGE_COUNT = 0xffffffff
const COUNT_FIELDS = 3

/** Whether a token count fits the 32-bit arrays (anything else is kept exactly on the side). */
export function fitsCount(count: number): boolean {
  return Number.isInteger(count) && count >= 0 && count < LARGE_COUNT
}

type Column = Uint32Array | Uint8Array

function grown<T extends Column>(old: T, capacity: number): T {
  const View = old.constructor as new (buffer: ArrayBuffer) => T
  return new View(resized(old.buffer, capacity * old.BYTES_PER_ELEMENT))
}

/**
 * custom_id -> (file, byte offset, byte length, ok/error, where the body is in the line, token usage),
 * in typed arrays by slot to stay small with millions of lines: the ids in an IdArena, token
 * counts as 32-bit integers (the rare one that does not fit in a Map), capacities grown by half.
 */
export class ResultIndex {
  private readonly ids: IdArena
  private capacity: number
  private offsetsLow: Uint32Array
  private offsetsHigh: Uint8Array
  lengths: Uint32Array
  bodyStarts: Uint32Array
  bodyLengths: Uint32Array
  private counts: Uint32Array
  private readonly largeCounts = new Map<number, number>()
  sources: Uint8Array
  kinds: Uint8Array
  /** 1 once the entry's line was written to results.jsonl. */
  used: Uint8Array
  /** The slot the last set() wrote, or -1 when it kept the line that was there. */
  lastWritten = -1

  constructor(capacity = 1024, tableSize?: number) {
    this.ids = new IdArena(capacity, tableSize)
    this.capacity = capacity
    this.offsetsLow = new Uint32Array(capacity)
    this.offsetsHigh = new Uint8Array(capacity)
    this.lengths = new Uint32Array(capacity)
    this.bodyStarts = new Uint32Array(capacity)
    this.bodyLengths = new Uint32Array(capacity)
    this.counts = new Uint32Array(capacity * COUNT_FIELDS)
    this.sources = new Uint8Array(capacity)
    this.kinds = new Uint8Array(capacity)
    this.used = new Uint8Array(capacity)
  }

  /** Entries in the index, in slots 0 to size - 1. */
  get size(): number {
    return this.ids.size
  }

  /** The slot of `id`, or -1. */
  slotOf(id: string): number {
    return this.ids.find(id)
  }

  /** The custom_id of the entry in `slot`. */
  idAt(slot: number): string {
    return this.ids.idAt(slot)
  }

  /** Every custom_id, sorted as [...ids].sort() sorts them. */
  sortedIds(): string[] {
    return Array.from({ length: this.size }, (_, slot) => this.idAt(slot)).sort()
  }

  /** Adds or replaces an entry; returns false when the id was already there. */
  set(id: string, line: IndexedLine): boolean {
    let slot = this.ids.find(id)
    const added = slot < 0
    if (added) {
      slot = this.ids.add()
      if (slot >= this.capacity) this.grow(slot + 1)
      this.used[slot] = 0
    } else if (!(this.kinds[slot] === KIND_ERROR && line.kind === KIND_OK)) {
      // Keep the first line for an id, unless a success comes after a failure.
      this.lastWritten = -1
      return false
    }
    this.setOffset(slot, line.offset)
    this.lengths[slot] = line.length
    this.sources[slot] = line.source
    this.kinds[slot] = line.kind
    this.bodyStarts[slot] = line.bodyStart
    this.bodyLengths[slot] = line.bodyLength
    this.setCount(slot, 0, line.usage?.prompt ?? 0)
    this.setCount(slot, 1, line.usage?.completion ?? 0)
    this.setCount(slot, 2, line.usage?.total ?? 0)
    this.lastWritten = slot
    return added
  }

  /** The byte offset of the entry's line in its file. */
  offsetAt(slot: number): number {
    return (this.offsetsHigh[slot] ?? 0) * TWO_32 + (this.offsetsLow[slot] ?? 0)
  }

  /** The token usage of the entry in `slot` (zeros for a failure). */
  usageAt(slot: number): TokenUsage {
    return {
      prompt: this.count(slot, 0),
      completion: this.count(slot, 1),
      total: this.count(slot, 2)
    }
  }

  /** Drops the entries of slots `size` and after (a download that starts again). */
  truncate(size: number): void {
    this.ids.truncate(size)
    for (const key of this.largeCounts.keys())
      if (key >= size * COUNT_FIELDS) this.largeCounts.delete(key)
  }

  /** Bytes of the typed arrays (for the README's figures). */
  get bytes(): number {
    const columns = [this.offsetsLow, this.offsetsHigh, this.lengths, this.bodyStarts]
    columns.push(this.bodyLengths, this.counts, this.sources, this.kinds, this.used)
    return this.ids.bytes + columns.reduce((sum, column) => sum + column.byteLength, 0)
  }

  private setOffset(slot: number, offset: number): void {
    if (!(offset >= 0 && offset <= MAX_OFFSET))
      throw new Error(`a result line at offset ${offset} is past what the index can hold (1 TiB)`)
    this.offsetsLow[slot] = offset >>> 0
    this.offsetsHigh[slot] = Math.floor(offset / TWO_32)
  }

  private setCount(slot: number, field: number, count: number): void {
    const at = slot * COUNT_FIELDS + field
    if (fitsCount(count)) {
      if (this.counts[at] === LARGE_COUNT) this.largeCounts.delete(at)
      this.counts[at] = count
    } else {
      this.counts[at] = LARGE_COUNT
      this.largeCounts.set(at, count)
    }
  }

  private count(slot: number, field: number): number {
    const at = slot * COUNT_FIELDS + field
    const count = this.counts[at] ?? 0
    return count === LARGE_COUNT ? (this.largeCounts.get(at) ?? 0) : count
  }

  private grow(needed: number): void {
    const capacity = grownCapacity(this.capacity, needed)
    this.capacity = capacity
    this.offsetsLow = grown(this.offsetsLow, capacity)
    this.offsetsHigh = grown(this.offsetsHigh, capacity)
    this.lengths = grown(this.lengths, capacity)
    this.bodyStarts = grown(this.bodyStarts, capacity)
    this.bodyLengths = grown(this.bodyLengths, capacity)
    this.counts = grown(this.counts, capacity * COUNT_FIELDS)
    this.sources = grown(this.sources, capacity)
    this.kinds = grown(this.kinds, capacity)
    this.used = grown(this.used, capacity)
  }
}
