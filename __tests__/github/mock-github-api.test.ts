// The local GitHub API answers as GitHub's REST API does for issue comments, over plain HTTP.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { startMockGitHubApi, type MockGitHubApi } from '../../tools/mock-github-api/server.mjs'

const TOKEN = 'ghs_mock-test'
let api: MockGitHubApi

beforeAll(async () => {
  api = await startMockGitHubApi({ token: TOKEN })
})
afterEach(() => api.setFault(null))
afterAll(async () => {
  await api.close()
})

async function call(
  method: string,
  path: string,
  body?: unknown,
  authorization = `token ${TOKEN}`
): Promise<{ status: number; data: unknown; link: string | null }> {
  const response = await fetch(`${api.url}${path}`, {
    method,
    headers: { authorization, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body)
  })
  return {
    status: response.status,
    data: await response.json(),
    link: response.headers.get('link')
  }
}

describe('mock GitHub API', () => {
  it('serves on loopback', () => {
    expect(api.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  })

  it('creates, lists and edits a comment, accepting token and Bearer authorization', async () => {
    const created = await call('POST', '/repos/o/r/issues/1/comments', { body: 'hello' })
    expect(created.status).toBe(201)
    const comment = created.data as { id: number; body: string; user: { login: string } }
    expect(comment).toMatchObject({ body: 'hello', user: { login: 'github-actions[bot]' } })

    const edited = await call(
      'PATCH',
      `/repos/o/r/issues/comments/${comment.id}`,
      { body: 'edited' },
      `Bearer ${TOKEN}`
    )
    expect(edited).toMatchObject({ status: 200, data: { id: comment.id, body: 'edited' } })
    const listed = await call('GET', '/repos/O/R/issues/1/comments')
    expect(listed).toMatchObject({ status: 200, link: null, data: [{ body: 'edited' }] })
    expect(api.comments('o', 'r', 1).map((c) => c.body)).toEqual(['edited'])
  })

  it('pages a list with per_page and page and a Link header in GitHub’s order', async () => {
    for (let i = 0; i < 7; i++) api.addComment('o', 'r', 2, `c${i}`)
    const first = await call('GET', '/repos/o/r/issues/2/comments?per_page=3')
    const page = (n: number) => `<${api.url}/repos/o/r/issues/2/comments?per_page=3&page=${n}>`
    expect(first.link).toBe(`${page(2)}; rel="next", ${page(3)}; rel="last"`)
    const second = await call('GET', '/repos/o/r/issues/2/comments?per_page=3&page=2')
    expect((second.data as { body: string }[]).map((c) => c.body)).toEqual(['c3', 'c4', 'c5'])
    expect(second.link).toBe(
      `${page(1)}; rel="prev", ${page(3)}; rel="next", ${page(3)}; rel="last", ${page(1)}; rel="first"`
    )
    const third = await call('GET', '/repos/o/r/issues/2/comments?per_page=3&page=3')
    expect(third.link).toBe(`${page(2)}; rel="prev", ${page(1)}; rel="first"`)
    const beyond = await call('GET', '/repos/o/r/issues/2/comments?per_page=3&page=9')
    expect(beyond.data).toEqual([])
    const capped = await call('GET', '/repos/o/r/issues/2/comments?per_page=1000')
    expect(capped.data as unknown[]).toHaveLength(7)
  })

  it('answers like GitHub to a bad token, a missing or too long body and an unknown comment', async () => {
    const unauthorized = await call('GET', '/repos/o/r/issues/3/comments', undefined, 'token nope')
    expect(unauthorized).toMatchObject({ status: 401, data: { message: 'Bad credentials' } })
    const missing = await call('POST', '/repos/o/r/issues/3/comments', { text: 'x' })
    expect(missing.status).toBe(422)
    const tooLong = await call('POST', '/repos/o/r/issues/3/comments', { body: 'x'.repeat(65537) })
    expect(tooLong).toMatchObject({
      status: 422,
      data: { message: 'Body is too long (maximum is 65536 characters)' }
    })
    const unknown = await call('PATCH', '/repos/o/r/issues/comments/999999', { body: 'x' })
    expect(unknown).toMatchObject({ status: 404, data: { message: 'Not Found' } })
    expect(api.comments('o', 'r', 3)).toEqual([])
  })

  it('answers faults: a fork’s 403 on every call, 5xx a number of times, or after the change', async () => {
    api.setFault({ status: 403 })
    for (let i = 0; i < 2; i++) {
      const denied = await call('POST', '/repos/o/r/issues/4/comments', { body: 'x' })
      expect(denied).toMatchObject({
        status: 403,
        data: { message: 'Resource not accessible by integration', status: '403' }
      })
    }
    api.setFault({ status: 500, times: 1, op: 'create', after: true })
    expect((await call('GET', '/repos/o/r/issues/4/comments')).status).toBe(200)
    expect((await call('POST', '/repos/o/r/issues/4/comments', { body: 'y' })).status).toBe(500)
    expect((await call('POST', '/repos/o/r/issues/4/comments', { body: 'z' })).status).toBe(201)
    expect(api.comments('o', 'r', 4).map((c) => c.body)).toEqual(['y', 'z'])
    const log = api.requests().filter((r) => r.path.includes('/issues/4/'))
    expect(log.map((r) => [r.op, r.status, r.fault])).toEqual([
      ['create', 403, 403],
      ['create', 403, 403],
      ['list', 200, undefined],
      ['create', 500, 500],
      ['create', 201, undefined]
    ])
  })
})
