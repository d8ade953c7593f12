// Fault injection: for each call the action makes and each fault, the end state must hold:
// the step succeeds, its outputs are set, exactly one batch exists for the run, the uploaded bytes
// equal the file, and nothing is left half-written.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import OpenAI from 'openai'
import {
  startMockBatchApi,
  type FaultRule,
  type MockBatchApi
} from '../tools/mock-batch-api/server.mjs'
import {
  chatRequests,
  makeWorkspace,
  runAction,
  type ActionRun
} from '../__fixtures__/action-process.js'
import {
  CALLS,
  CANCELLATIONS,
  DOWNLOAD_ONLY,
  FAULTS,
  OUTAGES,
  type FaultedCall
} from '../__fixtures__/fault-scenarios.js'

const KEY = 'fault-key-5d1e'
let api: MockBatchApi
let sdk: OpenAI
let scenario = 0

beforeAll(async () => {
  api = await startMockBatchApi({
    apiKey: KEY,
    timings: { validatingMs: 30, inProgressMs: 150, finalizingMs: 30, cancellingMs: 60 }
  })
  sdk = new OpenAI({ apiKey: KEY, baseURL: api.url, maxRetries: 0 })
})
afterAll(async () => {
  await api.close()
})
beforeEach(() => {
  api.clearFaults()
})

const inputs = (extra: Record<string, string> = {}) => ({
  'base-url': api.url,
  'api-key': KEY,
  'poll-interval': '0.05',
  'max-poll-interval': '0.2',
  'request-timeout': '1s',
  'max-attempts': '5',
  ...extra
})

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name))
}

/** The end state every scenario must reach. */
async function expectSoundEnd(run: ActionRun, workspace: string, content: string) {
  if (run.code !== 0) console.log(run.stdout, run.stderr)
  expect(run.code).toBe(0)
  const sha = createHash('sha256').update(content).digest('hex')
  const mine = api.batches().filter((b) => b.metadata?.input_sha256 === sha)
  expect(mine).toHaveLength(1)
  const [batch] = mine
  expect(run.outputs['batch-id']).toBe(batch!.id)
  expect(run.outputs.status).toBe('completed')
  expect(api.fileBytes(batch!.input_file_id).toString()).toBe(content)
  const files = await filesUnder(workspace)
  expect(files.filter((f) => f.includes('.part'))).toEqual([])
  const output = await readFile(run.outputs['output-path']!)
  expect(output).toEqual(api.fileBytes(batch!.output_file_id!))
  const results = (await readFile(run.outputs['results-path']!, 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l))
  expect(results.map((r) => r.status)).toEqual(Array(results.length).fill('ok'))
  expect(JSON.parse(run.outputs.batch!).id).toBe(batch!.id)
}

/**
 * A 429 with Retry-After must hold back the request after it by at least that long; a poll's
 * only up to max-poll-interval, the user's bound on how stale the view of the batch may get.
 */
function expectRetryAfterHonoured(rule: Omit<FaultRule, 'op'>, call: FaultedCall, from: number) {
  if (rule.fault !== 'status' || rule.retryAfter === undefined) return
  const waitMs =
    call === 'retrieve'
      ? Math.min(rule.retryAfter, Number(inputs()['max-poll-interval'])) * 1000
      : rule.retryAfter * 1000
  const entries = api.log.slice(from)
  const faulted = entries.flatMap((e, i) => (e.op === call && e.fault === 'status' ? [i] : []))
  expect(faulted.length).toBe(rule.times ?? 1)
  for (const i of faulted) {
    const next = entries[i + 1]
    expect(next).toBeDefined()
    expect(next!.at - entries[i]!.at).toBeGreaterThanOrEqual(waitMs - 10)
  }
}

