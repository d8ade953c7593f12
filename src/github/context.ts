// What the pull-request comment needs to know about the workflow run: a view of the one run context
// (lib/run-context.ts), which action/context.ts reads from the environment and the event payload.
import {
  DEFAULT_API_URL,
  DEFAULT_SERVER_URL,
  runContextFrom,
  type RunContext
} from '../lib/run-context.js'

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

export { PULL_REQUEST_EVENTS, pullRequestNumberOf } from '../lib/event-payload.js'

/**
 * What the comment needs of the run, from the one run context (lib/run-context.ts): the same
 * reading of the environment as every other part of the action.
 */
export function gitHubContextOf(run: RunContext): GitHubContext {
  const [owner, repo, ...rest] = (run.repository ?? '').split('/')
  const validRepository = owner && repo && rest.length === 0
  return {
    ...(validRepository ? { owner, repo } : {}),
    eventName: run.eventName ?? '',
    pullRequestNumber: run.pullRequest,
    serverUrl: run.serverUrl ?? DEFAULT_SERVER_URL,
    apiUrl: run.apiUrl ?? DEFAULT_API_URL,
    runId: run.runId,
    runAttempt: run.runAttempt ?? '1',
    workflow: run.workflow ?? '',
    job: run.job ?? '',
    step: run.action ?? ''
  }
}

/** Parses the context from an environment and the text of the event payload (GITHUB_EVENT_PATH). */
export function parseGitHubContext(env: Env, eventJson: string | undefined): GitHubContext {
  return gitHubContextOf(runContextFrom(env, eventJson))
}

/** The link to this attempt of the run, or undefined when the run is not known. */
export function runUrl(context: GitHubContext): string | undefined {
  if (!context.owner || !context.repo || !context.runId) return undefined
  const parts = [context.owner, context.repo, 'actions', 'runs', context.runId, 'attempts']
  return `${context.serverUrl}/${[...parts, context.runAttempt].map(encodeURIComponent).join('/')}`
}
