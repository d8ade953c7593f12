// @ts-check
// Local GitHub REST API (issue comments only) for the tests of the pull-request comment.
// Plain ESM on Node built-ins only, loopback only. Types: ./server.d.mts. Usage: ./README.md.
import http from 'node:http'

/**
 * @typedef {{ id: number, node_id: string, url: string, html_url: string, issue_url: string, body: string,
 *   user: { login: string, id: number, type: string }, author_association: string,
 *   created_at: string, updated_at: string }} IssueComment
 * @typedef {'list' | 'create' | 'update' | 'unknown'} Op
 * @typedef {{ status: number, times?: number, op?: Op | '*', after?: boolean, message?: string }} Fault
 * @typedef {{ op: Op, method: string, path: string, query: Record<string, string>, status: number,
 *   authorized: boolean, authScheme: string | null, fault?: number, at: number }} LogEntry
 */

const DEFAULT_TOKEN = 'test-github-token'
const DEFAULT_USER = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' }
// GitHub's limits for the issue-comments endpoints.
const DEFAULT_PER_PAGE = 30
const MAX_PER_PAGE = 100
const MAX_BODY_CHARS = 65536
const MAX_REQUEST_BYTES = 1 << 20
const DOCS = 'https://docs.github.com/rest/issues/comments'
const FORK_MESSAGE = 'Resource not accessible by integration'

const LIST_PATH = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/
const UPDATE_PATH = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/

class HttpError extends Error {
  /** @param {number} status @param {string} message */
  constructor(status, message) {
    super(message)
    this.status = status
  }
}

/** @param {string} owner @param {string} repo @param {number} issue */
function issueKey(owner, repo, issue) {
  // GitHub treats owner and repository names case-insensitively.
  return `${owner.toLowerCase()}/${repo.toLowerCase()}#${issue}`
}

/** @param {string | undefined} header @param {string | null} token */
function checkAuth(header, token) {
  const match = /^(token|bearer)\s+(\S+)$/i.exec(header ?? '')
  const scheme = match?.[1]?.toLowerCase() ?? null
  return { scheme, ok: token === null || (match !== null && match[2] === token) }
}

