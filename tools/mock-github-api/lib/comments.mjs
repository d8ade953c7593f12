// @ts-check
// The stored issue comments and the three calls on them (list a page, create, edit), answered as
// GitHub answers them: its page sizes, its Link header, its limits on the comment body.
import { HttpError } from './http-io.mjs'

/** @import { Answer, IssueComment, MockGitHubOp, MockGitHubUser } from './types.mjs' */

// GitHub's limits for the issue-comments endpoints.
const DEFAULT_PER_PAGE = 30
const MAX_PER_PAGE = 100
const MAX_BODY_CHARS = 65536

/** @param {string} owner @param {string} repo @param {number} issue */
function issueKey(owner, repo, issue) {
  // GitHub treats owner and repository names case-insensitively.
  return `${owner.toLowerCase()}/${repo.toLowerCase()}#${issue}`
}

/**
 * The comment text of a create or edit request; GitHub answers 422 for a missing or too long body.
 * @param {string} text
 */
function parseCommentBody(text) {
  /** @type {unknown} */
  let parsed
  try {
    parsed = JSON.parse(text)
  } catch {
    throw new HttpError(400, 'Problems parsing JSON')
  }
  const body =
    typeof parsed === 'object' && parsed !== null && 'body' in parsed ? parsed.body : undefined
  if (typeof body !== 'string')
    throw new HttpError(422, 'Invalid request.\n\n"body" wasn\'t supplied.')
  if (body.length > MAX_BODY_CHARS) {
    throw new HttpError(422, `Body is too long (maximum is ${MAX_BODY_CHARS} characters)`)
  }
  return body
}

/**
 * The Link header GitHub sends with a page of a list: prev, next, last, first, each when it applies.
 * @param {URL} url @param {number} page @param {number} lastPage
 */
function linkHeader(url, page, lastPage) {
  /** @param {number} n @param {string} rel */
  const link = (n, rel) => {
    const target = new URL(url)
    target.searchParams.set('page', String(n))
    return `<${target.href}>; rel="${rel}"`
  }
  const links = []
  if (page > 1) links.push(link(Math.min(page - 1, lastPage), 'prev'))
  if (page < lastPage) links.push(link(page + 1, 'next'), link(lastPage, 'last'))
  if (page > 1) links.push(link(1, 'first'))
  return links.join(', ')
}

/** @param {string | null} value @param {number} fallback */
function positiveInt(value, fallback) {
  const n = Number(value)
  return value !== null && Number.isSafeInteger(n) && n > 0 ? n : fallback
}

/**
 * The comments of every issue, one store per server.
 * @param {MockGitHubUser} defaultAuthor Author of the comments created through the API.
 * @param {() => string} baseUrl The server's URL, known once it listens.
 */
export function createCommentStore(defaultAuthor, baseUrl) {
  /** @type {Map<string, IssueComment[]>} */
  const byIssue = new Map()
  let nextId = 1000

  /** @param {string} owner @param {string} repo @param {number} issue */
  const issueComments = (owner, repo, issue) => {
    const key = issueKey(owner, repo, issue)
    let list = byIssue.get(key)
    if (!list) byIssue.set(key, (list = []))
    return list
  }

  /** @param {string} owner @param {string} repo @param {number} issue @param {string} body @param {MockGitHubUser} [author] */
  const addComment = (owner, repo, issue, body, author = defaultAuthor) => {
    const id = nextId++
    const now = new Date().toISOString()
    const repoUrl = `${baseUrl()}/repos/${owner}/${repo}`
    /** @type {IssueComment} */
    const comment = {
      id,
      node_id: `IC_mock${id}`,
      url: `${repoUrl}/issues/comments/${id}`,
      html_url: `https://github.com/${owner}/${repo}/pull/${issue}#issuecomment-${id}`,
      issue_url: `${repoUrl}/issues/${issue}`,
      body,
      user: { ...author },
      author_association: author.type === 'Bot' ? 'NONE' : 'MEMBER',
      created_at: now,
      updated_at: now
    }
    issueComments(owner, repo, issue).push(comment)
    return comment
  }

  /** @param {number} id */
  const findComment = (id) => {
    for (const list of byIssue.values()) {
      const comment = list.find((c) => c.id === id)
      if (comment) return comment
    }
    return undefined
  }

  return { issueComments, addComment, findComment }
}

/** @typedef {ReturnType<typeof createCommentStore>} CommentStore */

/**
 * Carries out a list, create or update on the store; `m` is the matched path (owner, repo, number).
 * @param {CommentStore} store @param {Exclude<MockGitHubOp, 'unknown'>} op @param {URL} url
 * @param {string} bodyText @param {RegExpExecArray} m
 * @returns {Answer}
 */
export function carryOut(store, op, url, bodyText, m) {
  const [, owner = '', repo = '', number = ''] = m
  if (op === 'list') {
    const list = store.issueComments(owner, repo, Number(number))
    const perPage = Math.min(
      positiveInt(url.searchParams.get('per_page'), DEFAULT_PER_PAGE),
      MAX_PER_PAGE
    )
    const page = positiveInt(url.searchParams.get('page'), 1)
    const lastPage = Math.max(1, Math.ceil(list.length / perPage))
    /** @type {Record<string, string>} */
    const headers = list.length > perPage ? { link: linkHeader(url, page, lastPage) } : {}
    return { status: 200, headers, data: list.slice((page - 1) * perPage, page * perPage) }
  }
  if (op === 'create') {
    return {
      status: 201,
      headers: {},
      data: store.addComment(owner, repo, Number(number), parseCommentBody(bodyText))
    }
  }
  const comment = store.findComment(Number(number))
  if (!comment) throw new HttpError(404, 'Not Found')
  comment.body = parseCommentBody(bodyText)
  comment.updated_at = new Date().toISOString()
  return { status: 200, headers: {}, data: comment }
}
