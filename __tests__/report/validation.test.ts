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

describe('validationView, in its words', () => {
  const view = (
    problems: { line: number; message: string }[],
    more: Partial<{ validateOnly: boolean; annotated: number }> = {}
  ) =>
    validationView({
      file: 'r.jsonl',
      endpoint: '/v1/chat/completions',
      report: report(problems),
      validateOnly: false,
      annotated: 0,
      ...more
    })

  it('shows the model and the endpoint as code', () => {
    expect(view([]).facts).toEqual([
      { label: 'Requests', value: '4' },
      { label: 'Size', value: '1 kB' },
      { label: 'Model', value: 'm', code: true },
      { label: 'Endpoint', value: '/v1/chat/completions', code: true }
    ])
  })

  it('says what a valid file was checked for', () => {
    expect(view([]).note).toBe('The file was checked before upload.')
    expect(view([], { validateOnly: true }).note).toBe(
      'validate-only: the file was checked and nothing was uploaded.'
    )
  })

  it('speaks of one problem not shown, and of problems annotated on their lines', () => {
    const problems = Array.from({ length: MAX_PROBLEMS_SHOWN + 1 }, (_, i) => ({
      line: i + 1,
      message: 'blank line'
    }))
    const shown = view(problems, { annotated: 10 })
    expect(shown.more).toBe(
      '1 more problem is not listed here; fix these and run again to see them.'
    )
    expect(shown.note).toBe(
      'Nothing was uploaded. The first 10 problems are annotated on their lines (GitHub shows at most 10 annotations per step); the log lists the rest.'
    )
  })
})
