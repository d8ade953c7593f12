// upsertComment through the real Octokit of @actions/github against the local GitHub API.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { commentMarker } from '../../src/github/comment-model.js'
import { renderComment } from '../../src/github/comment-render.js'
import { parseGitHubContext, runUrl } from '../../src/github/context.js'
import {
  commentTarget,
  markerPartsOf,
  targetFromContext,
  upsertComment,
  type CommentTargetSpec,
  type UpsertOptions
} from '../../src/github/comment.js'
import { startMockGitHubApi, type MockGitHubApi } from '../../tools/mock-github-api/server.mjs'
import {
  PLANTED_KEY,
  finishedModel,
  marker,
  pullRequestEvent,
  redactKey,
  runnerEnv,
  submittedModel
} from '../../__fixtures__/github-comment.js'

const TOKEN = 'ghs_local-test-token'
const OWNER = 'octo-org'
const REPO = 'evals'
const MARKER = commentMarker(marker)

let api: MockGitHubApi
// Where @actions/github's own defaults point (GITHUB_API_URL when it is first loaded): the token must
// go only to the apiUrl the caller passes, so nothing may ever arrive here.
let decoy: MockGitHubApi
const savedApiUrl = process.env['GITHUB_API_URL']
let issue = 100

beforeAll(async () => {
  api = await startMockGitHubApi({ token: TOKEN })
  decoy = await startMockGitHubApi({ token: null })
  process.env['GITHUB_API_URL'] = decoy.url
})

afterEach(() => {
  api.setFault(null)
  expect(decoy.requests()).toEqual([])
})

afterAll(async () => {
  if (savedApiUrl === undefined) delete process.env['GITHUB_API_URL']
  else process.env['GITHUB_API_URL'] = savedApiUrl
  await Promise.all([api.close(), decoy.close()])
})

// Where each target's requests begin in the log (the tests run one after another).
const logStart = new Map<CommentTargetSpec, number>()

/** A fresh pull request per test, so each test sees only its own comments and requests. */
function freshTarget(overrides: Partial<CommentTargetSpec> = {}): CommentTargetSpec {
  issue += 1
  const target = {
    token: TOKEN,
    apiUrl: api.url,
    owner: OWNER,
    repo: REPO,
    issueNumber: issue,
    marker: MARKER,
    ...overrides
  }
  logStart.set(target, api.requests().length)
  return target
}

/** The requests the local API received since `target` was made. */
function recorded(target: CommentTargetSpec) {
  return api.requests().slice(logStart.get(target))
}

function sleeps(): { sleep: NonNullable<UpsertOptions['sleep']>; waited: number[] } {
  const waited: number[] = []
  return { waited, sleep: async (ms) => void waited.push(ms) }
}

