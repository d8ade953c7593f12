// The key of a step must not change from one version of the action to the next: a job re-run
// after an upgrade finds its batch by it. These are the keys of fixed identities, computed once;
// a change to any part of the key (a label, a fallback, the order of metadata, the host's case)
// changes them.
import { describe, expect, it } from '@jest/globals'
import { readRunContext } from '../../src/action/context.js'
import { idempotencyKey, type BatchIdentity } from '../../src/batch/idempotency.js'

const env = {
  GITHUB_ACTIONS: 'true',
  GITHUB_REPOSITORY: 'o/r',
  GITHUB_RUN_ID: '42',
  GITHUB_JOB: 'eval',
  GITHUB_ACTION: 'submit',
  GITHUB_RUN_ATTEMPT: '3'
}
const identity = (
  context: Record<string, string>,
  overrides: Partial<BatchIdentity> = {}
): BatchIdentity => ({
  context: readRunContext(context),
  fileSha256: 'ab'.repeat(32),
  endpoint: '/v1/chat/completions',
  completionWindow: '24h',
  metadata: { suite: 'nightly', a: 'x' },
  baseUrl: 'https://API.Studio.Nebius.com/v1/',
  reuse: 'attempts',
  ...overrides
})

describe('idempotencyKey across versions', () => {
  it('is the same for a step of a workflow run', () => {
    expect(idempotencyKey(identity(env))).toBe('148fffb985c276fbdc6638a8e671c22b')
  })

  it('is the same for a part of a later round', () => {
    expect(idempotencyKey(identity(env), { part: 2, round: 1 })).toBe(
      'ecc49f880d5e3ac2f894f1008eff844f'
    )
  })

  it('is the same with reuse: never, with and without an attempt number', () => {
    expect(idempotencyKey(identity(env, { reuse: 'never' }))).toBe(
      '9295bea0163b95d37fc3b9d4cae25e25'
    )
    expect(idempotencyKey(identity({ ...env, GITHUB_RUN_ATTEMPT: '' }, { reuse: 'never' }))).toBe(
      '7fb650a8d8cf4a1702f137e65f5bcf0f'
    )
  })

  it('is the same for a run that names no repository, job or step', () => {
    expect(idempotencyKey(identity({ GITHUB_ACTIONS: 'true', GITHUB_RUN_ID: '42' }))).toBe(
      '6d0ba1baf3e59513c20db45e765b01f6'
    )
  })

  it('does not depend on the order the metadata was written in, or on the host spelling', () => {
    const reordered = identity(env, {
      metadata: { a: 'x', suite: 'nightly' },
      baseUrl: 'https://api.studio.nebius.com/v1/'
    })
    expect(idempotencyKey(reordered)).toBe('148fffb985c276fbdc6638a8e671c22b')
  })
})
