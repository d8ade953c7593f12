// The provider's batch list read as the ledger of the action's jobs: which batches a `collect`
// matches, how they make up jobs, and which batches of earlier runs a new run supersedes. Pure:
// the listing and the cancelling are the commands' (collect-jobs.ts, superseded.ts).
import type { CancelSuperseded } from '../action/inputs.js'
import type { RunContext } from '../lib/run-context.js'
import { batchUsage, isTerminal, requestCounts, type BatchInfo } from './document.js'
import { jobIdOf, MetadataKeys, partOf, pullRequestOfRun, userMetadataOf } from './metadata.js'

/**
 * What a job's batches say about it. `running`: some batch has not ended. `incomplete`: every
 * batch listed has ended, but parts of the job's last round are not in the list (the submitting
 * step was stopped before it created them, or they are older than `since`); such a job is reported
 * and not collected, since its results would lack those parts. Otherwise the job has ended, and its
 * status is `completed` when the latest batch of every part of its last round completed, else the
 * first of failed, expired, cancelled among them.
 */
export type JobStatus = 'running' | 'incomplete' | 'completed' | 'failed' | 'expired' | 'cancelled'

export interface LedgerJob {
  /** The job id: the batches' `batch_action_key` up to the first '.'. */
  id: string
  /** Every batch of the job, by round, then part, then creation (an earlier try of a part first). */
  batches: BatchInfo[]
  /** For each part of each round, its latest batch: what decides the job's outcome. */
  latest: BatchInfo[]
  /** Every batch has ended and no part of the last round is missing: its results can be collected. */
  ended: boolean
  status: JobStatus
  /** Parts (1-based) of the last round that no listed batch holds. */
  missingParts: number[]
  /** The user's metadata, from the job's first batch. */
  metadata: Record<string, string>
}

function tag(batch: BatchInfo, key: string): string | undefined {
  const value = batch.metadata?.[key]
  return typeof value === 'string' ? value : undefined
}

/**
 * A batch `collect` takes: made by the action (it carries `batch_action_key`), in this repository
 * (outside Actions, where there is none, only batches made outside Actions), and carrying every
 * pair of `match`.
 */
export function matchesJob(
  batch: BatchInfo,
  filter: { repository: string | undefined; match: Record<string, string> }
): boolean {
  if (jobIdOf(batch) === undefined) return false
  if (tag(batch, MetadataKeys.Repository) !== filter.repository) return false
  return Object.entries(filter.match).every(([key, value]) => tag(batch, key) === value)
}

const FAILED_ORDER = ['failed', 'expired', 'cancelled'] as const

function byPlace(a: BatchInfo, b: BatchInfo): number {
  const pa = partOf(a)
  const pb = partOf(b)
  return pa.round - pb.round || pa.part - pb.part || (a.created_at ?? 0) - (b.created_at ?? 0)
}

function jobOf(id: string, unordered: BatchInfo[]): LedgerJob {
  const batches = [...unordered].sort(byPlace)
  // Batches sorted by place: the last one seen for a place is its latest try.
  const bySlot = new Map<string, BatchInfo>()
  for (const batch of batches) {
    const { round, part } = partOf(batch)
    bySlot.set(`${round}/${part}`, batch)
  }
  const latest = [...bySlot.values()]
  const lastRound = Math.max(...latest.map((batch) => partOf(batch).round))
  const lastBatches = latest.filter((batch) => partOf(batch).round === lastRound)
  const parts = Math.max(...lastBatches.map((batch) => partOf(batch).parts))
  const present = new Set(lastBatches.map((batch) => partOf(batch).part))
  const missingParts = Array.from({ length: parts }, (_, i) => i + 1).filter((p) => !present.has(p))
  const allTerminal = batches.every((batch) => isTerminal(batch.status))
  let status: JobStatus
  if (!allTerminal) status = 'running'
  else if (missingParts.length > 0) status = 'incomplete'
  else
    status =
      FAILED_ORDER.find((failed) => lastBatches.some((batch) => batch.status === failed)) ??
      'completed'
  return {
    id,
    batches,
    latest,
    ended: allTerminal && missingParts.length === 0,
    status,
    missingParts,
    metadata: userMetadataOf(batches[0]!)
  }
}

