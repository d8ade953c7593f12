import { describe, expect, it } from '@jest/globals'
import {
  exceedsFailureLimit,
  parseFailureLimit,
  type FailureLimit
} from '../../src/lib/failure-limit.js'

describe('parseFailureLimit', () => {
  it.each<[string, FailureLimit]>([
    ['', { kind: 'none' }],
    ['  ', { kind: 'none' }],
    ['0', { kind: 'count', value: 0 }],
    ['5', { kind: 'count', value: 5 }],
    [' 12 ', { kind: 'count', value: 12 }],
    ['5%', { kind: 'percent', value: 5 }],
    ['0.5%', { kind: 'percent', value: 0.5 }],
    ['.5%', { kind: 'percent', value: 0.5 }],
    ['0.25%', { kind: 'percent', value: 0.25 }],
    ['.25%', { kind: 'percent', value: 0.25 }],
    ['5 %', { kind: 'percent', value: 5 }],
    ['100%', { kind: 'percent', value: 100 }],
    ['0%', { kind: 'percent', value: 0 }]
  ])('%j', (text, expected) => {
    expect(parseFailureLimit(text)).toEqual(expected)
  })

  // 20 digits: more than a number holds exactly, so not a count.
  it.each([
    'x',
    '-1',
    '5.5',
    '1e3',
    '%',
    '5%%',
    '101%',
    '-5%',
    '5 requests',
    'abc%',
    '99999999999999999999'
  ])('rejects %j', (text) => {
    expect(() => parseFailureLimit(text)).toThrow(
      `max-failed-requests must be a number or a percentage such as 5%, got ${JSON.stringify(text)}`
    )
  })
})

describe('exceedsFailureLimit', () => {
  it.each<[string, number, number, boolean]>([
    ['', 1000, 1000, false],
    ['0', 0, 10, false],
    ['0', 1, 10, true],
    ['5', 5, 100, false],
    ['5', 6, 100, true],
    // A count is requests, not a percentage: 6 of 1,000 is over 5 however many there are.
    ['5', 6, 1000, true],
    ['5', 5, 1000, false],
    ['5%', 5, 100, false],
    ['5%', 6, 100, true],
    ['0.5%', 5, 1000, false],
    ['0.5%', 6, 1000, true],
    ['0.7%', 70, 10_000, false],
    ['0.7%', 71, 10_000, true],
    ['10%', 3, 30, false],
    ['10%', 4, 30, true],
    ['0%', 0, 10, false],
    ['0%', 1, 10, true],
    ['100%', 10, 10, false],
    ['5%', 0, 0, false],
    // No requests counted: no rate to be over.
    ['5%', 3, 0, false]
  ])('limit %j, %i of %i failed -> %s', (text, failed, total, expected) => {
    expect(exceedsFailureLimit(parseFailureLimit(text), failed, total)).toBe(expected)
  })
})
