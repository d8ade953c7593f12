import { describe, expect, it } from '@jest/globals'
import * as core from '@actions/core'
import type { JobReport } from '../../src/report/jobs.js'
import { jobRows, jobsHeading } from '../../src/report/jobs.js'
import { batchReport } from '../../src/report/model.js'
import { renderBatchSummary, renderJobsSummary } from '../../src/report/render.js'
import { completedBatch } from '../../__fixtures__/batches.js'
import { all, parseSummary, tableRows, text } from '../../__fixtures__/summary-html.js'

function job(overrides: Partial<JobReport> = {}): JobReport {
  return {
    job: 'k1',
    batch_ids: ['batch_a'],
    status: 'completed',
    total: 1200,
    completed: 1190,
    failed: 10,
    tokens: { prompt: 1000, completion: 234, total: 1234 },
    metadata: { suite: 'nightly' },
    results_path: '/w/batch-results/batch_a/results.jsonl',
    ...overrides
  }
}

function rendered(render: (summary: typeof core.summary) => void): string {
  core.summary.emptyBuffer()
  render(core.summary)
  const out = core.summary.stringify()
  core.summary.emptyBuffer()
  return out
}

describe('the jobs of collect', () => {
  it('one row per job, paths relative to the workspace, a dash for what a running job lacks', () => {
    const running = job({
      job: 'k2',
      batch_ids: ['batch_b', 'batch_c'],
      status: 'running',
      tokens: { prompt: 0, completion: 0, total: 0 },
      metadata: {},
      results_path: null
    })
    expect(jobRows([job(), running], '/w')).toEqual([
      {
        batch: 'batch_a',
        batches: 1,
        status: 'completed',
        metadata: 'suite=nightly',
        counts: '1,200 / 1,190 / 10',
        tokens: '1,234',
        results: 'batch-results/batch_a/results.jsonl'
      },
      {
        batch: 'batch_b',
        batches: 2,
        status: 'running',
        metadata: undefined,
        counts: '1,200 / 1,190 / 10',
        tokens: undefined,
        results: undefined
      }
    ])
    expect(jobsHeading([job(), running])).toBe('2 jobs, 1 still running')
    expect(jobsHeading([job()])).toBe('1 job')
    expect(jobsHeading([])).toBe('No matching jobs')

    const body = parseSummary(rendered((s) => renderJobsSummary(s, [job(), running], '/w')))
    const [table] = all(body, 'table')
    const rows = tableRows(table!)
    expect(rows[0]).toEqual([
      'Job (first batch)',
      'Batches',
      'Status',
      'Metadata',
      'Requests (total / completed / failed)',
      'Tokens',
      'Results'
    ])
    expect(rows.slice(1).map((row) => [row[0], row[2], row[6]])).toEqual([
      ['batch_a', 'completed', 'batch-results/batch_a/results.jsonl'],
      ['batch_b', 'running', '-']
    ])
  })

  it('joins the metadata pairs of a job with a comma', () => {
    const [row] = jobRows([job({ metadata: { suite: 'nightly', model: 'small' } })])
    expect(row?.metadata).toBe('suite=nightly, model=small')
  })

  it('escapes what the metadata holds', () => {
    const html = rendered((s) => renderJobsSummary(s, [job({ metadata: { x: '<b>' } })]))
    expect(html).toContain('&lt;b&gt;')
    expect(html).not.toContain('<b>')
  })

  it('says so when nothing matched', () => {
    const html = rendered((s) => renderJobsSummary(s, []))
    expect(text(parseSummary(html))).toContain('No batches of this repository matched.')
  })
})

describe('superseded batches in the summary of a run', () => {
  const data = {
    command: 'run',
    batch: completedBatch(),
    outcome: 'succeeded' as const,
    files: {},
    failures: []
  }

  it('lists each batch of an earlier run that was cancelled, and why', () => {
    const report = batchReport({
      ...data,
      superseded: [
        { id: 'batch_old', runId: '41', pullRequest: 7 },
        { id: 'batch_older', runId: '40', ref: 'refs/heads/main' }
      ]
    })
    expect(report.superseded).toEqual({
      heading: 'Cancelled 2 batches of earlier runs (superseded by this run)',
      lines: [
        'batch_old of run 41, on pull request #7',
        'batch_older of run 40, on refs/heads/main'
      ]
    })
    const html = rendered((s) =>
      renderBatchSummary(s, {
        ...data,
        superseded: [{ id: 'batch_old', runId: '41', pullRequest: 7 }]
      })
    )
    expect(html).toContain('<h3>Cancelled a batch of earlier runs (superseded by this run)</h3>')
    expect(html).toContain('<li>batch_old of run 41, on pull request #7</li>')
  })

  it('says "this ref" when a superseded batch names neither a pull request nor a ref', () => {
    expect(
      batchReport({ ...data, superseded: [{ id: 'batch_old', runId: '41' }] }).superseded?.lines
    ).toEqual(['batch_old of run 41, on this ref'])
  })

  it('has no such part when nothing was cancelled', () => {
    expect(batchReport({ ...data, superseded: [] }).superseded).toBeUndefined()
    expect(batchReport(data).superseded).toBeUndefined()
  })
})
