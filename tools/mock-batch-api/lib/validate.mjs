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

/** Tokens a request may take: its text / 4 plus the most it may answer. @param {string} text @param {Record<string, unknown>} body */
export function estimateTokens(text, body) {
  const max = body.max_tokens ?? body.max_completion_tokens ?? body.max_output_tokens
  return Math.ceil(text.length / 4) + (typeof max === 'number' && max > 0 ? max : 0)
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
      tokens += estimateTokens(text, body)
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
