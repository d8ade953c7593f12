import { describe, expect, it } from '@jest/globals'
import {
  describeBatchErrors,
  describeProgress,
  isKnownStatus,
  isTerminal,
  NO_STATUS,
  parseBatch,
  requestCounts
} from '../../src/batch/document.js'

describe('status', () => {
  it('compares statuses case-insensitively', () => {
    expect(isTerminal('COMPLETED')).toBe(true)
    expect(isTerminal('Cancelled')).toBe(true)
    expect(isTerminal('cancelling')).toBe(false)
    expect(isTerminal('IN_PROGRESS')).toBe(false)
    expect(parseBatch({ id: 'b', status: 'IN_PROGRESS' }).status).toBe('in_progress')
  })
  it('unwraps {job: ...} answers and tolerates nulls', () => {
    const batch = parseBatch({
      job: { id: 'b', status: 'validating', request_counts: null, output_file_id: null }
    })
    expect(batch.id).toBe('b')
    expect(requestCounts(batch)).toEqual({ total: 0, completed: 0, failed: 0 })
    expect(describeProgress(batch)).toBe('validating')
  })
  it("maps the spellings providers use to the API's statuses", () => {
    const status = (s: unknown) => parseBatch({ id: 'b', status: s }).status
    expect(status('succeeded')).toBe('completed')
    expect(status('SUCCEEDED')).toBe('completed')
    expect(status('canceled')).toBe('cancelled')
    expect(status('Canceling')).toBe('cancelling')
    expect(status('in-progress')).toBe('in_progress')
    expect(status('IN PROGRESS')).toBe('in_progress')
    expect(isTerminal('canceled')).toBe(true)
    expect(isKnownStatus('succeeded')).toBe(true)
    expect(isKnownStatus('queued')).toBe(false)
    expect(status('queued')).toBe('queued')
  })
  it('takes a missing or null status as unknown, not as a parse failure', () => {
    expect(parseBatch({ id: 'b', status: null }).status).toBe(NO_STATUS)
    expect(parseBatch({ id: 'b' }).status).toBe(NO_STATUS)
    expect(parseBatch({ id: 'b', status: 7 }).status).toBe(NO_STATUS)
    expect(isKnownStatus(NO_STATUS)).toBe(false)
    expect(isTerminal(NO_STATUS)).toBe(false)
  })
  it('reads every field but the id leniently', () => {
    const batch = parseBatch({
      id: 'b',
      status: 'in_progress',
      created_at: '2026-01-02T03:04:05Z',
      in_progress_at: '1767323045',
      completed_at: { when: 'later' },
      errors: [],
      request_counts: { total: '10', completed: '4', failed: 'many' },
      metadata: 'not an object',
      output_file_id: 42,
      usage: 'lots'
    })
    expect(batch.created_at).toBe(Date.parse('2026-01-02T03:04:05Z') / 1000)
    expect(batch.in_progress_at).toBe(1767323045)
    expect(batch.completed_at).toBeUndefined()
    expect(batch.errors).toEqual({ data: [] })
    expect(requestCounts(batch)).toEqual({ total: 10, completed: 4, failed: 0 })
    expect(batch.metadata).toBeUndefined()
    expect(batch.output_file_id).toBeUndefined()
    expect(describeBatchErrors(batch)).toBe('the provider gave no reason')
    const listed = parseBatch({
      id: 'b',
      status: 'failed',
      errors: [{ message: 'bad', line: '3' }, null]
    })
    expect(describeBatchErrors(listed)).toBe('line 3: bad')
  })
  it('rejects an answer that is not a batch', () => {
    expect(() => parseBatch({ object: 'list' })).toThrow(/not a batch .*check base-url/)
    expect(() => parseBatch({ id: '', status: 'completed' })).toThrow(/not a batch/)
    expect(() => parseBatch('<html>')).toThrow(/not a batch/)
  })
  it('describes the batch errors with their lines', () => {
    const batch = parseBatch({
      id: 'b',
      status: 'failed',
      errors: { data: [{ code: 'invalid_url', message: 'bad url', line: 3 }, { message: 'x' }] }
    })
    expect(describeBatchErrors(batch)).toBe('line 3: bad url (invalid_url); x')
    expect(
      describeProgress(
        parseBatch({
          id: 'b',
          status: 'in_progress',
          request_counts: { total: 10, completed: 4, failed: 1 }
        })
      )
    ).toBe('in_progress: 5/10 done, 1 failed')
  })
})
