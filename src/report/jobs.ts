// What `collect` reports of each job it found: the `jobs` output and one row of the job summary,
// as plain data (render.ts escapes it).
import type { JobStatus } from '../batch/ledger.js'
import { formatNumber } from '../lib/format.js'
import type { TokenUsage } from '../results/types.js'
import { workspacePath } from './counts.js'

/** One element of the `jobs` output (its field names are the output's). */
export interface JobReport {
  job: string
  batch_ids: string[]
  status: JobStatus
  total: number
  completed: number
  failed: number
  tokens: TokenUsage
  /** The user's metadata: the batches' minus the action's own keys. */
  metadata: Record<string, string>
  /** results.jsonl of the job; null while it runs, or when its results were not collected. */
  results_path: string | null
}

export interface JobRow {
  /** The job's first batch: its results folder is named after it. */
  batch: string
  batches: number
  status: JobStatus
  metadata: string | undefined
  /** `total / completed / failed` */
  counts: string
  tokens: string | undefined
  results: string | undefined
}

/** One row per job; paths relative to the workspace. */
export function jobRows(jobs: JobReport[], workspace?: string): JobRow[] {
  return jobs.map((job) => {
    const pairs = Object.entries(job.metadata).map(([key, value]) => `${key}=${value}`)
    return {
      batch: job.batch_ids[0] ?? job.job,
      batches: job.batch_ids.length,
      status: job.status,
      metadata: pairs.length > 0 ? pairs.join(', ') : undefined,
      counts: `${formatNumber(job.total)} / ${formatNumber(job.completed)} / ${formatNumber(job.failed)}`,
      tokens: job.tokens.total > 0 ? formatNumber(job.tokens.total) : undefined,
      results: job.results_path ? workspacePath(job.results_path, workspace) : undefined
    }
  })
}

/** The heading of the summary: how many jobs, how many collected. */
export function jobsHeading(jobs: JobReport[]): string {
  const running = jobs.filter((job) => job.status === 'running').length
  const word = (n: number) => `${n} job${n === 1 ? '' : 's'}`
  if (jobs.length === 0) return 'No matching jobs'
  return running > 0 ? `${word(jobs.length)}, ${running} still running` : word(jobs.length)
}
