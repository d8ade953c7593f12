// Exactly one batch per step and input, across run attempts, matrix legs and the post step, through
// the bundled entries run the way the runner runs them (GITHUB_ACTIONS=true, a run id, attempts).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startMockBatchApi, type MockBatchApi } from '../../tools/mock-batch-api/server.mjs'
import {
  chatRequests,
  makeWorkspace,
  postEntry,
  runAction,
  type ActionRun
} from '../../__fixtures__/action-process.js'
import { until } from '../../__fixtures__/fault-proxy.js'
import { AMBIGUOUS_CREATES, RERUNS } from '../../__fixtures__/fault-scenarios.js'

const KEY = 'exactly-once-key-3b9e'
let api: MockBatchApi

beforeAll(async () => {
  api = await startMockBatchApi({
    apiKey: KEY,
    timings: { validatingMs: 10, inProgressMs: 200, finalizingMs: 10, cancellingMs: 50 }
  })
})
afterAll(() => api.close())

let runs = 0
/** One workflow run: a step of a job, whose attempts share the run id. */
function workflowRun() {
  const runId = String(900_000 + ++runs + Math.floor(Math.random() * 1000) * 100)
  const env = (attempt: number) => ({
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'octo/evals',
    GITHUB_RUN_ID: runId,
    GITHUB_RUN_ATTEMPT: String(attempt),
    GITHUB_JOB: 'eval',
    GITHUB_ACTION: 'submit'
  })
  return { runId, env, onServer: () => api.batches({ metadata: { github_run_id: runId } }) }
}

const inputs = (extra: Record<string, string> = {}) => ({
  'base-url': api.url,
  'api-key': KEY,
  file: 'requests.jsonl',
  'poll-interval': '0.05',
  'max-poll-interval': '0.2',
  ...extra
})

const count = (op: string) => api.log.filter((entry) => entry.op === op).length

async function attempt(
  workspace: string,
  env: Record<string, string>,
  extra: Record<string, string> = {}
): Promise<{ run: ActionRun; uploads: number; creates: number }> {
  const [uploadsBefore, createsBefore] = [count('upload'), count('create')]
  const run = await runAction({ workspace, inputs: inputs(extra), env })
  return { run, uploads: count('upload') - uploadsBefore, creates: count('create') - createsBefore }
}

