import { z } from 'zod'

export const TERMINAL_STATUSES = ['completed', 'failed', 'expired', 'cancelled'] as const

/** Providers differ in case (`IN_PROGRESS`); the action compares statuses in lower case. */
export function normalizeStatus(status: string | undefined | null): string {
  return (status ?? '').trim().toLowerCase()
}

export function isTerminal(status: string | undefined | null): boolean {
  return (TERMINAL_STATUSES as readonly string[]).includes(normalizeStatus(status))
}

const counts = z
  .object({
    total: z.number().nullish(),
    completed: z.number().nullish(),
    failed: z.number().nullish()
  })
  .loose()

/**
 * The batch object as the action relies on it. Only `id` and `status` are required: providers
 * document fewer fields than OpenAI, and any optional one may be absent or null.
 */
export const BatchDocument = z
  .object({
    id: z.string().min(1),
    status: z.string().transform(normalizeStatus),
    endpoint: z.string().nullish(),
    input_file_id: z.string().nullish(),
    output_file_id: z.string().nullish(),
    error_file_id: z.string().nullish(),
    created_at: z.number().nullish(),
    in_progress_at: z.number().nullish(),
    finalizing_at: z.number().nullish(),
    completed_at: z.number().nullish(),
    failed_at: z.number().nullish(),
    expired_at: z.number().nullish(),
    cancelling_at: z.number().nullish(),
    cancelled_at: z.number().nullish(),
    request_counts: counts.nullish(),
    /** Not every provider names the model; a value that is not a string is ignored. */
    model: z.string().nullish().catch(undefined),
    /** Token usage as OpenAI reports it on the batch; ignored when malformed. */
    usage: z
      .object({
        input_tokens: z.number().nullish(),
        output_tokens: z.number().nullish(),
        total_tokens: z.number().nullish()
      })
      .loose()
      .nullish()
      .catch(undefined),
    metadata: z.record(z.string(), z.unknown()).nullish(),
    errors: z
      .object({
        data: z
          .array(
            z
              .object({
                code: z.string().nullish(),
                message: z.string().nullish(),
                line: z.number().nullish(),
                param: z.string().nullish()
              })
              .loose()
          )
          .nullish()
      })
      .loose()
      .nullish()
  })
  .loose()

export type BatchInfo = z.output<typeof BatchDocument>

export interface TokenCounts {
  prompt: number
  completion: number
  total: number
}

/** Validates a batch answer; some providers wrap it as `{job: {...}}`. */
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
  const errors = batch.errors?.data ?? []
  if (errors.length === 0) return 'the provider gave no reason'
  const shown = errors.slice(0, 5).map((e) => {
    const where = e.line != null ? `line ${e.line}: ` : ''
    const code = e.code ? ` (${e.code})` : ''
    return `${where}${e.message ?? 'error'}${code}`
  })
  const more = errors.length > shown.length ? `; and ${errors.length - shown.length} more` : ''
  return shown.join('; ') + more
}
