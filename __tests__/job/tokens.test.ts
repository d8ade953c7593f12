import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { estimateTokens } from '../../src/job/tokens.js'
// The local Batch API's own estimate of the same documented rule: the two must agree.
import { estimateTokens as mockEstimate } from '../../tools/mock-batch-api/lib/validate.mjs'

describe('estimateTokens', () => {
  it('counts the characters of the messages over four, rounded up, plus max_tokens', () => {
    const body = {
      model: 'm',
      messages: [
        { role: 'system', content: 'be brief' }, // 8
        { role: 'user', content: 'hello' } // 5
      ],
      max_tokens: 100
    }
    expect(estimateTokens(body)).toBe(Math.ceil(13 / 4) + 100)
    expect(estimateTokens({ ...body, max_tokens: undefined })).toBe(4)
  })

  it('counts the text of content parts, not images, roles or tool definitions', () => {
    const body = {
      model: 'm',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'abcd' },
            { type: 'image_url', image_url: { url: `data:image/png;base64,${'A'.repeat(4000)}` } },
            { type: 'text', text: 'efgh' }
          ]
        }
      ],
      tools: [{ type: 'function', function: { name: 'lookup', description: 'x'.repeat(400) } }]
    }
    expect(estimateTokens(body)).toBe(2)
  })

  it('takes max_completion_tokens, and the largest answer limit when several are set', () => {
    const messages = [{ role: 'user', content: 'abcd' }]
    expect(estimateTokens({ messages, max_completion_tokens: 50 })).toBe(51)
    expect(estimateTokens({ messages, max_tokens: 20, max_completion_tokens: 50 })).toBe(51)
    expect(estimateTokens({ messages, max_tokens: -5 })).toBe(1)
    expect(estimateTokens({ messages, max_tokens: '100' })).toBe(1)
  })

  it('counts /v1/responses instructions, input items and max_output_tokens', () => {
    expect(estimateTokens({ input: 'abcdefgh', instructions: 'abcd', max_output_tokens: 10 })).toBe(
      13
    )
    const items = {
      input: [
        { role: 'user', content: [{ type: 'input_text', text: 'abcdef' }] },
        { role: 'assistant', content: 'ab' }
      ]
    }
    expect(estimateTokens(items)).toBe(2)
    expect(estimateTokens({ prompt: { id: 'pmpt_123' } })).toBe(0)
  })

  it('counts embeddings and completions inputs: strings, lists of strings and token ids', () => {
    expect(estimateTokens({ input: ['abcd', 'efgh', 'i'] })).toBe(3)
    expect(estimateTokens({ input: [1, 2, 3] })).toBe(3)
    expect(estimateTokens({ input: [[1, 2], [3]] })).toBe(3)
    expect(estimateTokens({ prompt: 'abcde', max_tokens: 16 })).toBe(18)
    expect(estimateTokens({ prompt: ['ab', 'cd'] })).toBe(1)
  })

  it('skips what is not text, a token id or an item: nulls, and non-numbers among token ids', () => {
    expect(estimateTokens({ input: [[1, 2, 'x', null]] })).toBe(2)
    expect(estimateTokens({ input: [null, 'abcd', true] })).toBe(1)
    expect(
      estimateTokens({ messages: [null, 'abcdefgh', { role: 'user', content: 'abcd' }] })
    ).toBe(1)
  })

  it('counts UTF-16 code units', () => {
    expect(estimateTokens({ input: '😀😀' })).toBe(1) // 4 code units
    expect(estimateTokens({ input: 'é'.repeat(5) })).toBe(2)
  })

  it('is 0 for what is not an object', () => {
    for (const body of [null, undefined, 'text', 42, ['a']]) expect(estimateTokens(body)).toBe(0)
  })

  it("agrees with the local Batch API's estimate on any body", () => {
    const text = fc.string({ unit: 'binary', maxLength: 40 })
    const part = fc.oneof(
      text,
      fc.record({ type: fc.constant('text'), text }),
      fc.record({ type: fc.constant('image_url'), image_url: fc.record({ url: text }) }),
      fc.record({ type: fc.constant('input_text'), text: fc.oneof(text, fc.integer()) })
    )
    const content = fc.oneof(text, fc.array(part, { maxLength: 4 }), fc.constant(null))
    const message = fc.record({ role: text, content }, { requiredKeys: ['role'] })
    const inputLike = fc.oneof(
      text,
      fc.array(fc.oneof(text, fc.integer(), fc.array(fc.integer(), { maxLength: 3 }), message), {
        maxLength: 4
      }),
      fc.record({ id: text })
    )
    const answer = fc.oneof(fc.integer({ min: -10, max: 5000 }), fc.double(), text)
    const body = fc.record(
      {
        model: text,
        messages: fc.oneof(fc.array(message, { maxLength: 4 }), text),
        input: inputLike,
        prompt: inputLike,
        instructions: fc.oneof(text, fc.integer()),
        max_tokens: answer,
        max_completion_tokens: answer,
        max_output_tokens: answer
      },
      { requiredKeys: [] }
    )
    fc.assert(
      fc.property(body, (b) => {
        expect(estimateTokens(b)).toBe(mockEstimate(b as Record<string, unknown>))
      }),
      { numRuns: 500 }
    )
  })
})
