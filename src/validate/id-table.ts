// The custom_ids seen, for the duplicate check: the one structure that grows with the file.
// A Map<string, number> costs about 70 bytes per id (string, entry, spare capacity): 50 MB
// for a 1 GB file, 350 MB for Nebius's 5,000,000 requests. This open-addressing table keeps
// a 96-bit hash of each id and its line in 16 bytes per slot. Two different ids would have
// to agree on all 96 bits to be taken for a duplicate: about 1 in 10^16 for a file of
// 5,000,000 ids, far below any other cause of failure.

// Math.imul held in a module constant, as in results/id-arena.ts: in jest's VM context, where the
// tests run, a global looked up in this hot loop made each id cost ten times as much.
const imul = Math.imul

function mix32(h: number): number {
  h ^= h >>> 16
  h = imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = imul(h, 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

/** Shards grow one at a time, so a doubling never holds two copies of the whole table. */
const ID_SHARDS = 256

class IdShard {
  /** Stride 4: hash a, hash b, hash c, line (0 = empty slot). */
  slots = new Uint32Array(64 * 4)
  mask = 63
  size = 0
}

export class IdTable {
  private readonly shards = Array.from({ length: ID_SHARDS }, () => new IdShard())
  size = 0

  /** Records `id` on `line` (>= 1); returns the line of an earlier equal id, or 0. */
  add(id: string, line: number): number {
    let a = 0x811c9dc5 ^ id.length
    let b = 0x9747b28c
    // Stryker disable next-line ArithmeticOperator: another seed, another hash of the id (equivalent).
    let c = 0x2545f491 + id.length
    // Stryker disable next-line EqualityOperator: charCodeAt past the end is NaN, which ^ reads as 0 (equivalent).
    for (let i = 0; i < id.length; i++) {
      const unit = id.charCodeAt(i)
      a = imul(a ^ unit, 0x01000193)
      b = imul(b ^ unit, 0x5bd1e995)
      b ^= b >>> 15
      // Stryker disable next-line ArithmeticOperator: - unit is as much a hash of the id (equivalent).
      c = imul((c << 5) | (c >>> 27), 0x9e3779b1) + unit
    }
    a = mix32(a)
    b = mix32(b ^ a)
    c = mix32(c ^ imul(b, 0x27d4eb2f))
    // The shard from the top bits of a, the slot from its low bits.
    const shard = this.shards[a >>> 24]!
    const slots = shard.slots
    let slot = a & shard.mask
    for (;;) {
      const o = slot * 4
      const seen = slots[o + 3]!
      if (seen === 0) {
        slots[o] = a
        slots[o + 1] = b
        slots[o + 2] = c
        slots[o + 3] = line
        this.size++
        // Stryker disable next-line EqualityOperator,ArithmeticOperator: when a shard grows, never what it finds (equivalent).
        if (++shard.size * 4 > (shard.mask + 1) * 3) grow(shard)
        return 0
      }
      if (slots[o] === a && slots[o + 1] === b && slots[o + 2] === c) return seen
      slot = (slot + 1) & shard.mask
    }
  }
}

function grow(shard: IdShard): void {
  const old = shard.slots
  const capacity = (shard.mask + 1) * 2
  const slots = new Uint32Array(capacity * 4)
  const mask = capacity - 1
  for (let o = 0; o < old.length; o += 4) {
    if (old[o + 3] === 0) continue
    let slot = old[o]! & mask
    while (slots[slot * 4 + 3] !== 0) slot = (slot + 1) & mask
    slots.set(old.subarray(o, o + 4), slot * 4)
  }
  shard.slots = slots
  shard.mask = mask
}
