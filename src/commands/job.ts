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
import { joinJob } from '../job/join-job.js'
import { partLimitsFor } from '../job/limits.js'
import { writeRetryInput } from '../job/retry-input.js'
import { splitInput, SplitInputError } from '../job/split.js'
import { DEFAULT_RETRY_ERRORS } from '../job/transient.js'
import { sleep as realSleep } from '../net/abort.js'
import { pollDelayMs } from '../batch/poll.js'
import type { JoinResult } from '../results/types.js'
import {
  downloadBatchFiles,
  insideWorkspace,
  joinBatchFiles,
  setResultOutputs,
  warnNoOutput
} from './collect.js'
import { StepFailure } from './failure.js'
import { batchLabel, JobView } from './job-view.js'
import {
  EarlierBatches,
  makePlans,
  planMetadata,
  submitPlan,
  type PartInput,
  type Plan,
  type SubmitContext
} from './job-submit.js'
import { waitForAny } from './job-wait.js'
import type { Ending } from './outcome.js'
import { requireApi, type StepEnv } from './step.js'
import { PullRequestComment } from './pr-comment.js'
import { cancelSuperseded, supersedingApplies } from './superseded.js'
import { decideReuse } from '../batch/reconcile.js'
import type { ValidFile } from './validate.js'

/** A batch the provider failed for its enqueued-token limit is sent again this many times at most. */
export const MAX_TOKEN_RESUBMITS = 5

/** The error codes with which providers refuse a batch for the tokens enqueued on the account. */
export const TOKEN_LIMIT_CODES = ['token_limit_exceeded', 'enqueued_token_limit_exceeded'] as const

/** A batch that failed only because the account's enqueued-token limit was reached. */
export function refusedForTokens(batch: BatchInfo): boolean {
  if (batch.status !== 'failed') return false
  const codes = (batch.errors?.data ?? []).map((error) => error?.code ?? '')
  return (
    codes.length > 0 &&
    codes.every((code) => (TOKEN_LIMIT_CODES as readonly string[]).includes(code))
  )
}

/**
 * The pause before resubmission `resubmit` (1-based): the polls' backoff (poll-interval doubling up
 * to max-poll-interval), since the tokens free up as the account's batches end, which polling sees.
 */
export function tokenBackoffMs(
  resubmit: number,
  inputs: { pollIntervalMs: number; maxPollIntervalMs: number }
): number {
  return pollDelayMs(resubmit, {
    initialMs: inputs.pollIntervalMs,
    maxMs: inputs.maxPollIntervalMs
  })
}

/** A batch of the job that ended, and where its results are. */
interface Ended {
  plan: Plan
  batch: BatchInfo
  resultsPath?: string
  result?: JoinResult
}

type RoundEnd = 'done' | 'timed out' | 'left running'

class JobRun {
  readonly view: JobView
  readonly ctx: SubmitContext
  readonly deadline: number
  readonly rounds: Ended[][] = []
  /** Parts never submitted because the wait ended first. */
  unsubmitted = 0
  readonly comment: PullRequestComment | undefined

  constructor(
    readonly env: StepEnv,
    readonly tempDir: string,
    readonly now: () => number,
    ctx: SubmitContext
  ) {
    this.view = new JobView(env.log, env.outputs)
    env.findings.job = this.view
    this.ctx = ctx
    this.deadline = now() + env.inputs.waitTimeoutMs
    this.comment = PullRequestComment.of(env.inputs, env.context, env.log, env.redact)
  }

  /** Writes the pull-request comment for a phase (once per phase; comment.ts keeps one comment). */
  async tellComment(phase: 'submitted' | 'running' | 'finished'): Promise<void> {
    const batch = this.view.asBatch()
    if (!this.comment || !batch || this.env.signal.aborted) return
    const { findings, inputs } = this.env
    await this.comment.update(phase, {
      batch,
      batchIds: this.view.ids(),
      inputs,
      model: findings.model,
      requestCount: findings.validation?.report.requests,
      inputFile: findings.validation?.file ?? (inputs.file || undefined),
      results: findings.results
    })
  }

  /** The folder of the job's results: results-dir/<first batch id>. */
  async jobDir(): Promise<string> {
    const first = this.view.first()
    if (!first) throw new Error('The job has no batch yet')
    return insideWorkspace(
      this.env,
      path.join(this.env.inputs.resultsDir, first.batch.id),
      'results-dir'
    )
  }

  private track(plan: Plan, batch: BatchInfo): void {
    this.view.track(plan, batch)
    this.env.findings.batch = this.view.asBatch()
  }

