// The lines of a batch's results.jsonl read back by the job (the retry selection, the job's join).
//
// The join writes every line as `{"custom_id":<JSON string>,"status":"ok"|"error"|"missing",...}`
// (joined-lines.ts). The id and the status are read from those first bytes without parsing the
// line (an ok line carries the whole response body); a line of any other form is parsed in full.
import type { ResultError } from '../results/classify.js'
import { isRecord } from '../lib/json-kind.js'

export type JoinedStatus = 'ok' | 'error' | 'missing'

/** A line of results.jsonl, parsed. */
export interface JoinedLine {
  custom_id: string
  status: JoinedStatus
  /** The failure of an 'error' line. */
  error?: ResultError
  /** The response body of an 'ok' line. */
  response?: unknown
}

export interface LineHead {
  customId: string
  status: JoinedStatus
}

const HEAD = Buffer.from('{"custom_id":"')
const STATUS_KEY = Buffer.from(',"status":"')
const STATUSES: readonly { word: Buffer; status: JoinedStatus }[] = (
  ['ok', 'error', 'missing'] as const
).map((status) => ({ word: Buffer.from(`${status}"`), status }))
const QUOTE = 0x22
const BACKSLASH = 0x5c

/** Whether `prefix` is at `at` in `bytes` (a loop: Buffer#compare with offsets costs more for a few bytes). */
function startsWithAt(bytes: Buffer, prefix: Buffer, at: number): boolean {
  if (at + prefix.length > bytes.length) return false
  for (let i = 0; i < prefix.length; i++) if (bytes[at + i] !== prefix[i]) return false
  return true
}

/** The id and status from the first bytes of a line the join wrote; undefined for any other form. */
function quickHead(bytes: Buffer): LineHead | undefined {
  if (!startsWithAt(bytes, HEAD, 0)) return undefined
  const start = HEAD.length
  const end = bytes.indexOf(QUOTE, start)
  if (end === -1) return undefined
  // An escape in the id (a quote, a backslash, a control character): left to JSON.parse.
  const backslash = bytes.indexOf(BACKSLASH, start)
  if (backslash !== -1 && backslash < end) return undefined
  const at = end + 1
  if (!startsWithAt(bytes, STATUS_KEY, at)) return undefined
  const wordAt = at + STATUS_KEY.length
  for (const { word, status } of STATUSES) {
    if (startsWithAt(bytes, word, wordAt))
      return { customId: bytes.toString('utf8', start, end), status }
  }
  return undefined
}

function isStatus(value: unknown): value is JoinedStatus {
  return value === 'ok' || value === 'error' || value === 'missing'
}

/** Parses a whole line; throws when it is not a line of results.jsonl. */
export function parseJoinedLine(bytes: Buffer): JoinedLine {
  let line: unknown
  try {
    line = JSON.parse(bytes.toString('utf8'))
  } catch (error) {
    throw new Error(`not a line of results.jsonl (${(error as Error).message})`, { cause: error })
  }
  if (!isRecord(line) || typeof line['custom_id'] !== 'string' || !isStatus(line['status']))
    throw new Error('not a line of results.jsonl (it needs a custom_id and a status)')
  const error = line['error']
  if (line['status'] === 'error' && (!isRecord(error) || typeof error['message'] !== 'string'))
    throw new Error('not a line of results.jsonl (an error line needs an error with a message)')
  return line as unknown as JoinedLine
}

/** The custom_id and status of a line; throws when it is not a line of results.jsonl. */
export function lineHead(bytes: Buffer): LineHead {
  const quick = quickHead(bytes)
  if (quick) return quick
  const line = parseJoinedLine(bytes)
  return { customId: line.custom_id, status: line.status }
}