/** @param {http.IncomingMessage} req @returns {Promise<string>} */
async function readBody(req) {
  const chunks = []
  let size = 0
  for await (const chunk of req) {
    size += chunk.length
    if (size > MAX_REQUEST_BYTES) throw new HttpError(413, 'Payload too large')
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/**
 * The comment text of a create or edit request; GitHub answers 422 for a missing or too long body.
 * @param {string} text
 */
function parseCommentBody(text) {
  let parsed
  try {
    parsed = JSON.parse(text)
  } catch {
    throw new HttpError(400, 'Problems parsing JSON')
  }
  const body = parsed?.body
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

/** @param {import('./server.d.mts').MockGitHubApiOptions} [options] */
export async function startMockGitHubApi(options = {}) {
  const token = options.token === undefined ? DEFAULT_TOKEN : options.token
  const user = { ...DEFAULT_USER, ...options.user }
  /** @type {Map<string, IssueComment[]>} */
  const byIssue = new Map()
  /** @type {LogEntry[]} */
  const log = []
  /** @type {Array<Required<Omit<Fault, 'message'>> & { message?: string }>} */
  let faults = []
  let nextId = 1000
  let base = ''

  /** @param {string} owner @param {string} repo @param {number} issue */
  const issueComments = (owner, repo, issue) => {
    const key = issueKey(owner, repo, issue)
    let list = byIssue.get(key)
    if (!list) byIssue.set(key, (list = []))
    return list
  }

  /** @param {string} owner @param {string} repo @param {number} issue @param {string} body @param {{ login: string, id: number, type: string }} author */
  const addComment = (owner, repo, issue, body, author = user) => {
    const id = nextId++
    const now = new Date().toISOString()
    const repoUrl = `${base}/repos/${owner}/${repo}`
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

  const findComment = (/** @type {number} */ id) => {
    for (const list of byIssue.values()) {
      const comment = list.find((c) => c.id === id)
      if (comment) return comment
    }
    return undefined
  }

  /** The first fault rule matching `op`, used up by one. @param {Op} op */
  const takeFault = (op) => {
    const rule = faults.find((f) => f.op === '*' || f.op === op)
    if (!rule) return undefined
    rule.times -= 1
    faults = faults.filter((f) => f.times > 0)
    return rule
  }

  /** @param {Op} op @param {string} method @param {URL} url @param {string} bodyText @param {RegExpExecArray} m */
  const carryOut = (op, method, url, bodyText, m) => {
    const [, owner = '', repo = '', number = ''] = m
    if (op === 'list') {
      const list = issueComments(owner, repo, Number(number))
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
        data: addComment(owner, repo, Number(number), parseCommentBody(bodyText))
      }
    }
    const comment = findComment(Number(number))
    if (!comment) throw new HttpError(404, 'Not Found')
    comment.body = parseCommentBody(bodyText)
    comment.updated_at = new Date().toISOString()
    return { status: 200, headers: {}, data: comment }
  }

  /** @param {http.ServerResponse} res @param {number} status @param {unknown} data @param {Record<string, string>} [headers] */
  const send = (res, status, data, headers = {}) => {
    const text = JSON.stringify(data)
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
      'x-github-media-type': 'github.v3; format=json',
      ...headers
    })
    res.end(text)
  }

  /** @param {number} status @param {string} message */
  const errorBody = (status, message) => ({
    message,
    documentation_url: DOCS,
    status: String(status)
  })

  /** @param {http.IncomingMessage} req @param {http.ServerResponse} res */
  const handle = async (req, res) => {
    const url = new URL(req.url ?? '/', base)
    const method = req.method ?? 'GET'
    const list = LIST_PATH.exec(url.pathname)
    const update = UPDATE_PATH.exec(url.pathname)
    /** @type {Op} */
    const op = list
      ? method === 'GET'
        ? 'list'
        : method === 'POST'
          ? 'create'
          : 'unknown'
      : update && method === 'PATCH'
        ? 'update'
        : 'unknown'
    const auth = checkAuth(req.headers.authorization, token)
    /** @type {LogEntry} */
    const entry = {
      op,
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      status: 0,
      authorized: auth.ok,
      authScheme: auth.scheme,
      at: Date.now()
    }
    log.push(entry)
    /** @param {number} status @param {unknown} data @param {Record<string, string>} [headers] */
    const answer = (status, data, headers) => {
      entry.status = status
      send(res, status, data, headers)
    }
    try {
      const bodyText = await readBody(req)
      if (!auth.ok) return answer(401, errorBody(401, 'Bad credentials'))
      const match = list ?? update
      if (op === 'unknown' || !match) return answer(404, errorBody(404, 'Not Found'))
      const fault = takeFault(op)
      if (fault && !fault.after) {
        entry.fault = fault.status
        return answer(
          fault.status,
          errorBody(fault.status, fault.message ?? defaultMessage(fault.status))
        )
      }
      const result = carryOut(op, method, url, bodyText, match)
      if (fault) {
        // The change happened but the client is told it failed: what a retry must cope with.
        entry.fault = fault.status
        return answer(
          fault.status,
          errorBody(fault.status, fault.message ?? defaultMessage(fault.status))
        )
      }
      answer(result.status, result.data, result.headers)
    } catch (error) {
      const status = error instanceof HttpError ? error.status : 500
      answer(status, errorBody(status, error instanceof Error ? error.message : String(error)))
    }
  }

  const server = http.createServer((req, res) => void handle(req, res))
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve(undefined))
  })
  const address = server.address()
  if (address === null || typeof address === 'string')
    throw new Error('mock GitHub API has no port')
  base = `http://127.0.0.1:${address.port}`

  return {
    url: base,
    port: address.port,
    /** @param {string} owner @param {string} repo @param {number} issue */
    comments: (owner, repo, issue) =>
      issueComments(owner, repo, issue).map((c) => ({ ...c, user: { ...c.user } })),
    addComment,
    requests: () => log.map((e) => ({ ...e, query: { ...e.query } })),
    /** Replaces the fault rule; null clears it. @param {Fault | null} fault */
    setFault(fault) {
      faults =
        fault === null
          ? []
          : [
              {
                op: fault.op ?? '*',
                times: fault.times ?? Infinity,
                after: fault.after ?? false,
                status: fault.status,
                message: fault.message
              }
            ]
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve(undefined))
      })
  }
}

/** @param {number} status */
function defaultMessage(status) {
  if (status === 403) return FORK_MESSAGE
  if (status === 404) return 'Not Found'
  if (status === 429) return 'API rate limit exceeded'
  return status >= 500 ? 'Server Error' : 'Error'
}
