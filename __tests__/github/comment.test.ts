// upsertComment through the real Octokit of @actions/github against the local GitHub API.
import { describe, expect, it } from '@jest/globals'
import { commentMarker } from '../../src/github/comment-model.js'
import { renderComment } from '../../src/github/comment-render.js'
import { parseGitHubContext, runUrl } from '../../src/github/context.js'
import {
  commentTarget,
  markerPartsOf,
  targetFromContext,
  upsertComment
} from '../../src/github/comment.js'
import {
  PLANTED_KEY,
  finishedModel,
  marker,
  pullRequestEvent,
  redactKey,
  runnerEnv,
  submittedModel
} from '../../__fixtures__/github-comment.js'
import { MARKER, OWNER, REPO, TOKEN, useLocalGitHub } from '../../__fixtures__/github-api.js'

const github = useLocalGitHub()
const { freshTarget, recorded } = github

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
    const comments = github.api.comments(OWNER, REPO, target.issueNumber)
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
    const issue = github.nextIssue()
    const env = runnerEnv({ GITHUB_API_URL: `${github.api.url}/`, GITHUB_ACTION: '__octo_batch_2' })
    const context = parseGitHubContext(env, pullRequestEvent(issue))
    const number = commentTarget('auto', context)
    expect(number).toBe(issue)
    const target = targetFromContext(context, TOKEN, number ?? 0)
    expect(target).toMatchObject({ apiUrl: github.api.url, owner: 'octo-org', repo: 'evals' })
    if (!target) return
    const model = submittedModel({ marker: markerPartsOf(context), runUrl: runUrl(context) })
    const result = await upsertComment(target, renderComment(model, redactKey))
    expect(result).toMatchObject({ ok: true, action: 'created' })
    const [comment] = github.api.comments(OWNER, REPO, issue)
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
    const unrelated = github.api.addComment(
      OWNER,
      REPO,
      target.issueNumber,
      `Quoting:\n> ${MARKER}`,
      person
    )
    const otherMarker = commentMarker({ ...marker, step: 'batch-2' })
    const other = github.api.addComment(
      OWNER,
      REPO,
      target.issueNumber,
      `${otherMarker}\nother step`
    )

    await upsertComment(target, renderComment(submittedModel(), redactKey))
    await upsertComment(target, renderComment(finishedModel(), redactKey))

    const comments = github.api.comments(OWNER, REPO, target.issueNumber)
    expect(comments).toHaveLength(3)
    expect(comments[0]).toEqual(unrelated)
    expect(comments[1]).toEqual(other)
    expect(comments[2]?.body.startsWith(`${MARKER}\n`)).toBe(true)
    expect(recorded(target).filter((r) => r.op === 'update')).toHaveLength(1)
  })

  it('finds the marked comment on page 2 of 3 and reads no further', async () => {
    const target = freshTarget()
    for (let i = 0; i < 120; i++)
      github.api.addComment(OWNER, REPO, target.issueNumber, `chatter ${i}`)
    const ours = github.api.addComment(OWNER, REPO, target.issueNumber, `${MARKER}\nold`)
    for (let i = 0; i < 100; i++)
      github.api.addComment(OWNER, REPO, target.issueNumber, `more ${i}`)

    const result = await upsertComment(target, renderComment(finishedModel(), redactKey))

    expect(result).toMatchObject({ ok: true, action: 'updated', commentId: ours.id })
    const comments = github.api.comments(OWNER, REPO, target.issueNumber)
    expect(comments).toHaveLength(221)
    expect(comments.find((c) => c.id === ours.id)?.body).toContain('finished')
    const lists = recorded(target).filter((r) => r.op === 'list')
    expect(lists.map((r) => [r.query['per_page'], r.query['page'] ?? '1'])).toEqual([
      ['100', '1'],
      ['100', '2']
    ])
  })

  it('writes the planted key masked (useLocalGitHub checks every comment of the file after all)', async () => {
    const target = freshTarget()
    await upsertComment(target, renderComment(finishedModel(), redactKey))
    const [comment] = github.api.comments(OWNER, REPO, target.issueNumber)
    expect(comment?.body).toContain('Invalid key ***')
    expect(comment?.body).not.toContain(PLANTED_KEY)
  })
})
