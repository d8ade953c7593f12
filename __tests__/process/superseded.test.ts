// cancel-superseded through the bundled action: before a run creates its batch, it cancels the
// running batches of earlier runs of the same step on the same pull request (or, with `true`, the
// same ref), and nothing else. The earlier runs' batches are either made by the action itself or
// seeded in the local Batch API with the tags an earlier run would have written.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { startMockBatchApi, type MockBatchApi } from '../../tools/mock-batch-api/server.mjs'
import { chatRequests, makeWorkspace, runAction } from '../../__fixtures__/action-process.js'

const KEY = 'sk-superseded-test'
let api: MockBatchApi
let nextPullRequest = 500

beforeAll(async () => {
  // Batches run for a minute: whatever a test leaves running is still running when it checks.
  api = await startMockBatchApi({
    apiKey: KEY,
    timings: { validatingMs: 10, inProgressMs: 60_000, finalizingMs: 10 }
  })
})
afterAll(async () => {
  await api.close()
})

const REPOSITORY = 'octo/evals'

/** The tags a run of the workflow `evals`, job `eval`, step `submit` writes on its batches. */
function tagsOf(run: { runId: number; pullRequest?: number; ref?: string }) {
  return {
    batch_action_key: `key${run.runId}`,
    input_sha256: 'a'.repeat(64),
    github_repository: REPOSITORY,
    github_workflow: 'evals',
    github_job: 'eval',
    github_step: 'submit',
    github_run_id: String(run.runId),
    github_run_attempt: '1',
    github_sha: 'cafe',
    github_ref: run.ref ?? `refs/pull/${run.pullRequest}/merge`,
    ...(run.pullRequest !== undefined ? { github_pr: String(run.pullRequest) } : {})
  }
}

function seed(metadata: Record<string, string>): string {
  const [id] = api.seedBatches({ count: 1, status: 'in_progress', metadata, requests: 3 })
  return id!
}

async function runStep(options: {
  runId: number
  pullRequest?: number
  ref?: string
  inputs?: Record<string, string>
  content?: string
}) {
  const workspace = await makeWorkspace({ 'requests.jsonl': options.content ?? chatRequests(3) })
  const env: Record<string, string> = {
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: REPOSITORY,
    GITHUB_WORKFLOW: 'evals',
    GITHUB_JOB: 'eval',
    GITHUB_ACTION: 'submit',
    GITHUB_RUN_ID: String(options.runId),
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SHA: 'cafe'
  }
  if (options.pullRequest !== undefined) {
    const eventPath = path.join(workspace, 'event.json')
    await writeFile(eventPath, JSON.stringify({ pull_request: { number: options.pullRequest } }))
    Object.assign(env, {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REF: `refs/pull/${options.pullRequest}/merge`
    })
  } else {
    Object.assign(env, { GITHUB_EVENT_NAME: 'push', GITHUB_REF: options.ref ?? 'refs/heads/main' })
  }
  return runAction({
    workspace,
    inputs: {
      file: 'requests.jsonl',
      'base-url': api.url,
      'api-key': KEY,
      wait: 'false',
      comment: 'never',
      ...options.inputs
    },
    env
  })
}

const statusOf = (id: string) => api.batch(id)?.status

