// The GitHub job summary (GITHUB_STEP_SUMMARY) of a batch run and of `list`.
//
// The content is built by pure functions on a core.summary-like object; everything inserted into it
// is HTML, so every value coming from the API or from results is escaped.
import * as core from '@actions/core'
import type { Batch } from 'openai/resources/batches'
import type { FailedRequest, TokenUsage } from './results.js'

export type BatchOutcome = 'succeeded' | 'failed' | 'cancelled' | 'timed out' | 'left running'

export interface BatchSummaryData {
  command: string
  batch: Batch | undefined
  model?: string
  outcome: BatchOutcome
  message?: string
  files: { output?: string; error?: string; results?: string }
  usage?: TokenUsage
  failures: FailedRequest[]
}

/** The part of core.summary these functions use. */
export type SummaryBuilder = Pick<
  typeof core.summary,
  'addHeading' | 'addTable' | 'addRaw' | 'addEOL'
>
type Row = Parameters<typeof core.summary.addTable>[0][number]

const EMPTY = '-'
const MAX_MESSAGE = 300

/** Escapes text for HTML, and flattens line breaks (a blank line would end the HTML block in markdown). */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\s*[\r\n]+\s*/g, ' ')
}

function cell(value: string | number | undefined | null, maxLength = Infinity): string {
  if (value === undefined || value === null) return EMPTY
  let text = typeof value === 'number' ? formatNumber(value) : value
  if (text.length > maxLength) text = `${text.slice(0, maxLength - 3)}...`
  // core.summary writes an empty cell as an unclosed <td>.
  return text.trim() === '' ? EMPTY : escapeHtml(text)
}

function code(value: unknown): string {
  return typeof value === 'string' && value.trim() !== ''
    ? `<code>${escapeHtml(value)}</code>`
    : EMPTY
}

function header(...titles: string[]): Row {
  return titles.map((data) => ({ data, header: true }))
}

function formatNumber(value: number): string {
  return Number.isFinite(value) ? value.toLocaleString('en-US') : String(value)
}

/** A finite, positive unix timestamp, or undefined (absent, null, 0 from some providers). */
function timestamp(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined
}

function span(start: unknown, end: unknown): number | undefined {
  const from = timestamp(start)
  const to = timestamp(end)
  if (from === undefined || to === undefined || to < from) return undefined
  return to - from
}

/** Durations in seconds from the batch timestamps; undefined where a timestamp is missing. */
export function batchDurations(batch: Batch): {
  queued?: number
  running?: number
  finalizing?: number
  total?: number
} {
  const end =
    timestamp(batch.completed_at) ??
    timestamp(batch.failed_at) ??
    timestamp(batch.expired_at) ??
    timestamp(batch.cancelled_at)
  const durations = {
    queued: span(batch.created_at, batch.in_progress_at),
    running: span(batch.in_progress_at, batch.finalizing_at),
    finalizing: span(batch.finalizing_at, batch.completed_at),
    total: span(batch.created_at, end)
  }
  return Object.fromEntries(Object.entries(durations).filter(([, value]) => value !== undefined))
}

/** '42s', '3m 05s', '2h 03m'. */
export function formatDuration(seconds: number): string {
  const total = Number.isFinite(seconds) ? Math.max(0, Math.round(seconds)) : 0
  if (total < 60) return `${total}s`
  if (total < 3600) return `${Math.floor(total / 60)}m ${String(total % 60).padStart(2, '0')}s`
  return `${Math.floor(total / 3600)}h ${String(Math.floor((total % 3600) / 60)).padStart(2, '0')}m`
}

/** The status as text, lower-case (some providers answer IN_PROGRESS). */
export function statusText(batch: Pick<Batch, 'status'> | undefined): string {
  const status: unknown = batch?.status
  return typeof status === 'string' && status.trim() !== ''
    ? status.trim().toLowerCase()
    : 'unknown'
}

function isoTime(value: unknown): string | undefined {
  const seconds = timestamp(value)
  if (seconds === undefined) return undefined
  const date = new Date(seconds * 1000)
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString()
}

function requestCounts(batch: Batch | undefined): string | undefined {
  const counts = batch?.request_counts
  if (!counts) return undefined
  const part = (value: unknown, label: string): string =>
    `${typeof value === 'number' ? formatNumber(value) : '?'} ${label}`
  return `${part(counts.total, 'total')}, ${part(counts.completed, 'completed')}, ${part(counts.failed, 'failed')}`
}

