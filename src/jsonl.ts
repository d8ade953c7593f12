// Pre-flight validation of a batch requests file (JSONL), before anything is uploaded.
//
// One pass over the file: read in 64 KiB blocks into two reused buffers (reading ahead;
// fs.createReadStream's fresh buffer per chunk was measured to add 70 MB of RSS on 1 GB),
// split on '\n' bytes, lines spanning blocks carried in a reused buffer, each line
// decoded as strict UTF-8 (a block's complete lines at once when it is valid UTF-8, else
// line by line with a fatal TextDecoder to name the bad line), parsed, and checked with
// one zod schema (envelope and endpoint body). The SHA-256 and the byte count are
// computed on the way. Memory stays flat whatever the file size: the custom_ids seen
// (16 bytes each, see IdTable) are the only thing that grows. Measured on Node 24 with
// typical chat requests (bench/validate.mjs): about 200 MB/s; peak RSS about 100 MB for
// 200 MB and 120 MB for 1 GB, of which 65 MB is Node with zod loaded.
//
// Decisions on the edges of the format (aim: accept what providers accept, reject with a
// clear message what they would refuse, never crash):
// - UTF-8 byte order mark: REJECTED ("remove the byte order mark"). JSON texts must not
//   start with one (RFC 8259 section 8.1) and the batch validators behind these APIs parse
//   lines with strict JSON parsers (Python's json.loads raises "Unexpected UTF-8 BOM";
//   JSON.parse fails on it too), so a BOM turns line 1 into invalid JSON on the provider's
//   side. Windows tools (PowerShell `Out-File`, Notepad) add one silently, hence the
//   specific message. Line 1 is still checked past the BOM so its other problems show at
//   once. A BOM at the start of a later line (files joined with `cat`) is reported too;
//   a UTF-16 byte order mark stops the check ("save the file as UTF-8").
// - CRLF line endings: ACCEPTED. '\r' before '\n' is JSON whitespace for every JSON parser.
// - Blank lines (empty or only spaces, tabs, '\r'): REJECTED anywhere except the empty
//   text after the final '\n'. OpenAI's validator refuses empty lines, and one found in
//   the middle of a file is usually a mistake in the script that wrote it. So "...}\n"
//   and "...}" (no final newline) are fine, "...}\n\n" is an error on the blank line.
// - Sizes: decimal units, as providers state them (200 MB = 200,000,000 bytes; see sizes.ts).
// - Invalid UTF-8: reported per line, with the byte offset in the line.
// - A line longer than MAX_LINE_BYTES (64 MiB) is reported and skipped, not parsed: no
//   provider takes a single request that large, and holding it would break flat memory.
// - An empty file, or one with no request lines, is an error.
// - Body shapes follow OpenAI's API reference: /v1/responses may leave `input` out when it
//   names a stored prompt (`prompt: {id}`); /v1/completions takes `prompt: null`.
// - One problem per line, its messages joined with ', '. A model other than the first
//   line's is reported on the first line of each other model (later lines are counted in
//   that message), not on every line. The request-limit problem names the first line over
//   the limit, and like file-level problems is always kept in detail.
// Line numbers are physical 1-based lines (blank lines count), as an editor shows them;
// line 0 marks file-level problems (size, endpoint, no requests).

import { isUtf8 } from 'node:buffer'
import { createHash } from 'node:crypto'
import { open, stat } from 'node:fs/promises'
import { z } from 'zod'
import type { Provider } from './providers.js'
import { formatBytes } from './sizes.js'

export interface Problem {
  /** 1-based line number; 0 for file-level problems (size, endpoint, no requests). */
  line: number
  message: string
}

export interface ValidationOptions {
  /** The batch endpoint; every line's `url` must equal it. */
  endpoint: string
  /** The provider behind the base URL (see providerFor). */
  provider: Provider
  /** Overrides the provider's request limit. */
  maxRequests?: number
  /** Overrides the provider's file size limit, in bytes. */
  maxFileBytes?: number
  /** How many problems to keep in detail; the rest are only counted. Default 50. */
  maxProblems?: number
  /** Read size in bytes; default 64 KiB. Tests make it tiny to split lines across chunks. */
  readChunkBytes?: number
}

