// The step's pull-request comment in process: the model of each phase (pure), and that the
// comment is written once per phase against the local GitHub API.
import { describe, expect, it } from '@jest/globals'
import type { ActionInputs } from '../../src/action/inputs.js'
import {
  PullRequestComment,
  commentModelOf,
  taggedPullRequestOf,
  type CommentFacts
} from '../../src/commands/pr-comment.js'
import { failureCounts } from '../../src/commands/outcome.js'
import { gitHubContextOf } from '../../src/github/context.js'
import type { Log } from '../../src/lib/log.js'
import { runContextFrom } from '../../src/lib/run-context.js'
import type { JoinResult } from '../../src/results/types.js'
import { completedBatch } from '../../__fixtures__/batches.js'
import { pullRequestEvent, runnerEnv } from '../../__fixtures__/github-comment.js'
import { OWNER, REPO, TOKEN, useLocalGitHub } from '../../__fixtures__/github-api.js'

const github = useLocalGitHub()

const inputs: CommentFacts['inputs'] = {
  command: 'run',
  endpoint: '/v1/chat/completions',
  metadata: { suite: 'nightly' },
  file: 'requests.jsonl',
  maxFailedRequests: { kind: 'percent', value: 1 }
}

function joined(overrides: Partial<JoinResult> = {}): JoinResult {
  return {
    path: 'results.jsonl',
    total: 10,
    ok: 7,
    error: 2,
    missing: 1,
    usage: { prompt: 100, completion: 50, total: 150 },
    failures: [{ custom_id: 'req-3', message: 'slow down', status_code: 429 }],
    failureCodes: [],
    samples: [],
    malformed: 0,
    warnings: [],
    ...overrides
  }
}

const context = gitHubContextOf(runContextFrom(runnerEnv(), pullRequestEvent(7)))

describe('taggedPullRequestOf', () => {
  it.each([
    [{ pr: '42' }, 42],
    [{ github_pr: '43' }, 43],
    [{ github_pr: '43', pr: '42' }, 42],
    [{ github_pr: '43', pr: 'x' }, 43],
    [{ pr: ' 7 ' }, 7],
    [{ pr: '0' }, undefined],
    [{ pr: '-3' }, undefined],
    [{ pr: '12abc' }, undefined],
    [{ pr: 12 }, undefined],
    [{ suite: 'nightly' }, undefined],
    [null, undefined]
  ])('%j -> %s', (metadata, expected) => {
    expect(taggedPullRequestOf({ metadata })).toBe(expected)
  })
})

describe('failureCounts', () => {
  it('counts missing results as failed, as the step judges them', () => {
    expect(failureCounts(completedBatch(), joined())).toEqual({
      total: 10,
      completed: 7,
      failed: 3
    })
  })

  it("takes the batch's own counts when nothing was joined", () => {
    expect(failureCounts(completedBatch(), undefined)).toEqual({
      total: 12345,
      completed: 12340,
      failed: 5
    })
  })
})

describe('commentModelOf', () => {
  const facts: CommentFacts = {
    batch: completedBatch(),
    inputs,
    model: 'file-model',
    requestCount: 10,
    inputFile: 'requests.jsonl',
    results: joined()
  }

  it('at submission: the batch, setup, metadata and run link, no counts yet', () => {
    const model = commentModelOf('submitted', facts, context)
    expect(model).toMatchObject({
      phase: 'submitted',
      batchIds: ['batch_abc'],
      requestCount: 10,
      model: 'file-model',
      endpoint: '/v1/chat/completions',
      inputFile: 'requests.jsonl',
      metadata: { suite: 'nightly' },
      marker: { workflow: 'Nightly eval', job: 'evaluate', step: 'batch' },
      runUrl: 'https://github.com/octo-org/evals/actions/runs/9876543210/attempts/2'
    })
    expect(model.counts).toBeUndefined()
    expect(model.failures).toBeUndefined()
  })

  it('when finished: counts, the verdict of max-failed-requests, tokens, durations, failures', () => {
    const model = commentModelOf('finished', facts, context)
    expect(model.counts).toEqual({ total: 10, completed: 7, failed: 3 })
    expect(model.failureLimit).toEqual({ kind: 'percent', value: 1, exceeded: true })
    expect(model.tokens).toEqual({ prompt: 100, completion: 50, total: 150 })
    expect(model.durations).toEqual({ queued: 42, running: 185, finalizing: 7385, total: 7612 })
    expect(model.failures).toEqual(facts.results?.failures)
  })

  it('within the limit, and no limit at all', () => {
    const within = { ...inputs, maxFailedRequests: { kind: 'count', value: 3 } as const }
    expect(commentModelOf('finished', { ...facts, inputs: within }, context).failureLimit).toEqual({
      kind: 'count',
      value: 3,
      exceeded: false
    })
    const none = { ...inputs, maxFailedRequests: { kind: 'none' } as const }
    expect(
      commentModelOf('finished', { ...facts, inputs: none }, context).failureLimit
    ).toBeUndefined()
  })

  it("for status: the batch's own endpoint and model, not the inputs' metadata", () => {
    const status = { ...inputs, command: 'status' as const, endpoint: '/v1/other' }
    const model = commentModelOf(
      'finished',
      { batch: completedBatch({ endpoint: '/v1/embeddings' }), inputs: status },
      context
    )
    expect(model.endpoint).toBe('/v1/embeddings')
    expect(model.model).toBe('meta-llama/Llama-3.3-70B-Instruct')
    expect(model.metadata).toBeUndefined()
  })
})

