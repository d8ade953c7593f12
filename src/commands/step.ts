import type { ActionInputs } from '../action/inputs.js'
import type { OutputName } from '../action/outputs.js'
import type { StepState } from '../action/state.js'
import type { BatchApi } from '../batch/client.js'
import { describeProgress, type BatchInfo } from '../batch/document.js'
import type { Log } from '../lib/log.js'
import type { RunContext } from '../lib/run-context.js'
import type { ValidationSummaryData } from '../report/validation.js'
import type { JoinResult } from '../results/types.js'
import type { JobView } from './job-view.js'

/** Request counts are logged when they change, but not more often than this. */
const PROGRESS_EVERY_MS = 60_000

/** Where outputs go as soon as they are known (action/outputs.ts). */
export interface OutputSink {
  set(name: OutputName, value: string | number | undefined | null): void
  setBatch(batch: BatchInfo): void
}

/** Everything a command works with; none of it is written by the command but `findings`. */
export interface StepEnv {
  readonly inputs: ActionInputs
  /** Absent when no API key was given (validate-only needs none). */
  readonly api: BatchApi | undefined
  readonly log: Log
  readonly outputs: OutputSink
  readonly state: StepState
  readonly context: RunContext
  readonly signal: AbortSignal
  readonly findings: Findings
  redact(text: string): string
}

export function requireApi(env: StepEnv): BatchApi {
  if (!env.api) throw new Error('No API client: an API key is needed for this command')
  return env.api
}

/** A batch of an earlier run that this run cancelled as superseded (cancel-superseded). */
export interface SupersededRecord {
  id: string
  /** The run that made it. */
  runId: string
  /** Its status after the cancel (cancelling, as a rule). */
  status: string
  /** The pull request both runs are on; else the ref they share. */
  pullRequest?: number
  ref?: string
}

/**
 * What the step has learned so far, kept so that however it ends (even by an error or a signal)
 * the summary and the abort handler know it. It holds facts only: the outcome is decided
 * elsewhere (outcome.ts), from what a command returns.
 */
export class Findings {
  /** The latest answer about the step's batch. */
  batch: BatchInfo | undefined
  /** The model of the requests file, once validated. */
  model: string | undefined
  /** The check of the requests file, for the summary of validate-only or of a file with problems. */
  validation: ValidationSummaryData | undefined
  files: { output?: string; error?: string; results?: string } = {}
  results: JoinResult | undefined
  /** The idempotency key of a create in flight, whose outcome the step may not learn. */
  creating: string | undefined
  /** The batches of a job of several; `batch` is then the job seen as one batch (job-view.ts). */
  job: JobView | undefined
  /** Batches of earlier runs this run cancelled before creating its own. */
  superseded: SupersededRecord[] = []
  private lastProgressAt = 0

  constructor(
    private readonly log: Log,
    private readonly outputs: OutputSink,
    private readonly now: () => number = Date.now
  ) {}

  /** Keeps outputs current; logs each status change, and progress at most once a minute. */
  track(batch: BatchInfo): void {
    const previous = this.batch
    this.batch = batch
    this.outputs.setBatch(batch)
    const line = `Batch ${batch.id} is ${describeProgress(batch)}`
    const now = this.now()
    const progressed =
      previous !== undefined && describeProgress(previous) !== describeProgress(batch)
    if (
      previous?.status !== batch.status ||
      (progressed && now - this.lastProgressAt >= PROGRESS_EVERY_MS)
    ) {
      this.lastProgressAt = now
      this.log.info(line)
    } else this.log.debug(line)
  }
}
