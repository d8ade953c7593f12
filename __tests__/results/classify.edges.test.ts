// classify on the edges of the result format, each answer compared whole (toStrictEqual: a key
// set to undefined is a key too).
import { describe, expect, it } from '@jest/globals'
import { classify } from '../../src/results/classify.js'
import type { ResultLine } from '../../src/results/schemas.js'

const line = (fields: Partial<ResultLine>): ResultLine => ({ custom_id: 'r1', ...fields })
const failed = (error: Record<string, unknown>) => ({ status: 'error', error })

describe('classify, on the edges', () => {
  it('takes the status codes 200 to 299 as successes, and 199 and 300 as failures', () => {
    for (const code of [200, 201, 299])
      expect(classify(line({ response: { status_code: code, body: 1 } }), false)).toStrictEqual({
        status: 'ok',
        body: 1
      })
    for (const code of [199, 300, 404])
      expect(classify(line({ response: { status_code: code, body: '' } }), false)).toStrictEqual(
        failed({ message: `HTTP ${code}`, status_code: code })
      )
    // No status code: a success, its missing body null.
    expect(classify(line({ response: {} as ResultLine['response'] }), false)).toStrictEqual({
      status: 'ok',
      body: null
    })
  })

  it('reads an error body given as text, trimmed and cut at 2,000 characters', () => {
    const at = (body: unknown) => classify(line({ response: { status_code: 500, body } }), false)
    expect(at('  upstream timed out \n')).toStrictEqual(
      failed({ message: 'upstream timed out', status_code: 500 })
    )
    expect(at(`  ${'e'.repeat(2500)}`)).toStrictEqual(
      failed({ message: 'e'.repeat(2000), status_code: 500 })
    )
    expect(at('   ')).toStrictEqual(failed({ message: 'HTTP 500', status_code: 500 }))
  })

  it('reads an error object, a text error, its type as the code, and nothing of a body it cannot read', () => {
    const at = (body: unknown) => classify(line({ response: { status_code: 429, body } }), false)
    expect(at({ error: 'slow down' })).toStrictEqual(
      failed({ message: 'slow down', status_code: 429 })
    )
    expect(at({ error: { message: 'm', type: 'rate_limit' } })).toStrictEqual(
      failed({ code: 'rate_limit', message: 'm', status_code: 429 })
    )
    expect(at({ error: { code: 42, type: 't' } })).toStrictEqual(
      failed({ code: '42', message: 'HTTP 429', status_code: 429 })
    )
    expect(at({ error: { code: null, message: '' } })).toStrictEqual(
      failed({ message: 'HTTP 429', status_code: 429 })
    )
    expect(at({ error: 7 })).toStrictEqual(failed({ message: 'HTTP 429', status_code: 429 }))
    expect(at({ detail: 'x' })).toStrictEqual(failed({ message: 'HTTP 429', status_code: 429 }))
    expect(at(null)).toStrictEqual(failed({ message: 'HTTP 429', status_code: 429 }))
  })

  it('gives a line error its code, else the body code, and a message in that order', () => {
    expect(classify(line({ error: { code: 'e1', message: 'broke' } }), true)).toStrictEqual(
      failed({ code: 'e1', message: 'broke' })
    )
    expect(classify(line({ error: { code: 5 } }), false)).toStrictEqual(
      failed({ code: '5', message: 'request failed' })
    )
    expect(
      classify(
        line({
          error: { message: null },
          response: { status_code: 502, body: { error: { code: 'bad_gateway' } } }
        }),
        false
      )
    ).toStrictEqual(failed({ code: 'bad_gateway', message: 'HTTP 502', status_code: 502 }))
    expect(classify(line({ error: {} }), false)).toStrictEqual(
      failed({ message: 'request failed' })
    )
  })

  it('says so when a line has neither a response nor an error', () => {
    expect(classify(line({}), false)).toStrictEqual(
      failed({ message: 'the result has neither a response nor an error' })
    )
    expect(classify(line({ response: null, error: null }), true)).toStrictEqual(
      failed({ message: 'the result has neither a response nor an error' })
    )
  })
})
