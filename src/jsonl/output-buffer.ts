// The double-buffered writer of large output files (downloads, results.jsonl).
import type { FileHandle } from 'node:fs/promises'
import { partialSecretLength, redactBytes, secretBytes } from '../lib/redact-stream.js'

const WRITE_BUFFER = 1 << 20
/** A flush comes once a buffer holds 1 MiB; the rest of the line that crossed it usually fits too. */
const FIRST_CAPACITY = WRITE_BUFFER + (64 << 10)

export interface OutputOptions {
  /** Masked wherever they occur in what is written (see lib/redact-stream.ts). */
  secrets?: readonly (string | undefined)[]
  /** Sees every byte written, in file order, secrets masked, as its write starts (a download's indexer). */
  onWrite?: (bytes: Buffer) => void
}

/**
 * Output bytes gathered in a buffer and written about 1 MiB at a time, with one write running while
 * the next buffer fills. Secrets are masked a whole buffer at a time, as it is written: one search
 * per MiB, and no copy unless a secret is there.
 */
export class OutputBuffer {
  private buffer = Buffer.allocUnsafe(FIRST_CAPACITY)
  private spare = Buffer.allocUnsafe(FIRST_CAPACITY)
  private used = 0
  private writing: Promise<void> | undefined
  private readonly file: FileHandle
  private readonly secrets: Buffer[]
  private readonly onWrite: ((bytes: Buffer) => void) | undefined
  constructor(file: FileHandle, options: OutputOptions = {}) {
    this.file = file
    this.secrets = secretBytes(options.secrets ?? [])
    this.onWrite = options.onWrite
  }

  get full(): boolean {
    return this.used >= WRITE_BUFFER
  }

  /** The bytes its two buffers take: a buffer grown for a huge line is let go at the next flush. */
  get capacity(): number {
    return this.buffer.length + this.spare.length
  }

  private reserve(bytes: number): void {
    if (this.used + bytes <= this.buffer.length) return
    const next = Buffer.allocUnsafe(Math.max(this.used + bytes, this.buffer.length * 2))
    this.buffer.copy(next, 0, 0, this.used)
    this.buffer = next
  }

  text(value: string): void {
    this.reserve(value.length * 3)
    this.used += this.buffer.write(value, this.used, 'utf8')
  }

  bytes(source: Uint8Array, start: number, end: number): void {
    this.reserve(end - start)
    this.buffer.set(source.subarray(start, end), this.used)
    this.used += end - start
  }

  private async writeAll(data: Buffer, length: number): Promise<void> {
    let done = 0
    while (done < length) {
      const { bytesWritten } = await this.file.write(data, done, length - done)
      done += bytesWritten
    }
  }

  /**
   * Waits for the write before, then starts writing what was gathered. With secrets, the end of the
   * buffer that could begin one is held back, moved to the start of the next buffer (`last`: none).
   */
  async flush(last = false): Promise<void> {
    await this.writing
    this.writing = undefined
    if (this.used === 0) return
    let data: Buffer = this.buffer.subarray(0, this.used)
    let held = 0
    if (this.secrets.length > 0) {
      data = redactBytes(data, this.secrets)
      if (!last) held = partialSecretLength(data, this.secrets)
    }
    const writing = this.writeAll(data, data.length - held)
    // Reported by the next flush() or by finish(), not as an unhandled rejection meanwhile.
    writing.catch(() => undefined)
    this.writing = writing
    // While the write runs: `data` stays as it is until the next flush.
    this.onWrite?.(data.subarray(0, data.length - held))
    // A buffer grown for a huge line is not kept: its replacement is the size a buffer starts at,
    // so that the next 1 MiB and the line that crosses it fit without growing again.
    const next =
      this.spare.length > 4 * WRITE_BUFFER ? Buffer.allocUnsafe(FIRST_CAPACITY) : this.spare
    this.spare = this.buffer
    this.buffer = next
    // The write reads `data` up to data.length - held only: the held bytes can be copied now.
    data.copy(next, 0, data.length - held)
    this.used = held
  }

  /** Writes everything and waits until it is written. */
  async finish(): Promise<void> {
    await this.flush(true)
    await this.writing
    this.writing = undefined
  }

  /** Waits for a write still running, ignoring its outcome (before the file is closed on an error). */
  async settle(): Promise<void> {
    await this.writing?.catch(() => undefined)
  }
}

/**
 * Runs `fill` with an OutputBuffer over `file` and writes out everything it gathered, secrets masked. On an error,
 * a write still running is waited for before the error goes on (the caller then closes the file).
 */
export async function writeBuffered<T>(
  file: FileHandle,
  fill: (out: OutputBuffer) => Promise<T>,
  options: OutputOptions = {}
): Promise<T> {
  const out = new OutputBuffer(file, options)
  try {
    const result = await fill(out)
    await out.finish()
    return result
  } catch (error) {
    await out.settle()
    throw error
  }
}
