// command: collect through the bundled action: jobs submitted by earlier runs (with wait: false) in
// several workflows, pull requests, suites and repositories, behind pages of other batches of the
// account, are found by their metadata; exactly the matching jobs that ended are collected, once;
// a second collect downloads nothing; jobs still running are reported and left alone.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { startMockBatchApi, type MockBatchApi } from '../../tools/mock-batch-api/server.mjs'
import { startMockGitHubApi, type MockGitHubApi } from '../../tools/mock-github-api/server.mjs'
import { chatRequests, makeWorkspace, runAction } from '../../__fixtures__/action-process.js'

const KEY = 'sk-collect-test'
const TOKEN = 'ghs_collect-test-token'
const OWNER = 'octo'
const REPO = 'evals'
const PULL_REQUEST = 31
let api: MockBatchApi
let github: MockGitHubApi

interface JobOutput {
  job: string
  batch_ids: string[]
  status: string
  total: number
  completed: number
  failed: number
  tokens: { prompt: number; completion: number; total: number }
  metadata: Record<string, string>
  results_path: string | null
}

beforeAll(async () => {
  api = await startMockBatchApi({
    apiKey: KEY,
    timings: { validatingMs: 10, inProgressMs: 50, finalizingMs: 10 }
  })
  github = await startMockGitHubApi({ token: TOKEN })
})
afterAll(async () => {
  await Promise.all([api.close(), github.close()])
})

let nextRun = 9000

/** One step of a workflow that submits and does not wait, as a nightly eval does. */
async function submit(options: {
  workflow: string
  metadata: string
  repository?: string
  pullRequest?: number
  requests?: number
  inputs?: Record<string, string>
}): Promise<string> {
  const runId = (nextRun += 1)
  const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(options.requests ?? 3) })
  const env: Record<string, string> = {
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: options.repository ?? `${OWNER}/${REPO}`,
    GITHUB_WORKFLOW: options.workflow,
    GITHUB_JOB: 'batch',
    GITHUB_ACTION: 'submit',
    GITHUB_RUN_ID: String(runId),
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SHA: 'cafe',
    GITHUB_API_URL: github.url,
    GITHUB_EVENT_NAME: 'schedule',
    GITHUB_REF: 'refs/heads/main'
  }
  if (options.pullRequest !== undefined) {
    const eventPath = path.join(workspace, 'event.json')
    await writeFile(eventPath, JSON.stringify({ pull_request: { number: options.pullRequest } }))
    Object.assign(env, {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REF: `refs/pull/${options.pullRequest}/merge`
    })
  }
  const run = await runAction({
    workspace,
    inputs: {
      file: 'requests.jsonl',
      'base-url': api.url,
      'api-key': KEY,
      'github-token': TOKEN,
      wait: 'false',
      metadata: options.metadata,
      ...options.inputs
    },
    env
  })
  expect(run.code).toBe(0)
  return run.outputs['batch-id']!
}

/** The scheduled workflow that collects: no pull request, no artifact, only `match`. */
function collect(workspace: string, inputs: Record<string, string>) {
  return runAction({
    workspace,
    inputs: {
      command: 'collect',
      'base-url': api.url,
      'api-key': KEY,
      'github-token': TOKEN,
      'poll-interval': '0.05',
      'max-poll-interval': '0.2',
      ...inputs
    },
    env: {
      GITHUB_ACTIONS: 'true',
      GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
      GITHUB_WORKFLOW: 'collect',
      GITHUB_JOB: 'collect',
      GITHUB_ACTION: 'collect',
      GITHUB_RUN_ID: String((nextRun += 1)),
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_EVENT_NAME: 'schedule',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_API_URL: github.url
    }
  })
}

async function untilEnded(ids: string[]): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (ids.every((id) => api.batch(id)?.status === 'completed' && api.batch(id)?.output_file_id))
      return
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error(`batches ${ids.join(', ')} did not complete`)
}

const jobsOf = (output: string | undefined): JobOutput[] => JSON.parse(output ?? '[]')
const downloadsSince = (start: number) =>
  api.log.slice(start).filter((entry) => entry.op === 'download')