async function runUnderFault(call: FaultedCall, rule: Omit<FaultRule, 'op'>) {
  scenario++
  const logged = api.log.length
  const content = chatRequests(4, (line) => {
    line.custom_id = `s${scenario}-${line.custom_id as string}`
  })
  const workspace = await makeWorkspace({ 'requests.jsonl': content })
  if (call === 'list') {
    // list is what reconciles an ambiguous create: make the create ambiguous, then fault the list.
    // The first list is the check of the key before the upload: a no-op rule lets it through, so
    // the fault lands on the list that looks for the dropped create's batch.
    api.addFault({ op: 'list', fault: 'delay', delayMs: 0 })
    api.addFault({ op: 'create', fault: 'drop-after' })
  }
  if (call === 'cancel') {
    const file = await sdk.files.create({
      file: await OpenAI.toFile(Buffer.from(content), 'r.jsonl'),
      purpose: 'batch'
    })
    const batch = await sdk.batches.create({
      input_file_id: file.id,
      endpoint: '/v1/chat/completions',
      completion_window: '24h',
      metadata: { mock_scenario: 'stuck' }
    })
    const cancelLogged = api.log.length
    api.addFault({ op: 'cancel', ...rule })
    const run = await runAction({
      workspace,
      inputs: inputs({ command: 'cancel', 'batch-id': batch.id })
    })
    if (run.code !== 0) console.log(run.stdout, run.stderr)
    expect(api.faults().filter((f) => f.op === 'cancel')).toEqual([])
    expect(
      api.log.slice(cancelLogged).some((e) => e.op === 'cancel' && e.fault === rule.fault)
    ).toBe(true)
    expectRetryAfterHonoured(rule, call, cancelLogged)
    expect(run.code).toBe(0)
    expect(run.outputs['batch-id']).toBe(batch.id)
    expect(run.outputs.status).toBe('cancelled')
    expect(api.batches().find((b) => b.id === batch.id)?.status).toBe('cancelled')
    expect((await filesUnder(workspace)).filter((f) => f.includes('.part'))).toEqual([])
    return
  }
  api.addFault({ op: call, ...rule })
  const run = await runAction({ workspace, inputs: inputs({ file: 'requests.jsonl' }) })
  await expectSoundEnd(run, workspace, content)
  expect(api.faults().filter((f) => f.op === call)).toEqual([])
  expect(api.log.slice(logged).some((e) => e.op === call && e.fault === rule.fault)).toBe(true)
  expectRetryAfterHonoured(rule, call, logged)
}

describe.each(CALLS)('%s under fault', (call) => {
  it.each(FAULTS)('$name', async ({ rule }) => {
    await runUnderFault(call, rule)
  })
})

describe('download under fault', () => {
  it.each(DOWNLOAD_ONLY)('$name', async ({ rule }) => {
    await runUnderFault('download', rule)
  })
})

describe('outages and final errors', () => {
  it(OUTAGES.longOutage, async () => {
    scenario++
    const content = chatRequests(
      3,
      (line) => void (line.custom_id = `outage-${line.custom_id as string}`)
    )
    const workspace = await makeWorkspace({ 'requests.jsonl': content })
    api.addFault({ op: 'retrieve', fault: 'status', status: 503, times: 8 })
    const run = await runAction({ workspace, inputs: inputs({ file: 'requests.jsonl' }) })
    await expectSoundEnd(run, workspace, content)
    expect(run.stdout).toMatch(/::warning::Poll 8 of at most 10 in a row failed/)
  })

  it(OUTAGES.tooManyInARow, async () => {
    const content = chatRequests(
      2,
      (line) => void (line.custom_id = `down-${line.custom_id as string}`)
    )
    const workspace = await makeWorkspace({ 'requests.jsonl': content })
    api.addFault({ op: 'retrieve', fault: 'status', status: 502, times: 50 })
    const run = await runAction({
      workspace,
      inputs: inputs({ file: 'requests.jsonl', 'max-consecutive-errors': '3' })
    })
    expect(run.code).toBe(1)
    expect(run.outputs['batch-id']).toMatch(/^batch_/)
    expect(run.stdout).toMatch(
      /::error::3 polls in a row failed .*collect the batch later with command: status/
    )
  })

  it(OUTAGES.final4xx, async () => {
    const before = api.batches().length
    const workspace = await makeWorkspace({
      'requests.jsonl': chatRequests(
        2,
        (l) => void (l.custom_id = `final-${l.custom_id as string}`)
      )
    })
    api.addFault({ op: 'upload', fault: 'status', status: 413, times: 5 })
    const logged = api.log.length
    const run = await runAction({ workspace, inputs: inputs({ file: 'requests.jsonl' }) })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::127\.0\.0\.1:\d+ answered HTTP 413: Mock fault: HTTP 413/)
    expect(api.log.slice(logged).filter((e) => e.op === 'upload').length).toBe(1)
    expect(api.batches().length).toBe(before)
  })

  it(OUTAGES.attemptsExhausted, async () => {
    const workspace = await makeWorkspace({
      'requests.jsonl': chatRequests(2, (l) => void (l.custom_id = `give-${l.custom_id as string}`))
    })
    const before = api.log.filter((e) => e.op === 'upload').length
    api.addFault({ op: 'upload', fault: 'status', status: 503, times: 3 })
    const run = await runAction({
      workspace,
      inputs: inputs({ file: 'requests.jsonl', 'max-attempts': '3' })
    })
    expect(run.code).toBe(1)
    expect(api.log.filter((e) => e.op === 'upload').length - before).toBe(3)
    expect(run.stdout).toMatch(/Upload failed \(attempt 2 of 3/)
  })
})

