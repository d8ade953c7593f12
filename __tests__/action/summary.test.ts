import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import * as core from '@actions/core'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  writeBatchSummary,
  writeListSummary,
  writeValidationSummary
} from '../../src/action/summary.js'
import { parseBatch, type BatchInfo } from '../../src/batch/document.js'
import type { BatchSummaryData } from '../../src/report/model.js'
import { escapeHtml, renderBatchSummary } from '../../src/report/render.js'
import { completedBatch, t0 } from '../../__fixtures__/batches.js'
import {
  all,
  outline,
  parseSummary,
  sectionAfter,
  tableRows,
  text
} from '../../__fixtures__/summary-html.js'

/** The summary writers mask the key; these tests give them none to mask. */
const NO_SECRETS: readonly string[] = []

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

const fullData = (): BatchSummaryData => ({
  command: 'run',
  batch: completedBatch(),
  outcome: 'succeeded',
  file: '/work/space/prompts/requests.jsonl',
  endpoint: '/v1/chat/completions',
  metadata: { suite: 'nightly', shard: '2' },
  failureLimit: { kind: 'percent', value: 5 },
  workspace: '/work/space',
  files: {
    output: '/work/space/out/batch_abc/output.jsonl',
    error: '/work/space/out/batch_abc/errors.jsonl',
    results: '/work/space/out/batch_abc/results.jsonl'
  },
  usage: { prompt: 1_234_567, completion: 89_012, total: 1_323_579 },
  failures: [
    {
      custom_id: 'req-1',
      message: 'Invalid <model> & "stuff"',
      code: 'bad_model',
      status_code: 400
    },
    { custom_id: 'req<2>', message: 'line one\n\nline two', code: 'x', status_code: 500 }
  ],
  results: {
    total: 12_345,
    ok: 12_340,
    error: 3,
    missing: 2,
    failureCodes: [
      { code: 'bad_model', count: 2, example: { custom_id: 'req-1', message: 'Invalid <model>' } },
      { code: '', count: 1, example: { custom_id: 'req-9', message: 'request failed' } }
    ],
    samples: [
      { custom_id: 'req-3', text: 'An answer with <b>markup</b>' },
      { custom_id: 'req-4', text: 'Second answer' }
    ]
  }
})

