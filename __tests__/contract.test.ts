// Contract with the official OpenAI OpenAPI description: every command of the bundled action runs
// against Steady, the mock server the openai SDK's own tests use, which answers any request that
// breaks the spec with HTTP 400 (and lists the problems in x-steady-error-* headers).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { chatRequests, makeWorkspace, repoRoot, runAction } from '../__fixtures__/action-process.js'

// The official description, kept in the repository (see __fixtures__/openapi/README.md).
const SPEC = path.join(repoRoot, '__fixtures__', 'openapi', 'openai-openapi.json')
// Steady as the openai SDK's own tests run it, fetched by npm exec (no devDependency: the registry
// serves only some of its platform packages, which a lock file cannot then describe).
const STEADY_PACKAGE = '@stdy/cli@0.22.1'

let steady: ChildProcess | undefined
let baseUrl = ''

async function startSteady(): Promise<void> {
  // A missing prerequisite fails the suite: a contract that was never checked must not pass.
  if (!existsSync(SPEC)) throw new Error(`The OpenAPI description ${SPEC} is missing`)
  const port = 40000 + Math.floor(Math.random() * 20000)
  // Its own process group, so that stopping it also stops npm's child, the server itself.
  steady = spawn(
    'npm',
    [
      'exec',
      '--yes',
      `--package=${STEADY_PACKAGE}`,
      '--',
      'steady',
      '--host',
      '127.0.0.1',
      '-p',
      String(port),
      SPEC
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], detached: true }
  )
  let log = ''
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Steady did not start:\n${log}`)), 90_000)
    const onData = (chunk: Buffer) => {
      log += chunk.toString()
      if (/Ready to accept requests|Server listening at/.test(log)) {
        clearTimeout(timer)
        resolve()
      }
    }
    steady!.stdout!.on('data', onData)
    steady!.stderr!.on('data', onData)
    steady!.on('exit', (code) => reject(new Error(`Steady exited with ${code}:\n${log}`)))
  })
  baseUrl = `http://127.0.0.1:${port}`
}

describe('OpenAPI contract (Steady)', () => {
  beforeAll(async () => {
    await startSteady()
  }, 100_000)
  afterAll(async () => {
    if (!steady?.pid) return
    const exited = new Promise((resolve) => steady!.once('exit', resolve))
    process.kill(-steady.pid, 'SIGKILL')
    await exited
  })

  const common = () => ({
    'base-url': baseUrl,
    'api-key': 'contract-key',
    'poll-interval': '0.05',
    'max-poll-interval': '0.1'
  })

  function expectNoSpecViolation(run: { stdout: string; code: number | null }) {
    expect(run.stdout).not.toMatch(/HTTP 400/)
  }

  it('run: the upload and the create pass the spec', async () => {
    const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(3) })
    const run = await runAction({
      workspace,
      inputs: { ...common(), file: 'requests.jsonl', wait: 'false', metadata: 'suite=contract' }
    })
    expectNoSpecViolation(run)
    expect(run.code).toBe(0)
    expect(run.outputs['batch-id']).toBeTruthy()
    expect(run.outputs['input-file-id']).toBeTruthy()
  })

  it('run with wait: retrieve (and download when a random answer is terminal) pass the spec', async () => {
    const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(2) })
    const run = await runAction({
      workspace,
      inputs: { ...common(), file: 'requests.jsonl', 'wait-timeout': '2s', 'on-timeout': 'leave' }
    })
    expectNoSpecViolation(run)
    expect(run.outputs['batch-id']).toBeTruthy()
    // Steady's example answer decides the ending: a batch still running is left (success), one
    // that ended failed, expired or cancelled fails the step, a completed one succeeds.
    const status = run.outputs.status ?? ''
    expect(status).toMatch(/^[a-z_]+$/)
    const failing = ['failed', 'expired', 'cancelled'].includes(status)
    if (run.code !== (failing ? 1 : 0)) console.log(run.stdout, run.stderr)
    expect(run.code).toBe(failing ? 1 : 0)
    if (!failing && status !== 'completed')
      expect(run.stdout).toMatch(/::notice::The wait timed out .* it was left running/)
  })

  it('status passes the spec', async () => {
    const workspace = await makeWorkspace()
    const run = await runAction({
      workspace,
      inputs: { ...common(), command: 'status', 'batch-id': 'batch_abc123', wait: 'false' }
    })
    expectNoSpecViolation(run)
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBeTruthy()
  })

  it('cancel passes the spec', async () => {
    const workspace = await makeWorkspace()
    const run = await runAction({
      workspace,
      inputs: { ...common(), command: 'cancel', 'batch-id': 'batch_abc123', wait: 'false' }
    })
    expectNoSpecViolation(run)
    expect(run.code).toBe(0)
  })

  it('list passes the spec', async () => {
    const workspace = await makeWorkspace()
    const run = await runAction({
      workspace,
      inputs: { ...common(), command: 'list', 'list-limit': '5' }
    })
    expectNoSpecViolation(run)
    expect(run.code).toBe(0)
    expect(Array.isArray(JSON.parse(run.outputs.batches ?? 'null'))).toBe(true)
  })
})
