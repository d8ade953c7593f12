import { z } from 'zod'

export const TERMINAL_STATUSES = ['completed', 'failed', 'expired', 'cancelled'] as const

/** Every status of the Batch API (see batch-api-facts): the action knows what each one means. */
export const KNOWN_STATUSES = [
  'validating',
  'in_progress',
  'finalizing',
  'cancelling',
  ...TERMINAL_STATUSES
] as const

/** Spellings some providers use for a status the API names otherwise. */
const STATUS_SYNONYMS: Record<string, string> = {
  succeeded: 'completed',
  canceled: 'cancelled',
  canceling: 'cancelling'
}

/** What a batch answer without a status (absent, null, not a string) is taken to be. */
export const NO_STATUS = 'unknown'

/**
 * Providers differ in case (`IN_PROGRESS`), separators (`in-progress`) and spelling
 * (`succeeded`, `canceled`); the action compares statuses in the API's own words.
 */
export function normalizeStatus(status: unknown): string {
  if (typeof status !== 'string' || status.trim() === '') return NO_STATUS
  const words = status
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')
  return STATUS_SYNONYMS[words] ?? words
}

export function isTerminal(status: string | undefined | null): boolean {
  return (TERMINAL_STATUSES as readonly string[]).includes(normalizeStatus(status))
}

/** False for a status the action cannot interpret: it never reports success for such a batch. */
export function isKnownStatus(status: string | undefined | null): boolean {
  return (KNOWN_STATUSES as readonly string[]).includes(normalizeStatus(status))
}

/** A number, also when sent as a numeric string; anything else is dropped, not a parse failure. */
const lenientNumber = z
  .preprocess(
    (value) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value),
    z.number().finite().nullish()
  )
  .catch(undefined)

/** Unix seconds, also from a numeric string or an ISO date string. */
const lenientTimestamp = z
  .preprocess((value) => {
    if (typeof value !== 'string' || value.trim() === '') return value
    const number = Number(value)
    if (Number.isFinite(number)) return number
    const ms = Date.parse(value)
    return Number.isFinite(ms) ? Math.floor(ms / 1000) : undefined
  }, z.number().finite().nullish())
  .catch(undefined)

const lenientString = z.string().nullish().catch(undefined)

const counts = z
  .object({
    total: lenientNumber,
    completed: lenientNumber,
    failed: lenientNumber
  })
  .loose()

const batchError = z
  .object({
    code: lenientString,
    message: lenientString,
    line: lenientNumber,
    param: lenientString
  })
  .loose()

/**
 * The batch object as the action relies on it. Only `id` is required, and a status is always
 * given (NO_STATUS when the answer has none): providers document fewer fields than OpenAI, and
 * any other field may be absent, null or of another type, in which case it is ignored.
 */
export const BatchDocument = z
  .object({
    id: z.string().min(1),
    status: z.unknown().optional().transform(normalizeStatus),
    endpoint: lenientString,
    input_file_id: lenientString,
    output_file_id: lenientString,
    error_file_id: lenientString,
    created_at: lenientTimestamp,
    in_progress_at: lenientTimestamp,
    finalizing_at: lenientTimestamp,
    completed_at: lenientTimestamp,
    failed_at: lenientTimestamp,
    expired_at: lenientTimestamp,
    cancelling_at: lenientTimestamp,
    cancelled_at: lenientTimestamp,
    request_counts: counts.nullish().catch(undefined),
    /** Not every provider names the model; a value that is not a string is ignored. */
    model: lenientString,
    /** Token usage as OpenAI reports it on the batch; ignored when malformed. */
    usage: z
      .object({
        input_tokens: lenientNumber,
        output_tokens: lenientNumber,
        total_tokens: lenientNumber
      })
      .loose()
      .nullish()
      .catch(undefined),
    metadata: z.record(z.string(), z.unknown()).nullish().catch(undefined),
    /** `{data: [...]}` as the API documents it; a bare array (`errors: []`) is read as its data. */
    errors: z
      .preprocess(
        (value) => (Array.isArray(value) ? { data: value } : value),
        z
          .object({
            data: z.array(batchError.nullish().catch(undefined)).nullish().catch(undefined)
          })
          .loose()
          .nullish()
      )
      .catch(undefined)
  })
  .loose()

export type BatchInfo = z.output<typeof BatchDocument>

export interface TokenCounts {
  prompt: number
  completion: number
  total: number
}

/**
 * Reads a batch answer; some providers wrap it as `{job: {...}}`. Throws only when the answer
 * has no id: once an id is seen, the batch exists and must reach the outputs and state.
 */
export function parseBatch(raw: unknown): BatchInfo {
  const candidate =
    raw && typeof raw === 'object' && 'job' in raw && !('id' in raw)
      ? (raw as { job: unknown }).job
      : raw
  const result = BatchDocument.safeParse(candidate)
  if (!result.success) {
    const issue = result.error.issues[0]
    throw new Error(
      `The API answered with something that is not a batch (${issue?.path.join('.') || 'answer'}: ${issue?.message}); check base-url`
    )
  }
  return result.data
}

export function requestCounts(batch: BatchInfo): {
  total: number
  completed: number
  failed: number
} {
  return {
    total: batch.request_counts?.total ?? 0,
    completed: batch.request_counts?.completed ?? 0,
    failed: batch.request_counts?.failed ?? 0
  }
}

/** The token usage the batch reports itself, when it does. */
export function batchUsage(batch: BatchInfo): TokenCounts | undefined {
  const usage = batch.usage
  if (!usage) return undefined
  const prompt = usage.input_tokens ?? 0
  const completion = usage.output_tokens ?? 0
  return { prompt, completion, total: usage.total_tokens ?? prompt + completion }
}

/** One line for the log: `in_progress: 40/100 done, 2 failed`. */
export function describeProgress(batch: BatchInfo): string {
  const { total, completed, failed } = requestCounts(batch)
  return total > 0
    ? `${batch.status}: ${completed + failed}/${total} done, ${failed} failed`
    : batch.status
}

/** The batch's own errors (problems with its input file), as one readable message. */
export function describeBatchErrors(batch: BatchInfo): string {
  const errors = (batch.errors?.data ?? []).filter((e) => e != null)
  if (errors.length === 0) return 'the provider gave no reason'
  const shown = errors.slice(0, 5).map((e) => {
    const where = e.line != null ? `line ${e.line}: ` : ''
    const code = e.code ? ` (${e.code})` : ''
    return `${where}${e.message ?? 'error'}${code}`
  })
  const more = errors.length > shown.length ? `; and ${errors.length - shown.length} more` : ''
  return shown.join('; ') + more
}
