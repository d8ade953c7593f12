import { describe, expect, it } from '@jest/globals'
import {
  describeBatchErrors,
  describeProgress,
  isTerminal,
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
  it('rejects an answer that is not a batch', () => {
    expect(() => parseBatch({ object: 'list' })).toThrow(/not a batch .*check base-url/)
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
