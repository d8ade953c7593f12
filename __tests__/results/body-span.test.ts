import { describe, expect, it } from '@jest/globals'
import { bodySpanFromLayout, countKeys } from '../../src/results/body-span.js'

/** The span's bytes, when the walk gives one. */
function spanText(line: string): string | undefined {
  const bytes = Buffer.from(line)
  const span = bodySpanFromLayout(bytes)
  return span && bytes.toString('utf8', span.start, span.start + span.length)
}

const body = {
  id: 'chatcmpl-1',
  choices: [{ index: 0, message: { role: 'assistant', content: 'a "quoted"\nline\t\\ é 🙂' } }],
  usage: { prompt_tokens: 12, completion_tokens: 3, total_tokens: 15, cost: 0.25 },
  flags: [true, false, null, -1, 1e-7]
}

const lineOf = (response: string, before = '"id":"batch_req_1","custom_id":"a",'): string =>
  `{${before}"response":${response},"error":null}`

describe('bodySpanFromLayout', () => {
  it('finds the body of the usual layout, byte for byte what JSON.stringify writes', () => {
    const line = lineOf(`{"status_code":200,"request_id":"req_1","body":${JSON.stringify(body)}}`)
    const bytes = Buffer.from(line)
    const span = bodySpanFromLayout(bytes)
    expect(span).toBeDefined()
    expect(bytes.subarray(span!.start, span!.start + span!.length).toString()).toBe(
      JSON.stringify(body)
    )
    expect(span!.keys).toBe(countKeys(body))
  })

  it('finds it with the members in another order, and bodies that are not objects', () => {
    expect(spanText(`{"response":{"body":[1,"x"],"status_code":200},"custom_id":"a"}`)).toBe(
      '[1,"x"]'
    )
    expect(spanText(lineOf('{"body":"plain text"}'))).toBe('"plain text"')
    expect(spanText(lineOf('{"body":{}}'))).toBe('{}')
    // The key "body" elsewhere is not the response's body.
    expect(spanText(`{"body":{"x":1},"response":{"status_code":200,"body":{"y":2}}}`)).toBe(
      '{"y":2}'
    )
    expect(
      spanText(lineOf('{"status_code":200,"request_id":"req_\\"body\\":1","body":{"z":3}}'))
    ).toBe('{"z":3}')
  })

  it('gives up where copying the bytes would not be what JSON.stringify writes', () => {
    const bodies = [
      '{"a": 1}', // a space between tokens
      '{"a":1.0}', // a number JSON.stringify writes as 1
      '{"a":1e3}',
      '{"a":-0}',
      '{"a":"\\/"}', // an escape JSON.stringify does not use
      '{"a":"\\u00e9"}',
      '{"a":"\\u001F"}', // upper-case hex
      '{"a":"\\u000a"}', // \n has a short form
      '{"2":1,"1":2}' // integer-like keys, which objects list first
    ]
    for (const text of bodies) {
      expect(spanText(lineOf(`{"status_code":200,"body":${text}}`))).toBeUndefined()
      // The walk's reason holds: JSON.stringify would write other bytes.
      expect(JSON.stringify(JSON.parse(text))).not.toBe(text)
    }
  })

  it('keeps the escapes JSON.stringify writes', () => {
    const text = JSON.stringify({ a: 'tab\t nl\n cr\r bs\\ q" bell\u0007 \u001f' })
    expect(spanText(lineOf(`{"body":${text}}`))).toBe(text)
  })

  it('gives up on lines where the body is not plain to find', () => {
    // Spaces in the layout, a repeated or escaped key, no body, a response that is not an object.
    expect(spanText(`{"custom_id":"a", "response":{"body":{}}}`)).toBeUndefined()
    expect(spanText(`{"response":{"body":{"a":1}},"response":{"body":{"b":2}}}`)).toBeUndefined()
    expect(spanText(`{"response":{"body":{"a":1},"body":{"b":2}}}`)).toBeUndefined()
    expect(spanText(`{"response":{"body":{"a":1},"bo\\u0064y":{"b":2}}}`)).toBeUndefined()
    expect(spanText(`{"response":{"status_code":200},"error":null}`)).toBeUndefined()
    expect(spanText(`{"response":null,"error":{"message":"x"}}`)).toBeUndefined()
    expect(spanText(`[1,2]`)).toBeUndefined()
  })

  it('counts the keys of repeated members, which the parse keeps once', () => {
    const text = '{"a":1,"b":{"c":2},"a":3}'
    const span = bodySpanFromLayout(Buffer.from(lineOf(`{"body":${text}}`)))
    expect(span?.keys).toBe(4)
    expect(countKeys(JSON.parse(text))).toBe(3)
  })

  it('agrees with JSON.stringify on generated bodies', () => {
    let seed = 1
    const random = (): number => {
      seed = (seed * 16807) % 2147483647
      return seed / 2147483647
    }
    const strings = ['plain', 'é', '"q"', 'a\\b', 'new\nline', '\u0001', '🙂', '']
    const numbers = ['0', '7', '-3', '0.5', '1.50', '1e2', '12345678901234567890', '-0.0']
    const value = (depth: number): string => {
      const pick = random()
      if (depth > 2 || pick < 0.3)
        return random() < 0.5
          ? (numbers[Math.floor(random() * numbers.length)] as string)
          : JSON.stringify(strings[Math.floor(random() * strings.length)])
      if (pick < 0.6) return `[${[value(depth + 1), value(depth + 1)].join(',')}]`
      const keys = ['k', 'id', 'k', '3', 'm']
      const members = [0, 1, 2].map(
        () => `${JSON.stringify(keys[Math.floor(random() * keys.length)])}:${value(depth + 1)}`
      )
      return `{${members.join(',')}}`
    }
    let copied = 0
    for (let i = 0; i < 2000; i++) {
      const text = value(0)
      const line = lineOf(`{"status_code":200,"body":${text}}`)
      const bytes = Buffer.from(line)
      const span = bodySpanFromLayout(bytes)
      const parsed: unknown = (JSON.parse(line) as { response: { body: unknown } }).response.body
      if (span === undefined || span.keys !== countKeys(parsed)) continue
      copied++
      expect(bytes.toString('utf8', span.start, span.start + span.length)).toBe(
        JSON.stringify(parsed)
      )
    }
    expect(copied).toBeGreaterThan(100)
  })
})
