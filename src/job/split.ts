// Splitting a job's input into parts, each one batch within the part limits (see limits.ts).
//
// One streaming pass with the project's line reader (../jsonl/lines.ts): lines keep their order
// and their exact bytes (a '\r' before '\n' stays, a last line without '\n' stays so), a part
// never splits a line, and the concatenation of the parts is the input byte for byte. Each part
// is written to its own file under the temp directory through one reused buffer, its SHA-256
// computed on the bytes as they are written. Memory: the reader's two chunks, the write buffer
// and the longest line. Lines are parsed (JSON) only when parts are limited by tokens.
import { mkdir, open, rm } from 'node:fs/promises'
import path from 'node:path'
import { readLinePieces } from '../jsonl/lines.js'
import { abortReason } from '../net/abort.js'
import { BLANK_LINE, NO_REQUESTS } from '../validate/messages.js'
import { MAX_LINE_BYTES } from '../validate/types.js'
import type { PartLimits } from './limits.js'
import { PartFile, type InputPart } from './part-file.js'
import { lineTooLargeMessage, lineTooManyTokensMessage, notJsonMessage } from './split-messages.js'
import { estimateTokens } from './tokens.js'

export type { InputPart } from './part-file.js'

/** What validation already knows of the input: lets a single-part input skip the pass. */
export interface KnownInput {
  requests: number
  bytes: number
  sha256: string
}

export interface SplitOptions {
  /** Where part files are written, created when missing (a directory of this job, e.g. under RUNNER_TEMP). */
  tempDir: string
  /** Stops the pass between chunks, by throwing the signal's reason; written parts are removed. */
  signal?: AbortSignal
  /** The validated input's counts: within maxRequests and maxBytes (no maxTokens) the input is not read. */
  known?: KnownInput
  /** Read size in bytes; default 1 MiB. Tests make it tiny to split lines across reads. */
  chunkBytes?: number
}

/** The input cannot be split: a line larger than a part may be, or not a valid request line. */
export class SplitInputError extends Error {
  /** 1-based line of the input; 0 for the whole file. */
  readonly line: number
  constructor(message: string, line: number) {
    super(message)
    this.name = 'SplitInputError'
    this.line = line
  }
}

const DEFAULT_CHUNK_BYTES = 1 << 20
const WRITE_BUFFER_BYTES = 1 << 20
const LF = 0x0a

function within(value: number, limit: number | undefined): boolean {
  return limit === undefined || value <= limit
}

/** A line of the input: bytes [start, end) of `source` (valid until the next line is read). */
interface InputLine {
  source: Buffer
  start: number
  end: number
  number: number
  /** Whether the line ends with '\n' in the input (all but a last line without one). */
  newline: boolean
}

/** Whether bytes [start, end) are only spaces, tabs and '\r' (or none), as validation sees blank lines. */
function isBlank(source: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const byte = source[i]
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0d) return false
  }
  return true
}

/** Where the parts go and how large they may be; decides where each line goes. */
class Splitter {
  readonly parts: InputPart[] = []
  private current: PartFile | undefined
  private readonly buffer = Buffer.allocUnsafe(WRITE_BUFFER_BYTES)
  private readonly stem: string
  constructor(
    private readonly inputPath: string,
    private readonly limits: PartLimits,
    private readonly tempDir: string
  ) {
    this.stem = path.parse(inputPath).name
  }

  /** The files written so far, the part being written included. */
  get paths(): string[] {
    const paths = this.parts.map((p) => p.path)
    if (this.current) paths.push(this.current.path)
    return paths
  }

  /**
   * Takes the next line. Most lines are copied into the write buffer at once; a promise comes back
   * when the line needs a write first (a new part, a full buffer), and the next line waits for it.
   */
  line(line: InputLine): Promise<void> | undefined {
    const { source, start, end, number, newline } = line
    if (isBlank(source, start, end))
      throw new SplitInputError(`line ${number}: ${BLANK_LINE}`, number)
    const size = end - start + (newline ? 1 : 0)
    const { maxRequests, maxBytes, maxTokens } = this.limits
    if (maxBytes !== undefined && size > maxBytes)
      throw new SplitInputError(lineTooLargeMessage(number, size, maxBytes), number)
    const tokens = maxTokens === undefined ? 0 : this.tokensOf(line)
    if (maxTokens !== undefined && tokens > maxTokens)
      throw new SplitInputError(lineTooManyTokensMessage(number, tokens, maxTokens), number)

    const part = this.current
    const fitsPart =
      part !== undefined &&
      within(part.requests + 1, maxRequests) &&
      within(part.bytes + size, maxBytes) &&
      within(part.tokens + tokens, maxTokens)
    if (fitsPart && part.fits(size)) {
      part.add(source, start, end, newline, tokens)
      return undefined
    }
    return this.lineAfterWrite(line, size, tokens, fitsPart)
  }

  private async lineAfterWrite(
    { source, start, end, number, newline }: InputLine,
    size: number,
    tokens: number,
    fitsPart: boolean
  ): Promise<void> {
    let part = this.current
    if (!fitsPart) {
      await this.finishPart()
      part = await this.startPart(number)
    }
    if (!part) throw new Error('internal error: no part to write to')
    if (!part.fits(size)) await part.flush()
    if (part.fits(size)) part.add(source, start, end, newline, tokens)
    else await part.addLarge(source.subarray(start, end), newline, tokens)
  }

