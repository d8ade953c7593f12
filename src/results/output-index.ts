// The output index: what the join keeps of every line of the output and error files, by custom_id.
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

/**
 * custom_id -> (file, byte offset, byte length, ok/error, where the body is in the line, token usage),
 * in typed arrays to stay small with millions of lines.
 */
export class ResultIndex {
  readonly ids = new Map<string, number>()
  offsets = new Float64Array(1024)
  lengths = new Uint32Array(1024)
  bodyStarts = new Uint32Array(1024)
  bodyLengths = new Uint32Array(1024)
  prompt = new Float64Array(1024)
  completion = new Float64Array(1024)
  totalTokens = new Float64Array(1024)
  sources = new Uint8Array(1024)
  kinds = new Uint8Array(1024)
  used = new Uint8Array(1024)
  size = 0

  private grow(): void {
    const capacity = this.offsets.length * 2
    const grow = <T extends Float64Array | Uint32Array | Uint8Array>(
      old: T,
      make: (n: number) => T
    ): T => {
      const next = make(capacity)
      next.set(old)
      return next
    }
    this.offsets = grow(this.offsets, (n) => new Float64Array(n))
    this.lengths = grow(this.lengths, (n) => new Uint32Array(n))
    this.bodyStarts = grow(this.bodyStarts, (n) => new Uint32Array(n))
    this.bodyLengths = grow(this.bodyLengths, (n) => new Uint32Array(n))
    this.prompt = grow(this.prompt, (n) => new Float64Array(n))
    this.completion = grow(this.completion, (n) => new Float64Array(n))
    this.totalTokens = grow(this.totalTokens, (n) => new Float64Array(n))
    this.sources = grow(this.sources, (n) => new Uint8Array(n))
    this.kinds = grow(this.kinds, (n) => new Uint8Array(n))
    this.used = grow(this.used, (n) => new Uint8Array(n))
  }

  /** Adds or replaces an entry; returns false when the id was already there. */
  set(id: string, line: IndexedLine): boolean {
    const existing = this.ids.get(id)
    let slot = existing
    if (slot === undefined) {
      if (this.size === this.offsets.length) this.grow()
      slot = this.size++
      this.ids.set(id, slot)
    } else if (!(this.kinds[slot] === KIND_ERROR && line.kind === KIND_OK)) {
      // Keep the first line for an id, unless a success comes after a failure.
      return false
    }
    this.offsets[slot] = line.offset
    this.lengths[slot] = line.length
    this.sources[slot] = line.source
    this.kinds[slot] = line.kind
    this.bodyStarts[slot] = line.bodyStart
    this.bodyLengths[slot] = line.bodyLength
    this.prompt[slot] = line.usage?.prompt ?? 0
    this.completion[slot] = line.usage?.completion ?? 0
    this.totalTokens[slot] = line.usage?.total ?? 0
    return existing === undefined
  }

  /** The token usage of the entry in `slot` (zeros for a failure). */
  usageAt(slot: number): TokenUsage {
    return {
      prompt: this.prompt[slot] ?? 0,
      completion: this.completion[slot] ?? 0,
      total: this.totalTokens[slot] ?? 0
    }
  }
}
