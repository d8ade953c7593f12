import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { cases } from '../../__fixtures__/mutation-run.js'
import { fastShapeFor } from '../../src/validate/fast-shape.js'
import { CHECKED_ENDPOINTS, hasStoredPrompt, schemasFor } from '../../src/validate/schemas.js'

// What Validator.schemaIssues decides with zod alone: the line schema, or for a body that names
// a stored prompt the responses endpoint's alternative.
function zodAccepts(endpoint: string, parsed: unknown): boolean {
  const schemas = schemasFor(endpoint)
  if (schemas.line(parsed) === undefined) return true
  return (
    schemas.alternative !== undefined &&
    hasStoredPrompt(parsed) &&
    schemas.alternative(parsed) === undefined
  )
}

const UNCHECKED_ENDPOINT = '/v1/moderations'
const MODEL = 'qwen/Qwen3-32B'

type Json = ReturnType<typeof JSON.parse>

/** A valid body of each endpoint whose body is checked (and of one that is not). */
const VALID_BODIES: Readonly<Record<string, Json>> = {
  '/v1/chat/completions': { model: MODEL, messages: [{ role: 'user', content: 'Hi' }] },
  '/v1/embeddings': { model: MODEL, input: 'a text' },
  '/v1/completions': { model: MODEL, prompt: 'Once upon a time' },
  '/v1/responses': { model: MODEL, input: 'Hi' },
  [UNCHECKED_ENDPOINT]: { model: MODEL, input: 'x' }
}

const lineOf = (endpoint: string, body: Json = VALID_BODIES[endpoint]): Json => ({
  custom_id: 'request-1',
  method: 'POST',
  url: endpoint,
  body
})

/** A deep copy of `line` with the value at `path` replaced, or removed when `value` is `REMOVE`. */
const REMOVE = Symbol('remove')
function withValue(line: Json, path: readonly (string | number)[], value: unknown): Json {
  if (path.length === 0) return value === REMOVE ? {} : value
  const copy = structuredClone(line) as Json
  let at = copy
  for (const key of path.slice(0, -1)) {
    if (at === null || typeof at !== 'object') return copy
    at = at[key]
  }
  if (at === null || typeof at !== 'object') return copy
  const last = path[path.length - 1]!
  if (value === REMOVE) {
    if (Array.isArray(at) && typeof last === 'number') at.splice(last, 1)
    else delete at[last]
  } else at[last] = value
  return copy
}

function expectAgreement(endpoint: string, parsed: unknown, accepted: boolean): void {
  expect({ zod: zodAccepts(endpoint, parsed), fast: fastShapeFor(endpoint)(parsed) }).toEqual({
    zod: accepted,
    fast: accepted
  })
}

describe('fastShapeFor, the envelope', () => {
  const endpoint = '/v1/chat/completions'
  it.each([
    ['a valid line', [], lineOf(endpoint), true],
    ['extra keys on the line', ['extra'], { nested: [1] }, true],
    ['extra keys in the body', ['body', 'temperature'], 0.2, true],
    ['a one-character custom_id', ['custom_id'], 'x', true],
    ['an empty custom_id', ['custom_id'], '', false],
    ['a numeric custom_id', ['custom_id'], 42, false],
    ['a null custom_id', ['custom_id'], null, false],
    ['an array custom_id', ['custom_id'], ['request-1'], false],
    ['no custom_id', ['custom_id'], REMOVE, false],
    ['method "post"', ['method'], 'post', false],
    ['method "GET"', ['method'], 'GET', false],
    ['method null', ['method'], null, false],
    ['method ["POST"]', ['method'], ['POST'], false],
    ['no method', ['method'], REMOVE, false],
    ['another endpoint as url', ['url'], '/v1/embeddings', false],
    ['the url with a trailing slash', ['url'], `${endpoint}/`, false],
    ['an empty url', ['url'], '', false],
    ['no url', ['url'], REMOVE, false],
    ['a body array', ['body'], [], false],
    ['a body null', ['body'], null, false],
    ['a body string', ['body'], '{}', false],
    ['no body', ['body'], REMOVE, false],
    ['an empty model', ['body', 'model'], '', false],
    ['a numeric model', ['body', 'model'], 7, false],
    ['a null model', ['body', 'model'], null, false],
    ['a model array', ['body', 'model'], [MODEL], false],
    ['no model', ['body', 'model'], REMOVE, false]
  ])('%s', (_name, path, value, accepted) => {
    expectAgreement(endpoint, withValue(lineOf(endpoint), path, value), accepted)
  })

  it.each([
    ['null', null],
    ['an array', [lineOf(endpoint)]],
    ['a string', 'line'],
    ['a number', 1],
    ['an empty object', {}]
  ])('refuses a line that is %s', (_name, value) => {
    expectAgreement(endpoint, value, false)
  })
})

