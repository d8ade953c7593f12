// The event payload (the JSON file at GITHUB_EVENT_PATH): only what the action reads of it.

/** Events whose payload is a pull request; `comment: auto` comments on these only. */
export const PULL_REQUEST_EVENTS: ReadonlySet<string> = new Set([
  'pull_request',
  'pull_request_target'
])

/** Events whose payload may name a pull request, and so is worth reading. */
export function namesPullRequest(eventName: string | undefined): boolean {
  // pull_request and pull_request_target among them.
  return (
    eventName !== undefined &&
    (eventName.startsWith('pull_request') || eventName === 'issue_comment')
  )
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
