import { describe, expect, it } from '@jest/globals'
import {
  buildBatchMetadata,
  parseMetadata,
  traceabilityMetadata
} from '../../src/batch/metadata.js'

describe('metadata', () => {
  it('parses JSON objects and key=value lines', () => {
    expect(parseMetadata('')).toEqual({})
    expect(parseMetadata('{"a": "1", "b": "x=y"}')).toEqual({ a: '1', b: 'x=y' })
    expect(parseMetadata('a=1\n\n# comment\n b = x=y \r\n')).toEqual({ a: '1', b: 'x=y' })
  })

  it('says in one sentence what metadata that is not JSON should look like', () => {
    expect(() => parseMetadata('{suite: nightly}')).toThrow(
      /^metadata is not valid JSON \(.+\); write a JSON object such as \{"suite": "nightly"\}, or key=value lines such as suite=nightly$/
    )
  })

  it('adds traceability, lets the user win, and always sets the idempotency keys', () => {
    const trace = traceabilityMetadata({
      inActions: true,
      workspace: '/w',
      repository: 'o/r',
      runId: '42',
      runAttempt: '2',
      workflow: 'nightly',
      sha: 'abc'
    })
    expect(trace).toEqual({
      github_repository: 'o/r',
      github_run_id: '42',
      github_run_attempt: '2',
      github_workflow: 'nightly',
      github_sha: 'abc'
    })
    expect(traceabilityMetadata({ inActions: false, workspace: '/w', runId: '1' })).toEqual({})
    const merged = buildBatchMetadata({ github_workflow: 'mine', suite: 's' }, trace, {
      key: 'k',
      fileSha256: 'h'
    })
    expect(merged).toMatchObject({
      github_workflow: 'mine',
      suite: 's',
      batch_action_key: 'k',
      input_sha256: 'h'
    })
  })

  it("counts the action's own keys within the 16 pairs", () => {
    const user = Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`k${i}`, 'v']))
    expect(() => buildBatchMetadata(user, {}, { key: 'k', fileSha256: 'h' })).toThrow(
      /17 pairs, more than the API's limit of 16 \(2 of them are added by the action/
    )
    expect(() =>
      buildBatchMetadata(
        Object.fromEntries(Object.entries(user).slice(0, 14)),
        {},
        { key: 'k', fileSha256: 'h' }
      )
    ).not.toThrow()
  })
})
