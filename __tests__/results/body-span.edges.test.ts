// The layout walk held to its two promises on lines built to reach each of its checks:
// - safe: a span it gives (with the key count of the parsed body) is byte for byte JSON.stringify of
//   the body JSON.parse finds, whatever the spacing, escapes, repeated or escaped keys;
// - useful: a line written the canonical way has its body found.
import { describe, expect, it } from '@jest/globals'
import { bodySpanFromLayout, countKeys } from '../../src/results/body-span.js'

/** The body's text by the walk's span, when the indexer would use it; undefined otherwise. */
function copied(line: string): string | undefined {
  const bytes = Buffer.from(line)
  const span = bodySpanFromLayout(bytes)
  if (span === undefined) return undefined
  const parsed = JSON.parse(line) as { response?: { body?: unknown } }
  if (span.keys !== countKeys(parsed.response?.body)) return undefined
  return bytes.toString('utf8', span.start, span.start + span.length)
}

/** The safe promise: any text copied is what JSON.stringify writes for the parsed body. */
function expectSafe(line: string): void {
  const text = copied(line)
  if (text === undefined) return
  const parsed = JSON.parse(line) as { response: { body: unknown } }
  expect([line, text]).toEqual([line, JSON.stringify(parsed.response.body)])
}

const inLine = (body: string): string =>
  `{"id":"b1","custom_id":"a","response":{"status_code":200,"request_id":"r","body":${body}},"error":null}`

const hex4 = (code: number): string => code.toString(16).padStart(4, '0')

/** Whether JSON.stringify writes `text` (a JSON text) as it is. */
const isCanonical = (text: string): boolean => JSON.stringify(JSON.parse(text)) === text

describe('bodySpanFromLayout on every escape', () => {
  // \u0000 to \u00ff in lower and upper case, and a few beyond: found exactly when JSON.stringify
  // writes the escape so (the control characters without a short form, in lower case).
  const codes = [...Array.from({ length: 0x100 }, (_, i) => i), 0x100, 0x1000, 0x7f, 0x2028, 0xfeff]
  const escapes = codes.flatMap((code) => {
    const lower = `\\u${hex4(code)}`
    return lower === lower.toUpperCase() ? [lower] : [lower, `\\u${hex4(code).toUpperCase()}`]
  })

  it.each([
    ['a string', (escape: string) => `"x${escape}y"`],
    ['a key', (escape: string) => `{"k${escape}":1}`],
    ['a string in an array', (escape: string) => `[1,"${escape}",2]`]
  ])('in %s', (_where, bodyOf) => {
    for (const escape of escapes) {
      const body = bodyOf(escape)
      const line = inLine(body)
      expectSafe(line)
      expect([body, copied(line) !== undefined]).toEqual([body, isCanonical(body)])
    }
  })

  it('keeps the short escapes JSON.stringify writes, and gives up on the one it does not', () => {
    for (const escape of ['\\"', '\\\\', '\\b', '\\f', '\\n', '\\r', '\\t']) {
      const body = `"a${escape}b"`
      expect([body, copied(inLine(body))]).toEqual([body, body])
    }
    expect(copied(inLine('"a\\/b"'))).toBeUndefined()
  })

  it('is not misled by what follows an escape', () => {
    // Text after an escape that looks like the digits of a \u escape, escapes in a row.
    for (const body of [
      '"\\/0010"',
      '"\\n0010"',
      '"\\u0010\\u0011"',
      '"\\\\u0010"',
      '"\\\\"',
      '"a\\\\"',
      '"\\"\\""',
      '"\\ud83d\\ude00"',
      '"\\ud800"',
      '"\\u0022"',
      '"\\u005c"'
    ]) {
      const line = inLine(body)
      expectSafe(line)
      if (isCanonical(body) && !body.includes('\\ud8'))
        expect([body, copied(line)]).toEqual([body, body])
    }
  })
})

