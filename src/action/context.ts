import { readFileSync } from 'node:fs'
import type { RunContext } from '../lib/run-context.js'

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target'])

/** Reads the run context once, from the variables the runner sets for every step. */
export function readRunContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const eventName = env.GITHUB_EVENT_NAME
  return {
    inActions: env.GITHUB_ACTIONS === 'true',
    repository: env.GITHUB_REPOSITORY || undefined,
    runId: env.GITHUB_RUN_ID,
    runAttempt: env.GITHUB_RUN_ATTEMPT,
    workflow: env.GITHUB_WORKFLOW,
    job: env.GITHUB_JOB,
    action: env.GITHUB_ACTION,
    sha: env.GITHUB_SHA,
    ref: env.GITHUB_REF,
    eventName,
    pullRequest:
      eventName && PULL_REQUEST_EVENTS.has(eventName)
        ? pullRequestNumber(env.GITHUB_EVENT_PATH)
        : undefined,
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    temp: env.RUNNER_TEMP || undefined
  }
}

/** The number in the event payload (GITHUB_EVENT_PATH); undefined when it cannot be read. */
function pullRequestNumber(eventPath: string | undefined): number | undefined {
  if (!eventPath) return undefined
  try {
    const payload = JSON.parse(readFileSync(eventPath, 'utf8')) as {
      number?: unknown
      pull_request?: { number?: unknown }
    }
    const number = payload.pull_request?.number ?? payload.number
    return typeof number === 'number' && Number.isInteger(number) ? number : undefined
  } catch {
    return undefined
  }
}
