import { describe, expect, it } from '@jest/globals'
import { BLANK_LINE, urlMismatchMessage } from '../../src/validate/messages.js'
import { endpointHint, summarizeProblems } from '../../src/validate/summary.js'
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

describe('endpointHint', () => {
  const base: ValidationReport = {
    requests: 3,
    bytes: 100,
    sha256: '',
    problems: [],
    problemCount: 0,
    notes: []
  }
  const mismatch = (line: number, url = '/v1/embeddings') => ({
    line,
    message: urlMismatchMessage(url, '/v1/chat/completions')
  })

  it('says once that the endpoint input may be wrong when every line names the same other url', () => {
    const problems = [mismatch(1), mismatch(2), mismatch(3)]
    expect(endpointHint({ ...base, problems, problemCount: 3 }, '/v1/chat/completions')).toBe(
      'Every line has url "/v1/embeddings" but the endpoint input is "/v1/chat/completions"; the endpoint input may be what is wrong: if the file is right, set endpoint: /v1/embeddings'
    )
  })

  it('speaks of the lines checked when only some were kept in detail', () => {
    const problems = [mismatch(1), mismatch(2)]
    expect(
      endpointHint({ ...base, requests: 900, problems, problemCount: 900 }, '/v1/chat/completions')
    ).toMatch(/^Every line checked has url "\/v1\/embeddings" but/)
  })

  it('finds the url among other problems of a line, and ignores blank lines', () => {
    const problems = [
      { line: 1, message: `custom_id is missing, ${mismatch(1).message}` },
      { line: 2, message: BLANK_LINE },
      mismatch(3)
    ]
    expect(
      endpointHint({ ...base, requests: 2, problems, problemCount: 3 }, '/v1/chat/completions')
    ).toMatch(/^Every line has url/)
  })

  it('says nothing when some lines are right, the urls differ, or the problems are others', () => {
    const endpoint = '/v1/chat/completions'
    expect(endpointHint({ ...base, problems: [mismatch(1)], problemCount: 1 }, endpoint)).toBe(
      undefined
    )
    expect(
      endpointHint(
        { ...base, problems: [mismatch(1), mismatch(2), mismatch(3, '/v1/x')], problemCount: 3 },
        endpoint
      )
    ).toBeUndefined()
    // One line: its own message is enough.
    expect(
      endpointHint({ ...base, requests: 1, problems: [mismatch(1)], problemCount: 1 }, endpoint)
    ).toBeUndefined()
    const other = [1, 2, 3].map((line) => ({ line, message: 'custom_id is missing' }))
    expect(endpointHint({ ...base, problems: other, problemCount: 3 }, endpoint)).toBeUndefined()
    expect(endpointHint(base, endpoint)).toBeUndefined()
  })
  it('leaves file-level problems (line 0) out of "every line"', () => {
    const problems = [
      { line: 0, message: 'the file is over max-file-size' },
      mismatch(1),
      mismatch(2)
    ]
    expect(
      endpointHint({ ...base, requests: 2, problems, problemCount: 3 }, '/v1/chat/completions')
    ).toMatch(/^Every line has url "\/v1\/embeddings"/)
  })

  it('says nothing when fewer problems than requests were found: some lines are right', () => {
    const problems = [mismatch(1), mismatch(2)]
    expect(
      endpointHint({ ...base, requests: 3, problems, problemCount: 2 }, '/v1/chat/completions')
    ).toBeUndefined()
  })

  it('takes off only the quotes around the url, not one inside it', () => {
    const problems = [mismatch(1, '/v1/a"b'), mismatch(2, '/v1/a"b')]
    expect(
      endpointHint({ ...base, requests: 2, problems, problemCount: 2 }, '/v1/chat/completions')
    ).toMatch(/set endpoint: \/v1\/a\\"b$/)
  })
})
