import { describe, expect, it } from '@jest/globals'
import {
  actionPairCount,
  buildBatchMetadata,
  checkUserPairsFit,
  jobIdOf,
  parseMetadata,
  partOf,
  pullRequestOfRun,
  traceabilityMetadata,
  userMetadataOf
} from '../../src/batch/metadata.js'
import { pushRun } from '../../__fixtures__/run-context.js'

const run = pushRun

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
    const trace = traceabilityMetadata(run)
    expect(trace).toEqual({
      github_repository: 'o/r',
      github_run_id: '42',
      github_run_attempt: '2',
      github_workflow: 'nightly',
      github_job: 'eval',
      github_step: 'submit',
      github_sha: 'abc',
      github_ref: 'refs/heads/main'
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

  it('tags the pull request on pull-request events only', () => {
    const pr = { ...run, eventName: 'pull_request', ref: 'refs/pull/7/merge', pullRequest: 7 }
    expect(traceabilityMetadata(pr)).toMatchObject({
      github_pr: '7',
      github_ref: 'refs/pull/7/merge'
    })
    expect(pullRequestOfRun({ ...pr, eventName: 'pull_request_target' })).toBe(7)
    // An issue comment on a pull request names it, but the run is not the pull request's.
    expect(traceabilityMetadata({ ...pr, eventName: 'issue_comment' })).not.toHaveProperty(
      'github_pr'
    )
    expect(pullRequestOfRun({ ...pr, inActions: false })).toBeUndefined()
  })

  it("writes the batch's part and its round from round 1 on, over any the user gave", () => {
    const user = { suite: 's', batch_part: 'mine', batch_round: '9' }
    const only = buildBatchMetadata(user, {}, { key: 'k', fileSha256: 'h' })
    expect(only).toEqual({ suite: 's', batch_action_key: 'k', input_sha256: 'h' })
    const first = buildBatchMetadata(
      user,
      {},
      { key: 'k.0.1.ab', fileSha256: 'h', part: '1/3', round: 0 }
    )
    expect(first).toEqual({
      suite: 's',
      batch_action_key: 'k.0.1.ab',
      input_sha256: 'h',
      batch_part: '1/3'
    })
    const retry = buildBatchMetadata(
      user,
      {},
      { key: 'k.1.2.cd', fileSha256: 'h', part: '2/3', round: 1 }
    )
    expect(retry).toMatchObject({ batch_part: '2/3', batch_round: '1' })
  })

  it('counts the pairs the action needs: 10 in Actions, 11 on pull requests, one each for parts and rounds', () => {
    const needs = { inActions: true, pullRequest: false, multiBatch: false, retries: false }
    expect(actionPairCount(needs)).toBe(10)
    expect(actionPairCount({ ...needs, pullRequest: true })).toBe(11)
    expect(actionPairCount({ ...needs, pullRequest: true, multiBatch: true, retries: true })).toBe(
      13
    )
    expect(actionPairCount({ ...needs, inActions: false })).toBe(2)
    expect(
      actionPairCount({ ...needs, inActions: false, pullRequest: true, multiBatch: true })
    ).toBe(3)
    // The count is what the metadata of a batch really holds.
    const pr = { ...run, eventName: 'pull_request', pullRequest: 7 }
    const written = buildBatchMetadata({}, traceabilityMetadata(pr), {
      key: 'k',
      fileSha256: 'h',
      part: '1/2',
      round: 1
    })
    expect(Object.keys(written)).toHaveLength(
      actionPairCount({ ...needs, pullRequest: true, multiBatch: true, retries: true })
    )
  })

  it('says how many pairs the user gave, how many the action needs and why, and how many are left', () => {
    const pairs = (n: number) =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 'v']))
    const needs = { inActions: true, pullRequest: true, multiBatch: false, retries: false }
    expect(() => checkUserPairsFit(pairs(5), needs)).not.toThrow()
    expect(() => checkUserPairsFit(pairs(6), needs)).toThrow(
      /^metadata has 6 pairs of yours, and the action needs 11 of the API's 16 \(.*for the pull request \(github_pr\)\), so 5 are left for yours; remove 1$/
    )
    expect(() =>
      checkUserPairsFit(pairs(3), { ...needs, multiBatch: true, retries: true })
    ).not.toThrow()
    expect(() =>
      checkUserPairsFit(pairs(4), { ...needs, multiBatch: true, retries: true })
    ).toThrow(/needs 13 .*batch_part.*batch_round.*so 3 are left for yours; remove 1$/)
    // A pair of the user's with one of the action's keys takes its place.
    expect(() => checkUserPairsFit({ ...pairs(5), github_workflow: 'mine' }, needs)).not.toThrow()
    expect(() => checkUserPairsFit(pairs(14), { ...needs, inActions: false })).not.toThrow()
  })

  it("reads a batch's job, part, round and the user's metadata", () => {
    const batch = (metadata: Record<string, unknown> | null) => ({ metadata })
    expect(jobIdOf(batch({ batch_action_key: 'abc' }))).toBe('abc')
    expect(jobIdOf(batch({ batch_action_key: 'abc.1.2.0123456789abcdef' }))).toBe('abc')
    expect(jobIdOf(batch({ suite: 'x' }))).toBeUndefined()
    expect(jobIdOf(batch(null))).toBeUndefined()
    expect(partOf(batch({}))).toEqual({ part: 1, parts: 1, round: 0 })
    expect(partOf(batch({ batch_part: '2/3', batch_round: '1' }))).toEqual({
      part: 2,
      parts: 3,
      round: 1
    })
    expect(partOf(batch({ batch_part: '4/3', batch_round: 'x' }))).toEqual({
      part: 1,
      parts: 1,
      round: 0
    })
    expect(
      userMetadataOf(
        batch({ suite: 'nightly', github_pr: '7', batch_part: '1/2', batch_action_key: 'k', n: 3 })
      )
    ).toEqual({ suite: 'nightly' })
  })
})
