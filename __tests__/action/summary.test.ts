import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import * as core from '@actions/core'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeBatchSummary, writeListSummary } from '../../src/action/summary.js'
import { parseBatch, type BatchInfo } from '../../src/batch/document.js'
import type { BatchSummaryData } from '../../src/report/model.js'
import { escapeHtml, renderBatchSummary } from '../../src/report/render.js'
import { completedBatch, t0 } from '../../__fixtures__/batches.js'

// The real core.summary, writing to a temporary GITHUB_STEP_SUMMARY file as on a runner. core.summary
// is a singleton that remembers the file path after its first write: one file for the whole suite.
let dir: string
let summaryFile: string
const savedEnv = process.env['GITHUB_STEP_SUMMARY']

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'summary-test-'))
  summaryFile = join(dir, 'step-summary.md')
})

afterAll(async () => {
  if (savedEnv === undefined) delete process.env['GITHUB_STEP_SUMMARY']
  else process.env['GITHUB_STEP_SUMMARY'] = savedEnv
  await rm(dir, { recursive: true, force: true })
})

beforeEach(async () => {
  core.summary.emptyBuffer()
  await writeFile(summaryFile, '')
  process.env['GITHUB_STEP_SUMMARY'] = summaryFile
})

const readSummary = async (): Promise<string> => readFile(summaryFile, 'utf8')

/** The cells of every table in the HTML, as text (tags other than the cell itself kept). */
function tables(html: string): string[][][] {
  return [...html.matchAll(/<table>(.*?)<\/table>/gs)].map((table) =>
    [...(table[1] ?? '').matchAll(/<tr>(.*?)<\/tr>/gs)].map((row) =>
      [...(row[1] ?? '').matchAll(/<(td|th)>(.*?)<\/\1>/gs)].map((cell) => cell[2] ?? '')
    )
  )
}

const baseData = (batch: BatchInfo | undefined): BatchSummaryData => ({
  command: 'run',
  batch,
  outcome: 'succeeded',
  files: {},
  failures: []
})

describe('escapeHtml', () => {
  it('escapes markup and flattens line breaks', () => {
    expect(escapeHtml('<b>a & "b"</b>\n\nnext\r\nline')).toBe(
      '&lt;b&gt;a &amp; &quot;b&quot;&lt;/b&gt; next line'
    )
  })
})

