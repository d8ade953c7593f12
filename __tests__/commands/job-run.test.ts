import { describe, expect, it } from '@jest/globals'
import type { BatchInfo } from '../../src/batch/document.js'
import { refusedForTokens, tokenBackoffMs } from '../../src/job/token-limit.js'
import { EarlierBatches, attemptKey, makePlans } from '../../src/commands/job-submit.js'
import { batchLabel, jobAsBatch } from '../../src/commands/job-view.js'
import { inFlightAsOne } from '../../src/commands/job-wait.js'

const JOB = 'a'.repeat(32)
const part = (sha: string) => ({
  path: `/tmp/${sha}`,
  requests: 1,
  bytes: 10,
  sha256: sha.repeat(64).slice(0, 64)
})

describe('token-limit refusals', () => {
  it('is a failed batch whose every error is an enqueued-token code', () => {
    const failed = (codes: string[]) =>
      ({
        id: 'b',
        status: 'failed',
        errors: { data: codes.map((code) => ({ code, message: 'm' })) }
      }) as BatchInfo
    expect(refusedForTokens(failed(['token_limit_exceeded']))).toBe(true)
    expect(refusedForTokens(failed(['token_limit_exceeded', 'invalid_json']))).toBe(false)
    expect(refusedForTokens(failed([]))).toBe(false)
    expect(refusedForTokens({ id: 'b', status: 'completed' } as BatchInfo)).toBe(false)
  })

  it('waits as the polls back off, within max-poll-interval', () => {
    const inputs = { pollIntervalMs: 1000, maxPollIntervalMs: 5000 }
    expect(tokenBackoffMs(1, inputs)).toBeLessThanOrEqual(2000)
    expect(tokenBackoffMs(1, inputs)).toBeGreaterThanOrEqual(1700)
    expect(tokenBackoffMs(10, inputs)).toBeLessThanOrEqual(5000)
  })
})

describe('the plans of a job and what an earlier attempt left', () => {
  const plans = makePlans(JOB, 0, [part('1'), part('2')], true)

  it('gives each part its place and key', () => {
    expect(plans.map((plan) => [plan.part, plan.parts, plan.round])).toEqual([
      [1, 2, 0],
      [2, 2, 0]
    ])
    expect(plans[0]!.key.startsWith(`${JOB}.0.1.`)).toBe(true)
    expect(attemptKey(plans[0]!)).toBe(plans[0]!.key)
    expect(attemptKey({ ...plans[0]!, resubmits: 2 })).toBe(`${plans[0]!.key}.t2`)
  })

  it('finds the batches of a place, its resubmissions too, and only with the same input', () => {
    const plan = plans[0]!
    const batch = (id: string, key: string, sha: string, created: number) =>
      ({
        id,
        status: 'failed',
        created_at: created,
        metadata: { batch_action_key: key, input_sha256: sha }
      }) as BatchInfo
    const earlier = EarlierBatches.ofJob(JOB, [
      batch('b2', `${plan.key}.t1`, plan.input.sha256, 20),
      batch('b1', plan.key, plan.input.sha256, 10),
      batch('other-part', plans[1]!.key, plans[1]!.input.sha256, 5),
      batch('other-input', plan.key, 'f'.repeat(64), 7),
      batch('other-job', `${'b'.repeat(32)}.0.1.x`, plan.input.sha256, 3),
      batch('look-alike', `${plan.key}x`, plan.input.sha256, 4)
    ])
    expect(earlier.of(plan)).toEqual([
      { batch: expect.objectContaining({ id: 'b1' }), resubmit: 0 },
      { batch: expect.objectContaining({ id: 'b2' }), resubmit: 1 }
    ])
  })
})

describe('the job seen as one batch', () => {
  it('names batches by part and round in the log', () => {
    expect(batchLabel({ id: 'b', round: 0, part: 1, parts: 1 })).toBe('b')
    expect(batchLabel({ id: 'b', round: 1, part: 2, parts: 3 })).toBe('b (part 2/3, round 1)')
  })

  it('takes the status, summed counts and first creation of the job', () => {
    const view = jobAsBatch([
      {
        round: 0,
        part: 1,
        parts: 2,
        batch: {
          id: 'a',
          status: 'completed',
          created_at: 20,
          completed_at: 50,
          request_counts: { total: 3, completed: 3, failed: 0 }
        } as BatchInfo
      },
      {
        round: 0,
        part: 2,
        parts: 2,
        batch: {
          id: 'b',
          status: 'expired',
          created_at: 10,
          expired_at: 60,
          request_counts: { total: 4, completed: 1, failed: 0 }
        } as BatchInfo
      }
    ])
    expect(view).toMatchObject({
      id: 'b',
      status: 'expired',
      created_at: 10,
      expired_at: 60,
      request_counts: { total: 7, completed: 4, failed: 0 }
    })
  })

  it('the batches in flight end the wait once any of them ended', () => {
    const running = {
      id: 'a',
      status: 'in_progress',
      request_counts: { total: 2, completed: 1, failed: 0 }
    } as BatchInfo
    const finalizing = { id: 'b', status: 'finalizing' } as BatchInfo
    expect(inFlightAsOne([running, finalizing]).status).toBe('in_progress')
    expect(inFlightAsOne([finalizing, finalizing]).status).toBe('finalizing')
    expect(inFlightAsOne([running, { id: 'c', status: 'failed' } as BatchInfo]).status).toBe(
      'completed'
    )
    expect(inFlightAsOne([running, running]).request_counts).toEqual({
      total: 4,
      completed: 2,
      failed: 0
    })
  })
})