  private tokensOf({ source, start, end, number }: InputLine): number {
    let request: unknown
    try {
      request = JSON.parse(source.toString('utf8', start, end))
    } catch {
      throw new SplitInputError(notJsonMessage(number), number)
    }
    const body =
      request !== null && typeof request === 'object' ? (request as { body?: unknown }).body : null
    return estimateTokens(body)
  }

  private async startPart(firstLine: number): Promise<PartFile> {
    const index = this.parts.length
    const file = path.join(this.tempDir, `${this.stem}.part-${index + 1}.jsonl`)
    const handle = await open(file, 'w')
    this.current = new PartFile(index, file, firstLine, handle, this.buffer)
    return this.current
  }

  async finishPart(): Promise<void> {
    const part = this.current
    if (!part) return
    const done = await part.close()
    this.current = undefined
    this.parts.push(
      this.limits.maxTokens === undefined ? done : { ...done, estimatedTokens: part.tokens }
    )
  }

  /** After an error: the part being written is closed, and every part file removed. */
  async discard(): Promise<void> {
    const paths = this.paths
    await this.current?.abandon()
    this.current = undefined
    await Promise.all(paths.map((p) => rm(p, { force: true })))
    this.parts.length = 0
  }

  /** A single part is the input itself: its copy goes, so the batch uploads the input as it is. */
  async finish(): Promise<InputPart[]> {
    await this.finishPart()
    const [only, ...more] = this.parts
    if (!only) throw new SplitInputError(NO_REQUESTS, 0)
    if (more.length > 0) return this.parts
    await rm(only.path, { force: true })
    return [{ ...only, path: this.inputPath }]
  }
}

/** Hands every line of the input to the splitter, in order; stops between chunks on abort. */
async function pass(
  inputPath: string,
  splitter: Splitter,
  maxLineBytes: number,
  chunkBytes: number,
  signal?: AbortSignal
): Promise<void> {
  let read = 0
  let number = 0
  const pieces = readLinePieces(inputPath, {
    chunkBytes,
    maxLineBytes,
    onChunk: (chunk) => {
      read += chunk.length
    }
  })
  for await (const piece of pieces) {
    if (signal?.aborted) throw abortReason(signal)
    if (piece.kind === 'too-long') {
      // Longer than the part byte limit, or than any line is read (MAX_LINE_BYTES).
      number++
      throw new SplitInputError(lineTooLargeMessage(number, piece.length, maxLineBytes), number)
    }
    if (piece.kind === 'line') {
      // A line spanning reads ends with the '\n' already read; the last line of a file may have none.
      const { bytes } = piece
      const newline = piece.offset + bytes.length < read
      await splitter.line({ source: bytes, start: 0, end: bytes.length, number: ++number, newline })
      continue
    }
    const source = piece.bytes
    let start = 0
    for (;;) {
      const newline = source.indexOf(LF, start)
      const end = newline === -1 ? source.length : newline
      // Every line of a 'lines' piece had its '\n', the last one's just past the piece.
      const writing = splitter.line({ source, start, end, number: ++number, newline: true })
      if (writing) await writing
      if (newline === -1) break
      start = newline + 1
    }
  }
  if (signal?.aborted) throw abortReason(signal)
}

/**
 * Splits the input at `inputPath` into parts within `limits`, written under `options.tempDir` as
 * `<name>.part-<n>.jsonl`. An input that is one part comes back as the input itself (its path,
 * not a copy). With `options.known` showing the input within maxRequests and maxBytes, and no
 * maxTokens, that happens without reading it. Blank lines are refused, as validation refuses them.
 * Throws SplitInputError (naming the line) for a line that no part can hold or that is not a
 * request; the abort signal's reason when aborted. On any error the part files written are removed.
 */
export async function splitInput(
  inputPath: string,
  limits: PartLimits,
  options: SplitOptions
): Promise<InputPart[]> {
  const { known, signal } = options
  if (signal?.aborted) throw abortReason(signal)
  if (
    known &&
    known.requests > 0 &&
    limits.maxTokens === undefined &&
    within(known.requests, limits.maxRequests) &&
    within(known.bytes, limits.maxBytes)
  ) {
    const { requests, bytes, sha256 } = known
    return [{ index: 0, path: inputPath, requests, bytes, sha256, firstLine: 1 }]
  }
  const splitter = new Splitter(inputPath, limits, options.tempDir)
  // A line longer than a part may be is only measured by the reader, never held.
  const maxLineBytes = Math.min(MAX_LINE_BYTES, limits.maxBytes ?? Infinity)
  const chunkBytes = Math.max(1, options.chunkBytes ?? DEFAULT_CHUNK_BYTES)
  await mkdir(options.tempDir, { recursive: true })
  try {
    await pass(inputPath, splitter, maxLineBytes, chunkBytes, signal)
    return await splitter.finish()
  } catch (error) {
    await splitter.discard()
    throw error
  }
}
