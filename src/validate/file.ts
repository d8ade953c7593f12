// Validation of a batch requests file (JSONL): before anything is uploaded (validateRequestsFile),
// or on the chunks an upload sends (validatingChunks, whose last chunk waits for the verdict).
//
// One pass over the file with the shared line reader (../jsonl/lines.ts): each chunk's complete
// lines decoded as strict UTF-8 at once when they are valid UTF-8, else line by line with a fatal
// TextDecoder to name the bad line; lines spanning chunks, and line 1 (byte order marks), go
// through the byte path. Each line is parsed and checked by the hand-written fast path
// (fast-shape.ts); zod's schema (envelope and endpoint body) runs only on a line the fast path
// does not vouch for, to give the messages. The SHA-256 and the byte count are computed on the
// way. Memory stays flat whatever the file size: the custom_ids seen (16 bytes each, see IdTable)
// are the only thing that grows. Measured on Node 24 with typical chat requests
// (bench/validate.mjs): about 200 MB/s before the fast path, which took a third off the CPU time;
// peak RSS about 100 MB for 200 MB and 120 MB for 1 GB, of which 65 MB is Node with zod loaded.
// The rules for each line are in validator.ts.
import { isUtf8 } from 'node:buffer'
import { createHash } from 'node:crypto'
import { stat } from 'node:fs/promises'
import { Inputs } from '../action/names.js'
import { formatBytes, formatNumber } from '../lib/format.js'
import { abortReason } from '../net/abort.js'
import { ChunkGatherer } from '../jsonl/gather.js'
import { readLinePieces } from '../jsonl/lines.js'
import { schemasFor } from './schemas.js'
import {
  DEFAULT_MAX_PROBLEMS,
  MAX_LINE_BYTES,
  type Problem,
  type ValidationOptions,
  type ValidationReport
} from './types.js'
import { Validator } from './validator.js'

// 64 KiB: the text decoded from one read then stays a young-generation string, freed by
// the next scavenge. Reads of 256 KiB or more make large-object strings that wait for a
// full GC (measured on 200 MB: peak RSS 97 MB at 64 KiB, 117-141 MB at 256 KiB, same speed).
const DEFAULT_CHUNK_BYTES = 64 * 1024
// What the one pass sends at a time: fewer writes than one per 64 KiB read (200 MB: 4.2-5.3 s
// at 64 KiB, 2.8-4.4 s at 128 KiB), in buffers small enough to be reused once freed (at 512 KiB
// peak RSS was 158 MB).
const SEND_CHUNK_BYTES = 128 * 1024

function fileLevelChecks(size: number, options: ValidationOptions): string[] {
  const problems: string[] = []
  const { provider, endpoint } = options
  if (provider.endpoints && !provider.endpoints.includes(endpoint)) {
    problems.push(
      `${provider.name} does not offer the endpoint ${JSON.stringify(endpoint)} for batches; it offers ${provider.endpoints.join(', ')}`
    )
  }
  const limit = options.maxFileBytes
  if (limit !== undefined && size > limit) problems.push(sizeMessage(size, limit))
  return problems
}

/** Over max-file-size, the user's limit on the whole input (the provider's limit splits it instead). */
function sizeMessage(size: number, limit: number): string {
  const bytes = (n: number) => `${formatBytes(n)} (${formatNumber(n)} bytes)`
  return `the file is ${bytes(size)}, more than ${Inputs.MaxFileSize}, ${bytes(limit)}; raise ${Inputs.MaxFileSize} or make the file smaller`
}

/** Notes for the log: the checks that cannot be made for this endpoint or provider. */
function checksNotMade(options: ValidationOptions): string[] {
  const notes: string[] = []
  if (!schemasFor(options.endpoint).bodyChecked) {
    notes.push(
      `no body checks for the endpoint ${options.endpoint}: only custom_id, method, url and body.model are checked`
    )
  }
  return notes
}

interface ReportCounts {
  requests: number
  bytes: number
  sha256: string
  model?: string
}

