// The edges of polling by progress: which phase counts and statuses make, when the estimate starts
// again, when the backoff restarts, and which delays are jittered.
import { describe, expect, it } from '@jest/globals'
import {
  countsSample,
  pollPhase,
  PollPlanner,
  ProgressPredictor,
  type CountsSample
} from '../../src/batch/progress.js'

const sample = (at: number, done: number, total = 1000): CountsSample => ({ at, done, total })

describe('pollPhase', () => {
  it('is waiting while the batch validates, even with counts', () => {
    expect(pollPhase('validating', sample(0, 10))).toBe('waiting')
    expect(pollPhase('in_progress', undefined)).toBe('waiting')
  })
})

describe('countsSample', () => {
  it('counts completed and failed requests as done', () => {
    expect(countsSample({ total: 10, completed: 4, failed: 2 }, 7)).toEqual({
      at: 7,
      done: 6,
      total: 10
    })
    expect(countsSample({ total: 10, completed: null, failed: 3 }, 0)?.done).toBe(3)
    expect(countsSample({ total: 0, completed: 0, failed: 0 }, 0)).toBeUndefined()
    expect(countsSample(null, 0)).toBeUndefined()
  })
})

describe('ProgressPredictor', () => {
  it('starts again when the total changes, even as the counts grow', () => {
    const p = new ProgressPredictor()
    p.observe(sample(0, 0))
    p.observe(sample(10_000, 100))
    p.observe(sample(20_000, 150, 2000))
    expect(p.remainingMs()).toBeUndefined()
  })

  it('gives no prediction from two answers at the same instant', () => {
    const p = new ProgressPredictor()
    p.observe(sample(5000, 0))
    p.observe(sample(5000, 10))
    expect(p.remainingMs()).toBeUndefined()
  })

  it('starts again when the counts go back, even above the first sample', () => {
    const p = new ProgressPredictor()
    p.observe(sample(0, 0))
    p.observe(sample(10_000, 500))
    p.observe(sample(20_000, 300))
    expect(p.remainingMs()).toBeUndefined()
  })
})

describe('PollPlanner', () => {
  const options = { initialMs: 1000, maxMs: 60_000 }
  /** The backoff returns its step, the jitter marks what it touched. */
  const planner = () =>
    new PollPlanner(
      options,
      (step) => step,
      (ms) => ms - 1
    )

  it('goes on with the backoff when the batch starts running, restarts it as the end nears', () => {
    const p = planner()
    expect(p.first()).toBe(0)
    expect(p.afterAnswer('validating', null, 1000)).toBe(1)
    expect(p.afterAnswer('in_progress', { total: 10, completed: 0, failed: 0 }, 2000)).toBe(2)
    expect(p.afterError()).toBe(3)
    expect(p.afterAnswer('finalizing', { total: 10, completed: 10, failed: 0 }, 3000)).toBe(0)
    expect(p.afterAnswer('finalizing', { total: 10, completed: 10, failed: 0 }, 4000)).toBe(1)
  })

  it('aims a delay below the cap exactly, and jitters one at the cap', () => {
    const below = planner()
    below.first()
    below.afterAnswer('in_progress', { total: 1000, completed: 0 }, 0)
    // 100 requests in 10 s: 90 s to go, half of it is 45 s.
    expect(below.afterAnswer('in_progress', { total: 1000, completed: 100 }, 10_000)).toBe(45_000)

    const atCap = planner()
    atCap.first()
    atCap.afterAnswer('in_progress', { total: 1000, completed: 0 }, 0)
    expect(atCap.afterAnswer('in_progress', { total: 1000, completed: 10 }, 10_000)).toBe(59_999)
  })

  it('goes on with the backoff when an answer has no counts any more', () => {
    const p = planner()
    p.first()
    p.afterAnswer('in_progress', { total: 1000, completed: 0 }, 0)
    expect(p.afterAnswer('in_progress', { total: 1000, completed: 100 }, 10_000)).toBe(45_000)
    expect(p.afterAnswer('in_progress', null, 20_000)).toBe(2)
    expect(p.afterAnswer('in_progress', undefined, 30_000)).toBe(3)
  })

  it('jitters only the first delay of a run at the cap; the run ends with any other delay', () => {
    const p = planner()
    p.first()
    p.afterAnswer('in_progress', { total: 100_000, completed: 0 }, 0)
    // 10 requests in 10 s: hours to go, every delay at the cap.
    expect(p.afterAnswer('in_progress', { total: 100_000, completed: 10 }, 10_000)).toBe(59_999)
    expect(p.afterAnswer('in_progress', { total: 100_000, completed: 70 }, 70_000)).toBe(60_000)
    expect(p.afterAnswer('in_progress', { total: 100_000, completed: 130 }, 130_000)).toBe(60_000)
    // A stall (no rate since the counts went back) backs off: the next run at the cap is jittered.
    expect(p.afterAnswer('in_progress', { total: 100_000, completed: 100 }, 190_000)).toBe(2)
    expect(p.afterAnswer('in_progress', { total: 100_000, completed: 110 }, 200_000)).toBe(59_999)
    expect(p.afterAnswer('in_progress', { total: 100_000, completed: 200 }, 260_000)).toBe(60_000)
    // Close to the end: aimed exactly; then a long stall slows the rate, and the cap is a new run.
    expect(p.afterAnswer('in_progress', { total: 100_000, completed: 99_000 }, 270_000)).toBe(1000)
    expect(p.afterAnswer('in_progress', { total: 100_000, completed: 99_000 }, 30_000_000)).toBe(
      59_999
    )
    expect(p.afterAnswer('in_progress', { total: 100_000, completed: 99_000 }, 30_060_000)).toBe(
      60_000
    )
  })
})
