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
}
