// The edges of reading a batch answer: statuses with stray whitespace, numbers and timestamps sent
// as blank strings or null, an answer that has both an id and a `job`, the message of an answer
// that is not a batch, the batch's own token usage, and a long list of input-file errors.
import { describe, expect, it } from '@jest/globals'
import {
  batchUsage,
  describeBatchErrors,
  normalizeStatus,
  NO_STATUS,
  parseBatch
} from '../../src/batch/document.js'
import { providerFor } from '../../src/batch/providers.js'

describe('a status with whitespace around or inside it', () => {
  it('is trimmed, and any run of spaces or dashes is one underscore', () => {
    expect(normalizeStatus(' completed\n')).toBe('completed')
    expect(normalizeStatus('in  progress')).toBe('in_progress')
    expect(normalizeStatus('in - progress')).toBe('in_progress')
    expect(normalizeStatus('   ')).toBe(NO_STATUS)
    expect(normalizeStatus('')).toBe(NO_STATUS)
  })
})

describe('numbers and timestamps that are not there', () => {
  it('drops a count sent as a blank string instead of reading it as 0', () => {
    const counts = (total: unknown) =>
      parseBatch({ id: 'b', request_counts: { total } }).request_counts?.total
    expect(counts('')).toBeUndefined()
    expect(counts('  ')).toBeUndefined()
    expect(counts(' 7 ')).toBe(7)
    expect(counts(null)).toBeNull()
  })

  it('keeps a timestamp that is null as null, and drops a blank one', () => {
    const created = (created_at: unknown) => parseBatch({ id: 'b', created_at }).created_at
    expect(created(null)).toBeNull()
    expect(created('')).toBeUndefined()
    expect(created(' ')).toBeUndefined()
    expect(created('not a date')).toBeUndefined()
    expect(created(1767323045)).toBe(1767323045)
  })
})

describe('what the answer is', () => {
  it('is the answer itself when it has an id beside a `job`', () => {
    expect(parseBatch({ id: 'b', job: { id: 'inner' } }).id).toBe('b')
    expect(parseBatch({ job: { id: 'inner' } }).id).toBe('inner')
  })

  it('names the field that is wrong, or the answer as a whole', () => {
    expect(() => parseBatch({ object: 'list' })).toThrow(
      /^The API answered with something that is not a batch \(id: [^)]+\); check base-url$/
    )
    expect(() => parseBatch('<html>')).toThrow(
      /^The API answered with something that is not a batch \(answer: [^)]+\); check base-url$/
    )
  })
})

describe('each field, read leniently', () => {
  it('keeps null, drops a value of another type, and passes every other field as it is', () => {
    const batch = parseBatch({
      vendor_field: { nested: true },
      id: 'b',
      output_file_id: null,
      error_file_id: 7,
      request_counts: null,
      usage: 'none',
      metadata: null,
      errors: { data: null },
      model: 'm'
    })
    // The fields the action reads come first, in its order; absent ones stay absent.
    expect(batch).toStrictEqual({
      id: 'b',
      status: NO_STATUS,
      output_file_id: null,
      error_file_id: undefined,
      request_counts: null,
      model: 'm',
      usage: undefined,
      metadata: null,
      errors: { data: null },
      vendor_field: { nested: true }
    })
    expect(Object.keys(parseBatch({ id: 'b' }))).toEqual(['id', 'status'])
    expect(parseBatch({ id: 'b', request_counts: 'lots' }).request_counts).toBeUndefined()
    expect(parseBatch({ id: 'b', metadata: ['a'] }).metadata).toBeUndefined()
  })

  it('says what the answer or its id was instead', () => {
    const message = (raw: unknown) => {
      try {
        parseBatch(raw)
      } catch (error) {
        return (error as Error).message
      }
      return 'no error'
    }
    expect(message(null)).toContain('(answer: expected an object, got null)')
    expect(message([{ id: 'b' }])).toContain('(answer: expected an object, got an array)')
    expect(message('<html>')).toContain('(answer: expected an object, got a string)')
    expect(message(42)).toContain('(answer: expected an object, got an integer)')
    expect(message({ id: '' })).toContain('(id: expected a non-empty string, got an empty string)')
    expect(message({ id: {} })).toContain('(id: expected a non-empty string, got an object)')
    expect(message({})).toContain('(id: expected a non-empty string, got undefined)')
  })
})

describe("the batch's own token usage", () => {
  it('is absent when the batch reports none', () => {
    expect(batchUsage(parseBatch({ id: 'b' }))).toBeUndefined()
    expect(batchUsage(parseBatch({ id: 'b', usage: 'lots' }))).toBeUndefined()
  })

  it('takes the total the batch gives, else the sum of its parts', () => {
    const usage = (value: unknown) => batchUsage(parseBatch({ id: 'b', usage: value }))
    expect(usage({ input_tokens: 3, output_tokens: 4, total_tokens: 10 })).toEqual({
      prompt: 3,
      completion: 4,
      total: 10
    })
    expect(usage({ input_tokens: 3, output_tokens: 4 })).toEqual({
      prompt: 3,
      completion: 4,
      total: 7
    })
    expect(usage({ output_tokens: 4 })).toEqual({ prompt: 0, completion: 4, total: 4 })
  })
})

describe("the batch's input-file errors", () => {
  it('shows five, counts the rest, and names an error without a message', () => {
    const errors = Array.from({ length: 7 }, (_, i) => ({ message: `e${i + 1}`, line: i + 1 }))
    expect(describeBatchErrors(parseBatch({ id: 'b', errors }))).toBe(
      'line 1: e1; line 2: e2; line 3: e3; line 4: e4; line 5: e5; and 2 more'
    )
    expect(describeBatchErrors(parseBatch({ id: 'b', errors: [{ code: 'too_big' }] }))).toBe(
      'error (too_big)'
    )
    expect(
      describeBatchErrors(parseBatch({ id: 'b', errors: Array(5).fill({ message: 'm' }) }))
    ).toBe('m; m; m; m; m')
  })
})

describe('the provider of a base URL written loosely', () => {
  it('is found with whitespace around it, and with a port but no scheme', () => {
    expect(providerFor(' api.openai.com/v1 ').name).toBe('OpenAI')
    expect(providerFor('api.openai.com:443/v1').name).toBe('OpenAI')
    expect(providerFor('https://API.Studio.Nebius.com./v1/').name).toBe('Nebius AI Studio')
  })
})
