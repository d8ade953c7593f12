// A job of several batches: the parts of a split input, and the rounds that resubmit the requests
// that failed for a passing reason. Parts are submitted in order, at most max-concurrent-batches in
// flight; one wait loop polls them together (job-wait.ts); each batch's results are downloaded and
// joined as it ends; the job's results.jsonl joins them all (job/join-job.ts). A job of one batch
// never comes here: run.ts runs it as it always has.
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Outputs } from '../action/names.js'
import { isTerminal, type BatchInfo } from '../batch/document.js'
import { sweepDuplicates } from '../batch/create-once.js'
import { idempotencyKey, type BatchIdentity } from '../batch/idempotency.js'
import { providerFor } from '../batch/providers.js'
import { checkUserPairsFit, pullRequestOfRun } from '../batch/metadata.js'
import { partLimitsFor } from '../job/limits.js'
import { splitInput, SplitInputError } from '../job/split.js'
import { setResultOutputs } from './collect.js'
import { StepFailure } from './failure.js'
import {
  EarlierBatches,
  makePlans,
  planMetadata,
  type PartInput,
  type Plan,
  type SubmitContext
} from './job-submit.js'
import { JobRun, type Ended, type RoundEnd } from './job-run.js'
import type { Ending } from './outcome.js'
import { requireApi, type StepEnv } from './step.js'
import { cancelSuperseded, supersedingApplies } from './superseded.js'
import { decideReuse } from '../batch/reconcile.js'
import type { ValidFile } from './validate.js'

/** Splits the validated input as the provider's (or the user's) per-batch limits require. */
export async function splitForJob(
  env: StepEnv,
  file: ValidFile,
  tempDir: string
): Promise<PartInput[]> {
  const limits = partLimitsFor(providerFor(env.inputs.baseUrl), env.inputs)
  for (const warning of limits.warnings) env.log.warning(warning)
  try {
    return await splitInput(file.path, limits, {
      tempDir,
      signal: env.signal,
      known: { requests: file.requests, bytes: file.bytes, sha256: file.sha256 }
    })
  } catch (error) {
    if (env.signal.aborted || !(error instanceof SplitInputError)) throw error
    const display = env.findings.validation?.file ?? env.inputs.file
    env.log.error(
      error.message,
      error.line > 0 ? { file: display, startLine: error.line } : { file: display }
    )
    throw new StepFailure(`file: ${error.message}. Nothing was uploaded.`)
  }
}

/** A temp folder for the parts, removed when the step is done with them. */
export async function partsDir(env: StepEnv): Promise<string> {
  return mkdtemp(path.join(env.context.temp ?? os.tmpdir(), 'batch-parts-'))
}

export async function removePartsDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true })
}

/**
 * Runs a job of several batches (a split input, or retry-failed rounds): one set of batches per
 * step and input, across retries, attempts and legs, as for one batch.
 */