describe('writeBatchSummary', () => {
  it('writes, in order, the headline, the counts, the failures, samples, files and details', async () => {
    await writeBatchSummary(fullData(), NO_SECRETS)
    const markdown = await readSummary()
    const body = parseSummary(markdown)
    expect(outline(body).map((block) => block.tag)).toEqual([
      'h2',
      'p',
      'p',
      'h3',
      'table',
      'h3',
      'table',
      'details',
      'h3',
      'table',
      'details',
      'h3',
      'table'
    ])
    const blocks = outline(body)
    expect(blocks[0]?.text).toBe('⚠️ Batch succeeded, with failed requests: prompts/requests.jsonl')
    expect(blocks[1]?.text).toBe(
      'File prompts/requests.jsonl · Metadata suite=nightly, shard=2 · Model meta-llama/Llama-3.3-70B-Instruct · Endpoint /v1/chat/completions · Batch batch_abc'
    )
    expect(blocks[2]?.text).toBe(
      '5 of 12,345 failed, <0.1%, within the 5% limit (2 without any result)'
    )
    expect(tableRows(sectionAfter(body, /by error code/)!)).toEqual([
      ['Code', 'Requests', 'Example'],
      ['bad_model', '2', 'Invalid <model>'],
      ['(none)', '1', 'request failed'],
      ['(no result)', '2', 'the batch returned neither a response nor an error for the request']
    ])
    expect(tableRows(sectionAfter(body, /^First failed requests \(2 of 5\)$/)!)).toEqual([
      ['custom_id', 'Code', 'Status', 'Error'],
      ['req-1', 'bad_model', '400', 'Invalid <model> & "stuff"'],
      ['req<2>', 'x', '500', 'line one line two']
    ])
    const [samples, upload] = all(body, 'details')
    expect(text(all(samples!, 'summary')[0]!)).toBe('Sample results (first 2 of 12,340)')
    expect(tableRows(all(samples!, 'table')[0]!)).toEqual([
      ['custom_id', 'Response'],
      ['req-3', 'An answer with <b>markup</b>'],
      ['req-4', 'Second answer']
    ])
    expect(tableRows(sectionAfter(body, /^Files$/)!)).toEqual([
      ['Results', 'out/batch_abc/results.jsonl'],
      ['Output file', 'out/batch_abc/output.jsonl'],
      ['Error file', 'out/batch_abc/errors.jsonl']
    ])
    // The upload step keeps its lines: it is meant to be copied into a workflow.
    const pre = all(upload!, 'pre')[0]!
    expect(all(pre, 'code')[0]?.childNodes?.[0]?.value).toBe(
      '- uses: actions/upload-artifact@v4\n  with:\n    name: batch_abc-results\n    path: out/batch_abc'
    )
    expect(tableRows(sectionAfter(body, /^Details$/)!)).toEqual([
      ['Status', 'completed'],
      ['Requests', '12,345 total, 12,340 completed, 5 failed'],
      ['Tokens', '1,234,567 prompt, 89,012 completion, 1,323,579 total'],
      ['Queued', '42s'],
      ['Running', '3m 05s'],
      ['Finalizing', '2h 03m'],
      ['Total time', '2h 06m'],
      ['Command', 'run']
    ])
    // Nothing unescaped from the messages, no blank line that would end an HTML block.
    expect(all(body, 'model')).toEqual([])
    expect(all(body, 'b')).toHaveLength(5) // the labels of the facts line, none from a sample
    expect(markdown).not.toMatch(/\n\s*\n/)
    expect(markdown).not.toContain('/work/space')
    expect(markdown.endsWith('\n')).toBe(true)
  })

  it('shows a running batch by its progress and how long it has run, without tokens', async () => {
    await writeBatchSummary(
      {
        ...baseData(
          completedBatch({
            status: 'IN_PROGRESS',
            completed_at: null,
            finalizing_at: null,
            request_counts: { total: 10_000, completed: 3_990, failed: 10 }
          })
        ),
        model: 'my-model',
        outcome: 'left running',
        message: 'The wait timed out; it was left running.',
        usage: { prompt: 0, completion: 0, total: 0 },
        now: (t0 + 725) * 1000
      },
      NO_SECRETS
    )
    const body = parseSummary(await readSummary())
    const blocks = outline(body)
    expect(blocks[0]?.text).toBe('⏳ Batch still running: batch_abc')
    expect(blocks[2]?.text).toBe(
      '4,000 of 10,000 requests done (40%), 10 failed; running for 12m 05s'
    )
    expect(blocks[3]?.text).toBe('The wait timed out; it was left running.')
    const details = tableRows(sectionAfter(body, /^Details$/)!)
    expect(details).toContainEqual(['Status', 'in_progress'])
    expect(details.map((row) => row[0])).not.toContain('Tokens')
    expect(details.map((row) => row[0])).not.toContain('Finalizing')
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
    await writeBatchSummary(
      {
        ...baseData(batch),
        outcome: 'failed',
        message: 'The input file was rejected.'
      },
      NO_SECRETS
    )
    const markdown = await readSummary()
    const body = parseSummary(markdown)
    expect(outline(body)).toEqual([
      { tag: 'h2', text: '❌ Batch failed: batch_min' },
      { tag: 'p', text: 'Endpoint /v1/embeddings · Batch batch_min' },
      { tag: 'p', text: 'The input file was rejected.' },
      { tag: 'h3', text: 'Details' },
      { tag: 'table', text: 'Status failed Requests - Command run' }
    ])
    expect(markdown).not.toMatch(/<td><\/tr>|<td><td>/)
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
    await writeBatchSummary(baseData(batch), NO_SECRETS)
    const body = parseSummary(await readSummary())
    expect(tableRows(sectionAfter(body, /^Details$/)!)).toContainEqual([
      'Tokens',
      '10 prompt, 20 completion, 30 total'
    ])
  })

  it('works without a batch (the create failed)', async () => {
    await writeBatchSummary(
      {
        ...baseData(undefined),
        command: 'run',
        file: 'requests.jsonl',
        outcome: 'failed',
        message: 'HTTP 401 <bad key>'
      },
      NO_SECRETS
    )
    const body = parseSummary(await readSummary())
    expect(outline(body)).toEqual([
      { tag: 'h2', text: '❌ Batch not created: requests.jsonl' },
      { tag: 'p', text: 'File requests.jsonl' },
      { tag: 'p', text: 'HTTP 401 <bad key>' },
      { tag: 'h3', text: 'Details' },
      { tag: 'table', text: 'Status - Requests - Command run' }
    ])
  })

  it('appends to what the file already holds and leaves the buffer empty', async () => {
    await writeFile(summaryFile, '# Earlier step\n')
    await writeBatchSummary(baseData(completedBatch()), NO_SECRETS)
    const html = await readSummary()
    expect(html.startsWith('# Earlier step\n<h2>')).toBe(true)
    expect(
      outline(parseSummary(html))
        .map((block) => block.text)
        .slice(0, 2)
    ).toEqual(['Earlier step', '⚠️ Batch succeeded, with failed requests: batch_abc'])
    expect(core.summary.isEmptyBuffer()).toBe(true)
  })

  it('does nothing when GITHUB_STEP_SUMMARY is unset', async () => {
    delete process.env['GITHUB_STEP_SUMMARY']
    await expect(writeBatchSummary(baseData(completedBatch()), NO_SECRETS)).resolves.toBeUndefined()
    await expect(writeListSummary([completedBatch()], NO_SECRETS)).resolves.toBeUndefined()
    expect(await readSummary()).toBe('')
    expect(core.summary.isEmptyBuffer()).toBe(true)
  })

  it('builds the same content on any core.summary-like object', () => {
    const text = renderToString((s) => renderBatchSummary(s, baseData(completedBatch())))
    expect(text).toContain('<h2>⚠️ Batch succeeded, with failed requests: batch_abc</h2>')
  })
})