describe('writeBatchSummary', () => {
  it('writes the heading, the batch table and the failures table', async () => {
    await writeBatchSummary({
      command: 'run',
      batch: completedBatch(),
      outcome: 'succeeded',
      files: {
        output: 'out/output.jsonl',
        error: 'out/errors.jsonl',
        results: 'out/results.jsonl'
      },
      usage: { prompt: 1_234_567, completion: 89_012, total: 1_323_579 },
      failures: [
        { custom_id: 'req-1', message: 'Invalid <model> & "stuff"' },
        { custom_id: 'req<2>', message: 'line one\n\nline two', code: 'x', status_code: 500 }
      ]
    })
    const html = await readSummary()
    expect(html.split('\n')[0]).toBe('<h2>Batch batch_abc: completed</h2>')
    expect(html).toContain('<h3>Failed requests (first 2 of 5)</h3>')
    expect(tables(html)).toEqual([
      [
        ['Batch', 'Value'],
        ['Command', 'run'],
        ['Outcome', 'succeeded'],
        ['Batch ID', '<code>batch_abc</code>'],
        ['Endpoint', '/v1/chat/completions'],
        ['Model', 'meta-llama/Llama-3.3-70B-Instruct'],
        ['Status', 'completed'],
        ['Requests', '12,345 total, 12,340 completed, 5 failed'],
        ['Tokens', '1,234,567 prompt, 89,012 completion, 1,323,579 total'],
        ['Queued', '42s'],
        ['Running', '3m 05s'],
        ['Finalizing', '2h 03m'],
        ['Total time', '2h 06m'],
        ['Output file', '<code>out/output.jsonl</code>'],
        ['Error file', '<code>out/errors.jsonl</code>'],
        ['Results file', '<code>out/results.jsonl</code>']
      ],
      [
        ['custom_id', 'Error'],
        ['<code>req-1</code>', 'Invalid &lt;model&gt; &amp; &quot;stuff&quot;'],
        ['<code>req&lt;2&gt;</code>', 'line one line two']
      ]
    ])
    // Nothing unescaped from the messages, no blank line that would end the HTML block.
    expect(html).not.toContain('<model>')
    expect(html).not.toMatch(/\n\s*\n/)
    expect(html.endsWith('\n')).toBe(true)
  })

  it('shows an upper-case status lower-case, and the model given by the caller', async () => {
    await writeBatchSummary({
      ...baseData(
        completedBatch({ status: 'IN_PROGRESS', completed_at: null, finalizing_at: null })
      ),
      model: 'my-model',
      outcome: 'left running',
      message: 'Timed out waiting; the batch keeps running.'
    })
    const html = await readSummary()
    expect(html.split('\n')[0]).toBe('<h2>Batch batch_abc: in_progress</h2>')
    const rows = tables(html)[0] ?? []
    expect(rows).toContainEqual(['Status', 'in_progress'])
    expect(rows).toContainEqual(['Model', 'my-model'])
    expect(rows).toContainEqual(['Outcome', 'left running'])
    expect(rows).toContainEqual(['Message', 'Timed out waiting; the batch keeps running.'])
    expect(rows.map((row) => row[0])).not.toContain('Finalizing')
    expect(html).not.toContain('IN_PROGRESS')
    expect(tables(html)).toHaveLength(1)
  })

  it('tolerates a batch whose optional fields are all null', async () => {
    const batch = parseBatch({
      id: 'batch_min',
      object: 'batch',
      endpoint: '/v1/embeddings',
      input_file_id: 'file-in',
      completion_window: '24h',
      status: 'failed',
      created_at: t0,
      errors: null,
      output_file_id: null,
      error_file_id: null,
      in_progress_at: null,
      expires_at: null,
      finalizing_at: null,
      completed_at: null,
      failed_at: null,
      expired_at: null,
      cancelling_at: null,
      cancelled_at: null,
      request_counts: null,
      metadata: null,
      usage: null,
      model: null
    })
    await writeBatchSummary({
      ...baseData(batch),
      outcome: 'failed',
      message: 'The input file was rejected.'
    })
    const html = await readSummary()
    expect(html.split('\n')[0]).toBe('<h2>Batch batch_min: failed</h2>')
    expect(tables(html)).toEqual([
      [
        ['Batch', 'Value'],
        ['Command', 'run'],
        ['Outcome', 'failed'],
        ['Message', 'The input file was rejected.'],
        ['Batch ID', '<code>batch_min</code>'],
        ['Endpoint', '/v1/embeddings'],
        ['Model', '-'],
        ['Status', 'failed'],
        ['Requests', '-'],
        ['Tokens', '-']
      ]
    ])
    // No unclosed empty cells.
    expect(html).not.toMatch(/<td><\/tr>|<td><td>/)
  })

  it('uses the batch usage when no joined usage is given', async () => {
    const batch = completedBatch({
      usage: {
        input_tokens: 10,
        output_tokens: 20,
        total_tokens: 30,
        input_tokens_details: { cached_tokens: 0 },
        output_tokens_details: { reasoning_tokens: 0 }
      }
    })
    await writeBatchSummary(baseData(batch))
    expect(tables(await readSummary())[0]).toContainEqual([
      'Tokens',
      '10 prompt, 20 completion, 30 total'
    ])
  })

  it('works without a batch (e.g. the create failed)', async () => {
    await writeBatchSummary({
      ...baseData(undefined),
      command: 'submit',
      outcome: 'failed',
      message: 'HTTP 401 <bad key>'
    })
    const html = await readSummary()
    expect(html.split('\n')[0]).toBe('<h2>Batch submit: failed</h2>')
    expect(tables(html)[0]).toEqual([
      ['Batch', 'Value'],
      ['Command', 'submit'],
      ['Outcome', 'failed'],
      ['Message', 'HTTP 401 &lt;bad key&gt;'],
      ['Batch ID', '-'],
      ['Endpoint', '-'],
      ['Model', '-'],
      ['Status', '-'],
      ['Requests', '-'],
      ['Tokens', '-']
    ])
  })

  it('appends to what the file already holds and leaves the buffer empty', async () => {
    await writeFile(summaryFile, '# Earlier step\n')
    await writeBatchSummary(baseData(completedBatch()))
    const html = await readSummary()
    expect(html.startsWith('# Earlier step\n<h2>Batch batch_abc: completed</h2>')).toBe(true)
    expect(core.summary.isEmptyBuffer()).toBe(true)
  })

  it('does nothing when GITHUB_STEP_SUMMARY is unset', async () => {
    delete process.env['GITHUB_STEP_SUMMARY']
    await expect(writeBatchSummary(baseData(completedBatch()))).resolves.toBeUndefined()
    await expect(writeListSummary([completedBatch()])).resolves.toBeUndefined()
    expect(await readSummary()).toBe('')
    expect(core.summary.isEmptyBuffer()).toBe(true)
  })

  it('builds the same content on any core.summary-like object', () => {
    const text = renderToString((s) => renderBatchSummary(s, baseData(completedBatch())))
    expect(text).toContain('<h2>Batch batch_abc: completed</h2>')
  })
})

function renderToString(render: (summary: typeof core.summary) => void): string {
  core.summary.emptyBuffer()
  render(core.summary)
  const text = core.summary.stringify()
  core.summary.emptyBuffer()
  return text
}

describe('writeListSummary', () => {
  it('writes one row per batch', async () => {
    await writeListSummary([
      completedBatch(),
      completedBatch({
        id: 'batch_two',
        status: 'VALIDATING',
        endpoint: '/v1/embeddings',
        created_at: t0 + 3600,
        request_counts: null
      }),
      completedBatch({
        id: 'batch_<x>',
        created_at: null,
        request_counts: { total: 3, completed: null, failed: 0 }
      })
    ])
    const html = await readSummary()
    expect(html.split('\n')[0]).toBe('<h2>Batches</h2>')
    expect(tables(html)).toEqual([
      [
        ['ID', 'Status', 'Endpoint', 'Created', 'Requests (total / completed / failed)'],
        [
          '<code>batch_abc</code>',
          'completed',
          '/v1/chat/completions',
          '2023-11-14T22:13:20.000Z',
          '12,345 / 12,340 / 5'
        ],
        ['<code>batch_two</code>', 'validating', '/v1/embeddings', '2023-11-14T23:13:20.000Z', '-'],
        ['<code>batch_&lt;x&gt;</code>', 'completed', '/v1/chat/completions', '-', '3 / ? / 0']
      ]
    ])
  })

  it('says so when there are no batches', async () => {
    await writeListSummary([])
    expect(await readSummary()).toBe('<h2>Batches</h2>\n<p>No batches found.</p>\n')
  })
})
