// The pull-request comment of a step: one comment, written when the batch is submitted and edited
// when the phase changes (never per poll). The comment is an extra: nothing here fails the step.
import type { ActionInputs } from '../action/inputs.js'
import { batchUsage, type BatchInfo } from '../batch/document.js'
import { MetadataKeys } from '../batch/metadata.js'
import type { CommentModel, CommentPhase } from '../github/comment-model.js'
import { renderComment } from '../github/comment-render.js'
import {
  commentTarget,
  targetFromContext,
  upsertComment,
  type CommentResult,
  type CommentTargetSpec,
  type UpsertOptions
} from '../github/comment.js'
import { gitHubContextOf, runUrl, type GitHubContext } from '../github/context.js'
import { exceedsFailureLimit } from '../lib/failure-limit.js'
import type { Log } from '../lib/log.js'
import type { RunContext } from '../lib/run-context.js'
import { batchDurations } from '../report/model.js'
import type { JoinResult } from '../results/types.js'
import { failureCounts } from './outcome.js'

/** What the step knows when it writes the comment. */
export interface CommentFacts {
  batch: BatchInfo
  /** Every batch of a job of several; the batch's own id otherwise. */
  batchIds?: readonly string[]
  inputs: Pick<ActionInputs, 'command' | 'endpoint' | 'metadata' | 'file' | 'maxFailedRequests'>
  /** The model of the requests file, once validated. */
  model?: string
  /** Requests in the validated file. */
  requestCount?: number
  /** The requests file as the step names it. */
  inputFile?: string
  results?: JoinResult
}

/** The metadata key that names the pull request a batch was submitted from (examples/pr-submit.yml). */
export const PULL_REQUEST_TAG = 'pr'

/**
 * The pull request the batch's metadata names: a `pr` tag of the user's (the pull request they
 * chose to report on), else the action's own `github_pr` tag (written on pull-request events).
 */
export function taggedPullRequestOf(batch: Pick<BatchInfo, 'metadata'>): number | undefined {
  for (const key of [PULL_REQUEST_TAG, MetadataKeys.PullRequest]) {
    const tag = batch.metadata?.[key]
    if (typeof tag === 'string' && /^\s*[1-9]\d{0,9}\s*$/.test(tag)) return Number(tag)
  }
  return undefined
}

/** The comment's content for `phase`: what is known by then, from the batch and the step's facts. */
export function commentModelOf(
  phase: CommentPhase,
  facts: CommentFacts,
  context: GitHubContext
): CommentModel {
  const { batch, inputs, results } = facts
  // status names a batch made elsewhere: its own endpoint and model tell about it.
  const fromRun = inputs.command === 'run'
  const model: CommentModel = {
    marker: { workflow: context.workflow, job: context.job, step: context.step },
    phase,
    batchIds: facts.batchIds && facts.batchIds.length > 0 ? facts.batchIds : [batch.id],
    requestCount: facts.requestCount,
    model: facts.model ?? batch.model ?? undefined,
    endpoint: fromRun ? inputs.endpoint : (batch.endpoint ?? undefined),
    status: batch.status,
    inputFile: facts.inputFile,
    metadata: fromRun ? inputs.metadata : undefined,
    runUrl: runUrl(context)
  }
  if (phase === 'submitted') return model
  const counts = failureCounts(batch, results)
  model.counts = counts.total > 0 || results ? counts : undefined
  if (phase === 'running') return model
  const limit = inputs.maxFailedRequests
  if (limit.kind !== 'none' && model.counts) {
    model.failureLimit = {
      kind: limit.kind,
      value: limit.value,
      exceeded: exceedsFailureLimit(limit, counts.failed, counts.total)
    }
  }
  model.tokens = results?.usage ?? batchUsage(batch)
  model.durations = batchDurations(batch)
  model.failures = results?.failures
  return model
}

/** Writes the step's comment on a phase change; a step without a pull request writes nothing. */
export class PullRequestComment {
  private lastPhase: CommentPhase | undefined

  private constructor(
    private readonly target: CommentTargetSpec,
    private readonly context: GitHubContext,
    private readonly log: Log,
    private readonly redact: (text: string) => string,
    private readonly options: UpsertOptions
  ) {}

  /**
   * The step's comment, or undefined when there is none to write (comment: never, no pull request,
   * the repository unknown). `taggedPullRequest` is a pull request the batch itself names.
   */
  static of(
    inputs: Pick<ActionInputs, 'comment' | 'githubToken'>,
    run: RunContext,
    log: Log,
    redact: (text: string) => string,
    options: UpsertOptions = {},
    taggedPullRequest?: number
  ): PullRequestComment | undefined {
    const context = gitHubContextOf(run)
    const issue = commentTarget(inputs.comment, context, taggedPullRequest)
    if (issue === undefined) return undefined
    const target = targetFromContext(context, inputs.githubToken, issue)
    if (!target) {
      log.notice('No pull-request comment: GITHUB_REPOSITORY does not name the repository')
      return undefined
    }
    return new PullRequestComment(target, context, log, redact, options)
  }

  /** Writes the comment for `phase`, unless it was written for that phase already. */
  async update(phase: CommentPhase, facts: CommentFacts): Promise<CommentResult | undefined> {
    if (phase === this.lastPhase) return undefined
    this.lastPhase = phase
    const body = renderComment(commentModelOf(phase, facts, this.context), this.redact)
    const result = await upsertComment(this.target, body, { redact: this.redact, ...this.options })
    if (result.ok) {
      this.log.info(`Pull-request comment ${result.action}: ${result.url}`)
    } else if (result.notice !== undefined) {
      this.log.notice(result.notice)
    } else {
      this.log.warning(result.warning)
    }
    return result
  }
}