describe('a re-run finds the batch of the earlier attempt', () => {
  it(
    RERUNS.running,
    async () => {
      const { env, onServer } = workflowRun()
      const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(3) })
      const meta = { metadata: 'mock_in_progress_ms=5000' }
      const first = await attempt(workspace, env(1), { ...meta, wait: 'false' })
      expect(first.run.code).toBe(0)
      const id = first.run.outputs['batch-id']!
      expect(api.batch(id)?.status).not.toBe('completed')

      const second = await attempt(workspace, env(2), meta)
      expect(second.run.code).toBe(0)
      expect(second).toMatchObject({ uploads: 0, creates: 0 })
      expect(second.run.outputs['batch-id']).toBe(id)
      expect(second.run.outputs.status).toBe('completed')
      expect(second.run.outputs['results-path']).toContain(id)
      expect(second.run.stdout).toMatch(
        new RegExp(`Batch ${id} of an earlier attempt .* is in_progress: waiting on it`)
      )
      expect(onServer().map((b) => b.id)).toEqual([id])
    },
    30_000
  )

  it(
    RERUNS.completed,
    async () => {
      const { env, onServer } = workflowRun()
      const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(3) })
      const first = await attempt(workspace, env(1))
      expect(first.run.outputs.status).toBe('completed')
      const second = await attempt(workspace, env(2))
      expect(second.run.code).toBe(0)
      expect(second).toMatchObject({ uploads: 0, creates: 0 })
      expect(second.run.outputs['batch-id']).toBe(first.run.outputs['batch-id'])
      expect(second.run.outputs.total).toBe('3')
      expect(second.run.stdout).toContain('collecting its results')
      expect(onServer()).toHaveLength(1)
      // The step is settled: its post step has nothing to do.
      expect(second.run.state.settled).toBe('true')
    },
    30_000
  )

  it.each([
    [RERUNS.failed, 'failed', 'mock_scenario=fail_validation'],
    [RERUNS.expired, 'expired', 'mock_scenario=expire']
  ])(
    '%s',
    async (_title, status, metadata) => {
      const { env, onServer } = workflowRun()
      const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(2) })
      const first = await attempt(workspace, env(1), { metadata })
      const id = first.run.outputs['batch-id']!
      expect(api.batch(id)?.status).toBe(status)
      const second = await attempt(workspace, env(2), { metadata })
      expect(second).toMatchObject({ uploads: 1, creates: 1 })
      expect(second.run.outputs['batch-id']).not.toBe(id)
      expect(second.run.stdout).toContain(
        `Batch ${id} of an earlier attempt of this step ended ${status}; creating a new one`
      )
      expect(onServer()).toHaveLength(2)
    },
    30_000
  )

  it(
    RERUNS.cancelled,
    async () => {
      const { env, onServer } = workflowRun()
      const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(2) })
      const stuck = { metadata: 'mock_scenario=stuck', wait: 'false' }
      const first = await attempt(workspace, env(1), stuck)
      const id = first.run.outputs['batch-id']!
      await runAction({
        workspace,
        inputs: inputs({ command: 'cancel', 'batch-id': id, wait: 'true' }),
        env: env(1)
      })
      await new Promise((resolve) => setTimeout(resolve, 200))
      expect(api.batch(id)?.status).toBe('cancelled')
      const second = await attempt(workspace, env(2), stuck)
      expect(second).toMatchObject({ uploads: 1, creates: 1 })
      const next = second.run.outputs['batch-id']!
      expect(next).not.toBe(id)
      expect(second.run.stdout).toContain(`ended cancelled; creating a new one`)
      expect(
        onServer()
          .filter((b) => !b.status.startsWith('cancel'))
          .map((b) => b.id)
      ).toEqual([next])
      await runAction({
        workspace,
        inputs: inputs({ command: 'cancel', 'batch-id': next }),
        env: env(2)
      })
    },
    30_000
  )

  it(
    RERUNS.never,
    async () => {
      const { env, onServer } = workflowRun()
      const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(2) })
      await attempt(workspace, env(1), { reuse: 'never' })
      const second = await attempt(workspace, env(2), { reuse: 'never' })
      expect(second).toMatchObject({ uploads: 1, creates: 1 })
      expect(onServer()).toHaveLength(2)
    },
    30_000
  )
})

describe('the pre-upload lookup checks the key', () => {
  it.each(['attempts', 'never'])(
    'a rejected key fails at once, before any upload (reuse: %s)',
    async (reuse) => {
      const { env } = workflowRun()
      const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(2) })
      const [uploadsBefore, listsBefore] = [count('upload'), count('list')]
      const run = await runAction({
        workspace,
        inputs: inputs({ 'api-key': 'wrong-key', reuse }),
        env: env(1)
      })
      expect(run.code).not.toBe(0)
      expect(run.stdout).toMatch(/rejected the API key from the api-key input \(HTTP 401/)
      expect(count('upload')).toBe(uploadsBefore)
      expect(count('list') - listsBefore).toBe(1)
      expect(run.outputs['batch-id']).toBeUndefined()
    }
  )
})