export async function runJob(
  env: StepEnv,
  file: ValidFile,
  parts: PartInput[],
  earlierSince: { identity: BatchIdentity; since: number },
  tempDir: string,
  now: () => number = Date.now
): Promise<Ending> {
  const { inputs, log, state } = env
  const api = requireApi(env)
  const jobKey = idempotencyKey(earlierSince.identity)
  const quiet = {
    info: (text: string) => log.info(env.redact(text)),
    warning: (text: string) => log.warning(env.redact(text))
  }
  const listed = await log.group("Look for this step's batches", async () => {
    // Outside GitHub Actions every key is new: there is no earlier attempt to find.
    if (inputs.reuse === 'never' || !env.context.inActions) {
      await api.checkAccess(env.signal)
      return []
    }
    const since = earlierSince.since
    return api.retry(
      "Looking for this step's batches",
      () => api.listSince(since, env.signal),
      env.signal
    )
  })
  const ctx: SubmitContext = {
    jobKey,
    multiBatch: true,
    retries: inputs.retryFailed > 0,
    earlier: EarlierBatches.ofJob(jobKey, listed),
    now,
    log: quiet,
    sweeps: []
  }
  let plans = makePlans(jobKey, 0, parts, true)
  // The most pairs any batch of the job carries: its round tag is counted when rounds may come.
  try {
    checkUserPairsFit(inputs.metadata, {
      inActions: env.context.inActions,
      pullRequest: pullRequestOfRun(env.context) !== undefined,
      multiBatch: true,
      retries: ctx.retries
    })
    planMetadata(env, ctx, { ...(plans[0] as Plan), round: ctx.retries ? 1 : 0 })
  } catch (error) {
    throw new StepFailure(`metadata: ${(error as Error).message}. Nothing was uploaded.`)
  }
  log.info(
    `${file.requests} requests in ${parts.length} ${parts.length === 1 ? 'batch' : 'batches'} (at most ${inputs.maxConcurrentBatches} in flight)` +
      (inputs.retryFailed > 0
        ? `, up to ${inputs.retryFailed} more rounds for requests that fail for a passing reason`
        : '')
  )
  // Batches about to be made: the ones of earlier runs they replace stop billing first.
  const creates = plans.some(
    (plan) => decideReuse(ctx.earlier.of(plan).map((e) => e.batch)).kind === 'create'
  )
  if (creates && supersedingApplies(env))
    await log.group('Cancel superseded batches', () => cancelSuperseded(env, now))
  const run = new JobRun(env, tempDir, now, ctx)
  for (let round = 0; ; round++) {
    const ended: Ended[] = []
    run.rounds.push(ended)
    const end = await run.runRound(plans, ended)
    if (end !== 'done') {
      state.markSettled()
      return unfinished(env, run, end)
    }
    if (round >= inputs.retryFailed || !inputs.download) break
    const next = await run.nextRoundInputs(round, ended)
    if (!next) break
    plans = makePlans(jobKey, round + 1, next, true)
  }
  state.markSettled()
  for (const sweep of ctx.sweeps)
    await sweepDuplicates(api, sweep.mark, sweep.since, quiet, {
      keep: sweep.keep,
      signal: env.signal
    })
  const batch = run.view.asBatch() as BatchInfo
  env.findings.batch = batch
  if (!inputs.download) {
    await run.tellComment('finished')
    return { kind: 'ended', batch }
  }
  const joined = await run.join()
  env.findings.results = joined
  env.findings.files.results = joined.path
  setResultOutputs(env, joined)
  env.outputs.set(Outputs.Total, joined.total)
  env.outputs.set(Outputs.Completed, joined.ok)
  env.outputs.set(Outputs.Failed, joined.error + joined.missing)
  await run.tellComment('finished')
  return { kind: 'ended', batch, results: joined }
}

/** The wait ended (or was not asked for) before every batch of the job did. */
async function unfinished(
  env: StepEnv,
  run: JobRun,
  end: Exclude<RoundEnd, 'done'>
): Promise<Ending> {
  const { inputs, log } = env
  if (run.unsubmitted > 0) {
    log.notice(
      `${run.unsubmitted} ${run.unsubmitted === 1 ? 'batch was' : 'batches were'} not submitted before the wait ended; ` +
        're-run the step to submit them: it takes up the batches that exist and creates only the missing ones'
    )
  }
  if (end === 'timed out' && inputs.onTimeout === 'cancel') {
    const api = requireApi(env)
    await Promise.all(
      run.view.running().map(async (entry) => {
        run.view.track(entry, await api.cancel(entry.batch.id, env.signal))
      })
    )
  }
  const batch = run.view.asBatch() as BatchInfo
  env.findings.batch = batch
  await run.tellComment(isTerminal(batch.status) ? 'finished' : 'running')
  const batchIds = run.view.ids()
  if (end === 'left running') return { kind: 'not waiting', batch, batchIds }
  return { kind: 'timed out', batch, then: inputs.onTimeout, batchIds }
}
