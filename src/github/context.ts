// What the pull-request comment needs to know about the workflow run, read once from the runner's
// environment and the event payload. The parser is pure; loadGitHubContext() does the I/O.
import { readFile } from 'node:fs/promises'

export interface GitHubContext {
  /** From GITHUB_REPOSITORY ('owner/repo'); undefined when absent or malformed. */
  owner?: string
  repo?: string
  eventName: string
  /** The pull request the event is about, when the payload names one. */
  pullRequestNumber?: number
  serverUrl: string
  apiUrl: string
  runId?: string
  runAttempt: string
  workflow: string
  job: string
  /** GITHUB_ACTION: the step's id, or a generated name such as `__owner_repo` or `__run_2`. */
  step: string
}

export type Env = Readonly<Record<string, string | undefined>>

/** Events whose payload is a pull request; `comment: auto` comments on these only. */
export const PULL_REQUEST_EVENTS: ReadonlySet<string> = new Set([
  'pull_request',
  'pull_request_target'
])

const DEFAULT_SERVER_URL = 'https://github.com'
const DEFAULT_API_URL = 'https://api.github.com'

function value(env: Env, name: string): string | undefined {
  const text = env[name]?.trim()
  return text ? text : undefined
}

/** A URL without trailing slashes, so paths can be appended with '/'. */
function baseUrl(env: Env, name: string, fallback: string): string {
  return (value(env, name) ?? fallback).replace(/\/+$/, '')
}

function positiveInteger(raw: unknown): number | undefined {
  return typeof raw === 'number' && Number.isSafeInteger(raw) && raw > 0 ? raw : undefined
}

function record(raw: unknown): Record<string, unknown> | undefined {
  return typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : undefined
}

/**
 * The pull request number in an event payload: `pull_request.number` (pull_request, pull_request_target,
 * pull_request_review, ...), or `issue.number` when the issue is a pull request (issue_comment on one).
 * A payload that is not JSON yields undefined: the comment is an extra, never a reason to fail the step.
 */
export function pullRequestNumberOf(eventJson: string | undefined): number | undefined {
  if (!eventJson) return undefined
  let payload: unknown
  try {
    payload = JSON.parse(eventJson)
  } catch {
    return undefined
  }
  const event = record(payload)
  const pullRequest = positiveInteger(record(event?.pull_request)?.number)
  if (pullRequest !== undefined) return pullRequest
  const issue = record(event?.issue)
  return issue && record(issue.pull_request) ? positiveInteger(issue.number) : undefined
}

/** Parses the context from an environment and the text of the event payload (GITHUB_EVENT_PATH). */
export function parseGitHubContext(env: Env, eventJson: string | undefined): GitHubContext {
  const [owner, repo, ...rest] = (value(env, 'GITHUB_REPOSITORY') ?? '').split('/')
  const validRepository = owner && repo && rest.length === 0
  return {
    ...(validRepository ? { owner, repo } : {}),
    eventName: value(env, 'GITHUB_EVENT_NAME') ?? '',
    pullRequestNumber: pullRequestNumberOf(eventJson),
    serverUrl: baseUrl(env, 'GITHUB_SERVER_URL', DEFAULT_SERVER_URL),
    apiUrl: baseUrl(env, 'GITHUB_API_URL', DEFAULT_API_URL),
    runId: value(env, 'GITHUB_RUN_ID'),
    runAttempt: value(env, 'GITHUB_RUN_ATTEMPT') ?? '1',
    workflow: value(env, 'GITHUB_WORKFLOW') ?? '',
    job: value(env, 'GITHUB_JOB') ?? '',
    step: value(env, 'GITHUB_ACTION') ?? ''
  }
}

/** Reads the context of this process; a missing or unreadable event file only loses the PR number. */
export async function loadGitHubContext(env: Env = process.env): Promise<GitHubContext> {
  const eventPath = value(env, 'GITHUB_EVENT_PATH')
  let eventJson: string | undefined
  if (eventPath) {
    try {
      eventJson = await readFile(eventPath, 'utf8')
    } catch {
      eventJson = undefined
    }
  }
  return parseGitHubContext(env, eventJson)
}

/** The link to this attempt of the run, or undefined when the run is not known. */
export function runUrl(context: GitHubContext): string | undefined {
  if (!context.owner || !context.repo || !context.runId) return undefined
  const parts = [context.owner, context.repo, 'actions', 'runs', context.runId, 'attempts']
  return `${context.serverUrl}/${[...parts, context.runAttempt].map(encodeURIComponent).join('/')}`
}
