// The messages of validation: readable text for zod issues, JSON errors and the problems found
// on the bytes of a line. Only built while problems are still kept in detail.
import type { z } from 'zod'
import { formatBytes, formatNumber } from '../lib/format.js'
import { kindOf } from '../lib/json-kind.js'
import { MAX_LINE_BYTES } from './types.js'

function pathText(path: readonly PropertyKey[]): string {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else out += out === '' ? String(key) : `.${String(key)}`
  }
  return out
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = root
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return value
}

const EXPECTED: Readonly<Record<string, string>> = {
  string: 'a string',
  object: 'an object',
  array: 'an array',
  int: 'an integer',
  number: 'a number',
  boolean: 'a boolean'
}

export function preview(value: unknown, max = 60): string {
  let text: string
  try {
    text = JSON.stringify(value) ?? String(value)
  } catch {
    text = String(value)
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

const URL_MISMATCH = ' differs from the endpoint '

/** A line whose url is not the endpoint input. */
export function urlMismatchMessage(url: unknown, endpoint: string): string {
  return `url ${preview(url)}${URL_MISMATCH}${JSON.stringify(endpoint)}`
}

/** The url (as previewed) named by a problem message of urlMismatchMessage, if it has one. */
export function mismatchedUrl(message: string): string | undefined {
  const match = /(?:^|, )url (.+?) differs from the endpoint "/.exec(message)
  return match?.[1]
}

export function describeIssue(issue: z.core.$ZodIssue, root: unknown, endpoint: string): string {
  const where = pathText(issue.path)
  const value = valueAt(root, issue.path)
  if (issue.path.length === 0 && issue.code === 'invalid_type') {
    return `each line must be a JSON object with custom_id, method, url and body; found ${kindOf(value)}`
  }
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return `${where} is missing`
      return `${where} must be ${EXPECTED[issue.expected] ?? issue.expected}, found ${kindOf(value)}`
    case 'too_small':
      return `${where} must not be empty`
    case 'invalid_value':
      if (where === 'url') {
        return value === undefined ? 'url is missing' : urlMismatchMessage(value, endpoint)
      }
      if (value === undefined) return `${where} is missing`
      return `${where} must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, found ${preview(value)}`
    case 'invalid_union':
      if (value === undefined) return `${where} is missing`
      return `${where} ${issue.message}`
    default:
      return `${where}: ${issue.message}`
  }
}

export function describeJsonError(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error)
  const trimmed = text.trim()
  let hint = ''
  if (trimmed === '[' || trimmed === ']') {
    hint =
      '; the file looks like a JSON array, but a batch file is JSONL: one request object per line, no brackets'
  } else if (trimmed.endsWith(','))
    hint = '; remove the comma at the end of the line (JSONL has no commas between lines)'
  return `not valid JSON (${message.length > 200 ? `${message.slice(0, 199)}…` : message})${hint}`
}

/** Byte offset of the first invalid UTF-8 sequence in bytes (only called once decoding failed). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  const n = bytes.length
  while (i < n) {
    const b = bytes[i]!
    if (b < 0x80) {
      i++
      continue
    }
    let need: number
    let min: number
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1
      min = 0x80
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2
      min = 0x800
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3
      min = 0x10000
    } else return i
    if (i + need >= n) return i
    let cp = b & (0x3f >> need)
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      if (c === undefined || (c & 0xc0) !== 0x80) return i
      cp = (cp << 6) | (c & 0x3f)
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i
    i += need + 1
  }
  return -1
}

export function plural(n: number, word: string): string {
  return `${formatNumber(n)} ${word}${n === 1 ? '' : 's'}`
}

export const BLANK_LINE =
  'blank line; remove it: providers reject empty lines (one newline at the end of the file is fine)'

export const UTF16_FILE =
  'the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8 without a byte order mark'

export const NO_REQUESTS = 'the file has no requests; write one JSON request per line'

/** A byte order mark at the start of a line: on line 1 from a Windows tool, later from joined files. */
export function byteOrderMarkMessage(lineNo: number): string {
  return lineNo === 1
    ? 'the file starts with a UTF-8 byte order mark (BOM), which providers reject; remove the byte order mark (save as "UTF-8", not "UTF-8 with BOM")'
    : 'the line starts with a byte order mark (U+FEFF), probably from joining files that had one; remove it'
}

/** A line that failed strict UTF-8 decoding, naming its first bad byte. */
export function invalidUtf8Message(bytes: Uint8Array): string {
  const at = firstInvalidUtf8(bytes)
  return `not valid UTF-8${at >= 0 ? ` (byte ${at + 1} of the line is 0x${bytes[at]!.toString(16).padStart(2, '0')})` : ''}; the file must be UTF-8`
}

export function tooLongMessage(length: number): string {
  return `the line is longer than ${formatBytes(MAX_LINE_BYTES)} (${formatBytes(length)} at least); no provider takes a request this large, so it was not checked`
}

export function requestLimitMessage(requests: number, limitText: string): string {
  return `the file has ${plural(requests, 'request')}, more than ${limitText}; this is the first line over the limit (raise max-requests or remove requests)`
}

/** Appended to the problem on the first line of another model: how many later lines use it too. */
export function otherModelCountText(model: string, count: number): string {
  return ` (${plural(count, 'more line')} after this one use${count === 1 ? 's' : ''} ${preview(model)})`
}

export function duplicateIdMessage(id: string, firstLine: number): string {
  return `custom_id ${preview(id)} repeats line ${firstLine}`
}

export function otherModelMessage(model: string, firstModel: string, firstLine: number): string {
  return `model ${preview(model)} differs from ${preview(firstModel)} on line ${firstLine}; a batch takes one model`
}
