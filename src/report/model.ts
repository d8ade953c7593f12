// What the job summary says about a batch run and about `list`, as plain data. Nothing here is
// HTML: render.ts escapes every value when it writes the summary.
import path from 'node:path'
import { batchUsage, isTerminal, type BatchInfo, type TokenCounts } from '../batch/document.js'
import { MetadataKeys } from '../batch/metadata.js'
import type { FailureLimit } from '../lib/failure-limit.js'
import { formatDuration, formatNumber, unixSeconds } from '../lib/format.js'
import type { FailedRequest, FailureGroup, JoinResult, SampleResult } from '../results/types.js'
import type { JobBatchRow } from './job-table.js'
import { supersededOf, type SupersededBatch } from './superseded.js'
import { failureRateText, progressText, tallyOf, workspacePath } from './counts.js'

export type BatchOutcome = 'succeeded' | 'failed' | 'cancelled' | 'timed out' | 'left running'

/** A request that failed, as the failures table shows it. */
export type FailureLine = Pick<FailedRequest, 'custom_id' | 'message' | 'code' | 'status_code'>

export interface BatchSummaryData {
  command: string
  batch: BatchInfo | undefined
  /** The model of the requests file, when it was validated. */
  model?: string
  outcome: BatchOutcome
  message?: string
  /** The requests file (the `file` input), when the command had one. */
  file?: string
  /** The `endpoint` input; the batch's own endpoint is shown without it. */
  endpoint?: string
  /** The user's metadata (the `metadata` input): what tells two batches of one run apart. */
  metadata?: Record<string, string>
  /** The max-failed-requests limit, shown beside the failure rate. */
  failureLimit?: FailureLimit
  files: { output?: string; error?: string; results?: string }
  /** Token usage summed over the joined results; the batch's own usage is used without it. */
  usage?: TokenCounts
  failures: FailedRequest[]
  /** What the join counted, when results were collected. */
  results?: Pick<JoinResult, 'total' | 'ok' | 'error' | 'missing' | 'failureCodes' | 'samples'>
  /** Paths are shown relative to it. */
  workspace?: string
  /** The time of the summary (ms), for how long a running batch has run. */
  now?: number
  /** The batches of a job of several (report/job-table.ts). */
  jobBatches?: JobBatchRow[]
  /** Batches of earlier runs this run cancelled as superseded (cancel-superseded). */
  superseded?: SupersededBatch[]
}

/** One row of the batch table: a plain value, or one shown as code; undefined shows as a dash. */
export interface Field {
  label: string
  value: string | number | undefined | null
  code?: boolean
  maxLength?: number
}

export type Tone = 'good' | 'warn' | 'bad' | 'running'

