import type { BatchInfo } from './document.js'
import { PULL_REQUEST_EVENTS } from '../lib/event-payload.js'
import type { RunContext } from '../lib/run-context.js'

/**
 * Metadata keys the action writes on the batches it creates: the provider's batch list, read
 * through them, is the ledger of every job (see ledger.ts).
 */
export const MetadataKeys = {
  IdempotencyKey: 'batch_action_key',
  FileSha256: 'input_sha256',
  Repository: 'github_repository',
  RunId: 'github_run_id',
  RunAttempt: 'github_run_attempt',
  Workflow: 'github_workflow',
  Job: 'github_job',
  Step: 'github_step',
  Sha: 'github_sha',
  Ref: 'github_ref',
  PullRequest: 'github_pr',
  Part: 'batch_part',
  Round: 'batch_round'
} as const

export const MetadataLimits = { pairs: 16, keyLength: 64, valueLength: 512 } as const

/** Parses the `metadata` input: a JSON object of strings, or `key=value` lines. */
export function parseMetadata(text: string): Record<string, string> {
  const trimmed = text.trim()
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
    // Text that starts with `{` and parses is an object, never null or an array.
    const where = Object.entries(parsed as object).find(([, value]) => typeof value !== 'string')
    if (where !== undefined) {
      throw new Error(
        `metadata must be a JSON object whose values are all strings, such as {"suite": "nightly"} (see "${where[0]}")`
      )
    }
    return { ...(parsed as Record<string, string>) }
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

/** The pull request of a run on a pull-request event; other events that name one do not count. */
export function pullRequestOfRun(context: RunContext): number | undefined {
  if (!context.inActions || context.eventName === undefined) return undefined
  return PULL_REQUEST_EVENTS.has(context.eventName) ? context.pullRequest : undefined
}

/** Traceability keys from the workflow run; empty outside GitHub Actions. */
export function traceabilityMetadata(context: RunContext): Record<string, string> {
  if (!context.inActions) return {}
  const entries: Array<[string, string | number | undefined]> = [
    [MetadataKeys.Repository, context.repository],
    [MetadataKeys.RunId, wholeNumber(context.runId)],
    [MetadataKeys.RunAttempt, wholeNumber(context.runAttempt)],
    [MetadataKeys.Workflow, context.workflow],
    [MetadataKeys.Job, context.job],
    [MetadataKeys.Step, context.action],
    [MetadataKeys.Sha, context.sha],
    [MetadataKeys.Ref, context.ref],
    [MetadataKeys.PullRequest, pullRequestOfRun(context)]
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

/** Where a batch stands in its job; `part` is "i/n" (1-based), `round` is written when >= 1. */
export interface BatchIdentity {
  key: string
  fileSha256: string
  part?: string
  round?: number
}

/**
 * The metadata sent with the batch: the user's pairs win over traceability keys they also set;
 * the idempotency keys and the batch's place in its job are always the action's own.
 */
export function buildBatchMetadata(
  user: Record<string, string>,
  trace: Record<string, string>,
  identity: BatchIdentity
): Record<string, string> {
  const metadata: Record<string, string> = { ...trace, ...user }
  metadata[MetadataKeys.IdempotencyKey] = identity.key
  metadata[MetadataKeys.FileSha256] = identity.fileSha256
  if (identity.part !== undefined) metadata[MetadataKeys.Part] = identity.part
  else delete metadata[MetadataKeys.Part]
  if ((identity.round ?? 0) >= 1) metadata[MetadataKeys.Round] = String(identity.round)
  else delete metadata[MetadataKeys.Round]
  checkMetadataLimits(metadata)
  return metadata
}

/** What decides how many pairs the action writes on a step's batches. */
export interface PairNeeds {
  /** In GitHub Actions: the run tags are written. */
  inActions: boolean
  /** A pull-request event: `github_pr` too. */
  pullRequest: boolean
  /** The job may have more than one batch (parts > 1 or retry-failed > 0): `batch_part`. */
  multiBatch: boolean
  /** retry-failed > 0: rounds >= 1 carry `batch_round`. */
  retries: boolean
}

/** The keys the action writes, with the reason for each group, for the count and its message. */
function actionKeysOf(needs: PairNeeds): { keys: string[]; reasons: string[] } {
  const keys: string[] = [MetadataKeys.IdempotencyKey, MetadataKeys.FileSha256]
  const reasons = ['2 for idempotency (batch_action_key, input_sha256)']
  if (needs.inActions) {
    keys.push(
      MetadataKeys.Repository,
      MetadataKeys.Workflow,
      MetadataKeys.Job,
      MetadataKeys.Step,
      MetadataKeys.RunId,
      MetadataKeys.RunAttempt,
      MetadataKeys.Sha,
      MetadataKeys.Ref
    )
    reasons.push('8 for the run in GitHub Actions (github_repository to github_ref)')
    if (needs.pullRequest) {
      keys.push(MetadataKeys.PullRequest)
      reasons.push('1 for the pull request (github_pr)')
    }
  }
  if (needs.multiBatch) {
    keys.push(MetadataKeys.Part)
    reasons.push('1 for the part of the job (batch_part)')
  }
  if (needs.retries) {
    keys.push(MetadataKeys.Round)
    reasons.push('1 for the retry round (batch_round, retry-failed > 0)')
  }
  return { keys, reasons }
}

/** How many of the 16 pairs the action writes itself: 10 in Actions, 11 on pull requests, +1 +1. */
export function actionPairCount(needs: PairNeeds): number {
  return actionKeysOf(needs).keys.length
}

/**
 * Fails, before anything is uploaded, when the user's pairs and the action's do not fit the API's
 * 16. A user's pair with one of the action's keys takes that key's place and costs nothing more.
 */
export function checkUserPairsFit(user: Record<string, string>, needs: PairNeeds): void {
  const { keys, reasons } = actionKeysOf(needs)
  const own = new Set(keys)
  const given = Object.keys(user).length
  const extra = Object.keys(user).filter((key) => !own.has(key)).length
  const left = MetadataLimits.pairs - keys.length
  if (extra <= left) return
  throw new Error(
    `metadata has ${given} pairs of yours, and the action needs ${keys.length} of the API's ${MetadataLimits.pairs} ` +
      `(${reasons.join('; ')}), so ${left} are left for yours; remove ${extra - left}`
  )
}

/** Every key the action writes: what is not one of them is the user's. */
const ACTION_KEYS: ReadonlySet<string> = new Set(Object.values(MetadataKeys))

/** Whether `key` is one the action writes itself (the summary and `jobs` leave them out). */
export function isActionKey(key: string): boolean {
  return ACTION_KEYS.has(key)
}

function tagOf(batch: Pick<BatchInfo, 'metadata'>, key: string): string | undefined {
  const value = batch.metadata?.[key]
  return typeof value === 'string' ? value : undefined
}

/**
 * The job a batch belongs to: its `batch_action_key` up to the first '.'; undefined without one,
 * and for a key with nothing before the '.' (no key the action writes): such a batch is no job's.
 */
export function jobIdOf(batch: Pick<BatchInfo, 'metadata'>): string | undefined {
  const id = tagOf(batch, MetadataKeys.IdempotencyKey)?.split('.')[0]
  return id === undefined || id === '' ? undefined : id
}

/** A batch's place in its job, from `batch_part` ("i/n") and `batch_round`: 1/1, round 0 without them. */
export function partOf(batch: Pick<BatchInfo, 'metadata'>): {
  part: number
  parts: number
  round: number
} {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(tagOf(batch, MetadataKeys.Part) ?? '')
  const part = match ? Number(match[1]) : 1
  const parts = match ? Number(match[2]) : 1
  const roundText = tagOf(batch, MetadataKeys.Round)?.trim() ?? ''
  const round = /^\d+$/.test(roundText) ? Number(roundText) : 0
  const valid = part >= 1 && parts >= part
  return { part: valid ? part : 1, parts: valid ? parts : 1, round }
}

/** The user's metadata of a batch: every string pair but the action's own. */
export function userMetadataOf(batch: Pick<BatchInfo, 'metadata'>): Record<string, string> {
  const user: Record<string, string> = {}
  for (const [key, value] of Object.entries(batch.metadata ?? {}))
    if (!isActionKey(key) && typeof value === 'string') user[key] = value
  return user
}
