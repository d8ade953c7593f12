// The one streaming line reader of the JSONL files: the requests file (validation), the input,
// output and error files (the join).
//
// A file is read in chunks into two reused buffers, the next chunk read while the lines of the
// current one are handed out (fs.createReadStream's fresh buffer per chunk was measured to add
// 70 MB of RSS over a 1 GB file doing nothing but hashing). Lines are split on '\n' bytes; a line
// that spans chunks is copied into one reused buffer. Memory stays at two chunks plus the longest
// line, and a line longer than the limit is only measured, never held.
import { open } from 'node:fs/promises'

/**
 * What the reader hands out, in file order. Bytes are views of reused buffers: valid until the
 * next piece is asked for. Line breaks are not included; a '\r' before them is (see readLines).
 */
export type LinePiece =
  /** Complete lines of one chunk, separated by '\n' (the last one's '\n' left out); at least one line, maybe empty. */
  | { kind: 'lines'; bytes: Buffer; offset: number }
  /** One line that spanned chunks, or the last line of a file without a final '\n'. */
  | { kind: 'line'; bytes: Buffer; offset: number }
  /** A line longer than maxLineBytes: measured, not kept (length is the bytes read of it). */
  | { kind: 'too-long'; length: number; offset: number }

export interface LineReaderOptions {
  /** Read size in bytes. */
  chunkBytes: number
  /** Lines longer than this come as 'too-long' pieces. Default: no limit. */
  maxLineBytes?: number
  /** Called with every chunk read, in order, before its lines are handed out (hashing, counting). */
  onChunk?: (chunk: Buffer) => void
}

/** The bytes of a line that spans reads, copied out of the reused read buffers. */
class Carry {
  private buffer: Buffer = Buffer.alloc(0)
  /** Bytes of the line so far (also counted while skipping). */
  length = 0
  /** Past maxLineBytes: the line is only measured, not kept. */
  skipping = false
  /** Byte offset of the line's first byte in the file. */
  offset = 0
  private readonly maxLineBytes: number
  constructor(maxLineBytes = Infinity) {
    this.maxLineBytes = maxLineBytes
  }

  append(bytes: Uint8Array): void {
    const total = this.length + bytes.length
    if (this.skipping || total > this.maxLineBytes) {
      this.skipping = true
      this.length = total
      return
    }
    if (total > this.buffer.length) {
      const size = Math.min(this.maxLineBytes, Math.max(total, this.buffer.length * 2, 16 * 1024))
      const bigger = Buffer.allocUnsafe(size)
      this.buffer.copy(bigger, 0, 0, this.length)
      this.buffer = bigger
    }
    this.buffer.set(bytes, this.length)
    this.length = total
  }

  piece(): LinePiece {
    return this.skipping
      ? { kind: 'too-long', length: this.length, offset: this.offset }
      : { kind: 'line', bytes: this.buffer.subarray(0, this.length), offset: this.offset }
  }

  reset(): void {
    this.length = 0
    this.skipping = false
    // Let the buffer of a line of several MB go.
    if (this.buffer.length > 1024 * 1024) this.buffer = Buffer.alloc(0)
  }
}

const LF = 0x0a

/**
 * Reads `path` in chunks and hands out its lines with their byte offsets, as pieces: the complete
 * lines of a chunk at once (so that a caller can decode them in one go), a line spanning chunks on
 * its own. Line numbers are counted by the caller: a 'lines' piece holds one line more than it has
 * '\n' bytes, the other pieces one line each.
 */
