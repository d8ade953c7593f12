// Indexing the output and error files: every result line's place, outcome and token usage.
import { isAscii, isUtf8 } from 'node:buffer'
import { isBlankLine, readLines } from '../jsonl/lines.js'
import { abortReason } from '../net/abort.js'
import { bodySpanFromLayout, countKeys } from './body-span.js'
import { classify } from './classify.js'
import { KIND_ERROR, KIND_OK, REPARSE, SOURCE_ERROR, type ResultIndex } from './output-index.js'
import { ResultLineSchema, type ResultLine } from './schemas.js'
import { usageOf } from './usage.js'
import { describeError, MAX_LINE_WARNINGS } from './warnings.js'

/**
 * The general search: where the bytes of JSON.stringify(body) appear in the line, so that the join
 * can copy them instead of parsing the line again; undefined when they do not (escapes such as \u00e9 or \/,
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

/** Where the body's bytes are: from the line's layout, else by the general search. */
function findBody(
  bytes: Buffer,
  text: string,
  body: unknown
): { start: number; length: number } | undefined {
  if (body === undefined || body === null) return undefined
  const span = bodySpanFromLayout(bytes)
  // Invalid UTF-8 decodes to U+FFFD, which JSON.stringify writes as other bytes.
  if (span && countKeys(body) === span.keys && (isAscii(bytes) || isUtf8(bytes))) return span
  return locateBody(bytes, text, body)
}

/**
 * Indexes the lines of one output or error file, one at a time, in file order; counts what it
 * skips and says so in `warnings` at the end. The lines come from a file being read or from a
 * download passing through (see one-pass.ts).
 */
export class ResultFileIndexer {
  malformed = 0
  private duplicates = 0
  private readonly index: ResultIndex
  private readonly source: number
  private readonly label: string
  private readonly warnings: string[]
  constructor(index: ResultIndex, source: number, label: string, warnings: string[]) {
    this.index = index
    this.source = source
    this.label = label
    this.warnings = warnings
  }

  /** Indexes one line (without its line break); returns the slot it went to, or -1 when it was skipped or not kept. */
  line(bytes: Buffer, offset: number, number: number): number {
    if (isBlankLine(bytes)) return -1
    const text = bytes.toString('utf8')
    let parsed: ResultLine
    try {
      parsed = ResultLineSchema.parse(JSON.parse(text))
    } catch (error) {
      this.malformed++
      if (this.malformed <= MAX_LINE_WARNINGS) {
        this.warnings.push(
          `${this.label} line ${number} skipped: ${describeError(error).slice(0, 300)}`
        )
      }
      return -1
    }
    const classified = classify(parsed, this.source === SOURCE_ERROR)
    const ok = classified.status === 'ok'
    const body = ok ? findBody(bytes, text, classified.body) : undefined
    const index = this.index
    const added = index.set(parsed.custom_id, {
      source: this.source,
      offset,
      length: bytes.length,
      kind: ok ? KIND_OK : KIND_ERROR,
      bodyStart: body?.start ?? 0,
      bodyLength: body?.length ?? REPARSE,
      usage: ok ? usageOf(classified.body) : undefined
    })
    if (!added) this.duplicates++
    // A repeated id keeps its first line unless a success replaced a failure.
    return index.lastWritten
  }

  /** The warnings that sum up the file, once its last line is in. */
  end(): { malformed: number } {
    const { malformed, duplicates, label, warnings } = this
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
}

/** Adds the lines of one output or error file to the index, with warnings for the lines it skips. */
export async function indexResultFile(
  index: ResultIndex,
  path: string,
  source: number,
  label: string,
  warnings: string[],
  signal?: AbortSignal
): Promise<{ malformed: number }> {
  const indexer = new ResultFileIndexer(index, source, label, warnings)
  for await (const line of readLines(path)) {
    if (signal?.aborted) throw abortReason(signal)
    indexer.line(line.bytes, line.offset, line.number)
  }
  return indexer.end()
}
