// Findings.track: the log a long wait leaves. Status changes are logged when they happen, request
// counts at most once a minute (README, Waiting), every answer in the debug log.
import { describe, expect, it } from '@jest/globals'
import type { BatchInfo } from '../../src/batch/document.js'
import { Findings, type OutputSink } from '../../src/commands/step.js'
import type { Log } from '../../src/lib/log.js'
import { completedBatch } from '../../__fixtures__/batches.js'

function recorder(): { log: Log; lines: string[] } {
  const lines: string[] = []
  const log: Log = {
    debug: (message) => lines.push(`debug ${message}`),
    info: (message) => lines.push(`info ${message}`),
    notice: (message) => lines.push(`notice ${message}`),
    warning: (message) => lines.push(`warning ${message}`),
    error: (message) => lines.push(`error ${message}`),
    group: (_name, work) => work()
  }
  return { log, lines }
}

const running = (done: number, status = 'in_progress'): BatchInfo =>
  completedBatch({ status, request_counts: { total: 100, completed: done, failed: 0 } })

/** Findings on a clock the test moves; `at(ms, batch)` tracks `batch` at that time. */
function tracked(): {
  at: (ms: number, batch: BatchInfo) => void
  lines: string[]
  set: BatchInfo[]
} {
  const { log, lines } = recorder()
  const set: BatchInfo[] = []
  const outputs: OutputSink = { set: () => undefined, setBatch: (batch) => set.push(batch) }
  let clock = 0
  const findings = new Findings(log, outputs, () => clock)
  return {
    at: (ms, batch) => {
      clock = ms
      findings.track(batch)
    },
    lines,
    set
  }
}

describe('Findings.track', () => {
  it('logs progress at most once a minute, and every answer in the debug log', () => {
    const { at, lines } = tracked()
    at(0, running(0))
    at(10_000, running(10))
    at(59_999, running(20))
    at(60_000, running(30))
    at(90_000, running(40))
    at(119_999, running(50))
    at(120_000, running(60))
    expect(lines).toEqual([
      'info Batch batch_abc is in_progress: 0/100 done, 0 failed',
      'debug Batch batch_abc is in_progress: 10/100 done, 0 failed',
      'debug Batch batch_abc is in_progress: 20/100 done, 0 failed',
      'info Batch batch_abc is in_progress: 30/100 done, 0 failed',
      'debug Batch batch_abc is in_progress: 40/100 done, 0 failed',
      'debug Batch batch_abc is in_progress: 50/100 done, 0 failed',
      'info Batch batch_abc is in_progress: 60/100 done, 0 failed'
    ])
  })

  it('logs a change of status at once, and counts the minute from it', () => {
    const { at, lines } = tracked()
    at(0, running(0, 'validating'))
    at(5_000, running(1))
    at(30_000, running(50))
    at(64_999, running(90))
    at(65_000, running(95))
    at(66_000, running(100, 'finalizing'))
    expect(lines.filter((line) => line.startsWith('info'))).toEqual([
      'info Batch batch_abc is validating: 0/100 done, 0 failed',
      'info Batch batch_abc is in_progress: 1/100 done, 0 failed',
      'info Batch batch_abc is in_progress: 95/100 done, 0 failed',
      'info Batch batch_abc is finalizing: 100/100 done, 0 failed'
    ])
  })

  it('does not log counts that did not move, however long the wait', () => {
    const { at, lines } = tracked()
    at(0, running(7))
    at(3_600_000, running(7))
    at(7_200_000, running(7))
    expect(lines.filter((line) => line.startsWith('info'))).toHaveLength(1)
    expect(lines).toHaveLength(3)
  })

  it('keeps the outputs current on every answer, logged or not', () => {
    const { at, set } = tracked()
    const answers = [running(0), running(1), running(2)]
    answers.forEach((batch, i) => at(i * 1000, batch))
    expect(set).toEqual(answers)
  })
})
