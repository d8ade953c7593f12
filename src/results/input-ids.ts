// The custom_ids of the input file, in input order: what the join writes one line for.
import { isBlankLine, readLines } from '../jsonl/lines.js'
import { InputLine } from './schemas.js'
import { describeError, MAX_LINE_WARNINGS } from './warnings.js'

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
 * parsing the ~4 kB request. Undefined for any other line, which is then parsed in full. The rest
 * of the line is not checked: an input was validated before it was uploaded, and a line that is
 * not JSON but starts so (`{"custom_id":"a","body":{}`) is joined by its id all the same.
 */
export function quickCustomId(bytes: Buffer): string | undefined {
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

/** The custom_id of every request line of the input file; unreadable lines skipped with a warning. */
export async function* inputCustomIds(
  inputPath: string,
  warnings: string[]
): AsyncGenerator<string> {
  let bad = 0
  for await (const line of readLines(inputPath)) {
    if (isBlankLine(line.bytes)) continue
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
