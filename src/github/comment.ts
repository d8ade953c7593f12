// Writes the pull-request comment: finds the comment that carries the step's marker and edits it, or
// creates it when there is none, through @actions/github's Octokit.
//
// The comment is an extra: no outcome here ever fails the step. A fork's read-only token (403) or a
// pull request the token cannot see (404) is a notice; anything else is retried a few times, then
// reported as a warning. @actions/github is imported only when a comment is written, so commands that
// never comment do not pay for loading it.
import type { GitHubContext } from './context.js'
import { PULL_REQUEST_EVENTS } from './context.js'
import { commentMarker, isMarkedComment, type MarkerParts } from './comment-model.js'
import { oneLine } from './markdown.js'
import { createNodeFetch } from '../net/http-fetch.js'

export type CommentMode = 'auto' | 'always' | 'never'

/** Parses the `comment` input. */
export function parseCommentMode(text: string): CommentMode {
  const mode = text.trim().toLowerCase()
  if (mode === '') return 'auto'
  if (mode === 'auto' || mode === 'always' || mode === 'never') return mode
  throw new Error(`comment must be auto, always or never, got ${JSON.stringify(text)}`)
}

/**
 * The pull request to comment on, or undefined for none. `auto` comments on pull-request events, and
 * on a pull request named by the batch's tags (`collect` finishing a job submitted from one); `always`
 * whenever a pull request is known; `never` never.
 */
export function commentTarget(
  mode: CommentMode,
  context: Pick<GitHubContext, 'eventName' | 'pullRequestNumber'>,
  taggedPullRequest?: number
): number | undefined {
  if (mode === 'never') return undefined
  const fromEvent = context.pullRequestNumber
  if (mode === 'always') return fromEvent ?? taggedPullRequest
  if (fromEvent !== undefined && PULL_REQUEST_EVENTS.has(context.eventName)) return fromEvent
  return taggedPullRequest
}

/** True when the step writes a comment on this event. */
export function shouldComment(
  mode: CommentMode,
  context: Pick<GitHubContext, 'eventName' | 'pullRequestNumber'>
): boolean {
  return commentTarget(mode, context) !== undefined
}

export interface CommentTargetSpec {
  token: string
  /** GITHUB_API_URL; the token is sent nowhere else. */
  apiUrl: string
  owner: string
  repo: string
  issueNumber: number
  /** The hidden marker the body begins with (commentMarker()). */
  marker: string
}

/** The marker parts of this step: workflow, job and step as the runner names them. */
export function markerPartsOf(
  context: Pick<GitHubContext, 'workflow' | 'job' | 'step'>,
  variant?: string
): MarkerParts {
  return { workflow: context.workflow, job: context.job, step: context.step, variant }
}

/** Where this step's comment goes, or undefined when the repository is not known. */
export function targetFromContext(
  context: GitHubContext,
  token: string,
  issueNumber: number,
  variant?: string
): CommentTargetSpec | undefined {
  if (!context.owner || !context.repo) return undefined
  return {
    token,
    apiUrl: context.apiUrl,
    owner: context.owner,
    repo: context.repo,
    issueNumber,
    marker: commentMarker(markerPartsOf(context, variant))
  }
}

export interface UpsertOptions {
  /** Waits between attempts (injected so tests do not wait). Default: setTimeout. */
  sleep?: (ms: number) => Promise<void>
  /** Attempts in all (default 4). */
  attempts?: number
  /** Wait before retry n (1-based): baseDelayMs * 3^(n-1). Default 1000. */
  baseDelayMs?: number
  /** Each attempt (listing and writing) is abandoned after this long (default 30 s). */
  attemptTimeoutMs?: number
  /** Masks secrets in the messages returned. */
  redact?: (text: string) => string
}

export type CommentResult =
  | { ok: true; action: 'created' | 'updated' | 'unchanged'; commentId: number; url: string }
  | { ok: false; notice: string; warning?: undefined }
  | { ok: false; warning: string; notice?: undefined }

type Octokit = ReturnType<(typeof import('@actions/github'))['getOctokit']>

/** What a failed call came to: GitHub's status (none when nothing answered) and message. */
export interface CommentHttpFailure {
  status?: number
  message: string
}

/**
 * The HTTP status and GitHub's message of a failed call. Octokit reports a request that got no answer
 * (refused, reset, timed out) as status 500 without a response: only a response's status counts here.
 */
function failureOf(error: unknown): CommentHttpFailure {
  const response = (error as { response?: { status?: unknown; data?: { message?: unknown } } })
    ?.response
  const data = response?.data
  const message =
    typeof data?.message === 'string'
      ? data.message
      : error instanceof Error
        ? error.message
        : String(error)
  return { status: typeof response?.status === 'number' ? response.status : undefined, message }
}

/** Server errors, rate limits and failures without an answer (network, timeout) may pass on retry. */
export function isRetryableCommentError(failure: CommentHttpFailure): boolean {
  return failure.status === undefined || failure.status === 429 || failure.status >= 500
}

function place(target: CommentTargetSpec): string {
  return `pull request #${target.issueNumber} of ${target.owner}/${target.repo}`
}

