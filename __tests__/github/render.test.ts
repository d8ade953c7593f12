import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { commentMarker, isMarkedComment } from '../../src/github/comment-model.js'
import { COMMENT_LIMITS, countsLine, renderComment } from '../../src/github/comment-render.js'
import {
  codeSpan,
  formatCount,
  formatRate,
  formatSeconds,
  oneLine
} from '../../src/github/markdown.js'
import {
  PLANTED_KEY,
  finishedModel,
  marker,
  redactKey,
  submittedModel
} from '../../__fixtures__/github-comment.js'

const identity = (text: string): string => text

describe('formatCount', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [10_000, '10,000'],
    [1_234_567, '1,234,567'],
    [-1234, '-1,234'],
    [1234.5, '1,234.5'],
    [Number.NaN, 'NaN']
  ])('%p -> %s', (value, text) => {
    expect(formatCount(value)).toBe(text)
  })

  it('agrees with en-US grouping for every safe integer', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), (n) => {
        expect(formatCount(n)).toBe(n.toLocaleString('en-US'))
      })
    )
  })
})

describe('formatRate and formatSeconds', () => {
  it.each([
    [0, 100, '0%'],
    [40, 10_000, '0.4%'],
    [1, 1_000_000, '<0.1%'],
    [1, 8, '12.5%'],
    [9999, 10_000, '99.9%'],
    [5, 5, '100%'],
    [3, 0, '0%']
  ])('%d of %d -> %s', (failed, total, text) => {
    expect(formatRate(failed, total)).toBe(text)
  })

  it('writes durations like the job summary', () => {
    expect([42, 185, 7380].map(formatSeconds)).toEqual(['42s', '3m 05s', '2h 03m'])
  })
})

describe('codeSpan', () => {
  it('fences backticks with a longer run, pads edge backticks, escapes pipes in tables', () => {
    expect(codeSpan('a`b')).toBe('``a`b``')
    expect(codeSpan('`x`')).toBe('`` `x` ``')
    expect(codeSpan('a|b', { inTable: true })).toBe('`a\\|b`')
    expect(codeSpan('')).toBe('-')
    expect(codeSpan('line1\n\nline2')).toBe('`line1 line2`')
  })

  it('cuts long text with an ellipsis', () => {
    expect(oneLine('abcdef', 4)).toBe('abc…')
    expect(codeSpan('x'.repeat(300), { max: 10 })).toBe(`\`${'x'.repeat(9)}…\``)
  })
})

describe('commentMarker', () => {
  it('names workflow, job and step', () => {
    expect(commentMarker(marker)).toBe(
      '<!-- batch-inference-action:Nightly%20eval/evaluate/batch -->'
    )
  })

  it('encodes what could close the comment or collide', () => {
    const hostile = commentMarker({ workflow: 'a --> b', job: 'x/y', step: ' s ' })
    expect(hostile).toBe('<!-- batch-inference-action:a%20--%3E%20b/x%2Fy/s -->')
    expect(hostile.indexOf('-->')).toBe(hostile.length - 3)
    expect(commentMarker({ workflow: 'a b', job: 'j', step: 's' })).not.toBe(
      commentMarker({ workflow: 'a-b', job: 'j', step: 's' })
    )
    expect(commentMarker({ workflow: '', job: 'j', step: 's', variant: 'linux' })).toBe(
      '<!-- batch-inference-action:_/j/s/linux -->'
    )
  })

  it('matches only a body that begins with the very marker', () => {
    const m = commentMarker(marker)
    const longer = commentMarker({ ...marker, step: 'batch2' })
    expect(isMarkedComment(`${m}\nhello`, m)).toBe(true)
    expect(isMarkedComment(`> ${m}\nquoted`, m)).toBe(false)
    expect(isMarkedComment(`${longer}\nother step`, m)).toBe(false)
    expect(isMarkedComment(null, m)).toBe(false)
  })
})

