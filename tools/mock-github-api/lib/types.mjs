// @ts-check
// The mock's types, written once as JSDoc. server.mjs re-exports the public ones, so the TypeScript
// tests see exactly what the code is checked against (`tsc -p tools`): there is no second copy to drift.

/**
 * @typedef {object} MockGitHubUser
 * @property {string} login
 * @property {number} id
 * @property {string} type
 */

/**
 * @typedef {object} MockGitHubApiOptions
 * @property {number} [port] Default 0 (ephemeral). The host is always 127.0.0.1.
 * @property {string | null} [token] The token `authorization: token X` or `Bearer X` must carry (default 'test-github-token'); null disables auth.
 * @property {Partial<MockGitHubUser>} [user] Author of the comments created through the API (default github-actions[bot]).
 */

/**
 * @typedef {object} IssueComment
 * @property {number} id
 * @property {string} node_id
 * @property {string} url
 * @property {string} html_url
 * @property {string} issue_url
 * @property {string} body
 * @property {MockGitHubUser} user
 * @property {string} author_association
 * @property {string} created_at
 * @property {string} updated_at
 */

/**
 * list: GET .../issues/{n}/comments, create: POST the same, update: PATCH .../issues/comments/{id}.
 * @typedef {'list' | 'create' | 'update' | 'unknown'} MockGitHubOp
 */

/**
 * @typedef {object} MockGitHubFault
 * @property {number} status HTTP status to answer: 403 (a fork's read-only token), 404, 5xx, ...
 * @property {number} [times] How many matching requests it applies to (default: all).
 * @property {MockGitHubOp | '*'} [op] Which call (default '*': every call).
 * @property {boolean} [after] Carry out the request first, then answer `status` (the client cannot tell that it happened).
 * @property {string} [message] Default: GitHub's message for the status ('Resource not accessible by integration' for 403).
 */

/** @typedef {Required<Omit<MockGitHubFault, 'message'>> & { message?: string }} ActiveFault */

/**
 * @typedef {object} MockGitHubLogEntry
 * @property {MockGitHubOp} op
 * @property {string} method
 * @property {string} path
 * @property {Record<string, string>} query
 * @property {number} status HTTP status sent.
 * @property {boolean} authorized The request carried the configured token.
 * @property {string | null} authScheme 'token', 'bearer' or null (no or malformed authorization header); the token itself is not kept.
 * @property {number} [fault] Status of the fault that answered this request.
 * @property {number} at
 */

/**
 * What a carried-out request answers.
 * @typedef {{ status: number, headers: Record<string, string>, data: unknown }} Answer
 */

/**
 * @typedef {object} MockGitHubApi
 * @property {string} url 'http://127.0.0.1:PORT' (what GITHUB_API_URL / Octokit's baseUrl points at).
 * @property {number} port
 * @property {(owner: string, repo: string, issue: number) => IssueComment[]} comments Copies of the comments of one issue or pull request, oldest first.
 * @property {(owner: string, repo: string, issue: number, body: string, author?: MockGitHubUser) => IssueComment} addComment Adds a comment directly (not logged), as another user or an earlier run would have written it.
 * @property {() => MockGitHubLogEntry[]} requests Every request, in arrival order.
 * @property {(fault: MockGitHubFault | null) => void} setFault Replaces the fault rule; null clears it.
 * @property {() => Promise<void>} close
 */

export {}
