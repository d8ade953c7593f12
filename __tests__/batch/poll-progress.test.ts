// Polling by progress, in virtual time: a batch whose counts move at a steady rate is seen
// ending within seconds, for about the requests that backing off alone would cost.
import { describe, expect, it } from '@jest/globals'
import type { BatchInfo } from '../../src/batch/document.js'
import { waitForBatch } from '../../src/batch/poll.js'
import { PollPlanner } from '../../src/batch/progress.js'

const options = { initialMs: 5000, maxMs: 60_000, timeoutMs: 6 * 3600_000, maxConsecutiveErrors: 5 }

/** A batch of 10,000 requests ending at a steady rate, then finalizing for `finalizeMs`. */
function steadyBatch(endMs: number, finalizeMs: number, withCounts = true) {
  return (now: number): BatchInfo => {
    const countsEnd = endMs - finalizeMs
    const done = Math.min(10_000, Math.floor((10_000 * now) / countsEnd))
    const status = now >= endMs ? 'completed' : now >= countsEnd ? 'finalizing' : 'in_progress'
    return {
      id: 'batch_p',
      status,
      ...(withCounts ? { request_counts: { total: 10_000, completed: done, failed: 0 } } : {})
    } as BatchInfo
  }
}

async function simulate(endMs: number, finalizeMs: number, withCounts: boolean, seed = 0.5) {
  let now = 0
  let requests = 0
  const answer = steadyBatch(endMs, finalizeMs, withCounts)
  const result = await waitForBatch(
    { id: 'batch_p', status: 'validating' } as BatchInfo,
    {
      retrieve: async () => {
        requests++
        return answer(now)
      },
      now: () => now,
      sleep: async (ms) => {
        now += ms
      },
      random: () => seed
    },
    options
  )
  return { result, requests, lateMs: now - endMs }
}

describe('waitForBatch by progress', () => {
  it.each([
    ['1 hour', 3600_000],
    ['5 hours', 5 * 3600_000]
  ])(
    'sees a %s batch end within 10 s, for about the requests of backoff alone',
    async (_l, end) => {
      const progress = await simulate(end, 30_000, true)
      const backoff = await simulate(end, 30_000, false)
      expect(progress.result.batch.status).toBe('completed')
      expect(progress.lateMs).toBeLessThan(10_000)
      // Fewer: at the cap only the first delay of the run is jittered, where backoff jitters each.
      expect(progress.requests).toBeLessThan(backoff.requests)
    }
  )

  it('keeps runners started together apart: each takes its phase once, then polls at the cap', async () => {
    const pollTimes = async (seed: number) => {
      let now = 0
      const times: number[] = []
      const answer = steadyBatch(3600_000, 30_000)
      await waitForBatch(
        { id: 'batch_p', status: 'validating' } as BatchInfo,
        {
          retrieve: async () => {
            times.push(now)
            return answer(now)
          },
          now: () => now,
          sleep: async (ms) => {
            now += ms
          },
          random: () => seed
        },
        options
      )
      return times
    }
    const [early, late] = [await pollTimes(0.9), await pollTimes(0.1)]
    // The polls of the hour in the middle of the wait: at the cap, 60 s apart, for both.
    const middle = (times: number[]) => times.filter((t) => t > 600_000 && t < 3000_000)
    for (const times of [early, late]) {
      const gaps = middle(times)
        .slice(1)
        .map((t, i) => t - (middle(times)[i] as number))
      expect(gaps.length).toBeGreaterThan(30)
      expect(new Set(gaps)).toEqual(new Set([60_000]))
    }
    // Each keeps one phase in the minute, and the two phases differ: they never poll together.
    const phases = (times: number[]) => new Set(middle(times).map((t) => t % 60_000))
    expect(phases(early).size).toBe(1)
    expect(phases(late).size).toBe(1)
    expect([...phases(early)][0]).not.toBe([...phases(late)][0])
  })

  it('never waits longer than max-poll-interval, whatever is predicted', async () => {
    const planner = new PollPlanner(
      { initialMs: 5000, maxMs: 60_000 },
      () => 60_000,
      (ms) => ms
    )
    planner.first()
    // 1 request in 10 minutes out of 10,000: the predicted end is months away.
    planner.afterAnswer('in_progress', { total: 10_000, completed: 0, failed: 0 }, 0)
    const delay = planner.afterAnswer(
      'in_progress',
      { total: 10_000, completed: 1, failed: 0 },
      600_000
    )
    expect(delay).toBe(60_000)
  })

  it('aims at the predicted end once it is within one longest delay', () => {
    const planner = new PollPlanner(
      { initialMs: 5000, maxMs: 60_000 },
      () => 60_000,
      (ms) => ms
    )
    planner.first()
    planner.afterAnswer('in_progress', { total: 1000, completed: 0, failed: 0 }, 0)
    // 900 done in 90 s: the last 100 take 10 s.
    expect(
      planner.afterAnswer('in_progress', { total: 1000, completed: 900, failed: 0 }, 90_000)
    ).toBe(10_000)
  })

  it('restarts the backoff when the counts complete', () => {
    const steps: number[] = []
    const planner = new PollPlanner(
      { initialMs: 5000, maxMs: 60_000 },
      (step) => {
        steps.push(step)
        return 5000 * 2 ** step
      },
      (ms) => ms
    )
    planner.first()
    planner.afterAnswer('in_progress', undefined, 5000)
    planner.afterAnswer('in_progress', undefined, 15_000)
    expect(
      planner.afterAnswer('in_progress', { total: 10, completed: 10, failed: 0 }, 35_000)
    ).toBe(5000)
    expect(steps).toEqual([0, 1, 2, 0])
  })
})
