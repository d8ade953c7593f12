// How a job of several batches stands, from the batches as last seen: pure, so the outputs, the
// summary and the outcome all read the same thing.
import { isTerminal, requestCounts, type BatchInfo } from '../batch/document.js'

/** Worst first: the status a job takes when one of its batches ended so. */
const ENDED_RANK = ['failed', 'expired', 'cancelled', 'completed'] as const

export interface JobBatch {
  round: number
  part: number
  parts: number
  batch: BatchInfo
  /** Refused for the provider's token limit and sent again as another batch: it counts for nothing. */
  replaced?: boolean
}

/** The batches that count: every one but those sent again after a token-limit refusal. */
export function counted<T extends Pick<JobBatch, 'replaced'>>(batches: readonly T[]): T[] {
  return batches.filter((entry) => !entry.replaced)
}

/** The batches that decide the job's status: the last round's, and any earlier one that failed outright. */
export function decidingBatches(all: readonly JobBatch[]): JobBatch[] {
  const batches = counted(all)
  const last = Math.max(0, ...batches.map((entry) => entry.round))
  // A batch of an earlier round that expired or was cancelled had its unfinished requests sent
  // again in the next round; one that failed outright (its input refused) had none sent again.
  return batches.filter((entry) => entry.round === last || entry.batch.status === 'failed')
}

/**
 * The job's status: the status of its batch when it has one; otherwise running while any batch
 * runs, else the worst way a deciding batch ended (failed, expired, cancelled), else completed.
 */
export function jobStatus(all: readonly JobBatch[]): string {
  const batches = counted(all)
  // Every batch so far was refused and is to be sent again: the job is still under way.
  if (batches.length === 0) return 'in_progress'
  if (batches.length === 1) return (batches[0] as JobBatch).batch.status
  const running = batches.find((entry) => !isTerminal(entry.batch.status))
  if (running) return running.batch.status === 'cancelling' ? 'cancelling' : 'in_progress'
  const statuses = new Set(decidingBatches(batches).map((entry) => entry.batch.status))
  return ENDED_RANK.find((status) => statuses.has(status)) ?? 'completed'
}

/** The batch the job's status comes from: for messages that name a batch. */
export function batchBehindStatus(batches: readonly JobBatch[]): JobBatch | undefined {
  const status = jobStatus(batches)
  return (
    decidingBatches(batches).find((entry) => entry.batch.status === status) ??
    batches.find((entry) => entry.batch.status === status) ??
    batches[0]
  )
}

/** Request counts over the job's round-0 batches (each request once), as the batch outputs give them. */
export function jobCounts(batches: readonly JobBatch[]): {
  total: number
  completed: number
  failed: number
} {
  const sum = { total: 0, completed: 0, failed: 0 }
  for (const entry of counted(batches)) {
    if (entry.round !== 0) continue
    const counts = requestCounts(entry.batch)
    sum.total += counts.total
    sum.completed += counts.completed
    sum.failed += counts.failed
  }
  return sum
}

/** The batches in part and round order: round 0's parts first, then each later round's. */
export function inJobOrder<T extends Pick<JobBatch, 'round' | 'part'>>(batches: readonly T[]): T[] {
  return [...batches].sort((a, b) => a.round - b.round || a.part - b.part)
}
