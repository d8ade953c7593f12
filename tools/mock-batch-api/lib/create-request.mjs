// @ts-check
// Checks of a create (POST /v1/batches) body, with OpenAI's error messages and codes.
import { ApiError, isObject } from './util.mjs'

/** @import { FileRec } from './types.mjs' */

export const ENDPOINTS = new Set([
  '/v1/responses',
  '/v1/chat/completions',
  '/v1/embeddings',
  '/v1/completions',
  '/v1/moderations',
  '/v1/images/generations',
  '/v1/images/edits',
  '/v1/videos'
])

/** @typedef {{ endpoint: string, input: FileRec, completionWindow: string, metadata: Record<string, string> | null }} CreateParams */

/** @param {string} message @param {string} param @param {string} code */
const invalid = (message, param, code = 'invalid_value') =>
  new ApiError(400, message, { param, code })

/** @param {unknown} meta @returns {Record<string, string> | null} */
function checkMetadata(meta) {
  if (meta === null || meta === undefined) return null
  if (!isObject(meta))
    throw invalid("Invalid type for 'metadata': expected an object.", 'metadata', 'invalid_type')
  const entries = Object.entries(meta)
  if (entries.length > 16)
    throw invalid(
      `Invalid 'metadata': at most 16 key-value pairs are allowed (got ${entries.length}).`,
      'metadata'
    )
  for (const [k, v] of entries) {
    if (k.length > 64)
      throw invalid(
        `Invalid 'metadata': key '${k.slice(0, 70)}…' is longer than 64 characters.`,
        'metadata'
      )
    if (typeof v !== 'string')
      throw invalid(
        `Invalid 'metadata.${k}': values must be strings.`,
        `metadata.${k}`,
        'invalid_type'
      )
    if (v.length > 512)
      throw invalid(
        `Invalid 'metadata.${k}': values may be at most 512 characters.`,
        `metadata.${k}`
      )
  }
  return /** @type {Record<string, string>} */ (meta)
}

/** @param {unknown} body @param {Map<string, FileRec>} files @returns {CreateParams} */
export function checkCreate(body, files) {
  if (!isObject(body)) throw new ApiError(400, 'The request body must be a JSON object.')
  /** @type {Record<string, string>} */
  const strings = {}
  for (const k of ['input_file_id', 'endpoint', 'completion_window']) {
    const v = body[k]
    if (v === undefined || v === null)
      throw invalid(`Missing required parameter: '${k}'.`, k, 'missing_required_parameter')
    if (typeof v !== 'string')
      throw invalid(`Invalid type for '${k}': expected a string.`, k, 'invalid_type')
    strings[k] = v
  }
  const endpoint = String(strings.endpoint)
  const window = String(strings.completion_window)
  const fileId = String(strings.input_file_id)
  if (!ENDPOINTS.has(endpoint)) {
    throw invalid(
      `Invalid value for 'endpoint': '${endpoint}' is not supported. Supported: ${[...ENDPOINTS].join(', ')}.`,
      'endpoint'
    )
  }
  if (window !== '24h') {
    throw invalid(
      `Invalid value for 'completion_window': '${window}'. Supported values are: '24h'.`,
      'completion_window'
    )
  }
  const metadata = checkMetadata(body.metadata)
  const oea = body.output_expires_after
  if (oea !== undefined && oea !== null) {
    const ok =
      isObject(oea) &&
      oea.anchor === 'created_at' &&
      Number.isInteger(oea.seconds) &&
      Number(oea.seconds) >= 3600 &&
      Number(oea.seconds) <= 2592000
    if (!ok)
      throw invalid(
        "Invalid 'output_expires_after': expected {anchor: 'created_at', seconds: 3600..2592000}.",
        'output_expires_after'
      )
  }
  const input = files.get(fileId)
  if (!input) throw invalid(`Invalid 'input_file_id': file '${fileId}' not found.`, 'input_file_id')
  if (input.purpose !== 'batch') {
    throw invalid(
      `Invalid 'input_file_id': file '${input.id}' has purpose '${input.purpose}', expected 'batch'.`,
      'input_file_id'
    )
  }
  return { endpoint, input, completionWindow: window, metadata }
}
