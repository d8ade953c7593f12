import { describe, expect, it } from '@jest/globals'
import type { BatchInfo } from '../../src/batch/document.js'
import {
  batchBehindStatus,
  inJobOrder,
  jobCounts,
  jobStatus,
  type JobBatch
} from '../../src/job/status.js'

const entry = (
  id: string,
  status: string,
  place: Partial<JobBatch> = {},
  counts = { total: 10, completed: 10, failed: 0 }
): JobBatch => ({
  round: 0,
  part: 1,
  parts: 2,
  ...place,
  batch: { id, status, request_counts: counts } as BatchInfo
})

describe("a job's status", () => {
  it('is its batch status for a job of one batch', () => {
    expect(jobStatus([entry('a', 'finalizing')])).toBe('finalizing')
  })

  it('runs while any batch runs, cancelling when one is being cancelled', () => {
    expect(jobStatus([entry('a', 'completed'), entry('b', 'validating', { part: 2 })])).toBe(
      'in_progress'
    )
    expect(jobStatus([entry('a', 'cancelling'), entry('b', 'completed', { part: 2 })])).toBe(
      'cancelling'
    )
  })

  it('is completed only when every deciding batch completed, else the worst end', () => {
    expect(jobStatus([entry('a', 'completed'), entry('b', 'completed', { part: 2 })])).toBe(
      'completed'
    )
    expect(jobStatus([entry('a', 'expired'), entry('b', 'cancelled', { part: 2 })])).toBe('expired')
    expect(jobStatus([entry('a', 'cancelled'), entry('b', 'failed', { part: 2 })])).toBe('failed')
  })

  it('a batch that expired in an earlier round was retried: the last round decides', () => {
    const batches = [
      entry('a', 'expired'),
      entry('b', 'completed', { part: 2 }),
      entry('c', 'completed', { round: 1, part: 1, parts: 1 })
    ]
    expect(jobStatus(batches)).toBe('completed')
    // One that failed outright had nothing sent again: the job failed.
    const failed = [entry('a', 'failed'), entry('c', 'completed', { round: 1, part: 1, parts: 1 })]
    expect(jobStatus(failed)).toBe('failed')
    expect(batchBehindStatus(failed)?.batch.id).toBe('a')
  })

  it('names the batch the status comes from: a deciding one first, else any with that status', () => {
    // Both expired: the job's status is the retry's, and so is the batch named.
    const expired = [entry('a', 'expired'), entry('b', 'expired', { round: 1, part: 1, parts: 1 })]
    expect(jobStatus(expired)).toBe('expired')
    expect(batchBehindStatus(expired)?.batch.id).toBe('b')
    // Part 1 still runs in round 0 while the retry of part 2 validates: the running one is named.
    const running = [
      entry('a', 'in_progress'),
      entry('b', 'expired', { part: 2 }),
      entry('c', 'validating', { round: 1, part: 1, parts: 1 })
    ]
    expect(jobStatus(running)).toBe('in_progress')
    expect(batchBehindStatus(running)?.batch.id).toBe('a')
  })

  it('a batch refused for the token limit and sent again counts for nothing', () => {
    const batches = [
      entry('a', 'failed', { replaced: true }),
      entry('b', 'completed'),
      entry('c', 'completed', { part: 2 })
    ]
    expect(jobStatus(batches)).toBe('completed')
    expect(jobCounts(batches)).toEqual({ total: 20, completed: 20, failed: 0 })
    expect(jobStatus([entry('a', 'failed', { replaced: true })])).toBe('in_progress')
  })

  it('counts each request once: round 0 only', () => {
    const batches = [
      entry('a', 'completed', {}, { total: 10, completed: 8, failed: 2 }),
      entry('b', 'completed', { part: 2 }, { total: 5, completed: 5, failed: 0 }),
      entry(
        'c',
        'completed',
        { round: 1, part: 1, parts: 1 },
        { total: 2, completed: 2, failed: 0 }
      )
    ]
    expect(jobCounts(batches)).toEqual({ total: 15, completed: 13, failed: 2 })
  })

  it('orders batches by round, then part', () => {
    const ordered = inJobOrder([
      entry('c', 'x', { round: 1, part: 1 }),
      entry('b', 'x', { part: 2 }),
      entry('a', 'x')
    ])
    expect(ordered.map((e) => e.batch.id)).toEqual(['a', 'b', 'c'])
  })
})
