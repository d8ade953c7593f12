import { describe, expect, it } from '@jest/globals'
import { z } from 'zod'
import { describeError } from '../../src/results/warnings.js'

describe('describeError', () => {
  it('names the path of each zod issue, the line itself as (line), joined by semicolons', () => {
    const line = z.looseObject({
      custom_id: z.string(),
      response: z.object({ status_code: z.number() })
    })
    const result = line.safeParse({ custom_id: 7, response: { status_code: 'x' } })
    expect(describeError(result.error)).toBe(
      'custom_id: Invalid input: expected string, received number; ' +
        'response.status_code: Invalid input: expected number, received string'
    )
    expect(describeError(line.safeParse('text').error)).toBe(
      '(line): Invalid input: expected object, received string'
    )
  })

  it('gives the message of any other error, and the text of anything else thrown', () => {
    expect(describeError(new SyntaxError('Unexpected token'))).toBe('Unexpected token')
    expect(describeError('plain')).toBe('plain')
    expect(describeError(42)).toBe('42')
  })
})
