import { describe, expect, it } from '@jest/globals'
import { failureRateText, progressText, tallyOf, workspacePath } from '../../src/report/counts.js'
import { completedBatch, t0 } from '../../__fixtures__/batches.js'

describe('failureRateText', () => {
  const tally = (total: number, failed: number, missing = 0) => ({
    total,
    succeeded: total - failed,
    failed,
    missing
  })

  it('states the rate, and the limit beside it when one is set', () => {
    expect(failureRateText(tally(10_000, 40), { kind: 'percent', value: 5 })).toBe(
      '40 of 10,000 failed, 0.4%, within the 5% limit'
    )
    expect(failureRateText(tally(10_000, 600), { kind: 'percent', value: 5 })).toBe(
      '600 of 10,000 failed, 6%, over the 5% limit'
    )
    expect(failureRateText(tally(200, 3), { kind: 'count', value: 2 })).toBe(
      '3 of 200 failed, 1.5%, over the limit of 2'
    )
    expect(failureRateText(tally(200, 3), { kind: 'none' })).toBe('3 of 200 failed, 1.5%')
    expect(failureRateText(tally(200, 3))).toBe('3 of 200 failed, 1.5%')
  })

  it('says when every request succeeded, and counts requests without a result', () => {
    expect(failureRateText(tally(6, 0), { kind: 'percent', value: 5 })).toBe(
      'All 6 requests succeeded'
    )
    expect(failureRateText(tally(1, 0))).toBe('The request succeeded')
    // No request at all is no success: a batch the provider has not counted yet.
    expect(failureRateText(tally(0, 0))).toBe('0 of 0 failed, -')
    expect(failureRateText(tally(1_000_000, 5, 2))).toBe(
      '5 of 1,000,000 failed, <0.1% (2 without any result)'
    )
  })
})

describe('progressText', () => {
  it('says how far the batch has come and for how long it has run', () => {
    const batch = completedBatch({
      status: 'in_progress',
      request_counts: { total: 10_000, completed: 3_990, failed: 10 }
    })
    expect(progressText(batch, (t0 + 3_725) * 1000)).toBe(
      '4,000 of 10,000 requests done (40%), 10 failed; running for 1h 02m'
    )
    expect(progressText(batch, undefined)).toBe('4,000 of 10,000 requests done (40%), 10 failed')
  })

  it('says nothing has finished when the provider has no counts yet', () => {
    const batch = completedBatch({ status: 'validating', request_counts: null })
    expect(progressText(batch, (t0 + 5) * 1000)).toBe(
      'No request has finished yet (status validating); running for 5s'
    )
  })
})

describe('tallyOf', () => {
  it('counts by the joined results when there are some, else by the batch', () => {
    const batch = completedBatch()
    expect(tallyOf(batch, { total: 10, ok: 7, error: 2, missing: 1 })).toEqual({
      total: 10,
      succeeded: 7,
      failed: 3,
      missing: 1
    })
    expect(tallyOf(batch, undefined)).toEqual({
      total: 12_345,
      succeeded: 12_340,
      failed: 5,
      missing: 0
    })
    expect(tallyOf(completedBatch({ request_counts: null }), undefined)).toBeUndefined()
  })
})

describe('workspacePath', () => {
  it('shows paths inside the workspace relative to it, others as they are', () => {
    expect(workspacePath('/ws/out/a.jsonl', '/ws')).toBe('out/a.jsonl')
    expect(workspacePath('/ws-other/a.jsonl', '/ws')).toBe('/ws-other/a.jsonl')
    expect(workspacePath('/tmp/runner/a.jsonl', '/ws')).toBe('/tmp/runner/a.jsonl')
    expect(workspacePath('rel/a.jsonl', '/ws')).toBe('rel/a.jsonl')
    expect(workspacePath('/ws', '/ws')).toBe('/ws')
    // A name that only begins with two dots is inside, as the path inputs take it (lib/paths.ts).
    expect(workspacePath('/ws/..eval.jsonl', '/ws')).toBe('..eval.jsonl')
    expect(workspacePath('/ws/../x.jsonl', '/ws')).toBe('/ws/../x.jsonl')
    expect(workspacePath('/ws/a', undefined)).toBe('/ws/a')
  })
})

describe('progressText, on the clock', () => {
  const running = (created_at: number | undefined) =>
    completedBatch({
      status: 'in_progress',
      created_at,
      request_counts: { total: 10, completed: 5, failed: 0 }
    })
  const counted = '5 of 10 requests done (50%), 0 failed'

  it('counts the time from the second the batch was created', () => {
    expect(progressText(running(t0), t0 * 1000)).toBe(`${counted}; running for 0s`)
    expect(progressText(running(t0), (t0 + 65) * 1000)).toBe(`${counted}; running for 1m 05s`)
  })

  it('gives no time without a creation time, or with a clock behind it', () => {
    expect(progressText(running(undefined), (t0 + 65) * 1000)).toBe(counted)
    expect(progressText(running(t0), (t0 - 1) * 1000)).toBe(counted)
  })
})
