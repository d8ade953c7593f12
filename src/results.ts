// The results side of a batch: downloading the output and error files to disk, joining them with the
// input file into results.jsonl, and the max-failed-requests limit.
//
// Files can be hundreds of megabytes: nothing here holds a whole file, or all response bodies, in memory.
import { isAscii, isUtf8 } from 'node:buffer'
import { randomBytes } from 'node:crypto'
import { closeSync, openSync, readSync } from 'node:fs'
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises'
import { dirname } from 'node:path'
import { APIError } from 'openai'
import { z } from 'zod'
import { DefaultRetry, withRetry } from './retry.js'

// ---------------------------------------------------------------------------------------------
// Atomic file writes
// ---------------------------------------------------------------------------------------------

/** A temporary name next to `destPath` (same directory, so the final rename is atomic). */
function partPath(destPath: string): string {
  return `${destPath}.part-${randomBytes(6).toString('hex')}`
}

async function syncDirectory(dir: string): Promise<void> {
  // Makes the rename itself durable. Not supported everywhere (Windows): best effort.
  let handle: FileHandle | undefined
  try {
    handle = await open(dir, 'r')
    await handle.sync()
  } catch {
    // ignore
  } finally {
    await handle?.close().catch(() => undefined)
  }
}

/**
 * Runs `write` against a fresh temporary file next to `destPath`, fsyncs it and renames it to
 * `destPath`. On any error the temporary file is removed and nothing appears under `destPath`.
 */
async function writeAtomically<T>(
  destPath: string,
  write: (file: FileHandle) => Promise<T>
): Promise<T> {
  await mkdir(dirname(destPath), { recursive: true })
  const tmp = partPath(destPath)
  let file: FileHandle | undefined
  try {
    file = await open(tmp, 'wx')
    const result = await write(file)
    await file.sync()
    await file.close()
    file = undefined
    await rename(tmp, destPath)
    await syncDirectory(dirname(destPath))
    return result
  } catch (error) {
    await file?.close().catch(() => undefined)
    await rm(tmp, { force: true }).catch(() => undefined)
    throw error
  }
}

const WRITE_BUFFER = 1 << 20

/**
 * Output bytes gathered in a buffer and written about 1 MiB at a time, with one write running while
 * the next buffer fills.
 */
class OutputBuffer {
  private buffer = Buffer.allocUnsafe(WRITE_BUFFER + (64 << 10))
  private spare = Buffer.allocUnsafe(WRITE_BUFFER + (64 << 10))
  private used = 0
  private writing: Promise<void> | undefined
  private readonly file: FileHandle
  constructor(file: FileHandle) {
    this.file = file
  }