describe('fastShapeFor, the bodies', () => {
  const cases: Array<[string, string, Json, boolean]> = [
    ['/v1/chat/completions', 'messages', [{ role: 'user' }], true],
    ['/v1/chat/completions', 'messages', [{ role: '' }], true],
    ['/v1/chat/completions', 'messages', [{ role: 'user' }, { role: 1 }], false],
    ['/v1/chat/completions', 'messages', [{ role: null }], false],
    ['/v1/chat/completions', 'messages', [{}], false],
    ['/v1/chat/completions', 'messages', [[{ role: 'user' }]], false],
    ['/v1/chat/completions', 'messages', [null], false],
    ['/v1/chat/completions', 'messages', [], false],
    ['/v1/chat/completions', 'messages', { role: 'user' }, false],
    ['/v1/chat/completions', 'messages', null, false],
    ['/v1/embeddings', 'input', 'x', true],
    ['/v1/embeddings', 'input', '', false],
    ['/v1/embeddings', 'input', ['a', 'b'], true],
    ['/v1/embeddings', 'input', ['a', ''], false],
    ['/v1/embeddings', 'input', [], false],
    ['/v1/embeddings', 'input', [1, 2, -3, 0], true],
    ['/v1/embeddings', 'input', [1, 2.5], false],
    ['/v1/embeddings', 'input', [2 ** 53], false],
    ['/v1/embeddings', 'input', [Infinity], false],
    ['/v1/embeddings', 'input', [1, 'a'], false],
    ['/v1/embeddings', 'input', [[1], [2, 3]], true],
    ['/v1/embeddings', 'input', [[1], []], false],
    ['/v1/embeddings', 'input', [[1], ['a']], false],
    ['/v1/embeddings', 'input', null, false],
    ['/v1/embeddings', 'input', 3, false],
    ['/v1/completions', 'prompt', '', true],
    ['/v1/completions', 'prompt', null, true],
    ['/v1/completions', 'prompt', [], true],
    ['/v1/completions', 'prompt', ['', 'b'], true],
    ['/v1/completions', 'prompt', [1, 2], true],
    ['/v1/completions', 'prompt', [[1], [2]], true],
    ['/v1/completions', 'prompt', [[]], false],
    ['/v1/completions', 'prompt', ['a', 1], false],
    ['/v1/completions', 'prompt', [1.5], false],
    ['/v1/completions', 'prompt', [-(2 ** 53)], false],
    ['/v1/completions', 'prompt', { text: 'a' }, false],
    ['/v1/completions', 'prompt', 0, false],
    ['/v1/responses', 'input', '', true],
    ['/v1/responses', 'input', [], true],
    ['/v1/responses', 'input', [null, 1, { type: 'x' }], true],
    ['/v1/responses', 'input', null, false],
    ['/v1/responses', 'input', { role: 'user' }, false],
    ['/v1/responses', 'input', 1, false]
  ]
  it.each(cases)('%s with %s %j', (endpoint, field, value, accepted) => {
    expectAgreement(endpoint, withValue(lineOf(endpoint), ['body', field], value), accepted)
  })

  it.each(Object.keys(VALID_BODIES).filter((e) => e !== UNCHECKED_ENDPOINT))(
    '%s refuses a body without its field',
    (endpoint) => {
      const field = Object.keys(VALID_BODIES[endpoint]).find((k) => k !== 'model')!
      expectAgreement(endpoint, withValue(lineOf(endpoint), ['body', field], REMOVE), false)
    }
  )

  it('an endpoint without a body shape checks only the model', () => {
    const endpoint = UNCHECKED_ENDPOINT
    expectAgreement(endpoint, lineOf(endpoint, { model: MODEL }), true)
    expectAgreement(endpoint, lineOf(endpoint, { model: '' }), false)
  })
})

describe('fastShapeFor, the stored prompt of /v1/responses', () => {
  const endpoint = '/v1/responses'
  it.each([
    ['a prompt and no input', { model: MODEL, prompt: { id: 'pmpt_1' } }, true],
    ['a prompt with variables', { model: MODEL, prompt: { id: 'p', variables: {} } }, true],
    ['a prompt and an input', { model: MODEL, prompt: { id: 'p' }, input: 'Hi' }, true],
    ['a prompt and a bad input', { model: MODEL, prompt: { id: 'p' }, input: 1 }, false],
    ['a prompt and a null input', { model: MODEL, prompt: { id: 'p' }, input: null }, false],
    ['an empty prompt id', { model: MODEL, prompt: { id: '' } }, false],
    ['a numeric prompt id', { model: MODEL, prompt: { id: 1 } }, false],
    ['a prompt without id', { model: MODEL, prompt: {} }, false],
    ['a prompt string', { model: MODEL, prompt: 'p' }, false],
    ['a prompt array', { model: MODEL, prompt: [{ id: 'p' }] }, false],
    ['a null prompt', { model: MODEL, prompt: null }, false],
    ['a prompt and no model', { prompt: { id: 'p' } }, false],
    ['a prompt and an empty model', { model: '', prompt: { id: 'p' } }, false]
  ])('%s', (_name, body, accepted) => {
    expectAgreement(endpoint, lineOf(endpoint, body), accepted)
  })

  it('is not accepted on another endpoint', () => {
    const endpoint = '/v1/chat/completions'
    expectAgreement(endpoint, lineOf(endpoint, { model: MODEL, prompt: { id: 'p' } }), false)
  })
})

