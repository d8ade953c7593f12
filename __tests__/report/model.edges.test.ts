// The report model on the cases its main tests leave out: each outcome's words and tone, the
// rows of the batch table, the headings of the failures and samples, and the files listed.
import { describe, expect, it } from '@jest/globals'
import {
  batchDurations,
  batchReport,
  count,
  statusText,
  uploadHintFor,
  type BatchSummaryData
} from '../../src/report/model.js'
import { completedBatch, t0 } from '../../__fixtures__/batches.js'

const data = (overrides: Partial<BatchSummaryData> = {}): BatchSummaryData => ({
  command: 'run',
  batch: completedBatch({ request_counts: { total: 6, completed: 6, failed: 0 } }),
  outcome: 'succeeded',
  files: {},
  failures: [],
  ...overrides
})

const detail = (report: ReturnType<typeof batchReport>, label: string) =>
  report.details.find((field) => field.label === label)?.value

const failure = (i: number) => ({ custom_id: `r${i}`, message: 'bad', code: 'c' })

describe('the outcome in words', () => {
  const words = (overrides: Partial<BatchSummaryData>) => {
    const report = batchReport(data(overrides))
    return [report.title, report.tone]
  }

  it('tells a success with failed requests from a clean one', () => {
    expect(words({})).toEqual(['Batch succeeded: batch_abc', 'good'])
    const batch = completedBatch({ request_counts: { total: 6, completed: 5, failed: 1 } })
    expect(words({ batch })).toEqual(['Batch succeeded, with failed requests: batch_abc', 'warn'])
  })

  it('reads a batch that ended cancelled as a success of the cancel', () => {
    expect(words({ command: 'cancel', batch: completedBatch({ status: 'cancelled' }) })).toEqual([
      'Batch cancelled: batch_abc',
      'good'
    ])
  })

  it('marks a batch not ended yet as running, whatever the outcome says', () => {
    expect(words({ batch: completedBatch({ status: 'finalizing' }) })).toEqual([
      'Batch finalizing: batch_abc',
      'running'
    ])
    expect(words({ outcome: 'left running' })).toEqual([
      'Batch still running: batch_abc',
      'running'
    ])
  })

  it('names a step that failed on a batch of another state', () => {
    expect(words({ outcome: 'failed', batch: completedBatch({ status: 'in_progress' }) })).toEqual([
      'Step failed: batch_abc',
      'bad'
    ])
    expect(words({ outcome: 'failed', batch: undefined })).toEqual([
      'Batch not created: command run',
      'bad'
    ])
  })

  it('is bad for a wait that timed out and a batch cancelled by the step', () => {
    expect(words({ outcome: 'timed out' })[1]).toBe('bad')
    expect(words({ outcome: 'cancelled' })[1]).toBe('bad')
    expect(words({ outcome: 'failed', batch: completedBatch({ status: 'expired' }) })[1]).toBe(
      'bad'
    )
    expect(words({ outcome: 'failed', batch: completedBatch({ status: 'failed' }) })[1]).toBe('bad')
    expect(words({ outcome: 'failed' })[1]).toBe('bad')
  })

  it('titles by the file, else the batch id, else the command', () => {
    expect(batchReport(data({ file: 'in.jsonl' })).title).toBe('Batch succeeded: in.jsonl')
    expect(batchReport(data({ batch: undefined, command: 'list' })).title).toBe(
      'Batch succeeded: command list'
    )
  })
})