describe('matrix legs (same run, job and step)', () => {
  it(
    RERUNS.matrixLegs,
    async () => {
      const { env, onServer } = workflowRun()
      const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(2) })
      const legA = await attempt(workspace, env(1), {
        metadata: 'leg=a\nmock_scenario=stuck',
        wait: 'false'
      })
      const a = legA.run.outputs['batch-id']!
      const legB = await attempt(workspace, env(1), { metadata: 'leg=b' })
      expect(legB.creates).toBe(1)
      const b = legB.run.outputs['batch-id']!
      expect(b).not.toBe(a)
      expect(legB.run.state['idempotency-key']).not.toBe(legA.run.state['idempotency-key'])

      // Leg B's post, as if its main had died during the create: it looks for B's key only.
      const state = { ...legB.run.state, 'batch-id': '', settled: 'false' }
      const post = await runAction({
        workspace,
        entry: postEntry,
        inputs: inputs({ metadata: 'leg=b', 'request-timeout': '1s' }),
        state,
        env: env(1)
      })
      expect(post.code).toBe(0)
      expect(api.batch(a)?.status).toBe('in_progress')
      expect(onServer()).toHaveLength(2)
      await runAction({
        workspace,
        inputs: inputs({ command: 'cancel', 'batch-id': a }),
        env: env(1)
      })
    },
    30_000
  )
})

describe('the post step', () => {
  it(AMBIGUOUS_CREATES.settledPost, async () => {
    const { env } = workflowRun()
    const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(2) })
    const main = await attempt(workspace, env(1))
    expect(main.run.state.settled).toBe('true')
    const before = api.log.length
    const post = await runAction({
      workspace,
      entry: postEntry,
      inputs: inputs(),
      state: main.run.state,
      env: env(1)
    })
    expect(post.code).toBe(0)
    expect(post.stdout).toContain('settled by the main step')
    expect(api.log.length).toBe(before)
  })

  it(
    AMBIGUOUS_CREATES.sigintLateCommit,
    async () => {
      const { env, onServer } = workflowRun()
      const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(2) })
      api.addFault({ op: 'create', fault: 'late-commit', commitAfterMs: 2500, answer: 'stall' })
      const creates = count('create')
      const main = await runAction({
        workspace,
        inputs: inputs({ metadata: 'mock_scenario=stuck', 'request-timeout': '10s' }),
        env: env(1),
        // Once the create has reached the server (its answer stalls): the log says nothing then.
        interrupt: {
          signal: 'SIGINT',
          when: () => until(() => count('create') > creates)
        }
      })
      expect(main.code).not.toBe(0)
      expect(main.state['idempotency-key']).toMatch(/^[0-9a-f]{32}$/)
      expect(main.state.settled).not.toBe('true')
      expect(main.stdout).toContain('the post step looks for it again')

      const post = await runAction({
        workspace,
        entry: postEntry,
        inputs: inputs({ metadata: 'mock_scenario=stuck', 'request-timeout': '2s' }),
        state: main.state,
        env: env(1)
      })
      expect(post.code).toBe(0)
      const batches = onServer()
      expect(batches).toHaveLength(1)
      expect(post.stdout).toContain(`Cancelled batch ${batches[0]!.id}`)
      expect(['cancelling', 'cancelled']).toContain(api.batch(batches[0]!.id)?.status)
    },
    40_000
  )
})

describe('a busy account', () => {
  it(
    RERUNS.busyAccount,
    async () => {
      const { env, onServer } = workflowRun()
      const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(2) })
      const meta = { metadata: 'mock_in_progress_ms=5000' }
      const first = await attempt(workspace, env(1), { ...meta, wait: 'false' })
      const id = first.run.outputs['batch-id']!
      api.seedBatches({ count: 250, metadata: (i: number) => ({ other_job: String(i) }) })
      const second = await attempt(workspace, env(2), meta)
      expect(second).toMatchObject({ uploads: 0, creates: 0 })
      expect(second.run.outputs['batch-id']).toBe(id)
      expect(second.run.outputs.status).toBe('completed')
      expect(onServer().map((b) => b.id)).toEqual([id])
    },
    30_000
  )
})

