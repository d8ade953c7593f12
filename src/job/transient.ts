// Which failed requests `retry-failed` sends again: those that failed for a passing reason.
import { normalizeStatus } from '../batch/document.js'
import type { JoinedLine } from './joined-line.js'

/**
 * The error codes and HTTP status codes `retry-errors` defaults to (action.yml lists them).
 * Where providers write them:
 * - 429 with `rate_limit_exceeded`, 5xx with `server_error`: a failed request's line in the error
 *   file, `response.status_code` and `response.body.error.code` (or `.type`); OpenAI's answers, and
 *   the local Batch API's (tools/mock-batch-api, `requestErrorBody`).
 * - `batch_expired`: the error-file line of each request an expired batch did not reach
 *   (batch-api-facts.md, "Partial results").
 * - `batch_cancelled`, `timeout`: the same kind of line for a cancelled batch and a request that
 *   timed out, in the action's documented list.
 * - 408: an HTTP request timeout; the `openai` SDK retries 408, 429 and 5xx for the same reason
 *   (batch-api-facts.md, "Retries"). Not 409: in a batch a conflict is not a request to wait for.
 * A 400 (`invalid_request_error`), a content-policy refusal, 401/403/404 are lasting: never here.
 */
export const DEFAULT_RETRY_ERRORS: readonly string[] = [
  '408',
  '429',
  '500',
  '502',
  '503',
  '504',
  'rate_limit_exceeded',
  'server_error',
  'timeout',
  'batch_expired',
  'batch_cancelled'
]

/** The codes to match, lower-cased (codes are compared without case); empty or none: the default. */
export function transientCodes(codes?: readonly string[]): ReadonlySet<string> {
  const list = codes && codes.length > 0 ? codes : DEFAULT_RETRY_ERRORS
  return new Set(list.map((code) => code.trim().toLowerCase()))
}

/**
 * The code a request missing from a batch's output counts under: a batch that expired or was
 * cancelled did not reach it, as if its error line said `batch_expired` / `batch_cancelled` (some
 * providers write that line, some write nothing). Removing that code from `retry-errors` stops both.
 * A `failed` batch ran none of its requests because its input file was refused: sending the same
 * requests again would fail the same way, so they are lasting. (A batch refused for an enqueued-token
 * limit is resubmitted whole, as its part, before any round of retries.) A request missing from a
 * `completed` batch is the provider's loss, not a passing failure either.
 */
function missingCode(batchStatus: string | undefined): string | undefined {
  const status = normalizeStatus(batchStatus)
  if (status === 'expired') return 'batch_expired'
  if (status === 'cancelled') return 'batch_cancelled'
  return undefined
}

/**
 * Whether a line of a batch's results.jsonl is a failure worth sending again: an 'error' whose
 * `status_code` (as text) or `code` is in `codes`, or a 'missing' request of an expired or cancelled
 * batch (see missingCode). `codes` as given to `retry-errors`, or the set of transientCodes.
 */
export function isTransientFailure(
  line: Pick<JoinedLine, 'status' | 'error'>,
  codes: readonly string[] | ReadonlySet<string>,
  batchStatus: string | undefined
): boolean {
  const set = codes instanceof Set ? codes : transientCodes(codes as readonly string[])
  if (line.status === 'missing') {
    const code = missingCode(batchStatus)
    return code !== undefined && set.has(code)
  }
  if (line.status !== 'error' || !line.error) return false
  const { code, status_code: statusCode } = line.error
  if (statusCode !== undefined && set.has(String(statusCode))) return true
  return code !== undefined && set.has(String(code).toLowerCase())
}
