// @ts-check
// Reading requests and sending answers as GitHub writes them: the authorization check, the JSON
// answer with GitHub's headers, and the error body with GitHub's message for each status.
/** @import { IncomingMessage, ServerResponse } from 'node:http' */

const MAX_REQUEST_BYTES = 1 << 20
const DOCS = 'https://docs.github.com/rest/issues/comments'
const FORK_MESSAGE = 'Resource not accessible by integration'

export class HttpError extends Error {
  /** @param {number} status @param {string} message */
  constructor(status, message) {
    super(message)
    this.status = status
  }
}

/** @param {string | undefined} header @param {string | null} token */
export function checkAuth(header, token) {
  const match = /^(token|bearer)\s+(\S+)$/i.exec(header ?? '')
  const scheme = match?.[1]?.toLowerCase() ?? null
  return { scheme, ok: token === null || (match !== null && match[2] === token) }
}

/** @param {IncomingMessage} req @returns {Promise<string>} */
export async function readBody(req) {
  /** @type {Buffer[]} */
  const chunks = []
  let size = 0
  for await (const chunk of /** @type {AsyncIterable<Buffer>} */ (req)) {
    size += chunk.length
    if (size > MAX_REQUEST_BYTES) throw new HttpError(413, 'Payload too large')
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** @param {ServerResponse} res @param {number} status @param {unknown} data @param {Record<string, string>} [headers] */
export function send(res, status, data, headers = {}) {
  const text = JSON.stringify(data)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'x-github-media-type': 'github.v3; format=json',
    ...headers
  })
  res.end(text)
}

/** @param {number} status @param {string} message */
export function errorBody(status, message) {
  return { message, documentation_url: DOCS, status: String(status) }
}

/** @param {number} status */
export function defaultMessage(status) {
  if (status === 403) return FORK_MESSAGE
  if (status === 404) return 'Not Found'
  if (status === 429) return 'API rate limit exceeded'
  return status >= 500 ? 'Server Error' : 'Error'
}
