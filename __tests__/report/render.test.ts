// The HTML the summary renderers write, compared as text: summary.test.ts reads the written summary
// back through an HTML parser, which forgives a lost tag or separator that GitHub's renderer would
// show. core.summary's own buffer is the builder, as in the step; nothing is written to a file.
import { beforeEach, describe, expect, it } from '@jest/globals'
import * as core from '@actions/core'
import { completedBatch } from '../../__fixtures__/batches.js'
import type { JobReport } from '../../src/report/jobs.js'
import type { BatchSummaryData } from '../../src/report/model.js'
import {
  escapeHtml,
  renderBatchSummary,
  renderJobsSummary,
  renderListSummary
} from '../../src/report/render.js'

beforeEach(() => {
  core.summary.emptyBuffer()
})

function batchSummary(data: BatchSummaryData): string[] {
  renderBatchSummary(core.summary, data)
  return core.summary.stringify().split('\n')
}

/** The block after the heading `heading` (each block is one line of the summary). */
function blockAfter(lines: string[], heading: string): string | undefined {
  const at = lines.indexOf(heading)
  return at === -1 ? undefined : lines[at + 1]
}

const twoParts: BatchSummaryData = {
  command: 'run',
  batch: completedBatch(),
  outcome: 'succeeded',
  workspace: '/w',
  files: { results: '/w/out/results.jsonl' },
  failures: [],
  jobBatches: [
    { part: '1/2', round: 0, id: 'batch_a', status: 'completed', requests: '2', duration: '1m' },
    { part: '2/2', round: 1, id: ' ', status: ' ', requests: '3', duration: '2m' }
  ]
}

describe('escapeHtml', () => {
  it('escapes markup and makes every run of line breaks one space', () => {
    expect(escapeHtml('a\nb')).toBe('a b')
    expect(escapeHtml('a \r\n\n  b')).toBe('a b')
    expect(escapeHtml('<b a="1">&</b>')).toBe('&lt;b a=&quot;1&quot;&gt;&amp;&lt;/b&gt;')
  })
})

describe('renderBatchSummary', () => {
  it('writes the facts as one paragraph, the values as code, joined by a middle dot', () => {
    expect(batchSummary(twoParts)[1]).toBe(
      '<p><b>Model</b> <code>meta-llama/Llama-3.3-70B-Instruct</code> · <b>Endpoint</b> <code>/v1/chat/completions</code> · <b>Batch</b> <code>batch_abc</code></p>'
    )
  })

  it('leaves out the facts paragraph when there are no facts', () => {
    const lines = batchSummary({
      command: 'cancel',
      batch: undefined,
      outcome: 'cancelled',
      files: {},
      failures: []
    })
    expect(lines.slice(0, 3)).toEqual([
      '<h2>❌ Batch cancelled: command cancel</h2>',
      '<h3>Details</h3>',
      '<table><tr><th>Status</th><td>-</td></tr><tr><th>Requests</th><td>-</td></tr><tr><th>Command</th><td>cancel</td></tr></table>'
    ])
  })

  it('tables the batches of a job of several, a blank id or status shown as a dash', () => {
    expect(blockAfter(batchSummary(twoParts), '<h3>Batches of the job (2)</h3>')).toBe(
      '<table><tr><th>Part</th><th>Round</th><th>Batch</th><th>Status</th><th>Requests</th><th>Duration</th></tr>' +
        '<tr><td>1/2</td><td>0</td><td><code>batch_a</code></td><td>completed</td><td>2</td><td>1m</td></tr>' +
        '<tr><td>2/2</td><td>1</td><td>-</td><td>-</td><td>3</td><td>2m</td></tr></table>'
    )
  })

  it('has no job table for a single batch', () => {
    const lines = batchSummary({ ...twoParts, jobBatches: undefined })
    expect(lines.some((line) => line.includes('Batches of the job'))).toBe(false)
  })

  it('shows the files as code, relative to the workspace, and the upload step for their folder', () => {
    const lines = batchSummary(twoParts)
    expect(blockAfter(lines, '<h3>Files</h3>')).toBe(
      '<table><tr><th>Results</th><td><code>out/results.jsonl</code></td></tr></table>'
    )
    const hint = lines.findIndex((line) => line.startsWith('<details>'))
    expect(lines.slice(hint, hint + 4)).toEqual([
      '<details><summary>Keep the results: add an upload-artifact step</summary><pre lang="yaml"><code>- uses: actions/upload-artifact@v4',
      '  with:',
      '    name: batch_abc-results',
      '    path: out</code></pre></details>'
    ])
  })

  it('cuts an error message over 300 characters to 300 with "...", and keeps one of exactly 300', () => {
    const exact = 'e'.repeat(300)
    const lines = batchSummary({
      ...twoParts,
      failures: [
        { custom_id: 'long', message: 'x'.repeat(301) },
        { custom_id: 'exact', message: exact },
        { custom_id: 'blank', message: '   ', code: 'c<1>' }
      ]
    })
    const table = lines.find((line) => line.startsWith('<table><tr><th>custom_id</th>'))
    expect(table).toBe(
      '<table><tr><th>custom_id</th><th>Code</th><th>Status</th><th>Error</th></tr>' +
        `<tr><td><code>long</code></td><td>-</td><td>-</td><td>${'x'.repeat(297)}...</td></tr>` +
        `<tr><td><code>exact</code></td><td>-</td><td>-</td><td>${exact}</td></tr>` +
        '<tr><td><code>blank</code></td><td><code>c&lt;1&gt;</code></td><td>-</td><td>-</td></tr></table>'
    )
  })

  it('lists the superseded batches as one list', () => {
    const lines = batchSummary({
      ...twoParts,
      superseded: [
        { id: 'batch_old', runId: '41', pullRequest: 7 },
        { id: 'batch_older', runId: '40', pullRequest: 7 }
      ]
    })
    const list = lines.find((line) => line.startsWith('<ul>'))
    expect(list).toMatch(
      /^<ul><li>batch_old of run 41[^<]*<\/li><li>batch_older of run 40[^<]*<\/li><\/ul>$/
    )
  })
})

describe('renderListSummary', () => {
  it('says so when there are no batches', () => {
    renderListSummary(core.summary, [])
    expect(core.summary.stringify().split('\n').slice(0, 2)).toEqual([
      '<h2>Batches</h2>',
      '<p>No batches found.</p>'
    ])
  })
})

describe('renderJobsSummary', () => {
  const job: JobReport = {
    job: 'j1',
    batch_ids: ['batch_a', 'batch_b'],
    status: 'running',
    total: 1234,
    completed: 1000,
    failed: 2,
    tokens: { prompt: 0, completion: 0, total: 0 },
    metadata: {},
    results_path: null
  }

  it('heads the table with the number of jobs, escaped', () => {
    renderJobsSummary(core.summary, [job])
    const lines = core.summary.stringify().split('\n')
    expect(lines[0]).toBe('<h2>Jobs: 1 job, 1 still running</h2>')
    expect(lines[1]).toMatch(/^<table><tr><th>Job \(first batch\)<\/th><th>Batches<\/th>/)
    expect(lines[1]).toContain('<td><code>batch_a</code></td><td>2</td><td>running</td>')
  })

  it('says so when no job matched', () => {
    renderJobsSummary(core.summary, [])
    expect(core.summary.stringify().split('\n').slice(0, 2)).toEqual([
      '<h2>Jobs: No matching jobs</h2>',
      '<p>No batches of this repository matched.</p>'
    ])
  })
})
