// `collect`: the provider's batch list is the ledger. The batches of this repository that match
// `match`, created within `since`, are grouped into jobs; each job that ended has its results
// brought into `results-dir/<first batch id>/`, once (job.json says it is done); jobs still
// running are reported and left alone. Nothing is created, nothing is cancelled.
import path from 'node:path'
import { Outputs } from '../action/names.js'
import type { BatchInfo } from '../batch/document.js'
import {
  firstBatchOf,
  groupJobs,
  jobCounts,
  jobTokens,
  matchesJob,
  type LedgerJob
} from '../batch/ledger.js'
import { MetadataKeys } from '../batch/metadata.js'
import { formatDuration, formatNumber } from '../lib/format.js'
import { isAbort } from '../net/abort.js'
import type { JobReport } from '../report/jobs.js'
import {
  manifestMatches,
  manifestOf,
  readManifest,
  writeManifest,
  type JobManifest
} from '../results/job-manifest.js'
import type { JoinResult } from '../results/types.js'
import { checkResultsDir, insideWorkspace } from './collect.js'
import { collectJobResults, placeOf } from './job-results.js'
import { waitForJobs } from './collect-wait.js'
import type { Ending } from './outcome.js'
import { PullRequestComment } from './pr-comment.js'
import { requireApi, type StepEnv } from './step.js'

export interface CollectedJobs {
  ending: Ending
  jobs: JobReport[]
}

/** The matching jobs created within `since`, newest pages first, as far back as `since` needs. */
async function findJobs(env: StepEnv, now: () => number): Promise<LedgerJob[]> {
  const { inputs, context, signal } = env
  const api = requireApi(env)
  const since = Math.floor((now() - inputs.sinceMs) / 1000)
  const listed = await api.retry('List batches', () => api.listSince(since, signal), signal)
  const filter = { repository: context.repository, match: inputs.match }
  return groupJobs(listed.filter((batch) => matchesJob(batch, filter)))
}

function reportOf(job: LedgerJob, collected?: { manifest: JobManifest; path: string }): JobReport {
  const counts = collected?.manifest.counts ?? jobCounts(job)
  return {
    job: job.id,
    batch_ids: job.batches.map((batch) => batch.id),
    status: job.status,
    ...counts,
    tokens: collected?.manifest.tokens ?? jobTokens(job),
    metadata: job.metadata,
    results_path: collected?.path ?? null
  }
}

function pullRequestTagOf(batch: BatchInfo): number | undefined {
  const tag = batch.metadata?.[MetadataKeys.PullRequest]
  return typeof tag === 'string' && /^[1-9]\d{0,9}$/.test(tag) ? Number(tag) : undefined
}

/**
 * The comment of the pull request the job was submitted from, under the marker of the step that
 * submitted it (its workflow, job and step tags), so that the comment it wrote is the one edited.
 */
async function updateComment(env: StepEnv, job: LedgerJob, results: JoinResult): Promise<void> {
  const first = firstBatchOf(job)
  const pullRequest = pullRequestTagOf(first)
  if (pullRequest === undefined) return
  const tag = (key: string, fallback: string | undefined) => {
    const value = first.metadata?.[key]
    return typeof value === 'string' ? value : fallback
  }
  const { context, inputs } = env
  const submitted = {
    ...context,
    workflow: tag(MetadataKeys.Workflow, context.workflow),
    job: tag(MetadataKeys.Job, context.job),
    action: tag(MetadataKeys.Step, context.action),
    pullRequest
  }
  const comment = PullRequestComment.of(inputs, submitted, env.log, env.redact, {}, pullRequest)
  await comment?.update('finished', {
    batch: job.latest.at(-1) ?? first,
    inputs: { ...inputs, command: 'collect' },
    results
  })
}

