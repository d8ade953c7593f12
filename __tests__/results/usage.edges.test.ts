import { describe, expect, it } from '@jest/globals'
import { usageOf } from '../../src/results/usage.js'

describe('usageOf, on the edges', () => {
  it('counts only finite numbers, and falls back to the Responses names, then to the sum', () => {
    expect(
      usageOf({ usage: { prompt_tokens: '5', input_tokens: 4, completion_tokens: null } })
    ).toStrictEqual({ prompt: 4, completion: 0, total: 4 })
    expect(
      usageOf({ usage: { prompt_tokens: Infinity, output_tokens: 2, total_tokens: 'x' } })
    ).toStrictEqual({ prompt: 0, completion: 2, total: 2 })
    expect(usageOf({ usage: { total_tokens: 9 } })).toStrictEqual({
      prompt: 0,
      completion: 0,
      total: 9
    })
    expect(usageOf({ usage: [1] })).toBeUndefined()
    expect(usageOf([{ usage: {} }])).toBeUndefined()
  })
})