describe('ambiguous creates', () => {
  const fast = { 'request-timeout': '1s' }

  it(
    AMBIGUOUS_CREATES.lateWithin,
    async () => {
      const { env, onServer } = workflowRun()
      const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(2) })
      api.addFault({ op: 'create', fault: 'late-commit', commitAfterMs: 2000, status: 504 })
      const run = await attempt(workspace, env(1), fast)
      expect(run.run.code).toBe(0)
      expect(run.creates).toBe(1)
      const batches = onServer()
      expect(batches).toHaveLength(1)
      expect(run.run.outputs['batch-id']).toBe(batches[0]!.id)
      expect(run.run.stdout).toContain(`Adopted batch ${batches[0]!.id}`)
    },
    30_000
  )

  it(
    AMBIGUOUS_CREATES.lateBeyond,
    async () => {
      const { env, onServer } = workflowRun()
      const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(2) })
      // The settle window is 5 s (three 1 s timeouts, at least 5 s); the first create commits at 7 s.
      api.addFault({ op: 'create', fault: 'late-commit', commitAfterMs: 7000, status: 504 })
      const run = await attempt(workspace, env(1), {
        ...fast,
        metadata: 'mock_in_progress_ms=4000'
      })
      expect(run.run.code).toBe(0)
      expect(run.creates).toBe(2)
      const batches = onServer()
      expect(batches).toHaveLength(2)
      const live = batches.filter((b) => !b.status.startsWith('cancel'))
      expect(live.map((b) => b.id)).toEqual([run.run.outputs['batch-id']])
      expect(run.run.stdout).toMatch(/duplicates this step's batch batch_\w+ .*cancelled it/)
    },
    40_000
  )

  it(
    AMBIGUOUS_CREATES.listsFail,
    async () => {
      const { env, onServer } = workflowRun()
      const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(2) })
      // reuse: never makes the check before the upload one list of one batch, let through by a
      // no-op rule; every list after the dropped create fails.
      const never = { ...fast, metadata: 'mock_scenario=stuck', reuse: 'never' }
      api.addFault({ op: 'list', fault: 'delay', delayMs: 0 })
      api.addFault({ op: 'create', fault: 'drop-after' })
      api.addFault({ op: 'list', fault: 'status', status: 503, times: 1000 })
      let main: ActionRun
      try {
        main = (await attempt(workspace, env(1), never)).run
      } finally {
        api.clearFaults()
      }
      expect(main.code).not.toBe(0)
      const key = main.state['idempotency-key']!
      expect(key).toMatch(/^[0-9a-f]{32}$/)
      expect(main.state.settled).not.toBe('true')
      expect(main.stdout).toContain(`look for metadata batch_action_key=${key} with command: list`)
      expect(main.stdout).toContain(`Idempotency key: ${key}`)
      const batches = onServer()
      expect(batches).toHaveLength(1)

      const post = await runAction({
        workspace,
        entry: postEntry,
        inputs: inputs(never),
        state: main.state,
        env: env(1)
      })
      expect(post.code).toBe(0)
      expect(post.stdout).toContain(`Cancelled batch ${batches[0]!.id}`)
    },
    40_000
  )
})

describe('the abort budget', () => {
  it('a cancel that never answers: the whole abort path, to the exit, fits in about 6 s', async () => {
    const { env } = workflowRun()
    const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(2) })
    api.addFault({ op: 'cancel', fault: 'stall', times: 10 })
    try {
      const run = await runAction({
        workspace,
        inputs: inputs({ metadata: 'mock_scenario=stuck', 'request-timeout': '60s' }),
        env: env(1),
        interrupt: { signal: 'SIGINT', when: /Batch batch_\w+ is in_progress/ }
      })
      expect(run.code).not.toBe(0)
      expect(run.stdout).toMatch(/cancelling batch batch_\w+ failed: no answer within the 5\.7s/)
      // The runner's SIGTERM comes at 7.5 s; the exit is well before it.
      expect(run.exitAfterSignalMs).toBeGreaterThan(5000)
      expect(run.exitAfterSignalMs).toBeLessThan(6500)
      const id = run.outputs['batch-id']!
      api.clearFaults()
      await runAction({
        workspace,
        inputs: inputs({ command: 'cancel', 'batch-id': id }),
        env: env(1)
      })
    } finally {
      api.clearFaults()
    }
  }, 30_000)
})
