import { describe, expect, it } from '@jest/globals'
import { FailureCounter, replyText } from '../../src/results/samples.js'
import { MAX_FAILURE_CODES, MAX_SAMPLE_CHARS, OTHER_CODES } from '../../src/results/types.js'

describe('replyText', () => {
  it('reads the reply of chat, completions, responses and embeddings bodies', () => {
    expect(replyText({ choices: [{ message: { role: 'assistant', content: 'Hi' } }] })).toBe('Hi')
    expect(replyText({ choices: [{ text: 'legacy' }] })).toBe('legacy')
    expect(replyText({ output_text: 'flat' })).toBe('flat')
    expect(
      replyText({
        output: [
          { type: 'reasoning', summary: [] },
          { type: 'message', content: [{ type: 'output_text', text: 'one' }, { text: 'two' }] }
        ]
      })
    ).toBe('one\ntwo')
    expect(replyText({ data: [{ embedding: [0.1, 0.2, 0.3] }] })).toBe(
      'an embedding of 3 dimensions'
    )
    expect(replyText({ data: [{ embedding: [1] }, { embedding: [2] }] })).toBe(
      '2 embeddings of 1 dimensions'
    )
  })

  it('shows any other body as JSON, and cuts long text', () => {
    expect(replyText({ choices: [{ message: { content: null } }] })).toBe(
      '{"choices":[{"message":{"content":null}}]}'
    )
    expect(replyText(null)).toBe('null')
    const long = replyText({ choices: [{ message: { content: 'x'.repeat(10_000) } }] })
    expect(long).toHaveLength(MAX_SAMPLE_CHARS)
    expect(long.endsWith('…')).toBe(true)
  })
})

describe('FailureCounter', () => {
  it('counts by code, most first, keeping the first failure of each as the example', () => {
    const counter = new FailureCounter()
    counter.add({ custom_id: 'a', code: 'x', message: 'first x' })
    counter.add({ custom_id: 'b', message: 'no code' })
    counter.add({ custom_id: 'c', code: 'y', message: 'first y' })
    counter.add({ custom_id: 'd', code: 'y', message: 'second y' })
    expect(counter.list()).toEqual([
      { code: 'y', count: 2, example: { custom_id: 'c', code: 'y', message: 'first y' } },
      { code: 'x', count: 1, example: { custom_id: 'a', code: 'x', message: 'first x' } },
      { code: '', count: 1, example: { custom_id: 'b', message: 'no code' } }
    ])
  })

  it('keeps at most MAX_FAILURE_CODES groups, counting the rest together', () => {
    const counter = new FailureCounter()
    for (let i = 0; i < 1000; i++) counter.add({ custom_id: `r${i}`, code: `c${i}`, message: 'm' })
    const groups = counter.list()
    expect(groups).toHaveLength(MAX_FAILURE_CODES)
    expect(groups[0]).toMatchObject({ code: OTHER_CODES, count: 1000 - (MAX_FAILURE_CODES - 1) })
    expect(groups.reduce((sum, group) => sum + group.count, 0)).toBe(1000)
  })
})
