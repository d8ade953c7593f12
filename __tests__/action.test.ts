// The bundled action, run as a separate process the way the runner runs it, against the local
// Batch API: every command and every terminal status, cancellation by signal, and the post step.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import OpenAI from 'openai'
import { startMockBatchApi, type MockBatchApi } from '../tools/mock-batch-api/server.mjs'
import { all, outline, parseSummary, tableRows } from '../__fixtures__/summary-html.js'
import {
  chatRequests,
  makeWorkspace,
  postEntry,
  runAction,
  type ActionRun
} from '../__fixtures__/action-process.js'

const KEY = 'integration-key-7f3a9c'
let api: MockBatchApi
let sdk: OpenAI

const fast = { 'poll-interval': '0.05', 'max-poll-interval': '0.2' }

beforeAll(async () => {
  api = await startMockBatchApi({
    apiKey: KEY,
    timings: { validatingMs: 40, inProgressMs: 300, finalizingMs: 40, cancellingMs: 100 }
  })
  sdk = new OpenAI({ apiKey: KEY, baseURL: api.url, maxRetries: 0 })
})
afterAll(async () => {
  await api.close()
})

function common(extra: Record<string, string> = {}): Record<string, string> {
  return { 'base-url': api.url, 'api-key': KEY, ...fast, ...extra }
}

async function runFile(
  content: string,
  extra: Record<string, string> = {},
  env?: Record<string, string>
): Promise<ActionRun & { workspace: string }> {
  const workspace = await makeWorkspace({ 'requests.jsonl': content })
  const result = await runAction({
    workspace,
    inputs: common({ file: 'requests.jsonl', ...extra }),
    env
  })
  return { ...result, workspace }
}

