// Requests files for the JSONL validator, reusable by any test: malformed files with the
// exact line numbers of the problems expected (0 = file-level), and valid edge cases.
// Defaults: endpoint DEFAULT_ENDPOINT, base URL DEFAULT_BASE_URL (Nebius AI Studio).

export const DEFAULT_ENDPOINT = '/v1/chat/completions'
export const DEFAULT_BASE_URL = 'https://api.studio.nebius.com/v1/'
export const OPENAI_BASE_URL = 'https://api.openai.com/v1'
export const MODEL = 'meta-llama/Llama-3.3-70B-Instruct'

export interface JsonlCase {
  name: string
  content: string | Buffer
  endpoint?: string
  baseUrl?: string
  maxRequests?: number
  maxFileBytes?: number
  /** Exact problem line numbers, in the order reported (file-level, line 0, first). */
  expectedLines: number[]
  /** When given, problem i's message must match messages[i]. */
  messages?: RegExp[]
}

export interface ValidCase {
  name: string
  content: string | Buffer
  endpoint?: string
  baseUrl?: string
  maxRequests?: number
  maxFileBytes?: number
  requests: number
  model: string
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/** A valid request object for the endpoint; `patch` replaces or (with undefined) deletes fields. */
export function request(
  id: string,
  options: { endpoint?: string; model?: string; body?: Record<string, Json | undefined> } = {}
): Record<string, Json> {
  const endpoint = options.endpoint ?? DEFAULT_ENDPOINT
  const base: Record<string, Json> = { model: options.model ?? MODEL }
  if (endpoint === '/v1/chat/completions') base.messages = [{ role: 'user', content: `Say ${id}` }]
  else if (endpoint === '/v1/embeddings') base.input = `text ${id}`
  else if (endpoint === '/v1/completions') base.prompt = `Once upon a time ${id}`
  else if (endpoint === '/v1/responses') base.input = `Tell me about ${id}`
  else base.input = `input ${id}`
  for (const [key, value] of Object.entries(options.body ?? {})) {
    if (value === undefined) delete base[key]
    else base[key] = value
  }
  return { custom_id: id, method: 'POST', url: endpoint, body: base }
}

/** One JSON line for a request, with top-level fields replaced or (undefined) deleted. */
export function line(
  id: string,
  top: Record<string, Json | undefined> = {},
  options: Parameters<typeof request>[1] = {}
): string {
  const value = request(id, options)
  for (const [key, v] of Object.entries(top)) {
    if (v === undefined) delete value[key]
    else value[key] = v
  }
  return JSON.stringify(value)
}

const bodyLine = (id: string, body: Record<string, Json | undefined>, endpoint?: string) =>
  line(id, {}, { endpoint, body })

/** Lines joined with '\n' and a final newline. */
export function file(...lines: string[]): string {
  return lines.join('\n') + '\n'
}

const ok = (n: number, endpoint?: string) =>
  Array.from({ length: n }, (_, i) => line(`req-${i + 1}`, {}, { endpoint }))

const BOM = Buffer.from([0xef, 0xbb, 0xbf])

export const malformedCases: JsonlCase[] = [
  {
    name: 'bad JSON (a line cut short)',
    content: file(line('a'), line('b').slice(0, -5), line('c')),
    expectedLines: [2],
    messages: [/not valid JSON/]
  },
  {
    name: 'a JSON string instead of an object',
    content: file('"hello"', line('b')),
    expectedLines: [1],
    messages: [/must be a JSON object.*found a string/]
  },
  {
    name: 'an array line',
    content: file(line('a'), JSON.stringify([request('b')]), line('c')),
    expectedLines: [2],
    messages: [/found an array/]
  },
  {
    name: 'a null line',
    content: file('null', line('b')),
    expectedLines: [1],
    messages: [/found null/]
  },
  {
    name: 'a JSON array file instead of JSONL',
    content: `[\n${line('a')},\n${line('b')}\n]\n`,
    expectedLines: [1, 2, 4],
    messages: [
      /looks like a JSON array/,
      /remove the comma at the end of the line/,
      /not valid JSON/
    ]
  },
  {
    name: 'trailing text after the object',
    content: file(`${line('a')} x`, line('b')),
    expectedLines: [1],
    messages: [/not valid JSON/]
  },
  { name: 'two objects on one line', content: file(line('a') + line('b')), expectedLines: [1] },
  {
    name: 'missing custom_id',
    content: file(line('a', { custom_id: undefined }), line('b')),
    expectedLines: [1],
    messages: [/^custom_id is missing$/]
  },
  {
    name: 'empty custom_id',
    content: file(line('a'), line('b', { custom_id: '' })),
    expectedLines: [2],
    messages: [/custom_id must not be empty/]
  },
  {
    name: 'numeric custom_id',
    content: file(line('a', { custom_id: 7 })),
    expectedLines: [1],
    messages: [/custom_id must be a string, found an integer/]
  },
  {
    name: 'duplicate custom_id names both lines',
    content: file(line('x'), line('y'), line('a'), line('z'), line('w'), line('v'), line('a')),
    expectedLines: [7],
    messages: [/^custom_id "a" repeats line 3$/]
  },
  {
    name: 'wrong method',
    content: file(line('a', { method: 'GET' })),
    expectedLines: [1],
    messages: [/method must be "POST", found "GET"/]
  },
  {
    name: 'lower-case method',
    content: file(line('a'), line('b', { method: 'post' })),
    expectedLines: [2]
  },
  {
    name: 'missing method',
    content: file(line('a', { method: undefined })),
    expectedLines: [1],
    messages: [/method is missing/]
  },
  {
    name: 'url differs from the endpoint',
    content: file(line('a'), line('b', { url: '/v1/embeddings' })),
    expectedLines: [2],
    messages: [/url "\/v1\/embeddings" differs from the endpoint "\/v1\/chat\/completions"/]
  },
  {
    name: 'url without /v1',
    content: file(line('a', { url: '/chat/completions' })),
    expectedLines: [1]
  },
  {
    name: 'missing url',
    content: file(line('a', { url: undefined })),
    expectedLines: [1],
    messages: [/url is missing/]
  },
  {
    name: 'missing body',
    content: file(line('a', { body: undefined })),
    expectedLines: [1],
    messages: [/body is missing/]
  },
  {
    name: 'body is a string',
    content: file(line('a'), line('b', { body: '{"model":"m"}' })),
    expectedLines: [2],
    messages: [/body must be an object, found a string/]
  },
  { name: 'body is an array', content: file(line('a', { body: [] })), expectedLines: [1] },
  {
    name: 'missing model',
    content: file(bodyLine('a', { model: undefined })),
    expectedLines: [1],
    messages: [/body\.model is missing/]
  },
  {
    name: 'empty model',
    content: file(line('a'), bodyLine('b', { model: '' })),
    expectedLines: [2],
    messages: [/body\.model must not be empty/]
  },
  { name: 'model is a number', content: file(bodyLine('a', { model: 4 })), expectedLines: [1] },
  {
    name: 'mixed models: the first line of each other model',
    content: file(
      ...ok(8),
      line('b1', {}, { model: 'b' }),
      line('b2', {}, { model: 'b' }),
      line('c1', {}, { model: 'c' }),
      line('a9')
    ),
    expectedLines: [9, 11],
    messages: [
      /^model "b" differs from "meta-llama\/Llama-3.3-70B-Instruct" on line 1; a batch takes one model \(1 more line after this one uses "b"\)$/,
      /^model "c" differs from .* on line 1; a batch takes one model$/
    ]
  },
  {
    name: 'chat without messages',
    content: file(bodyLine('a', { messages: undefined })),
    expectedLines: [1],
    messages: [/body\.messages is missing/]
  },
  {
    name: 'chat with empty messages',
    content: file(line('a'), bodyLine('b', { messages: [] })),
    expectedLines: [2],
    messages: [/body\.messages must not be empty/]
  },
  {
    name: 'a message without role',
    content: file(
      line('a'),
      bodyLine('b', { messages: [{ role: 'system', content: 's' }, { content: 'hi' }] })
    ),
    expectedLines: [2],
    messages: [/body\.messages\[1\]\.role is missing/]
  },
  {
    name: 'a message that is a string',
    content: file(bodyLine('a', { messages: ['hi'] })),
    expectedLines: [1],
    messages: [/body\.messages\[0\] must be an object, found a string/]
  },
  {
    name: 'embeddings without input',
    endpoint: '/v1/embeddings',
    content: file(bodyLine('a', { input: undefined }, '/v1/embeddings')),
    expectedLines: [1],
    messages: [/body\.input is missing/]
  },
  {
    name: 'embeddings with an empty or mixed input',
    endpoint: '/v1/embeddings',
    content: file(
      bodyLine('a', { input: [] }, '/v1/embeddings'),
      bodyLine('b', { input: '' }, '/v1/embeddings'),
      bodyLine('c', { input: [1, 'x'] }, '/v1/embeddings'),
      bodyLine('d', { input: [[]] }, '/v1/embeddings'),
      bodyLine('e', { input: ['ok'] }, '/v1/embeddings'),
      bodyLine('f', { input: [1.5] }, '/v1/embeddings')
    ),
    expectedLines: [1, 2, 3, 4, 6]
  },
  {
    name: 'completions without prompt',
    endpoint: '/v1/completions',
    baseUrl: OPENAI_BASE_URL,
    content: file(bodyLine('a', { prompt: undefined }, '/v1/completions')),
    expectedLines: [1],
    messages: [/body\.prompt is missing/]
  },
  {
    name: 'responses without input',
    endpoint: '/v1/responses',
    baseUrl: OPENAI_BASE_URL,
    content: file(
      bodyLine('a', {}, '/v1/responses'),
      bodyLine('b', { input: undefined }, '/v1/responses')
    ),
    expectedLines: [2],
    messages: [/body\.input is missing/]
  },
  {
    name: 'a blank line in the middle',
    content: `${line('a')}\n\n${line('b')}\n`,
    expectedLines: [2],
    messages: [/blank line/]
  },
  {
    name: 'a line of spaces and tabs',
    content: file(line('a'), line('b'), ' \t ', line('c')),
    expectedLines: [3]
  },
  {
    name: 'two newlines at the end',
    content: `${line('a')}\n${line('b')}\n\n`,
    expectedLines: [3]
  },
  {
    name: 'a blank CRLF line',
    content: `${line('a')}\r\n\r\n${line('b')}\r\n`,
    expectedLines: [2]
  },
  {
    name: 'a UTF-8 byte order mark',
    content: Buffer.concat([BOM, Buffer.from(file(line('a'), line('b')))]),
    expectedLines: [1],
    messages: [/remove the byte order mark/]
  },
  {
    name: 'a byte order mark and another problem on line 1',
    content: Buffer.concat([BOM, Buffer.from(file(line('a', { method: 'GET' })))]),
    expectedLines: [1],
    messages: [/byte order mark.*, method must be "POST"/]
  },
  {
    name: 'a byte order mark in the middle (joined files)',
    content: Buffer.concat([
      Buffer.from(file(line('a'), line('b'))),
      BOM,
      Buffer.from(file(line('c')))
    ]),
    expectedLines: [3],
    messages: [/starts with a byte order mark/]
  },
  {
    name: 'a UTF-16 file',
    content: Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(file(line('a'), line('b')), 'utf16le')
    ]),
    expectedLines: [1],
    messages: [/UTF-16/]
  },
  {
    name: 'invalid UTF-8 in a line',
    content: Buffer.concat([
      Buffer.from(`${line('a')}\n{"custom_id":"b","x":"`),
      Buffer.from([0xc3, 0x28]),
      Buffer.from(`"}\n${line('c')}\n`)
    ]),
    expectedLines: [2],
    messages: [/not valid UTF-8 \(byte 23 of the line is 0xc3\)/]
  },
  {
    name: 'invalid UTF-8 on a last line without newline',
    content: Buffer.concat([
      Buffer.from(`${line('a')}\n${line('b')}\n`),
      Buffer.from([0xff, 0xfe, 0x7b])
    ]),
    expectedLines: [3]
  },
  {
    name: 'an encoded surrogate (CESU-8) in a string',
    content: Buffer.concat([
      Buffer.from('{"custom_id":"a'),
      Buffer.from([0xed, 0xa0, 0x80]),
      Buffer.from('"}\n')
    ]),
    expectedLines: [1],
    messages: [/not valid UTF-8/]
  },
  { name: 'an empty file', content: '', expectedLines: [0], messages: [/no requests/] },
  { name: 'only a newline', content: '\n', expectedLines: [0, 1] },
  {
    name: 'too many requests for max-requests',
    maxRequests: 3,
    content: file(...ok(5)),
    expectedLines: [4],
    messages: [/the file has 5 requests, more than max-requests \(3\)/]
  },
  {
    name: 'too large for max-file-size',
    maxFileBytes: 100,
    content: file(...ok(2)),
    expectedLines: [0],
    messages: [/the file is .* more than max-file-size, 100 B/]
  },
  {
    name: 'an endpoint Nebius does not offer',
    endpoint: '/v1/completions',
    content: file(bodyLine('a', {}, '/v1/completions')),
    expectedLines: [0],
    messages: [/Nebius AI Studio does not offer the endpoint "\/v1\/completions"/]
  },
  {
    name: 'an endpoint OpenAI does not offer',
    endpoint: '/v1/chat',
    baseUrl: OPENAI_BASE_URL,
    content: file(line('a', { url: '/v1/chat' })),
    expectedLines: [0],
    messages: [/OpenAI does not offer/]
  },
  {
    name: 'endpoint and size problems together',
    endpoint: '/v1/responses',
    maxFileBytes: 10,
    content: file(bodyLine('a', {}, '/v1/responses')),
    expectedLines: [0, 0]
  },
  {
    name: 'several problems in one file',
    content: file(
      line('a'),
      line('b', { method: 'GET', url: '/x' }),
      line('c'),
      line('a'),
      '{oops',
      line('d'),
      line('e', {}, { model: 'other' }),
      ''
    ),
    expectedLines: [2, 4, 5, 7, 8],
    messages: [
      /method must be "POST", found "GET", url "\/x" differs/,
      /repeats line 1/,
      /not valid JSON/,
      /differs from/,
      /blank line/
    ]
  },
  {
    name: 'a duplicate of an invalid line still counts',
    content: file(line('a', { method: 'GET' }), line('a')),
    expectedLines: [1, 2],
    messages: [/method/, /custom_id "a" repeats line 1/]
  }
]

