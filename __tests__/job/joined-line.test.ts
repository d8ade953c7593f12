// The lines of results.jsonl read back by the job: the id and status taken from the first bytes of
// a line the join wrote, and any other line parsed in full (or refused with the reason).
import { describe, expect, it } from '@jest/globals'
import { lineHead, parseJoinedLine } from '../../src/job/joined-line.js'

const bytes = (text: string): Buffer => Buffer.from(text)

describe('lineHead', () => {
  it('reads the id and the status from the head of a line the join wrote', () => {
    for (const status of ['ok', 'error', 'missing'] as const) {
      const line = `{"custom_id":"req-7","status":"${status}","response":{"x":1}}`
      expect(lineHead(bytes(line))).toEqual({ customId: 'req-7', status })
    }
    expect(lineHead(bytes('{"custom_id":"é","status":"ok"}'))).toEqual({
      customId: 'é',
      status: 'ok'
    })
  })

  it('does not parse the rest of such a line: its head is enough', () => {
    // What follows the status is never looked at, even when it is not JSON.
    expect(lineHead(bytes('{"custom_id":"a","status":"ok",not json'))).toEqual({
      customId: 'a',
      status: 'ok'
    })
    expect(lineHead(bytes('{"custom_id":"a","status":"missing"'))).toEqual({
      customId: 'a',
      status: 'missing'
    })
    // A backslash after the id belongs to the body, not to the id.
    expect(lineHead(bytes('{"custom_id":"a","status":"error","error":"\\'))).toEqual({
      customId: 'a',
      status: 'error'
    })
  })

  it('parses a line of any other form in full', () => {
    expect(lineHead(bytes('{"status":"ok","custom_id":"a"}'))).toEqual({
      customId: 'a',
      status: 'ok'
    })
    expect(
      lineHead(bytes('{"status":"error","custom_id":"b","error":{"message":"boom"}}'))
    ).toEqual({ customId: 'b', status: 'error' })
    expect(lineHead(bytes('{"status":"missing","custom_id":"c"}'))).toEqual({
      customId: 'c',
      status: 'missing'
    })
    // An escape in the id: JSON.parse decodes it.
    expect(lineHead(bytes('{"custom_id":"a\\"b","status":"ok"}'))).toEqual({
      customId: 'a"b',
      status: 'ok'
    })
    expect(lineHead(bytes('{"custom_id":"a\\\\","status":"ok"}'))).toEqual({
      customId: 'a\\',
      status: 'ok'
    })
    expect(lineHead(bytes('{"custom_id": "a", "status": "ok"}'))).toEqual({
      customId: 'a',
      status: 'ok'
    })
  })

  it('refuses a line whose head is cut short or whose status is none of the three', () => {
    for (const line of [
      '{"custom_id":"a',
      '{"custom_id":"a"',
      '{"custom_id":"a","status":"o',
      '{"custom_id":"a","status":"okay"}',
      '{"custom_id":"a","state":"ok"}',
      '{"custom_id":"a"}'
    ])
      expect(() => lineHead(bytes(line))).toThrow(/^not a line of results\.jsonl/)
  })
})

describe('parseJoinedLine', () => {
  it('says why a line is not one of results.jsonl', () => {
    expect(() => parseJoinedLine(bytes('{"custom_id":'))).toThrow(
      /^not a line of results\.jsonl \(.+\)$/
    )
    let thrown: unknown
    try {
      parseJoinedLine(bytes('nope'))
    } catch (error) {
      thrown = error
    }
    expect((thrown as Error).cause).toBeInstanceOf(SyntaxError)

    const needs = 'not a line of results.jsonl (it needs a custom_id and a status)'
    for (const line of [
      '[1]',
      'null',
      '{"custom_id":1,"status":"ok"}',
      '{"custom_id":"a","status":"done"}',
      '{"custom_id":"a"}'
    ])
      expect(() => parseJoinedLine(bytes(line))).toThrow(needs)

    const errorNeeds = 'not a line of results.jsonl (an error line needs an error with a message)'
    for (const error of ['', ',"error":"x"', ',"error":{}', ',"error":{"message":3}'])
      expect(() => parseJoinedLine(bytes(`{"custom_id":"a","status":"error"${error}}`))).toThrow(
        errorNeeds
      )
  })

  it('gives the line as it is', () => {
    expect(
      parseJoinedLine(
        bytes('{"custom_id":"a","status":"error","error":{"message":"m","code":"c"}}')
      )
    ).toEqual({ custom_id: 'a', status: 'error', error: { message: 'm', code: 'c' } })
    expect(parseJoinedLine(bytes('{"custom_id":"a","status":"ok","response":{"n":1}}'))).toEqual({
      custom_id: 'a',
      status: 'ok',
      response: { n: 1 }
    })
  })
})
