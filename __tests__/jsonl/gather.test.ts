// Gathering the reader's chunks into larger buffers for the upload.
import { describe, expect, it } from '@jest/globals'
import { ChunkGatherer } from '../../src/jsonl/gather.js'

describe('ChunkGatherer', () => {
  it('gives back every byte, in order, in buffers of its size but the last', () => {
    const source = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251))
    for (const [size, piece] of [
      [64, 7],
      [64, 64],
      [64, 200],
      [1000, 1],
      [7, 1000]
    ] as const) {
      const gatherer = new ChunkGatherer(size)
      const out: Buffer[] = []
      const reused = Buffer.alloc(piece)
      for (let at = 0; at < source.length; at += piece) {
        // The reader reuses its buffer: the gatherer must have copied what it was given.
        const n = source.copy(reused, 0, at, at + piece)
        gatherer.add(reused.subarray(0, n))
        reused.fill(0)
        out.push(...gatherer.full.splice(0))
      }
      out.push(...gatherer.flush())
      expect(Buffer.concat(out).equals(source)).toBe(true)
      expect(out.slice(0, -1).every((b) => b.length === size)).toBe(true)
      expect(gatherer.flush()).toEqual([])
    }
  })
})
