import { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai/core/error'

/** Where the key came from: 'input' (the api-key input) or the name of an environment variable. */
export type KeyOrigin = string | undefined

export function keySourceName(source: KeyOrigin): string {
  if (source === 'input') return 'the api-key input'
  if (source) return `the ${source} environment variable`
  return 'no key'
}

export interface ErrorContext {
  baseUrl: string
  keySource: KeyOrigin
}

/** One readable sentence for any failure of an API call, never containing the key. */
export function describeApiError(error: unknown, context: ErrorContext): string {
  const host = safeHost(context.baseUrl)
  if (error instanceof APIError && (error.status === 401 || error.status === 403)) {
    return (
      `${host} rejected the API key from ${keySourceName(context.keySource)} (HTTP ${error.status}: ${apiMessage(error)}). ` +
      'Check that the secret is set, current, and meant for this base-url'
    )
  }
  if (error instanceof APIConnectionTimeoutError) {
    return `${host} did not answer in time; raise request-timeout if the provider is slow`
  }
  if (error instanceof APIConnectionError) {
    const cause = (error as { cause?: unknown }).cause
    const detail = cause instanceof Error ? cause.message : error.message
    return `could not reach ${host} (${detail}); check base-url and the runner's network`
  }
  if (error instanceof APIError && error.status === 404 && looksLikeWrongBase(error, context)) {
    return (
      `${host} answered HTTP 404 (${apiMessage(error)}): base-url ${context.baseUrl} probably lacks its /v1, ` +
      `or names a different API. base-url is the root that /files and /batches are under, such as ${EXPECTED_BASE}`
    )
  }
  if (error instanceof APIError) {
    return `${host} answered HTTP ${error.status ?? '?'}: ${apiMessage(error)}`
  }
  return error instanceof Error ? error.message : String(error)
}

const EXPECTED_BASE = 'https://api.studio.nebius.com/v1/ or https://api.openai.com/v1'

/** What servers answer for a path they do not serve, rather than for a batch or file they lack. */
const NO_SUCH_PATH =
  /invalid url|^not found$|no route|unknown (url|route|path|endpoint)|cannot (get|post)/i

/**
 * A 404 that means the path is wrong, not the id: the base URL has no version segment, or the
 * answer is not an API error naming what is missing (an HTML page, "Invalid URL (POST /files)").
 */
function looksLikeWrongBase(error: APIError, context: ErrorContext): boolean {
  let pathname: string
  try {
    pathname = new URL(context.baseUrl).pathname
  } catch {
    return false
  }
  // A version segment anywhere in the path: /v1, /openai/v1, /v1beta, /v10.
  if (!/\/v\d/i.test(pathname)) return true
  const body = error.error as { message?: unknown } | undefined
  if (!body || typeof body.message !== 'string' || body.message === '') return true
  return NO_SUCH_PATH.test(body.message)
}

/**
 * The SDK's message without its status: "404 No such batch" is the body's message (or the body as
 * JSON, or "status code (no body)") after the status, which the sentence around it names.
 */
function apiMessage(error: APIError): string {
  return error.message.replace(/^\d{3}\s*/, '') || 'no message'
}

function safeHost(baseUrl: string): string {
  try {
    return new URL(baseUrl).host
  } catch {
    return 'the API'
  }
}
