// The messages of validation, each function on its own: the file tests check them through whole
// files, where a wrong kind, a lost hint or an offset one byte off can hide behind a match on part
// of the text.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import type { z } from 'zod'
import { cases } from '../../__fixtures__/mutation-run.js'
import {
  describeIssue,
  describeJsonError,
  invalidUtf8Message,
  otherModelCountText,
  plural,
  preview
} from '../../src/validate/messages.js'

const ENDPOINT = '/v1/chat/completions'
const issue = (fields: Record<string, unknown>) => fields as unknown as z.core.$ZodIssue

describe('describeIssue', () => {
  it('names the kind found, for every JSON kind', () => {
    const found = (value: unknown) =>
      describeIssue(
        issue({ code: 'invalid_type', expected: 'string', path: ['custom_id'] }),
        { custom_id: value },
        ENDPOINT
      )
    expect(found({ a: 1 })).toBe('custom_id must be a string, found an object')
    expect(found([1])).toBe('custom_id must be a string, found an array')
    expect(found(true)).toBe('custom_id must be a string, found a boolean')
    expect(found(3)).toBe('custom_id must be a string, found an integer')
    expect(found(1.5)).toBe('custom_id must be a string, found a number')
    expect(found(null)).toBe('custom_id must be a string, found null')
    expect(found(undefined)).toBe('custom_id is missing')
  })

  it('says what a line that is not an object is', () => {
    for (const [root, kind] of [
      [[], 'an array'],
      ['text', 'a string'],
      [false, 'a boolean']
    ] as const) {
      expect(
        describeIssue(issue({ code: 'invalid_type', expected: 'object', path: [] }), root, ENDPOINT)
      ).toBe(`each line must be a JSON object with custom_id, method, url and body; found ${kind}`)
    }
  })

  it('finds nothing under null or a string on the way to the path', () => {
    const missing = issue({ code: 'invalid_type', expected: 'string', path: ['body', 'model'] })
    expect(describeIssue(missing, { body: null }, ENDPOINT)).toBe('body.model is missing')
    const under = issue({ code: 'invalid_type', expected: 'int', path: ['custom_id', 'length'] })
    expect(describeIssue(under, { custom_id: 'abc' }, ENDPOINT)).toBe('custom_id.length is missing')
  })

  it('writes array indexes in brackets', () => {
    const deep = issue({
      code: 'invalid_type',
      expected: 'string',
      path: ['body', 'messages', 0, 'role']
    })
    expect(describeIssue(deep, { body: { messages: [{ role: 1 }] } }, ENDPOINT)).toBe(
      'body.messages[0].role must be a string, found an integer'
    )
  })

  it('tells each kind of issue', () => {
    const root = { method: 'GET', url: '/v1/embeddings', body: { messages: [] } }
    expect(
      describeIssue(issue({ code: 'too_small', path: ['body', 'messages'] }), root, ENDPOINT)
    ).toBe('body.messages must not be empty')
    expect(
      describeIssue(
        issue({ code: 'invalid_value', values: ['POST'], path: ['method'] }),
        root,
        ENDPOINT
      )
    ).toBe('method must be "POST", found "GET"')
    expect(
      describeIssue(
        issue({ code: 'invalid_value', values: ['POST', 'PUT'], path: ['verb'] }),
        root,
        ENDPOINT
      )
    ).toBe('verb is missing')
    expect(
      describeIssue(
        issue({ code: 'invalid_value', values: [ENDPOINT], path: ['url'] }),
        root,
        ENDPOINT
      )
    ).toBe(`url "/v1/embeddings" differs from the endpoint "${ENDPOINT}"`)
    expect(
      describeIssue(
        issue({ code: 'invalid_value', values: [ENDPOINT], path: ['url'] }),
        {},
        ENDPOINT
      )
    ).toBe('url is missing')
    expect(
      describeIssue(
        issue({ code: 'invalid_union', message: 'must be a string or an array', path: ['body'] }),
        root,
        ENDPOINT
      )
    ).toBe('body must be a string or an array')
    expect(
      describeIssue(
        issue({ code: 'invalid_union', message: 'must be a string or an array', path: ['input'] }),
        root,
        ENDPOINT
      )
    ).toBe('input is missing')
    expect(
      describeIssue(issue({ code: 'custom', message: 'is odd', path: ['body'] }), root, ENDPOINT)
    ).toBe('body: is odd')
    expect(
      describeIssue(
        issue({ code: 'invalid_type', expected: 'tuple', path: ['body'] }),
        { body: 1 },
        ENDPOINT
      )
    ).toBe('body must be tuple, found an integer')
  })
})

describe('preview', () => {
  it('keeps a value of up to max characters whole, and cuts a longer one to max with an ellipsis', () => {
    expect(preview('x'.repeat(58))).toBe(`"${'x'.repeat(58)}"`)
    const cut = preview('x'.repeat(59))
    expect(cut).toBe(`"${'x'.repeat(58)}…`)
    expect(cut).toHaveLength(60)
    expect(preview({ a: 1 }, 4)).toBe('{"a…')
  })

  it('shows what JSON cannot write', () => {
    expect(preview(10n)).toBe('10')
    expect(preview(undefined)).toBe('undefined')
    const circular: Record<string, unknown> = {}
    circular['self'] = circular
    expect(preview(circular)).toBe('[object Object]')
  })
})