export interface ValidationReport {
  /** Request lines seen (every non-blank line, valid or not). */
  requests: number
  /** Bytes read. When a file-level problem stopped the check before reading, the size from stat. */
  bytes: number
  /** Hex SHA-256 of the file's bytes; '' when the file was not read to its end. */
  sha256: string
  /** The file's model: body.model of the first line that has a valid one. */
  model?: string
  /** The first maxProblems problems: file-level (line 0) first, then by line. */
  problems: Problem[]
  /** All problems found, including those not kept in detail. */
  problemCount: number
  /** Debug notes for the caller to log (checks skipped, limits unknown). */
  notes: string[]
}

/** Longest line that is parsed; longer lines are reported and skipped. */
export const MAX_LINE_BYTES = 64 * 1024 * 1024
// 64 KiB: the text decoded from one read then stays a young-generation string, freed by
// the next scavenge. Reads of 256 KiB or more make large-object strings that wait for a
// full GC (measured on 200 MB: peak RSS 97 MB at 64 KiB, 117-141 MB at 256 KiB, same speed).
const DEFAULT_CHUNK_BYTES = 64 * 1024
const DEFAULT_MAX_PROBLEMS = 50

// ---------------------------------------------------------------------------------------
// Schemas. Every line is checked with one zod schema (envelope + endpoint body), built
// once per endpoint. zod runs on every line (about 0.5 us for a typical chat request);
// readable messages are only built from its issues when a line fails.

const nonEmptyString = z.string().min(1)
const tokenArray = z.array(z.int()).min(1)

const embeddingsInput = z.union(
  [nonEmptyString, z.array(nonEmptyString).min(1), tokenArray, z.array(tokenArray).min(1)],
  {
    error:
      'must be a non-empty string, or a non-empty array of non-empty strings, of integers (tokens) or of non-empty integer arrays'
  }
)

const completionsPrompt = z.union(
  [z.string(), z.array(z.string()), tokenArray, z.array(tokenArray).min(1), z.null()],
  {
    error:
      'must be a string, an array of strings, an array of integers (tokens) or an array of integer arrays'
  }
)

/** Body fields each endpoint needs, beyond `model`. Other fields pass through unchecked. */
const BODY_SHAPES: Readonly<Record<string, z.core.$ZodLooseShape>> = {
  '/v1/chat/completions': {
    messages: z.array(z.looseObject({ role: z.string() })).min(1)
  },
  '/v1/embeddings': { input: embeddingsInput },
  '/v1/completions': { prompt: completionsPrompt },
  // `input` may be left out when the request names a stored prompt (`prompt: {id}`),
  // which carries its own input; that case is handled by RESPONSES_WITH_PROMPT below.
  '/v1/responses': {
    input: z.union([z.string(), z.array(z.unknown())], {
      error: 'must be a string or an array of input items'
    })
  }
}

const RESPONSES_WITH_PROMPT = z.looseObject({
  model: nonEmptyString,
  prompt: z.looseObject({ id: nonEmptyString }),
  input: z
    .union([z.string(), z.array(z.unknown())], {
      error: 'must be a string or an array of input items'
    })
    .optional()
})

type Check = (value: unknown) => readonly z.core.$ZodIssue[] | undefined

/**
 * A schema's check, through zod's Standard Schema interface (`~standard.validate`): its
 * result is a plain `{ value }` or `{ issues }` (zod's own finalized issues). `safeParse`
 * returns, on failure, a lazy result object with accessors that V8 handles badly: over a
 * file of bad lines it grew the young generation to 128 MB (peak RSS 223 MB on 200 MB)
 * and ran slower.
 */
function checker(schema: z.ZodType): Check {
  const standard = schema['~standard']
  return (value) => {
    const result = standard.validate(value)
    if (result instanceof Promise)
      throw new Error('internal error: a request schema is asynchronous')
    return result.issues as readonly z.core.$ZodIssue[] | undefined
  }
}

interface LineSchemas {
  line: Check
  /** Alternative for the responses endpoint with a stored prompt. */
  alternative?: Check
  bodyChecked: boolean
}

const schemaCache = new Map<string, LineSchemas>()