export async function* readLinePieces(
  path: string,
  options: LineReaderOptions
): AsyncGenerator<LinePiece> {
  const maxLineBytes = options.maxLineBytes ?? Infinity
  // A line that fits in one chunk is then never over the limit: only carried lines are measured.
  const size = Math.max(1, Math.min(options.chunkBytes, maxLineBytes))
  const file = await open(path, 'r')
  const carry = new Carry(maxLineBytes)
  let chunk = Buffer.allocUnsafe(size)
  let spare = Buffer.allocUnsafe(size)
  // A failed read is reported by the await that takes it, not as an unhandled rejection meanwhile.
  const readAt = (buffer: Buffer, at: number): Promise<{ bytesRead: number }> => {
    const read = file.read(buffer, 0, size, at)
    read.catch(() => undefined)
    return read
  }
  let next: Promise<{ bytesRead: number }> | undefined = readAt(chunk, 0)
  let position = 0
  try {
    for (;;) {
      const { bytesRead } = await next
      next = undefined
      if (bytesRead === 0) break
      const data = bytesRead === size ? chunk : chunk.subarray(0, bytesRead)
      next = readAt(spare, position + bytesRead)
      options.onChunk?.(data)

      let start = 0
      if (carry.length > 0) {
        // Complete the line carried over from earlier chunks.
        const newline = data.indexOf(LF)
        start = newline === -1 ? data.length : newline + 1
        carry.append(newline === -1 ? data : data.subarray(0, newline))
        if (newline !== -1) {
          yield carry.piece()
          carry.reset()
        }
      }
      const last = data.lastIndexOf(LF)
      if (last >= start) {
        yield { kind: 'lines', bytes: data.subarray(start, last), offset: position + start }
        start = last + 1
      }
      // The start of a line that continues in the next chunk, copied before this buffer is refilled.
      if (start < data.length) {
        if (carry.length === 0) carry.offset = position + start
        carry.append(data.subarray(start))
      }
      position += bytesRead
      ;[chunk, spare] = [spare, chunk]
    }
    // A last line without '\n'.
    if (carry.length > 0) yield carry.piece()
  } finally {
    // A read still running when the caller stops early is waited for, and its outcome ignored.
    await next?.catch(() => undefined)
    await file.close()
  }
}

export interface ScannedLine {
  /** 1-based line number. */
  number: number
  /** Byte offset of the line's first byte (after a UTF-8 BOM on the first line). */
  offset: number
  /** The line without its line break (LF or CRLF). Only valid until the next line is read. */
  bytes: Buffer
}

function startsWithBom(bytes: Buffer): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
}

function scanned(number: number, offset: number, bytes: Buffer): ScannedLine {
  if (number === 1 && startsWithBom(bytes)) {
    bytes = bytes.subarray(3)
    offset += 3
  }
  if (bytes.length > 0 && bytes[bytes.length - 1] === 0x0d)
    bytes = bytes.subarray(0, bytes.length - 1)
  return { number, offset, bytes }
}

/** 1 MiB: few reads for files of hundreds of MB, and the join's lines are copied out at once. */
const DEFAULT_CHUNK_BYTES = 1 << 20

/**
 * The lines of `path` one by one, with their numbers and byte offsets, a UTF-8 BOM at the start of
 * the file and the '\r' of CRLF line ends removed. No line-length limit: every line is handed out.
 */
export async function* readLines(
  path: string,
  chunkBytes = DEFAULT_CHUNK_BYTES
): AsyncGenerator<ScannedLine> {
  let number = 0
  for await (const piece of readLinePieces(path, { chunkBytes })) {
    if (piece.kind === 'too-long')
      throw new Error('internal error: a too-long line from a reader without a limit')
    if (piece.kind === 'line') {
      yield scanned(++number, piece.offset, piece.bytes)
      continue
    }
    const bytes = piece.bytes
    let start = 0
    for (;;) {
      const newline = bytes.indexOf(LF, start)
      const end = newline === -1 ? bytes.length : newline
      yield scanned(++number, piece.offset + start, bytes.subarray(start, end))
      if (newline === -1) break
      start = newline + 1
    }
  }
}

/** Whether a line holds only spaces, tabs and '\r' (or nothing). */
export function isBlankLine(bytes: Uint8Array): boolean {
  for (const byte of bytes) {
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0d) return false
  }
  return true
}
