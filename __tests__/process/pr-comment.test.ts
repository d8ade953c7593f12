// The pull-request comment of the bundled action, as the runner runs it on a pull request: the
// local Batch API does the batch, the local GitHub API keeps the comment, and the event payload
// file names the pull request.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { startMockBatchApi, type MockBatchApi } from '../../tools/mock-batch-api/server.mjs'
import { startMockGitHubApi, type MockGitHubApi } from '../../tools/mock-github-api/server.mjs'
import { chatRequests, makeWorkspace, runAction } from '../../__fixtures__/action-process.js'

const KEY = 'sk-pr-comment-test'
const TOKEN = 'ghs_pr-comment-test-token'
const OWNER = 'octo-org'
const REPO = 'evals'
let api: MockBatchApi
let github: MockGitHubApi
const FIRST_PULL_REQUEST = 41
let nextPullRequest = FIRST_PULL_REQUEST - 1

beforeAll(async () => {
  api = await startMockBatchApi({
    apiKey: KEY,
    timings: { validatingMs: 10, inProgressMs: 80, finalizingMs: 10 }
  })
  github = await startMockGitHubApi({ token: TOKEN })
})
afterAll(async () => {
  // Whatever a test checked, no comment of any of them carries the API key or the token.
  for (let number = FIRST_PULL_REQUEST; number <= nextPullRequest; number++) {
    for (const comment of github.comments(OWNER, REPO, number)) {
      expect(comment.body).not.toContain(KEY)
      expect(comment.body).not.toContain(TOKEN)
    }
  }
  await Promise.all([api.close(), github.close()])
})

interface Scenario {
  event?: string
  inputs?: Record<string, string>
}

/** Runs the action on a fresh pull request; returns the run, its number and the GitHub requests it made. */
async function runOnPullRequest({ event = 'pull_request', inputs = {} }: Scenario = {}) {
  const number = (nextPullRequest += 1)
  const workspace = await makeWorkspace({ 'requests.jsonl': chatRequests(5) })
  const eventPath = path.join(workspace, 'event.json')
  await writeFile(eventPath, JSON.stringify({ pull_request: { number }, number }))
  const logStart = github.requests().length
  const run = await runAction({
    workspace,
    inputs: {
      file: 'requests.jsonl',
      'base-url': api.url,
      'api-key': KEY,
      'github-token': TOKEN,
      'poll-interval': '0.02',
      'max-poll-interval': '0.05',
      metadata: 'suite=nightly',
      ...inputs
    },
    env: {
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: event,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_API_URL: github.url,
      GITHUB_SERVER_URL: 'https://github.example',
      GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
      GITHUB_RUN_ID: `77${number}`,
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_WORKFLOW: 'evals',
      GITHUB_JOB: 'batch',
      GITHUB_ACTION: 'submit'
    }
  })
  const requests = github.requests().slice(logStart)
  return { run, number, requests, comments: () => github.comments(OWNER, REPO, number) }
}

