import { describe, expect, it } from '@jest/globals'
import { parseBatch } from '../../src/batch/document.js'
import { decideOutcome, failsStep, type Ending } from '../../src/commands/outcome.js'
import type { JoinResult } from '../../src/results/types.js'

const rules = {
  command: 'run' as const,
  maxFailedRequests: { kind: 'none' as const },
  completionWindow: '24h',
  waitTimeoutMs: 90_000
}
const batch = (status: string, counts = { total: 10, completed: 8, failed: 2 }) =>
  parseBatch({ id: 'batch_1', status, request_counts: counts })
const ended = (
  status: string,
  extra: Partial<Extract<Ending, { kind: 'ended' }>> = {}
): Ending => ({
  kind: 'ended',
  batch: batch(status),
  ...extra
})

describe('decideOutcome', () => {
  it('succeeds on completed, warning about failed requests within the limit', () => {
    expect(decideOutcome(ended('completed'), rules)).toEqual({
      outcome: 'succeeded',
      notes: [{ level: 'warning', text: '2 of 10 requests failed' }]
    })
    expect(
      decideOutcome(ended('completed'), {
        ...rules,
        maxFailedRequests: { kind: 'count', value: 1 }
      })
    ).toEqual({
      outcome: 'failed',
      message: '2 of 10 requests failed, more than max-failed-requests allows; see the error file',
      notes: []
    })
  })

  it('counts from the joined results when there are some, missing lines as failed', () => {
    const results = { total: 12, ok: 9, error: 1, missing: 2 } as JoinResult
    const verdict = decideOutcome(ended('completed', { results, errorFile: 'out/errors.jsonl' }), {
      ...rules,
      maxFailedRequests: { kind: 'count', value: 2 }
    })
    expect(verdict.message).toBe(
      '3 of 12 requests failed, more than max-failed-requests allows; see out/errors.jsonl'
    )
  })

  it('fails a cancelled batch, except for command: cancel', () => {
    expect(decideOutcome(ended('cancelled'), rules)).toMatchObject({
      outcome: 'cancelled',
      message: 'Batch batch_1 was cancelled before it finished (8 of 10 requests completed)'
    })
    expect(decideOutcome(ended('cancelled'), { ...rules, command: 'cancel' }).outcome).toBe(
      'succeeded'
    )
  })

  it('fails expired and failed batches', () => {
    expect(decideOutcome(ended('expired'), rules).message).toBe(
      'Batch batch_1 expired: the completion window (24h) passed with 8 of 10 requests completed; partial results were kept'
    )
    expect(decideOutcome(ended('failed'), rules)).toMatchObject({
      outcome: 'failed',
      message: 'Batch batch_1 failed: the provider gave no reason'
    })
  })

  it('decides each on-timeout', () => {
    const waited = 'The wait timed out (wait-timeout 90s) with batch batch_1 in_progress'
    const timedOut = (then: 'leave' | 'cancel' | 'fail'): Ending => ({
      kind: 'timed out',
      batch: batch('in_progress'),
      then
    })
    const leave = decideOutcome(timedOut('leave'), rules)
    expect(leave.outcome).toBe('left running')
    expect(leave.notes).toEqual([{ level: 'notice', text: leave.message }])
    expect(leave.message).toBe(
      `${waited}; it was left running. Collect it later with command: status and batch-id: batch_1`
    )
    expect(decideOutcome(timedOut('cancel'), rules)).toEqual({
      outcome: 'timed out',
      message: `${waited}; it was cancelled (on-timeout: cancel)`,
      notes: []
    })
    expect(decideOutcome(timedOut('fail'), rules).outcome).toBe('timed out')
  })

  it('leaves a batch running without waiting, and notes a cancel that came too late', () => {
    expect(decideOutcome({ kind: 'not waiting', batch: batch('in_progress') }, rules)).toEqual({
      outcome: 'left running',
      notes: [
        {
          level: 'info',
          text: 'wait is false: batch batch_1 runs on; collect it later with command: status and batch-id: batch_1'
        }
      ]
    })
    expect(decideOutcome({ kind: 'already ended', batch: batch('completed') }, rules)).toEqual({
      outcome: 'succeeded',
      message: 'already completed',
      notes: [
        { level: 'notice', text: 'Batch batch_1 is already completed; there is nothing to cancel' }
      ]
    })
    expect(
      decideOutcome({ kind: 'already ended', batch: batch('cancelled') }, rules).notes
    ).toEqual([])
  })

  it('never reports success for a batch in a status it does not know', () => {
    for (const then of ['leave', 'cancel', 'fail'] as const) {
      const verdict = decideOutcome({ kind: 'timed out', batch: batch('queued'), then }, rules)
      expect(verdict.outcome).toBe('timed out')
      expect(failsStep(verdict.outcome)).toBe(true)
      expect(verdict.message).toMatch(
        /^The wait timed out \(wait-timeout 90s\).* Batch batch_1 has the status "queued", which the action does not know/
      )
    }
    expect(
      decideOutcome({ kind: 'timed out', batch: batch('queued'), then: 'cancel' }, rules).message
    ).toContain('it was cancelled (on-timeout: cancel)')
    const notWaiting = decideOutcome({ kind: 'not waiting', batch: batch('unknown') }, rules)
    expect(notWaiting.outcome).toBe('failed')
    expect(notWaiting.message).toContain('command: status and batch-id: batch_1')
    expect(decideOutcome(ended('paused'), rules)).toMatchObject({ outcome: 'failed' })
    // A synonym is known: it counts as the status it stands for.
    expect(decideOutcome(ended('SUCCEEDED'), rules).outcome).toBe('succeeded')
    expect(decideOutcome(ended('cancelling'), { ...rules, command: 'cancel' }).outcome).toBe(
      'succeeded'
    )
  })

  it('turns errors and aborts into failed and cancelled', () => {
    expect(decideOutcome({ kind: 'error', message: 'x' }, rules)).toEqual({
      outcome: 'failed',
      message: 'x',
      notes: []
    })
    expect(decideOutcome({ kind: 'aborted', message: 'y' }, rules).outcome).toBe('cancelled')
    expect(decideOutcome({ kind: 'done' }, rules).outcome).toBe('succeeded')
  })
})

describe('failsStep', () => {
  it('fails the step for failed, cancelled and timed out only', () => {
    expect(
      (['succeeded', 'failed', 'cancelled', 'timed out', 'left running'] as const).filter(failsStep)
    ).toEqual(['failed', 'cancelled', 'timed out'])
  })
})