/** The batches grouped into jobs, the job with the oldest first batch first. */
export function groupJobs(batches: BatchInfo[]): LedgerJob[] {
  const groups = new Map<string, BatchInfo[]>()
  for (const batch of batches) {
    const id = jobIdOf(batch)
    if (id === undefined) continue
    const group = groups.get(id)
    if (group) group.push(batch)
    else groups.set(id, [batch])
  }
  const jobs = [...groups].map(([id, group]) => jobOf(id, group))
  const createdOf = (job: LedgerJob) => Math.min(...job.batches.map((b) => b.created_at ?? 0))
  return jobs.sort((a, b) => createdOf(a) - createdOf(b) || a.id.localeCompare(b.id))
}

/** The job's first batch (part 1 of round 0, its first try): its id names the job's results folder. */
export function firstBatchOf(job: LedgerJob): BatchInfo {
  return job.batches[0]!
}

/**
 * The job's request counts as its batches report them (the joined results, once collected, are
 * the better figure): the requests of round 0, those completed in any round, and, once the job has
 * ended, every request that did not complete.
 */
export function jobCounts(job: LedgerJob): { total: number; completed: number; failed: number } {
  const counts = job.latest.map((batch) => ({ ...requestCounts(batch), ...partOf(batch) }))
  const total = counts.filter((c) => c.round === 0).reduce((sum, c) => sum + c.total, 0)
  const completed = counts.reduce((sum, c) => sum + c.completed, 0)
  const lastRound = Math.max(...counts.map((c) => c.round))
  const failed = job.ended
    ? Math.max(0, total - completed)
    : counts.filter((c) => c.round === lastRound).reduce((sum, c) => sum + c.failed, 0)
  return { total, completed, failed }
}

/** The tokens the job's batches report, over every batch of every round: what was billed. */
export function jobTokens(job: LedgerJob): { prompt: number; completion: number; total: number } {
  const sum = { prompt: 0, completion: 0, total: 0 }
  for (const batch of job.batches) {
    const usage = batchUsage(batch)
    if (!usage) continue
    sum.prompt += usage.prompt
    sum.completion += usage.completion
    sum.total += usage.total
  }
  return sum
}

/** What a run of the action cancels as superseded, and why: for the log and the summary. */
export interface Superseded {
  batch: BatchInfo
  runId: string
  /** The pull request both runs are on, or undefined when matched by ref (`true` on other events). */
  pullRequest?: number
  ref?: string
}

function wholeRunId(text: string | undefined): number | undefined {
  return text !== undefined && /^\d+$/.test(text.trim()) ? Number(text) : undefined
}

/**
 * The batches of earlier runs that this run supersedes: made by the action in the same repository,
 * workflow, job and step, by a run with a smaller run id (an earlier run, never this one or a
 * newer one), on the same pull request (with `auto`, only on pull-request events; with `true`, on
 * other events the same ref), and still running (neither ended nor being cancelled).
 */
export function supersededBatches(
  batches: BatchInfo[],
  context: RunContext,
  mode: CancelSuperseded
): Superseded[] {
  if (mode === 'false' || !context.inActions) return []
  const pullRequest = pullRequestOfRun(context)
  if (mode === 'auto' && pullRequest === undefined) return []
  const runId = wholeRunId(context.runId)
  const same: Array<[string, string | undefined]> = [
    [MetadataKeys.Repository, context.repository],
    [MetadataKeys.Workflow, context.workflow],
    [MetadataKeys.Job, context.job],
    [MetadataKeys.Step, context.action]
  ]
  if (runId === undefined || same.some(([, value]) => value === undefined)) return []
  if (pullRequest === undefined && context.ref === undefined) return []
  const found: Superseded[] = []
  for (const batch of batches) {
    if (jobIdOf(batch) === undefined) continue
    if (isTerminal(batch.status) || batch.status === 'cancelling') continue
    if (!same.every(([key, value]) => tag(batch, key) === value)) continue
    const theirRun = wholeRunId(tag(batch, MetadataKeys.RunId))
    if (theirRun === undefined || theirRun >= runId) continue
    if (pullRequest !== undefined) {
      if (tag(batch, MetadataKeys.PullRequest) !== String(pullRequest)) continue
      found.push({ batch, runId: String(theirRun), pullRequest })
    } else {
      // A pull request's batch is its pull request's alone, whatever its ref.
      if (tag(batch, MetadataKeys.PullRequest) !== undefined) continue
      if (tag(batch, MetadataKeys.Ref) !== context.ref) continue
      found.push({ batch, runId: String(theirRun), ref: context.ref })
    }
  }
  return found
}