  /** Submits the plans of a round, at most max-concurrent-batches in flight, and waits for them. */
  async runRound(plans: Plan[], ended: Ended[]): Promise<RoundEnd> {
    const { env } = this
    const queue = [...plans]
    const inFlight = new Map<string, Plan>()
    for (;;) {
      while (inFlight.size < env.inputs.maxConcurrentBatches && queue.length > 0) {
        const plan = queue[0] as Plan
        if (plan.notBefore > this.now()) {
          // Waits for a batch in flight to end first: it frees enqueued tokens.
          if (inFlight.size > 0) break
          const pause = plan.notBefore - this.now()
          if (this.now() + pause > this.deadline) {
            this.unsubmitted = queue.length
            return 'timed out'
          }
          await realSleep(pause, env.signal)
        }
        queue.shift()
        const batch = await submitPlan(env, this.ctx, plan)
        this.track(plan, batch)
        if (isTerminal(batch.status)) await this.settle(plan, batch, queue, ended)
        else inFlight.set(batch.id, plan)
        if (queue.length === 0 && plans[0]?.round === 0) await this.tellComment('submitted')
      }
      if (inFlight.size === 0 && queue.length === 0) return 'done'
      if (!env.inputs.wait && queue.length === 0) return 'left running'
      if (inFlight.size === 0) continue
      const waited = await env.log.group(
        `Wait for ${inFlight.size === 1 ? 'batch' : 'batches'} ${[...inFlight.keys()].join(', ')}`,
        () => waitForAny(env, this.view, inFlight, this.deadline, this.now)
      )
      if (waited.timedOut) {
        this.unsubmitted = queue.length
        return 'timed out'
      }
      for (const [id, plan] of [...inFlight]) {
        const batch = this.view.get(id)?.batch
        if (!batch || !isTerminal(batch.status)) continue
        inFlight.delete(id)
        await this.settle(plan, batch, queue, ended)
      }
    }
  }

  /** A batch ended: sent again after a token-limit refusal, or its results brought back. */
  private async settle(plan: Plan, batch: BatchInfo, queue: Plan[], ended: Ended[]): Promise<void> {
    const { env } = this
    if (refusedForTokens(batch) && plan.resubmits < MAX_TOKEN_RESUBMITS) {
      plan.resubmits++
      const pause = tokenBackoffMs(plan.resubmits, env.inputs)
      plan.notBefore = this.now() + pause
      this.view.markReplaced(batch.id)
      queue.unshift(plan)
      env.log.info(
        `Batch ${batchLabel({ ...plan, id: batch.id })} was refused for the provider's enqueued-token limit ` +
          `(${batch.errors?.data?.[0]?.message ?? 'token_limit_exceeded'}); it is sent again (${plan.resubmits} of at most ${MAX_TOKEN_RESUBMITS}) ` +
          `once a batch in flight has ended and at least ${Math.round(pause / 1000)}s have passed`
      )
      return
    }
    const entry: Ended = { plan, batch }
    ended.push(entry)
    if (!env.inputs.download) return
    const dir = path.join(await this.jobDir(), 'batches', batch.id)
    await env.log.group(
      `Download results of batch ${batchLabel({ ...plan, id: batch.id })}`,
      async () => {
        warnNoOutput(env, batch)
        const files = await downloadBatchFiles(env, batch, dir)
        entry.result = await joinBatchFiles(
          env,
          files,
          plan.input.path,
          path.join(dir, 'results.jsonl')
        )
        entry.resultsPath = entry.result.path
        if (plan.round === 0 && plan.part === 1) {
          env.findings.files.output = files.output
          env.findings.files.error = files.error
          env.outputs.set(Outputs.OutputPath, files.output ?? '')
          env.outputs.set(Outputs.ErrorPath, files.error ?? '')
        }
      }
    )
  }

  /** The input of the next round: the requests of this one that failed for a passing reason. */
  async nextRoundInputs(round: number, ended: Ended[]): Promise<PartInput[] | undefined> {
    const { env } = this
    const codes = env.inputs.retryErrors ?? [...DEFAULT_RETRY_ERRORS]
    const inOrder = [...ended].sort((a, b) => a.plan.part - b.plan.part)
    const retry = await writeRetryInput(
      inOrder.map((entry) => ({
        inputPath: entry.plan.input.path,
        resultsPath: entry.resultsPath as string,
        batchStatus: entry.batch.status
      })),
      codes,
      path.join(this.tempDir, `round-${round + 1}.jsonl`),
      { signal: env.signal }
    )
    if (!retry) return undefined
    env.log.info(
      `Round ${round + 1} of at most ${env.inputs.retryFailed}: ${retry.requests} requests failed for a passing reason (${codes.join(', ')}); sending them again`
    )
    const parts = await splitInput(retry.path, this.limits(), {
      tempDir: path.join(this.tempDir, `round-${round + 1}`),
      signal: env.signal,
      known: retry
    })
    return parts
  }

  limits() {
    return partLimitsFor(providerFor(this.env.inputs.baseUrl), this.env.inputs)
  }

  /** Joins every batch's results into the job's results.jsonl. */
  async join(): Promise<JoinResult> {
    const { env } = this
    const rounds = this.rounds.map((ended) =>
      [...ended]
        .sort((a, b) => a.plan.part - b.plan.part)
        .map((entry) => ({
          resultsPath: entry.resultsPath as string,
          result: entry.result as JoinResult
        }))
    )
    const dest = path.join(await this.jobDir(), 'results.jsonl')
    const joined = await joinJob(rounds, dest, {
      withAttempts: env.inputs.retryFailed > 0,
      secrets: [env.inputs.apiKey],
      signal: env.signal
    })
    env.log.info(
      `Joined ${joined.total} requests of ${this.view.size} batches into ${joined.path}: ${joined.ok} ok, ${joined.error} failed, ${joined.missing} missing; ${joined.usage.total} tokens`
    )
    return joined
  }
}

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