export interface BatchReport {
  /** The outcome in words, then what the batch is: "Batch succeeded: prompts/requests.jsonl". */
  title: string
  tone: Tone
  /** What tells the batch apart: file, metadata, model, endpoint, batch id. */
  facts: Field[]
  message?: string
  /** The failure rate, or the progress of a running batch. */
  counts?: string
  details: Field[]
  failureCodes: FailureGroup[] | undefined
  failures: { heading: string; lines: FailureLine[] } | undefined
  samples: { heading: string; lines: SampleResult[] } | undefined
  files: { label: string; path: string }[]
  /** A workflow step that keeps the results as an artifact. */
  uploadHint?: string
  /** One line per batch of an earlier run this run cancelled. */
  superseded?: { heading: string; lines: string[] }
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

export function count(value: number | null | undefined): string {
  return typeof value === 'number' ? formatNumber(value) : '?'
}

function requestCountsText(batch: BatchInfo | undefined): string | undefined {
  const counts = batch?.request_counts
  if (!counts) return undefined
  return `${count(counts.total)} total, ${count(counts.completed)} completed, ${count(counts.failed)} failed`
}

/** Tokens only once there are some to count: a running batch has none to show yet. */
function tokensText(data: BatchSummaryData): string | undefined {
  const usage = data.usage ?? (data.batch ? batchUsage(data.batch) : undefined)
  if (!usage || (usage.total === 0 && !isTerminal(data.batch?.status))) return undefined
  return `${formatNumber(usage.prompt)} prompt, ${formatNumber(usage.completion)} completion, ${formatNumber(usage.total)} total`
}

/** The outcome in words, and how it reads: the word a person looks for first. */
function outcomeWords(data: BatchSummaryData, failed: number): { words: string; tone: Tone } {
  const status = data.batch?.status
  switch (data.outcome) {
    case 'succeeded':
      if (status === 'cancelled') return { words: 'Batch cancelled', tone: 'good' }
      if (status && !isTerminal(status)) return { words: `Batch ${status}`, tone: 'running' }
      return failed > 0
        ? { words: 'Batch succeeded, with failed requests', tone: 'warn' }
        : { words: 'Batch succeeded', tone: 'good' }
    case 'left running':
      return { words: 'Batch still running', tone: 'running' }
    case 'timed out':
      return { words: 'Wait timed out', tone: 'bad' }
    case 'cancelled':
      return { words: 'Batch cancelled', tone: 'bad' }
    case 'failed':
      if (status === 'expired') return { words: 'Batch expired', tone: 'bad' }
      if (status === 'completed') return { words: 'Too many requests failed', tone: 'bad' }
      if (status === 'failed') return { words: 'Batch failed', tone: 'bad' }
      return { words: data.batch ? 'Step failed' : 'Batch not created', tone: 'bad' }
  }
}

const ACTION_KEYS = new Set<string>(Object.values(MetadataKeys))

/** The user's metadata: as given, else the batch's without the keys the action adds itself. */
function metadataText(data: BatchSummaryData): string | undefined {
  const given = Object.entries(data.metadata ?? {})
  const pairs =
    given.length > 0
      ? given
      : Object.entries(data.batch?.metadata ?? {})
          .filter(([key, value]) => !ACTION_KEYS.has(key) && typeof value === 'string')
          .map(([key, value]) => [key, String(value)] as const)
  // No pairs give '', which the facts leave out as they do an absent value.
  return pairs.map(([key, value]) => `${key}=${value}`).join(', ')
}

function durationFields(batch: BatchInfo): Field[] {
  const durations = batchDurations(batch)
  const fields: Field[] = []
  for (const key of ['queued', 'running', 'finalizing', 'total'] as const) {
    const seconds = durations[key]
    if (seconds !== undefined)
      fields.push({ label: DURATION_LABELS[key], value: formatDuration(seconds) })
  }
  return fields
}

/** The upload-artifact step for the results folder, named after the batch so two never clash. */
export function uploadHintFor(folder: string, batchId: string): string {
  return [
    '- uses: actions/upload-artifact@v4',
    '  with:',
    `    name: ${batchId}-results`,
    `    path: ${folder}`
  ].join('\n')
}

function filesOf(data: BatchSummaryData): BatchReport['files'] {
  const files = [
    ['Results', data.files.results],
    ['Output file', data.files.output],
    ['Error file', data.files.error]
  ] as const
  const shown: BatchReport['files'] = []
  for (const [label, file] of files)
    if (file) shown.push({ label, path: workspacePath(file, data.workspace) })
  return shown
}

/** The summary of one batch run. */
export function batchReport(data: BatchSummaryData): BatchReport {
  const { batch } = data
  const running = batch !== undefined && !isTerminal(batch.status)
  const tally = tallyOf(batch, data.results)
  const { words, tone } = outcomeWords(data, tally?.failed ?? 0)
  const file = data.file ? workspacePath(data.file, data.workspace) : undefined
  const facts: Field[] = [
    { label: 'File', value: file, code: true },
    { label: 'Metadata', value: metadataText(data), code: true },
    { label: 'Model', value: data.model ?? batch?.model, code: true },
    { label: 'Endpoint', value: data.endpoint ?? batch?.endpoint, code: true },
    { label: 'Batch', value: batch?.id, code: true }
  ].filter((fact) => fact.value !== undefined && fact.value !== null && fact.value !== '')

  const details: Field[] = [{ label: 'Status', value: batch ? statusText(batch) : undefined }]
  // A batch still validating counts 0 of 0: the progress line says it better.
  if (!running || (batch.request_counts?.total ?? 0) > 0)
    details.push({ label: 'Requests', value: requestCountsText(batch) })
  const tokens = tokensText(data)
  if (tokens) details.push({ label: 'Tokens', value: tokens })
  if (batch) details.push(...durationFields(batch))
  details.push({ label: 'Command', value: data.command })

  const files = filesOf(data)
  const results = data.files.results ?? data.files.output ?? data.files.error
  const counts = running
    ? progressText(batch, data.now)
    : tally && tally.total > 0
      ? failureRateText(tally, data.failureLimit)
      : undefined
  return {
    title: `${words}: ${file ?? batch?.id ?? `command ${data.command}`}`,
    tone,
    facts,
    ...(data.message ? { message: data.message } : {}),
    ...(counts ? { counts } : {}),
    details,
    failureCodes: failureCodesOf(data),
    failures: data.failures.length > 0 ? failuresOf(tally?.failed, data.failures) : undefined,
    samples: samplesOf(data.results, tally?.succeeded),
    files,
    ...supersededOf(data.superseded),
    ...(results && batch
      ? {
          uploadHint: uploadHintFor(path.dirname(workspacePath(results, data.workspace)), batch.id)
        }
      : {})
  }
}

/** The failures by code, with the requests that got no result as a group of their own. */
function failureCodesOf(data: BatchSummaryData): FailureGroup[] | undefined {
  const groups = [...(data.results?.failureCodes ?? [])]
  const missing = data.results?.missing ?? 0
  if (missing > 0) {
    groups.push({
      code: '(no result)',
      count: missing,
      example: {
        custom_id: '',
        message: 'the batch returned neither a response nor an error for the request'
      }
    })
  }
  return groups.length > 0 ? groups : undefined
}

function failuresOf(
  failed: number | undefined,
  lines: FailureLine[]
): NonNullable<BatchReport['failures']> {
  const shown = lines.length
  const heading =
    (failed ?? 0) > shown
      ? `First failed requests (${shown} of ${formatNumber(failed ?? 0)})`
      : 'Failed requests'
  return { heading, lines }
}

function samplesOf(
  results: BatchSummaryData['results'],
  succeeded: number | undefined
): BatchReport['samples'] {
  const lines = results?.samples ?? []
  if (lines.length === 0) return undefined
  const of = (succeeded ?? 0) > lines.length ? ` of ${formatNumber(succeeded ?? 0)}` : ''
  return { heading: `Sample results (first ${lines.length}${of})`, lines }
}
