import { describe, expect, it } from '@jest/globals'
import { readRunContext } from '../../src/action/context.js'
import {
  canonicalMetadata,
  idempotencyKey,
  type BatchIdentity
} from '../../src/batch/idempotency.js'

const actions = readRunContext({
  GITHUB_ACTIONS: 'true',
  GITHUB_REPOSITORY: 'o/r',
  GITHUB_RUN_ID: '42',
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_JOB: 'eval',
  GITHUB_ACTION: 'submit'
})
const base: BatchIdentity = {
  context: actions,
  fileSha256: 'sha',
  endpoint: '/v1/chat/completions',
  completionWindow: '24h',
  metadata: { suite: 'nightly', leg: 'a' },
  baseUrl: 'https://api.studio.nebius.com/v1/',
  reuse: 'attempts'
}

describe('idempotencyKey', () => {
  it('is the same in every run attempt of one step, file and inputs', () => {
    const key = idempotencyKey(base)
    expect(key).toMatch(/^[0-9a-f]{32}$/)
    expect(idempotencyKey({ ...base, context: { ...actions, runAttempt: '2' } })).toBe(key)
    expect(idempotencyKey({ ...base, metadata: { leg: 'a', suite: 'nightly' } })).toBe(key)
    expect(idempotencyKey({ ...base, baseUrl: 'https://API.studio.nebius.com/v1' })).toBe(key)
  })

  it('differs by everything that defines the batch', () => {
    const key = idempotencyKey(base)
    const variants: Array<Partial<BatchIdentity>> = [
      { context: { ...actions, action: 'other' } },
      { context: { ...actions, job: 'other' } },
      { context: { ...actions, runId: '43' } },
      { context: { ...actions, repository: 'o/other' } },
      { fileSha256: 'sha2' },
      { endpoint: '/v1/embeddings' },
      { completionWindow: '48h' },
      { metadata: { suite: 'nightly', leg: 'b' } },
      { metadata: {} },
      { baseUrl: 'https://api.openai.com/v1/' }
    ]
    const keys = variants.map((variant) => idempotencyKey({ ...base, ...variant }))
    expect(new Set([key, ...keys]).size).toBe(variants.length + 1)
  })

  it('leaves room for parts and rounds, part 0 round 0 being the default', () => {
    expect(idempotencyKey(base, { part: 0, round: 0 })).toBe(idempotencyKey(base))
    expect(idempotencyKey(base, { part: 1 })).not.toBe(idempotencyKey(base))
    expect(idempotencyKey(base, { round: 1 })).not.toBe(idempotencyKey(base))
  })

  it('with reuse: never, differs by attempt', () => {
    const never = { ...base, reuse: 'never' as const }
    expect(idempotencyKey(never)).not.toBe(idempotencyKey(base))
    expect(idempotencyKey({ ...never, context: { ...actions, runAttempt: '2' } })).not.toBe(
      idempotencyKey(never)
    )
    expect(idempotencyKey(never)).toBe(idempotencyKey(never))
  })

  it('outside Actions is unique to each step', () => {
    const local = { ...base, context: readRunContext({}) }
    expect(idempotencyKey(local)).not.toBe(idempotencyKey(local))
    expect(idempotencyKey(local)).not.toBe(idempotencyKey(base))
  })

  it('metadata is canonical: sorted pairs', () => {
    expect(canonicalMetadata({ b: '2', a: '1' })).toBe('[["a","1"],["b","2"]]')
  })
})
