import { describe, expect, it } from '@jest/globals'
import { batchDurations, batchReport, type BatchSummaryData } from '../../src/report/model.js'
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

describe('batchReport', () => {
  const data = (overrides: Partial<BatchSummaryData> = {}): BatchSummaryData => ({
    command: 'run',
    batch: completedBatch({ request_counts: { total: 6, completed: 6, failed: 0 } }),
    outcome: 'succeeded',
    files: {},
    failures: [],
    ...overrides
  })

  it('says the outcome in words and names the file, metadata, model and endpoint', () => {
    const report = batchReport(
      data({
        file: '/ws/in/requests.jsonl',
        workspace: '/ws',
        metadata: { suite: 'nightly' },
        endpoint: '/v1/chat/completions',
        model: 'm'
      })
    )
    expect(report.title).toBe('Batch succeeded: in/requests.jsonl')
    expect(report.tone).toBe('good')
    expect(report.facts.map((fact) => [fact.label, fact.value])).toEqual([
      ['File', 'in/requests.jsonl'],
      ['Metadata', 'suite=nightly'],
      ['Model', 'm'],
      ['Endpoint', '/v1/chat/completions'],
      ['Batch', 'batch_abc']
    ])
    expect(report.counts).toBe('All 6 requests succeeded')
  })

  it('tells each failing outcome apart', () => {
    const title = (overrides: Partial<BatchSummaryData>) => batchReport(data(overrides)).title
    expect(title({ outcome: 'failed', batch: completedBatch({ status: 'expired' }) })).toBe(
      'Batch expired: batch_abc'
    )
    expect(title({ outcome: 'failed' })).toBe('Too many requests failed: batch_abc')
    expect(title({ outcome: 'failed', batch: completedBatch({ status: 'failed' }) })).toBe(
      'Batch failed: batch_abc'
    )
    expect(title({ outcome: 'failed', batch: undefined, file: 'r.jsonl' })).toBe(
      'Batch not created: r.jsonl'
    )
    expect(title({ outcome: 'timed out' })).toBe('Wait timed out: batch_abc')
    expect(title({ outcome: 'cancelled' })).toBe('Batch cancelled: batch_abc')
    expect(title({ command: 'cancel', batch: completedBatch({ status: 'cancelled' }) })).toBe(
      'Batch cancelled: batch_abc'
    )
    expect(title({ command: 'status', batch: completedBatch({ status: 'in_progress' }) })).toBe(
      'Batch in_progress: batch_abc'
    )
  })

  it('shows the metadata of a batch made elsewhere without the keys the action adds', () => {
    const batch = completedBatch({
      metadata: { suite: 'weekly', batch_action_key: 'k', input_sha256: 'abc', github_run_id: '1' }
    })
    const facts = batchReport(data({ command: 'status', batch })).facts
    expect(facts.find((fact) => fact.label === 'Metadata')?.value).toBe('suite=weekly')
  })

  it('hints an upload step for the results folder, relative to the workspace', () => {
    const report = batchReport(
      data({ workspace: '/ws', files: { results: '/ws/batch-results/batch_abc/results.jsonl' } })
    )
    expect(report.files).toEqual([
      { label: 'Results', path: 'batch-results/batch_abc/results.jsonl' }
    ])
    expect(report.uploadHint).toBe(
      '- uses: actions/upload-artifact@v4\n  with:\n    name: batch_abc-results\n    path: batch-results/batch_abc'
    )
    expect(batchReport(data()).uploadHint).toBeUndefined()
  })

  it('shows a batch that has not started by its progress, without 0 of 0 counts or tokens', () => {
    const batch = completedBatch({
      status: 'validating',
      in_progress_at: null,
      finalizing_at: null,
      completed_at: null,
      request_counts: { total: 0, completed: 0, failed: 0 }
    })
    const report = batchReport(
      data({
        batch,
        outcome: 'left running',
        usage: { prompt: 0, completion: 0, total: 0 },
        now: (t0 + 90) * 1000
      })
    )
    expect(report.counts).toBe(
      'No request has finished yet (status validating); running for 1m 30s'
    )
    expect(report.details.map((field) => field.label)).toEqual(['Status', 'Command'])
    expect(report.tone).toBe('running')
  })

  it('leaves failures and samples out when there are none', () => {
    const report = batchReport(data())
    expect(report.failureCodes).toBeUndefined()
    expect(report.failures).toBeUndefined()
    expect(report.samples).toBeUndefined()
  })
})
