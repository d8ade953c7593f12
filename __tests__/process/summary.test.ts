// The job summary of the bundled action, rendered as GitHub renders it (GFM with HTML, through
// __fixtures__/summary-html.ts) and read with an HTML parser: what a person sees first after a
// run with failed requests, a batch left running, and a file that never got uploaded.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startMockBatchApi, type MockBatchApi } from '../../tools/mock-batch-api/server.mjs'
import {
  chatRequests,
  makeWorkspace,
  runAction,
  type ActionRun
} from '../../__fixtures__/action-process.js'
import {
  all,
  outline,
  parseSummary,
  sectionAfter,
  tableRows,
  text
} from '../../__fixtures__/summary-html.js'

const KEY = 'sk-summary-test'
let api: MockBatchApi

beforeAll(async () => {
  api = await startMockBatchApi({
    apiKey: KEY,
    timings: { validatingMs: 10, inProgressMs: 80, finalizingMs: 10 }
  })
})
afterAll(async () => {
  await api.close()
})

async function start(files: Record<string, string>, inputs: Record<string, string>) {
  const workspace = await makeWorkspace(files)
  const run = await runAction({
    workspace,
    inputs: {
      'base-url': api.url,
      'api-key': KEY,
      'poll-interval': '0.02',
      'max-poll-interval': '0.05',
      ...inputs
    }
  })
  return { workspace, run }
}

/** The error annotations of the step, as the runner reads them from stdout. */
function annotations(run: ActionRun): string[] {
  return run.stdout.split('\n').filter((line) => line.startsWith('::error'))
}

/** Groups opened and closed with nothing shown between them. */
function emptyGroups(run: ActionRun): string[] {
  const shown = run.stdout
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('::debug::'))
  return shown.filter(
    (line, i) => line.startsWith('::group::') && shown[i + 1]?.startsWith('::endgroup::')
  )
}

