// The edges of the metadata a batch carries: every message of the `metadata` input, each limit of
// the API at its bound, the run tags that are left out, and the part and round read back from
// what a provider returns.
import { describe, expect, it } from '@jest/globals'
import {
  buildBatchMetadata,
  checkMetadataLimits,
  checkUserPairsFit,
  jobIdOf,
  parseMetadata,
  partOf,
  traceabilityMetadata
} from '../../src/batch/metadata.js'
import { pushRun } from '../../__fixtures__/run-context.js'

const run = pushRun

const pairs = (n: number): Record<string, string> =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 'v']))

const thrown = (act: () => unknown): Error => {
  try {
    act()
  } catch (error) {
    return error as Error
  }
  throw new Error('nothing was thrown')
}

describe('the metadata input', () => {
  it('reads JSON and lines with whitespace around them', () => {
    expect(parseMetadata('  \n {"a": "1"} \n')).toEqual({ a: '1' })
    expect(parseMetadata('   \n  ')).toEqual({})
    expect(parseMetadata('  # a comment\n  a = 1  \n\tb=2\n   # another')).toEqual({
      a: '1',
      b: '2'
    })
  })

  it('keeps the parse error of JSON that does not parse as its cause', () => {
    const error = thrown(() => parseMetadata('{"a": '))
    expect(error.cause).toBeInstanceOf(SyntaxError)
  })

  it('names the first value that is not a string', () => {
    expect(() => parseMetadata('{"suite": "s", "n": 3}')).toThrow(
      'metadata must be a JSON object whose values are all strings, such as {"suite": "nightly"} (see "n")'
    )
    expect(() => parseMetadata('{"a": {"b": "1"}}')).toThrow(/ \(see "a"\)$/)
  })

  it('names the line, counted from 1, that is not key=value, and a line that starts with "="', () => {
    expect(() => parseMetadata('a=1\n\nnope')).toThrow(
      'metadata line 3 ("nope") is not key=value; use key=value lines or a JSON object'
    )
    expect(() => parseMetadata('=value')).toThrow(
      'metadata line 1 ("=value") is not key=value; use key=value lines or a JSON object'
    )
    expect(parseMetadata('a==b')).toEqual({ a: '=b' })
  })
})

describe("the API's metadata limits", () => {
  it('allows 16 pairs and says how many to remove past them', () => {
    expect(() => checkMetadataLimits(pairs(16))).not.toThrow()
    expect(thrown(() => checkMetadataLimits(pairs(19))).message).toBe(
      "metadata has 19 pairs, more than the API's limit of 16 (0 of them are added by the action for traceability and idempotency); remove 3"
    )
  })

  it('allows keys of 1 to 64 characters and values of up to 512', () => {
    expect(() => checkMetadataLimits({ ['k'.repeat(64)]: 'v'.repeat(512) })).not.toThrow()
    expect(() => checkMetadataLimits({ ['k'.repeat(65)]: 'v' })).toThrow(
      `metadata key "${'k'.repeat(65)}" must be 1 to 64 characters long`
    )
    // A long key is quoted up to 80 characters.
    expect(() => checkMetadataLimits({ ['k'.repeat(100)]: 'v' })).toThrow(
      `metadata key "${'k'.repeat(80)}" must be 1 to 64 characters long`
    )
    expect(() => checkMetadataLimits({ '': 'v' })).toThrow(
      'metadata key "" must be 1 to 64 characters long'
    )
    expect(() => checkMetadataLimits({ suite: 'v'.repeat(513) })).toThrow(
      `metadata value of "suite" is 513 characters long, more than the API's limit of 512`
    )
  })

  it("lists the action's reasons when the user's pairs do not fit", () => {
    const needs = { inActions: true, pullRequest: false, multiBatch: true, retries: false }
    expect(thrown(() => checkUserPairsFit(pairs(6), needs)).message).toBe(
      "metadata has 6 pairs of yours, and the action needs 11 of the API's 16 (2 for idempotency (batch_action_key, input_sha256); 8 for the run in GitHub Actions (github_repository to github_ref); 1 for the part of the job (batch_part)), so 5 are left for yours; remove 1"
    )
    expect(
      thrown(() => checkUserPairsFit(pairs(15), { ...needs, inActions: false, multiBatch: false }))
        .message
    ).toBe(
      "metadata has 15 pairs of yours, and the action needs 2 of the API's 16 (2 for idempotency (batch_action_key, input_sha256)), so 14 are left for yours; remove 1"
    )
  })
})

describe('the run tags', () => {
  it('leaves out what the run does not have, and cuts a value at 512 characters', () => {
    const trace = traceabilityMetadata({
      ...run,
      workflow: '',
      job: undefined,
      runAttempt: 'x',
      ref: `refs/heads/${'b'.repeat(600)}`
    })
    expect(Object.keys(trace).sort()).toEqual([
      'github_ref',
      'github_repository',
      'github_run_id',
      'github_sha',
      'github_step'
    ])
    expect(trace.github_ref).toHaveLength(512)
    expect(trace.github_ref).toBe(`refs/heads/${'b'.repeat(600)}`.slice(0, 512))
    // Run ids are written as the numbers they are.
    expect(traceabilityMetadata({ ...run, runId: '042 ' }).github_run_id).toBe('42')
  })

  it('writes no round for round 0 or none, whatever the user gave', () => {
    const user = { batch_round: '5' }
    expect(buildBatchMetadata(user, {}, { key: 'k', fileSha256: 'h', round: 0 })).toEqual({
      batch_action_key: 'k',
      input_sha256: 'h'
    })
    expect(buildBatchMetadata(user, {}, { key: 'k', fileSha256: 'h', round: 2 }).batch_round).toBe(
      '2'
    )
  })
})

describe("a batch's place in its job, as a provider returns it", () => {
  const batch = (metadata: Record<string, unknown>) => ({ metadata }) as never

  it('reads parts of several digits with whitespace around them', () => {
    expect(partOf(batch({ batch_part: '  12 / 13  ', batch_round: ' 10 ' }))).toEqual({
      part: 12,
      parts: 13,
      round: 10
    })
    expect(partOf(batch({ batch_part: '1/3' }))).toEqual({ part: 1, parts: 3, round: 0 })
    expect(partOf(batch({ batch_part: '3/3' }))).toEqual({ part: 3, parts: 3, round: 0 })
  })

  it('takes a part or round that is not exactly a number, or out of range, as 1/1 round 0', () => {
    const alone = { part: 1, parts: 1, round: 0 }
    for (const part of ['x2/3', '2/3x', '0/2', '2/1', '2', '', 'a/b'])
      expect(partOf(batch({ batch_part: part }))).toEqual(alone)
    for (const round of ['3a', 'a3', '-1', '1.5', ''])
      expect(partOf(batch({ batch_round: round })).round).toBe(0)
    expect(partOf(batch({ batch_part: 7, batch_round: 2 }))).toEqual(alone)
  })

  it('has no job without a key that is a string', () => {
    expect(jobIdOf(batch({ batch_action_key: '' }))).toBeUndefined()
    expect(jobIdOf(batch({ batch_action_key: 42 }))).toBeUndefined()
    // Nothing before the first '.': no job of the action's, not a job named ''.
    expect(jobIdOf(batch({ batch_action_key: '.1.2.0123456789abcdef' }))).toBeUndefined()
  })
})
