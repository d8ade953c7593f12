// The sentences of the summary about numbers: how many requests failed against the limit, how far
// a running batch has come, and the workspace-relative form of a path. Pure: no I/O, no clock.
import path from 'node:path'
import { requestCounts, type BatchInfo } from '../batch/document.js'
import { exceedsFailureLimit, type FailureLimit } from '../lib/failure-limit.js'
import { formatDuration, formatNumber, formatPercent, unixSeconds } from '../lib/format.js'
import { relativeInside } from '../lib/paths.js'

/** Requests as counted for the outcome: by the joined results when there are some, else by the batch. */
export interface RequestTally {
  total: number
  succeeded: number
  failed: number
  /** Requests of the input file with no result at all (part of `failed`). */
  missing: number
}

export function tallyOf(
  batch: BatchInfo | undefined,
  results: { total: number; ok: number; error: number; missing: number } | undefined
): RequestTally | undefined {
  if (results && results.total > 0) {
    return {
      total: results.total,
      succeeded: results.ok,
      failed: results.error + results.missing,
      missing: results.missing
    }
  }
  if (!batch?.request_counts) return undefined
  const { total, completed, failed } = requestCounts(batch)
  return { total, succeeded: completed, failed, missing: 0 }
}

function limitText(limit: FailureLimit): string {
  return limit.kind === 'percent'
    ? `the ${formatNumber(limit.value)}% limit`
    : `the limit of ${formatNumber(limit.kind === 'count' ? limit.value : 0)}`
}

/** "40 of 10,000 failed, 0.4%, within the 5% limit"; "All 6 requests succeeded". */
export function failureRateText(tally: RequestTally, limit?: FailureLimit): string {
  const { total, failed } = tally
  if (total > 0 && failed === 0)
    return total === 1 ? 'The request succeeded' : `All ${formatNumber(total)} requests succeeded`
  let text = `${formatNumber(failed)} of ${formatNumber(total)} failed, ${formatPercent(failed, total)}`
  if (limit && limit.kind !== 'none') {
    const over = exceedsFailureLimit(limit, failed, total)
    text += `, ${over ? 'over' : 'within'} ${limitText(limit)}`
  }
  if (tally.missing > 0) text += ` (${formatNumber(tally.missing)} without any result)`
  return text
}

/** "4,000 of 10,000 requests done (40%), 12 failed; running for 12m 05s". */
export function progressText(batch: BatchInfo, nowMs: number | undefined): string {
  const { total, completed, failed } = requestCounts(batch)
  const done = completed + failed
  let text =
    total > 0
      ? `${formatNumber(done)} of ${formatNumber(total)} requests done (${formatPercent(done, total)}), ${formatNumber(failed)} failed`
      : `No request has finished yet (status ${batch.status})`
  const started = unixSeconds(batch.created_at)
  if (started !== undefined && nowMs !== undefined && nowMs / 1000 >= started)
    text += `; running for ${formatDuration(nowMs / 1000 - started)}`
  return text
}

/** A path inside the workspace relative to it; any other path as it is. */
export function workspacePath(file: string, workspace: string | undefined): string {
  if (!workspace || !path.isAbsolute(file)) return file
  const relative = relativeInside(workspace, file)
  return relative === undefined || relative === '' ? file : relative
}
