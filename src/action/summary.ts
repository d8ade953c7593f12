import * as core from '@actions/core'
import type { BatchInfo } from '../batch/document.js'
import { redact } from '../lib/redact.js'
import type { BatchSummaryData } from '../report/model.js'
import type { JobReport } from '../report/jobs.js'
import {
  renderBatchSummary,
  renderJobsSummary,
  renderListSummary,
  renderValidationSummary,
  type SummaryBuilder
} from '../report/render.js'
import type { ValidationSummaryData } from '../report/validation.js'

function isPlain(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

/**
 * `value` with the secrets masked in every string it holds. Done on what the summary shows, before
 * it is rendered: a message cut to fit a table cell, or escaped for HTML, could hide part of a key
 * from a search of the text.
 */
export function redactValues<T>(value: T, secrets: readonly string[]): T {
  if (typeof value === 'string') return redact(value, secrets) as T
  if (Array.isArray(value)) return value.map((item: unknown) => redactValues(item, secrets)) as T
  if (value !== null && typeof value === 'object' && isPlain(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, redactValues(item, secrets)])
    ) as T
  }
  return value
}

/**
 * The one place the job summary is written. The secrets (the API key) are masked in the data it
 * shows and once more in the text written: the messages of a provider's error file can carry the
 * key, and the summary is not masked by the runner.
 */
async function writeSummary(
  render: (summary: SummaryBuilder) => void,
  secrets: readonly string[]
): Promise<void> {
  if (!process.env['GITHUB_STEP_SUMMARY']) return
  try {
    render(core.summary)
    const text = redact(core.summary.stringify(), secrets)
    await core.summary.emptyBuffer().addRaw(text).write()
  } catch (error) {
    core.summary.emptyBuffer()
    const message = error instanceof Error ? error.message : String(error)
    core.warning(`Could not write the job summary: ${redact(message, secrets)}`)
  }
}

/** Appends the summary of a batch run to the job summary; does nothing when GITHUB_STEP_SUMMARY is unset. */
export async function writeBatchSummary(
  data: BatchSummaryData,
  secrets: readonly string[]
): Promise<void> {
  await writeSummary((summary) => renderBatchSummary(summary, redactValues(data, secrets)), secrets)
}

/** Appends the table of `list` to the job summary; does nothing when GITHUB_STEP_SUMMARY is unset. */
export async function writeListSummary(
  batches: BatchInfo[],
  secrets: readonly string[]
): Promise<void> {
  await writeSummary(
    (summary) => renderListSummary(summary, redactValues(batches, secrets)),
    secrets
  )
}

/** Appends the table of `collect`, one row per job; does nothing when GITHUB_STEP_SUMMARY is unset. */
export async function writeJobsSummary(
  jobs: JobReport[],
  secrets: readonly string[],
  workspace?: string
): Promise<void> {
  await writeSummary(
    (summary) => renderJobsSummary(summary, redactValues(jobs, secrets), workspace),
    secrets
  )
}

/** Appends the account of a requests file check (validate-only, or problems that stopped the run). */
export async function writeValidationSummary(
  data: ValidationSummaryData,
  secrets: readonly string[]
): Promise<void> {
  await writeSummary(
    (summary) => renderValidationSummary(summary, redactValues(data, secrets)),
    secrets
  )
}
