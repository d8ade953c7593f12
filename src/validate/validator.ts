// The validator of one line of a requests file, and of what lines share (unique custom_ids, one
// model, the max-requests limit).
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
import { fastShapeFor } from './fast-shape.js'
import { IdTable } from './id-table.js'
import {
  BLANK_LINE,
  byteOrderMarkMessage,
  describeIssue,
  describeJsonError,
  duplicateIdMessage,
  invalidUtf8Message,
  NO_REQUESTS,
  otherModelCountText,
  otherModelMessage,
  requestLimitMessage,
  tooLongMessage,
  UTF16_FILE
} from './messages.js'
import { hasStoredPrompt, schemasFor, type LineSchemas } from './schemas.js'
import { DEFAULT_MAX_PROBLEMS, type Problem, type ValidationOptions } from './types.js'
import { Inputs } from '../action/names.js'
import { formatNumber } from '../lib/format.js'

interface ModelSeen {
  line: number
  count: number
  problem?: Problem
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function isBlankText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return false
  }
  return true
}

function isUtf16ByteOrderMark(bytes: Uint8Array): boolean {
  const b0 = bytes[0]
  const b1 = bytes[1]
  return bytes.length >= 2 && ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff))
}

export class Validator {
  private readonly schemas: LineSchemas
  private readonly certainlyValid: (parsed: unknown) => boolean
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
  /** The file cannot be checked further (UTF-16): the caller stops reading. */
  stopped = false

  constructor(private readonly options: ValidationOptions) {
    this.schemas = schemasFor(options.endpoint)
    this.certainlyValid = fastShapeFor(options.endpoint)
    this.maxProblems = Math.max(0, options.maxProblems ?? DEFAULT_MAX_PROBLEMS)
    // The user's limit on the whole input; the provider's per-batch limit splits it instead.
    this.maxRequests = options.maxRequests
    this.requestLimitText = `${Inputs.MaxRequests} (${formatNumber(options.maxRequests ?? 0)})`
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
    if (lineNo === 1 && isUtf16ByteOrderMark(bytes)) {
      this.addPinned(1, UTF16_FILE)
      this.stopped = true
      return
    }
    let text: string
    try {
      text = this.decoder.decode(bytes)
    } catch {
      this.countRequest(lineNo)
      this.addLineProblem(lineNo, invalidUtf8Message(bytes))
      return
    }
    this.line(text, lineNo)
  }

  blank(lineNo: number): void {
    this.addLineProblem(lineNo, BLANK_LINE)
  }

  /** Counts a request line; pins the request-limit problem on the first line over the limit. */
  private countRequest(lineNo: number): void {
    this.requests++
    if (this.maxRequests !== undefined && this.requests === this.maxRequests + 1) {
      this.overLimit = this.addPinned(lineNo, '')
    }
  }

  /** A decoded line, without its '\n'. */
  line(text: string, lineNo: number): void {
    if (text.length === 0 || (text.charCodeAt(0) <= 0x20 && isBlankText(text)))
      return this.blank(lineNo)
    this.countRequest(lineNo)

    // Messages for this line; only built while problems are still kept in detail.
    let messages: string[] | undefined
    let json = text
    if (text.charCodeAt(0) === 0xfeff) {
      messages = [byteOrderMarkMessage(lineNo)]
      json = text.slice(1)
    }

    let parsed: unknown
    try {
      parsed = JSON.parse(json)
    } catch (error) {
      ;(messages ??= []).push(describeJsonError(error, json))
      this.finishLine(lineNo, messages)
      return
    }

    const issues = this.schemaIssues(parsed)
    if (issues && this.wantDetail) {
      messages ??= []
      for (const issue of issues) messages.push(describeIssue(issue, parsed, this.options.endpoint))
    }
    let failed = issues !== undefined || messages !== undefined // (a byte order mark)

    // Duplicates and the one-model rule, on whatever parts of the line are valid.
    let newModel: { seen: ModelSeen; message: string } | undefined
    if (isRecord(parsed)) {
      const duplicate = this.checkCustomId(parsed['custom_id'], lineNo)
      if (duplicate !== undefined) {
        failed = true
        ;(messages ??= []).push(duplicate)
      }
      newModel = this.checkModel(parsed['body'], lineNo)
      if (newModel) {
        failed = true
        ;(messages ??= []).push(newModel.message)
      }
    }
    if (failed) {
      const problem = this.finishLine(lineNo, messages ?? ['invalid request'])
      if (newModel) newModel.seen.problem = problem
    }
  }

  /**
   * The schema's issues with the line, undefined when it has none. The fast path answers for the
   * lines it knows to be valid; zod runs on the others, and its issues make the messages.
   */
  private schemaIssues(parsed: unknown): ReturnType<LineSchemas['line']> {
    if (this.certainlyValid(parsed)) return undefined
    const issues = this.schemas.line(parsed)
    if (issues && this.schemas.alternative && hasStoredPrompt(parsed))
      return this.schemas.alternative(parsed)
    return issues
  }

  /** Records a custom_id; the message when an earlier line has the same one. */
  private checkCustomId(id: unknown, lineNo: number): string | undefined {
    if (typeof id !== 'string' || id.length === 0) return undefined
    const first = this.ids.add(id, lineNo)
    return first === 0 ? undefined : duplicateIdMessage(id, first)
  }

  /**
   * Records body.model. A model other than the first line's is reported on the first line of each
   * other model (returned here, with the message); its later lines are only counted.
   */
  private checkModel(
    body: unknown,
    lineNo: number
  ): { seen: ModelSeen; message: string } | undefined {
    if (!isRecord(body)) return undefined
    const model = body['model']
    if (typeof model !== 'string' || model.length === 0) return undefined
    if (this.model === undefined) {
      this.model = model
      this.modelLine = lineNo
      return undefined
    }
    if (model === this.model) return undefined
    const seen = this.otherModels.get(model)
    if (seen) {
      seen.count++
      return undefined
    }
    const first: ModelSeen = { line: lineNo, count: 0 }
    this.otherModels.set(model, first)
    return { seen: first, message: otherModelMessage(model, this.model, this.modelLine) }
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
    this.countRequest(lineNo)
    this.addLineProblem(lineNo, tooLongMessage(length))
  }

  /** Completes the messages that depend on the whole file. */
  finish(): void {
    if (this.overLimit) {
      this.overLimit.message = requestLimitMessage(this.requests, this.requestLimitText)
    }
    for (const [model, seen] of this.otherModels) {
      if (seen.problem && seen.count > 0)
        seen.problem.message += otherModelCountText(model, seen.count)
    }
    if (this.requests === 0 && !this.stopped) this.addPinned(0, NO_REQUESTS)
  }
}
