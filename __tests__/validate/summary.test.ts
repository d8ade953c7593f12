import { describe, expect, it } from '@jest/globals'
import { summarizeProblems } from '../../src/validate/summary.js'
import type { ValidationReport } from '../../src/validate/types.js'

describe('summarizeProblems', () => {
  const base: ValidationReport = {
    requests: 10,
    bytes: 100,
    sha256: '',
    problems: [],
    problemCount: 0,
    notes: []
  }

  it('says when there is nothing to report', () => {
    expect(summarizeProblems(base, 'requests.jsonl')).toBe('no problems in requests.jsonl')
  })

  it('uses the singular for one problem and omits line 0', () => {
    expect(
      summarizeProblems(
        { ...base, problems: [{ line: 0, message: 'the file has no requests' }], problemCount: 1 },
        'in.jsonl'
      )
    ).toBe('1 problem in in.jsonl: the file has no requests')
  })

  it('lists the problems with their lines', () => {
    const problems = [
      { line: 2, message: 'not valid JSON' },
      { line: 5, message: 'custom_id is missing' },
      { line: 9, message: 'model "b" differs from "a" on line 1; a batch takes one model' }
    ]
    expect(summarizeProblems({ ...base, problems, problemCount: 3 }, 'requests.jsonl')).toBe(
      '3 problems in requests.jsonl: line 2: not valid JSON; line 5: custom_id is missing; line 9: model "b" differs from "a" on line 1; a batch takes one model'
    )
  })

  it('shows the first few then "and N more"', () => {
    const problems = Array.from({ length: 50 }, (_, i) => ({ line: i + 1, message: 'blank line' }))
    const text = summarizeProblems({ ...base, problems, problemCount: 1234 }, 'r.jsonl')
    expect(text).toBe(
      '1,234 problems in r.jsonl: line 1: blank line; line 2: blank line; line 3: blank line; line 4: blank line; line 5: blank line; and 1,229 more'
    )
    expect(summarizeProblems({ ...base, problems, problemCount: 50 }, 'r.jsonl', 2)).toMatch(
      /line 2: blank line; and 48 more$/
    )
  })
})