function batchOf(id: string) {
  const batch = api.batches().find((b) => b.id === id)
  if (!batch) throw new Error(`no batch ${id} on the server`)
  return batch
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- result lines are read as loose JSON
async function jsonLines(file: string): Promise<Array<Record<string, any>>> {
  return (await readFile(file, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line))
}

/** The value of a labelled row in the job summary's tables, as GitHub shows it. */
function summaryRow(summary: string, label: string): string | undefined {
  const body = parseSummary(summary)
  const rows = all(body, 'table').flatMap((table) => tableRows(table))
  return rows.find((row) => row[0] === label)?.[1]
}

/** The headline of the job summary and the line under it, as GitHub shows them. */
function summaryHead(summary: string): string[] {
  return outline(parseSummary(summary))
    .slice(0, 2)
    .map((block) => block.text)
}

/** A cancelled batch's partial results: the downloaded output as the server has it, joined, summed and summarized. */
async function expectPartialResults(run: ActionRun, requests: number) {
  const batch = batchOf(run.outputs['batch-id']!)
  const { completed, failed } = batch.request_counts
  expect(completed).toBeGreaterThan(0)
  expect(completed).toBeLessThan(requests)
  expect(await readFile(run.outputs['output-path']!)).toEqual(api.fileBytes(batch.output_file_id!))
  const output = await jsonLines(run.outputs['output-path']!)
  expect(output).toHaveLength(completed)
  const results = await jsonLines(run.outputs['results-path']!)
  const ok = results.filter((r) => r.status === 'ok')
  expect(ok.map((r) => r.custom_id).sort()).toEqual(output.map((o) => o.custom_id).sort())
  expect(results.length).toBeGreaterThanOrEqual(completed)
  expect(
    results.every((r) => r.status === 'ok' || r.status === 'error' || r.status === 'missing')
  ).toBe(true)
  const tokens = ok.reduce((total, r) => total + r.response.usage.total_tokens, 0)
  expect(run.outputs['total-tokens']).toBe(String(tokens))
  expect(summaryRow(run.summary, 'Requests')).toBe(
    `${requests} total, ${completed} completed, ${failed} failed`
  )
}

function expectNoKey(run: ActionRun) {
  for (const text of [
    run.stdout.replace(`::add-mask::${KEY}`, ''),
    run.stderr,
    JSON.stringify(run.outputs),
    run.summary
  ]) {
    expect(text).not.toContain(KEY)
  }
}

async function createDirectly(content: string, metadata: Record<string, string> = {}) {
  const workspace = await makeWorkspace({ 'requests.jsonl': content })
  const file = await sdk.files.create({
    file: await OpenAI.toFile(Buffer.from(content), 'requests.jsonl'),
    purpose: 'batch'
  })
  const batch = await sdk.batches.create({
    input_file_id: file.id,
    endpoint: '/v1/chat/completions',
    completion_window: '24h',
    metadata
  })
  return { workspace, batch }
}

async function waitForStatus(id: string, status: string, timeoutMs = 5000) {
  const until = Date.now() + timeoutMs
  while (batchOf(id).status !== status) {
    if (Date.now() > until) throw new Error(`batch ${id} never became ${status}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

describe('command: run', () => {
  it('uploads, creates, waits, downloads and joins a completed batch', async () => {
    const content = chatRequests(8)
    const run = await runFile(
      content,
      { metadata: 'suite=nightly' },
      {
        GITHUB_ACTIONS: 'true',
        GITHUB_REPOSITORY: 'octo/evals',
        GITHUB_RUN_ID: '1234',
        GITHUB_RUN_ATTEMPT: '2',
        GITHUB_WORKFLOW: 'Nightly evals',
        GITHUB_SHA: 'deadbeef',
        GITHUB_JOB: 'eval',
        GITHUB_ACTION: 'submit'
      }
    )
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const { outputs } = run
    expect(outputs).toMatchObject({
      status: 'completed',
      total: '8',
      completed: '8',
      failed: '0',
      model: 'test-model',
      'error-path': ''
    })
    const batch = batchOf(outputs['batch-id']!)
    expect(batch.status).toBe('completed')
    expect(outputs['input-file-id']).toBe(batch.input_file_id)
    expect(outputs['output-file-id']).toBe(batch.output_file_id)
    expect(JSON.parse(outputs.batch!)).toMatchObject({ id: batch.id, status: 'completed' })
    // the uploaded bytes are the file's bytes
    expect(api.fileBytes(batch.input_file_id).toString()).toBe(content)
    // traceability and idempotency metadata
    expect(batch.metadata).toMatchObject({
      suite: 'nightly',
      github_repository: 'octo/evals',
      github_run_id: '1234',
      github_run_attempt: '2',
      github_workflow: 'Nightly evals',
      github_sha: 'deadbeef'
    })
    expect(batch.metadata?.batch_action_key).toMatch(/^[0-9a-f]{32}$/)
    expect(batch.metadata?.input_sha256).toMatch(/^[0-9a-f]{64}$/)
    // downloads, named after the batch
    expect(outputs['output-path']).toBe(
      path.join(run.workspace, 'batch-results', batch.id, 'output.jsonl')
    )
    expect(await readFile(outputs['output-path']!)).toEqual(api.fileBytes(batch.output_file_id!))
    const results = await jsonLines(outputs['results-path']!)
    expect(results.map((r) => r.custom_id)).toEqual(
      Array.from({ length: 8 }, (_, i) => `req-${i + 1}`)
    )
    expect(
      results.every(
        (r) =>
          r.status === 'ok' && r.response.choices[0].message.content.startsWith('echo: Question')
      )
    ).toBe(true)
    const sum = (key: string) => results.reduce((total, r) => total + r.response.usage[key], 0)
    expect(outputs['prompt-tokens']).toBe(String(sum('prompt_tokens')))
    expect(outputs['completion-tokens']).toBe(String(sum('completion_tokens')))
    expect(outputs['total-tokens']).toBe(String(sum('total_tokens')))
    // the state tells the post step there is nothing to do
    expect(run.state).toMatchObject({ 'batch-id': batch.id, settled: 'true' })
    expect(run.state['idempotency-key']).toBe(batch.metadata?.batch_action_key)
    // the job summary
    expect(summaryHead(run.summary)).toEqual([
      '✅ Batch succeeded: requests.jsonl',
      expect.stringMatching(
        new RegExp(`Model test-model · Endpoint /v1/chat/completions · Batch ${batch.id}$`)
      )
    ])
    expect(summaryRow(run.summary, 'Requests')).toBe('8 total, 8 completed, 0 failed')
    expect(summaryRow(run.summary, 'Tokens')).toBe(
      `${sum('prompt_tokens')} prompt, ${sum('completion_tokens')} completion, ${sum('total_tokens')} total`
    )
    for (const label of ['Queued', 'Running', 'Finalizing', 'Total time'])
      expect(summaryRow(run.summary, label)).toMatch(/^\d+s$/)
    expect(summaryRow(run.summary, 'Output file')).toBe(
      path.relative(run.workspace, outputs['output-path']!)
    )
    expect(summaryRow(run.summary, 'Results')).toBe(
      path.relative(run.workspace, outputs['results-path']!)
    )
    // the log says what it sent
    expect(run.stdout).toContain('requests.jsonl: 8 requests')
    expect(run.stdout).toContain(`Batch ${batch.id} is completed: 8/8 done, 0 failed`)
    expectNoKey(run)
  })

  it('reports a batch where some requests failed, and fails past max-failed-requests', async () => {
    const content = chatRequests(10, (line, i) => {
      if (i % 5 === 1) (line.body as Record<string, unknown>).mock_error = `bad request ${i + 1}`
    })
    const ok = await runFile(content)
    expect(ok.code).toBe(0)
    expect(ok.outputs).toMatchObject({
      status: 'completed',
      total: '10',
      completed: '8',
      failed: '2'
    })
    const errors = await jsonLines(ok.outputs['error-path']!)
    expect(errors.map((e) => e.custom_id).sort()).toEqual(['req-2', 'req-7'])
    const results = await jsonLines(ok.outputs['results-path']!)
    expect(
      results.filter((r) => r.status === 'error').map((r) => [r.custom_id, r.error.message])
    ).toEqual([
      ['req-2', 'bad request 2'],
      ['req-7', 'bad request 7']
    ])
    expect(ok.stdout).toContain('2 of 10 requests failed')
    expect(summaryRow(ok.summary, 'Requests')).toBe('10 total, 8 completed, 2 failed')
    const failedRows = all(parseSummary(ok.summary), 'table').flatMap((table) => tableRows(table))
    expect(failedRows).toContainEqual([
      'req-2',
      expect.any(String),
      expect.any(String),
      'bad request 2'
    ])
    expect(failedRows).toContainEqual([
      'req-7',
      expect.any(String),
      expect.any(String),
      'bad request 7'
    ])

    const strict = await runFile(content, { 'max-failed-requests': '10%' })
    expect(strict.code).toBe(1)
    expect(strict.stdout).toMatch(
      /::error::2 of 10 requests failed, more than max-failed-requests allows/
    )
    expect(strict.outputs['results-path']).toBeTruthy()
  })

  it('survives a completed batch whose every request failed (no output file)', async () => {
    const content = chatRequests(3, (line) => {
      ;(line.body as Record<string, unknown>).mock_error = 'nope'
    })
    const run = await runFile(content)
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({
      status: 'completed',
      'output-file-id': '',
      'output-path': '',
      failed: '3'
    })
    expect(run.stdout).toContain(
      'completed without an output file: every request failed; downloading the error file'
    )
    const results = await jsonLines(run.outputs['results-path']!)
    expect(results.map((r) => r.status)).toEqual(['error', 'error', 'error'])
    expect((await jsonLines(run.outputs['error-path']!)).length).toBe(3)
  })

  it('fails on an expired batch and keeps its partial results', async () => {
    const run = await runFile(chatRequests(6), { metadata: '{"mock_scenario": "expire"}' })
    expect(run.code).toBe(1)
    expect(run.outputs.status).toBe('expired')
    expect(run.stdout).toMatch(
      /::error::Batch batch_\w+ expired: the completion window \(24h\) passed with 3 of 6 requests completed/
    )
    const results = await jsonLines(run.outputs['results-path']!)
    expect(results.filter((r) => r.status === 'ok')).toHaveLength(3)
    expect(
      results.filter((r) => r.status === 'error').every((r) => r.error.code === 'batch_expired')
    ).toBe(true)
    expect(summaryHead(run.summary)[0]).toBe('❌ Batch expired: requests.jsonl')
    expect(summaryRow(run.summary, 'Error file')).toBe(
      path.relative(run.workspace, run.outputs['error-path']!)
    )
  })

  it('fails on a batch that fails validation on the provider, showing its errors', async () => {
    const run = await runFile(chatRequests(2), { metadata: 'mock_scenario=fail_validation' })
    expect(run.code).toBe(1)
    expect(run.outputs.status).toBe('failed')
    expect(run.stdout).toMatch(/::error::Batch batch_\w+ failed: line 1: .*\(model_not_found\)/)
    expect(run.outputs['results-path'] ?? '').toBe('')
    expect(run.summary).toContain('failed')
  })

  it('fails when the batch is cancelled elsewhere while it waits, keeping partial results', async () => {
    const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(10) })
    const pending = runAction({
      workspace,
      inputs: common({ file: 'requests.jsonl', metadata: 'mock_in_progress_ms=2000' })
    })
    let id: string | undefined
    const until = Date.now() + 5000
    while (!id && Date.now() < until) {
      id = api
        .batches()
        .find(
          (b) =>
            b.metadata?.mock_in_progress_ms === '2000' &&
            b.status === 'in_progress' &&
            b.request_counts.completed > 0
        )?.id
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    await sdk.batches.cancel(id!)
    const run = await pending
    expect(run.code).toBe(1)
    expect(run.outputs.status).toBe('cancelled')
    expect(run.stdout).toMatch(/was cancelled before it finished/)
    await expectPartialResults(run, 10)
    const results = await jsonLines(run.outputs['results-path']!)
    expect(results.map((r) => r.custom_id)).toEqual(
      Array.from({ length: 10 }, (_, i) => `req-${i + 1}`)
    )
  })

  it('submits without waiting when wait is false', async () => {
    const run = await runFile(chatRequests(2), { wait: 'false' })
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('validating')
    expect(run.outputs['batch-id']).toMatch(/^batch_/)
    expect(run.state.settled).toBe('true')
    expect(run.stdout).toContain('collect it later with command: status')
  })

  it('validates only, uploading nothing', async () => {
    const before = api.log.length
    const run = await runFile(chatRequests(4), { 'validate-only': 'true', 'api-key': '' })
    expect(run.code).toBe(0)
    expect(run.outputs).toEqual({ total: '4', model: 'test-model' })
    expect(api.log.slice(before)).toEqual([])
  })

  it('annotates every bad line and uploads nothing', async () => {
    const content = chatRequests(5, (line, i) => {
      if (i === 1) line.method = 'GET'
      if (i === 3) line.custom_id = 'req-1'
    })
    const before = api.log.length
    // Uploads only: batches of earlier tests write their output files meanwhile.
    const uploads = () => api.files().filter((file) => file.purpose === 'batch').length
    const files = uploads()
    const run = await runFile(content)
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error file=requests.jsonl,line=2::.*method/)
    expect(run.stdout).toMatch(/::error file=requests.jsonl,line=4::.*req-1/)
    expect(run.stdout).toMatch(
      /::error::2 problems in requests.jsonl: line 2.*line 4.*Nothing was uploaded/
    )
    // Validated while uploaded: the key check, then the upload cut off before its end.
    expect(api.log.slice(before).map((entry) => [entry.op, entry.status])).toEqual([
      ['list', 200],
      ['upload', 0]
    ])
    expect(uploads()).toBe(files)
  })

  it('times out and leaves, cancels or fails as on-timeout says', async () => {
    const stuck = { metadata: 'mock_scenario=stuck', 'wait-timeout': '1s' }
    const leave = await runFile(chatRequests(2), stuck)
    expect(leave.code).toBe(0)
    expect(leave.stdout).toMatch(/::notice::The wait timed out .* it was left running/)
    expect(batchOf(leave.outputs['batch-id']!).status).toBe('in_progress')

    const cancel = await runFile(chatRequests(2), { ...stuck, 'on-timeout': 'cancel' })
    expect(cancel.code).toBe(1)
    expect(['cancelling', 'cancelled']).toContain(batchOf(cancel.outputs['batch-id']!).status)

    const fail = await runFile(chatRequests(2), { ...stuck, 'on-timeout': 'fail' })
    expect(fail.code).toBe(1)
    expect(fail.stdout).toMatch(/::error::The wait timed out .*on-timeout: fail/)
    expect(batchOf(fail.outputs['batch-id']!).status).toBe('in_progress')
    await sdk.batches.cancel(leave.outputs['batch-id']!)
    await sdk.batches.cancel(fail.outputs['batch-id']!)
  })

  it('fails with the key source named, never the key, on a bad key', async () => {
    const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(1) })
    const run = await runAction({
      workspace,
      inputs: { ...common({ file: 'requests.jsonl' }), 'api-key': '' },
      env: { NEBIUS_API_KEY: 'wrong-key-0000' }
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(
      /::error::127\.0\.0\.1:\d+ rejected the API key from the NEBIUS_API_KEY environment variable \(HTTP 401/
    )
    expect(run.stdout.replace('::add-mask::wrong-key-0000', '')).not.toContain('wrong-key-0000')
    expect(run.outputs['batch-id']).toBeUndefined()
  })

  it('fails clearly on a missing file', async () => {
    const workspace = await makeWorkspace()
    const run = await runAction({ workspace, inputs: common({ file: 'nope.jsonl' }) })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::file: nope.jsonl was not found or is not readable/)
  })
})

describe('command: status, cancel, list', () => {
  it('collects a finished batch later, joined by custom_id without the input file, in input order with it', async () => {
    // Ids whose input order is not their sorted order, so that the two joins cannot agree by chance.
    const ids = ['req-e', 'req-b', 'req-d', 'req-a', 'req-c']
    const content = chatRequests(5, (line, i) => {
      line.custom_id = ids[i]
    })
    const submit = await runFile(content, { wait: 'false' })
    const id = submit.outputs['batch-id']!
    await waitForStatus(id, 'completed')
    const later = await runAction({
      workspace: submit.workspace,
      inputs: common({ command: 'status', 'batch-id': id })
    })
    expect(later.code).toBe(0)
    expect(later.outputs).toMatchObject({
      'batch-id': id,
      status: 'completed',
      total: '5',
      completed: '5'
    })
    const results = await jsonLines(later.outputs['results-path']!)
    expect(results.map((r) => r.custom_id)).toEqual(['req-a', 'req-b', 'req-c', 'req-d', 'req-e'])
    expect(later.summary).toContain(id)
    const withFile = await runAction({
      workspace: submit.workspace,
      inputs: common({ command: 'status', 'batch-id': id, file: 'requests.jsonl' })
    })
    expect((await jsonLines(withFile.outputs['results-path']!)).map((r) => r.custom_id)).toEqual(
      ids
    )
  })

  it('waits for a running batch with command: status', async () => {
    const { workspace, batch } = await createDirectly(chatRequests(3))
    const run = await runAction({
      workspace,
      inputs: common({ command: 'status', 'batch-id': batch.id })
    })
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('completed')
    expect(run.stdout).toContain(`Batch ${batch.id} is completed`)
  })

  it('reports a batch without waiting when wait is false', async () => {
    const { workspace, batch } = await createDirectly(chatRequests(3), { mock_scenario: 'stuck' })
    const run = await runAction({
      workspace,
      inputs: common({ command: 'status', 'batch-id': batch.id, wait: 'false' })
    })
    expect(run.code).toBe(0)
    expect(['validating', 'in_progress']).toContain(run.outputs.status)
    await sdk.batches.cancel(batch.id)
  })

  it('cancels a running batch and collects its partial results', async () => {
    const { workspace, batch } = await createDirectly(chatRequests(4), {
      mock_in_progress_ms: '3000'
    })
    await waitForStatus(batch.id, 'in_progress')
    while (batchOf(batch.id).request_counts.completed === 0) {
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    const run = await runAction({
      workspace,
      inputs: common({ command: 'cancel', 'batch-id': batch.id })
    })
    if (run.code !== 0) console.log(run.stdout, run.stderr)
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('cancelled')
    expect(batchOf(batch.id).status).toBe('cancelled')
    expect(summaryHead(run.summary)[0]).toBe(`✅ Batch cancelled: ${batch.id}`)
    await expectPartialResults(run, 4)
  })

  it('succeeds with a notice when the batch already ended', async () => {
    const { workspace, batch } = await createDirectly(chatRequests(1))
    await waitForStatus(batch.id, 'completed')
    const run = await runAction({
      workspace,
      inputs: common({ command: 'cancel', 'batch-id': batch.id })
    })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(
      `::notice::Batch ${batch.id} is already completed; there is nothing to cancel`
    )
  })

  it('fails clearly for an unknown batch', async () => {
    const workspace = await makeWorkspace()
    const run = await runAction({
      workspace,
      inputs: common({ command: 'status', 'batch-id': 'batch_missing' })
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::127\.0\.0\.1:\d+ answered HTTP 404/)
  })

  it('lists recent batches', async () => {
    const workspace = await makeWorkspace()
    const run = await runAction({
      workspace,
      inputs: common({ command: 'list', 'list-limit': '3' })
    })
    expect(run.code).toBe(0)
    const batches = JSON.parse(run.outputs.batches!)
    expect(batches).toHaveLength(3)
    const newest = api
      .batches()
      .slice(-3)
      .reverse()
      .map((b) => b.id)
    expect(batches.map((b: { id: string }) => b.id)).toEqual(newest)
    for (const id of newest) expect(run.summary).toContain(id)
  })
})

describe('upper-case statuses', () => {
  it('compares statuses case-insensitively', async () => {
    const upper = await startMockBatchApi({
      apiKey: KEY,
      statusCase: 'upper',
      timings: { validatingMs: 20, inProgressMs: 100, finalizingMs: 20 }
    })
    try {
      const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(2) })
      const run = await runAction({
        workspace,
        inputs: { ...common({ file: 'requests.jsonl' }), 'base-url': upper.url }
      })
      expect(run.code).toBe(0)
      expect(run.outputs.status).toBe('completed')
    } finally {
      await upper.close()
    }
  })
})

describe('cancellation', () => {
  it("cancels the batch on SIGINT mid-wait, before the process exits, within the runner's 7.5 s", async () => {
    const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(3) })
    const run = await runAction({
      workspace,
      inputs: common({
        file: 'requests.jsonl',
        metadata: 'mock_scenario=stuck',
        'poll-interval': '0.2',
        'max-poll-interval': '1'
      }),
      interrupt: { signal: 'SIGINT', when: /Batch batch_\w+ is in_progress/ }
    })
    expect(run.code).not.toBe(0)
    expect(run.exitAfterSignalMs).toBeLessThan(7500)
    const id = run.outputs['batch-id']!
    expect(id).toMatch(/^batch_/)
    const cancelRequest = api.log.find((entry) => entry.op === 'cancel' && entry.batchId === id)
    expect(cancelRequest?.status).toBe(200)
    expect(['cancelling', 'cancelled']).toContain(batchOf(id).status)
    expect(run.outputs.status).toBe('cancelling')
    expect(run.stdout).toMatch(
      new RegExp(`::error::The step was cancelled \\(SIGINT\\); batch ${id} was cancelled`)
    )
    expect(run.state).toMatchObject({ 'batch-id': id, settled: 'true' })
    expect(run.summary).toContain(id)
  })

  it('leaves the batch running on SIGTERM when cancel-on-abort is false', async () => {
    const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(2) })
    const run = await runAction({
      workspace,
      inputs: common({
        file: 'requests.jsonl',
        metadata: 'mock_scenario=stuck',
        'cancel-on-abort': 'false'
      }),
      interrupt: { signal: 'SIGTERM', when: /Batch batch_\w+ is in_progress/ }
    })
    expect(run.code).not.toBe(0)
    const id = run.outputs['batch-id']!
    expect(batchOf(id).status).toBe('in_progress')
    expect(run.stdout).toContain('cancel-on-abort is false')
    await sdk.batches.cancel(id)
  })

  it('post step cancels a saved, unsettled batch; does nothing when settled or already ended', async () => {
    const { workspace, batch } = await createDirectly(chatRequests(2), { mock_scenario: 'stuck' })
    const settled = await runAction({
      workspace,
      entry: postEntry,
      inputs: common(),
      state: { 'batch-id': batch.id, settled: 'true' }
    })
    expect(settled.code).toBe(0)
    expect(settled.stdout).toContain('settled by the main step')
    expect(api.log.some((e) => e.op === 'cancel' && e.batchId === batch.id)).toBe(false)

    const post = await runAction({
      workspace,
      entry: postEntry,
      inputs: common(),
      state: { 'batch-id': batch.id, settled: 'false' }
    })
    if (post.code !== 0) console.log(post.stdout, post.stderr)
    expect(post.code).toBe(0)
    expect(post.stdout).toContain(`Cancelled batch ${batch.id}`)
    expect(['cancelling', 'cancelled']).toContain(batchOf(batch.id).status)

    await waitForStatus(batch.id, 'cancelled')
    const again = await runAction({
      workspace,
      entry: postEntry,
      inputs: common(),
      state: { 'batch-id': batch.id, settled: 'false' }
    })
    expect(again.code).toBe(0)
    expect(again.stdout).toContain('already cancelled; nothing to cancel')
    expect(api.log.filter((e) => e.op === 'cancel' && e.batchId === batch.id)).toHaveLength(1)

    // killed after sending a create and before learning the batch's id: found by its key
    const keyed = await createDirectly(chatRequests(2), {
      mock_scenario: 'stuck',
      batch_action_key: 'k'.repeat(32)
    })
    const byKey = await runAction({
      workspace: keyed.workspace,
      entry: postEntry,
      inputs: common(),
      state: { 'idempotency-key': 'k'.repeat(32) }
    })
    expect(byKey.code).toBe(0)
    expect(byKey.stdout).toContain(`Cancelled batch ${keyed.batch.id}`)
    expect(['cancelling', 'cancelled']).toContain(batchOf(keyed.batch.id).status)
    const noneByKey = await runAction({
      workspace,
      entry: postEntry,
      inputs: common(),
      state: { 'idempotency-key': 'z'.repeat(32) }
    })
    expect(noneByKey.code).toBe(0)
    expect(noneByKey.stdout).toContain('no batch was created')

    const none = await runAction({ workspace, entry: postEntry, inputs: common(), state: {} })
    expect(none.stdout).toContain('No batch was created by this step')
  })
})
