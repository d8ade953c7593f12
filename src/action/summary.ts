import * as core from '@actions/core'
import type { BatchInfo } from '../batch/document.js'
import type { BatchSummaryData } from '../report/model.js'
import {
  renderBatchSummary,
  renderListSummary,
  renderValidationSummary,
  type SummaryBuilder
} from '../report/render.js'
import type { ValidationSummaryData } from '../report/validation.js'

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
export async function writeListSummary(batches: BatchInfo[]): Promise<void> {
  await writeSummary((summary) => renderListSummary(summary, batches))
}

/** Appends the account of a requests file check (validate-only, or problems that stopped the run). */
export async function writeValidationSummary(data: ValidationSummaryData): Promise<void> {
  await writeSummary((summary) => renderValidationSummary(summary, data))
}
