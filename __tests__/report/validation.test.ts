import { describe, expect, it } from '@jest/globals'
import { MAX_PROBLEMS_SHOWN, validationView } from '../../src/report/validation.js'

const report = (problems: { line: number; message: string }[], problemCount = problems.length) => ({
  requests: 4,
  bytes: 1_000,
  model: 'm',
  problems,
  problemCount
})

describe('validationView', () => {
  it('lists every problem when there are few, with the note on annotations', () => {
    const view = validationView({
      file: 'r.jsonl',
      endpoint: '/v1/chat/completions',
      report: report([{ line: 2, message: 'not valid JSON' }]),
      validateOnly: true,
      annotated: 1
    })
    expect(view.title).toBe('Validation failed: r.jsonl, 1 problem')
    expect(view.problems).toEqual({
      heading: 'Problems',
      lines: [{ line: '2', message: 'not valid JSON' }]
    })
    expect(view.more).toBeUndefined()
    expect(view.note).toBe(
      'Nothing was uploaded. The first 1 problem is annotated on its line (GitHub shows at most 10 annotations per step); the log lists the rest.'
    )
  })

  it('shows the first problems and counts the rest, also those not kept in detail', () => {
    const problems = Array.from({ length: 50 }, (_, i) => ({ line: i + 1, message: 'blank line' }))
    const view = validationView({
      file: 'r.jsonl',
      endpoint: '/v1/chat/completions',
      report: report(problems, 5_000),
      validateOnly: false,
      annotated: 9
    })
    expect(view.problems?.heading).toBe(`Problems (first ${MAX_PROBLEMS_SHOWN} of 5,000)`)
    expect(view.problems?.lines).toHaveLength(MAX_PROBLEMS_SHOWN)
    expect(view.more).toBe(
      '4,980 more problems are not listed here; fix these and run again to see them.'
    )
  })
})
