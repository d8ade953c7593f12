// Types for ./server.mjs (the local GitHub REST API, issue comments only, used by the tests).

export interface MockGitHubUser {
  login: string
  id: number
  type: string
}

export interface MockGitHubApiOptions {
  /** Default 0 (ephemeral). The host is always 127.0.0.1. */
  port?: number
  /** The token `authorization: token X` or `Bearer X` must carry (default 'test-github-token'); null disables auth. */
  token?: string | null
  /** Author of the comments created through the API (default github-actions[bot]). */
  user?: Partial<MockGitHubUser>
}

export interface IssueComment {
  id: number
  node_id: string
  url: string
  html_url: string
  issue_url: string
  body: string
  user: MockGitHubUser
  author_association: string
  created_at: string
  updated_at: string
}

/** list: GET .../issues/{n}/comments, create: POST the same, update: PATCH .../issues/comments/{id}. */
export type MockGitHubOp = 'list' | 'create' | 'update' | 'unknown'

export interface MockGitHubFault {
  /** HTTP status to answer: 403 (a fork's read-only token), 404, 5xx, ... */
  status: number
  /** How many matching requests it applies to (default: all). */
  times?: number
  /** Which call (default '*': every call). */
  op?: MockGitHubOp | '*'
  /** Carry out the request first, then answer `status` (the client cannot tell that it happened). */
  after?: boolean
  /** Default: GitHub's message for the status ('Resource not accessible by integration' for 403). */
  message?: string
}

export interface MockGitHubLogEntry {
  op: MockGitHubOp
  method: string
  path: string
  query: Record<string, string>
  /** HTTP status sent. */
  status: number
  /** The request carried the configured token. */
  authorized: boolean
  /** 'token', 'bearer' or null (no or malformed authorization header); the token itself is not kept. */
  authScheme: string | null
  /** Status of the fault that answered this request. */
  fault?: number
  at: number
}

export interface MockGitHubApi {
  /** 'http://127.0.0.1:PORT' (what GITHUB_API_URL / Octokit's baseUrl points at). */
  url: string
  port: number
  /** Copies of the comments of one issue or pull request, oldest first. */
  comments(owner: string, repo: string, issue: number): IssueComment[]
  /** Adds a comment directly (not logged), as another user or an earlier run would have written it. */
  addComment(
    owner: string,
    repo: string,
    issue: number,
    body: string,
    author?: MockGitHubUser
  ): IssueComment
  /** Every request, in arrival order. */
  requests(): MockGitHubLogEntry[]
  /** Replaces the fault rule; null clears it. */
  setFault(fault: MockGitHubFault | null): void
  close(): Promise<void>
}

export function startMockGitHubApi(options?: MockGitHubApiOptions): Promise<MockGitHubApi>