describe('command: collect', () => {
  let nightly: string
  let pullRequestJob: string
  let running: string
  let workspace: string
  let firstJobs: JobOutput[]

  beforeAll(async () => {
    nightly = await submit({ workflow: 'nightly', metadata: 'suite=nightly', requests: 4 })
    pullRequestJob = await submit({
      workflow: 'evals',
      metadata: 'suite=nightly',
      pullRequest: PULL_REQUEST
    })
    const weekly = await submit({ workflow: 'nightly', metadata: 'suite=weekly' })
    const otherRepository = await submit({
      workflow: 'nightly',
      metadata: 'suite=nightly',
      repository: `${OWNER}/other`
    })
    running = await submit({
      workflow: 'nightly',
      metadata: 'suite=nightly\nmock_in_progress_ms=600000'
    })
    await untilEnded([nightly, pullRequestJob, weekly, otherRepository])
    // Other jobs of the account, newer than every one above: the jobs are pages deep in `list`,
    // and some carry the suite without being the action's.
    api.seedBatches({
      count: 230,
      metadata: (i): Record<string, string> => (i % 3 === 0 ? { suite: 'nightly' } : { i: `${i}` })
    })
    workspace = await makeWorkspace()
  })

  it('collects exactly the matching jobs that ended, and reports the running one', async () => {
    const logStart = api.log.length
    const run = await collect(workspace, { match: 'suite=nightly', wait: 'false' })
    expect(run.code).toBe(0)
    firstJobs = jobsOf(run.outputs.jobs)
    expect(firstJobs.map((job) => job.batch_ids[0]).sort()).toEqual(
      [nightly, pullRequestJob, running].sort()
    )
    const byBatch = new Map(firstJobs.map((job) => [job.batch_ids[0], job]))
    const collected = byBatch.get(nightly)!
    expect(collected).toMatchObject({
      status: 'completed',
      total: 4,
      completed: 4,
      failed: 0,
      metadata: { suite: 'nightly' },
      batch_ids: [nightly]
    })
    expect(collected.job).toBe(api.batch(nightly)?.metadata?.['batch_action_key'])
    expect(collected.tokens.total).toBeGreaterThan(0)
    expect(collected.results_path).toBe(
      path.join(workspace, 'batch-results', nightly, 'results.jsonl')
    )
    const lines = (await readFile(collected.results_path!, 'utf8')).trim().split('\n')
    expect(lines.map((line) => JSON.parse(line).custom_id)).toEqual([
      'req-1',
      'req-2',
      'req-3',
      'req-4'
    ])
    await stat(path.join(workspace, 'batch-results', nightly, 'output.jsonl'))
    const manifest = JSON.parse(
      await readFile(path.join(workspace, 'batch-results', nightly, 'job.json'), 'utf8')
    )
    expect(manifest).toMatchObject({ job: collected.job, counts: { total: 4 } })

    expect(byBatch.get(running)).toMatchObject({ status: 'running', results_path: null })
    expect(byBatch.get(pullRequestJob)?.metadata).toEqual({ suite: 'nightly' })
    expect(api.batch(running)?.status).toBe('in_progress')
    expect(run.stdout).toMatch(
      new RegExp(`Job \\w+ \\(batch, first ${running}\\) is still running; left alone`)
    )

    // One output file for each of the two jobs that ended, nothing for the others; more than a page listed.
    const downloads = downloadsSince(logStart)
    expect(downloads.map((entry) => entry.fileId).sort()).toEqual(
      [api.batch(nightly)?.output_file_id, api.batch(pullRequestJob)?.output_file_id].sort()
    )
    const lists = api.log.slice(logStart).filter((entry) => entry.op === 'list')
    expect(lists.length).toBeGreaterThan(2)
    expect(api.log.slice(logStart).filter((e) => e.op === 'create' || e.op === 'upload')).toEqual(
      []
    )

    // The job summary has one row per job.
    expect(run.summary).toContain('Jobs: 3 jobs, 1 still running')
    expect(run.summary.match(/<tr><td>/g)).toHaveLength(3)
    expect(run.summary).not.toContain(KEY)
  })

  it("edits the pull request's comment of a job tagged with it: the submitting step's comment", async () => {
    const [comment, ...others] = github.comments(OWNER, REPO, PULL_REQUEST)
    expect(others).toEqual([])
    const body = comment?.body ?? ''
    expect(body.startsWith('<!-- batch-inference-action:evals/batch/submit -->')).toBe(true)
    expect(body).toContain('### Batch inference finished: `completed`')
    expect(body).toContain(pullRequestJob)
    expect(body).not.toContain(KEY)
    expect(body).not.toContain(TOKEN)
  })

  it('a second collect downloads nothing and reports the same jobs', async () => {
    const logStart = api.log.length
    const githubStart = github.requests().length
    const run = await collect(workspace, { match: 'suite=nightly', wait: 'false' })
    expect(run.code).toBe(0)
    expect(downloadsSince(logStart)).toEqual([])
    expect(jobsOf(run.outputs.jobs)).toEqual(firstJobs)
    expect(run.stdout).toContain('collected already, nothing downloaded')
    // The comment already says finished: nothing is written again.
    expect(
      github
        .requests()
        .slice(githubStart)
        .filter((r) => r.op !== 'list')
    ).toEqual([])
  })

  it('match narrows to one pull request; no match finds nothing', async () => {
    const logStart = api.log.length
    const other = await makeWorkspace()
    const run = await collect(other, { match: `github_pr=${PULL_REQUEST}`, wait: 'false' })
    expect(run.code).toBe(0)
    expect(jobsOf(run.outputs.jobs).map((job) => job.batch_ids)).toEqual([[pullRequestJob]])
    expect(downloadsSince(logStart)).toHaveLength(1)
    const none = await collect(other, { match: 'suite=absent', wait: 'false' })
    expect(none.code).toBe(0)
    expect(jobsOf(none.outputs.jobs)).toEqual([])
    expect(none.summary).toContain('No matching jobs')
  })

  it('with wait: true, waits for the matched jobs to end, then collects them', async () => {
    const slow = await submit({
      workflow: 'nightly',
      metadata: 'suite=slow\nmock_in_progress_ms=1500'
    })
    expect(api.batch(slow)?.status).not.toBe('completed')
    const run = await collect(await makeWorkspace(), { match: 'suite=slow', 'wait-timeout': '30s' })
    expect(run.code).toBe(0)
    const [job] = jobsOf(run.outputs.jobs)
    expect(job).toMatchObject({ status: 'completed', batch_ids: [slow] })
    expect(job?.results_path).toMatch(/results\.jsonl$/)
  })

  it('with wait: true and on-timeout: fail, a job still running when the wait ends fails the step', async () => {
    const run = await collect(await makeWorkspace(), {
      match: 'suite=nightly',
      'wait-timeout': '1s',
      'on-timeout': 'fail'
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::The wait timed out .* 1 job still running/)
    expect(api.batch(running)?.status).toBe('in_progress')
  })

  it('reports a split job missing a part as incomplete, and collects nothing of it', async () => {
    const tags = {
      batch_action_key: 'f00d'.repeat(8) + '.0.1.0123456789abcdef',
      input_sha256: 'b'.repeat(64),
      github_repository: `${OWNER}/${REPO}`,
      suite: 'split',
      batch_part: '1/2'
    }
    const [part1] = api.seedBatches({ count: 1, metadata: tags, requests: 2 })
    const logStart = api.log.length
    const run = await collect(await makeWorkspace(), { match: 'suite=split', wait: 'false' })
    expect(run.code).toBe(0)
    expect(jobsOf(run.outputs.jobs)).toEqual([
      expect.objectContaining({ batch_ids: [part1], status: 'incomplete', results_path: null })
    ])
    expect(run.stdout).toContain(
      'incomplete: part 2 of its last round is not listed; not collected'
    )
    expect(downloadsSince(logStart)).toEqual([])
  })

  it('a download that fails fails the step without losing the job: the next collect brings it', async () => {
    const other = await makeWorkspace()
    api.addFault({ op: 'download', fault: 'status', status: 500, times: 3 })
    const failed = await collect(other, {
      match: `github_pr=${PULL_REQUEST}`,
      wait: 'false',
      'max-attempts': '1'
    })
    expect(failed.code).toBe(1)
    expect(failed.stdout).toMatch(/::error::1 of the jobs could not be collected/)
    expect(jobsOf(failed.outputs.jobs)).toEqual([
      expect.objectContaining({
        batch_ids: [pullRequestJob],
        status: 'completed',
        results_path: null
      })
    ])
    api.clearFaults()
    const again = await collect(other, { match: `github_pr=${PULL_REQUEST}`, wait: 'false' })
    expect(again.code).toBe(0)
    expect(jobsOf(again.outputs.jobs)[0]?.results_path).toMatch(/results\.jsonl$/)
    expect(again.summary).not.toContain(KEY)
  })
})

describe('command: collect of a job of several batches', () => {
  it('joins the parts of a split job into one results.jsonl in its folder, once', async () => {
    const first = await submit({
      workflow: 'split',
      metadata: 'suite=whole-split',
      requests: 5,
      inputs: { 'max-batch-requests': '2' }
    })
    const parts = api.batches().filter((batch) => batch.metadata?.['suite'] === 'whole-split')
    expect(parts).toHaveLength(3)
    await untilEnded(parts.map((batch) => batch.id))
    const workspace = await makeWorkspace()
    const run = await collect(workspace, { match: 'suite=whole-split', wait: 'false' })
    expect(run.code).toBe(0)
    const [job, ...others] = jobsOf(run.outputs.jobs)
    expect(others).toEqual([])
    expect(job).toMatchObject({ status: 'completed', total: 5, completed: 5, failed: 0 })
    expect(job!.batch_ids).toHaveLength(3)
    expect(job!.batch_ids[0]).toBe(first)
    expect(job!.results_path).toBe(path.join(workspace, 'batch-results', first, 'results.jsonl'))
    const lines = (await readFile(job!.results_path!, 'utf8')).trim().split('\n')
    expect(lines.map((line) => JSON.parse(line).custom_id)).toEqual([
      'req-1',
      'req-2',
      'req-3',
      'req-4',
      'req-5'
    ])
    for (const id of job!.batch_ids)
      await stat(path.join(workspace, 'batch-results', first, 'batches', id, 'output.jsonl'))
    const logStart = api.log.length
    const again = await collect(workspace, { match: 'suite=whole-split', wait: 'false' })
    expect(again.code).toBe(0)
    expect(downloadsSince(logStart)).toEqual([])
  }, 120_000)
})

describe('command: collect, where the provider echoes the key', () => {
  it("masks the API key and the token in the pull request's comment it edits", async () => {
    const pullRequest = PULL_REQUEST + 1
    api.addFault({
      op: 'create',
      fault: 'fail-requests',
      customIds: ['req-2'],
      status: 401,
      message: `key ${KEY} was refused (token ${TOKEN})`
    })
    const id = await submit({ workflow: 'evals', metadata: 'suite=echo', pullRequest })
    await untilEnded([id])
    const run = await collect(await makeWorkspace(), {
      match: `github_pr=${pullRequest}`,
      wait: 'false',
      'max-failed-requests': '1'
    })
    expect(run.code).toBe(0)
    expect(jobsOf(run.outputs.jobs)[0]).toMatchObject({ total: 3, failed: 1 })
    const [comment, ...others] = github.comments(OWNER, REPO, pullRequest)
    expect(others).toEqual([])
    const body = comment?.body ?? ''
    expect(body).toContain('### Batch inference finished: `completed`')
    expect(body).toContain('key *** was refused (token ***)')
    expect(body).not.toContain(KEY)
    expect(body).not.toContain(TOKEN)
    expect(run.summary).not.toContain(KEY)
  })
})
