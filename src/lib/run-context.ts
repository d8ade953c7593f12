import { pullRequestNumberOf } from './event-payload.js'

/**
 * The workflow run the step belongs to, read once from the runner's environment (see
 * action/context.ts) and handed to what needs it: the idempotency key, traceability metadata,
 * path checks. Values are as the runner gives them; undefined when it does not.
 */
export interface RunContext {
  /** GITHUB_ACTIONS is 'true': the step runs on a runner, not on a developer's machine. */
  inActions: boolean
  repository?: string
  runId?: string
  runAttempt?: string
  workflow?: string
  job?: string
  /** The step's id (GITHUB_ACTION). */
  action?: string
  sha?: string
  ref?: string
  eventName?: string
  /** The pull request's number, when the event is a pull request. */
  pullRequest?: number
  /** Relative paths resolve against the workspace (GITHUB_WORKSPACE, else the working directory). */
  workspace: string
  /** The runner's temp dir (RUNNER_TEMP), also allowed for paths. */
  temp?: string
  /** GITHUB_SERVER_URL and GITHUB_API_URL without trailing slashes (github.com's by default). */
  serverUrl?: string
  apiUrl?: string
}

export const DEFAULT_SERVER_URL = 'https://github.com'
export const DEFAULT_API_URL = 'https://api.github.com'

type Env = Readonly<Record<string, string | undefined>>

/** A variable's value, trimmed; undefined when it is unset or blank. */
function value(env: Env, name: string): string | undefined {
  const text = env[name]?.trim()
  return text ? text : undefined
}

/** A URL without trailing slashes, so paths can be appended with '/'. */
function baseUrl(env: Env, name: string, fallback: string): string {
  return (value(env, name) ?? fallback).replace(/\/+$/, '')
}

/**
 * The run context from the runner's variables and the text of the event payload, when it was
 * read (action/context.ts does the reading). Pure, so every reader of the context sees the same.
 */
export function runContextFrom(env: Env, eventJson: string | undefined, cwd = '.'): RunContext {
  return {
    inActions: env.GITHUB_ACTIONS === 'true',
    repository: value(env, 'GITHUB_REPOSITORY'),
    runId: value(env, 'GITHUB_RUN_ID'),
    runAttempt: value(env, 'GITHUB_RUN_ATTEMPT'),
    workflow: value(env, 'GITHUB_WORKFLOW'),
    job: value(env, 'GITHUB_JOB'),
    action: value(env, 'GITHUB_ACTION'),
    sha: value(env, 'GITHUB_SHA'),
    ref: value(env, 'GITHUB_REF'),
    eventName: value(env, 'GITHUB_EVENT_NAME'),
    pullRequest: pullRequestNumberOf(eventJson),
    workspace: value(env, 'GITHUB_WORKSPACE') ?? cwd,
    temp: value(env, 'RUNNER_TEMP'),
    serverUrl: baseUrl(env, 'GITHUB_SERVER_URL', DEFAULT_SERVER_URL),
    apiUrl: baseUrl(env, 'GITHUB_API_URL', DEFAULT_API_URL)
  }
}
