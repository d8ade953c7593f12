// Where a result line's response body sits in its bytes, found from the line's layout: one walk over
// the line's structure, with the long strings skipped by native byte searches, instead of writing
// the body again with JSON.stringify and searching the line for it.
//
// The join copies those bytes into results.jsonl as the body, so they must be exactly what
// JSON.stringify(body) writes. They are when the body is written the canonical way: no spaces
// between tokens, numbers as String(number) writes them, only the escapes JSON.stringify uses, no
// repeated keys (JSON.parse keeps the last) and no integer-like keys (which objects list first).
// Anything else is left to the general search of indexing.ts.

const QUOTE = 0x22
const BACKSLASH = 0x5c
const COLON = 0x3a
const COMMA = 0x2c
const OPEN_OBJECT = 0x7b
const CLOSE_OBJECT = 0x7d
const OPEN_ARRAY = 0x5b
const CLOSE_ARRAY = 0x5d

const RESPONSE = Buffer.from('response')
const BODY = Buffer.from('body')

/** The body's place in the line, and how many object keys its bytes hold (to compare with the parse). */
export interface BodySpan {
  start: number
  length: number
  keys: number
}

/** Escapes JSON.stringify writes as they are: \" \\ \b \f \n \r \t. */
function isShortEscape(byte: number | undefined): boolean {
  return (
    byte === QUOTE ||
    byte === BACKSLASH ||
    byte === 0x62 ||
    byte === 0x66 ||
    byte === 0x6e ||
    byte === 0x72 ||
    byte === 0x74
  )
}

/** Whether `\uXXXX` at `at` (the backslash) is one JSON.stringify writes: a control character without a short form, lower-case hex. */
function isCanonicalUnicodeEscape(bytes: Buffer, at: number): boolean {
  if (bytes[at + 2] !== 0x30 || bytes[at + 3] !== 0x30) return false
  const high = bytes[at + 4]
  const low = bytes[at + 5] as number
  if (high !== 0x30 && high !== 0x31) return false
  const lowValue =
    low >= 0x30 && low <= 0x39 ? low - 0x30 : low >= 0x61 && low <= 0x66 ? low - 0x57 : -1
  if (lowValue < 0) return false
  const value = (high === 0x31 ? 16 : 0) + lowValue
  // \b \t \n \f \r have short forms, which JSON.stringify uses instead.
  return value !== 0x08 && value !== 0x09 && value !== 0x0a && value !== 0x0c && value !== 0x0d
}

/** A walk over one line. `canonical` turns false at the first byte in the body that JSON.stringify would not write. */
class Walk {
  at = 0
  canonical = true
  private nextBackslash = -2
  readonly bytes: Buffer
  constructor(bytes: Buffer) {
    this.bytes = bytes
  }

  /** Skips the string whose opening quote is at `this.at`; returns the index of its closing quote. */
  skipString(checkEscapes: boolean): number {
    const bytes = this.bytes
    let from = this.at + 1
    for (;;) {
      const quote = bytes.indexOf(QUOTE, from)
      if (quote === -1) throw new Error('unterminated string')
      if (this.nextBackslash !== -1 && this.nextBackslash < from)
        this.nextBackslash = bytes.indexOf(BACKSLASH, from)
      if (this.nextBackslash === -1 || this.nextBackslash > quote) {
        this.at = quote + 1
        return quote
      }
      const escape = this.nextBackslash
      const kind = bytes[escape + 1]
      if (checkEscapes && !isShortEscape(kind)) {
        if (kind !== 0x75 || !isCanonicalUnicodeEscape(bytes, escape)) this.canonical = false
      }
      from = escape + (kind === 0x75 ? 6 : 2)
      this.nextBackslash = bytes.indexOf(BACKSLASH, from)
    }
  }

  /** Skips one value at `this.at` (the line is valid JSON: JSON.parse read it); counts keys into `keys`. */
  skipValue(check: boolean, keys: { count: number }): void {
    const bytes = this.bytes
    const first = bytes[this.at]
    if (first === QUOTE) {
      this.skipString(check)
      return
    }
    if (first === OPEN_OBJECT || first === OPEN_ARRAY) {
      const object = first === OPEN_OBJECT
      this.at++
      if (bytes[this.at] === (object ? CLOSE_OBJECT : CLOSE_ARRAY)) {
        this.at++
        return
      }
      for (;;) {
        if (object) {
          if (bytes[this.at] !== QUOTE) return this.notCanonical()
          const keyStart = this.at + 1
          const keyEnd = this.skipString(check)
          if (check && isIndexLike(bytes, keyStart, keyEnd)) this.canonical = false
          keys.count++
          if (bytes[this.at] !== COLON) return this.notCanonical()
          this.at++
        }
        this.skipValue(check, keys)
        if (!this.canonical && check) return
        const next = bytes[this.at]
        this.at++
        if (next === COMMA) continue
        if (next === (object ? CLOSE_OBJECT : CLOSE_ARRAY)) return
        return this.notCanonical()
      }
    }
    // A number or a literal: up to the next structural byte.
    const start = this.at
    let end = start
    while (end < bytes.length) {
      const byte = bytes[end]
      if (byte === COMMA || byte === CLOSE_OBJECT || byte === CLOSE_ARRAY || byte === COLON) break
      end++
    }
    this.at = end
    if (!check) return
    const text = bytes.toString('latin1', start, end)
    if (text === 'true' || text === 'false' || text === 'null') return
    if (String(Number(text)) !== text) this.canonical = false
  }