/** Brings one ended job's results into its folder, unless job.json says they are there already. */
async function collectJob(
  env: StepEnv,
  job: LedgerJob
): Promise<{ manifest: JobManifest; path: string; fresh: boolean }> {
  const folder = path.join(env.inputs.resultsDir, firstBatchOf(job).id)
  const dir = await insideWorkspace(env, folder, 'results-dir')
  const existing = await readManifest(dir)
  if (existing && manifestMatches(existing, job))
    return { manifest: existing, path: path.join(dir, existing.results), fresh: false }
  // The latest batch of each part of each round: an earlier try of a part (refused for the token
  // limit, then sent again) counts for nothing.
  const batches = job.latest.map((batch, index) => ({
    ...placeOf(batch, { part: index + 1, parts: job.latest.length }),
    batch
  }))
  const { joined } = await collectJobResults(env, { batches }, dir)
  const manifest = manifestOf(job, joined)
  await writeManifest(dir, manifest)
  if (!env.signal.aborted) await updateComment(env, job, joined)
  return { manifest, path: joined.path, fresh: true }
}

function describeJob(job: LedgerJob): string {
  const batches = job.batches.length === 1 ? 'batch' : `${job.batches.length} batches`
  return `Job ${job.id} (${batches}, first ${firstBatchOf(job).id})`
}

/** `collect`, from the list to the `jobs` output; the summary table is main's. */
export async function collectJobs(
  env: StepEnv,
  now: () => number = Date.now
): Promise<CollectedJobs> {
  const { inputs, log, outputs } = env
  if (inputs.download) await checkResultsDir(env)
  let jobs = await log.group('Find the jobs', () => findJobs(env, now))
  const pairs = Object.entries(inputs.match).map(([key, value]) => `${key}=${value}`)
  log.info(
    `${jobs.length} job${jobs.length === 1 ? '' : 's'} of this repository created in the last ${formatDuration(inputs.sinceMs / 1000)}` +
      (pairs.length > 0 ? ` with ${pairs.join(', ')}` : '')
  )
  let timedOut = false
  if (inputs.wait && jobs.some((job) => job.status === 'running')) {
    const waited = await log.group('Wait for the jobs', () => waitForJobs(env, jobs, { now }))
    jobs = waited.jobs
    timedOut = waited.timedOut
  }

  const reports: JobReport[] = []
  const problems: string[] = []
  for (const job of jobs) {
    if (!job.ended || !inputs.download) {
      const why =
        job.status === 'incomplete'
          ? `incomplete: part ${job.missingParts.join(', ')} of its last round is not listed; not collected`
          : job.ended
            ? `${job.status}; not downloaded (download: false)`
            : 'still running; left alone'
      log.info(`${describeJob(job)} is ${why}`)
      reports.push(reportOf(job))
      continue
    }
    try {
      const collected = await log.group(`Collect ${describeJob(job)}`, () => collectJob(env, job))
      const { counts } = collected.manifest
      log.info(
        `${describeJob(job)} is ${job.status}: ${formatNumber(counts.total)} requests, ${formatNumber(counts.failed)} failed; ` +
          `${collected.fresh ? 'results in' : 'collected already, nothing downloaded:'} ${collected.path}`
      )
      reports.push(reportOf(job, collected))
    } catch (error) {
      if (isAbort(error, env.signal)) throw error
      const message = env.redact((error as Error).message)
      log.warning(`${describeJob(job)} could not be collected: ${message}`)
      problems.push(`${job.id}: ${message}`)
      reports.push(reportOf(job))
    }
  }
  outputs.set(Outputs.Jobs, JSON.stringify(reports))

  if (problems.length > 0) {
    const message = `${problems.length} of the jobs could not be collected (${problems.join('; ')}); run collect again`
    return { ending: { kind: 'error', message }, jobs: reports }
  }
  if (timedOut) {
    const running = reports.filter((job) => job.status === 'running').length
    const message = `The wait timed out (wait-timeout ${inputs.waitTimeoutMs / 1000}s) with ${running} job${running === 1 ? '' : 's'} still running; they are left running: run collect again later`
    if (inputs.onTimeout === 'fail') return { ending: { kind: 'error', message }, jobs: reports }
    log.notice(message)
  }
  return { ending: { kind: 'done' }, jobs: reports }
}