function tokenUsage(data: BatchSummaryData): string | undefined {
  let usage = data.usage
  const fromBatch = data.batch?.usage
  if (!usage && fromBatch) {
    const prompt = typeof fromBatch.input_tokens === 'number' ? fromBatch.input_tokens : 0
    const completion = typeof fromBatch.output_tokens === 'number' ? fromBatch.output_tokens : 0
    const total =
      typeof fromBatch.total_tokens === 'number' ? fromBatch.total_tokens : prompt + completion
    usage = { prompt, completion, total }
  }
  if (!usage) return undefined
  return `${formatNumber(usage.prompt)} prompt, ${formatNumber(usage.completion)} completion, ${formatNumber(usage.total)} total`
}

/** Adds the summary of one batch run to `summary` (does not write it). */
export function renderBatchSummary(summary: SummaryBuilder, data: BatchSummaryData): void {
  const { batch } = data
  const title = batch
    ? `Batch ${String(batch.id ?? '')}: ${statusText(batch)}`
    : `Batch ${data.command}: ${data.outcome}`
  summary.addHeading(escapeHtml(title), 2)

  const rows: Row[] = [header('Batch', 'Value')]
  const add = (label: string, value: string | undefined): void => {
    rows.push([label, value ?? EMPTY])
  }
  add('Command', cell(data.command))
  add('Outcome', cell(data.outcome))
  if (data.message) add('Message', cell(data.message, 1000))
  add('Batch ID', code(batch?.id))
  add('Endpoint', cell(batch?.endpoint))
  add('Model', cell(data.model ?? batch?.model))
  add('Status', batch ? cell(statusText(batch)) : EMPTY)
  add('Requests', cell(requestCounts(batch)))
  add('Tokens', cell(tokenUsage(data)))
  if (batch) {
    const durations = batchDurations(batch)
    const labels = {
      queued: 'Queued',
      running: 'Running',
      finalizing: 'Finalizing',
      total: 'Total time'
    } as const
    for (const key of ['queued', 'running', 'finalizing', 'total'] as const) {
      const seconds = durations[key]
      if (seconds !== undefined) add(labels[key], formatDuration(seconds))
    }
  }
  const files = [
    ['Output file', data.files.output],
    ['Error file', data.files.error],
    ['Results file', data.files.results]
  ] as const
  for (const [label, path] of files) if (path) add(label, code(path))
  summary.addTable(rows)

  if (data.failures.length > 0) {
    const failed = batch?.request_counts?.failed
    const shown = data.failures.length
    const heading =
      typeof failed === 'number' && failed > shown
        ? `Failed requests (first ${shown} of ${formatNumber(failed)})`
        : 'Failed requests'
    summary.addHeading(escapeHtml(heading), 3)
    summary.addTable([
      header('custom_id', 'Error'),
      ...data.failures.map((failure): Row => [
        code(failure.custom_id),
        cell(failure.message, MAX_MESSAGE)
      ])
    ])
  }
}

/** Adds the table of `list` to `summary` (does not write it). */
export function renderListSummary(summary: SummaryBuilder, batches: Batch[]): void {
  summary.addHeading('Batches', 2)
  if (batches.length === 0) {
    summary.addRaw('<p>No batches found.</p>').addEOL()
    return
  }
  summary.addTable([
    header('ID', 'Status', 'Endpoint', 'Created', 'Requests (total / completed / failed)'),
    ...batches.map((batch): Row => {
      const counts = batch.request_counts
      const num = (value: unknown): string =>
        typeof value === 'number' ? formatNumber(value) : '?'
      return [
        code(batch.id),
        cell(statusText(batch)),
        cell(batch.endpoint),
        cell(isoTime(batch.created_at)),
        counts ? `${num(counts.total)} / ${num(counts.completed)} / ${num(counts.failed)}` : EMPTY
      ]
    })
  ])
}

async function writeSummary(render: (summary: SummaryBuilder) => void): Promise<void> {
  if (!process.env['GITHUB_STEP_SUMMARY']) return
  try {
    render(core.summary)
    await core.summary.write()
  } catch (error) {
    core.summary.emptyBuffer()
    core.warning(
      `Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`
    )
  }
}

/** Appends the summary of a batch run to the job summary; does nothing when GITHUB_STEP_SUMMARY is unset. */
export async function writeBatchSummary(data: BatchSummaryData): Promise<void> {
  await writeSummary((summary) => renderBatchSummary(summary, data))
}

/** Appends the table of `list` to the job summary; does nothing when GITHUB_STEP_SUMMARY is unset. */
export async function writeListSummary(batches: Batch[]): Promise<void> {
  await writeSummary((summary) => renderListSummary(summary, batches))
}
