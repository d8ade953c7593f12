import { createHash, randomUUID } from 'node:crypto'
import type { RunContext } from '../lib/run-context.js'

/** Everything that defines the batch a step sends; two steps that differ in any of it differ in key. */
export interface BatchIdentity {
  context: RunContext
  fileSha256: string
  endpoint: string
  completionWindow: string
  /** The user's metadata only: the traceability keys carry the run attempt, which must not count. */
  metadata: Record<string, string>
  baseUrl: string
  /** `never`: every attempt is its own batch, so the attempt joins the key. */
  reuse: 'attempts' | 'never'
}

/** Which slice of the job the key names: a later split into parts and rounds keeps its place. */
export interface KeyPosition {
  part?: number
  round?: number
}

/** Metadata as sorted pairs, so that the order the user wrote them in does not change the key. */
export function canonicalMetadata(metadata: Record<string, string>): string {
  // sort() with no comparator orders by UTF-16 code units, as `<` on strings does: the keys made
  // before this was written keep their order, hence their key.
  return JSON.stringify(
    Object.keys(metadata)
      .sort()
      .map((name) => [name, metadata[name]])
  )
}

/**
 * The host of base-url: the same step against two providers makes two batches. The URL parser
 * lower-cases the host, so every spelling of one host gives one key.
 */
function apiHost(baseUrl: string): string {
  try {
    return new URL(baseUrl).host
  } catch {
    return baseUrl
  }
}

/** The parts the key is a hash of, in a fixed order; compute the key once per step. */
export function keyParts(identity: BatchIdentity, position: KeyPosition = {}): string[] {
  const { context } = identity
  const scope =
    context.inActions && context.runId
      ? [
          'actions',
          context.repository ?? '',
          context.runId,
          context.job ?? '',
          context.action ?? '',
          identity.reuse === 'never' ? `attempt ${context.runAttempt ?? '1'}` : 'any attempt'
        ]
      : // Outside GitHub Actions there is no run to tie a key to: each step's key is its own.
        [randomUUID()]
  return [
    ...scope,
    identity.fileSha256,
    identity.endpoint,
    identity.completionWindow,
    canonicalMetadata(identity.metadata),
    apiHost(identity.baseUrl),
    `part ${position.part ?? 0}`,
    `round ${position.round ?? 0}`
  ]
}

/**
 * The key that makes `create` idempotent and names "this step's batch": the same step of the same
 * run, sending the same file with the same inputs, always gets the same key, in every run attempt
 * (so a re-run finds the earlier attempt's batch) unless `reuse: never` asks for a batch per attempt.
 */
export function idempotencyKey(identity: BatchIdentity, position: KeyPosition = {}): string {
  return createHash('sha256')
    .update(JSON.stringify(keyParts(identity, position)))
    .digest('hex')
    .slice(0, 32)
}
