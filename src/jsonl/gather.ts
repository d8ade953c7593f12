/**
 * Copies of the chunks a reader hands out (it reuses its buffers), gathered into buffers of `size`
 * bytes for an upload: the validation reads 64 KiB at a time, and a write of each through the
 * SDK's body stream and the socket costs more than the write of a few larger ones.
 */
export class ChunkGatherer {
  /** The filled buffers, oldest first, for the caller to take. */
  readonly full: Buffer[] = []
  private current: Buffer | undefined
  private filled = 0

  constructor(private readonly size: number) {}

  add(chunk: Uint8Array): void {
    for (let from = 0; from < chunk.length;) {
      const current = (this.current ??= Buffer.allocUnsafe(this.size))
      const take = Math.min(this.size - this.filled, chunk.length - from)
      current.set(chunk.subarray(from, from + take), this.filled)
      this.filled += take
      from += take
      if (this.filled === this.size) {
        this.full.push(current)
        this.current = undefined
        this.filled = 0
      }
    }
  }

  /** Takes every buffer left, the one being filled included (cut to its bytes). */
  flush(): Buffer[] {
    if (this.current && this.filled > 0) this.full.push(this.current.subarray(0, this.filled))
    this.current = undefined
    this.filled = 0
    return this.full.splice(0)
  }
}
