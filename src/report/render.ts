// The job summary (GITHUB_STEP_SUMMARY) of a batch run, of a file check and of `list`, written on a
// core.summary-like object. GitHub renders it as GitHub-flavoured Markdown with HTML allowed: every
// piece here is one HTML block with no blank line inside, and every value from the API, the results
// or the file is escaped.
import type * as core from '@actions/core'
import type { BatchInfo } from '../batch/document.js'
import { formatNumber } from '../lib/format.js'
import { jobRows, jobsHeading, type JobReport } from './jobs.js'
import { listReport } from './list.js'
import { batchReport, type BatchSummaryData, type Field, type Tone } from './model.js'
import { validationView, type ValidationSummaryData } from './validation.js'

/** The part of core.summary these functions use (it is passed in: nothing here writes a file). */
export type SummaryBuilder = Pick<typeof core.summary, 'addHeading' | 'addRaw' | 'addEOL'>

const EMPTY = '-'
const MAX_MESSAGE = 300
const ICONS: Record<Tone, string> = { good: '✅', warn: '⚠️', bad: '❌', running: '⏳' }

/** Escapes text for HTML, and flattens line breaks (a blank line would end the HTML block in markdown). */
export function escapeHtml(text: string): string {
  return escapeKeepingLines(text).replace(/\s*[\r\n]+\s*/g, ' ')
}

