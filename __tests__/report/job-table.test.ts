// The job summary's table of a job's batches: a row per batch in part and round order, none for a
// job of one batch.
import { describe, expect, it } from '@jest/globals'
import { parseBatch } from '../../src/batch/document.js'
import type { JobBatch } from '../../src/job/status.js'
import { jobBatchRows } from '../../src/report/job-table.js'

const entry = (
  part: number,
  round: number,
  fields: Record<string, unknown>,
  replaced?: boolean
): JobBatch => ({
  part,
  parts: 2,
  round,
  batch: parseBatch({ id: `b-${part}-${round}`, ...fields }),
  ...(replaced ? { replaced } : {})
})

describe('jobBatchRows', () => {
  it('has no table for no job or a job of one batch', () => {
    expect(jobBatchRows(undefined)).toBeUndefined()
    expect(jobBatchRows([])).toBeUndefined()
    expect(jobBatchRows([entry(1, 0, { status: 'completed' })])).toBeUndefined()
    expect(
      jobBatchRows([entry(1, 0, { status: 'completed' }), entry(2, 0, { status: 'completed' })])
    ).toHaveLength(2)
  })

  it('writes a row per batch in round and part order, with its counts, time and replacement', () => {
    const rows = jobBatchRows([
      entry(2, 1, { status: 'in_progress', created_at: 1000 }),
      entry(2, 0, {
        status: 'completed',
        created_at: 1000,
        completed_at: 1000 + 3725,
        request_counts: { total: 12000, completed: 11990, failed: 10 }
      }),
      entry(1, 0, { status: 'failed', created_at: 1000, failed_at: 1030 }, true)
    ])
    expect(rows).toEqual([
      {
        part: '1/2',
        round: 0,
        id: 'b-1-0',
        status: 'failed (token limit; sent again)',
        requests: '0 done, 0 failed of 0',
        duration: '30s'
      },
      {
        part: '2/2',
        round: 0,
        id: 'b-2-0',
        status: 'completed',
        requests: '11,990 done, 10 failed of 12,000',
        duration: '1h 02m'
      },
      {
        part: '2/2',
        round: 1,
        id: 'b-2-1',
        status: 'in_progress',
        requests: '0 done, 0 failed of 0',
        duration: '-'
      }
    ])
  })
})
