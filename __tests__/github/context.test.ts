import { describe, expect, it } from '@jest/globals'
import { parseGitHubContext, pullRequestNumberOf, runUrl } from '../../src/github/context.js'
import {
  commentTarget,
  parseCommentMode,
  shouldComment,
  type CommentMode
} from '../../src/github/comment.js'
import {
  issueCommentEvent,
  pullRequestEvent,
  runnerEnv
} from '../../__fixtures__/github-comment.js'

describe('parseGitHubContext', () => {
  it('reads the run, the repository and the pull request of a pull_request event', () => {
    expect(parseGitHubContext(runnerEnv(), pullRequestEvent(42))).toEqual({
      owner: 'octo-org',
      repo: 'evals',
      eventName: 'pull_request',
      pullRequestNumber: 42,
      serverUrl: 'https://github.com',
      apiUrl: 'https://api.github.com',
      runId: '9876543210',
      runAttempt: '2',
      workflow: 'Nightly eval',
      job: 'evaluate',
      step: 'batch'
    })
  })

  it('defaults what a runner always sets and drops trailing slashes of the URLs', () => {
    const context = parseGitHubContext(
      { GITHUB_API_URL: 'https://ghes.example/api/v3/', GITHUB_SERVER_URL: ' ' },
      undefined
    )
    expect(context).toMatchObject({
      apiUrl: 'https://ghes.example/api/v3',
      serverUrl: 'https://github.com',
      runAttempt: '1',
      eventName: '',
      workflow: '',
      job: '',
      step: ''
    })
    expect(context.owner).toBeUndefined()
    expect(context.pullRequestNumber).toBeUndefined()
    expect(parseGitHubContext({}, undefined).apiUrl).toBe('https://api.github.com')
  })

  it.each(['no-slash', 'a/b/c', '/repo', 'owner/'])('ignores the malformed repository %j', (r) => {
    const context = parseGitHubContext(runnerEnv({ GITHUB_REPOSITORY: r }), undefined)
    expect(context.owner).toBeUndefined()
    expect(context.repo).toBeUndefined()
  })
})

describe('pullRequestNumberOf', () => {
  it('finds pull_request.number, and issue.number only when the issue is a pull request', () => {
    expect(pullRequestNumberOf(pullRequestEvent(7))).toBe(7)
    expect(pullRequestNumberOf(issueCommentEvent(8, true))).toBe(8)
    expect(pullRequestNumberOf(issueCommentEvent(9, false))).toBeUndefined()
  })

  it.each([
    ['not JSON', '{oops'],
    ['an empty file', ''],
    ['a push payload', JSON.stringify({ ref: 'refs/heads/main' })],
    ['a string number', JSON.stringify({ pull_request: { number: '5' } })],
    ['zero', JSON.stringify({ pull_request: { number: 0 } })],
    ['null', 'null']
  ])('yields no number for %s', (_label, text) => {
    expect(pullRequestNumberOf(text)).toBeUndefined()
  })
})

describe('runUrl', () => {
  it('links the attempt of the run', () => {
    const context = parseGitHubContext(
      runnerEnv({ GITHUB_SERVER_URL: 'https://ghes.example/' }),
      undefined
    )
    expect(runUrl(context)).toBe(
      'https://ghes.example/octo-org/evals/actions/runs/9876543210/attempts/2'
    )
  })

  it('is undefined without a run id', () => {
    expect(runUrl(parseGitHubContext(runnerEnv({ GITHUB_RUN_ID: '' }), undefined))).toBeUndefined()
  })

  it('is undefined without a repository, or with one that is not owner/name', () => {
    for (const repository of ['', 'evals', 'octo-org/', '/evals', 'octo-org/evals/extra'])
      expect(
        runUrl(parseGitHubContext(runnerEnv({ GITHUB_REPOSITORY: repository }), undefined))
      ).toBeUndefined()
  })
})

describe('when to comment', () => {
  const pr = { eventName: 'pull_request', pullRequestNumber: 5 }
  const prTarget = { eventName: 'pull_request_target', pullRequestNumber: 6 }
  const review = { eventName: 'pull_request_review', pullRequestNumber: 7 }
  const push = { eventName: 'push', pullRequestNumber: undefined }
  const prWithoutNumber = { eventName: 'pull_request', pullRequestNumber: undefined }

  it.each<[CommentMode, { eventName: string; pullRequestNumber?: number }, boolean]>([
    ['auto', pr, true],
    ['auto', prTarget, true],
    ['auto', review, false],
    ['auto', push, false],
    ['auto', prWithoutNumber, false],
    ['always', pr, true],
    ['always', review, true],
    ['always', push, false],
    ['never', pr, false],
    ['never', review, false]
  ])('%s on %j: %s', (mode, context, expected) => {
    expect(shouldComment(mode, context)).toBe(expected)
  })

  it('comments on the pull request named by the batch tags when collect finishes a job', () => {
    const schedule = { eventName: 'schedule', pullRequestNumber: undefined }
    expect(commentTarget('auto', schedule, 31)).toBe(31)
    expect(commentTarget('always', schedule, 31)).toBe(31)
    expect(commentTarget('never', schedule, 31)).toBeUndefined()
    expect(commentTarget('auto', pr, 31)).toBe(5)
  })

  it('parses the comment input', () => {
    expect(parseCommentMode('')).toBe('auto')
    expect(parseCommentMode(' Always ')).toBe('always')
    expect(parseCommentMode('never')).toBe('never')
    expect(() => parseCommentMode('yes')).toThrow(
      'comment must be auto, always or never, got "yes"'
    )
  })
})
