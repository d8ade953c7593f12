// replyText on bodies of every endpoint's shape, and on the shapes it must pass over.
import { describe, expect, it } from '@jest/globals'
import { replyText } from '../../src/results/samples.js'

describe('replyText, on the edges', () => {
  it('joins the text parts of a Responses output and passes over anything else in it', () => {
    expect(
      replyText({
        output: [
          'not an item',
          { content: 'not a list' },
          { type: 'reasoning' },
          { content: [null, 'text', { text: 7 }, { text: 'first' }, { type: 'refusal' }] },
          { content: [{ text: 'second' }] }
        ]
      })
    ).toBe('first\nsecond')
  })

  it('shows the body of a Responses output without text', () => {
    const body = { output: [{ content: [{ type: 'refusal' }] }] }
    expect(replyText(body)).toBe(JSON.stringify(body))
    expect(replyText({ output: 'x' })).toBe('{"output":"x"}')
  })

  it('takes a chat message, else a completion text, else output_text', () => {
    expect(replyText({ choices: [{ message: { content: 'chat' }, text: 'completion' }] })).toBe(
      'chat'
    )
    expect(replyText({ choices: [{ message: { content: null }, text: 'completion' }] })).toBe(
      'completion'
    )
    expect(replyText({ choices: [{ message: 'odd' }], output_text: 'responses' })).toBe('responses')
    expect(
      replyText({ choices: [{ message: { content: 'chat' } }], output_text: 'responses' })
    ).toBe('chat')
    expect(replyText({ choices: ['odd'], output_text: 3 })).toBe(
      JSON.stringify({ choices: ['odd'], output_text: 3 })
    )
    expect(replyText({ output_text: 'direct', output: [{ content: [{ text: 'parts' }] }] })).toBe(
      'direct'
    )
  })

  it('describes embeddings by count and dimensions, and only when there is no text', () => {
    expect(replyText({ data: [{ embedding: [1, 2, 3] }] })).toBe('an embedding of 3 dimensions')
    expect(replyText({ data: [{ embedding: [1, 2] }, { embedding: [3, 4] }] })).toBe(
      '2 embeddings of 2 dimensions'
    )
    expect(replyText({ output_text: 'text', data: [{ embedding: [1] }] })).toBe('text')
    expect(replyText({ data: [{ embedding: 'x' }] })).toBe('{"data":[{"embedding":"x"}]}')
  })
})