describe('the job summary of the bundled action', () => {
  it('after a batch with failed requests: outcome, rate against the limit, codes, samples, files', async () => {
    api.addFault({
      op: 'create',
      fault: 'fail-requests',
      customIds: ['req-3', 'req-7'],
      status: 429,
      message: 'slow down'
    })
    api.addFault({
      op: 'create',
      fault: 'fail-requests',
      customIds: ['req-5'],
      status: 500,
      message: 'upstream broke'
    })
    const { workspace, run } = await start(
      { 'requests.jsonl': chatRequests(40) },
      { file: 'requests.jsonl', metadata: 'suite=nightly', 'max-failed-requests': '10%' }
    )
    if (run.code !== 0) console.log(run.stdout, run.stderr)
    expect(run.code).toBe(0)
    const body = parseSummary(run.summary)
    const blocks = outline(body)

    // The headline: the outcome in words and the file; then what tells this batch apart.
    expect(blocks[0]).toEqual({
      tag: 'h2',
      text: '⚠️ Batch succeeded, with failed requests: requests.jsonl'
    })
    expect(blocks[1]?.text).toMatch(
      /^File requests\.jsonl · Metadata suite=nightly · Model test-model · Endpoint \/v1\/chat\/completions · Batch batch_\S+$/
    )
    expect(blocks[2]?.text).toBe('3 of 40 failed, 7.5%, within the 10% limit')

    const codes = sectionAfter(body, /^Failed requests by error code$/)
    expect(codes && tableRows(codes)).toEqual([
      ['Code', 'Requests', 'Example'],
      ['rate_limit_exceeded', '2', 'slow down'],
      ['server_error', '1', 'upstream broke']
    ])
    const first = sectionAfter(body, /^Failed requests$/)
    expect(first && tableRows(first)).toEqual([
      ['custom_id', 'Code', 'Status', 'Error'],
      ['req-3', 'rate_limit_exceeded', '429', 'slow down'],
      ['req-5', 'server_error', '500', 'upstream broke'],
      ['req-7', 'rate_limit_exceeded', '429', 'slow down']
    ])

    // Samples in a collapsed block: closed until the reader opens it.
    const samples = all(body, 'details').find((node) => /^Sample results/.test(text(node)))
    expect(samples?.attrs?.some((attr) => attr.name === 'open')).toBe(false)
    const summaryLine = samples && all(samples, 'summary')[0]
    expect(summaryLine && text(summaryLine)).toBe('Sample results (first 3 of 37)')
    const sampleRows = samples ? tableRows(all(samples, 'table')[0]!) : []
    expect(sampleRows[0]).toEqual(['custom_id', 'Response'])
    expect(sampleRows.slice(1).map((row) => row[0])).toEqual(['req-1', 'req-2', 'req-4'])
    expect(sampleRows[1]?.[1]).toMatch(/Question 1/)

    // Paths relative to the workspace, and the step that keeps them.
    const files = sectionAfter(body, /^Files$/)
    const id = run.outputs['batch-id']
    expect(files && tableRows(files)).toEqual([
      ['Results', `batch-results/${id}/results.jsonl`],
      ['Output file', `batch-results/${id}/output.jsonl`],
      ['Error file', `batch-results/${id}/errors.jsonl`]
    ])
    const hint = all(body, 'pre').map((node) => text(node))
    expect(hint).toEqual([
      `- uses: actions/upload-artifact@v4 with: name: ${id}-results path: batch-results/${id}`
    ])
    expect(all(body, 'pre')[0]?.attrs).toContainEqual({ name: 'lang', value: 'yaml' })
    expect(run.summary).not.toContain(workspace)

    const details = sectionAfter(body, /^Details$/)
    expect(details && tableRows(details)).toContainEqual(['Status', 'completed'])
    expect(emptyGroups(run)).toEqual([])
  })

  it('of a batch left running: its progress and how long it has run, no token counts', async () => {
    const { run } = await start(
      { 'requests.jsonl': chatRequests(3) },
      { file: 'requests.jsonl', wait: 'false' }
    )
    expect(run.code).toBe(0)
    const body = parseSummary(run.summary)
    const blocks = outline(body)
    expect(blocks[0]?.text).toBe('⏳ Batch still running: requests.jsonl')
    expect(blocks[2]?.text).toMatch(
      /^(\d+ of 3 requests done \(\d+(\.\d)?%\), 0 failed|No request has finished yet \(status \w+\)); running for \d+s$/
    )
    const details = sectionAfter(body, /^Details$/)
    expect(details && tableRows(details).map((row) => row[0])).not.toContain('Tokens')
  })

  it('of a file with problems: each problem and its line, counted, with ten annotations at most', async () => {
    const uploadsBefore = api.log.length
    const lines = chatRequests(30).split('\n')
    const bad = lines.map((line, i) => (i % 2 === 1 && line ? 'not json' : line)).join('\n')
    const { run } = await start(
      { 'bad.jsonl': bad },
      { file: 'bad.jsonl', 'validate-only': 'true', 'api-key': '' }
    )
    expect(run.code).toBe(1)
    // Nine problems and the step's failure: GitHub shows ten annotations per step.
    expect(annotations(run)).toHaveLength(10)
    expect(run.stdout).toMatch(/^6 more problems in bad\.jsonl, not annotated/m)
    expect(run.stdout).toMatch(/^ {2}bad\.jsonl:30: not valid JSON/m)

    const body = parseSummary(run.summary)
    expect(outline(body)[0]).toEqual({
      tag: 'h2',
      text: '❌ Validation failed: bad.jsonl, 15 problems'
    })
    const problems = sectionAfter(body, /^Problems$/)
    const rows = problems ? tableRows(problems) : []
    expect(rows[0]).toEqual(['Line', 'Problem'])
    expect(rows.slice(1).map((row) => row[0])).toEqual(
      Array.from({ length: 15 }, (_, i) => String(2 * i + 2))
    )
    expect(text(body)).toMatch(/Nothing was uploaded\. The first 9 problems are annotated/)
    expect(api.log).toHaveLength(uploadsBefore)
    expect(emptyGroups(run)).toEqual([])
  })

  it('of a valid file under validate-only: what was checked, and that nothing was uploaded', async () => {
    const { run } = await start(
      { 'ok.jsonl': chatRequests(4) },
      { file: 'ok.jsonl', 'validate-only': 'true', 'api-key': '' }
    )
    expect(run.code).toBe(0)
    const blocks = outline(parseSummary(run.summary))
    expect(blocks[0]?.text).toBe('✅ File is valid: ok.jsonl')
    expect(blocks[1]?.text).toMatch(/^Requests 4 · Size \d+ B · Model test-model · Endpoint /)
    expect(blocks.at(-1)?.text).toBe(
      'validate-only: the file was checked and nothing was uploaded.'
    )
  })

  it('says once that the endpoint input may be wrong when every line names another url', async () => {
    const content = chatRequests(12, (line) => (line['url'] = '/v1/embeddings'))
    const { run } = await start(
      { 'mixed.jsonl': content },
      { file: 'mixed.jsonl', 'validate-only': 'true', 'api-key': '' }
    )
    expect(run.code).toBe(1)
    const hint =
      /Every line has url "\/v1\/embeddings" but the endpoint input is "\/v1\/chat\/completions"; the endpoint input may be what is wrong/
    expect(annotations(run).filter((line) => hint.test(line))).toHaveLength(2) // the hint, the failure
    expect(annotations(run)).toHaveLength(10)
    expect(text(parseSummary(run.summary))).toMatch(hint)
  })
})