describe('the facts', () => {
  it('falls back to the batch’s own model and endpoint', () => {
    const facts = batchReport(data()).facts
    expect(facts).toEqual([
      { label: 'Model', value: 'meta-llama/Llama-3.3-70B-Instruct', code: true },
      { label: 'Endpoint', value: '/v1/chat/completions', code: true },
      { label: 'Batch', value: 'batch_abc', code: true }
    ])
  })

  it('leaves out empty values', () => {
    const batch = completedBatch({ model: '', metadata: {} })
    const facts = batchReport(data({ batch, file: '', metadata: {} })).facts
    expect(facts.map((fact) => fact.label)).toEqual(['Endpoint', 'Batch'])
  })

  it('prefers the metadata given over the batch’s, and skips values that are not text', () => {
    const batch = completedBatch({ metadata: { suite: 'weekly', leg: 'b' } })
    const given = batchReport(data({ batch, metadata: { suite: 'nightly' } })).facts
    expect(given.find((fact) => fact.label === 'Metadata')?.value).toBe('suite=nightly')
    const own = batchReport(data({ batch })).facts
    expect(own.find((fact) => fact.label === 'Metadata')?.value).toBe('suite=weekly, leg=b')
    const onlyActionKeys = completedBatch({ metadata: { batch_action_key: 'k' } })
    expect(
      batchReport(data({ batch: onlyActionKeys })).facts.some((fact) => fact.label === 'Metadata')
    ).toBe(false)
  })
})

describe('the details', () => {
  it('counts requests, tokens and each phase, then the command', () => {
    const batch = completedBatch({
      usage: { input_tokens: 1200, output_tokens: 300, total_tokens: 1500 }
    })
    const report = batchReport(data({ batch }))
    expect(report.details).toEqual([
      { label: 'Status', value: 'completed' },
      { label: 'Requests', value: '12,345 total, 12,340 completed, 5 failed' },
      { label: 'Tokens', value: '1,200 prompt, 300 completion, 1,500 total' },
      { label: 'Queued', value: '42s' },
      { label: 'Running', value: '3m 05s' },
      { label: 'Finalizing', value: '2h 03m' },
      { label: 'Total time', value: '2h 06m' },
      { label: 'Command', value: 'run' }
    ])
  })

  it('sums the joined results’ tokens over the batch’s own', () => {
    const batch = completedBatch({ usage: { input_tokens: 1, output_tokens: 1, total_tokens: 2 } })
    const report = batchReport(data({ batch, usage: { prompt: 10, completion: 5, total: 15 } }))
    expect(detail(report, 'Tokens')).toBe('10 prompt, 5 completion, 15 total')
  })

  it('shows no tokens without usage, and zero tokens only once the batch has ended', () => {
    expect(detail(batchReport(data()), 'Tokens')).toBeUndefined()
    const zero = { prompt: 0, completion: 0, total: 0 }
    expect(detail(batchReport(data({ usage: zero })), 'Tokens')).toBe(
      '0 prompt, 0 completion, 0 total'
    )
    const running = completedBatch({ status: 'in_progress', completed_at: null })
    expect(detail(batchReport(data({ batch: running, usage: zero })), 'Tokens')).toBeUndefined()
    expect(
      detail(
        batchReport(data({ batch: running, usage: { prompt: 3, completion: 0, total: 3 } })),
        'Tokens'
      )
    ).toBe('3 prompt, 0 completion, 3 total')
  })

  it('marks a count the provider left out', () => {
    const batch = completedBatch({ request_counts: { total: 3, completed: null } })
    expect(detail(batchReport(data({ batch })), 'Requests')).toBe('3 total, ? completed, ? failed')
    expect(count(0)).toBe('0')
    expect(count(null)).toBe('?')
    expect(count(undefined)).toBe('?')
  })

  it('shows the counts of a running batch once it has some', () => {
    const batch = completedBatch({
      status: 'in_progress',
      finalizing_at: null,
      completed_at: null,
      request_counts: { total: 10, completed: 4, failed: 1 }
    })
    const report = batchReport(data({ batch, outcome: 'left running', now: (t0 + 150) * 1000 }))
    expect(detail(report, 'Requests')).toBe('10 total, 4 completed, 1 failed')
    expect(report.counts).toBe('5 of 10 requests done (50%), 1 failed; running for 2m 30s')
  })

  it('has no status, requests or durations without a batch', () => {
    const report = batchReport(data({ batch: undefined, outcome: 'failed' }))
    expect(report.details).toEqual([
      { label: 'Status', value: undefined },
      { label: 'Requests', value: undefined },
      { label: 'Command', value: 'run' }
    ])
    expect(report.counts).toBeUndefined()
  })

  it('words an unknown status', () => {
    expect(statusText(undefined)).toBe('unknown')
    expect(statusText(completedBatch({ status: '' }))).toBe('unknown')
    expect(statusText(completedBatch({ status: 'in_progress' }))).toBe('in_progress')
  })
})

