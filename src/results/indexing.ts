// Indexing the output and error files: every result line's place, outcome and token usage.
import { isAscii, isUtf8 } from 'node:buffer'
import { isBlankLine, readLines } from '../jsonl/lines.js'
import { abortReason } from '../net/abort.js'
import { classify } from './classify.js'
import { KIND_ERROR, KIND_OK, REPARSE, SOURCE_ERROR, type ResultIndex } from './output-index.js'
import { ResultLineSchema, type ResultLine } from './schemas.js'
import { usageOf } from './usage.js'
import { describeError, MAX_LINE_WARNINGS } from './warnings.js'

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

/** Adds the lines of one output or error file to the index, with warnings for the lines it skips. */
export async function indexResultFile(
  index: ResultIndex,
  path: string,
  source: number,
  label: string,
  warnings: string[],
  signal?: AbortSignal
): Promise<{ malformed: number }> {
  let malformed = 0
  let duplicates = 0
  for await (const line of readLines(path)) {
    if (signal?.aborted) throw abortReason(signal)
    if (isBlankLine(line.bytes)) continue
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
