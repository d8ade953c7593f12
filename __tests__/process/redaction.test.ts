// The key stays out of everything the action writes even when the server echoes it back: in 401,
// 400 and 5xx error messages, in a response header (which the SDK's debug log prints), in the
// batch object and in the messages of the error file. Each scenario first proves the echo reached
// the action (a redacted `***` where the key was), then that the key appears nowhere.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { startMockBatchApi, type MockBatchApi } from '../../tools/mock-batch-api/server.mjs'
import {
  chatRequests,
  makeWorkspace,
  runAction,
  type ActionRun
} from '../../__fixtures__/action-process.js'
import { apiError, startFaultProxy, type FaultProxy } from '../../__fixtures__/fault-proxy.js'

const KEY = 'sk-echoed-key-6c1d0e9a'
let api: MockBatchApi
let proxy: FaultProxy

beforeAll(async () => {
  api = await startMockBatchApi({
    apiKey: KEY,
    timings: { validatingMs: 10, inProgressMs: 60, finalizingMs: 10 }
  })
  proxy = await startFaultProxy(new URL(api.url).origin)
})
afterAll(async () => {
  await proxy.close()
  await api.close()
})

async function runWithDebug(content: string, extra: Record<string, string> = {}) {
  proxy.clear()
  const workspace = await makeWorkspace({ 'requests.jsonl': content })
  return {
    workspace,
    start: (more: Record<string, string> = {}) =>
      runAction({
        workspace,
        inputs: {
          file: 'requests.jsonl',
          'base-url': proxy.url,
          'api-key': KEY,
          'poll-interval': '0.02',
          'max-poll-interval': '0.05',
          'max-attempts': '2',
          ...extra,
          ...more
        },
        env: { RUNNER_DEBUG: '1' }
      })
  }
}

/** Every place the action writes text: logs, outputs, state, summary (the mask command aside). */
function expectKeyNowhere(run: ActionRun) {
  expect(run.stdout).toContain(`::add-mask::${KEY}`)
  const written: Record<string, string> = {
    stdout: run.stdout.replaceAll(`::add-mask::${KEY}`, ''),
    stderr: run.stderr,
    GITHUB_OUTPUT: run.rawOutputs,
    GITHUB_STATE: run.rawState,
    GITHUB_STEP_SUMMARY: run.summary
  }
  for (const [where, text] of Object.entries(written))
    expect([where, text.includes(KEY)]).toEqual([where, false])
}