describe('batchDurations', () => {
  it('drops a phase whose end comes before its start', () => {
    const batch = completedBatch({ in_progress_at: t0 - 10, finalizing_at: t0 + 5 })
    expect(batchDurations(batch)).toMatchObject({ running: 15 })
    expect(batchDurations(batch)).not.toHaveProperty('queued')
  })

  it('ends the total at the first end there is: completed, failed, expired, cancelled', () => {
    const ends = { completed_at: null, failed_at: null, expired_at: null, cancelled_at: null }
    expect(
      batchDurations(completedBatch({ ...ends, failed_at: t0 + 1, expired_at: t0 + 2 })).total
    ).toBe(1)
    expect(
      batchDurations(completedBatch({ ...ends, expired_at: t0 + 2, cancelled_at: t0 + 3 })).total
    ).toBe(2)
    expect(batchDurations(completedBatch({ ...ends, cancelled_at: t0 + 3 })).total).toBe(3)
    expect(batchDurations(completedBatch({ failed_at: t0 + 1 })).total).toBe(7612)
  })

  it('counts a phase of no time at all', () => {
    expect(batchDurations(completedBatch({ in_progress_at: t0 })).queued).toBe(0)
  })
})

describe('the counts line', () => {
  it('says the failure rate against the limit when the batch has ended', () => {
    const batch = completedBatch({ request_counts: { total: 10, completed: 9, failed: 1 } })
    const report = batchReport(data({ batch, failureLimit: { kind: 'count', value: 0 } }))
    expect(report.counts).toBe('1 of 10 failed, 10%, over the limit of 0')
  })

  it('is left out when no request was counted', () => {
    const batch = completedBatch({ request_counts: { total: 0, completed: 0, failed: 0 } })
    expect(batchReport(data({ batch })).counts).toBeUndefined()
    expect('counts' in batchReport(data({ batch }))).toBe(false)
  })

  it('counts by the joined results when there are some', () => {
    const results = { total: 4, ok: 3, error: 1, missing: 0, failureCodes: [], samples: [] }
    expect(batchReport(data({ results })).counts).toBe('1 of 4 failed, 25%')
  })
})

describe('failures and samples', () => {
  const results = (overrides: Partial<NonNullable<BatchSummaryData['results']>> = {}) => ({
    total: 10,
    ok: 7,
    error: 3,
    missing: 0,
    failureCodes: [],
    samples: [],
    ...overrides
  })

  it('heads the failures by how many are shown of how many failed', () => {
    const failures = [failure(1), failure(2)]
    const some = batchReport(data({ results: results(), failures })).failures
    expect(some).toEqual({ heading: 'First failed requests (2 of 3)', lines: failures })
    const all = batchReport(data({ results: results({ ok: 8, error: 2 }), failures })).failures
    expect(all?.heading).toBe('Failed requests')
    const unknown = batchReport(data({ batch: undefined, failures })).failures
    expect(unknown?.heading).toBe('Failed requests')
  })

  it('groups the requests without any result under a code of their own', () => {
    const group = { code: 'c', count: 2, example: failure(1) }
    const report = batchReport(data({ results: results({ failureCodes: [group], missing: 1 }) }))
    expect(report.failureCodes).toEqual([
      group,
      {
        code: '(no result)',
        count: 1,
        example: {
          custom_id: '',
          message: 'the batch returned neither a response nor an error for the request'
        }
      }
    ])
    expect(batchReport(data({ results: results({ missing: 2 }) })).failureCodes).toHaveLength(1)
    expect(batchReport(data({ results: results({ failureCodes: [group] }) })).failureCodes).toEqual(
      [group]
    )
  })

  it('heads the samples by how many are shown of how many succeeded', () => {
    const samples = [{ custom_id: 'r1', text: 'hi' }]
    expect(batchReport(data({ results: results({ samples }) })).samples).toEqual({
      heading: 'Sample results (first 1 of 7)',
      lines: samples
    })
    expect(
      batchReport(data({ results: results({ ok: 1, error: 9, samples }) })).samples?.heading
    ).toBe('Sample results (first 1)')
    expect(
      batchReport(data({ batch: undefined, results: { ...results({ samples }), total: 0 } }))
        .samples?.heading
    ).toBe('Sample results (first 1)')
  })
})