/** The report: file-level and request-limit problems always kept, line problems fill the rest. */
function report(
  counts: ReportCounts,
  pinned: Problem[],
  lineProblems: Problem[],
  problemCount: number,
  options: ValidationOptions,
  notes: string[]
): ValidationReport {
  const maxProblems = Math.max(0, options.maxProblems ?? DEFAULT_MAX_PROBLEMS)
  const kept = [
    ...pinned.slice(0, maxProblems),
    ...lineProblems.slice(0, Math.max(0, maxProblems - pinned.length))
  ]
  kept.sort((a, b) => a.line - b.line) // stable: file-level problems keep their order
  const result: ValidationReport = { ...counts, problems: kept, problemCount, notes }
  if (result.model === undefined) delete result.model
  return result
}

/** The size of the file, or the problem that stops the check before reading it. */
async function sizeOrProblem(path: string): Promise<number | string> {
  try {
    const info = await stat(path)
    return info.isFile() ? info.size : `${path} is not a file`
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return `${path} does not exist`
    throw error
  }
}

/**
 * The complete lines of one chunk, from line `lineNo` on; returns the next line's number. Decoded
 * at once when they are valid UTF-8 (the usual case), else line by line to locate the bad one.
 */
function checkLines(v: Validator, bytes: Buffer, lineNo: number): number {
  let region = bytes
  if (lineNo === 1) {
    // Line 1 goes through the byte path (UTF-16 detection).
    const newline = region.indexOf(10)
    v.lineBytes(newline === -1 ? region : region.subarray(0, newline), lineNo++)
    if (newline === -1 || v.stopped) return lineNo
    region = region.subarray(newline + 1)
  }
  if (isUtf8(region)) {
    const text = region.toString('utf8')
    let from = 0
    for (;;) {
      const to = text.indexOf('\n', from)
      v.line(to === -1 ? text.slice(from) : text.slice(from, to), lineNo++)
      if (to === -1) break
      from = to + 1
    }
  } else {
    let from = 0
    for (;;) {
      const to = region.indexOf(10, from)
      v.lineBytes(region.subarray(from, to === -1 ? region.length : to), lineNo++)
      if (to === -1) break
      from = to + 1
    }
  }
  return lineNo
}

/**
 * Reads the file through `v`, hashing and counting its bytes; stops early when `v` stops. With
 * `chunks`, yields a copy of every chunk read once its lines were checked (see validatingChunks).
 */
async function* checkAllLines(
  path: string,
  v: Validator,
  readChunkBytes: number,
  signal: AbortSignal | undefined,
  chunks: boolean
): AsyncGenerator<Buffer, { bytes: number; sha256: string }> {
  const hash = createHash('sha256')
  let bytes = 0
  let lineNo = 1
  const read = new ChunkGatherer(SEND_CHUNK_BYTES)
  const pieces = readLinePieces(path, {
    chunkBytes: readChunkBytes,
    maxLineBytes: MAX_LINE_BYTES,
    onChunk: (chunk) => {
      hash.update(chunk)
      bytes += chunk.length
      if (chunks) read.add(chunk)
    }
  })
  for await (const piece of pieces) {
    if (piece.kind === 'lines') lineNo = checkLines(v, piece.bytes, lineNo)
    else if (piece.kind === 'line') v.lineBytes(piece.bytes, lineNo++)
    else v.tooLongLine(lineNo++, piece.length)
    if (v.stopped) break
    // A chunk takes well under a millisecond: SIGINT stops a large file at once.
    if (signal?.aborted) throw abortReason(signal)
    // Every chunk but the last read: its lines are checked (a line that spans it, with the next).
    while (read.full.length > 1) yield read.full.shift() as Buffer
  }
  yield* read.flush()
  return { bytes, sha256: v.stopped ? '' : hash.digest('hex') }
}

/**
 * The checks made before reading a line (the file is there, the provider offers the endpoint, the
 * size is within max-file-size): the report when one fails, else the file's size.
 */
