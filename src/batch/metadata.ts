import { z } from 'zod'
import type { RunContext } from '../lib/run-context.js'

/** Metadata keys the action writes on every batch it creates. */
export const MetadataKeys = {
  IdempotencyKey: 'batch_action_key',
  FileSha256: 'input_sha256',
  Repository: 'github_repository',
  RunId: 'github_run_id',
  RunAttempt: 'github_run_attempt',
  Workflow: 'github_workflow',
  Sha: 'github_sha'
} as const

export const MetadataLimits = { pairs: 16, keyLength: 64, valueLength: 512 } as const

const MetadataObject = z.record(z.string(), z.string())

/** Parses the `metadata` input: a JSON object of strings, or `key=value` lines. */
export function parseMetadata(text: string): Record<string, string> {
  const trimmed = text.trim()
  if (trimmed === '') return {}
  if (trimmed.startsWith('{')) {
    let parsed: unknown
    try {
      parsed = JSON.parse(trimmed)
    } catch (error) {
      throw new Error(
        `metadata is not valid JSON (${(error as Error).message}); write a JSON object such as {"suite": "nightly"}, or key=value lines such as suite=nightly`,
        { cause: error }
      )
    }
    const result = MetadataObject.safeParse(parsed)
    if (!result.success) {
      const where = result.error.issues[0]?.path.join('.')
      throw new Error(
        `metadata must be a JSON object whose values are all strings, such as {"suite": "nightly"}${where ? ` (see "${where}")` : ''}`
      )
    }
    return result.data
  }
  const metadata: Record<string, string> = {}
  for (const [index, raw] of trimmed.split(/\r?\n/).entries()) {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) continue
    const eq = line.indexOf('=')
    if (eq <= 0) {
      throw new Error(
        `metadata line ${index + 1} ("${line}") is not key=value; use key=value lines or a JSON object`
      )
    }
    metadata[line.slice(0, eq).trim()] = line.slice(eq + 1).trim()
  }
  return metadata
}

/** Checks the API's metadata limits (16 pairs, keys up to 64 characters, values up to 512). */
export function checkMetadataLimits(metadata: Record<string, string>): void {
  const keys = Object.keys(metadata)
  if (keys.length > MetadataLimits.pairs) {
    const own = Object.values(MetadataKeys).filter((key) => key in metadata).length
    throw new Error(
      `metadata has ${keys.length} pairs, more than the API's limit of ${MetadataLimits.pairs} ` +
        `(${own} of them are added by the action for traceability and idempotency); remove ${keys.length - MetadataLimits.pairs}`
    )
  }
  for (const [key, value] of Object.entries(metadata)) {
    if (key.length === 0 || key.length > MetadataLimits.keyLength) {
      throw new Error(
        `metadata key "${key.slice(0, 80)}" must be 1 to ${MetadataLimits.keyLength} characters long`
      )
    }
    if (value.length > MetadataLimits.valueLength) {
      throw new Error(
        `metadata value of "${key}" is ${value.length} characters long, more than the API's limit of ${MetadataLimits.valueLength}`
      )
    }
  }
}

/** Traceability keys from the workflow run; empty outside GitHub Actions. */
export function traceabilityMetadata(context: RunContext): Record<string, string> {
  if (!context.inActions) return {}
  const entries: Array<[string, string | number | undefined]> = [
    [MetadataKeys.Repository, context.repository],
    [MetadataKeys.RunId, wholeNumber(context.runId)],
    [MetadataKeys.RunAttempt, wholeNumber(context.runAttempt)],
    [MetadataKeys.Workflow, context.workflow],
    [MetadataKeys.Sha, context.sha]
  ]
  const metadata: Record<string, string> = {}
  for (const [key, value] of entries) {
    if (value === undefined || value === '' || Number.isNaN(value)) continue
    metadata[key] = String(value).slice(0, MetadataLimits.valueLength)
  }
  return metadata
}

/** Run ids and attempts are written as the numbers they are ('42', never '042' or '42 '). */
function wholeNumber(text: string | undefined): number | undefined {
  return text === undefined ? undefined : Number.parseInt(text, 10)
}

/**
 * The metadata sent with the batch: the user's pairs win over traceability keys they also set;
 * the idempotency keys are always the action's own.
 */
export function buildBatchMetadata(
  user: Record<string, string>,
  trace: Record<string, string>,
  identity: { key: string; fileSha256: string }
): Record<string, string> {
  const metadata: Record<string, string> = { ...trace, ...user }
  metadata[MetadataKeys.IdempotencyKey] = identity.key
  metadata[MetadataKeys.FileSha256] = identity.fileSha256
  checkMetadataLimits(metadata)
  return metadata
}
