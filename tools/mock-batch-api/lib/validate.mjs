// @ts-check
// Validation of an input file: one streaming pass that checks every line the way OpenAI does,
// counts the requests, estimates their tokens and notes the ones that will fail.
import { readLines } from './lines.mjs'
import { failureOf } from './outcomes.mjs'
import { isObject } from './util.mjs'

/** @import { BatchError, Limits, Outcomes, Scan, ServerState } from './types.mjs' */

const MAX_LISTED_ERRORS = 50

/** @param {string} message @param {number | null} line @returns {Omit<Scan, 'doneMs'>} */
export function failScan(message, line, code = 'invalid_request') {
  return {
    ok: false,
    total: 0,
    failIdx: [],
    model: null,
    errors: [{ code, message, param: null, line }],
    tokens: 0
  }
}

/**
 * The characters of a request's text, and its token ids, by the rule the action's README states:
 * `instructions`; each message's `content` (a string, or its parts: a string part, or a part's
 * `text`); `input` and `prompt` (a string, or an array of strings, token ids, arrays of token
 * ids, or items whose `content` counts like a message's).
 * @param {Record<string, unknown>} body @returns {{ chars: number, ids: number }}
 */
function textOf(body) {
  let chars = 0
  let ids = 0
  /** @param {unknown} value */
  const str = (value) => (typeof value === 'string' ? value.length : 0)
  /** @param {unknown} content */
  const content = (content) => {
    if (!Array.isArray(content)) return str(content)
    return content.reduce((n, part) => n + (isObject(part) ? str(part.text) : str(part)), 0)
  }
  /** @param {unknown} value */
  const inputLike = (value) => {
    if (!Array.isArray(value)) {
      chars += str(value)
      return
    }
    for (const item of value) {
      if (typeof item === 'number') ids += 1
      else if (Array.isArray(item)) ids += item.filter((x) => typeof x === 'number').length
      else if (isObject(item)) chars += content(item.content)
      else chars += str(item)
    }
  }
  chars += str(body.instructions)
  if (Array.isArray(body.messages))
    for (const m of body.messages) if (isObject(m)) chars += content(m.content)
  inputLike(body.input)
  inputLike(body.prompt)
  return { chars, ids }
}

/**
 * Tokens a request may take: its text's characters / 4 (rounded up) plus its token ids plus the
 * most it may answer (the largest positive of max_tokens, max_completion_tokens, max_output_tokens).
 * @param {Record<string, unknown>} body
 */
export function estimateTokens(body) {
  const { chars, ids } = textOf(body)
  const answers = [body.max_tokens, body.max_completion_tokens, body.max_output_tokens].filter(
    (v) => typeof v === 'number' && Number.isFinite(v) && v > 0
  )
  return Math.ceil(chars / 4) + ids + Math.ceil(Math.max(0, .../** @type {number[]} */ (answers)))
}

/**
 * @param {ServerState} st @param {{ path: string, bytes: number }} file @param {string} endpoint
 * @param {Outcomes} outcomes @param {Limits} limits @returns {Promise<Omit<Scan, 'doneMs'>>}
 */
export async function scanInput(st, file, endpoint, outcomes, limits) {
  if (limits.maxBytesPerFile !== null && file.bytes > limits.maxBytesPerFile) {
    return failScan(
      `The input file is ${file.bytes} bytes; the limit is ${limits.maxBytesPerFile} bytes per batch file.`,
      null,
      'file_too_large'
    )
  }
  /** @type {Set<string>} */
  const seen = new Set()
  /** @type {number[]} */
  const failIdx = []
  /** @type {BatchError[]} */
  const errors = []
  let total = 0
  let tokens = 0
  /** @type {string | null} */
  let model = null
  let modelLine = 0
  /** @param {number} line @param {string} message */
  const bad = (line, message) =>
    errors.push({ code: 'invalid_request', message, param: null, line })
  outer: for await (const lines of readLines(st, file.path)) {
    for (const { lineNo, text } of lines) {
      if (errors.length >= MAX_LISTED_ERRORS) break outer
      if (text.trim() === '') continue
      /** @type {unknown} */
      let req
      try {
        req = JSON.parse(text)
      } catch {
        bad(lineNo, `Line ${lineNo} is not valid JSON.`)
        continue
      }
      if (!isObject(req)) {
        bad(lineNo, `Line ${lineNo} must be a JSON object.`)
        continue
      }
      const customId = req.custom_id
      if (typeof customId !== 'string' || customId === '') {
        bad(lineNo, `Line ${lineNo}: 'custom_id' must be a non-empty string.`)
        continue
      }
      if (seen.has(customId)) {
        bad(
          lineNo,
          `Line ${lineNo}: duplicate custom_id '${customId}'; each custom_id must be unique.`
        )
        continue
      }
      seen.add(customId)
      if (req.method !== 'POST') {
        bad(lineNo, `Line ${lineNo}: 'method' must be 'POST' (got ${JSON.stringify(req.method)}).`)
        continue
      }
      if (req.url !== endpoint) {
        bad(
          lineNo,
          `Line ${lineNo}: 'url' ${JSON.stringify(req.url)} does not match the batch endpoint '${endpoint}'.`
        )
        continue
      }
      const body = req.body
      if (!isObject(body)) {
        bad(lineNo, `Line ${lineNo}: 'body' must be a JSON object.`)
        continue
      }
      if (typeof body.model === 'string') {
        if (model === null) {
          model = body.model
          modelLine = lineNo
        } else if (body.model !== model) {
          bad(
            lineNo,
            `Line ${lineNo}: model '${body.model}' differs from '${model}' (line ${modelLine}); a batch may use one model only.`
          )
          continue
        }
      }
      if (failureOf(outcomes, customId, body)) failIdx.push(total)
      tokens += estimateTokens(body)
      total += 1
    }
  }
  if (errors.length === 0 && total === 0) bad(0, 'The input file contains no requests.')
  if (
    errors.length === 0 &&
    limits.maxRequestsPerFile !== null &&
    total > limits.maxRequestsPerFile
  ) {
    return failScan(
      `The input file has ${total} requests; the limit is ${limits.maxRequestsPerFile} requests per batch.`,
      null,
      'request_limit_exceeded'
    )
  }
  return { ok: errors.length === 0, total, failIdx, model, errors, tokens }
}