describe('bodySpanFromLayout on keys', () => {
  it('gives up on integer-like keys, which objects list first, and only on them', () => {
    const cases: [string, boolean][] = [
      ['{"b":1,"0":2}', false],
      ['{"b":1,"9":2}', false],
      ['{"b":1,"1234567890":2}', false],
      ['{"b":1,"12345678901":2}', true],
      ['{"b":1,"1a":2}', true],
      ['{"b":1,"a1":2}', true],
      ['{"b":1,"/":2}', true],
      ['{"b":1,":":2}', true],
      ['{"":1}', true],
      ['{"b":{"c":1,"7":2}}', false]
    ]
    for (const [body, found] of cases) {
      const line = inLine(body)
      expectSafe(line)
      expect([body, copied(line) !== undefined]).toEqual([body, found])
    }
  })

  it('finds the body whatever the first key, and the other keys, are', () => {
    for (const line of [
      '{"a":1,"response":{"body":{"x":1}}}',
      '{"":"","response":{"":0,"body":{"x":1}}}',
      '{"ab":{"c":[]},"response":{"b":true,"body":{"x":1}}}',
      // Keys as long as "response" and "body" that are neither.
      '{"metadata":{"body":{"y":2}},"response":{"data":{"z":3},"body":{"x":1}}}',
      '{"response":{"bodies":{"z":3},"body":{"x":1},"bod":4}}'
    ]) {
      expect([line, copied(line)]).toEqual([line, '{"x":1}'])
    }
  })

  it('gives up on escaped, repeated or look-alike response and body keys', () => {
    const lines = [
      // JSON.parse keeps the last of repeated keys; an escaped key is the same key to it.
      '{"response":{"body":{"a":1}},"r\\u0065sponse":{"body":{"b":2}}}',
      '{"r\\u0065sponse":{"body":{"b":2}},"response":{"body":{"a":1}}}',
      '{"response":{"body":{"a":1},"b\\u006fdy":{"b":2}}}',
      '{"response":{"b\\u006fdy":{"b":2},"body":{"a":1}}}',
      '{"response":{"body":{"a":1}},"response":{"body":{"b":2}}}',
      '{"response":{"body":{"a":1},"body":{"b":2}}}',
      // Spaces before a comma: a walk that took them for the end would stop at the first.
      '{"response":{"body":{"a":1}} ,"response":{"body":{"b":2}}}',
      '{"response":{"body":{"a":1} ,"body":{"b":2}}}',
      '{"response":{"body":{"a":1}}}  ',
      '{"response":{},"custom_id":"a"}',
      '{"response":null}',
      '{"response":"body"}',
      '{"response":[{"body":1}]}'
    ]
    for (const line of lines) {
      expectSafe(line)
      const parsed = JSON.parse(line) as { response?: unknown }
      if (typeof parsed.response !== 'object' || parsed.response === null) continue
      // Each line above is one the walk leaves to the general search, but the trailing spaces.
      if (!line.endsWith(' ')) expect([line, copied(line)]).toEqual([line, undefined])
    }
  })
})

describe('bodySpanFromLayout on spacing', () => {
  /** The body with one space put at each place between its tokens (it has no escapes). */
  function spaced(body: string): string[] {
    const out: string[] = []
    let inString = false
    for (let i = 0; i < body.length; i++) {
      if (!inString && i > 0) out.push(body.slice(0, i) + ' ' + body.slice(i))
      if (body[i] === '"') inString = !inString
    }
    // A space inside a number or a literal is not JSON.
    return out.filter((variant) => {
      try {
        JSON.parse(variant)
        return true
      } catch {
        return false
      }
    })
  }

  it('gives up on a body with a space anywhere between its tokens', () => {
    const body = '{"a":[1,{"b":"c"},[true,null]],"d":{"e":-2.5},"f":[]}'
    expect(copied(inLine(body))).toBe(body)
    for (const variant of spaced(body)) {
      const line = inLine(variant)
      expectSafe(line)
      expect([variant, copied(line)]).toEqual([variant, undefined])
    }
  })

  it('is safe with a space anywhere in the layout around the body', () => {
    const line =
      '{"custom_id":"a","response":{"status_code":200,"body":{"x":[1,2]},"n":null},"e":0}'
    expect(copied(line)).toBe('{"x":[1,2]}')
    for (let i = 1; i < line.length; i++) {
      const variant = line.slice(0, i) + ' ' + line.slice(i)
      try {
        JSON.parse(variant)
      } catch {
        continue
      }
      expectSafe(variant)
    }
  })

  it('gives up on numbers JSON.stringify writes otherwise, and keeps those it writes so', () => {
    for (const number of ['0', '-1', '0.5', '1e+21', '1.5e-7', '123456789012345680000']) {
      const body = `[${number}]`
      expect([body, copied(inLine(body))]).toEqual([body, body])
    }
    for (const number of ['1.0', '-0', '1E3', '0.50', '1e21', '1e-7', '5e-324']) {
      const body = `[${number}]`
      const line = inLine(body)
      expectSafe(line)
      expect([body, copied(line)]).toEqual([body, isCanonical(body) ? body : undefined])
    }
  })
})