function recordingLog(): Log & { lines: string[] } {
  const lines: string[] = []
  const write = (level: string) => (text: string) => void lines.push(`${level}: ${text}`)
  return {
    lines,
    debug: write('debug'),
    info: write('info'),
    notice: write('notice'),
    warning: write('warning'),
    error: write('error'),
    group: (_name, work) => work()
  }
}

const commentInputs = (over: Partial<ActionInputs> = {}) => ({
  comment: 'auto' as const,
  githubToken: TOKEN,
  ...over
})

describe('PullRequestComment', () => {
  const runOn = (number: number, env: Record<string, string> = {}) =>
    runContextFrom(runnerEnv({ GITHUB_API_URL: github.api.url, ...env }), pullRequestEvent(number))

  it('writes on a phase change only: one create, then one edit, whatever the repeats', async () => {
    const number = github.nextIssue()
    const log = recordingLog()
    const comment = PullRequestComment.of(commentInputs(), runOn(number), log, (t) => t)
    expect(comment).toBeDefined()
    const facts: CommentFacts = { batch: completedBatch({ status: 'in_progress' }), inputs }
    const start = github.api.requests().length
    expect(await comment?.update('submitted', facts)).toMatchObject({ ok: true, action: 'created' })
    expect(await comment?.update('submitted', facts)).toBeUndefined()
    const done = { ...facts, batch: completedBatch() }
    expect(await comment?.update('finished', done)).toMatchObject({ ok: true, action: 'updated' })
    expect(await comment?.update('finished', done)).toBeUndefined()
    const writes = github.api
      .requests()
      .slice(start)
      .filter((request) => request.op !== 'list')
    expect(writes.map((request) => request.op)).toEqual(['create', 'update'])
    expect(github.api.comments(OWNER, REPO, number)).toHaveLength(1)
    expect(log.lines.filter((line) => line.startsWith('info: Pull-request comment'))).toHaveLength(
      2
    )
  })

  it('logs a notice for a read-only token and never throws', async () => {
    github.api.setFault({ status: 403 })
    const log = recordingLog()
    const comment = PullRequestComment.of(commentInputs(), runOn(github.nextIssue()), log, (t) => t)
    const result = await comment?.update('submitted', { batch: completedBatch(), inputs })
    expect(result).toMatchObject({ ok: false })
    expect(log.lines).toEqual([expect.stringMatching(/^notice: .*fork/)])
  })

  it('logs a warning for a refused token', async () => {
    const log = recordingLog()
    const comment = PullRequestComment.of(
      commentInputs({ githubToken: 'ghs_wrong' }),
      runOn(github.nextIssue()),
      log,
      (t) => t
    )
    await comment?.update('submitted', { batch: completedBatch(), inputs })
    expect(log.lines).toEqual([expect.stringMatching(/^warning: .*401.*github-token/)])
  })

  it('is none with comment: never, on a push, or without the repository', () => {
    const log = recordingLog()
    const hide = (t: string) => t
    expect(PullRequestComment.of(commentInputs({ comment: 'never' }), runOn(1), log, hide)).toBe(
      undefined
    )
    const push = runContextFrom(runnerEnv({ GITHUB_EVENT_NAME: 'push' }), undefined)
    expect(PullRequestComment.of(commentInputs(), push, log, hide)).toBeUndefined()
    expect(
      PullRequestComment.of(commentInputs(), runOn(1, { GITHUB_REPOSITORY: '' }), log, hide)
    ).toBeUndefined()
    expect(log.lines).toEqual([expect.stringMatching(/^notice: .*GITHUB_REPOSITORY/)])
  })
})
