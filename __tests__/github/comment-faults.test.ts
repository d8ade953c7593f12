// upsertComment when GitHub refuses, fails or does not answer: notices and warnings, never a throw.
import { describe, expect, it } from '@jest/globals'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { renderComment } from '../../src/github/comment-render.js'
import { upsertComment } from '../../src/github/comment.js'
import { startMockGitHubApi } from '../../tools/mock-github-api/server.mjs'
import { PLANTED_KEY, redactKey, submittedModel } from '../../__fixtures__/github-comment.js'
import { OWNER, REPO, sleeps, useLocalGitHub } from '../../__fixtures__/github-api.js'

const github = useLocalGitHub()
const { freshTarget, recorded } = github

describe('upsertComment when GitHub fails', () => {
  it.each([
    [403, 'Resource not accessible by integration', 'fork'],
    [404, 'Not Found', 'cannot see']
  ])('turns %d into a notice, without retrying or writing', async (status, message, hint) => {
    const target = freshTarget()
    github.api.setFault({ status })
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
    expect(github.api.comments(OWNER, REPO, target.issueNumber)).toEqual([])
  })

  it('retries server errors with backoff and then succeeds', async () => {
    const target = freshTarget()
    github.api.setFault({ status: 502, times: 2 })
    const { sleep, waited } = sleeps()
    const result = await upsertComment(target, renderComment(submittedModel(), redactKey), {
      sleep
    })
    expect(result).toMatchObject({ ok: true, action: 'created' })
    expect(waited).toEqual([1000, 3000])
    expect(recorded(target).map((r) => r.status)).toEqual([502, 502, 200, 201])
    expect(github.api.comments(OWNER, REPO, target.issueNumber)).toHaveLength(1)
  })

  it('never adds a second comment when a create went through but its answer was an error', async () => {
    const target = freshTarget()
    github.api.setFault({ status: 500, op: 'create', times: 1, after: true })
    const body = renderComment(submittedModel(), redactKey)
    const result = await upsertComment(target, body, sleeps())
    expect(result).toMatchObject({ ok: true, action: 'unchanged' })
    expect(github.api.comments(OWNER, REPO, target.issueNumber).map((c) => c.body)).toEqual([body])
  })

  it('gives up after the attempts with a warning, never a throw', async () => {
    const target = freshTarget()
    github.api.setFault({ status: 503 })
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
    github.api.setFault({ status: 503, message: `upstream said ${PLANTED_KEY}` })
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
})