describe('describeJsonError', () => {
  const error = new SyntaxError('Unexpected end of JSON input')

  it('hints at a JSON array and at a comma at the end of the line', () => {
    for (const text of ['[', ' ] ']) {
      expect(describeJsonError(error, text)).toBe(
        'not valid JSON (Unexpected end of JSON input); the file looks like a JSON array, but a batch file is JSONL: one request object per line, no brackets'
      )
    }
    expect(describeJsonError(error, '{"a": 1}, ')).toBe(
      'not valid JSON (Unexpected end of JSON input); remove the comma at the end of the line (JSONL has no commas between lines)'
    )
    expect(describeJsonError(error, '{"a": ')).toBe('not valid JSON (Unexpected end of JSON input)')
    expect(describeJsonError('not an error', '{')).toBe('not valid JSON (not an error)')
  })

  it('cuts the parser message at 200 characters', () => {
    const long = new SyntaxError('m'.repeat(201))
    expect(describeJsonError(long, '{')).toBe(`not valid JSON (${'m'.repeat(199)}…)`)
    const fits = new SyntaxError('m'.repeat(200))
    expect(describeJsonError(fits, '{')).toBe(`not valid JSON (${'m'.repeat(200)})`)
  })
})

/** Where WHATWG decoding puts its first U+FFFD: the start of the first invalid sequence. */
function referenceOffset(bytes: Uint8Array): number {
  const text = new TextDecoder('utf-8').decode(bytes)
  const at = text.indexOf('\ufffd')
  return at < 0 ? -1 : new TextEncoder().encode(text.slice(0, at)).length
}

describe('invalidUtf8Message', () => {
  it.each([
    ['a byte no sequence starts with', [0x61, 0xff, 0x62], 2, 'ff'],
    ['a continuation byte alone', [0x80], 1, '80'],
    ['an overlong two-byte form', [0x61, 0xc0, 0xaf], 2, 'c0'],
    ['an overlong three-byte form', [0xe0, 0x80, 0xaf], 1, 'e0'],
    ['an overlong four-byte form', [0xf0, 0x80, 0x80, 0xaf], 1, 'f0'],
    ['a surrogate', [0x61, 0x62, 0xed, 0xa0, 0x80], 3, 'ed'],
    ['a code point over U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 1, 'f4'],
    ['a lead byte over 0xf4', [0xf5, 0x80, 0x80, 0x80], 1, 'f5'],
    ['a sequence cut by the end of the line', [0x61, 0xe2, 0x82], 2, 'e2'],
    ['a four-byte sequence cut short', [0xf0, 0x9f, 0x98], 1, 'f0'],
    ['a continuation replaced by ASCII', [0xc3, 0x41], 1, 'c3'],
    [
      'valid forms before the bad byte',
      [0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0xfe],
      10,
      'fe'
    ]
  ])('%s', (_name, bytes, byte, hex) => {
    expect(invalidUtf8Message(Uint8Array.from(bytes))).toBe(
      `not valid UTF-8 (byte ${byte} of the line is 0x${hex}); the file must be UTF-8`
    )
  })

  it('names no byte when it finds none bad', () => {
    expect(invalidUtf8Message(Uint8Array.from([0x61, 0xc3, 0xa9, 0xef, 0xbf, 0xbf]))).toBe(
      'not valid UTF-8; the file must be UTF-8'
    )
  })

  it('names the byte where a WHATWG decoder puts its first replacement character', () => {
    // Bytes near the edges of the UTF-8 ranges, so that sequences of every length, valid or not,
    // are common.
    const edgeByte = fc.constantFrom(
      0x00,
      0x41,
      0x7f,
      0x80,
      0x8f,
      0x90,
      0x9f,
      0xa0,
      0xbf,
      0xc0,
      0xc1,
      0xc2,
      0xdf,
      0xe0,
      0xe1,
      0xec,
      0xed,
      0xee,
      0xef,
      0xf0,
      0xf1,
      0xf3,
      0xf4,
      0xf5,
      0xff
    )
    fc.assert(
      fc.property(
        fc.array(fc.oneof(edgeByte, fc.integer({ min: 0, max: 255 })), { maxLength: 12 }),
        (list) => {
          const bytes = Uint8Array.from(list)
          // A genuine U+FFFD in the bytes (EF BF BD) would look like a replacement.
          fc.pre(!Buffer.from(bytes).includes(Buffer.from([0xef, 0xbf, 0xbd])))
          const at = referenceOffset(bytes)
          const message = invalidUtf8Message(bytes)
          if (at < 0) expect(message).toBe('not valid UTF-8; the file must be UTF-8')
          else
            expect(message).toBe(
              `not valid UTF-8 (byte ${at + 1} of the line is 0x${bytes[at]!.toString(16).padStart(2, '0')}); the file must be UTF-8`
            )
        }
      ),
      { numRuns: cases(5_000) }
    )
  })
})

describe('counts in messages', () => {
  it('says "line" for one and "lines" for more, "uses" for one and "use" for more', () => {
    expect(plural(1, 'request')).toBe('1 request')
    expect(plural(0, 'request')).toBe('0 requests')
    expect(plural(1200, 'request')).toBe('1,200 requests')
    expect(otherModelCountText('m2', 1)).toBe(' (1 more line after this one uses "m2")')
    expect(otherModelCountText('m2', 3)).toBe(' (3 more lines after this one use "m2")')
  })
})
