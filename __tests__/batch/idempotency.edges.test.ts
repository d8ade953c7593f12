// The edges of the idempotency key: parts a run may lack, a base-url that is no URL, and what
// makes a step's key its own outside a workflow run.
import { describe, expect, it } from '@jest/globals'
import { readRunContext } from '../../src/action/context.js'
import {
  canonicalMetadata,
  idempotencyKey,
  type BatchIdentity
} from '../../src/batch/idempotency.js'

const env = {
  GITHUB_ACTIONS: 'true',
  GITHUB_REPOSITORY: 'o/r',
  GITHUB_RUN_ID: '42',
  GITHUB_JOB: 'eval',
  GITHUB_ACTION: 'submit'
}
const identity = (
  context: Record<string, string>,
  overrides: Partial<BatchIdentity> = {}
): BatchIdentity => ({
  context: readRunContext(context),
  fileSha256: 'sha',
  endpoint: '/v1/chat/completions',
  completionWindow: '24h',
  metadata: {},
  baseUrl: 'https://api.studio.nebius.com/v1/',
  reuse: 'attempts',
  ...overrides
})

describe('idempotencyKey', () => {
  it('takes a part the run does not set as empty', () => {
    const { GITHUB_REPOSITORY: _r, GITHUB_JOB: _j, GITHUB_ACTION: _a, ...bare } = env
    const key = idempotencyKey(identity(bare))
    expect(key).toBe(idempotencyKey(identity(bare)))
    expect(key).not.toBe(idempotencyKey(identity(env)))
    expect(
      idempotencyKey(
        identity({ ...bare, GITHUB_REPOSITORY: '', GITHUB_JOB: '', GITHUB_ACTION: '' })
      )
    ).toBe(key)
  })

  it('with reuse: never, counts a run without an attempt number as attempt 1', () => {
    const never = { reuse: 'never' as const }
    expect(idempotencyKey(identity(env, never))).toBe(
      idempotencyKey(identity({ ...env, GITHUB_RUN_ATTEMPT: '1' }, never))
    )
    expect(idempotencyKey(identity(env, never))).not.toBe(
      idempotencyKey(identity({ ...env, GITHUB_RUN_ATTEMPT: '2' }, never))
    )
  })

  it('in Actions without a run id, gives each step a key of its own', () => {
    const { GITHUB_RUN_ID: _id, ...noRun } = env
    expect(idempotencyKey(identity(noRun))).not.toBe(idempotencyKey(identity(noRun)))
  })

  it('keeps a base-url that is no URL as it is: stable, and apart from another', () => {
    const a = idempotencyKey(identity(env, { baseUrl: 'not a url' }))
    expect(idempotencyKey(identity(env, { baseUrl: 'not a url' }))).toBe(a)
    expect(idempotencyKey(identity(env, { baseUrl: 'not a url either' }))).not.toBe(a)
  })

  it('tells two providers apart by host and port, not by path', () => {
    const key = (baseUrl: string) => idempotencyKey(identity(env, { baseUrl }))
    expect(key('https://api.example.com/v1')).toBe(key('https://api.example.com/v2/'))
    expect(key('https://api.example.com:8443/v1')).not.toBe(key('https://api.example.com/v1'))
  })

  it('is stable for the same metadata written in any order', () => {
    const metadata = { c: '3', a: '1', b: '2' }
    expect(canonicalMetadata(metadata)).toBe('[["a","1"],["b","2"],["c","3"]]')
    expect(idempotencyKey(identity(env, { metadata }))).toBe(
      idempotencyKey(identity(env, { metadata: { b: '2', c: '3', a: '1' } }))
    )
  })
})