export async function checkBeforeReading(
  path: string,
  options: ValidationOptions
): Promise<ValidationReport | number> {
  const size = await sizeOrProblem(path)
  if (typeof size === 'string') {
    const problem = { line: 0, message: size }
    return report({ requests: 0, bytes: 0, sha256: '' }, [problem], [], 1, options, [])
  }
  const fileProblems = fileLevelChecks(size, options).map((message) => ({ line: 0, message }))
  if (fileProblems.length === 0) return size
  const counts = { requests: 0, bytes: size, sha256: '' }
  return report(counts, fileProblems, [], fileProblems.length, options, [])
}

/** What checkFile ends with: the report, and the last chunk it held back (if it read any). */
interface Checked {
  report: ValidationReport
  last?: Buffer
}

/**
 * The checks of validateRequestsFile; with `chunks`, the file's chunks yielded along the way, all
 * but the last, which comes back with the report for the caller to send or not.
 */
async function* checkFile(
  path: string,
  options: ValidationOptions,
  chunks: boolean
): AsyncGenerator<Buffer, Checked> {
  const before = await checkBeforeReading(path, options)
  if (typeof before !== 'number') return { report: before }
  const notes = checksNotMade(options)

  const v = new Validator(options)
  const readChunkBytes = Math.max(1, options.readChunkBytes ?? DEFAULT_CHUNK_BYTES)
  const lines = checkAllLines(path, v, readChunkBytes, options.signal, chunks)
  let last: Buffer | undefined
  let next = await lines.next()
  for (; !next.done; next = await lines.next()) {
    // One chunk is held back: the last one goes out only once the whole file checked out.
    if (last) yield last
    last = next.value
  }
  const { bytes, sha256 } = next.value
  v.finish()

  let problemCount = v.problemCount
  const grown: Problem[] = []
  const limit = options.maxFileBytes
  if (!v.stopped && limit !== undefined && bytes > limit) {
    // The file grew after stat.
    grown.push({ line: 0, message: sizeMessage(bytes, limit) })
    problemCount++
  }
  const counts = { requests: v.requests, bytes, sha256, model: v.model }
  const result = report(
    counts,
    [...grown, ...v.pinned],
    v.lineProblems,
    problemCount,
    options,
    notes
  )
  return last ? { report: result, last } : { report: result }
}

/**
 * Checks a batch requests file without uploading it: every line is one request for
 * `options.endpoint`, custom_ids are unique, one model throughout, an endpoint the provider
 * offers, within max-requests and max-file-size when they are set. The provider's per-file
 * limits refuse nothing: they decide how the job is split (../job/limits.ts). Never throws for bad content; throws only when the file cannot be read
 * (other than a missing file or a directory, which are reported as problems).
 */
export async function validateRequestsFile(
  path: string,
  options: ValidationOptions
): Promise<ValidationReport> {
  const check = checkFile(path, options, false)
  let next = await check.next()
  while (!next.done) next = await check.next()
  return next.value.report
}

/**
 * One pass over the input for an upload: the file's bytes, checked as validateRequestsFile checks
 * them, for the upload to send as they come. Every chunk goes out once its lines are checked, but
 * the last one only after the whole file checked out: with a problem anywhere (the last line
 * included) the generator throws a ValidationFailedError before it, so the upload never
 * completes and nothing becomes a file on the provider. What is sent is what was checked, byte
 * for byte. `onReport` hears the report (the same as validateRequestsFile's) once the file was
 * read, before the last chunk goes out: an error it throws stops the upload there too.
 */
export async function* validatingChunks(
  path: string,
  options: ValidationOptions,
  onReport: (report: ValidationReport) => void
): AsyncGenerator<Buffer> {
  const check = checkFile(path, options, true)
  let next = await check.next()
  for (; !next.done; next = await check.next()) {
    if (next.value.length > 0) yield next.value
  }
  const { report, last } = next.value
  onReport(report)
  if (report.problemCount > 0) throw new ValidationFailedError(report)
  if (last && last.length > 0) yield last
}

/** The upload stopped: the file did not check out (the report says why). */
export class ValidationFailedError extends Error {
  readonly report: ValidationReport
  constructor(report: ValidationReport) {
    super(`the file did not pass validation: ${report.problemCount} problems`)
    this.name = 'ValidationFailedError'
    this.report = report
  }
}
