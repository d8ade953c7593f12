// What the job summary of `list` says: one row per batch, as plain data (render.ts escapes it).
import type { BatchInfo } from '../batch/document.js'
import { formatTimestamp } from '../lib/format.js'
import { count, statusText } from './model.js'

export interface ListRow {
  id: string
  status: string
  endpoint: string | undefined | null
  created: string | undefined
  /** `total / completed / failed`, with `?` for a count the provider left out. */
  counts: string | undefined
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