  notCanonical(): void {
    // Spaces between tokens (or anything unexpected): the walk stops, the general search decides.
    this.canonical = false
    this.at = this.bytes.length
  }
}

/** Keys made of digits only: objects list integer-like keys first, so their order may change. */
function isIndexLike(bytes: Buffer, start: number, end: number): boolean {
  if (end === start || end - start > 10) return false
  for (let i = start; i < end; i++) {
    const byte = bytes[i] as number
    if (byte < 0x30 || byte > 0x39) return false
  }
  return true
}

/** Whether a key has an escape: `"bo\u0064y"` is `body` to JSON.parse, not to this walk. */
function hasBackslash(bytes: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i] === BACKSLASH) return true
  return false
}

function sameKey(bytes: Buffer, start: number, end: number, key: Buffer): boolean {
  return end - start === key.length && bytes.compare(key, 0, key.length, start, end) === 0
}

/**
 * The span of `response.body` in a result line written without spaces (`{"id":..,"custom_id":..,
 * "response":{"status_code":..,"request_id":..,"body":X},"error":null}`, members in any order),
 * when X is written as JSON.stringify writes it; undefined otherwise, and for a line with repeated
 * or escaped `response` or `body` keys. `keys` counts X's object keys: a count that differs from
 * the parsed body's means repeated keys inside it. The line must be valid JSON.
 */
export function bodySpanFromLayout(bytes: Buffer): BodySpan | undefined {
  const walk = new Walk(bytes)
  let span: BodySpan | undefined
  let responses = 0
  const ignored = { count: 0 }
  try {
    if (bytes[0] !== OPEN_OBJECT) return undefined
    walk.at = 1
    for (;;) {
      if (bytes[walk.at] !== QUOTE) return undefined
      const keyStart = walk.at + 1
      const keyEnd = walk.skipString(false)
      if (hasBackslash(bytes, keyStart, keyEnd)) return undefined
      if (bytes[walk.at] !== COLON) return undefined
      walk.at++
      if (sameKey(bytes, keyStart, keyEnd, RESPONSE)) {
        if (++responses > 1) return undefined
        if (bytes[walk.at] === OPEN_OBJECT) {
          span = responseBody(walk)
          if (span === undefined) return undefined
        } else walk.skipValue(false, ignored)
      } else walk.skipValue(false, ignored)
      const next = bytes[walk.at]
      walk.at++
      if (next === COMMA) continue
      if (next === CLOSE_OBJECT && walk.at === bytes.length) return span
      return undefined
    }
  } catch {
    return undefined
  }
}

/** Walks the response object at walk.at; the body's span, or undefined when it cannot be copied. */
function responseBody(walk: Walk): BodySpan | undefined {
  const bytes = walk.bytes
  let span: BodySpan | undefined
  const ignored = { count: 0 }
  walk.at++
  if (bytes[walk.at] === CLOSE_OBJECT) {
    walk.at++
    return undefined
  }
  for (;;) {
    if (bytes[walk.at] !== QUOTE) return undefined
    const keyStart = walk.at + 1
    const keyEnd = walk.skipString(false)
    if (hasBackslash(bytes, keyStart, keyEnd)) return undefined
    if (bytes[walk.at] !== COLON) return undefined
    walk.at++
    if (sameKey(bytes, keyStart, keyEnd, BODY)) {
      if (span !== undefined) return undefined
      const start = walk.at
      const keys = { count: 0 }
      walk.canonical = true
      walk.skipValue(true, keys)
      if (!walk.canonical) return undefined
      span = { start, length: walk.at - start, keys: keys.count }
    } else walk.skipValue(false, ignored)
    const next = bytes[walk.at]
    walk.at++
    if (next === COMMA) continue
    if (next === CLOSE_OBJECT) return span
    return undefined
  }
}

/** How many object keys a parsed value holds, all levels: compared with BodySpan.keys. */
export function countKeys(value: unknown): number {
  if (Array.isArray(value)) {
    let count = 0
    for (const item of value) count += countKeys(item)
    return count
  }
  if (typeof value !== 'object' || value === null) return 0
  let count = 0
  for (const key in value) {
    count += 1 + countKeys((value as Record<string, unknown>)[key])
  }
  return count
}
