import { describe, expect, it } from '@jest/globals'
import { readRunContext } from '../../src/action/context.js'
import { idempotencyKey } from '../../src/batch/idempotency.js'

describe('idempotencyKey', () => {
  const actions = readRunContext({
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'o/r',
    GITHUB_RUN_ID: '42',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'eval',
    GITHUB_ACTION: 'submit'
  })
  it('is stable for one step and file in Actions, whatever the time', () => {
    expect(idempotencyKey(actions, 'sha', 1)).toBe(idempotencyKey(actions, 'sha', 2))
    expect(idempotencyKey(actions, 'sha', 1)).toMatch(/^[0-9a-f]{32}$/)
  })
  it('differs by attempt, step, job and file', () => {
    const base = idempotencyKey(actions, 'sha', 1)
    expect(idempotencyKey({ ...actions, runAttempt: '2' }, 'sha', 1)).not.toBe(base)
    expect(idempotencyKey({ ...actions, action: 'other' }, 'sha', 1)).not.toBe(base)
    expect(idempotencyKey({ ...actions, job: 'other' }, 'sha', 1)).not.toBe(base)
    expect(idempotencyKey(actions, 'sha2', 1)).not.toBe(base)
  })
  it('uses the time of the attempt outside Actions', () => {
    const local = readRunContext({})
    expect(idempotencyKey(local, 'sha', 1)).not.toBe(idempotencyKey(local, 'sha', 2))
  })
})