/** Every file under `dir`, however deep. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
}

function failureMessage(run: ActionRun): string {
  return run.stdout
    .split('\n')
    .filter((line) => line.startsWith('::error::'))
    .join('\n')
}

const echo = (what: string) => `${what}: the key you sent was ${KEY}`

describe('a key the server echoes back', () => {
  it('in a 401 message while waiting: the failure message and the summary are redacted', async () => {
    const { start } = await runWithDebug(chatRequests(2))
    const rule = proxy.add({
      op: 'retrieve',
      action: {
        answer: {
          status: 401,
          headers: { 'x-echo': KEY },
          body: apiError(echo('Incorrect API key'))
        }
      }
    })
    const run = await start()
    expect(proxy.applied(rule)).toBeGreaterThan(0)
    expect(run.code).toBe(1)
    expect(failureMessage(run)).toMatch(
      /rejected the API key .*Incorrect API key: the key you sent was \*\*\*/
    )
    expect(run.summary).toContain('the key you sent was ***')
    expect(run.outputs['batch-id']).toMatch(/^batch_/)
    expectKeyNowhere(run)
  })

  it('in a 400 message on create: the failure message is redacted', async () => {
    const { start } = await runWithDebug(chatRequests(2))
    const rule = proxy.add({
      op: 'create',
      action: { answer: { status: 400, body: apiError(echo('Bad metadata')) } }
    })
    const run = await start()
    expect(proxy.applied(rule)).toBe(1)
    expect(run.code).toBe(1)
    expect(failureMessage(run)).toMatch(
      /answered HTTP 400: Bad metadata: the key you sent was \*\*\*/
    )
    expectKeyNowhere(run)
  })

  it('in 5xx messages: retry lines, poll warnings, download retries and the final failure are redacted', async () => {
    const { start } = await runWithDebug(chatRequests(2))
    const unavailable = {
      answer: {
        status: 503,
        headers: { 'x-echo': KEY },
        body: apiError(echo('Overloaded'), 'server_error')
      }
    }
    const create = proxy.add({ op: 'create', times: 1, action: unavailable })
    const retrieve = proxy.add({ op: 'retrieve', times: 2, action: unavailable })
    const download = proxy.add({ op: 'download', times: 1, action: unavailable })
    const survived = await start({ 'max-attempts': '3' })
    expect([proxy.applied(create), proxy.applied(retrieve), proxy.applied(download)]).toEqual([
      1, 2, 1
    ])
    if (survived.code !== 0) console.log(survived.stdout)
    expect(survived.code).toBe(0)
    expect(survived.stdout).toMatch(
      /Create batch failed \(attempt 1 of 3: .*the key you sent was \*\*\*/
    )
    expect(survived.stdout).toMatch(
      /::warning::Poll 1 of at most \d+ in a row failed: .*the key you sent was \*\*\*/
    )
    expect(survived.stdout).toMatch(
      /Download of file-\w+ failed \(attempt 1: .*the key you sent was \*\*\*/
    )
    expectKeyNowhere(survived)

    const { start: again } = await runWithDebug(chatRequests(3))
    proxy.add({ op: 'retrieve', action: unavailable })
    const failed = await again({ 'max-consecutive-errors': '2' })
    expect(failed.code).toBe(1)
    expect(failureMessage(failed)).toMatch(
      /2 polls in a row failed \(last: .*the key you sent was \*\*\*/
    )
    expect(failed.summary).toContain('the key you sent was ***')
    expectKeyNowhere(failed)
  })

  it('in a header of every answer: the SDK debug log is redacted', async () => {
    const { start } = await runWithDebug(chatRequests(2))
    const addHeader = {
      rewrite: (response: { headers: Record<string, string> }) => ({
        headers: { ...response.headers, 'x-request-id': `req-${KEY}` }
      })
    }
    for (const op of ['upload', 'create', 'retrieve', 'download'] as const)
      proxy.add({ op, action: addHeader })
    const run = await start()
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/::debug::openai:.*req-\*\*\*/)
    expectKeyNowhere(run)
  })

  it('in the batch object and its errors: outputs, failure message and summary are redacted', async () => {
    const { start } = await runWithDebug(chatRequests(2), {
      metadata: 'mock_scenario=fail_validation'
    })
    const rule = proxy.add({
      op: 'retrieve',
      action: {
        rewrite: ({ body }) => {
          const batch = JSON.parse(body.toString())
          batch.metadata = { ...batch.metadata, echoed: KEY }
          for (const error of batch.errors?.data ?? []) error.message = echo(error.message)
          return { body: Buffer.from(JSON.stringify(batch)) }
        }
      }
    })
    const run = await start()
    expect(proxy.applied(rule)).toBeGreaterThan(0)
    expect(run.code).toBe(1)
    expect(failureMessage(run)).toMatch(
      /Batch batch_\w+ failed: line 1: .*the key you sent was \*\*\*/
    )
    expect(JSON.parse(run.outputs.batch!).metadata.echoed).toBe('***')
    expect(run.summary).toContain('the key you sent was ***')
    expectKeyNowhere(run)
  })

  describe("in the error file's messages", () => {
    let run: ActionRun
    let workspace: string
    let applied = 0
    beforeAll(async () => {
      const marker = 'ECHO-THE-KEY'
      // The answer to request 2 echoes its prompt: the key, spelled with a JSON escape that a search
      // of the downloaded bytes cannot see, comes out in plain text once the join parses the line.
      const escapeMarker = 'ESCAPE-THE-KEY'
      const content = chatRequests(3, (line, i) => {
        const body = line.body as { mock_error?: string; messages: { content: string }[] }
        if (i !== 1) body.mock_error = `${marker} (request ${i + 1})`
        else body.messages[0]!.content = `${escapeMarker} ok`
      })
      const started = await runWithDebug(content)
      const { start } = started
      workspace = started.workspace
      const rule = proxy.add({
        op: 'download',
        action: {
          rewrite: ({ body }) => ({
            body: Buffer.from(
              body
                .toString()
                .replaceAll(marker, echo('Rejected'))
                .replaceAll(escapeMarker, `\\u0073${KEY.slice(1)}`)
            )
          })
        }
      })
      run = await start()
      applied = proxy.applied(rule)
    })

    it('the logs, outputs and state are clean', () => {
      expect(applied).toBe(2)
      expect(run.code).toBe(0)
      expect(run.outputs.failed).toBe('2')
      const { summary: _summary, ...rest } = run
      expectKeyNowhere({ ...rest, summary: '' })
    })

    it("the summary's table of failed requests is redacted", () => {
      expect(run.summary).toContain('Rejected: the key you sent was ***')
      expect(run.summary).not.toContain(KEY)
    })

    // The downloaded files are the provider's bytes with the key masked (the one change made to
    // them), and results.jsonl is built from them: no file under results-dir holds the key.
    it('no file written under results-dir holds the key: errors.jsonl, output.jsonl, results.jsonl', async () => {
      const errorFile = run.outputs['error-path']!
      const dir = path.dirname(run.outputs['results-path']!)
      expect(path.dirname(errorFile)).toBe(dir)
      expect(await readFile(errorFile, 'utf8')).toContain('Rejected: the key you sent was ***')
      const files = await filesUnder(path.join(workspace, 'batch-results'))
      expect(files.map((file) => path.basename(file)).sort()).toEqual([
        'errors.jsonl',
        'output.jsonl',
        'results.jsonl'
      ])
      for (const file of files)
        expect([file, (await readFile(file, 'utf8')).includes(KEY)]).toEqual([file, false])
      const results = await readFile(run.outputs['results-path']!, 'utf8')
      expect(results).toContain('the key you sent was ***')
      expect(results).toContain('echo: *** ok')
      expect(await readFile(run.outputs['output-path']!, 'utf8')).toContain(
        `echo: \\u0073${KEY.slice(1)} ok`
      )
    })
  })
})