describe('cancellation under fault', () => {
  it(CANCELLATIONS.duringUpload, async () => {
    const before = api.batches().length
    const workspace = await makeWorkspace({
      'requests.jsonl': chatRequests(
        3,
        (l) => void (l.custom_id = `sigup-${l.custom_id as string}`)
      )
    })
    api.addFault({ op: 'upload', fault: 'stall' })
    const uploads = api.log.filter((e) => e.op === 'upload').length
    const run = await runAction({
      workspace,
      inputs: inputs({ file: 'requests.jsonl', 'request-timeout': '30s' }),
      interrupt: {
        signal: 'SIGINT',
        when: () => until(() => api.log.filter((e) => e.op === 'upload').length > uploads)
      }
    })
    expect(run.code).not.toBe(0)
    expect(run.exitAfterSignalMs).toBeLessThan(7500)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(api.batches().length).toBe(before)
    expect(run.stdout).toMatch(
      /::error::The step was cancelled \(SIGINT\) before a batch was created; nothing was created/
    )
  })

  it(CANCELLATIONS.duringAmbiguousCreate, async () => {
    const content = chatRequests(
      3,
      (l) => void (l.custom_id = `sigcreate-${l.custom_id as string}`)
    )
    const workspace = await makeWorkspace({ 'requests.jsonl': content })
    api.addFault({ op: 'create', fault: 'stall-after' })
    const creates = api.log.filter((e) => e.op === 'create').length
    const run = await runAction({
      workspace,
      inputs: inputs({
        file: 'requests.jsonl',
        'request-timeout': '30s',
        metadata: 'mock_scenario=stuck'
      }),
      interrupt: {
        signal: 'SIGINT',
        when: () => until(() => api.log.filter((e) => e.op === 'create').length > creates)
      }
    })
    expect(run.code).not.toBe(0)
    expect(run.exitAfterSignalMs).toBeLessThan(7500)
    const sha = createHash('sha256').update(content).digest('hex')
    const mine = api.batches().filter((b) => b.metadata?.input_sha256 === sha)
    expect(mine).toHaveLength(1)
    expect(['cancelling', 'cancelled']).toContain(mine[0]!.status)
    expect(run.outputs['batch-id']).toBe(mine[0]!.id)
    expect(run.stdout).toMatch(
      /::error::The step was cancelled \(SIGINT\); batch batch_\w+ was cancelled/
    )
  })

  it(CANCELLATIONS.duringCreateNeverDone, async () => {
    const before = api.batches().length
    const workspace = await makeWorkspace({
      'requests.jsonl': chatRequests(
        2,
        (l) => void (l.custom_id = `signone-${l.custom_id as string}`)
      )
    })
    api.addFault({ op: 'create', fault: 'stall' })
    const creates = api.log.filter((e) => e.op === 'create').length
    const run = await runAction({
      workspace,
      inputs: inputs({ file: 'requests.jsonl', 'request-timeout': '30s' }),
      interrupt: {
        signal: 'SIGINT',
        when: () => until(() => api.log.filter((e) => e.op === 'create').length > creates)
      }
    })
    expect(run.code).not.toBe(0)
    expect(api.batches().length).toBe(before)
    expect(run.stdout).toMatch(/while creating the batch; no batch was listed for this step yet/)
  })
})

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition never held')
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}
