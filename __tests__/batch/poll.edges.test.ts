// The edges of the wait: the first poll has no jitter, a delay aimed at the cap is jittered down,
// an unknown status is reported from the first answer on, and the error after an outage says
// what to do. Clock and pauses are injected: each pause moves the clock, no timer runs.
import { describe, expect, it } from '@jest/globals'
import { APIError } from 'openai'
import { parseBatch, type BatchInfo } from '../../src/batch/document.js'
import { pollDelayMs, PollError, waitForBatch, type WaitDeps } from '../../src/batch/poll.js'

const opts = { initialMs: 5000, maxMs: 60_000 }
const batch = (status: string, counts?: { total: number; completed: number; failed: number }) =>
  parseBatch({ id: 'batch_1', status, ...(counts ? { request_counts: counts } : {}) })

/** Answers in turn; the clock moves only by the pauses. */
function scripted(answers: Array<BatchInfo | Error>) {
  let now = 0
  const pauses: number[] = []
  const deps: WaitDeps = {
    now: () => now,
    sleep: async (ms) => {
      pauses.push(ms)
      now += ms
    },
    retrieve: async () => {
      const next = answers.shift()
      if (!next) throw new Error('no more answers')
      if (next instanceof Error) throw next
      return next
    }
  }
  return { deps, pauses }
}

describe('pollDelayMs', () => {
  it('waits exactly poll-interval before the first poll, jitter or not', () => {
    expect(pollDelayMs(0, opts, () => 1)).toBe(5000)
    expect(pollDelayMs(1, opts, () => 1)).toBe(8500)
  })
})

describe('waitForBatch', () => {
  it('jitters a delay at max-poll-interval down, never up', async () => {
    const { deps, pauses } = scripted([
      batch('in_progress', { total: 100_000, completed: 0, failed: 0 }),
      batch('in_progress', { total: 100_000, completed: 10, failed: 0 }),
      batch('completed', { total: 100_000, completed: 100_000, failed: 0 })
    ])
    await waitForBatch(
      batch('in_progress'),
      { ...deps, random: () => 1 },
      { ...opts, timeoutMs: 3_600_000, maxConsecutiveErrors: 3 }
    )
    // 10 requests in 8.5 s leave hours to go: the delay is the cap, lowered by 15%.
    expect(pauses.at(-1)).toBe(51_000)
  })

  it('reports an unknown status of the batch it starts with', async () => {
    const unknown: string[] = []
    const { deps } = scripted([batch('completed')])
    await waitForBatch(
      batch('queued_somewhere'),
      { ...deps, onUnknownStatus: (status) => void unknown.push(status) },
      { ...opts, timeoutMs: 3_600_000, maxConsecutiveErrors: 3 }
    )
    expect(unknown).toEqual(['queued_somewhere'])
  })

  it('says after an outage how many polls failed, the last error, and what to do', async () => {
    const down = () => new APIError(503, { message: 'down' }, 'down', new Headers())
    const { deps } = scripted([down(), down()])
    const error = await waitForBatch(
      batch('in_progress'),
      { ...deps, random: () => 0 },
      { ...opts, timeoutMs: 3_600_000, maxConsecutiveErrors: 2 }
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PollError)
    expect((error as PollError).name).toBe('PollError')
    expect((error as PollError).message).toBe(
      '2 polls in a row failed (last: 503 down); the provider may be down: collect the batch later with command: status, or raise max-consecutive-errors'
    )
    expect((error as PollError).lastBatch.status).toBe('in_progress')
  })
})
