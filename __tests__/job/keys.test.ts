import { describe, expect, it } from '@jest/globals'
import { batchKey, jobKeyOf, partTag } from '../../src/job/keys.js'

const JOB = '0123456789abcdef0123456789abcdef'
const SHA = 'f'.repeat(64)

describe('the keys of a job', () => {
  it('a job of one batch keeps the step key', () => {
    expect(batchKey(JOB, { round: 0, part: 1, parts: 1, sha256: SHA }, false)).toBe(JOB)
  })

  it('every other batch key starts with the step key and names round, part and input', () => {
    const key = batchKey(JOB, { round: 2, part: 3, parts: 4, sha256: 'abc' + SHA }, true)
    expect(key).toBe(`${JOB}.2.3.abc${'f'.repeat(13)}`)
    expect(jobKeyOf(key)).toBe(JOB)
    expect(jobKeyOf(JOB)).toBe(JOB)
    expect(batchKey(JOB, { round: 0, part: 1, parts: 2, sha256: SHA }, true)).not.toBe(
      batchKey(JOB, { round: 0, part: 2, parts: 2, sha256: SHA }, true)
    )
  })

  it('tags the part as i/n', () => {
    expect(partTag({ part: 2, parts: 3 })).toBe('2/3')
  })
})