/** Escapes text for a <pre> block, keeping its lines (it must have no blank line: that ends the block). */
function escapeKeepingLines(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

function cell(value: string | number | undefined | null, maxLength = Infinity): string {
  if (value === undefined || value === null) return EMPTY
  let text = typeof value === 'number' ? formatNumber(value) : value
  if (text.length > maxLength) text = `${text.slice(0, maxLength - 3)}...`
  return text.trim() === '' ? EMPTY : escapeHtml(text)
}

function code(value: unknown): string {
  return typeof value === 'string' && value.trim() !== ''
    ? `<code>${escapeHtml(value)}</code>`
    : EMPTY
}

function fieldCell(field: Field): string {
  return field.code ? code(field.value) : cell(field.value, field.maxLength)
}

/** A table from cells that are already HTML; the first row is the header when `head` is given. */
function table(head: string[] | undefined, rows: string[][]): string {
  const headRow = head ? `<tr>${head.map((title) => `<th>${title}</th>`).join('')}</tr>` : ''
  const body = rows.map((row) => `<tr>${row.map((data) => `<td>${data}</td>`).join('')}</tr>`)
  return `<table>${headRow}${body.join('')}</table>`
}

/** A table of labelled values, the labels as header cells. */
function fieldTable(fields: Field[]): string {
  const rows = fields.map((field) => `<tr><th>${field.label}</th><td>${fieldCell(field)}</td></tr>`)
  return `<table>${rows.join('')}</table>`
}

function facts(fields: Field[]): string {
  return fields.map((field) => `<b>${field.label}</b> ${fieldCell(field)}`).join(' · ')
}

function block(summary: SummaryBuilder, html: string): void {
  summary.addRaw(html).addEOL()
}

function details(title: string, content: string): string {
  return `<details><summary>${escapeHtml(title)}</summary>${content}</details>`
}

/** Adds the summary of one batch run to `summary` (does not write it). */
export function renderBatchSummary(summary: SummaryBuilder, data: BatchSummaryData): void {
  const report = batchReport(data)
  summary.addHeading(`${ICONS[report.tone]} ${escapeHtml(report.title)}`, 2)
  if (report.facts.length > 0) block(summary, `<p>${facts(report.facts)}</p>`)
  if (report.counts) block(summary, `<p><strong>${escapeHtml(report.counts)}</strong></p>`)
  if (report.message) block(summary, `<p>${cell(report.message, 1000)}</p>`)
  if (data.jobBatches) {
    summary.addHeading(`Batches of the job (${data.jobBatches.length})`, 3)
    block(
      summary,
      table(
        ['Part', 'Round', 'Batch', 'Status', 'Requests', 'Duration'],
        data.jobBatches.map((row) => [
          cell(row.part),
          cell(row.round),
          code(row.id),
          cell(row.status),
          cell(row.requests),
          cell(row.duration)
        ])
      )
    )
  }
  if (report.failureCodes) {
    summary.addHeading('Failed requests by error code', 3)
    block(
      summary,
      table(
        ['Code', 'Requests', 'Example'],
        report.failureCodes.map((group) => [
          group.code ? code(group.code) : '(none)',
          formatNumber(group.count),
          cell(group.example.message, MAX_MESSAGE)
        ])
      )
    )
  }
  if (report.failures) {
    summary.addHeading(escapeHtml(report.failures.heading), 3)
    block(
      summary,
      table(
        ['custom_id', 'Code', 'Status', 'Error'],
        report.failures.lines.map((failure) => [
          code(failure.custom_id),
          failure.code ? code(failure.code) : EMPTY,
          cell(failure.status_code),
          cell(failure.message, MAX_MESSAGE)
        ])
      )
    )
  }
  if (report.samples) {
    const rows = report.samples.lines.map((sample) => [code(sample.custom_id), cell(sample.text)])
    block(summary, details(report.samples.heading, table(['custom_id', 'Response'], rows)))
  }
  if (report.files.length > 0) {
    summary.addHeading('Files', 3)
    block(
      summary,
      fieldTable(report.files.map((f) => ({ label: f.label, value: f.path, code: true })))
    )
  }
  if (report.superseded) {
    summary.addHeading(escapeHtml(report.superseded.heading), 3)
    const items = report.superseded.lines.map((line) => `<li>${escapeHtml(line)}</li>`)
    block(summary, `<ul>${items.join('')}</ul>`)
  }
  if (report.uploadHint) {
    const yaml = `<pre lang="yaml"><code>${escapeKeepingLines(report.uploadHint)}</code></pre>`
    block(summary, details('Keep the results: add an upload-artifact step', yaml))
  }
  summary.addHeading('Details', 3)
  block(summary, fieldTable(report.details))
}

/** Adds the summary of a requests file check (validate-only, or problems found) to `summary`. */
export function renderValidationSummary(
  summary: SummaryBuilder,
  data: ValidationSummaryData
): void {
  const view = validationView(data)
  summary.addHeading(`${ICONS[view.tone]} ${escapeHtml(view.title)}`, 2)
  block(summary, `<p>${facts(view.facts)}</p>`)
  if (view.hint) block(summary, `<p><strong>${escapeHtml(view.hint)}</strong></p>`)
  if (view.problems) {
    summary.addHeading(escapeHtml(view.problems.heading), 3)
    block(
      summary,
      table(
        ['Line', 'Problem'],
        view.problems.lines.map((problem) => [problem.line, cell(problem.message, MAX_MESSAGE)])
      )
    )
  }
  if (view.more) block(summary, `<p>${escapeHtml(view.more)}</p>`)
  block(summary, `<p>${escapeHtml(view.note)}</p>`)
}

/** Adds the table of `list` to `summary` (does not write it). */
export function renderListSummary(summary: SummaryBuilder, batches: BatchInfo[]): void {
  summary.addHeading('Batches', 2)
  if (batches.length === 0) {
    block(summary, '<p>No batches found.</p>')
    return
  }
  block(
    summary,
    table(
      ['ID', 'Status', 'Endpoint', 'Created', 'Requests (total / completed / failed)'],
      listReport(batches).map((row) => [
        code(row.id),
        cell(row.status),
        cell(row.endpoint),
        cell(row.created),
        row.counts ?? EMPTY
      ])
    )
  )
}

/** Adds the table of `collect` to `summary`: one row per job (does not write it). */
export function renderJobsSummary(
  summary: SummaryBuilder,
  jobs: JobReport[],
  workspace?: string
): void {
  summary.addHeading(`Jobs: ${escapeHtml(jobsHeading(jobs))}`, 2)
  if (jobs.length === 0) {
    block(summary, '<p>No batches of this repository matched.</p>')
    return
  }
  block(
    summary,
    table(
      [
        'Job (first batch)',
        'Batches',
        'Status',
        'Metadata',
        'Requests (total / completed / failed)',
        'Tokens',
        'Results'
      ],
      jobRows(jobs, workspace).map((row) => [
        code(row.batch),
        cell(row.batches),
        cell(row.status),
        code(row.metadata),
        cell(row.counts),
        cell(row.tokens),
        code(row.results)
      ])
    )
  )
}
