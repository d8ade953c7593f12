// The table of a job's batches in the job summary: one row per batch, in part and round order.
import { requestCounts } from '../batch/document.js'
import { inJobOrder, type JobBatch } from '../job/status.js'
import { formatDuration, formatNumber } from '../lib/format.js'
import { batchDurations } from './model.js'

export interface JobBatchRow {
  part: string
  round: number
  id: string
  status: string
  requests: string
  duration: string
}

/** The rows of the batches table; undefined for a job of one batch (the summary says it all). */
export function jobBatchRows(batches: readonly JobBatch[] | undefined): JobBatchRow[] | undefined {
  if (!batches || batches.length < 2) return undefined
  return inJobOrder(batches).map((entry) => {
    const counts = requestCounts(entry.batch)
    const total = batchDurations(entry.batch).total
    return {
      part: `${entry.part}/${entry.parts}`,
      round: entry.round,
      id: entry.batch.id,
      status: entry.replaced
        ? `${entry.batch.status} (token limit; sent again)`
        : entry.batch.status,
      requests: `${formatNumber(counts.completed)} done, ${formatNumber(counts.failed)} failed of ${formatNumber(counts.total)}`,
      duration: total === undefined ? '-' : formatDuration(total)
    }
  })
}
