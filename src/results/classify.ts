// Whether a result line is a success, and what the error of a failed one is.
import { ErrorBodySchema, type ResultLine } from './schemas.js'

export interface ResultError {
  code?: string
  message: string
  status_code?: number
}

export type Classified = { status: 'ok'; body: unknown } | { status: 'error'; error: ResultError }

function errorInBody(body: unknown): { message?: string; code?: string } {
  if (typeof body === 'string') return body.trim() ? { message: body.trim().slice(0, 2000) } : {}
  // Most bodies are successes: skip the schema (and the cost of its error report) when there is no error.
  if (typeof body !== 'object' || body === null || !('error' in body)) return {}
  const parsed = ErrorBodySchema.safeParse(body)
  if (!parsed.success) return {}
  const error = parsed.data.error
  if (typeof error === 'string') return { message: error }
  const code = error.code ?? error.type
  return {
    ...(error.message ? { message: error.message } : {}),
    ...(code !== null && code !== undefined ? { code: String(code) } : {})
  }
}

function makeError(
  code: string | undefined,
  message: string,
  statusCode: number | undefined
): ResultError {
  return {
    ...(code !== undefined ? { code } : {}),
    message,
    ...(statusCode !== undefined ? { status_code: statusCode } : {})
  }
}

/** Decides whether a line of the output or error file is a success, and what the error is. */
export function classify(line: ResultLine, fromErrorFile: boolean): Classified {
  const response = line.response ?? undefined
  const statusCode = response?.status_code ?? undefined
  const inBody = errorInBody(response?.body)
  if (line.error) {
    const code = line.error.code ?? undefined
    return {
      status: 'error',
      error: makeError(
        code !== undefined ? String(code) : inBody.code,
        line.error.message ||
          inBody.message ||
          (statusCode !== undefined ? `HTTP ${statusCode}` : 'request failed'),
        statusCode
      )
    }
  }
  if (response === undefined) {
    return {
      status: 'error',
      error: makeError(undefined, 'the result has neither a response nor an error', undefined)
    }
  }
  if (statusCode !== undefined && (statusCode < 200 || statusCode > 299)) {
    return {
      status: 'error',
      error: makeError(inBody.code, inBody.message || `HTTP ${statusCode}`, statusCode)
    }
  }
  if (fromErrorFile) {
    return {
      status: 'error',
      error: makeError(
        inBody.code,
        inBody.message || 'request failed (listed in the error file)',
        statusCode
      )
    }
  }
  return { status: 'ok', body: response.body ?? null }
}