describe('files and the upload hint', () => {
  it('lists results, output and error files in that order, relative to the workspace', () => {
    const report = batchReport(
      data({
        workspace: '/ws',
        files: {
          error: '/ws/out/error.jsonl',
          output: '/ws/out/output.jsonl',
          results: '/elsewhere/r.jsonl'
        }
      })
    )
    expect(report.files).toEqual([
      { label: 'Results', path: '/elsewhere/r.jsonl' },
      { label: 'Output file', path: 'out/output.jsonl' },
      { label: 'Error file', path: 'out/error.jsonl' }
    ])
    expect(report.uploadHint).toBe(uploadHintFor('/elsewhere', 'batch_abc'))
  })

  it('hints the folder of the output file, else of the error file, when there are no results', () => {
    const output = batchReport(data({ workspace: '/ws', files: { output: '/ws/o/output.jsonl' } }))
    expect(output.uploadHint).toBe(uploadHintFor('o', 'batch_abc'))
    const error = batchReport(data({ files: { error: 'e/error.jsonl' } }))
    expect(error.uploadHint).toBe(uploadHintFor('e', 'batch_abc'))
  })

  it('gives no hint without a batch to name it after', () => {
    const report = batchReport(data({ batch: undefined, files: { results: 'r/results.jsonl' } }))
    expect(report.uploadHint).toBeUndefined()
    expect('uploadHint' in report).toBe(false)
  })

  it('carries the message only when there is one', () => {
    expect(batchReport(data({ message: 'why' })).message).toBe('why')
    expect('message' in batchReport(data({ message: '' }))).toBe(false)
  })
})

describe('fields a batch may lack', () => {
  const fact = (report: ReturnType<typeof batchReport>, label: string) =>
    report.facts.find((field) => field.label === label)

  it('shows no tokens for usage of zero without a batch, and does not need one', () => {
    const usage = { prompt: 0, completion: 0, total: 0 }
    expect(detail(batchReport(data({ batch: undefined, usage })), 'Tokens')).toBeUndefined()
  })

  it('leaves out metadata the batch holds as other than text', () => {
    const batch = completedBatch({ metadata: { suite: 'nightly', shard: 3 } })
    expect(fact(batchReport(data({ batch })), 'Metadata')?.value).toBe('suite=nightly')
    const none = completedBatch({ metadata: { shard: 3 } })
    expect(fact(batchReport(data({ batch: none })), 'Metadata')).toBeUndefined()
  })

  it('shows the file, the metadata, the model, the endpoint and the batch id as code', () => {
    const report = batchReport(
      data({
        metadata: { suite: 'nightly' },
        file: '/work/evals/requests.jsonl',
        workspace: '/work'
      })
    )
    for (const label of ['File', 'Metadata', 'Model', 'Endpoint', 'Batch'])
      expect(fact(report, label)?.code).toBe(true)
  })

  it('leaves out a model the batch gives as null', () => {
    const batch = completedBatch({ model: null })
    expect(fact(batchReport(data({ batch })), 'Model')).toBeUndefined()
  })

  it('takes a running batch without request counts', () => {
    const batch = completedBatch({ status: 'in_progress', request_counts: undefined })
    const report = batchReport(data({ batch, outcome: 'left running' }))
    expect(detail(report, 'Requests')).toBeUndefined()
    expect(report.tone).toBe('running')
  })

  it('heads the samples by how many succeeded, when more did than are shown', () => {
    const sample = { custom_id: 'r1', text: 'hi' }
    const results = {
      total: 3,
      ok: 3,
      error: 0,
      missing: 0,
      failureCodes: [],
      samples: [sample]
    }
    expect(batchReport(data({ batch: undefined, results })).samples?.heading).toBe(
      'Sample results (first 1 of 3)'
    )
    const one = { ...results, total: 1, ok: 1 }
    expect(batchReport(data({ batch: undefined, results: one })).samples?.heading).toBe(
      'Sample results (first 1)'
    )
  })
})
