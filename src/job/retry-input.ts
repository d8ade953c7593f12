// The input of a retry round: the requests of the round before that failed for a passing reason,
// in input order, each line with the bytes it was sent with.
//
// Each part's input file and its results.jsonl are read side by side: the join wrote one result
// line per request of the input, in input order, so the n-th request of the input has the n-th
// result line. Nothing is kept but the line at hand: memory does not grow with the files.
import { createHash, type Hash } from 'node:crypto'
import type { FileHandle } from 'node:fs/promises'
import { writeAtomically } from '../jsonl/atomic.js'
import { isBlankLine, readLines, type ScannedLine } from '../jsonl/lines.js'
import { abortReason } from '../net/abort.js'
import { quickCustomId } from '../results/input-ids.js'
import { InputLine } from '../results/schemas.js'
import { lineHead, parseJoinedLine, type JoinedLine } from './joined-line.js'
import { isTransientFailure, transientCodes } from './transient.js'

/** One batch of the round before: what it was sent, what came back, how it ended. */
export interface RetryPart {
  inputPath: string
  resultsPath: string
  /** The batch's final status: a request missing from an expired or cancelled batch is retried. */
  batchStatus: string | undefined
}

export interface RetryInput {
  path: string
  requests: number
  bytes: number
  /** SHA-256 (hex) of the file's bytes. */
  sha256: string
}

export interface RetryInputOptions {
  signal?: AbortSignal
}

const WRITE_BYTES = 1 << 20

/** Lines gathered and written about 1 MiB at a time, hashed and counted as they are written. */
class HashedLines {
  private buffer = Buffer.allocUnsafe(WRITE_BYTES)
  private used = 0
  readonly hash: Hash = createHash('sha256')
  bytes = 0
  lines = 0
  private readonly file: FileHandle
  constructor(file: FileHandle) {
    this.file = file
  }

  async add(line: Buffer): Promise<void> {
    if (this.used + line.length + 1 > this.buffer.length) await this.flush()
    if (line.length + 1 > this.buffer.length) this.buffer = Buffer.allocUnsafe(line.length + 1)
    line.copy(this.buffer, this.used)
    this.buffer[this.used + line.length] = 0x0a
    this.used += line.length + 1
    this.lines++
  }

  async flush(): Promise<void> {
    const data = this.buffer.subarray(0, this.used)
    this.hash.update(data)
    this.bytes += data.length
    let done = 0
    while (done < data.length) done += (await this.file.write(data, done)).bytesWritten
    this.used = 0
    // A buffer grown for one huge line is not kept.
    if (this.buffer.length > 4 * WRITE_BYTES) this.buffer = Buffer.allocUnsafe(WRITE_BYTES)
  }
}

/** The custom_id of an input line, undefined for a line the join skipped too (not a request). */
function inputId(line: ScannedLine): string | undefined {
  const quick = quickCustomId(line.bytes)
  if (quick !== undefined) return quick
  try {
    return InputLine.parse(JSON.parse(line.bytes.toString('utf8'))).custom_id
  } catch {
    return undefined
  }
}

/** The next line that is not blank. */
async function nextLine(lines: AsyncIterator<ScannedLine>): Promise<ScannedLine | undefined> {
  for (;;) {
    const next = await lines.next()
    if (next.done) return undefined
    if (!isBlankLine(next.value.bytes)) return next.value
  }
}

const quoted = (id: string): string => JSON.stringify(id.length > 100 ? `${id.slice(0, 99)}…` : id)

const NOT_THIS_INPUT = 'the results do not belong to this input'

/** The result line of a request, read as far as the retry decision needs. */
function resultOf(part: RetryPart, line: ScannedLine, id: string, at: ScannedLine): JoinedLine {
  let head
  try {
    head = lineHead(line.bytes)
  } catch (error) {
    throw new Error(`${part.resultsPath} line ${line.number}: ${(error as Error).message}`, {
      cause: error
    })
  }
  if (head.customId !== id) {
    throw new Error(
      `${part.resultsPath} line ${line.number} is the result of custom_id ${quoted(head.customId)}, ` +
        `but line ${at.number} of ${part.inputPath} is the request ${quoted(id)}: ${NOT_THIS_INPUT}`
    )
  }
  if (head.status !== 'error') return { custom_id: id, status: head.status }
  return parseJoinedLine(line.bytes)
}

/** Writes the transient failures of one part, in its input order. */
async function addPart(
  part: RetryPart,
  codes: ReadonlySet<string>,
  out: HashedLines,
  signal: AbortSignal | undefined
): Promise<void> {
  const results = readLines(part.resultsPath)[Symbol.asyncIterator]()
  try {
    let requests = 0
    for await (const line of readLines(part.inputPath)) {
      if (signal?.aborted) throw abortReason(signal)
      if (isBlankLine(line.bytes)) continue
      const id = inputId(line)
      if (id === undefined) continue
      requests++
      const result = await nextLine(results)
      if (!result) {
        throw new Error(
          `${part.resultsPath} ends after ${requests - 1} results, but line ${line.number} of ` +
            `${part.inputPath} is another request (${quoted(id)}): ${NOT_THIS_INPUT}`
        )
      }
      const joined = resultOf(part, result, id, line)
      if (isTransientFailure(joined, codes, part.batchStatus)) await out.add(line.bytes)
    }
    const extra = await nextLine(results)
    if (extra) {
      throw new Error(
        `${part.resultsPath} line ${extra.number} is a result beyond the ${requests} requests of ` +
          `${part.inputPath}: ${NOT_THIS_INPUT}`
      )
    }
  } finally {
    await results.return(undefined)
  }
}

class NoRetries extends Error {}

/**
 * Writes to `dest` (atomically) the input lines, in input order over the parts in order, of the
 * requests whose result is a transient failure (isTransientFailure with `codes`; undefined: the
 * default list). Each line keeps its bytes, ended by '\n'. Undefined, and no file, when there is
 * none. Throws, writing nothing, when a results file does not match its input line for line.
 */
export async function writeRetryInput(
  parts: readonly RetryPart[],
  codes: readonly string[] | ReadonlySet<string> | undefined,
  dest: string,
  options: RetryInputOptions = {}
): Promise<RetryInput | undefined> {
  const set = codes instanceof Set ? codes : transientCodes(codes as readonly string[] | undefined)
  try {
    return await writeAtomically(dest, async (file) => {
      const out = new HashedLines(file)
      for (const part of parts) await addPart(part, set, out, options.signal)
      // Nothing to send: the temporary file is removed and `dest` left as it was.
      if (out.lines === 0) throw new NoRetries()
      await out.flush()
      return { path: dest, requests: out.lines, bytes: out.bytes, sha256: out.hash.digest('hex') }
    })
  } catch (error) {
    if (error instanceof NoRetries) return undefined
    throw error
  }
}
