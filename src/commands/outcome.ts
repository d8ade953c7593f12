import type { ActionInputs, OnTimeout } from '../action/inputs.js'
import {
  describeBatchErrors,
  isKnownStatus,
  KNOWN_STATUSES,
  requestCounts,
  type BatchInfo
} from '../batch/document.js'
import type { BatchOutcome } from '../report/model.js'
import { exceedsFailureLimit } from '../lib/failure-limit.js'
import type { JoinResult } from '../results/types.js'

/** How a command ended, as facts; decideOutcome turns them into the step's outcome. */
export type Ending =
  /** The batch reached a terminal status, and its results were collected (when downloading). */
  | { kind: 'ended'; batch: BatchInfo; results?: JoinResult; errorFile?: string }
  /** wait is false and the batch is still running; `batchIds`: every batch of a job of several. */
  | { kind: 'not waiting'; batch: BatchInfo; batchIds?: string[] }
  /** The wait ran out; `then` says what was done about it, `batch` is the batch as last seen. */
  | { kind: 'timed out'; batch: BatchInfo; then: OnTimeout; batchIds?: string[] }
  /** `cancel` found the batch already ended. */
  | { kind: 'already ended'; batch: BatchInfo }
  /** A command with no batch to judge (list, validate-only). */
  | { kind: 'done' }
  /** The step failed; the message is written for the user. */
  | { kind: 'error'; message: string }
  /** The step was cancelled by the runner; the message says what became of the batch. */
  | { kind: 'aborted'; message: string }

export interface Note {
  level: 'info' | 'notice' | 'warning'
  text: string
}

export interface Verdict {
  outcome: BatchOutcome
  /** Why, for the summary and, when the step fails, for the failure. */
  message?: string
  /** What the log should say about it. */
  notes: Note[]
}

type Rules = Pick<
  ActionInputs,
  'command' | 'maxFailedRequests' | 'completionWindow' | 'waitTimeoutMs'
>

/** The step fails for these outcomes; 'left running' is a success the user asked for. */
export function failsStep(outcome: BatchOutcome): boolean {
  return outcome === 'failed' || outcome === 'cancelled' || outcome === 'timed out'
}

/** Why a batch in a status the action does not know cannot count as a success. */
export function unknownStatusMessage(batch: BatchInfo): string {
  return (
    `Batch ${batch.id} has the status "${batch.status}", which the action does not know ` +
    `(it knows ${KNOWN_STATUSES.join(', ')}), so it cannot tell how the batch is doing. ` +
    `Check it with the provider, or later with command: status and batch-id: ${batch.id}`
  )
}

/** What `batch-id` takes to collect it later: the id, or a job's ids as the batch-ids output gives them. */
export function batchIdValue(batch: BatchInfo, batchIds?: readonly string[]): string {
  return batchIds && batchIds.length > 1 ? `'${JSON.stringify(batchIds)}'` : batch.id
}

/** The one place that decides how the step ended, from what the command found. */
export function decideOutcome(ending: Ending, rules: Rules): Verdict {
  switch (ending.kind) {
    case 'done':
      return { outcome: 'succeeded', notes: [] }
    case 'error':
      return { outcome: 'failed', message: ending.message, notes: [] }
    case 'aborted':
      return { outcome: 'cancelled', message: ending.message, notes: [] }
    case 'not waiting': {
      if (!isKnownStatus(ending.batch.status))
        return { outcome: 'failed', message: unknownStatusMessage(ending.batch), notes: [] }
      const { id } = ending.batch
      const ids = ending.batchIds && ending.batchIds.length > 1 ? ending.batchIds : undefined
      return {
        outcome: 'left running',
        notes: [
          {
            level: 'info',
            text: `wait is false: ${ids ? `batches ${ids.join(', ')} run` : `batch ${id} runs`} on; collect ${ids ? 'them' : 'it'} later with command: status and batch-id: ${batchIdValue(ending.batch, ids)}`
          }
        ]
      }
    }
    case 'already ended': {
      const { id, status } = ending.batch
      const notes: Note[] =
        status === 'cancelled'
          ? []
          : [
              {
                level: 'notice',
                text: `Batch ${id} is already ${status}; there is nothing to cancel`
              }
            ]
      return { outcome: 'succeeded', message: `already ${status}`, notes }
    }
    case 'timed out':
      return timedOut(ending.batch, ending.then, rules, ending.batchIds)
    case 'ended':
      return judgeEnded(ending, rules)
  }
}