describe('cancel-superseded', () => {
  it("a second run on the same pull request cancels the first run's running batch", async () => {
    const pullRequest = (nextPullRequest += 1)
    const first = await runStep({ runId: 1001, pullRequest })
    expect(first.code).toBe(0)
    const firstBatch = first.outputs['batch-id']!
    expect(statusOf(firstBatch)).toMatch(/validating|in_progress/)
    expect(api.batch(firstBatch)?.metadata).toMatchObject({
      github_pr: String(pullRequest),
      github_job: 'eval',
      github_step: 'submit'
    })

    const second = await runStep({ runId: 1002, pullRequest })
    expect(second.code).toBe(0)
    expect(second.outputs['batch-id']).not.toBe(firstBatch)
    expect(statusOf(firstBatch)).toMatch(/cancelling|cancelled/)
    expect(statusOf(second.outputs['batch-id']!)).toMatch(/validating|in_progress/)
    expect(second.stdout).toContain(
      `Cancelled batch ${firstBatch} of run 1001 (superseded by this run on pull request #${pullRequest})`
    )
    expect(second.summary).toContain('superseded by this run')
    expect(second.summary).toContain(`${firstBatch} of run 1001, on pull request #${pullRequest}`)
    // The cancel came before the create: the old batch stopped billing first.
    const cancelAt = api.log.findIndex((e) => e.op === 'cancel' && e.batchId === firstBatch)
    const createAt = api.log.findIndex(
      (e) => e.op === 'create' && e.batchId === second.outputs['batch-id']
    )
    expect(cancelAt).toBeGreaterThan(-1)
    expect(cancelAt).toBeLessThan(createAt)
  })

  it('a run whose file is bad cancels nothing: the file is checked before any cancel', async () => {
    const pullRequest = (nextPullRequest += 1)
    const earlier = seed(tagsOf({ runId: 1501, pullRequest }))
    const logged = api.log.length
    // One batch, so validated while it is uploaded: the cancel waits for the upload to succeed.
    const bad = chatRequests(3).replace('"method":"POST"', '"method":"GET"')
    const run = await runStep({ runId: 1502, pullRequest, content: bad })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::1 problem in requests\.jsonl: line 1/)
    expect(statusOf(earlier)).toBe('in_progress')
    expect(api.log.slice(logged).filter((e) => e.op === 'cancel' || e.op === 'create')).toEqual([])
  })

  it('never touches another pull request, workflow, job, step, repository, or a newer run', async () => {
    const pullRequest = (nextPullRequest += 1)
    const earlier = tagsOf({ runId: 2000, pullRequest })
    const superseded = seed(earlier)
    const untouched = [
      seed(tagsOf({ runId: 2000, pullRequest: pullRequest + 1000 })),
      seed({ ...earlier, github_workflow: 'other' }),
      seed({ ...earlier, github_job: 'other' }),
      seed({ ...earlier, github_step: 'other' }),
      seed({ ...earlier, github_repository: 'octo/other' }),
      seed(tagsOf({ runId: 3000, pullRequest })),
      // A batch with the tags but not the action's key is not the action's.
      seed(
        Object.fromEntries(Object.entries(earlier).filter(([key]) => key !== 'batch_action_key'))
      )
    ]
    const run = await runStep({ runId: 2500, pullRequest })
    expect(run.code).toBe(0)
    expect(statusOf(superseded)).toMatch(/cancelling|cancelled/)
    for (const id of untouched) expect(statusOf(id)).toBe('in_progress')
    expect(run.stdout.match(/Cancelled batch /g)).toHaveLength(1)
  })

  it('false touches nothing', async () => {
    const pullRequest = (nextPullRequest += 1)
    const earlier = seed(tagsOf({ runId: 4000, pullRequest }))
    const run = await runStep({
      runId: 4001,
      pullRequest,
      inputs: { 'cancel-superseded': 'false' }
    })
    expect(run.code).toBe(0)
    expect(statusOf(earlier)).toBe('in_progress')
    expect(run.stdout).not.toContain('Cancelled batch')
  })

  it('on a push: auto touches nothing, true cancels the earlier run on the same ref only', async () => {
    const ref = `refs/heads/feature-${(nextPullRequest += 1)}`
    const sameRef = seed(tagsOf({ runId: 5000, ref }))
    const otherRef = seed(tagsOf({ runId: 5000, ref: `${ref}-other` }))
    const auto = await runStep({ runId: 5001, ref })
    expect(auto.code).toBe(0)
    expect(statusOf(sameRef)).toBe('in_progress')

    const always = await runStep({ runId: 5002, ref, inputs: { 'cancel-superseded': 'true' } })
    expect(always.code).toBe(0)
    expect(statusOf(sameRef)).toMatch(/cancelling|cancelled/)
    expect(statusOf(otherRef)).toBe('in_progress')
    expect(always.stdout).toContain(
      `Cancelled batch ${sameRef} of run 5000 (superseded by this run on ${ref})`
    )
    // The run before it (5001, same ref) was still running, and is superseded too.
    expect(statusOf(auto.outputs['batch-id']!)).toMatch(/cancelling|cancelled/)
  })

  it('a cancel that fails is a warning, and the run goes on', async () => {
    const pullRequest = (nextPullRequest += 1)
    const earlier = seed(tagsOf({ runId: 6000, pullRequest }))
    api.addFault({ op: 'cancel', fault: 'status', status: 400, times: 1 })
    const run = await runStep({ runId: 6001, pullRequest, inputs: { 'max-attempts': '1' } })
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(
      new RegExp(`::warning::Could not cancel batch ${earlier} of run 6000`)
    )
    expect(statusOf(earlier)).toBe('in_progress')
    expect(statusOf(run.outputs['batch-id']!)).toMatch(/validating|in_progress/)
  })
})
