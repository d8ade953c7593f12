// The plain data the pull-request comment is rendered from, and the hidden marker that finds the
// comment again: one comment per workflow, job and step, edited in place on every update.

export type CommentPhase = 'submitted' | 'running' | 'finished'

export interface CommentFailure {
  custom_id: string
  message: string
  code?: string
  status_code?: number
}

/** The max-failed-requests limit, with the verdict the caller reached with the step's own rule. */
export interface CommentFailureLimit {
  kind: 'count' | 'percent'
  value: number
  exceeded: boolean
}

export interface CommentDurations {
  queued?: number
  running?: number
  finalizing?: number
  total?: number
}

export interface MarkerParts {
  workflow: string
  job: string
  step: string
  /**
   * Optional extra part for steps that share workflow, job and step, such as the legs of a matrix
   * job (GITHUB_JOB is the same for every leg).
   */
  variant?: string
}

export interface CommentModel {
  marker: MarkerParts
  phase: CommentPhase
  batchIds: readonly string[]
  /** Requests in the input (known at submission, before the provider counts them). */
  requestCount?: number
  model?: string
  endpoint?: string
  /** The provider's batch status (completed, failed, expired, cancelled, in_progress, ...). */
  status?: string
  counts?: { total: number; completed: number; failed: number }
  failureLimit?: CommentFailureLimit
  tokens?: { prompt: number; completion: number; total: number }
  /** Seconds. */
  durations?: CommentDurations
  /** The first failed requests; `counts.failed` says how many there are in all. */
  failures?: readonly CommentFailure[]
  runUrl?: string
  metadata?: Readonly<Record<string, string>>
  inputFile?: string
}

const MARKER_PREFIX = 'batch-inference-action:'

/**
 * A part of the marker: trimmed and percent-encoded, so no value can close the HTML comment ('-->'
 * needs '>', which is encoded), and distinct names stay distinct ('a b' and 'a-b' do not collide).
 */
function markerPart(text: string | undefined): string {
  const trimmed = (text ?? '').trim()
  return trimmed === '' ? '_' : encodeURIComponent(trimmed)
}

/** `<!-- batch-inference-action:{workflow}/{job}/{step} -->`, with `/{variant}` when one is given. */
export function commentMarker(parts: MarkerParts): string {
  const path = [parts.workflow, parts.job, parts.step].map(markerPart)
  if (parts.variant !== undefined && parts.variant.trim() !== '')
    path.push(markerPart(parts.variant))
  return `<!-- ${MARKER_PREFIX}${path.join('/')} -->`
}

/**
 * True when `body` is the comment of this marker. The marker must open the body: a person quoting the
 * comment, or a comment of another step, never matches (the trailing ' -->' keeps one marker from
 * matching a longer one that begins the same way).
 */
export function isMarkedComment(body: string | null | undefined, marker: string): boolean {
  return typeof body === 'string' && body.startsWith(marker)
}
