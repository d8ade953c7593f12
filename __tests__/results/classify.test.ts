import { describe, expect, it } from '@jest/globals'
import { classify } from '../../src/results/classify.js'
import type { ResultLine } from '../../src/results/schemas.js'
import { addUsage, usageOf } from '../../src/results/usage.js'

const line = (fields: Partial<ResultLine>): ResultLine => ({ custom_id: 'r1', ...fields })

describe('classify', () => {
  it('takes a 2xx response of the output file as a success, with its body', () => {
    expect(classify(line({ response: { status_code: 200, body: { a: 1 } } }), false)).toEqual({
      status: 'ok',
      body: { a: 1 }
    })
  })

  it('takes every line of the error file as a failure, with the message of its body', () => {
    const result = line({ response: { status_code: 200, body: { error: { message: 'm' } } } })
    expect(classify(result, true)).toEqual({
      status: 'error',
      error: { message: 'm', status_code: 200 }
    })
    expect(classify(line({ response: { body: null } }), true)).toEqual({
      status: 'error',
      error: { message: 'request failed (listed in the error file)' }
    })
  })

  it('prefers the line error, then the body error, then the status', () => {
    expect(
      classify(
        line({
          error: { code: 42, message: '' },
          response: { status_code: 500, body: { error: { message: 'body', code: 'c' } } }
        }),
        false
      )
    ).toEqual({ status: 'error', error: { code: '42', message: 'body', status_code: 500 } })
    expect(classify(line({ response: { status_code: 503, body: 'busy ' } }), false)).toEqual({
      status: 'error',
      error: { message: 'busy', status_code: 503 }
    })
    expect(classify(line({ response: { status_code: 404, body: {} } }), false)).toEqual({
      status: 'error',
      error: { message: 'HTTP 404', status_code: 404 }
    })
    expect(classify(line({}), false)).toEqual({
      status: 'error',
      error: { message: 'the result has neither a response nor an error' }
    })
  })
})

describe('usageOf and addUsage', () => {
  it('reads chat and responses usage, with the total from its parts when absent', () => {
    expect(usageOf({ usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 9 } })).toEqual(
      { prompt: 3, completion: 4, total: 9 }
    )
    expect(usageOf({ usage: { input_tokens: 5, output_tokens: 6 } })).toEqual({
      prompt: 5,
      completion: 6,
      total: 11
    })
    expect(usageOf({ usage: { prompt_tokens: 'x', completion_tokens: null } })).toEqual({
      prompt: 0,
      completion: 0,
      total: 0
    })
    expect(usageOf({ usage: [1] })).toBeUndefined()
    expect(usageOf('text')).toBeUndefined()
  })

  it('sums usage into a running total', () => {
    const sum = { prompt: 1, completion: 2, total: 3 }
    addUsage(sum, { prompt: 10, completion: 20, total: 30 })
    addUsage(sum, { prompt: 100, completion: 200, total: 300 })
    expect(sum).toEqual({ prompt: 111, completion: 222, total: 333 })
  })
})
