// One part file being written: its bytes gathered in a reused buffer and written about a buffer at
// a time, its SHA-256 and counts kept on the way.
import { createHash, type Hash } from 'node:crypto'
import type { FileHandle } from 'node:fs/promises'

/** One part of a job's input: the file one batch uploads. */
export interface InputPart {
  /** 0-based, in input order. */
  index: number
  /** The part's file: under the temp directory, or the input itself when it is the only part. */
  path: string
  /** Request lines in the part. */
  requests: number
  /** The part file's size in bytes. */
  bytes: number
  /** Hex SHA-256 of the part file's bytes. */
  sha256: string
  /** Estimated tokens of the part (tokens.ts); only when the limits have maxTokens. */
  estimatedTokens?: number
  /** 1-based line of the input where the part starts. */
  firstLine: number
}

const LF = 0x0a

/** The part being written: its file, its hash and counts, one reused write buffer. */
export class PartFile {
  readonly hash: Hash = createHash('sha256')
  requests = 0
  bytes = 0
  tokens = 0
  private used = 0
  constructor(
    readonly index: number,
    readonly path: string,
    readonly firstLine: number,
    private readonly file: FileHandle,
    private readonly buffer: Buffer
  ) {}

  /** Whether `size` more bytes fit in the buffer; else flush() first. */
  fits(size: number): boolean {
    return this.used + size <= this.buffer.length
  }

  /** Appends bytes [start, end) of `source` (a line) and its '\n' when it had one. */
  add(source: Buffer, start: number, end: number, newline: boolean, tokens: number): void {
    this.used += source.copy(this.buffer, this.used, start, end)
    if (newline) this.buffer[this.used++] = LF
    this.count(end - start + (newline ? 1 : 0), tokens)
  }

  private count(size: number, tokens: number): void {
    this.requests++
    this.bytes += size
    this.tokens += tokens
  }

  /** Writes a line larger than the buffer at once (after a flush), without copying it. */
  async addLarge(line: Uint8Array, newline: boolean, tokens: number): Promise<void> {
    await this.write(line)
    if (newline) await this.write(Buffer.of(LF))
    this.count(line.length + (newline ? 1 : 0), tokens)
  }

  async flush(): Promise<void> {
    if (this.used === 0) return
    await this.write(this.buffer.subarray(0, this.used))
    this.used = 0
  }

  private async write(data: Uint8Array): Promise<void> {
    this.hash.update(data)
    let done = 0
    while (done < data.length) {
      const { bytesWritten } = await this.file.write(data, done, data.length - done)
      done += bytesWritten
    }
  }

  async close(): Promise<InputPart> {
    await this.flush()
    await this.file.close()
    return {
      index: this.index,
      path: this.path,
      requests: this.requests,
      bytes: this.bytes,
      sha256: this.hash.digest('hex'),
      firstLine: this.firstLine
    }
  }

  /** Closes the file after an error, ignoring a second one. */
  async abandon(): Promise<void> {
    await this.file.close().catch(() => undefined)
  }
}
