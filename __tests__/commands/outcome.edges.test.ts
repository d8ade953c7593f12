// decideOutcome for a job of several batches (the ids the user collects them by), and the whole
// verdict (notes included) where outcome.test.ts checks only the outcome or the message.
import { describe, expect, it } from '@jest/globals'
import { parseBatch } from '../../src/batch/document.js'
import { batchIdValue, decideOutcome, unknownStatusMessage } from '../../src/commands/outcome.js'

const rules = {
  command: 'run' as const,
  maxFailedRequests: { kind: 'none' as const },
  completionWindow: '24h',
  waitTimeoutMs: 90_000
}
const batch = (status: string, counts = { total: 10, completed: 10, failed: 0 }) =>
  parseBatch({ id: 'batch_1', status, request_counts: counts })
const IDS = ['batch_1', 'batch_2']
const LATER = `command: status and batch-id: '["batch_1","batch_2"]'`

describe('a job of several batches', () => {
  it('gives batch-id the ids as a JSON list, and a single batch its id', () => {
    expect(batchIdValue(batch('in_progress'), IDS)).toBe(`'["batch_1","batch_2"]'`)
    expect(batchIdValue(batch('in_progress'), ['batch_1'])).toBe('batch_1')
    expect(batchIdValue(batch('in_progress'))).toBe('batch_1')
  })

  it('names every batch left running without waiting, one batch as one', () => {
    const several = decideOutcome(
      { kind: 'not waiting', batch: batch('in_progress'), batchIds: IDS },
      rules
    )
    expect(several).toEqual({
      outcome: 'left running',
      notes: [
        {
          level: 'info',
          text: `wait is false: batches batch_1, batch_2 run on; collect them later with ${LATER}`
        }
      ]
    })
    const one = decideOutcome(
      { kind: 'not waiting', batch: batch('in_progress'), batchIds: ['batch_1'] },
      rules
    )
    expect(one.notes[0]?.text).toBe(
      'wait is false: batch batch_1 runs on; collect it later with command: status and batch-id: batch_1'
    )
  })

  it('says what became of the batches of a job when the wait timed out', () => {
    const waited =
      "The wait timed out (wait-timeout 90s) with the job's batches batch_1, batch_2 in_progress"
    const timedOut = (then: 'leave' | 'cancel' | 'fail') =>
      decideOutcome({ kind: 'timed out', batch: batch('in_progress'), then, batchIds: IDS }, rules)
    const leave = `${waited}; they were left running. Collect them later with ${LATER}`
    expect(timedOut('leave')).toEqual({
      outcome: 'left running',
      message: leave,
      notes: [{ level: 'notice', text: leave }]
    })
    expect(timedOut('cancel')).toEqual({
      outcome: 'timed out',
      message: `${waited}; they were cancelled (on-timeout: cancel)`,
      notes: []
    })
    expect(timedOut('fail')).toEqual({
      outcome: 'timed out',
      message: `${waited}; failing as on-timeout: fail asks. The batches run on: collect them with ${LATER}`,
      notes: []
    })
  })

  it('speaks of one batch when the job has only one', () => {
    expect(
      decideOutcome(
        { kind: 'timed out', batch: batch('in_progress'), then: 'cancel', batchIds: ['batch_1'] },
        rules
      ).message
    ).toBe(
      'The wait timed out (wait-timeout 90s) with batch batch_1 in_progress; it was cancelled (on-timeout: cancel)'
    )
  })

  it('tells one batch that timed out with on-timeout: fail how to collect it', () => {
    expect(
      decideOutcome({ kind: 'timed out', batch: batch('in_progress'), then: 'fail' }, rules)
    ).toEqual({
      outcome: 'timed out',
      message:
        'The wait timed out (wait-timeout 90s) with batch batch_1 in_progress; failing as on-timeout: fail asks. The batch runs on: collect it with command: status and batch-id: batch_1',
      notes: []
    })
  })
})

describe('the whole verdict', () => {
  it('names every status the action knows when it meets one it does not', () => {
    expect(unknownStatusMessage(batch('paused'))).toBe(
      'Batch batch_1 has the status "paused", which the action does not know (it knows validating, in_progress, finalizing, cancelling, completed, failed, expired, cancelled), so it cannot tell how the batch is doing. Check it with the provider, or later with command: status and batch-id: batch_1'
    )
    expect(decideOutcome({ kind: 'not waiting', batch: batch('paused') }, rules)).toEqual({
      outcome: 'failed',
      message: unknownStatusMessage(batch('paused')),
      notes: []
    })
  })

  it('does not say it cancelled a batch of an unknown status when on-timeout did not', () => {
    const verdict = decideOutcome(
      { kind: 'timed out', batch: batch('paused'), then: 'leave' },
      rules
    )
    expect(verdict).toEqual({
      outcome: 'timed out',
      message: `The wait timed out (wait-timeout 90s). ${unknownStatusMessage(batch('paused'))}`,
      notes: []
    })
  })

  it('adds no note to a success without failed requests, a cancel, or a command with no batch', () => {
    const success = { outcome: 'succeeded', notes: [] }
    expect(decideOutcome({ kind: 'ended', batch: batch('completed') }, rules)).toEqual(success)
    expect(
      decideOutcome({ kind: 'ended', batch: batch('cancelled') }, { ...rules, command: 'cancel' })
    ).toEqual(success)
    // cancel with wait: false ends on cancelling.
    expect(
      decideOutcome({ kind: 'ended', batch: batch('cancelling') }, { ...rules, command: 'cancel' })
    ).toEqual(success)
    expect(decideOutcome({ kind: 'done' }, rules)).toEqual(success)
    expect(decideOutcome({ kind: 'aborted', message: 'y' }, rules)).toEqual({
      outcome: 'cancelled',
      message: 'y',
      notes: []
    })
  })
})