function nested(depth: number): Json {
  let value: Json = { leaf: true }
  for (let i = 0; i < depth; i++) value = { level: i, child: value, list: [i, [i]] }
  return value
}

export const validCases: ValidCase[] = [
  {
    name: 'a single request without final newline',
    content: line('only'),
    requests: 1,
    model: MODEL
  },
  {
    name: 'a single request with final newline',
    content: file(line('only')),
    requests: 1,
    model: MODEL
  },
  {
    name: 'unicode and emoji',
    content: file(
      line(
        '🙂-1',
        {},
        {
          body: {
            messages: [{ role: 'user', content: '日本語のテキスト، مرحبا, Ελληνικά, 👩‍👩‍👧‍👦 e\u0301' }]
          }
        }
      ),
      line(
        'zero\u200bwidth',
        {},
        { body: { messages: [{ role: 'user', content: '\u0000\u001f "quoted" \\ \ud83d\ude00' }] } }
      ),
      // A lone surrogate, escaped as JSON.stringify writes it: valid UTF-8, valid JSON.
      line('lone', {}, { body: { messages: [{ role: 'user', content: 'x\ud800y' }] } }),
      line('ключ', {}, { model: MODEL })
    ),
    requests: 4,
    model: MODEL
  },
  {
    name: 'a line of several MB',
    content: file(
      line('small-1'),
      line(
        'big',
        {},
        { body: { messages: [{ role: 'user', content: 'é🙂abc'.repeat(500_000) }] } }
      ),
      line('small-2')
    ),
    requests: 3,
    model: MODEL
  },
  { name: 'CRLF line endings', content: ok(4).join('\r\n') + '\r\n', requests: 4, model: MODEL },
  { name: 'CRLF without a final newline', content: ok(3).join('\r\n'), requests: 3, model: MODEL },
  {
    name: 'large and odd numbers',
    content: file(
      // Written as text: integers past 2^53, exponents, negative zero.
      line('n1', {}, { body: { max_tokens: 0, temperature: 0, seed: 0 } })
        .replace('"max_tokens":0', '"max_tokens":12345678901234567890123')
        .replace('"temperature":0', '"temperature":1E-300')
        .replace('"seed":0', '"seed":-0.0e+0'),
      line('n2', {}, { body: { top_p: 1.7976931348623157e308, logit_bias: { '50256': -100 } } })
    ),
    requests: 2,
    model: MODEL
  },
  {
    name: 'a deeply nested body',
    content: file(line('deep', {}, { body: { metadata: nested(200) } }), line('flat')),
    requests: 2,
    model: MODEL
  },
  {
    name: 'spaces and tabs around the JSON, keys in another order',
    content: file(
      ` \t${line('a')}  `,
      JSON.stringify({
        body: request('b').body,
        url: DEFAULT_ENDPOINT,
        custom_id: 'b',
        method: 'POST'
      })
    ),
    requests: 2,
    model: MODEL
  },
  {
    name: 'extra fields at the top and in the body, any role',
    content: file(
      line(
        'a',
        { extra: { note: 1 } },
        { body: { response_format: { type: 'json_object' }, tools: [] } }
      ),
      line(
        'b',
        {},
        {
          body: {
            messages: [{ role: 'tool', content: null, tool_call_id: 'x' }, { role: 'assistant' }]
          }
        }
      )
    ),
    requests: 2,
    model: MODEL
  },
  {
    name: 'custom_ids that look like object keys',
    content: file(line('__proto__'), line('constructor'), line('hasOwnProperty'), line('toString')),
    requests: 4,
    model: MODEL
  },
  {
    name: 'embeddings in every input form',
    endpoint: '/v1/embeddings',
    content: file(
      bodyLine('s', { input: 'text' }, '/v1/embeddings'),
      bodyLine('as', { input: ['a', 'b'] }, '/v1/embeddings'),
      bodyLine('t', { input: [1, 2, 3] }, '/v1/embeddings'),
      bodyLine('tt', { input: [[1, 2], [3]] }, '/v1/embeddings')
    ),
    requests: 4,
    model: MODEL
  },
  {
    name: 'completions on OpenAI',
    endpoint: '/v1/completions',
    baseUrl: OPENAI_BASE_URL,
    content: file(
      bodyLine('s', { model: 'gpt-3.5-turbo-instruct' }, '/v1/completions'),
      bodyLine('a', { model: 'gpt-3.5-turbo-instruct', prompt: ['x', 'y'] }, '/v1/completions'),
      bodyLine('t', { model: 'gpt-3.5-turbo-instruct', prompt: [1, 2] }, '/v1/completions')
    ),
    requests: 3,
    model: 'gpt-3.5-turbo-instruct'
  },
  {
    name: 'responses on OpenAI, with a stored prompt instead of input',
    endpoint: '/v1/responses',
    baseUrl: OPENAI_BASE_URL,
    content: file(
      bodyLine('s', { model: 'gpt-4.1' }, '/v1/responses'),
      bodyLine(
        'a',
        { model: 'gpt-4.1', input: [{ role: 'user', content: 'hi' }] },
        '/v1/responses'
      ),
      bodyLine(
        'p',
        { model: 'gpt-4.1', input: undefined, prompt: { id: 'pmpt_1', variables: { x: 'y' } } },
        '/v1/responses'
      )
    ),
    requests: 3,
    model: 'gpt-4.1'
  },
  {
    name: 'moderations on OpenAI (no body checks)',
    endpoint: '/v1/moderations',
    baseUrl: OPENAI_BASE_URL,
    content: file(bodyLine('m', { model: 'omni-moderation-latest' }, '/v1/moderations')),
    requests: 1,
    model: 'omni-moderation-latest'
  },
  {
    name: 'chat completions on the Token Factory host',
    baseUrl: 'https://api.tokenfactory.nebius.com/v1/',
    content: file(...ok(3)),
    requests: 3,
    model: MODEL
  },
  {
    name: 'any endpoint on an unknown host',
    endpoint: '/v1/rerank',
    baseUrl: 'http://localhost:8080/v1',
    content: file(bodyLine('r', { query: 'q', documents: ['a'] }, '/v1/rerank')),
    requests: 1,
    model: MODEL
  },
  {
    name: 'exactly at the limits',
    maxRequests: 3,
    maxFileBytes: Buffer.byteLength(file(...ok(3))),
    content: file(...ok(3)),
    requests: 3,
    model: MODEL
  }
]
