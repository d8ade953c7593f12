// The positioned reader of the join: the result lines of a batch of requests, read from the output
// and error files at the offsets the index recorded.
import { readSync } from 'node:fs'
import type { ResultIndex } from './output-index.js'

/** Requests joined together: their result lines are read in one go, sorted by position in the files. */
export const BATCH_LINES = 512
/** Stop adding requests to a batch once their result lines add up to this. */
export const BATCH_BYTES = 4 << 20
/** Two result lines closer than this are read with one read, the bytes between them included. */
const MERGE_GAP = 16 << 10

/** Result lines kept in memory as they were downloaded (see one-pass.ts): copied, not read again. */
export interface HeldLines {
  get(slot: number): Buffer | undefined
  /** The line was copied into a batch: its memory can go. */
  release(slot: number): void
}

/**
 * Reads the result lines of a batch of slots: sorts them by file and offset, merges neighbouring
 * ranges and reads each merged range with one synchronous read (many small reads through the
 * thread pool would mostly be waiting). Afterwards `start(i)` is where slot i's line begins in
 * `buffer`.
 */
export class BatchReader {
  buffer = Buffer.allocUnsafe(BATCH_BYTES)
  private readonly starts = new Float64Array(BATCH_LINES)
  private readonly order: number[] = []
  private readonly fds: (number | undefined)[]
  private readonly held: HeldLines | undefined
  constructor(fds: (number | undefined)[], held?: HeldLines) {
    this.fds = fds
    this.held = held
  }

  start(i: number): number {
    return this.starts[i] ?? 0
  }

  read(index: ResultIndex, slots: Int32Array, count: number): void {
    const order = this.order
    order.length = 0
    const copies: { i: number; line: Buffer }[] = []
    for (let i = 0; i < count; i++) {
      const slot = slots[i] ?? -1
      if (slot < 0) continue
      const line = this.held?.get(slot)
      if (line) copies.push({ i, line })
      else order.push(i)
    }
    const sourceOf = (i: number): number => index.sources[slots[i] ?? 0] ?? 0
    const offsetOf = (i: number): number => index.offsetAt(slots[i] ?? 0)
    const lengthOf = (i: number): number => index.lengths[slots[i] ?? 0] ?? 0
    order.sort((a, b) => sourceOf(a) - sourceOf(b) || offsetOf(a) - offsetOf(b))

    // First pass: the merged ranges and the room they need.
    const ranges: { source: number; from: number; to: number; at: number }[] = []
    let room = 0
    for (const i of order) {
      const source = sourceOf(i)
      const from = offsetOf(i)
      const to = from + lengthOf(i)
      const last = ranges[ranges.length - 1]
      if (last && last.source === source && from <= last.to + MERGE_GAP) {
        if (to > last.to) {
          room += to - last.to
          last.to = to
        }
      } else {
        ranges.push({ source, from, to, at: room })
        room += to - from
      }
      const range = ranges[ranges.length - 1] as (typeof ranges)[number]
      this.starts[i] = range.at + (from - range.from)
    }
    for (const copy of copies) {
      this.starts[copy.i] = room
      room += copy.line.length
    }
    if (this.buffer.length < room || this.buffer.length > 4 * Math.max(room, BATCH_BYTES))
      this.buffer = Buffer.allocUnsafe(Math.max(room, BATCH_BYTES))
    for (const copy of copies) {
      copy.line.copy(this.buffer, this.starts[copy.i])
      this.held?.release(slots[copy.i] ?? -1)
    }

    for (const range of ranges) {
      const fd = this.fds[range.source]
      if (fd === undefined) throw new Error('internal error: result file not open')
      const length = range.to - range.from
      let done = 0
      while (done < length) {
        const bytesRead = readSync(
          fd,
          this.buffer,
          range.at + done,
          length - done,
          range.from + done
        )
        if (bytesRead === 0) throw new Error('a result file changed while it was being joined')
        done += bytesRead
      }
    }
  }
}