describe('writeValidationSummary', () => {
  const report = {
    requests: 1_500,
    bytes: 2_400_000,
    model: 'm',
    problems: Array.from({ length: 50 }, (_, i) => ({
      line: i + 1,
      message: `problem <${i + 1}>`
    })),
    problemCount: 1_234
  }

  it('lists the first problems with their lines and counts the rest', async () => {
    await writeValidationSummary(
      {
        file: 'data/requests.jsonl',
        endpoint: '/v1/chat/completions',
        report: { ...report, problems: [{ line: 0, message: 'too big' }, ...report.problems] },
        hint: 'Every line checked has url "/v1/embeddings"',
        validateOnly: false,
        annotated: 8
      },
      NO_SECRETS
    )
    const body = parseSummary(await readSummary())
    const blocks = outline(body)
    expect(blocks[0]?.text).toBe('❌ Validation failed: data/requests.jsonl, 1,234 problems')
    expect(blocks[1]?.text).toBe(
      'Requests 1,500 · Size 2.4 MB · Model m · Endpoint /v1/chat/completions'
    )
    expect(blocks[2]?.text).toBe('Every line checked has url "/v1/embeddings"')
    const rows = tableRows(sectionAfter(body, /^Problems \(first 20 of 1,234\)$/)!)
    expect(rows).toHaveLength(21)
    expect(rows.slice(0, 3)).toEqual([
      ['Line', 'Problem'],
      ['file', 'too big'],
      ['1', 'problem <1>']
    ])
    expect(blocks.at(-2)?.text).toBe(
      '1,214 more problems are not listed here; fix these and run again to see them.'
    )
    expect(blocks.at(-1)?.text).toMatch(
      /^Nothing was uploaded\. The first 8 problems are annotated/
    )
  })

  it('says what was checked when validate-only finds no problem', async () => {
    await writeValidationSummary(
      {
        file: 'ok.jsonl',
        endpoint: '/v1/embeddings',
        report: { requests: 3, bytes: 300, model: 'e', problems: [], problemCount: 0 },
        validateOnly: true,
        annotated: 0
      },
      NO_SECRETS
    )
    expect(outline(parseSummary(await readSummary()))).toEqual([
      { tag: 'h2', text: '✅ File is valid: ok.jsonl' },
      { tag: 'p', text: 'Requests 3 · Size 300 B · Model e · Endpoint /v1/embeddings' },
      { tag: 'p', text: 'validate-only: the file was checked and nothing was uploaded.' }
    ])
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
    await writeListSummary(
      [
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
      ],
      NO_SECRETS
    )
    const body = parseSummary(await readSummary())
    expect(outline(body)[0]).toEqual({ tag: 'h2', text: 'Batches' })
    expect(tableRows(all(body, 'table')[0]!)).toEqual([
      ['ID', 'Status', 'Endpoint', 'Created', 'Requests (total / completed / failed)'],
      [
        'batch_abc',
        'completed',
        '/v1/chat/completions',
        '2023-11-14T22:13:20.000Z',
        '12,345 / 12,340 / 5'
      ],
      ['batch_two', 'validating', '/v1/embeddings', '2023-11-14T23:13:20.000Z', '-'],
      ['batch_<x>', 'completed', '/v1/chat/completions', '-', '3 / ? / 0']
    ])
    expect(all(body, 'x')).toEqual([])
  })

  it('says so when there are no batches', async () => {
    await writeListSummary([], NO_SECRETS)
    expect(await readSummary()).toBe('<h2>Batches</h2>\n<p>No batches found.</p>\n')
  })
})