describe('the endpoints whose body zod checks', () => {
  it('each have their fast check (an unknown one would leave every line to zod)', () => {
    for (const endpoint of CHECKED_ENDPOINTS)
      expect({ endpoint, fast: fastShapeFor(endpoint)(lineOf(endpoint)) }).toEqual({
        endpoint,
        fast: true
      })
  })
})

// Generated lines near the valid ones: a valid line of an endpoint with one to four of its
// fields (at any depth) replaced by edge values or any JSON value, or removed.
const EDGE_VALUES: unknown[] = [
  '',
  'x',
  'POST',
  'post',
  MODEL,
  0,
  -1,
  1.5,
  2 ** 53,
  -(2 ** 53),
  Infinity,
  null,
  true,
  [],
  [''],
  ['a'],
  [1],
  [1, 'a'],
  [[1]],
  [[]],
  [null],
  {},
  { role: 'user' },
  { role: 1 },
  { id: '' },
  { id: 'p' },
  [{ role: 'user' }],
  [{}],
  REMOVE,
  ...CHECKED_ENDPOINTS,
  UNCHECKED_ENDPOINT
]

const PATHS: ReadonlyArray<readonly (string | number)[]> = [
  [],
  ['custom_id'],
  ['method'],
  ['url'],
  ['body'],
  ['body', 'model'],
  ['body', 'messages'],
  ['body', 'messages', 0],
  ['body', 'messages', 0, 'role'],
  ['body', 'messages', 1],
  ['body', 'input'],
  ['body', 'input', 0],
  ['body', 'input', 1],
  ['body', 'input', 0, 0],
  ['body', 'prompt'],
  ['body', 'prompt', 0],
  ['body', 'prompt', 'id'],
  ['body', 'extra']
]

/** Valid starting points: each endpoint's bodies, a few shapes each. */
const startArb = (endpoint: string) =>
  fc
    .constantFrom<Json>(
      VALID_BODIES[endpoint],
      { ...VALID_BODIES[endpoint], input: ['a', 'b'] },
      { ...VALID_BODIES[endpoint], input: [[1, 2], [3]] },
      { ...VALID_BODIES[endpoint], prompt: [[1], [2]] },
      { ...VALID_BODIES[endpoint], prompt: { id: 'p' } },
      { model: MODEL, prompt: { id: 'p' } },
      {
        ...VALID_BODIES[endpoint],
        messages: [{ role: 'system' }, { role: 'user', content: null }]
      }
    )
    .map((body) => lineOf(endpoint, body))

const mutationArb = fc.tuple(
  fc.constantFrom(...PATHS),
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...EDGE_VALUES) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) }
  )
)

const nearValidArb = fc
  .constantFrom(...CHECKED_ENDPOINTS, UNCHECKED_ENDPOINT)
  .chain((endpoint) =>
    fc.tuple(
      fc.constant(endpoint),
      startArb(endpoint),
      fc.array(mutationArb, { minLength: 0, maxLength: 4 })
    )
  )
  .map(([endpoint, start, mutations]) => ({
    endpoint,
    line: mutations.reduce<Json>((line, [path, value]) => withValue(line, path, value), start)
  }))

describe('generated near-valid lines', () => {
  it('the fast path never accepts a line zod refuses', () => {
    fc.assert(
      fc.property(nearValidArb, ({ endpoint, line }) => {
        if (fastShapeFor(endpoint)(line)) expect(zodAccepts(endpoint, line)).toBe(true)
      }),
      { numRuns: cases(10_000) }
    )
  })

  it('the fast path accepts every line zod accepts (zod runs only on bad lines)', () => {
    fc.assert(
      fc.property(nearValidArb, ({ endpoint, line }) => {
        if (zodAccepts(endpoint, line)) expect(fastShapeFor(endpoint)(line)).toBe(true)
      }),
      { numRuns: cases(10_000) }
    )
  })

  it('cover both answers on every endpoint', () => {
    const seen = new Set<string>()
    fc.assert(
      fc.property(nearValidArb, ({ endpoint, line }) => {
        seen.add(`${endpoint} ${zodAccepts(endpoint, line)}`)
      }),
      { numRuns: cases(2_000) }
    )
    for (const endpoint of [...CHECKED_ENDPOINTS, UNCHECKED_ENDPOINT]) {
      expect(seen).toContain(`${endpoint} true`)
      expect(seen).toContain(`${endpoint} false`)
    }
  })
})