describe('renderComment', () => {
  it('begins with the marker, then the heading', () => {
    const body = renderComment(submittedModel(), identity)
    const lines = body.split('\n')
    expect(lines[0]).toBe(commentMarker(marker))
    expect(lines[2]).toBe('### Batch inference submitted · `Nightly eval` / `evaluate`')
    expect(body).toContain('**Batch:** `batch_abc123`')
    expect(body).toContain('**Requests:** 10,000')
    expect(body).toContain('model `meta-llama/Llama-3.3-70B-Instruct`')
    expect(body).toContain('status `validating`')
    expect(body).not.toContain('Failed requests')
  })

  it('shows the counts so far while running', () => {
    const body = renderComment(
      submittedModel({
        phase: 'running',
        status: 'in_progress',
        counts: { total: 10_000, completed: 2_500, failed: 3 }
      }),
      identity
    )
    expect(body).toContain('### Batch inference running · `Nightly eval` / `evaluate`')
    expect(body).toContain('status `in_progress`')
    expect(body).toContain('**Requests:** 2,500 of 10,000 completed; 3 of 10,000 failed, <0.1%')
  })

  it('writes counts, failure rate against the limit, tokens and durations when finished', () => {
    const body = renderComment(finishedModel(), redactKey)
    expect(body).toContain('### Batch inference finished: `completed`')
    expect(body).toContain(
      '**Requests:** 9,960 of 10,000 completed; 40 of 10,000 failed, 0.4%, within the 5% limit'
    )
    expect(body).toContain('**Tokens:** 1,234,567 prompt, 89,012 completion, 1,323,579 total')
    expect(body).toContain('**Time:** queued 12s, running 3m 05s, finalizing 3s, total 3m 20s')
    expect(body).toContain(
      '[Workflow run](https://github.com/octo-org/evals/actions/runs/9876543210/attempts/2)'
    )
  })

  it('says when the limit is exceeded, and leaves the limit out when none is set', () => {
    const over = finishedModel({ failureLimit: { kind: 'count', value: 10, exceeded: true } })
    expect(countsLine(over)).toContain('40 of 10,000 failed, 0.4%, over the limit of 10 failed')
    expect(countsLine(finishedModel({ failureLimit: undefined }))).toMatch(/failed, 0\.4%$/)
  })

  it('tables the first failed requests with code, status and escaped message', () => {
    const body = renderComment(finishedModel(), redactKey)
    expect(body).toContain('#### Failed requests (first 2 of 40)')
    expect(body).toContain('| custom_id | Error | Status | Message |\n| --- | --- | --- | --- |')
    expect(body).toContain('| `req-17` | `rate_limit_exceeded` | 429 | `Slow down` |')
    expect(body).toContain(
      '| `req\\|pipe` | `invalid_request` | 400 | `Invalid key *** in header \\| see docs` |'
    )
  })

  it('shows at most the first failures and cuts long messages', () => {
    const failures = Array.from({ length: 25 }, (_, i) => ({
      custom_id: `r${i}`,
      message: 'm'.repeat(1000)
    }))
    const body = renderComment(finishedModel({ failures }), identity)
    const rows = body.split('\n').filter((line) => line.startsWith('| `r'))
    expect(rows).toHaveLength(COMMENT_LIMITS.failures)
    expect(rows[0]).toContain(`${'m'.repeat(COMMENT_LIMITS.message - 1)}…`)
    expect(rows[0]).toContain('| - | - |')
  })

  it('never lets an API key through, wherever it was planted', () => {
    const model = finishedModel({
      model: `model-${PLANTED_KEY}`,
      metadata: { note: `key=${PLANTED_KEY}`, [PLANTED_KEY]: 'as a key' },
      inputFile: `${PLANTED_KEY}|.jsonl`,
      failures: [{ custom_id: 'a', message: `x${PLANTED_KEY.slice(0, 5)}\n${PLANTED_KEY}` }]
    })
    const body = renderComment(model, redactKey)
    expect(body).not.toContain(PLANTED_KEY)
    expect(body).toContain('***')
  })

  it('applies the redaction to the whole body', () => {
    const body = renderComment(submittedModel(), (text) => text.replace(/batch_abc123/g, 'X'))
    expect(body).not.toContain('batch_abc123')
  })

  it('renders hostile values as literal code: no HTML, mentions, or broken tables', () => {
    const body = renderComment(
      finishedModel({
        failures: [{ custom_id: '<img src=x>', message: '@octo-org/admins see #1 `code` | x' }]
      }),
      identity
    )
    expect(body).toContain('| `<img src=x>` | - | - | ``@octo-org/admins see #1 `code` \\| x`` |')
  })

  it('leaves out a run URL that is not http(s)', () => {
    const body = renderComment(submittedModel({ runUrl: 'javascript:alert(1)' }), identity)
    expect(body).not.toContain('javascript')
    expect(body).not.toContain('Workflow run')
  })

  it('lists many batches briefly and stays far below GitHub’s 65,536 characters', () => {
    const batchIds = Array.from({ length: 50 }, (_, i) => `batch_${i}`)
    const huge = 'z'.repeat(100_000)
    const metadata = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, huge]))
    const failures = Array.from({ length: 100 }, () => ({ custom_id: huge, message: huge }))
    const body = renderComment(
      finishedModel({ batchIds, metadata, failures, model: huge }),
      identity
    )
    expect(body).toContain('`batch_19` and 30 more')
    expect(body.length).toBeLessThan(20_000)
  })
})