function schemasFor(endpoint: string): LineSchemas {
  let cached = schemaCache.get(endpoint)
  if (cached) return cached
  const shape = BODY_SHAPES[endpoint]
  const envelope = (body: z.ZodType) =>
    z.looseObject({
      custom_id: nonEmptyString,
      method: z.literal('POST'),
      url: z.literal(endpoint),
      body
    })
  cached = {
    line: checker(envelope(z.looseObject({ model: nonEmptyString, ...shape }))),
    alternative:
      endpoint === '/v1/responses' ? checker(envelope(RESPONSES_WITH_PROMPT)) : undefined,
    bodyChecked: shape !== undefined
  }
  schemaCache.set(endpoint, cached)
  return cached
}

// ---------------------------------------------------------------------------------------
// Messages

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

function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  switch (typeof value) {
    case 'object':
      return 'an object'
    case 'string':
      return 'a string'
    case 'number':
      return Number.isInteger(value) ? 'an integer' : 'a number'
    case 'boolean':
      return 'a boolean'
    default:
      return typeof value
  }
}

const EXPECTED: Readonly<Record<string, string>> = {
  string: 'a string',
  object: 'an object',
  array: 'an array',
  int: 'an integer',
  number: 'a number',
  boolean: 'a boolean'
}

function preview(value: unknown, max = 60): string {
  let text: string
  try {
    text = JSON.stringify(value) ?? String(value)
  } catch {
    text = String(value)
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

function describeIssue(issue: z.core.$ZodIssue, root: unknown, endpoint: string): string {
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
        return value === undefined
          ? 'url is missing'
          : `url ${preview(value)} differs from the endpoint ${JSON.stringify(endpoint)}`
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

function describeJsonError(error: unknown, text: string): string {
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

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`
}

// ---------------------------------------------------------------------------------------
// custom_ids seen, for the duplicate check: the one structure that grows with the file.
// A Map<string, number> costs about 70 bytes per id (string, entry, spare capacity): 50 MB
// for a 1 GB file, 350 MB for Nebius's 5,000,000 requests. This open-addressing table keeps
// a 96-bit hash of each id and its line in 16 bytes per slot. Two different ids would have
// to agree on all 96 bits to be taken for a duplicate: about 1 in 10^16 for a file of
// 5,000,000 ids, far below any other cause of failure.

function mix32(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

/** Shards grow one at a time, so a doubling never holds two copies of the whole table. */
const ID_SHARDS = 256

class IdShard {
  /** Stride 4: hash a, hash b, hash c, line (0 = empty slot). */
  slots = new Uint32Array(64 * 4)
  mask = 63
  size = 0
}

export class IdTable {
  private readonly shards = Array.from({ length: ID_SHARDS }, () => new IdShard())
  size = 0

  /** Records `id` on `line` (>= 1); returns the line of an earlier equal id, or 0. */
  add(id: string, line: number): number {
    let a = 0x811c9dc5 ^ id.length
    let b = 0x9747b28c
    let c = 0x2545f491 + id.length
    for (let i = 0; i < id.length; i++) {
      const unit = id.charCodeAt(i)
      a = Math.imul(a ^ unit, 0x01000193)
      b = Math.imul(b ^ unit, 0x5bd1e995)
      b ^= b >>> 15
      c = Math.imul((c << 5) | (c >>> 27), 0x9e3779b1) + unit
    }
    a = mix32(a)
    b = mix32(b ^ a)
    c = mix32(c ^ Math.imul(b, 0x27d4eb2f))
    // The shard from the top bits of a, the slot from its low bits.
    const shard = this.shards[a >>> 24]!
    const slots = shard.slots
    let slot = a & shard.mask
    for (;;) {
      const o = slot * 4
      const seen = slots[o + 3]!
      if (seen === 0) {
        slots[o] = a
        slots[o + 1] = b
        slots[o + 2] = c
        slots[o + 3] = line
        this.size++
        if (++shard.size * 4 > (shard.mask + 1) * 3) grow(shard)
        return 0
      }
      if (slots[o] === a && slots[o + 1] === b && slots[o + 2] === c) return seen
      slot = (slot + 1) & shard.mask
    }
  }
}

function grow(shard: IdShard): void {
  const old = shard.slots
  const capacity = (shard.mask + 1) * 2
  const slots = new Uint32Array(capacity * 4)
  const mask = capacity - 1
  for (let o = 0; o < old.length; o += 4) {
    if (old[o + 3] === 0) continue
    let slot = old[o]! & mask
    while (slots[slot * 4 + 3] !== 0) slot = (slot + 1) & mask
    slots.set(old.subarray(o, o + 4), slot * 4)
  }
  shard.slots = slots
  shard.mask = mask
}

// ---------------------------------------------------------------------------------------
// The validator

interface ModelSeen {
  line: number
  count: number
  problem?: Problem
}

class Validator {
  private readonly schemas: LineSchemas
  private readonly maxProblems: number
  private readonly maxRequests: number | undefined
  private readonly requestLimitText: string
  private readonly ids = new IdTable()
  private readonly otherModels = new Map<string, ModelSeen>()
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
  private overLimit: Problem | undefined

  /** Line problems kept in detail, in line order. */
  readonly lineProblems: Problem[] = []
  /** Problems that are always kept (file-level, request limit). */
  readonly pinned: Problem[] = []
  problemCount = 0
  requests = 0
  model: string | undefined
  modelLine = 0
  stopped = false

  constructor(private readonly options: ValidationOptions) {
    this.schemas = schemasFor(options.endpoint)
    this.maxProblems = Math.max(0, options.maxProblems ?? DEFAULT_MAX_PROBLEMS)
    this.maxRequests = options.maxRequests ?? options.provider.maxRequests
    this.requestLimitText =
      options.maxRequests !== undefined
        ? `max-requests (${options.maxRequests.toLocaleString('en-US')})`
        : `the ${plural(options.provider.maxRequests ?? 0, 'request')} ${options.provider.name} accepts in one batch`
  }

  private get wantDetail(): boolean {
    return this.lineProblems.length < this.maxProblems
  }

  addLineProblem(line: number, message: string): void {
    this.problemCount++
    if (this.wantDetail) this.lineProblems.push({ line, message })
  }

  addPinned(line: number, message: string): Problem {
    this.problemCount++
    const problem = { line, message }
    this.pinned.push(problem)
    return problem
  }

  /** A line as bytes (without its '\n'): the first line, lines spanning reads, or near invalid UTF-8. */
  lineBytes(bytes: Uint8Array, lineNo: number): void {
    if (lineNo === 1 && bytes.length >= 2) {
      const b0 = bytes[0]
      const b1 = bytes[1]
      if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
        this.addPinned(
          1,
          'the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8 without a byte order mark'
        )
        this.stopped = true
        return
      }
    }
    let text: string
    try {
      text = this.decoder.decode(bytes)
    } catch {
      this.requests++
      this.countRequest(lineNo)
      const at = firstInvalidUtf8(bytes)
      this.addLineProblem(
        lineNo,
        `not valid UTF-8${at >= 0 ? ` (byte ${at + 1} of the line is 0x${bytes[at]!.toString(16).padStart(2, '0')})` : ''}; the file must be UTF-8`
      )
      return
    }
    this.line(text, lineNo)
  }

  blank(lineNo: number): void {
    this.addLineProblem(
      lineNo,
      'blank line; remove it: providers reject empty lines (one newline at the end of the file is fine)'
    )
  }

  private countRequest(lineNo: number): void {
    if (this.maxRequests !== undefined && this.requests === this.maxRequests + 1) {
      this.overLimit = this.addPinned(lineNo, '')
    }
  }

  /** A decoded line, without its '\n'. */
  line(text: string, lineNo: number): void {
    if (text.length === 0 || (text.charCodeAt(0) <= 0x20 && isBlankText(text)))
      return this.blank(lineNo)
    this.requests++
    this.countRequest(lineNo)

    // Messages for this line; only built while problems are still kept in detail.
    let messages: string[] | undefined
    let body = text
    if (text.charCodeAt(0) === 0xfeff) {
      messages = [
        lineNo === 1
          ? 'the file starts with a UTF-8 byte order mark (BOM), which providers reject; remove the byte order mark (save as "UTF-8", not "UTF-8 with BOM")'
          : 'the line starts with a byte order mark (U+FEFF), probably from joining files that had one; remove it'
      ]
      body = text.slice(1)
    }

    let parsed: unknown
    try {
      parsed = JSON.parse(body)
    } catch (error) {
      ;(messages ??= []).push(describeJsonError(error, body))
      this.finishLine(lineNo, messages)
      return
    }

    let issues = this.schemas.line(parsed)
    if (issues && this.schemas.alternative && hasStoredPrompt(parsed)) {
      issues = this.schemas.alternative(parsed)
    }
    if (issues && this.wantDetail) {
      messages ??= []
      for (const issue of issues) messages.push(describeIssue(issue, parsed, this.options.endpoint))
    }

    // Duplicates and the one-model rule, on whatever parts of the line are valid.
    let failed = issues !== undefined || messages !== undefined // (a byte order mark)
    let newModel: ModelSeen | undefined
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
      const record = parsed as Record<string, unknown>
      const id = record.custom_id
      if (typeof id === 'string' && id.length > 0) {
        const first = this.ids.add(id, lineNo)
        if (first !== 0) {
          failed = true
          ;(messages ??= []).push(`custom_id ${preview(id)} repeats line ${first}`)
        }
      }
      const requestBody = record.body
      if (requestBody !== null && typeof requestBody === 'object' && !Array.isArray(requestBody)) {
        const model = (requestBody as Record<string, unknown>).model
        if (typeof model === 'string' && model.length > 0) {
          if (this.model === undefined) {
            this.model = model
            this.modelLine = lineNo
          } else if (model !== this.model) {
            // Reported on the first line of each other model; later lines only counted.
            const seen = this.otherModels.get(model)
            if (seen) seen.count++
            else {
              failed = true
              newModel = { line: lineNo, count: 0 }
              this.otherModels.set(model, newModel)
              ;(messages ??= []).push(
                `model ${preview(model)} differs from ${preview(this.model)} on line ${this.modelLine}; a batch takes one model`
              )
            }
          }
        }
      }
    }
    if (failed) {
      const problem = this.finishLine(lineNo, messages ?? ['invalid request'])
      if (newModel) newModel.problem = problem
    }
  }

  /** Records one problem for the line, its messages joined; returns it when kept in detail. */
  private finishLine(lineNo: number, messages: string[]): Problem | undefined {
    this.problemCount++
    if (!this.wantDetail) return undefined
    const problem = { line: lineNo, message: messages.join(', ') }
    this.lineProblems.push(problem)
    return problem
  }

  tooLongLine(lineNo: number, length: number): void {
    this.requests++
    this.countRequest(lineNo)
    this.addLineProblem(
      lineNo,
      `the line is longer than ${formatBytes(MAX_LINE_BYTES)} (${formatBytes(length)} at least); no provider takes a request this large, so it was not checked`
    )
  }

  finish(): void {
    if (this.overLimit) {
      this.overLimit.message = `the file has ${plural(this.requests, 'request')}, more than ${this.requestLimitText}; this is the first line over the limit (split the file into several batches)`
    }
    for (const [model, seen] of this.otherModels) {
      if (seen.problem && seen.count > 0) {
        seen.problem.message += ` (${plural(seen.count, 'more line')} after this one use${seen.count === 1 ? 's' : ''} ${preview(model)})`
      }
    }
    if (this.requests === 0 && !this.stopped) {
      this.addPinned(0, 'the file has no requests; write one JSON request per line')
    }
  }
}

function hasStoredPrompt(parsed: unknown): boolean {
  const body = (parsed as { body?: unknown } | null)?.body
  return body !== null && typeof body === 'object' && 'prompt' in body
}

function isBlankText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return false
  }
  return true
}

// ---------------------------------------------------------------------------------------

/** The bytes of a line that spans reads, copied out of the reused read buffer. */
class Carry {
  private buffer: Buffer = Buffer.alloc(0)
  /** Bytes of the line so far (also counted while skipping). */
  length = 0
  /** Past MAX_LINE_BYTES: the line is only measured, not kept. */
  skipping = false

  append(bytes: Uint8Array): void {
    const total = this.length + bytes.length
    if (this.skipping || total > MAX_LINE_BYTES) {
      this.skipping = true
      this.length = total
      return
    }
    if (total > this.buffer.length) {
      const size = Math.min(MAX_LINE_BYTES, Math.max(total, this.buffer.length * 2, 16 * 1024))
      const bigger = Buffer.allocUnsafe(size)
      this.buffer.copy(bigger, 0, 0, this.length)
      this.buffer = bigger
    }
    this.buffer.set(bytes, this.length)
    this.length = total
  }

  bytes(): Buffer {
    return this.buffer.subarray(0, this.length)
  }

  reset(): void {
    this.length = 0
    this.skipping = false
    // Let the buffer of a line of several MB go.
    if (this.buffer.length > 1024 * 1024) this.buffer = Buffer.alloc(0)
  }
}

// ---------------------------------------------------------------------------------------

function fileLevelChecks(size: number, options: ValidationOptions): string[] {
  const problems: string[] = []
  const { provider, endpoint } = options
  if (provider.endpoints && !provider.endpoints.includes(endpoint)) {
    problems.push(
      `${provider.name} does not offer the endpoint ${JSON.stringify(endpoint)} for batches; it offers ${provider.endpoints.join(', ')}`
    )
  }
  const limit = options.maxFileBytes ?? provider.maxFileBytes
  if (limit !== undefined && size > limit) problems.push(sizeMessage(size, limit, options))
  return problems
}

function sizeMessage(size: number, limit: number, options: ValidationOptions): string {
  const bytes = (n: number) => `${formatBytes(n)} (${n.toLocaleString('en-US')} bytes)`
  const what =
    options.maxFileBytes !== undefined
      ? `max-file-size, ${bytes(limit)}`
      : `the ${bytes(limit)} ${options.provider.name} accepts for a batch input file`
  return `the file is ${bytes(size)}, more than ${what}; split it into several batches`
}

/**
 * Checks a batch requests file without uploading it: every line is one request for
 * `options.endpoint`, custom_ids are unique, one model throughout, within the provider's
 * limits. Never throws for bad content; throws only when the file cannot be read
 * (other than a missing file or a directory, which are reported as problems).
 */
export async function validateRequestsFile(
  path: string,
  options: ValidationOptions
): Promise<ValidationReport> {
  const maxProblems = Math.max(0, options.maxProblems ?? DEFAULT_MAX_PROBLEMS)
  const notes: string[] = []
  // File-level and request-limit problems are always kept; line problems fill the rest.
  const done = (
    partial: { requests: number; bytes: number; sha256: string; model?: string },
    pinned: Problem[],
    lineProblems: Problem[],
    problemCount: number
  ): ValidationReport => {
    const kept = [
      ...pinned.slice(0, maxProblems),
      ...lineProblems.slice(0, Math.max(0, maxProblems - pinned.length))
    ]
    kept.sort((a, b) => a.line - b.line) // stable: file-level problems keep their order
    const report: ValidationReport = { ...partial, problems: kept, problemCount, notes }
    if (report.model === undefined) delete report.model
    return report
  }

  let size: number
  try {
    const info = await stat(path)
    if (!info.isFile()) {
      return done(
        { requests: 0, bytes: 0, sha256: '' },
        [{ line: 0, message: `${path} is not a file` }],
        [],
        1
      )
    }
    size = info.size
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return done(
        { requests: 0, bytes: 0, sha256: '' },
        [{ line: 0, message: `${path} does not exist` }],
        [],
        1
      )
    }
    throw error
  }

  const fileProblems = fileLevelChecks(size, options).map((message) => ({ line: 0, message }))
  if (fileProblems.length > 0) {
    return done({ requests: 0, bytes: size, sha256: '' }, fileProblems, [], fileProblems.length)
  }

  if (!schemasFor(options.endpoint).bodyChecked) {
    notes.push(
      `no body checks for the endpoint ${options.endpoint}: only custom_id, method, url and body.model are checked`
    )
  }
  if (options.provider.name === 'unknown') {
    if (options.maxRequests === undefined)
      notes.push('no request limit known for this provider; set max-requests to check one')
    if (options.maxFileBytes === undefined)
      notes.push('no file size limit known for this provider; set max-file-size to check one')
  }

  const v = new Validator(options)
  const hash = createHash('sha256')
  let bytes = 0
  let lineNo = 1
  const carry = new Carry()

  // Two buffers, reused: one is read into while the other is checked (reading ahead as
  // fs.createReadStream does, without its fresh buffer per chunk, which waits for a GC:
  // measured +70 MB RSS over a 1 GB file doing nothing but hashing). A line spanning
  // reads is copied into `carry`, also reused.
  const readSize = Math.max(1, options.readChunkBytes ?? DEFAULT_CHUNK_BYTES)
  let buffer = Buffer.allocUnsafe(readSize)
  let spare = Buffer.allocUnsafe(readSize)
  const handle = await open(path, 'r')
  let reading = handle.read(buffer, 0, readSize, null)
  try {
    for (;;) {
      const { bytesRead } = await reading
      if (bytesRead === 0) break
      const chunk = bytesRead === readSize ? buffer : buffer.subarray(0, bytesRead)
      reading = handle.read(spare, 0, readSize, null)
      ;[buffer, spare] = [spare, buffer]
      hash.update(chunk)
      bytes += chunk.length
      let start = 0
      let nl = chunk.indexOf(10)

      if (carry.length > 0) {
        // Complete the line carried over from earlier reads.
        if (nl === -1) {
          carry.append(chunk)
          continue
        }
        carry.append(chunk.subarray(0, nl))
        if (carry.skipping) v.tooLongLine(lineNo, carry.length)
        else v.lineBytes(carry.bytes(), lineNo)
        carry.reset()
        lineNo++
        start = nl + 1
        nl = chunk.indexOf(10, start)
      } else if (lineNo === 1 && nl !== -1) {
        // Line 1 goes through the byte path (UTF-16 detection).
        v.lineBytes(chunk.subarray(0, nl), 1)
        lineNo++
        start = nl + 1
        nl = chunk.indexOf(10, start)
      }
      if (v.stopped) break

      // The complete lines of this read, [start, last newline): decode them at once when
      // they are valid UTF-8 (the usual case), else line by line to locate the bad one.
      if (nl !== -1) {
        const last = chunk.lastIndexOf(10)
        const region = chunk.subarray(start, last)
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
          let s = start
          for (let to = nl; to !== -1 && to <= last; to = chunk.indexOf(10, s)) {
            v.lineBytes(chunk.subarray(s, to), lineNo++)
            s = to + 1
          }
        }
        start = last + 1
      }

      // The start of a line that continues in the next read.
      if (start < chunk.length) carry.append(chunk.subarray(start))
    }
  } finally {
    await reading.catch(() => undefined)
    await handle.close()
  }

  if (!v.stopped && carry.length > 0) {
    // A last line without '\n'.
    if (carry.skipping) v.tooLongLine(lineNo, carry.length)
    else v.lineBytes(carry.bytes(), lineNo)
  }
  v.finish()

  let problemCount = v.problemCount
  const fileProblemsAfter: Problem[] = []
  const limit = options.maxFileBytes ?? options.provider.maxFileBytes
  if (!v.stopped && limit !== undefined && bytes > limit) {
    // The file grew after stat.
    fileProblemsAfter.push({ line: 0, message: sizeMessage(bytes, limit, options) })
    problemCount++
  }
  return done(
    { requests: v.requests, bytes, sha256: v.stopped ? '' : hash.digest('hex'), model: v.model },
    [...fileProblemsAfter, ...v.pinned],
    v.lineProblems,
    problemCount
  )
}

/**
 * One line for logs and errors: "3 problems in requests.jsonl: line 2: ...; line 5: ...;
 * line 9: ...", the first few in detail, then "and N more".
 */
export function summarizeProblems(
  report: ValidationReport,
  displayName: string,
  shown = 5
): string {
  const total = Math.max(report.problemCount, report.problems.length)
  if (total === 0) return `no problems in ${displayName}`
  const head = report.problems
    .slice(0, shown)
    .map((p) => (p.line > 0 ? `line ${p.line}: ${p.message}` : p.message))
  const more = total - head.length
  return `${plural(total, 'problem')} in ${displayName}: ${head.join('; ')}${more > 0 ? `; and ${more.toLocaleString('en-US')} more` : ''}`
}