describe('upsertComment', () => {
  it('creates one comment at submission and edits it while running and when finished', async () => {
    const target = freshTarget()
    const bodies = [
      renderComment(submittedModel(), redactKey),
      renderComment(submittedModel({ phase: 'running', status: 'in_progress' }), redactKey),
      renderComment(finishedModel(), redactKey)
    ]
    const results = []
    for (const body of bodies) results.push(await upsertComment(target, body))

    expect(results.map((r) => (r.ok ? r.action : r))).toEqual(['created', 'updated', 'updated'])
    const comments = api.comments(OWNER, REPO, target.issueNumber)
    expect(comments).toHaveLength(1)
    expect(comments[0]?.body).toBe(bodies[2])
    expect(comments[0]?.body).toContain('40 of 10,000 failed, 0.4%, within the 5% limit')
    const ids = new Set(results.map((r) => (r.ok ? r.commentId : 0)))
    expect([...ids]).toEqual([comments[0]?.id])

    const requests = recorded(target)
    expect(requests.map((r) => `${r.method} ${r.status}`)).toEqual([
      'GET 200',
      'POST 201',
      'GET 200',
      'PATCH 200',
      'GET 200',
      'PATCH 200'
    ])
    expect(requests.every((r) => r.authorized && r.authScheme === 'token')).toBe(true)
  })

  it('is wired from the runner environment: GITHUB_API_URL, the event payload and the step', async () => {
    issue += 1
    const env = runnerEnv({ GITHUB_API_URL: `${api.url}/`, GITHUB_ACTION: '__octo_batch_2' })
    const context = parseGitHubContext(env, pullRequestEvent(issue))
    const number = commentTarget('auto', context)
    expect(number).toBe(issue)
    const target = targetFromContext(context, TOKEN, number ?? 0)
    expect(target).toMatchObject({ apiUrl: api.url, owner: 'octo-org', repo: 'evals' })
    if (!target) return
    const model = submittedModel({ marker: markerPartsOf(context), runUrl: runUrl(context) })
    const result = await upsertComment(target, renderComment(model, redactKey))
    expect(result).toMatchObject({ ok: true, action: 'created' })
    const [comment] = api.comments(OWNER, REPO, issue)
    expect(comment?.body).toMatch(
      /^<!-- batch-inference-action:Nightly%20eval\/evaluate\/__octo_batch_2 -->\n/
    )
    expect(comment?.body).toContain('/octo-org/evals/actions/runs/9876543210/attempts/2)')
    expect(targetFromContext(parseGitHubContext({}, undefined), TOKEN, 1)).toBeUndefined()
  })

  it('does not write again when the body is unchanged', async () => {
    const target = freshTarget()
    const body = renderComment(submittedModel(), redactKey)
    await upsertComment(target, body)
    const result = await upsertComment(target, body)
    expect(result).toMatchObject({ ok: true, action: 'unchanged' })
    expect(recorded(target).map((r) => r.method)).toEqual(['GET', 'POST', 'GET'])
  })

  it('leaves an unrelated comment and the comment of another step untouched', async () => {
    const target = freshTarget()
    const person = { login: 'octocat', id: 1, type: 'User' }
    const unrelated = api.addComment(
      OWNER,
      REPO,
      target.issueNumber,
      `Quoting:\n> ${MARKER}`,
      person
    )
    const otherMarker = commentMarker({ ...marker, step: 'batch-2' })
    const other = api.addComment(OWNER, REPO, target.issueNumber, `${otherMarker}\nother step`)

    await upsertComment(target, renderComment(submittedModel(), redactKey))
    await upsertComment(target, renderComment(finishedModel(), redactKey))

    const comments = api.comments(OWNER, REPO, target.issueNumber)
    expect(comments).toHaveLength(3)
    expect(comments[0]).toEqual(unrelated)
    expect(comments[1]).toEqual(other)
    expect(comments[2]?.body.startsWith(`${MARKER}\n`)).toBe(true)
    expect(recorded(target).filter((r) => r.op === 'update')).toHaveLength(1)
  })

  it('finds the marked comment on page 2 of 3 and reads no further', async () => {
    const target = freshTarget()
    for (let i = 0; i < 120; i++) api.addComment(OWNER, REPO, target.issueNumber, `chatter ${i}`)
    const ours = api.addComment(OWNER, REPO, target.issueNumber, `${MARKER}\nold`)
    for (let i = 0; i < 100; i++) api.addComment(OWNER, REPO, target.issueNumber, `more ${i}`)

    const result = await upsertComment(target, renderComment(finishedModel(), redactKey))

    expect(result).toMatchObject({ ok: true, action: 'updated', commentId: ours.id })
    const comments = api.comments(OWNER, REPO, target.issueNumber)
    expect(comments).toHaveLength(221)
    expect(comments.find((c) => c.id === ours.id)?.body).toContain('finished')
    const lists = recorded(target).filter((r) => r.op === 'list')
    expect(lists.map((r) => [r.query['per_page'], r.query['page'] ?? '1'])).toEqual([
      ['100', '1'],
      ['100', '2']
    ])
  })

  it.each([
    [403, 'Resource not accessible by integration', 'fork'],
    [404, 'Not Found', 'cannot see']
  ])('turns %d into a notice, without retrying or writing', async (status, message, hint) => {
    const target = freshTarget()
    api.setFault({ status })
    const { sleep, waited } = sleeps()
    const result = await upsertComment(target, renderComment(submittedModel(), redactKey), {
      sleep
    })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.notice).toContain(`GitHub answered ${status} (${message})`)
    expect(result.notice).toContain(hint)
    expect(result.notice).toContain('permissions: pull-requests: write')
    expect(result.warning).toBeUndefined()
    expect(waited).toEqual([])
    expect(api.comments(OWNER, REPO, target.issueNumber)).toEqual([])
  })

  it('retries server errors with backoff and then succeeds', async () => {
    const target = freshTarget()
    api.setFault({ status: 502, times: 2 })
    const { sleep, waited } = sleeps()
    const result = await upsertComment(target, renderComment(submittedModel(), redactKey), {
      sleep
    })
    expect(result).toMatchObject({ ok: true, action: 'created' })
    expect(waited).toEqual([1000, 3000])
    expect(recorded(target).map((r) => r.status)).toEqual([502, 502, 200, 201])
    expect(api.comments(OWNER, REPO, target.issueNumber)).toHaveLength(1)
  })

  it('never adds a second comment when a create went through but its answer was an error', async () => {
    const target = freshTarget()
    api.setFault({ status: 500, op: 'create', times: 1, after: true })
    const body = renderComment(submittedModel(), redactKey)
    const result = await upsertComment(target, body, sleeps())
    expect(result).toMatchObject({ ok: true, action: 'unchanged' })
    expect(api.comments(OWNER, REPO, target.issueNumber).map((c) => c.body)).toEqual([body])
  })

  it('gives up after the attempts with a warning, never a throw', async () => {
    const target = freshTarget()
    api.setFault({ status: 503 })
    const { sleep, waited } = sleeps()
    const result = await upsertComment(target, renderComment(submittedModel(), redactKey), {
      sleep,
      attempts: 3,
      baseDelayMs: 10
    })
    expect(result).toEqual({
      ok: false,
      warning: `The comment on pull request #${target.issueNumber} of octo-org/evals was not written: GitHub answered 503 (Server Error).`
    })
    expect(waited).toEqual([10, 30])
  })

  it('reports a rejected token as a warning naming github-token', async () => {
    const target = freshTarget({ token: 'ghs_wrong' })
    const result = await upsertComment(target, renderComment(submittedModel(), redactKey), sleeps())
    expect(result).toMatchObject({ ok: false, warning: expect.stringContaining('github-token') })
    expect(recorded(target).map((r) => [r.status, r.authorized])).toEqual([[401, false]])
  })

  it('retries when nothing answers, then warns', async () => {
    const closed = await startMockGitHubApi()
    await closed.close()
    const target = freshTarget({ apiUrl: closed.url })
    const { sleep, waited } = sleeps()
    const result = await upsertComment(target, renderComment(submittedModel(), redactKey), {
      sleep,
      attempts: 2
    })
    expect(result).toMatchObject({
      ok: false,
      warning: expect.stringContaining('GitHub could not be reached (')
    })
    expect(waited).toEqual([1000])
  })

  it('abandons an attempt that gets no answer in time, then warns', async () => {
    const silent = http.createServer(() => undefined)
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    const { port } = silent.address() as AddressInfo
    try {
      const target = freshTarget({ apiUrl: `http://127.0.0.1:${port}` })
      const { sleep, waited } = sleeps()
      const result = await upsertComment(target, renderComment(submittedModel(), redactKey), {
        sleep,
        attempts: 2,
        attemptTimeoutMs: 200
      })
      expect(result).toMatchObject({
        ok: false,
        warning: expect.stringContaining('GitHub could not be reached (')
      })
      expect(waited).toEqual([1000])
    } finally {
      silent.closeAllConnections()
      await new Promise((resolve) => silent.close(resolve))
    }
  })

  it('masks secrets in what it returns', async () => {
    const target = freshTarget()
    api.setFault({ status: 503, message: `upstream said ${PLANTED_KEY}` })
    const result = await upsertComment(target, renderComment(submittedModel(), redactKey), {
      ...sleeps(),
      attempts: 1,
      redact: redactKey
    })
    expect(result).toMatchObject({
      ok: false,
      warning: expect.stringContaining('upstream said ***')
    })
    expect(JSON.stringify(result)).not.toContain(PLANTED_KEY)
  })

  it('makes no request without a token', async () => {
    const target = freshTarget({ token: '' })
    const result = await upsertComment(target, renderComment(submittedModel(), redactKey))
    expect(result).toMatchObject({ ok: false, notice: expect.stringContaining('no github-token') })
    expect(recorded(target)).toEqual([])
  })

  it('refuses a body without its marker, which could never be found again', async () => {
    const target = freshTarget()
    const result = await upsertComment(target, 'no marker here')
    expect(result).toMatchObject({ ok: false, warning: expect.stringContaining('marker') })
    expect(recorded(target)).toEqual([])
  })

  it('never records the planted key in any comment body', async () => {
    const target = freshTarget()
    await upsertComment(target, renderComment(finishedModel(), redactKey))
    expect(api.comments(OWNER, REPO, target.issueNumber)[0]?.body).toContain('Invalid key ***')
    // Every comment any test of this file wrote.
    for (let n = 101; n <= target.issueNumber; n++) {
      for (const comment of api.comments(OWNER, REPO, n)) {
        expect(comment.body).not.toContain(PLANTED_KEY)
      }
    }
  })
})
