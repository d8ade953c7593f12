import { describe, expect, it } from '@jest/globals'
import {
  pollPhase,
  progressDelayMs,
  ProgressPredictor,
  type CountsSample
} from '../../src/batch/progress.js'

const sample = (at: number, done: number, total = 1000): CountsSample => ({ at, done, total })

describe('pollPhase', () => {
  it('is waiting before requests run, running while they do, ending once they all have', () => {
    expect(pollPhase('validating', undefined)).toBe('waiting')
    expect(pollPhase('in_progress', sample(0, 0, 0))).toBe('waiting')
    expect(pollPhase('in_progress', sample(0, 10))).toBe('running')
    expect(pollPhase('in_progress', sample(0, 1000))).toBe('ending')
    expect(pollPhase('finalizing', sample(0, 900))).toBe('ending')
    expect(pollPhase('cancelling', undefined)).toBe('ending')
  })
})

describe('ProgressPredictor', () => {
  it('predicts the end from the rate since the first sample', () => {
    const p = new ProgressPredictor()
    p.observe(sample(0, 0))
    expect(p.remainingMs()).toBeUndefined()
    p.observe(sample(10_000, 100))
    // 100 requests in 10 s: 900 more take 90 s.
    expect(p.remainingMs()).toBeCloseTo(90_000)
    p.observe(sample(20_000, 300))
    // 300 in 20 s: 700 more take about 46.7 s.
    expect(p.remainingMs()).toBeCloseTo(46_667, -1)
  })

  it('gives no prediction while the counts do not move', () => {
    const p = new ProgressPredictor()
    p.observe(sample(0, 50))
    p.observe(sample(60_000, 50))
    expect(p.remainingMs()).toBeUndefined()
  })

  it('lets a stall lower the rate, so the prediction grows', () => {
    const p = new ProgressPredictor()
    p.observe(sample(0, 0))
    p.observe(sample(10_000, 500))
    const before = p.remainingMs()!
    p.observe(sample(100_000, 500))
    expect(p.remainingMs()!).toBeGreaterThan(before * 5)
  })

  it('starts again when the total changes or the counts go back', () => {
    const p = new ProgressPredictor()
    p.observe(sample(0, 0))
    p.observe(sample(10_000, 500))
    p.observe(sample(20_000, 10, 2000))
    expect(p.remainingMs()).toBeUndefined()
    p.observe(sample(30_000, 110, 2000))
    expect(p.remainingMs()).toBeCloseTo(189_000)
    p.observe(sample(40_000, 5, 2000))
    expect(p.remainingMs()).toBeUndefined()
  })
})

describe('progressDelayMs', () => {
  const bounds = { minMs: 5000, maxMs: 60_000 }
  it('waits half the predicted remaining time, within the bounds', () => {
    expect(progressDelayMs(100_000, bounds)).toBe(50_000)
    expect(progressDelayMs(1_000_000, bounds)).toBe(60_000)
  })

  it('aims at the predicted end itself once it is within max-poll-interval', () => {
    expect(progressDelayMs(40_000, bounds)).toBe(40_000)
    expect(progressDelayMs(60_000, bounds)).toBe(60_000)
    expect(progressDelayMs(2000, bounds)).toBe(5000)
  })
})
