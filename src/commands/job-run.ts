// The run of a job's rounds: the parts of a split input, and the rounds that resubmit the requests
// that failed for a passing reason. Parts are submitted in order, at most max-concurrent-batches in
// flight; one wait loop polls them together (job-wait.ts); each batch's results are downloaded and
// joined as it ends; the job's results.jsonl joins them all (job/join-job.ts). A job of one batch
// never comes here: run.ts runs it as it always has.
import path from 'node:path'
import { Outputs } from '../action/names.js'
import { isTerminal, type BatchInfo } from '../batch/document.js'
import { providerFor } from '../batch/providers.js'
import { joinJob } from '../job/join-job.js'
import { partLimitsFor } from '../job/limits.js'
import { writeRetryInput } from '../job/retry-input.js'
import { splitInput } from '../job/split.js'
import { DEFAULT_RETRY_ERRORS } from '../job/transient.js'
import { sleep as realSleep } from '../net/abort.js'
import type { JoinResult } from '../results/types.js'
import { downloadAndJoin, insideWorkspace, warnNoOutput } from './collect.js'
import { batchLabel, JobView } from './job-view.js'
import { submitPlan, type PartInput, type Plan, type SubmitContext } from './job-submit.js'
import { waitForAny } from './job-wait.js'
import { MAX_TOKEN_RESUBMITS, refusedForTokens, tokenBackoffMs } from '../job/token-limit.js'
import { type StepEnv } from './step.js'
import { PullRequestComment } from './pr-comment.js'

/** A batch of the job that ended, and where its results are. */
export interface Ended {
  plan: Plan
  batch: BatchInfo
  resultsPath?: string
  result?: JoinResult
}

export type RoundEnd = 'done' | 'timed out' | 'left running'

export class JobRun {
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
        const { files, joined } = await downloadAndJoin(env, batch, dir, plan.input.path)
        entry.result = joined
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
