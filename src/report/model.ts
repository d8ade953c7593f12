// What the job summary says about a batch run and about `list`, as plain data. Nothing here is
// HTML: render.ts escapes every value when it writes the summary.
import { batchUsage, type BatchInfo, type TokenCounts } from '../batch/document.js'
import { formatDuration, formatNumber, formatTimestamp, unixSeconds } from '../lib/format.js'
import type { FailedRequest } from '../results/types.js'

export type BatchOutcome = 'succeeded' | 'failed' | 'cancelled' | 'timed out' | 'left running'

/** A request that failed, as the failures table shows it. */
export type FailureLine = Pick<FailedRequest, 'custom_id' | 'message'>

export interface BatchSummaryData {
  command: string
  batch: BatchInfo | undefined
  /** The model of the requests file, when it was validated. */
  model?: string
  outcome: BatchOutcome
  message?: string
  files: { output?: string; error?: string; results?: string }
  /** Token usage summed over the joined results; the batch's own usage is used without it. */
  usage?: TokenCounts
  failures: FailedRequest[]
}

/** One row of the batch table: a plain value, or one shown as code; undefined shows as a dash. */
export interface Field {
  label: string
  value: string | number | undefined | null
  code?: boolean
  maxLength?: number
}

export interface BatchReport {
  title: string
  fields: Field[]
  failures: { heading: string; lines: FailureLine[] } | undefined
}

export interface ListRow {
  id: string
  status: string
  endpoint: string | undefined | null
  created: string | undefined
  /** `total / completed / failed`, with `?` for a count the provider left out. */
  counts: string | undefined
}

const DURATION_LABELS = {
  queued: 'Queued',
  running: 'Running',
  finalizing: 'Finalizing',
  total: 'Total time'
} as const

function span(start: unknown, end: unknown): number | undefined {
  const from = unixSeconds(start)
  const to = unixSeconds(end)
  if (from === undefined || to === undefined || to < from) return undefined
  return to - from
}

/** Durations in seconds from the batch timestamps; undefined where a timestamp is missing. */
export function batchDurations(batch: BatchInfo): {
  queued?: number
  running?: number
  finalizing?: number
  total?: number
} {
  const end =
    unixSeconds(batch.completed_at) ??
    unixSeconds(batch.failed_at) ??
    unixSeconds(batch.expired_at) ??
    unixSeconds(batch.cancelled_at)
  const durations = {
    queued: span(batch.created_at, batch.in_progress_at),
    running: span(batch.in_progress_at, batch.finalizing_at),
    finalizing: span(batch.finalizing_at, batch.completed_at),
    total: span(batch.created_at, end)
  }
  return Object.fromEntries(Object.entries(durations).filter(([, value]) => value !== undefined))
}

/** The status as shown; the batch document already holds it in lower case. */
export function statusText(batch: BatchInfo | undefined): string {
  return batch?.status ? batch.status : 'unknown'
}

function count(value: number | null | undefined): string {
  return typeof value === 'number' ? formatNumber(value) : '?'
}

function requestCountsText(batch: BatchInfo | undefined): string | undefined {
  const counts = batch?.request_counts
  if (!counts) return undefined
  return `${count(counts.total)} total, ${count(counts.completed)} completed, ${count(counts.failed)} failed`
}

function tokensText(data: BatchSummaryData): string | undefined {
  const usage = data.usage ?? (data.batch ? batchUsage(data.batch) : undefined)
  if (!usage) return undefined
  return `${formatNumber(usage.prompt)} prompt, ${formatNumber(usage.completion)} completion, ${formatNumber(usage.total)} total`
}

/** The summary of one batch run. */
export function batchReport(data: BatchSummaryData): BatchReport {
  const { batch } = data
  const fields: Field[] = [
    { label: 'Command', value: data.command },
    { label: 'Outcome', value: data.outcome }
  ]
  if (data.message) fields.push({ label: 'Message', value: data.message, maxLength: 1000 })
  fields.push(
    { label: 'Batch ID', value: batch?.id, code: true },
    { label: 'Endpoint', value: batch?.endpoint },
    { label: 'Model', value: data.model ?? batch?.model },
    { label: 'Status', value: batch ? statusText(batch) : undefined },
    { label: 'Requests', value: requestCountsText(batch) },
    { label: 'Tokens', value: tokensText(data) }
  )
  if (batch) {
    const durations = batchDurations(batch)
    for (const key of ['queued', 'running', 'finalizing', 'total'] as const) {
      const seconds = durations[key]
      if (seconds !== undefined)
        fields.push({ label: DURATION_LABELS[key], value: formatDuration(seconds) })
    }
  }
  const files = [
    ['Output file', data.files.output],
    ['Error file', data.files.error],
    ['Results file', data.files.results]
  ] as const
  for (const [label, path] of files) if (path) fields.push({ label, value: path, code: true })

  return {
    title: batch
      ? `Batch ${batch.id}: ${statusText(batch)}`
      : `Batch ${data.command}: ${data.outcome}`,
    fields,
    failures: data.failures.length > 0 ? failuresOf(batch, data.failures) : undefined
  }
}

function failuresOf(
  batch: BatchInfo | undefined,
  lines: FailureLine[]
): NonNullable<BatchReport['failures']> {
  const failed = batch?.request_counts?.failed
  const shown = lines.length
  const heading =
    typeof failed === 'number' && failed > shown
      ? `Failed requests (first ${shown} of ${formatNumber(failed)})`
      : 'Failed requests'
  return { heading, lines }
}

/** One row per batch of `list`. */
export function listReport(batches: BatchInfo[]): ListRow[] {
  return batches.map((batch) => {
    const counts = batch.request_counts
    return {
      id: batch.id,
      status: statusText(batch),
      endpoint: batch.endpoint,
      created: formatTimestamp(batch.created_at),
      counts: counts
        ? `${count(counts.total)} / ${count(counts.completed)} / ${count(counts.failed)}`
        : undefined
    }
  })
}
