import { readFileSync } from 'node:fs'
import { namesPullRequest } from '../lib/event-payload.js'
import { runContextFrom, type RunContext } from '../lib/run-context.js'

/**
 * Reads the run context once, from the variables the runner sets for every step and, on events
 * that can name a pull request, the event payload (the only file read here).
 */
export function readRunContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const eventJson = namesPullRequest(env.GITHUB_EVENT_NAME)
    ? readEvent(env.GITHUB_EVENT_PATH)
    : undefined
  return runContextFrom(env, eventJson, process.cwd())
}

/** The payload's text; undefined when it cannot be read (the context then names no pull request). */
function readEvent(eventPath: string | undefined): string | undefined {
  if (!eventPath) return undefined
  try {
    return readFileSync(eventPath, 'utf8')
  } catch {
    return undefined
  }
}
