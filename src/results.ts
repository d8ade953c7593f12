// The results side of a batch: downloading the output and error files to disk, joining them with the
// input file into results.jsonl, and the max-failed-requests limit.
//
// Files can be hundreds of megabytes: nothing here holds a whole file, or all response bodies, in memory.
import { randomBytes } from 'node:crypto'
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises'
import { dirname } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { APIError } from 'openai'
import { z } from 'zod'

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
 * Collects small chunks and writes them to the handle about 1 MiB at a time. (A stream from
 * FileHandle.createWriteStream with autoClose: false keeps a reference that makes close() hang.)
 */
class BufferedWriter {
  private chunks: Uint8Array[] = []
  private size = 0
  bytes = 0
  private readonly file: FileHandle
  constructor(file: FileHandle) {
    this.file = file
  }

  async write(chunk: Uint8Array): Promise<void> {
    this.chunks.push(chunk)
    this.size += chunk.length
    if (this.size >= WRITE_BUFFER) await this.flush()
  }

  async flush(): Promise<void> {
    if (this.size === 0) return
    const data =
      this.chunks.length === 1
        ? (this.chunks[0] as Uint8Array)
        : Buffer.concat(this.chunks, this.size)
    this.chunks = []
    this.size = 0
    let done = 0
    while (done < data.length) {
      const { bytesWritten } = await this.file.write(data, done, data.length - done)
      done += bytesWritten
    }
    this.bytes += data.length
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
  /** Delay before attempt `attempt + 1`, after attempt `attempt` (1-based) failed. */
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

function defaultBackoffMs(attempt: number): number {
  return Math.min(1000 * 2 ** (attempt - 1), 30_000)
}

async function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  await delay(ms, undefined, signal ? { signal } : undefined)
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
      const writer = new BufferedWriter(file)
      for (;;) {
        const { done, value } = await reader.read()
        signal?.throwIfAborted()
        if (done) break
        await writer.write(value)
      }
      await writer.flush()
      if (expected !== undefined && writer.bytes !== expected)
        throw new TruncatedBodyError(writer.bytes, expected)
      return { bytes: writer.bytes }
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
  const attempts = Math.max(1, Math.floor(options.attempts))
  const { signal } = options
  const sleep = options.sleep ?? defaultSleep
  const backoffMs = options.backoffMs ?? defaultBackoffMs
  for (let attempt = 1; ; attempt++) {
    try {
      return await downloadOnce(open, destPath, signal)
    } catch (error) {
      if (signal?.aborted) throw signal.reason ?? error
      if (attempt >= attempts || !isRetryableDownloadError(error)) throw error
      options.onRetry?.(attempt, error)
      try {
        await sleep(backoffMs(attempt), signal)
      } catch (sleepError) {
        throw signal?.aborted ? (signal.reason ?? sleepError) : sleepError
      }
    }
  }
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
    // One buffer, reused: a line's bytes are only used until the next line is asked for, and the
    // unfinished tail of a chunk is copied out before the buffer is refilled.
    const chunk = Buffer.allocUnsafe(CHUNK)
    for (;;) {
      const { bytesRead } = await file.read(chunk, 0, CHUNK, position)
      if (bytesRead === 0) break
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
    }
    if (pending.length > 0) yield emit(Buffer.alloc(0))
  } finally {
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

const count = z.number().nullish().catch(undefined)
const UsageBodySchema = z.looseObject({
  usage: z
    .looseObject({
      prompt_tokens: count,
      completion_tokens: count,
      input_tokens: count,
      output_tokens: count,
      total_tokens: count
    })
    .nullish()
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

function addUsage(total: TokenUsage, body: unknown): void {
  const parsed = UsageBodySchema.safeParse(body)
  const usage = parsed.success ? parsed.data.usage : undefined
  if (!usage) return
  const prompt = usage.prompt_tokens ?? usage.input_tokens ?? 0
  const completion = usage.completion_tokens ?? usage.output_tokens ?? 0
  total.prompt += prompt
  total.completion += completion
  total.total += usage.total_tokens ?? prompt + completion
}

const SOURCE_OUTPUT = 0
const SOURCE_ERROR = 1
const KIND_OK = 0
const KIND_ERROR = 1

/** custom_id -> (file, byte offset, byte length, ok/error), in typed arrays to stay small with millions of lines. */
class ResultIndex {
  readonly ids = new Map<string, number>()
  offsets = new Float64Array(1024)
  lengths = new Uint32Array(1024)
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
    this.sources = grow(this.sources, (n) => new Uint8Array(n))
    this.kinds = grow(this.kinds, (n) => new Uint8Array(n))
    this.used = grow(this.used, (n) => new Uint8Array(n))
  }

  /** Adds or replaces an entry; returns false when the id was already there. */
  set(id: string, source: number, offset: number, length: number, kind: number): boolean {
    const existing = this.ids.get(id)
    let slot = existing
    if (slot === undefined) {
      if (this.size === this.offsets.length) this.grow()
      slot = this.size++
      this.ids.set(id, slot)
    } else if (!(this.kinds[slot] === KIND_ERROR && kind === KIND_OK)) {
      // Keep the first line for an id, unless a success comes after a failure.
      return false
    }
    this.offsets[slot] = offset
    this.lengths[slot] = length
    this.sources[slot] = source
    this.kinds[slot] = kind
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
    let parsed: ResultLine
    try {
      parsed = ResultLineSchema.parse(JSON.parse(line.bytes.toString('utf8')))
    } catch (error) {
      malformed++
      if (malformed <= MAX_LINE_WARNINGS) {
        warnings.push(`${label} line ${line.number} skipped: ${describeError(error).slice(0, 300)}`)
      }
      continue
    }
    const kind = classify(parsed, source === SOURCE_ERROR).status === 'ok' ? KIND_OK : KIND_ERROR
    if (!index.set(parsed.custom_id, source, line.offset, line.bytes.length, kind)) duplicates++
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

/** Reads exactly `length` bytes at `offset`, reusing a scratch buffer. */
class PositionedReader {
  private scratch = Buffer.allocUnsafe(64 * 1024)
  private readonly files: (FileHandle | undefined)[]
  constructor(files: (FileHandle | undefined)[]) {
    this.files = files
  }

  async read(source: number, offset: number, length: number): Promise<string> {
    const file = this.files[source]
    if (!file) throw new Error('internal error: result file not open')
    if (this.scratch.length < length)
      this.scratch = Buffer.allocUnsafe(Math.max(length, this.scratch.length * 2))
    let done = 0
    while (done < length) {
      const { bytesRead } = await file.read(this.scratch, done, length - done, offset + done)
      if (bytesRead === 0) throw new Error('a result file changed while it was being joined')
      done += bytesRead
    }
    return this.scratch.toString('utf8', 0, length)
  }
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

  const files: (FileHandle | undefined)[] = [undefined, undefined]
  try {
    if (options.outputPath) files[SOURCE_OUTPUT] = await open(options.outputPath, 'r')
    if (options.errorPath) files[SOURCE_ERROR] = await open(options.errorPath, 'r')
    const reader = new PositionedReader(files)

    const resultFor = async (customId: string): Promise<string> => {
      const slot = index.ids.get(customId)
      result.total++
      if (slot === undefined) {
        result.missing++
        return JSON.stringify({ custom_id: customId, status: 'missing' })
      }
      index.used[slot] = 1
      const source = index.sources[slot] ?? SOURCE_OUTPUT
      const text = await reader.read(source, index.offsets[slot] ?? 0, index.lengths[slot] ?? 0)
      const classified = classify(ResultLineSchema.parse(JSON.parse(text)), source === SOURCE_ERROR)
      if (classified.status === 'ok') {
        result.ok++
        addUsage(result.usage, classified.body)
        return JSON.stringify({ custom_id: customId, status: 'ok', response: classified.body })
      }
      result.error++
      if (result.failures.length < MAX_FAILURES_LISTED)
        result.failures.push({ custom_id: customId, ...classified.error })
      return JSON.stringify({ custom_id: customId, status: 'error', error: classified.error })
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

    await writeAtomically(options.destPath, async (file) => {
      const writer = new BufferedWriter(file)
      for await (const customId of customIds()) {
        await writer.write(Buffer.from(`${await resultFor(customId)}\n`, 'utf8'))
      }
      await writer.flush()
    })
  } finally {
    await Promise.all(files.map((file) => file?.close().catch(() => undefined)))
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
