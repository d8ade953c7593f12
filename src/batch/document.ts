import { isRecord, kindOf } from '../lib/json-kind.js'

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

// The batch document is read by hand rather than with zod: every command that talks to the API
// reads it, and zod took about a fifth of the start-up of `list` (see README, Performance).

type Json = Record<string, unknown>

/** A number, also when sent as a numeric string; null kept; anything else dropped (undefined). */
function lenientNumber(value: unknown): number | null | undefined {
  if (value === null) return null
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  // Number.isFinite is false for anything that is not a number: no conversion.
  return Number.isFinite(number) ? (number as number) : undefined
}

/** Unix seconds, also from a numeric string or an ISO date string; null kept. */
function lenientTimestamp(value: unknown): number | null | undefined {
  if (typeof value !== 'string' || value.trim() === '') return lenientNumber(value)
  const number = Number(value)
  if (Number.isFinite(number)) return number
  const ms = Date.parse(value)
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : undefined
}

function lenientString(value: unknown): string | null | undefined {
  return typeof value === 'string' || value === null ? value : undefined
}

/**
 * A copy of `object` with each field of `readers` read by its reader, first and in that order, then
 * every other field as it is. A field the object lacks stays absent unless its reader gives a value
 * for nothing (the status).
 */
function readFields<R extends Record<string, (value: unknown) => unknown>>(
  object: Json,
  readers: R
): { [K in keyof R]?: ReturnType<R[K]> } & Json {
  const out: Json = {}
  for (const [key, reader] of Object.entries(readers)) {
    const value = reader(object[key])
    if (value !== undefined || key in object) out[key] = value
  }
  for (const [key, value] of Object.entries(object)) if (!(key in readers)) out[key] = value
  return out as { [K in keyof R]?: ReturnType<R[K]> } & Json
}

/** An object read by `readers`, null kept, anything else dropped. */
function lenientObject<R extends Record<string, (value: unknown) => unknown>>(readers: R) {
  return (value: unknown) =>
    value === null ? null : isRecord(value) ? readFields(value, readers) : undefined
}

const counts = lenientObject({
  total: lenientNumber,
  completed: lenientNumber,
  failed: lenientNumber
})

const batchError = lenientObject({
  code: lenientString,
  message: lenientString,
  line: lenientNumber,
  param: lenientString
})

const usage = lenientObject({
  input_tokens: lenientNumber,
  output_tokens: lenientNumber,
  total_tokens: lenientNumber
})

/** `{data: [...]}` as the API documents it; a bare array (`errors: []`) is read as its data. */
const errors = lenientObject({
  data: (value: unknown) =>
    value === null ? null : Array.isArray(value) ? value.map(batchError) : undefined
})

function metadataOf(value: unknown): Record<string, unknown> | null | undefined {
  return value === null ? null : isRecord(value) ? { ...value } : undefined
}

/**
 * The batch object as the action relies on it. Only `id` is required, and a status is always
 * given (NO_STATUS when the answer has none): providers document fewer fields than OpenAI, and
 * any other field may be absent, null or of another type, in which case it is ignored.
 */
const batchFields = {
  id: (value: unknown) => value as string,
  status: normalizeStatus,
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
  request_counts: counts,
  /** Not every provider names the model; a value that is not a string is ignored. */
  model: lenientString,
  /** Token usage as OpenAI reports it on the batch; ignored when malformed. */
  usage,
  metadata: metadataOf,
  errors: (value: unknown) => errors(Array.isArray(value) ? { data: value } : value)
}

type Read<F> = F extends (value: unknown) => infer T ? Exclude<T, undefined> : never

export type BatchInfo = { [K in keyof typeof batchFields]?: Read<(typeof batchFields)[K]> } & {
  id: string
  status: string
} & Json

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
  if (!isRecord(candidate))
    return notABatch('answer', `expected an object, got ${kindOf(candidate)}`)
  if (typeof candidate.id !== 'string' || candidate.id === '')
    return notABatch(
      'id',
      `expected a non-empty string, got ${candidate.id === '' ? 'an empty string' : kindOf(candidate.id)}`
    )
  return readFields(candidate, batchFields) as BatchInfo
}

function notABatch(where: string, what: string): never {
  throw new Error(
    `The API answered with something that is not a batch (${where}: ${what}); check base-url`
  )
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
