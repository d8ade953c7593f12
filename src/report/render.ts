// The job summary (GITHUB_STEP_SUMMARY) of a batch run and of `list`, written on a core.summary-like
// object. Everything inserted into it is HTML, so every value from the API or from results is escaped.
import type * as core from '@actions/core'
import type { BatchInfo } from '../batch/document.js'
import { formatNumber } from '../lib/format.js'
import { batchReport, listReport, type BatchSummaryData, type Field } from './model.js'

/** The part of core.summary these functions use (it is passed in: nothing here writes a file). */
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

function fieldCell(field: Field): string {
  return field.code ? code(field.value) : cell(field.value, field.maxLength)
}

/** Adds the summary of one batch run to `summary` (does not write it). */
export function renderBatchSummary(summary: SummaryBuilder, data: BatchSummaryData): void {
  const report = batchReport(data)
  summary.addHeading(escapeHtml(report.title), 2)
  summary.addTable([
    header('Batch', 'Value'),
    ...report.fields.map((field): Row => [field.label, fieldCell(field)])
  ])
  if (report.failures) {
    summary.addHeading(escapeHtml(report.failures.heading), 3)
    summary.addTable([
      header('custom_id', 'Error'),
      ...report.failures.lines.map((failure): Row => [
        code(failure.custom_id),
        cell(failure.message, MAX_MESSAGE)
      ])
    ])
  }
}

/** Adds the table of `list` to `summary` (does not write it). */
export function renderListSummary(summary: SummaryBuilder, batches: BatchInfo[]): void {
  summary.addHeading('Batches', 2)
  if (batches.length === 0) {
    summary.addRaw('<p>No batches found.</p>').addEOL()
    return
  }
  summary.addTable([
    header('ID', 'Status', 'Endpoint', 'Created', 'Requests (total / completed / failed)'),
    ...listReport(batches).map((row): Row => [
      code(row.id),
      cell(row.status),
      cell(row.endpoint),
      cell(row.created),
      row.counts ?? EMPTY
    ])
  ])
}
