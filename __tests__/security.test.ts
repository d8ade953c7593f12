// The key never appears anywhere the action writes, even with the SDK's debug log on; the
// production dependencies are exactly the four the action is designed on.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { startMockBatchApi, type MockBatchApi } from '../tools/mock-batch-api/server.mjs'
import {
  chatRequests,
  makeWorkspace,
  repoRoot,
  runAction,
  type ActionRun
} from '../__fixtures__/action-process.js'

const KEY = 'sk-security-key-4b8e2f'
let api: MockBatchApi

beforeAll(async () => {
  api = await startMockBatchApi({
    apiKey: KEY,
    timings: { validatingMs: 10, inProgressMs: 50, finalizingMs: 10 }
  })
})
afterAll(async () => {
  await api.close()
})

function everythingWritten(run: ActionRun): string {
  return [
    run.stdout.replaceAll(`::add-mask::${KEY}`, ''),
    run.stderr,
    JSON.stringify(run.outputs),
    JSON.stringify(run.state),
    run.summary
  ].join('\n')
}

describe('the key', () => {
  const fast = { 'poll-interval': '0.02', 'max-poll-interval': '0.05' }

  it('is masked and absent from every log line with the debug log on', async () => {
    const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(3) })
    const run = await runAction({
      workspace,
      inputs: { file: 'requests.jsonl', 'base-url': api.url, 'api-key': KEY, ...fast },
      env: { RUNNER_DEBUG: '1' }
    })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`::add-mask::${KEY}`)
    expect(run.stdout).toContain('::debug::openai:')
    expect(everythingWritten(run)).not.toContain(KEY)
  })

  it("is absent from errors, including the server's own 401 message", async () => {
    const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(1) })
    const wrong = 'sk-wrong-key-0c0c0c'
    const run = await runAction({
      workspace,
      inputs: { file: 'requests.jsonl', 'base-url': api.url, ...fast },
      env: { OPENAI_API_KEY: wrong, RUNNER_DEBUG: '1' }
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/rejected the API key from the OPENAI_API_KEY environment variable/)
    expect(
      [
        run.stdout.replaceAll(`::add-mask::${wrong}`, ''),
        run.stderr,
        JSON.stringify(run.outputs),
        run.summary
      ].join('\n')
    ).not.toContain(wrong)
  })

  it('is sent only to base-url, as a bearer token', async () => {
    const logged = api.log.length
    const workspace = await makeWorkspace()
    const run = await runAction({
      workspace,
      inputs: { command: 'list', 'base-url': api.url, 'api-key': KEY }
    })
    expect(run.code).toBe(0)
    const entries = api.log.slice(logged)
    expect(entries.length).toBeGreaterThan(0)
    expect(entries.every((e) => e.authorized && e.headers.authorization === 'REDACTED')).toBe(true)
  })
})

describe('dependencies', () => {
  it('are exactly @actions/core, @actions/github, openai and zod', async () => {
    const pkg = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>
      engines: { node: string }
    }
    expect(Object.keys(pkg.dependencies).sort()).toEqual([
      '@actions/core',
      '@actions/github',
      'openai',
      'zod'
    ])
    expect(pkg.engines.node).toBe('>=24')
  })
})