describe('the pull-request comment of the bundled action', () => {
  it('writes one comment at submission and edits it with the final results', async () => {
    api.addFault({
      op: 'create',
      fault: 'fail-requests',
      customIds: ['req-2'],
      status: 429,
      message: 'slow down'
    })
    const { run, requests, comments } = await runOnPullRequest({
      inputs: { 'max-failed-requests': '40%' }
    })
    expect(run.code).toBe(0)
    const writes = requests.filter((request) => request.op !== 'list').map((r) => r.op)
    expect(writes).toEqual(['create', 'update'])
    expect(requests.every((request) => request.authorized)).toBe(true)

    const [comment, ...others] = comments()
    expect(others).toEqual([])
    const body = comment?.body ?? ''
    expect(body.startsWith('<!-- batch-inference-action:evals/batch/submit -->')).toBe(true)
    expect(body).toContain('### Batch inference finished: `completed`')
    expect(body).toContain(run.outputs['batch-id'])
    expect(body).toContain('4 of 5 completed; 1 of 5 failed, 20%, within the 40% limit')
    expect(body).toContain('**Tokens:**')
    expect(body).toContain('`req-2`')
    expect(body).toContain('slow down')
    expect(body).toContain('`nightly`')
    expect(body).toContain('`requests.jsonl`')
    expect(body).toContain(`https://github.example/${OWNER}/${REPO}/actions/runs/77`)
    expect(run.stdout).toMatch(/Pull-request comment created: /)
    expect(run.stdout).toMatch(/Pull-request comment updated: /)
    expect(body).not.toContain(KEY)
    expect(body).not.toContain(TOKEN)
  })

  it('masks the API key and the token where the provider echoes them into what the comment shows', async () => {
    api.addFault({
      op: 'create',
      fault: 'fail-requests',
      customIds: ['req-3'],
      status: 401,
      message: `key ${KEY} was refused (token ${TOKEN})`
    })
    const { run, comments } = await runOnPullRequest({ inputs: { 'max-failed-requests': '1' } })
    expect(run.code).toBe(0)
    const body = comments()[0]?.body ?? ''
    // The failed request's message is shown, masked: the comment would carry the key otherwise.
    expect(body).toContain('`req-3`')
    expect(body).toContain('key *** was refused (token ***)')
    expect(body).not.toContain(KEY)
    expect(body).not.toContain(TOKEN)
  })

  it('masks them too in the comment of command: status collecting a batch', async () => {
    api.addFault({
      op: 'create',
      fault: 'fail-requests',
      customIds: ['req-5'],
      status: 401,
      message: `key ${KEY} was refused`
    })
    const first = await runOnPullRequest({ inputs: { comment: 'never', wait: 'false' } })
    const { run, comments } = await runOnPullRequest({
      inputs: { command: 'status', 'batch-id': first.run.outputs['batch-id'] ?? '' }
    })
    expect(run.code).toBe(0)
    const body = comments()[0]?.body ?? ''
    expect(body).toContain('`req-5`')
    expect(body).toContain('key *** was refused')
    expect(body).not.toContain(KEY)
  })

  it('leaves the comment at the progress of a batch still running when the wait times out', async () => {
    api.configure({ timings: { inProgressMs: 60_000 } })
    try {
      const { run, requests, comments } = await runOnPullRequest({
        inputs: { 'wait-timeout': '1s', 'on-timeout': 'leave' }
      })
      expect(run.code).toBe(0)
      const writes = requests.filter((request) => request.op !== 'list').map((r) => r.op)
      expect(writes).toEqual(['create', 'update'])
      const body = comments()[0]?.body ?? ''
      expect(body).toContain('### Batch inference running')
      expect(body).toContain('status `in_progress`')
    } finally {
      api.configure({ timings: { inProgressMs: 80 } })
    }
  })

  it('says when the failures are over max-failed-requests', async () => {
    api.addFault({
      op: 'create',
      fault: 'fail-requests',
      customIds: ['req-1', 'req-4'],
      status: 500,
      message: 'upstream broke'
    })
    const { run, comments } = await runOnPullRequest({ inputs: { 'max-failed-requests': '1' } })
    expect(run.code).toBe(1)
    const body = comments()[0]?.body ?? ''
    expect(body).toContain('2 of 5 failed, 40%, over the limit of 1 failed')
    expect(body).toContain('#### Failed requests')
  })

  it('answers a read-only token (a fork) with a notice, and the step succeeds', async () => {
    github.setFault({ status: 403 })
    try {
      const { run, requests, comments } = await runOnPullRequest()
      expect(run.code).toBe(0)
      expect(run.outputs['status']).toBe('completed')
      expect(run.stdout).toMatch(/^::notice::The comment on pull request #\d+ .*fork/m)
      expect(run.stdout).not.toMatch(/^::(warning|error)::.*comment/m)
      expect(requests.length).toBeGreaterThan(0)
      expect(comments()).toEqual([])
      // The runner reads ::add-mask:: and shows it to no one; every other line is the log.
      expect(run.stdout).toContain(`::add-mask::${TOKEN}`)
      const shown = run.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'))
      expect(shown.join('\n')).not.toContain(TOKEN)
    } finally {
      github.setFault(null)
    }
  })

  it('posts nothing with comment: never', async () => {
    const { run, requests } = await runOnPullRequest({ inputs: { comment: 'never' } })
    expect(run.code).toBe(0)
    expect(requests).toEqual([])
  })

  it('posts nothing on a push event with comment: auto', async () => {
    const { run, requests } = await runOnPullRequest({ event: 'push' })
    expect(run.code).toBe(0)
    expect(run.outputs['status']).toBe('completed')
    expect(requests).toEqual([])
  })

  it('comments from a scheduled command: status on the pull request the batch names as pr=', async () => {
    const pullRequest = (nextPullRequest += 1)
    // The submitting run named its pull request in the metadata, as examples/pr-submit.yml does.
    const submitted = await runOnPullRequest({
      inputs: { comment: 'never', wait: 'false', metadata: `pr=${pullRequest}` }
    })
    expect(submitted.requests).toEqual([])
    const batchId = submitted.run.outputs['batch-id'] ?? ''
    const { run, requests } = await runOnPullRequest({
      event: 'schedule',
      inputs: { command: 'status', 'batch-id': batchId }
    })
    expect(run.code).toBe(0)
    expect(requests.map((request) => request.path)).toContain(
      `/repos/${OWNER}/${REPO}/issues/${pullRequest}/comments`
    )
    const [comment, ...others] = github.comments(OWNER, REPO, pullRequest)
    expect(others).toEqual([])
    expect(comment?.body).toContain('### Batch inference finished: `completed`')
    expect(comment?.body).toContain(batchId)
  })

  it('comments when command: status collects a batch on a pull request', async () => {
    const first = await runOnPullRequest({ inputs: { comment: 'never', wait: 'false' } })
    const batchId = first.run.outputs['batch-id'] ?? ''
    expect(batchId).not.toBe('')
    const { run, requests, comments } = await runOnPullRequest({
      inputs: { command: 'status', 'batch-id': batchId }
    })
    expect(run.code).toBe(0)
    expect(requests.some((request) => request.op === 'create')).toBe(true)
    const body = comments()[0]?.body ?? ''
    expect(body).toContain('### Batch inference finished: `completed`')
    expect(body).toContain(batchId)
  })
})