function timedOut(
  batch: BatchInfo,
  then: OnTimeout,
  rules: Rules,
  batchIds?: readonly string[]
): Verdict {
  const several = batchIds !== undefined && batchIds.length > 1
  const which = several ? `the job's batches ${batchIds.join(', ')}` : `batch ${batch.id}`
  const waited = `The wait timed out (wait-timeout ${rules.waitTimeoutMs / 1000}s) with ${which} ${batch.status}`
  const later = `command: status and batch-id: ${batchIdValue(batch, batchIds)}`
  // Whatever on-timeout says, a batch in a status the action cannot read is not left as a success.
  if (!isKnownStatus(batch.status)) {
    const cancelled = then === 'cancel' ? '; it was cancelled (on-timeout: cancel)' : ''
    return {
      outcome: 'timed out',
      message: `The wait timed out (wait-timeout ${rules.waitTimeoutMs / 1000}s)${cancelled}. ${unknownStatusMessage(batch)}`,
      notes: []
    }
  }
  switch (then) {
    case 'leave': {
      const message = `${waited}; ${several ? 'they were' : 'it was'} left running. Collect ${several ? 'them' : 'it'} later with ${later}`
      return { outcome: 'left running', message, notes: [{ level: 'notice', text: message }] }
    }
    case 'cancel':
      return {
        outcome: 'timed out',
        message: `${waited}; ${several ? 'they were' : 'it was'} cancelled (on-timeout: cancel)`,
        notes: []
      }
    case 'fail':
      return {
        outcome: 'timed out',
        message: `${waited}; failing as on-timeout: fail asks. ${several ? 'The batches run on: collect them' : 'The batch runs on: collect it'} with ${later}`,
        notes: []
      }
  }
}

/** Success or failure from the final status, as the command and inputs define it. */
function judgeEnded(ending: Extract<Ending, { kind: 'ended' }>, rules: Rules): Verdict {
  const { batch, results } = ending
  const counts = requestCounts(batch)
  const failure = (message: string, outcome: BatchOutcome = 'failed'): Verdict => ({
    outcome,
    message,
    notes: []
  })
  switch (batch.status) {
    case 'completed': {
      const { failed, total } = failureCounts(batch, results)
      if (exceedsFailureLimit(rules.maxFailedRequests, failed, total)) {
        return failure(
          `${failed} of ${total} requests failed, more than max-failed-requests allows; see ${ending.errorFile ?? 'the error file'}`
        )
      }
      const notes: Note[] =
        failed > 0 ? [{ level: 'warning', text: `${failed} of ${total} requests failed` }] : []
      return { outcome: 'succeeded', notes }
    }
    case 'cancelled':
      if (rules.command === 'cancel') return { outcome: 'succeeded', notes: [] }
      return failure(
        `Batch ${batch.id} was cancelled before it finished (${counts.completed} of ${counts.total} requests completed)`,
        'cancelled'
      )
    case 'expired':
      return failure(
        `Batch ${batch.id} expired: the completion window (${rules.completionWindow}) passed with ${counts.completed} of ${counts.total} requests completed; partial results were kept`
      )
    case 'failed':
      return failure(`Batch ${batch.id} failed: ${describeBatchErrors(batch)}`)
    default:
      if (!isKnownStatus(batch.status)) return failure(unknownStatusMessage(batch))
      return { outcome: 'succeeded', notes: [] }
  }
}

/** The failed and total requests the step judges by: the joined results when there are some. */
export function failureCounts(
  batch: BatchInfo,
  results: JoinResult | undefined
): { total: number; completed: number; failed: number } {
  const counts = requestCounts(batch)
  if (!results) return counts
  const total = results.total || counts.total
  return { total, completed: results.ok, failed: results.error + results.missing }
}
