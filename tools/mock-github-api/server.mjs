// @ts-check
// Local GitHub REST API (issue comments only) for the tests of the pull-request comment.
// Plain ESM on Node built-ins only, loopback only, type-checked from JSDoc (`tsc -p tools`).
// Usage: ./README.md. This file starts the server, routes requests and applies the fault rule;
// the comments live in ./lib/comments.mjs, reading and answering HTTP in ./lib/http-io.mjs.
import http from 'node:http'
import { carryOut, createCommentStore } from './lib/comments.mjs'
import { HttpError, checkAuth, defaultMessage, errorBody, readBody, send } from './lib/http-io.mjs'

/**
 * The public types, re-exported from ./lib/types.mjs (the one place they are written).
 * @typedef {import('./lib/types.mjs').MockGitHubApi} MockGitHubApi
 * @typedef {import('./lib/types.mjs').MockGitHubApiOptions} MockGitHubApiOptions
 * @typedef {import('./lib/types.mjs').MockGitHubUser} MockGitHubUser
 * @typedef {import('./lib/types.mjs').IssueComment} IssueComment
 * @typedef {import('./lib/types.mjs').MockGitHubOp} MockGitHubOp
 * @typedef {import('./lib/types.mjs').MockGitHubFault} MockGitHubFault
 * @typedef {import('./lib/types.mjs').MockGitHubLogEntry} MockGitHubLogEntry
 */
/** @import { ActiveFault } from './lib/types.mjs' */

const DEFAULT_TOKEN = 'test-github-token'
const DEFAULT_USER = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' }

const LIST_PATH = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/
const UPDATE_PATH = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/

/** @param {MockGitHubApiOptions} [options] @returns {Promise<MockGitHubApi>} */
export async function startMockGitHubApi(options = {}) {
  const token = options.token === undefined ? DEFAULT_TOKEN : options.token
  const user = { ...DEFAULT_USER, ...options.user }
  /** @type {MockGitHubLogEntry[]} */
  const log = []
  /** @type {ActiveFault[]} */
  let faults = []
  let base = ''
  const store = createCommentStore(user, () => base)

  /** The first fault rule matching `op`, used up by one. @param {MockGitHubOp} op */
  const takeFault = (op) => {
    const rule = faults.find((f) => f.op === '*' || f.op === op)
    if (!rule) return undefined
    rule.times -= 1
    faults = faults.filter((f) => f.times > 0)
    return rule
  }

  /** @param {http.IncomingMessage} req @param {http.ServerResponse} res */
  const handle = async (req, res) => {
    const url = new URL(req.url ?? '/', base)
    const method = req.method ?? 'GET'
    const list = LIST_PATH.exec(url.pathname)
    const update = UPDATE_PATH.exec(url.pathname)
    /** @type {MockGitHubOp} */
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
    /** @type {MockGitHubLogEntry} */
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
      const result = carryOut(store, op, url, bodyText, match)
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
    comments: (owner, repo, issue) =>
      store.issueComments(owner, repo, issue).map((c) => ({ ...c, user: { ...c.user } })),
    addComment: store.addComment,
    requests: () => log.map((e) => ({ ...e, query: { ...e.query } })),
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
