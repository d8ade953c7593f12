import { describe, expect, it } from '@jest/globals'
import { batchDurations } from '../../src/report/model.js'
import { completedBatch, t0 } from '../../__fixtures__/batches.js'

describe('batchDurations', () => {
  it('computes each phase from the timestamps', () => {
    expect(batchDurations(completedBatch())).toEqual({
      queued: 42,
      running: 185,
      finalizing: 7385,
      total: 7612
    })
  })

  it('leaves out phases whose timestamps are missing, null or zero', () => {
    const failed = completedBatch({
      status: 'failed',
      in_progress_at: null,
      finalizing_at: undefined,
      completed_at: 0,
      failed_at: t0 + 3
    })
    expect(batchDurations(failed)).toEqual({ total: 3 })
    const cancelled = completedBatch({
      finalizing_at: null,
      completed_at: null,
      cancelled_at: t0 + 100
    })
    expect(batchDurations(cancelled)).toEqual({ queued: 42, total: 100 })
    const expired = completedBatch({
      finalizing_at: null,
      completed_at: null,
      expired_at: t0 + 86_400
    })
    expect(batchDurations(expired)).toEqual({ queued: 42, total: 86_400 })
    expect(
      batchDurations(completedBatch({ created_at: null, in_progress_at: null, completed_at: null }))
    ).toEqual({})
  })
})