/** The sentence a notice or warning gives, by what GitHub answered. */
export function describeCommentFailure(
  failure: CommentHttpFailure,
  target: CommentTargetSpec
): { notice: string } | { warning: string } {
  // An error page (a proxy's HTML, say) must not flood the log.
  const message = oneLine(failure.message, 300)
  const answer =
    failure.status === undefined
      ? `GitHub could not be reached (${message})`
      : `GitHub answered ${failure.status} (${message})`
  const permissions = 'the workflow needs `permissions: pull-requests: write`'
  if (failure.status === 403 && !/rate limit/i.test(failure.message)) {
    return {
      notice: `The comment on ${place(target)} was not written: ${answer}. A pull request from a fork gets a read-only token, so no comment is possible there; otherwise ${permissions}.`
    }
  }
  if (failure.status === 404) {
    return {
      notice: `The comment on ${place(target)} was not written: ${answer}. The token cannot see the pull request; ${permissions}.`
    }
  }
  if (failure.status === 401) {
    return {
      warning: `The comment on ${place(target)} was not written: ${answer}; check the github-token input.`
    }
  }
  return { warning: `The comment on ${place(target)} was not written: ${answer}.` }
}

const PER_PAGE = 100
// A bound on the pages read, so a server that always announces a next page cannot loop forever.
const MAX_PAGES = 300

/**
 * The first comment of the issue that carries the marker, reading page by page until found.
 * Pages are asked for by number rather than by following the Link header: Octokit's paginate drops
 * the abort signal of the request, and the token then never follows a URL the server chose.
 */
async function findMarkedComment(
  octokit: Octokit,
  target: CommentTargetSpec,
  signal: AbortSignal
): Promise<{ id: number; body: string; html_url: string } | undefined> {
  for (let page = 1; page <= MAX_PAGES; page++) {
    const response = await octokit.rest.issues.listComments({
      owner: target.owner,
      repo: target.repo,
      issue_number: target.issueNumber,
      per_page: PER_PAGE,
      page,
      request: { signal }
    })
    const found = response.data.find((comment) => isMarkedComment(comment.body, target.marker))
    if (found) return { id: found.id, body: found.body ?? '', html_url: found.html_url }
    if (!/rel="next"/.test(response.headers.link ?? '')) return undefined
  }
  return undefined
}

/**
 * One attempt: look for the marked comment, then edit or create it. Looking first on every attempt
 * is what keeps a retry from adding a second comment when an earlier create went through unanswered.
 */
async function upsertOnce(
  octokit: Octokit,
  target: CommentTargetSpec,
  body: string,
  signal: AbortSignal
): Promise<CommentResult> {
  const { owner, repo } = target
  const existing = await findMarkedComment(octokit, target, signal)
  if (existing && existing.body === body) {
    return { ok: true, action: 'unchanged', commentId: existing.id, url: existing.html_url }
  }
  if (existing) {
    const { data } = await octokit.rest.issues.updateComment({
      owner,
      repo,
      comment_id: existing.id,
      body,
      request: { signal }
    })
    return { ok: true, action: 'updated', commentId: data.id, url: data.html_url }
  }
  const { data } = await octokit.rest.issues.createComment({
    owner,
    repo,
    issue_number: target.issueNumber,
    body,
    request: { signal }
  })
  return { ok: true, action: 'created', commentId: data.id, url: data.html_url }
}

const defaultSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Creates or edits the comment of `target.marker` on the pull request, so that it reads `body`.
 * `body` must begin with the marker (renderComment() writes it so). Never throws.
 */
export async function upsertComment(
  target: CommentTargetSpec,
  body: string,
  options: UpsertOptions = {}
): Promise<CommentResult> {
  const redact = options.redact ?? ((text: string) => text)
  if (!isMarkedComment(body, target.marker)) {
    // A body without the marker could never be found again: the next update would add a second one.
    return { ok: false, warning: 'The comment body does not begin with its marker; not written.' }
  }
  if (target.token.trim() === '') {
    return {
      ok: false,
      notice: `The comment on ${place(target)} was not written: no github-token.`
    }
  }
  const sleep = options.sleep ?? defaultSleep
  const attempts = Math.max(1, options.attempts ?? 4)
  const baseDelayMs = options.baseDelayMs ?? 1000
  const timeoutMs = options.attemptTimeoutMs ?? 30_000
  let octokit: Octokit
  try {
    const { getOctokit } = await import('@actions/github')
    octokit = getOctokit(target.token, {
      baseUrl: target.apiUrl.replace(/\/+$/, ''),
      // The action's own fetch on node:http, which goes through the runner's proxy (net/proxy.ts):
      // @actions/github's default goes through undici, which the bundle leaves out
      // (src/stubs/undici.ts), so in dist/ it is no function at all.
      request: { fetch: createNodeFetch({ idleTimeoutMs: timeoutMs }) }
    })
  } catch (error) {
    return {
      ok: false,
      warning: redact(`The comment was not written: ${failureOf(error).message}`)
    }
  }
  let failure: CommentHttpFailure = { message: 'no attempt made' }
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await upsertOnce(octokit, target, body, AbortSignal.timeout(timeoutMs))
    } catch (error) {
      failure = failureOf(error)
    }
    if (!isRetryableCommentError(failure) || attempt === attempts) break
    await sleep(baseDelayMs * 3 ** (attempt - 1))
  }
  const described = describeCommentFailure(failure, target)
  return 'notice' in described
    ? { ok: false, notice: redact(described.notice) }
    : { ok: false, warning: redact(described.warning) }
}
