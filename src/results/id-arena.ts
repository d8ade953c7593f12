// The custom_ids of the output index: their bytes in one growable arena, found through an
// open-addressing hash table in a typed array. Millions of ids cost no JS object each: the id's
// UTF-8 bytes plus 10 to 12.5 (its start, its place in the table; see README, Performance), where a
// Map of strings took about 93 bytes of heap for an id of 16 characters.
//
// Ids are numbered (their slots) in the order they were added; the slot's bytes are
// arena[starts[slot], starts[slot + 1]).

// Math.imul held in a module constant: the tests (and mutation runs) execute this code in jest's
// VM context, where a global looked up in a hot loop went through the context's interceptor, and
// the hashing took 9 µs per 16-byte id there against 0.5 µs in a plain Node process.
const imul = Math.imul

/** FNV-1a, 32 bits, over bytes[start, end). */
export function fnv1a(bytes: Uint8Array, start: number, end: number): number {
  let hash = 0x811c9dc5
  for (let i = start; i < end; i++) hash = imul(hash ^ (bytes[i] as number), 0x01000193)
  return hash >>> 0
}

/** A capacity grown by half (at least to `needed`): doubling would leave up to half of it unused. */
export function grownCapacity(current: number, needed: number): number {
  return Math.max(needed, current + Math.ceil(current / 2))
}

/**
 * The contents of `buffer` in a buffer of `byteLength` bytes (zeros after them), `buffer` detached:
 * its memory goes at once, where a copy would leave it until a major GC, after the next growth.
 * (ArrayBuffer.prototype.transfer, ES2024, in Node since 22.)
 */
export function resized(buffer: ArrayBufferLike, byteLength: number): ArrayBuffer {
  return (buffer as ArrayBuffer & { transfer(length: number): ArrayBuffer }).transfer(byteLength)
}

/**
 * Marks a key that is not UTF-8: an id with a lone surrogate (JSON allows "\ud800") is kept as
 * its UTF-16 code units after this byte, which never appears in UTF-8, so it cannot collide with
 * another id and comes back exactly.
 */
export const UTF16_MARK = 0xff
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

const encoder = new TextEncoder()

/**
 * Writes the key of `id` into `target` at `at`; returns its length in bytes, or -1 when it does
 * not fit (`target` must then have room for 3 bytes per UTF-16 unit and one more).
 */
export function encodeKey(id: string, target: Buffer, at: number): number {
  const room = target.subarray(at)
  const { read, written } = encoder.encodeInto(id, room)
  if (read < id.length) return -1
  // One byte per unit: ASCII, which has no surrogate to lose.
  if (written === id.length || !LONE_SURROGATE.test(id)) return written
  if (room.length < 1 + 2 * id.length) return -1
  room[0] = UTF16_MARK
  return 1 + room.write(id, 1, 'utf16le')
}

/** The id whose key is bytes[start, end). */
export function decodeKey(bytes: Buffer, start: number, end: number): string {
  return bytes[start] === UTF16_MARK
    ? bytes.toString('utf16le', start + 1, end)
    : bytes.toString('utf8', start, end)
}

/** The table is grown once it is more than this full: linear probing slows down past it. */
const MAX_LOAD = 0.7
/** starts[] holds 32-bit positions. */
const MAX_ARENA = 0xffffffff

export class IdArena {
  /** Ids added. */
  size = 0
  private arena: Buffer
  private used = 0
  private starts: Uint32Array
  /** slot + 1 at each place of the table; 0 is an empty place. */
  private table: Int32Array
  /** Where the last find that missed ended, and the length of its key (at arena[used]). */
  private missedAt = -1
  private missedLength = 0

  constructor(capacity = 1024, tableSize = Math.ceil(capacity / MAX_LOAD)) {
    this.arena = Buffer.alloc(Math.max(64, capacity * 16))
    this.starts = new Uint32Array(capacity + 1)
    this.table = new Int32Array(Math.max(2, tableSize))
  }

  /** The slot of `id`, or -1; a miss is remembered for add(). */
  find(id: string): number {
    let length = encodeKey(id, this.arena, this.used)
    if (length < 0) {
      this.reserve(3 * id.length + 1)
      length = encodeKey(id, this.arena, this.used)
    }
    return this.probe(this.used, this.used + length)
  }

  /** Adds the id the last find() missed; returns its slot. */
  add(): number {
    if (this.missedAt < 0) throw new Error('internal error: add() without a find() that missed')
    const slot = this.size
    if (slot + 1 >= this.starts.length) {
      const capacity = grownCapacity(this.starts.length, slot + 2)
      this.starts = new Uint32Array(resized(this.starts.buffer, capacity * 4))
    }
    this.table[this.missedAt] = slot + 1
    this.used += this.missedLength
    this.starts[slot + 1] = this.used
    this.size = slot + 1
    this.missedAt = -1
    if (this.size > this.table.length * MAX_LOAD) this.rehash(grownCapacity(this.table.length, 2))
    return slot
  }

  /** The id in `slot`. */
  idAt(slot: number): string {
    return decodeKey(this.arena, this.starts[slot] ?? 0, this.starts[slot + 1] ?? 0)
  }

  /** Drops the ids of slots `size` and after. */
  truncate(size: number): void {
    if (size >= this.size) return
    this.size = size
    this.used = this.starts[size] ?? 0
    this.missedAt = -1
    this.rehash(this.table.length)
  }

  /** Bytes held by the arena, the positions and the table (for the README's figures). */
  get bytes(): number {
    return this.arena.length + this.starts.byteLength + this.table.byteLength
  }

  /** The slot of the key encoded at arena[start, end), or -1, remembering where it would go. */
  private probe(start: number, end: number): number {
    const table = this.table
    const length = end - start
    let at = fnv1a(this.arena, start, end) % table.length
    for (;;) {
      const entry = table[at] as number
      if (entry === 0) break
      if (this.keyIs(entry - 1, start, length)) return entry - 1
      at = at + 1 === table.length ? 0 : at + 1
    }
    this.missedAt = at
    this.missedLength = length
    return -1
  }

  /** Whether the id in `slot` has the key at arena[start, start + length). */
  private keyIs(slot: number, start: number, length: number): boolean {
    const from = this.starts[slot] as number
    if ((this.starts[slot + 1] as number) - from !== length) return false
    const arena = this.arena
    for (let i = 0; i < length; i++) if (arena[from + i] !== arena[start + i]) return false
    return true
  }

  /** Room for `bytes` more bytes after the ids (a key is encoded there before it is added). */
  private reserve(bytes: number): void {
    const needed = this.used + bytes
    if (needed <= this.arena.length) return
    if (needed > MAX_ARENA) throw new Error('the custom_ids of the results add up to over 4 GiB')
    const length = Math.min(MAX_ARENA, grownCapacity(this.arena.length, needed))
    this.arena = Buffer.from(resized(this.arena.buffer, length))
  }

  /** Places every id again in a table of `tableSize` places. */
  private rehash(tableSize: number): void {
    const old = this.table
    const table = tableSize === old.length ? old.fill(0) : new Int32Array(tableSize)
    for (let slot = 0; slot < this.size; slot++) {
      const from = this.starts[slot] as number
      let at = fnv1a(this.arena, from, this.starts[slot + 1] as number) % tableSize
      while (table[at] !== 0) at = at + 1 === tableSize ? 0 : at + 1
      table[at] = slot + 1
    }
    if (table !== old) resized(old.buffer, 0)
    this.table = table
    this.missedAt = -1
  }
}