  get full(): boolean {
    return this.used >= WRITE_BUFFER
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

  /** Waits for the write before, then starts writing what was gathered. */
  async flush(): Promise<void> {
    await this.writing
    this.writing = undefined
    if (this.used === 0) return
    const writing = this.writeAll(this.buffer, this.used)
    // Reported by the next flush() or by finish(), not as an unhandled rejection meanwhile.
    writing.catch(() => undefined)
    this.writing = writing
    // A buffer grown for a huge line is not kept.
    const next =
      this.spare.length > 4 * WRITE_BUFFER ? Buffer.allocUnsafe(WRITE_BUFFER) : this.spare
    this.spare = this.buffer
    this.buffer = next
    this.used = 0
  }

  /** Writes everything and waits until it is written. */
  async finish(): Promise<void> {
    await this.flush()
    await this.writing
    this.writing = undefined
  }

  /** Waits for a write still running, ignoring its outcome (before the file is closed on an error). */
  async settle(): Promise<void> {
    await this.writing?.catch(() => undefined)
  }
}

// ---------------------------------------------------------------------------------------------
// Download
// ---------------------------------------------------------------------------------------------

export interface DownloadOptions {
  /** Total number of attempts (1 = no retry). */
  attempts: number
  signal?: AbortSignal
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  /** Delay before attempt `attempt + 1`, after attempt `attempt` (1-based) failed; default: the retry policy of every API call. */
  backoffMs?: (attempt: number) => number
  onRetry?: (attempt: number, error: unknown) => void
}

/** An HTTP answer that was not 2xx, when open() hands back such a Response instead of throwing. */
export class HttpStatusError extends Error {
  readonly status: number
  constructor(status: number, statusText: string, detail?: string) {
    super(`HTTP ${status}${statusText ? ` ${statusText}` : ''}${detail ? `: ${detail}` : ''}`)
    this.name = 'HttpStatusError'
    this.status = status
  }
}

/** The body ended before the number of bytes the server announced. */
export class TruncatedBodyError extends Error {
  constructor(received: number, expected: number) {
    super(`download cut off: received ${received} of ${expected} bytes`)
    this.name = 'TruncatedBodyError'
  }
}

const LOCAL_FS_ERRORS = new Set([
  'ENOSPC',
  'EDQUOT',
  'EACCES',
  'EPERM',
  'EROFS',
  'EISDIR',
  'ENOTDIR',
  'ENAMETOOLONG'
])

/** Whether another attempt could succeed. */
export function isRetryableDownloadError(error: unknown): boolean {
  const status =
    error instanceof APIError || error instanceof HttpStatusError
      ? (error as { status?: unknown }).status
      : undefined
  if (typeof status === 'number') {
    if (status === 408 || status === 429) return true
    return !(status >= 400 && status < 500)
  }
  if (error instanceof Error) {
    if (error.name === 'AbortError' || error.name === 'APIUserAbortError') return false
    const code = (error as { code?: unknown }).code
    // Errors of the local disk: trying the download again would not help.
    if (typeof code === 'string' && LOCAL_FS_ERRORS.has(code)) return false
  }
  return true
}

function expectedLength(response: Response): number | undefined {
  // With a content encoding, fetch decodes the body and Content-Length counts the encoded bytes.
  const encoding = response.headers.get('content-encoding')
  if (encoding && encoding.toLowerCase() !== 'identity') return undefined
  const header = response.headers.get('content-length')
  if (header === null || !/^\d+$/.test(header.trim())) return undefined
  return Number(header.trim())
}

async function downloadOnce(
  open: () => Promise<Response>,
  destPath: string,
  signal?: AbortSignal
): Promise<{ bytes: number }> {
  signal?.throwIfAborted()
  const response = await open()
  if (!response.ok) {
    let detail: string | undefined
    try {
      detail = (await response.text()).slice(0, 500).trim() || undefined
    } catch {
      detail = undefined
    }
    throw new HttpStatusError(response.status, response.statusText, detail)
  }
  const body = response.body
  if (body === null) throw new Error('the download answered without a body')
  const expected = expectedLength(response)
  const reader = body.getReader()
  // Stops a read that waits for a stalled server, even when open() did not pass the signal to fetch.
  const onAbort = (): void => {
    reader.cancel(signal?.reason).catch(() => undefined)
  }
  signal?.addEventListener('abort', onAbort, { once: true })
  try {
    return await writeAtomically(destPath, async (file) => {
      // Chunks are gathered into ~1 MiB writes, one running while the next buffer fills.
      const out = new OutputBuffer(file)
      let bytes = 0
      try {
        for (;;) {
          const { done, value } = await reader.read()
          signal?.throwIfAborted()
          if (done) break
          out.bytes(value, 0, value.length)
          bytes += value.length
          if (out.full) await out.flush()
        }
        await out.finish()
      } catch (error) {
        await out.settle()
        throw error
      }
      if (expected !== undefined && bytes !== expected)
        throw new TruncatedBodyError(bytes, expected)
      return { bytes }
    })
  } finally {
    signal?.removeEventListener('abort', onAbort)
    // Releases the connection when the body was not read to its end.
    await reader.cancel().catch(() => undefined)
  }
}

/**
 * Streams the body of `open()` to `destPath`: into a temporary file in the same directory, fsynced,
 * then renamed. A failed or cut-off download is retried with a fresh `open()` up to `attempts`
 * times; 4xx answers other than 408/429 fail at once. Nothing is left at `destPath` or in `.part`
 * files when the download fails or is aborted.
 */
export async function downloadToFile(
  open: () => Promise<Response>,
  destPath: string,
  options: DownloadOptions
): Promise<{ bytes: number }> {
  const { signal, backoffMs } = options
  return withRetry(() => downloadOnce(open, destPath, signal), {
    policy: { ...DefaultRetry, attempts: Math.max(1, Math.floor(options.attempts)) },
    signal,
    sleep: options.sleep,
    retryable: isRetryableDownloadError,
    delayMs: backoffMs ? (retry) => backoffMs(retry) : undefined,
    onRetry: (attempt, error) => options.onRetry?.(attempt, error)
  })
}

// ---------------------------------------------------------------------------------------------
// Failure limit
// ---------------------------------------------------------------------------------------------

export type FailureLimit =
  { kind: 'none' } | { kind: 'count'; value: number } | { kind: 'percent'; value: number }

/** Parses max-failed-requests: '' (no limit), '5' (requests), '5%' or '0.5%' (of all requests). */
export function parseFailureLimit(text: string): FailureLimit {
  const trimmed = text.trim()
  if (trimmed === '') return { kind: 'none' }
  const count = /^\d+$/.exec(trimmed)
  if (count) {
    const value = Number(trimmed)
    if (Number.isSafeInteger(value)) return { kind: 'count', value }
  }
  const percent = /^(\d+(?:\.\d+)?|\.\d+)\s*%$/.exec(trimmed)
  if (percent?.[1] !== undefined) {
    const value = Number(percent[1])
    if (Number.isFinite(value) && value <= 100) return { kind: 'percent', value }
  }
  throw new Error(
    `max-failed-requests must be a number or a percentage such as 5%, got ${JSON.stringify(text)}`
  )
}

/** True when more requests failed than the limit allows. */
export function exceedsFailureLimit(limit: FailureLimit, failed: number, total: number): boolean {
  switch (limit.kind) {
    case 'none':
      return false
    case 'count':
      return failed > limit.value
    case 'percent': {
      if (total <= 0) return false
      // failed / total > value / 100, without the rounding of a division (e.g. 0.7% of 10,000 is 70).
      const allowed = Math.round(limit.value * total * 1e6) / 1e6
      return failed * 100 > allowed
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Line scanning with byte offsets
// ---------------------------------------------------------------------------------------------

interface ScannedLine {
  /** 1-based line number. */
  number: number
  /** Byte offset of the line's first byte (after a UTF-8 BOM on the first line). */
  offset: number
  /** The line without its line break (LF or CRLF). Only valid until the next line is read. */
  bytes: Buffer
}

const CHUNK = 1 << 20

/** Reads a file in chunks and yields its lines with their byte offsets. Never holds more than a chunk plus one line. */
async function* scanLines(path: string): AsyncGenerator<ScannedLine> {
  const file = await open(path, 'r')
  let next: Promise<{ bytesRead: number }> | undefined
  try {
    let position = 0
    let lineStart = 0
    let number = 0
    let pending: Buffer[] = []
    const emit = (tail: Buffer): ScannedLine => {
      let bytes = pending.length === 0 ? tail : Buffer.concat([...pending, tail])
      pending = []
      let offset = lineStart
      if (
        number === 0 &&
        bytes.length >= 3 &&
        bytes[0] === 0xef &&
        bytes[1] === 0xbb &&
        bytes[2] === 0xbf
      ) {
        bytes = bytes.subarray(3)
        offset += 3
      }
      if (bytes.length > 0 && bytes[bytes.length - 1] === 0x0d)
        bytes = bytes.subarray(0, bytes.length - 1)
      number++
      return { number, offset, bytes }
    }
    // Two buffers: the next chunk is read while the lines of the current one are handed out. A
    // line's bytes are only used until the next line is asked for, and the unfinished tail of a
    // chunk is copied out before its buffer is refilled.
    let chunk = Buffer.allocUnsafe(CHUNK)
    let spare = Buffer.allocUnsafe(CHUNK)
    // A failed read is reported by the await that takes it, not as an unhandled rejection meanwhile.
    const readAt = (buffer: Buffer, at: number): Promise<{ bytesRead: number }> => {
      const read = file.read(buffer, 0, CHUNK, at)
      read.catch(() => undefined)
      return read
    }
    next = readAt(chunk, 0)
    for (;;) {
      const { bytesRead } = await next
      next = undefined
      if (bytesRead === 0) break
      next = readAt(spare, position + bytesRead)
      let start = 0
      for (;;) {
        const newline = chunk.indexOf(0x0a, start)
        if (newline === -1 || newline >= bytesRead) break
        yield emit(chunk.subarray(start, newline))
        lineStart = position + newline + 1
        start = newline + 1
      }
      if (start < bytesRead) pending.push(Buffer.from(chunk.subarray(start, bytesRead)))
      position += bytesRead
      ;[chunk, spare] = [spare, chunk]
    }
    if (pending.length > 0) yield emit(Buffer.alloc(0))
  } finally {
    // A read still running when the caller stops early is waited for, and its outcome ignored.
    await next?.catch(() => undefined)
    await file.close()
  }
}

function isBlank(bytes: Buffer): boolean {
  for (const byte of bytes) {
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0d) return false
  }
  return true
}

// ---------------------------------------------------------------------------------------------
// Schemas of the JSONL documents
// ---------------------------------------------------------------------------------------------

const InputLine = z.looseObject({ custom_id: z.string() })

const ResultLineSchema = z.looseObject({
  id: z.string().nullish(),
  custom_id: z.string(),
  response: z
    .looseObject({
      status_code: z.number().nullish(),
      request_id: z.string().nullish(),
      body: z.unknown()
    })
    .nullish(),
  error: z
    .looseObject({
      code: z.union([z.string(), z.number()]).nullish(),
      message: z.string().nullish()
    })
    .nullish()
})
type ResultLine = z.infer<typeof ResultLineSchema>

const ErrorBodySchema = z.looseObject({
  error: z.union([
    z.string(),
    z.looseObject({
      message: z.string().nullish(),
      code: z.union([z.string(), z.number()]).nullish(),
      type: z.string().nullish()
    })
  ])
})

// ---------------------------------------------------------------------------------------------
// Join
// ---------------------------------------------------------------------------------------------

export interface TokenUsage {
  prompt: number
  completion: number
  total: number
}

export interface FailedRequest {
  custom_id: string
  message: string
  code?: string
  status_code?: number
}

export interface JoinResult {
  path: string
  /** Lines written to results.jsonl. */
  total: number
  ok: number
  error: number
  missing: number
  usage: TokenUsage
  /** The first 10 failed requests, in results order. */
  failures: FailedRequest[]
  /** Lines of the output/error files that could not be read, skipped. */
  malformed: number
  warnings: string[]
}

export interface JoinOptions {
  inputPath?: string
  outputPath?: string
  errorPath?: string
  destPath: string
}

export const MAX_FAILURES_LISTED = 10
const MAX_LINE_WARNINGS = 5

interface ResultError {
  code?: string
  message: string
  status_code?: number
}

type Classified = { status: 'ok'; body: unknown } | { status: 'error'; error: ResultError }

function errorInBody(body: unknown): { message?: string; code?: string } {
  if (typeof body === 'string') return body.trim() ? { message: body.trim().slice(0, 2000) } : {}
  // Most bodies are successes: skip the schema (and the cost of its error report) when there is no error.
  if (typeof body !== 'object' || body === null || !('error' in body)) return {}
  const parsed = ErrorBodySchema.safeParse(body)
  if (!parsed.success) return {}
  const error = parsed.data.error
  if (typeof error === 'string') return { message: error }
  const code = error.code ?? error.type
  return {
    ...(error.message ? { message: error.message } : {}),
    ...(code !== null && code !== undefined ? { code: String(code) } : {})
  }
}

function makeError(
  code: string | undefined,
  message: string,
  statusCode: number | undefined
): ResultError {
  return {
    ...(code !== undefined ? { code } : {}),
    message,
    ...(statusCode !== undefined ? { status_code: statusCode } : {})
  }
}

/** Decides whether a line of the output or error file is a success, and what the error is. */
function classify(line: ResultLine, fromErrorFile: boolean): Classified {
  const response = line.response ?? undefined
  const statusCode = response?.status_code ?? undefined
  const inBody = errorInBody(response?.body)
  if (line.error) {
    const code = line.error.code ?? undefined
    return {
      status: 'error',
      error: makeError(
        code !== undefined ? String(code) : inBody.code,
        line.error.message ||
          inBody.message ||
          (statusCode !== undefined ? `HTTP ${statusCode}` : 'request failed'),
        statusCode
      )
    }
  }
  if (response === undefined) {
    return {
      status: 'error',
      error: makeError(undefined, 'the result has neither a response nor an error', undefined)
    }
  }
  if (statusCode !== undefined && (statusCode < 200 || statusCode > 299)) {
    return {
      status: 'error',
      error: makeError(inBody.code, inBody.message || `HTTP ${statusCode}`, statusCode)
    }
  }
  if (fromErrorFile) {
    return {
      status: 'error',
      error: makeError(
        inBody.code,
        inBody.message || 'request failed (listed in the error file)',
        statusCode
      )
    }
  }
  return { status: 'ok', body: response.body ?? null }
}

/** A token count as the usage schema of old read it: a finite number, anything else absent. */
function tokenCount(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * The token usage of a response body (chat: prompt/completion, responses: input/output), with plain
 * checks: the line it comes from was validated with ResultLineSchema, and a body or usage of another
 * shape, or a count that is not a number, counts as no usage.
 */
function usageOf(body: unknown): { prompt: number; completion: number; total: number } | undefined {
  if (!isRecord(body)) return undefined
  const usage = body['usage']
  if (!isRecord(usage)) return undefined
  const prompt = tokenCount(usage['prompt_tokens']) ?? tokenCount(usage['input_tokens']) ?? 0
  const completion =
    tokenCount(usage['completion_tokens']) ?? tokenCount(usage['output_tokens']) ?? 0
  return { prompt, completion, total: tokenCount(usage['total_tokens']) ?? prompt + completion }
}

const SOURCE_OUTPUT = 0
const SOURCE_ERROR = 1
const KIND_OK = 0
const KIND_ERROR = 1
/** bodyLengths value of an entry whose line is parsed again to write it (errors, unusual bodies). */
const REPARSE = 0xffffffff

/** What the index keeps of one line of the output or error file. */
interface IndexedLine {
  source: number
  offset: number
  length: number
  kind: number
  /** Where JSON.stringify(response.body) sits, byte for byte, in the line; bodyLength REPARSE if it does not. */
  bodyStart: number
  bodyLength: number
  usage: { prompt: number; completion: number; total: number } | undefined
}

/**
 * custom_id -> (file, byte offset, byte length, ok/error, where the body is in the line, token usage),
 * in typed arrays to stay small with millions of lines.
 */
class ResultIndex {
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
}

function describeError(error: unknown): string {
  if (error instanceof z.ZodError) {
    return error.issues
      .map((issue) => `${issue.path.join('.') || '(line)'}: ${issue.message}`)
      .join('; ')
  }
  return error instanceof Error ? error.message : String(error)
}

/**
 * Where the bytes of JSON.stringify(body) appear in the line, so that the join can copy them
 * instead of parsing the line again; undefined when they do not (escapes such as \u00e9 or \/,
 * spaces between tokens, numbers written as 1.0 or 1e3, invalid UTF-8): such lines are parsed again.
 * Any occurrence will do: its bytes are those JSON.stringify would write.
 */
function locateBody(
  bytes: Buffer,
  text: string,
  body: unknown
): { start: number; length: number } | undefined {
  if (body === undefined || body === null) return undefined
  const canonical = JSON.stringify(body)
  const at = text.indexOf(canonical)
  if (at === -1) return undefined
  if (isAscii(bytes)) return { start: at, length: canonical.length }
  // Character and byte positions differ; with invalid UTF-8 the decoded text is not the bytes.
  if (!isUtf8(bytes)) return undefined
  const start = Buffer.byteLength(text.slice(0, at), 'utf8')
  const length = Buffer.byteLength(canonical, 'utf8')
  return start + length <= bytes.length ? { start, length } : undefined
}

async function indexResultFile(
  index: ResultIndex,
  path: string,
  source: number,
  label: string,
  warnings: string[]
): Promise<{ malformed: number }> {
  let malformed = 0
  let duplicates = 0
  for await (const line of scanLines(path)) {
    if (isBlank(line.bytes)) continue
    const text = line.bytes.toString('utf8')
    let parsed: ResultLine
    try {
      parsed = ResultLineSchema.parse(JSON.parse(text))
    } catch (error) {
      malformed++
      if (malformed <= MAX_LINE_WARNINGS) {
        warnings.push(`${label} line ${line.number} skipped: ${describeError(error).slice(0, 300)}`)
      }
      continue
    }
    const classified = classify(parsed, source === SOURCE_ERROR)
    const ok = classified.status === 'ok'
    const body = ok ? locateBody(line.bytes, text, classified.body) : undefined
    const added = index.set(parsed.custom_id, {
      source,
      offset: line.offset,
      length: line.bytes.length,
      kind: ok ? KIND_OK : KIND_ERROR,
      bodyStart: body?.start ?? 0,
      bodyLength: body?.length ?? REPARSE,
      usage: ok ? usageOf(classified.body) : undefined
    })
    if (!added) duplicates++
  }
  if (malformed > MAX_LINE_WARNINGS) {
    warnings.push(
      `${label}: ${malformed - MAX_LINE_WARNINGS} more malformed lines skipped (${malformed} in all)`
    )
  }
  if (duplicates > 0) {
    warnings.push(
      `${label}: ${duplicates} lines repeat a custom_id already seen; the first result (or a success) was kept`
    )
  }
  return { malformed }
}

const QUOTE = 0x22
const BACKSLASH = 0x5c

function skipSpaces(bytes: Buffer, at: number): number {
  while (at < bytes.length) {
    const byte = bytes[at]
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0d) break
    at++
  }
  return at
}

const CUSTOM_ID_KEY = Buffer.from('"custom_id"')

/**
 * The custom_id of an input line that starts with `{"custom_id":"...",` (spaces allowed), where the
 * id has no escapes and the key does not appear again: the value JSON.parse would give, without
 * parsing the ~4 kB request. Undefined for any other line, which is then parsed in full.
 */
function quickCustomId(bytes: Buffer): string | undefined {
  let at = skipSpaces(bytes, 0)
  if (bytes[at] !== 0x7b) return undefined
  at = skipSpaces(bytes, at + 1)
  if (
    at + CUSTOM_ID_KEY.length > bytes.length ||
    bytes.compare(CUSTOM_ID_KEY, 0, CUSTOM_ID_KEY.length, at, at + CUSTOM_ID_KEY.length) !== 0
  )
    return undefined
  at = skipSpaces(bytes, at + CUSTOM_ID_KEY.length)
  if (bytes[at] !== 0x3a) return undefined
  at = skipSpaces(bytes, at + 1)
  if (bytes[at] !== QUOTE) return undefined
  const start = at + 1
  const end = bytes.indexOf(QUOTE, start)
  if (end === -1) return undefined
  for (let i = start; i < end; i++) {
    const byte = bytes[i] as number
    if (byte < 0x20 || byte === BACKSLASH) return undefined
  }
  // What follows must be the next member or the end of the object, and the line must end the object.
  const next = skipSpaces(bytes, end + 1)
  if (bytes[next] !== 0x2c && bytes[next] !== 0x7d) return undefined
  let last = bytes.length - 1
  while (last > next && (bytes[last] === 0x20 || bytes[last] === 0x09)) last--
  if (bytes[last] !== 0x7d) return undefined
  // JSON.parse keeps the last of repeated keys.
  if (bytes.indexOf(CUSTOM_ID_KEY, end + 1) !== -1) return undefined
  return bytes.toString('utf8', start, end)
}

/** Requests joined together: their result lines are read in one go, sorted by position in the files. */
const BATCH_LINES = 512
/** Stop adding requests to a batch once their result lines add up to this. */
const BATCH_BYTES = 4 << 20
/** Two result lines closer than this are read with one read, the bytes between them included. */
const MERGE_GAP = 16 << 10

/**
 * Reads the result lines of a batch of slots: sorts them by file and offset, merges neighbouring
 * ranges and reads each merged range with one synchronous read (many small reads through the
 * thread pool would mostly be waiting). Afterwards `start(i)` is where slot i's line begins in
 * `buffer`.
 */
class BatchReader {
  buffer = Buffer.allocUnsafe(BATCH_BYTES)
  private readonly starts = new Float64Array(BATCH_LINES)
  private readonly order: number[] = []
  private readonly fds: (number | undefined)[]
  constructor(fds: (number | undefined)[]) {
    this.fds = fds
  }

  start(i: number): number {
    return this.starts[i] ?? 0
  }

  read(index: ResultIndex, slots: Int32Array, count: number): void {
    const order = this.order
    order.length = 0
    for (let i = 0; i < count; i++) if ((slots[i] ?? -1) >= 0) order.push(i)
    const sourceOf = (i: number): number => index.sources[slots[i] ?? 0] ?? 0
    const offsetOf = (i: number): number => index.offsets[slots[i] ?? 0] ?? 0
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
    if (this.buffer.length < room || this.buffer.length > 4 * Math.max(room, BATCH_BYTES))
      this.buffer = Buffer.allocUnsafe(Math.max(room, BATCH_BYTES))

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

/** The line of a result that is not a plain copy: parsed again, with plain checks (validated while indexing). */
function reparsedLine(text: string, customId: string): ResultLine {
  const line: unknown = JSON.parse(text)
  if (!isRecord(line) || line['custom_id'] !== customId)
    throw new Error('a result file changed while it was being joined')
  return line as ResultLine
}

/**
 * Writes results.jsonl: one line per request of the input file, in input order (or, without an
 * input file, one per result ordered by custom_id), with status ok/error/missing.
 */
export async function joinResults(options: JoinOptions): Promise<JoinResult> {
  const warnings: string[] = []
  const index = new ResultIndex()
  let malformed = 0
  if (options.outputPath) {
    malformed += (
      await indexResultFile(index, options.outputPath, SOURCE_OUTPUT, 'output file', warnings)
    ).malformed
  }
  if (options.errorPath) {
    malformed += (
      await indexResultFile(index, options.errorPath, SOURCE_ERROR, 'error file', warnings)
    ).malformed
  }

  const result: JoinResult = {
    path: options.destPath,
    total: 0,
    ok: 0,
    error: 0,
    missing: 0,
    usage: { prompt: 0, completion: 0, total: 0 },
    failures: [],
    malformed,
    warnings
  }

  const inputPath = options.inputPath
  async function* customIds(): AsyncGenerator<string> {
    if (inputPath === undefined) {
      yield* [...index.ids.keys()].sort()
      return
    }
    let bad = 0
    for await (const line of scanLines(inputPath)) {
      if (isBlank(line.bytes)) continue
      const quick = quickCustomId(line.bytes)
      if (quick !== undefined) {
        yield quick
        continue
      }
      try {
        yield InputLine.parse(JSON.parse(line.bytes.toString('utf8'))).custom_id
      } catch (error) {
        bad++
        if (bad <= MAX_LINE_WARNINGS) {
          warnings.push(
            `input file line ${line.number} skipped: ${describeError(error).slice(0, 300)}`
          )
        }
      }
    }
    if (bad > MAX_LINE_WARNINGS)
      warnings.push(`input file: ${bad - MAX_LINE_WARNINGS} more malformed lines skipped`)
  }

  const fds: (number | undefined)[] = [undefined, undefined]
  try {
    if (options.outputPath) fds[SOURCE_OUTPUT] = openSync(options.outputPath, 'r')
    if (options.errorPath) fds[SOURCE_ERROR] = openSync(options.errorPath, 'r')
    const reader = new BatchReader(fds)
    const batchIds: string[] = []
    const batchSlots = new Int32Array(BATCH_LINES)
    let batchBytes = 0

    const writeBatch = async (out: OutputBuffer): Promise<void> => {
      const count = batchIds.length
      reader.read(index, batchSlots, count)
      const buffer = reader.buffer
      for (let i = 0; i < count; i++) {
        const customId = batchIds[i] as string
        const slot = batchSlots[i] ?? -1
        result.total++
        if (slot < 0) {
          result.missing++
          out.text(`${JSON.stringify({ custom_id: customId, status: 'missing' })}\n`)
          continue
        }
        const start = reader.start(i)
        const bodyLength = index.bodyLengths[slot] ?? REPARSE
        if (index.kinds[slot] === KIND_OK) {
          result.ok++
          result.usage.prompt += index.prompt[slot] ?? 0
          result.usage.completion += index.completion[slot] ?? 0
          result.usage.total += index.totalTokens[slot] ?? 0
          if (bodyLength !== REPARSE) {
            // The same bytes as JSON.stringify({ custom_id, status: 'ok', response: body }).
            out.text(`{"custom_id":${JSON.stringify(customId)},"status":"ok","response":`)
            const bodyStart = start + (index.bodyStarts[slot] ?? 0)
            out.bytes(buffer, bodyStart, bodyStart + bodyLength)
            out.text('}\n')
          } else {
            const text = buffer.toString('utf8', start, start + (index.lengths[slot] ?? 0))
            const body = reparsedLine(text, customId).response?.body ?? null
            out.text(`${JSON.stringify({ custom_id: customId, status: 'ok', response: body })}\n`)
          }
        } else {
          const text = buffer.toString('utf8', start, start + (index.lengths[slot] ?? 0))
          const classified = classify(
            reparsedLine(text, customId),
            index.sources[slot] === SOURCE_ERROR
          )
          // Indexed as a failure: the same bytes classify the same way.
          if (classified.status !== 'error')
            throw new Error('a result file changed while it was being joined')
          const error = classified.error
          result.error++
          if (result.failures.length < MAX_FAILURES_LISTED)
            result.failures.push({ custom_id: customId, ...error })
          out.text(`${JSON.stringify({ custom_id: customId, status: 'error', error })}\n`)
        }
        index.used[slot] = 1
      }
      batchIds.length = 0
      batchBytes = 0
      if (out.full) await out.flush()
    }

    await writeAtomically(options.destPath, async (file) => {
      const out = new OutputBuffer(file)
      let batches = 0
      try {
        for await (const customId of customIds()) {
          const slot = index.ids.get(customId)
          batchSlots[batchIds.length] = slot ?? -1
          batchIds.push(customId)
          if (slot !== undefined) batchBytes += index.lengths[slot] ?? 0
          if (batchIds.length === BATCH_LINES || batchBytes >= BATCH_BYTES) {
            await writeBatch(out)
            // The reads are synchronous: let timers and signals run between batches.
            if (++batches % 4 === 0) await new Promise((resolve) => setImmediate(resolve))
          }
        }
        if (batchIds.length > 0) await writeBatch(out)
        await out.finish()
      } catch (error) {
        await out.settle()
        throw error
      }
    })
  } finally {
    for (const fd of fds) {
      if (fd !== undefined) {
        try {
          closeSync(fd)
        } catch {
          // ignore
        }
      }
    }
  }

  if (options.inputPath !== undefined) {
    let unused = 0
    for (let slot = 0; slot < index.size; slot++) if (index.used[slot] === 0) unused++
    if (unused > 0) {
      warnings.push(
        `${unused} results have a custom_id that is not in the input file; they were left out of results.jsonl`
      )
    }
  }
  return result
}
