// The validator of lines, fed lines directly: the exact problems it records, the cap on those kept
// in detail, and the rules on what a line shares with the others.
import { describe, expect, it } from '@jest/globals'
import { providerFor } from '../../src/batch/providers.js'
import { UTF16_FILE } from '../../src/validate/messages.js'
import type { ValidationOptions } from '../../src/validate/types.js'
import { Validator } from '../../src/validate/validator.js'

const CHAT = '/v1/chat/completions'

function validator(options: Partial<ValidationOptions> = {}): Validator {
  return new Validator({
    endpoint: CHAT,
    provider: providerFor('https://api.openai.com/v1'),
    ...options
  })
}

const request = (id: unknown, body: Record<string, unknown> = {}, url = CHAT): string =>
  JSON.stringify({
    custom_id: id,
    method: 'POST',
    url,
    body: { model: 'm', messages: [{ role: 'user', content: 'hi' }], ...body }
  })

/** The problems of `lines` (numbered from 1), after finish(). */
function problemsOf(lines: string[], options: Partial<ValidationOptions> = {}) {
  const v = validator(options)
  lines.forEach((line, i) => v.line(line, i + 1))
  v.finish()
  return { v, problems: [...v.pinned, ...v.lineProblems] }
}

describe('Validator', () => {
  it('takes a line of only spaces, tabs or a carriage return as blank', () => {
    const { problems } = problemsOf([request('a'), ' ', '\t\t', ' \r', ''])
    expect(problems.map((p) => [p.line, p.message.slice(0, 10)])).toEqual([
      [2, 'blank line'],
      [3, 'blank line'],
      [4, 'blank line'],
      [5, 'blank line']
    ])
  })

  it('gives a line that is not JSON exactly the parser message', () => {
    const { problems } = problemsOf(['{"custom_id": '])
    expect(problems).toEqual([
      { line: 1, message: expect.stringMatching(/^not valid JSON \([^)]+\)$/) }
    ])
  })

  it('keeps maxProblems problems in detail and counts the rest', () => {
    const { v } = problemsOf(['{', '{', '{', request(1)], { maxProblems: 2 })
    expect(v.lineProblems.map((p) => p.line)).toEqual([1, 2])
    expect(v.problemCount).toBe(4)
    const none = problemsOf(['{'], { maxProblems: 0 })
    expect(none.v.lineProblems).toEqual([])
    expect(none.v.problemCount).toBe(1)
  })

  it('checks duplicates only among custom_ids that are non-empty strings', () => {
    const { problems } = problemsOf([request(5), request(5), request(''), request('')])
    expect(problems.map((p) => p.message)).toEqual([
      'custom_id must be a string, found an integer',
      'custom_id must be a string, found an integer',
      'custom_id must not be empty',
      'custom_id must not be empty'
    ])
  })

  it('compares only models that are non-empty strings with the first one', () => {
    const { problems, v } = problemsOf([
      request('a', { model: 'm' }),
      request('b', { model: '' }),
      request('c', { model: 7 }),
      request('d', { model: 'm' })
    ])
    expect(v.model).toBe('m')
    expect(problems.map((p) => p.message)).toEqual([
      'body.model must not be empty',
      'body.model must be a string, found an integer'
    ])
  })

  it('takes a /v1/responses line that names a stored prompt instead of an input', () => {
    const responses = '/v1/responses'
    const line = (id: string, body: Record<string, unknown>) =>
      JSON.stringify({ custom_id: id, method: 'POST', url: responses, body })
    const { problems } = problemsOf(
      [
        line('a', { model: 'm', prompt: { id: 'pmpt_1' } }),
        line('b', { model: 'm', input: 'hi' }),
        line('c', { model: 'm' }),
        line('d', { model: 'm', prompt: { id: 'pmpt_1' }, input: 3 })
      ],
      { endpoint: responses }
    )
    expect(problems.map((p) => p.line)).toEqual([3, 4])
    const odd = problemsOf(['null', line('e', null as unknown as Record<string, unknown>)], {
      endpoint: responses
    }).problems
    expect(odd.map((p) => p.message)).toEqual([
      'each line must be a JSON object with custom_id, method, url and body; found null',
      'body must be an object, found null'
    ])
    expect(problems[0]!.message).toMatch(/^body\.input is missing/)
    expect(problems[1]!.message).toMatch(/^body\.input /)

    // A stored prompt with another problem: only that problem, not the input it does not need.
    const prompted = problemsOf([line('f', { model: '', prompt: { id: 'pmpt_1' } })], {
      endpoint: responses
    }).problems
    expect(prompted.map((p) => p.message)).toEqual(['body.model must not be empty'])
  })
})

describe('the UTF-16 byte order mark', () => {
  it.each([
    ['little-endian', [0xff, 0xfe, 0x7b, 0x00]],
    ['big-endian', [0xfe, 0xff, 0x00, 0x7b]],
    ['alone, two bytes', [0xff, 0xfe]]
  ])('stops the check on line 1 (%s)', (_name, bytes) => {
    const v = validator()
    v.lineBytes(Uint8Array.from(bytes), 1)
    expect(v.stopped).toBe(true)
    expect(v.pinned).toEqual([{ line: 1, message: UTF16_FILE }])
  })

  it.each([
    ['0xff then a brace', [0xff, 0x7b]],
    ['0xfe then a brace', [0xfe, 0x7b]],
    ['0xff 0xff', [0xff, 0xff]],
    ['0xfe 0xfe', [0xfe, 0xfe]],
    ['0xff alone', [0xff]],
    ['0xfe alone', [0xfe]]
  ])('is not what starts with %s: that is invalid UTF-8', (_name, bytes) => {
    const v = validator()
    v.lineBytes(Uint8Array.from(bytes), 1)
    expect(v.stopped).toBe(false)
    expect(v.lineProblems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^not valid UTF-8 \(byte 1 of the line/)
    ])
  })

  it('counts only on line 1', () => {
    const v = validator()
    v.lineBytes(Uint8Array.from([0xff, 0xfe, 0x7b]), 2)
    expect(v.stopped).toBe(false)
    expect(v.pinned).toEqual([])
  })
})
