import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { Defaults, getInputs, InputError, isLoopbackHost } from '../../src/action/inputs.js'
import { parseBatchIds, parseCodeList } from '../../src/action/input-parsers.js'

const KEY = { NEBIUS_API_KEY: 'env-nebius-key' }

function inputs(values: Record<string, string>, env: NodeJS.ProcessEnv = KEY) {
  return getInputs((name) => values[name] ?? '', env)
}

function problemsOf(values: Record<string, string>, env: NodeJS.ProcessEnv = KEY): string[] {
  try {
    inputs(values, env)
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return (error as InputError).problems
  }
  throw new Error('expected an InputError')
}

describe('getInputs', () => {
  it('applies the defaults of action.yml', () => {
    const parsed = inputs({ file: 'requests.jsonl' })
    expect(parsed).toMatchObject({
      command: 'run',
      file: 'requests.jsonl',
      endpoint: '/v1/chat/completions',
      completionWindow: '24h',
      metadata: {},
      baseUrl: 'https://api.studio.nebius.com/v1/',
      wait: true,
      pollIntervalMs: 5000,
      maxPollIntervalMs: 60000,
      waitTimeoutMs: 5.5 * 3600 * 1000,
      onTimeout: 'leave',
      cancelOnAbort: true,
      listLimit: 20,
      validateOnly: false,
      maxRequests: undefined,
      maxFileBytes: undefined,
      download: true,
      resultsDir: 'batch-results',
      maxFailedRequests: { kind: 'none' },
      maxConsecutiveErrors: 10,
      maxAttempts: 5,
      requestTimeoutMs: 120000,
      allowInsecureHttp: false
    })
  })

  it('parses every input it is given', () => {
    const parsed = inputs({
      command: 'status',
      'batch-id': 'batch_abc',
      endpoint: '/v1/embeddings',
      'completion-window': '24h',
      metadata: 'suite=nightly\nowner = evals',
      'base-url': 'http://127.0.0.1:8080/v1',
      'api-key': 'input-key',
      wait: 'False',
      'poll-interval': '0.5',
      'max-poll-interval': '30',
      'wait-timeout': '1h30m',
      'on-timeout': 'cancel',
      'cancel-on-abort': 'false',
      'list-limit': '100',
      'max-requests': '1000',
      'max-file-size': '200MB',
      download: 'false',
      'results-dir': 'out',
      'max-failed-requests': '5%',
      'max-consecutive-errors': '3',
      'max-attempts': '2',
      'request-timeout': '30s'
    })
    expect(parsed).toMatchObject({
      command: 'status',
      batchId: 'batch_abc',
      endpoint: '/v1/embeddings',
      metadata: { suite: 'nightly', owner: 'evals' },
      baseUrl: 'http://127.0.0.1:8080/v1',
      apiKey: 'input-key',
      keySource: 'input',
      wait: false,
      pollIntervalMs: 500,
      maxPollIntervalMs: 30000,
      waitTimeoutMs: 5400000,
      onTimeout: 'cancel',
      cancelOnAbort: false,
      listLimit: 100,
      maxRequests: 1000,
      maxFileBytes: 200_000_000,
      download: false,
      resultsDir: 'out',
      maxFailedRequests: { kind: 'percent', value: 5 },
      maxConsecutiveErrors: 3,
      maxAttempts: 2,
      requestTimeoutMs: 30000
    })
  })

  it('takes the key from NEBIUS_API_KEY, then OPENAI_API_KEY', () => {
    expect(inputs({ command: 'list' }, { NEBIUS_API_KEY: 'a', OPENAI_API_KEY: 'b' })).toMatchObject(
      { apiKey: 'a', keySource: 'NEBIUS_API_KEY' }
    )
    expect(inputs({ command: 'list' }, { OPENAI_API_KEY: 'b' })).toMatchObject({
      apiKey: 'b',
      keySource: 'OPENAI_API_KEY'
    })
    expect(inputs({ command: 'list', 'api-key': 'c' }, { OPENAI_API_KEY: 'b' })).toMatchObject({
      apiKey: 'c',
      keySource: 'input'
    })
  })

  it('names the missing key and where to set it', () => {
    const [problem] = problemsOf({ command: 'list' }, {})
    expect(problem).toContain('api-key')
    expect(problem).toContain('NEBIUS_API_KEY')
    expect(problem).toContain('OPENAI_API_KEY')
  })

  it('needs no key to validate only', () => {
    expect(inputs({ file: 'a.jsonl', 'validate-only': 'true' }, {})).toMatchObject({
      validateOnly: true,
      keySource: undefined
    })
  })

  it.each([
    [{ command: 'launch' }, 'command: must be one of run, status, cancel, list'],
    [{ command: 'run' }, 'file: is required for command: run'],
    [{ command: 'status' }, 'batch-id: is required for command: status'],
    [{ command: 'cancel' }, 'batch-id: is required for command: cancel'],
    [{ command: 'status', 'batch-id': '../files' }, 'batch-id: "../files" is not a batch id'],
    [{ command: 'list', endpoint: 'v1/chat' }, 'endpoint: must be an API path'],
    [
      { command: 'list', metadata: '{"a": 1}' },
      'metadata: metadata must be a JSON object whose values are all strings'
    ],
    [{ command: 'list', metadata: '{"a": ' }, 'metadata: metadata is not valid JSON'],
    [
      { command: 'list', metadata: 'just text' },
      'metadata: metadata line 1 ("just text") is not key=value'
    ],
    [{ command: 'list', metadata: 'k'.repeat(65) + '=v' }, 'must be 1 to 64 characters long'],
    [{ command: 'list', metadata: 'k=' + 'v'.repeat(513) }, "more than the API's limit of 512"],
    [{ command: 'list', 'base-url': 'not a url' }, 'base-url: "not a url" is not a URL'],
    [{ command: 'list', 'base-url': 'ftp://example.com' }, 'base-url: must be an https:// URL'],
    [
      { command: 'list', 'base-url': 'http://api.example.com/v1' },
      'base-url: http://api.example.com is plain http'
    ],
    [
      { command: 'list', 'base-url': 'https://user:pw@example.com/v1' },
      'base-url: must not carry credentials'
    ],
    [{ command: 'list', wait: 'yes' }, 'wait: must be true or false'],
    [{ command: 'list', 'poll-interval': '0' }, 'poll-interval: must be at least 0.01 seconds'],
    [
      { command: 'list', 'poll-interval': '0.0004' },
      'poll-interval: must be at least 0.01 seconds'
    ],
    [
      { command: 'list', 'max-poll-interval': '7200' },
      'max-poll-interval: must be at most 3600 seconds'
    ],
    [
      { command: 'list', 'wait-timeout': '10' },
      'wait-timeout: "10" has no unit; add a unit: 10s, 10m, 10h'
    ],
    [
      { command: 'list', 'request-timeout': '30' },
      'request-timeout: "30" has no unit; add a unit: 30s, 30m, 30h'
    ],
    [{ command: 'list', 'request-timeout': '30d' }, 'request-timeout: must be at most 1h'],
    [
      { command: 'list', 'wait-timeout': '25d' },
      'wait-timeout: must be at most 5d, the longest a job can run'
    ],
    [
      { command: 'list', 'completion-window': '24' },
      'completion-window: must be a whole number of hours or days, such as 24h'
    ],
    [
      { command: 'list', 'completion-window': '0h' },
      'completion-window: must be between 1h and 30d'
    ],
    [
      { command: 'list', 'completion-window': '31d' },
      'completion-window: must be between 1h and 30d'
    ],
    [{ command: 'list', 'poll-interval': 'fast' }, 'poll-interval: must be a number of seconds'],
    [
      { command: 'list', 'poll-interval': '10', 'max-poll-interval': '5' },
      'max-poll-interval (5) must not be less than poll-interval (10)'
    ],
    [{ command: 'list', 'wait-timeout': 'forever' }, 'wait-timeout: "forever" is not a duration'],
    [{ command: 'list', 'on-timeout': 'retry' }, 'on-timeout: must be one of leave, cancel, fail'],
    [{ command: 'list', 'cancel-on-abort': '1' }, 'cancel-on-abort: must be true or false'],
    [{ command: 'list', 'list-limit': '0' }, 'list-limit: must be at least 1'],
    [{ command: 'list', 'list-limit': '101' }, 'list-limit: must be at most 100'],
    [{ command: 'list', 'list-limit': '2.5' }, 'list-limit: must be a whole number'],
    [{ command: 'list', 'max-requests': '-3' }, 'max-requests: must be a whole number'],
    [{ command: 'list', 'max-file-size': 'big' }, 'max-file-size:'],
    [{ command: 'list', 'max-failed-requests': 'some' }, 'max-failed-requests'],
    [
      { command: 'list', 'max-consecutive-errors': '0' },
      'max-consecutive-errors: must be at least 1'
    ],
    [{ command: 'list', 'max-attempts': '50' }, 'max-attempts: must be at most 20'],
    [{ command: 'list', 'request-timeout': '10ms' }, 'request-timeout: must be at least 1s'],
    [{ command: 'list', 'validate-only': 'maybe' }, 'validate-only: must be true or false'],
    [{ command: 'list', download: 'no' }, 'download: must be true or false'],
    [
      { command: 'list', 'allow-insecure-http': 'sure' },
      'allow-insecure-http: must be true or false'
    ]
  ])('rejects %j with a clear message', (values, expected) => {
    expect(problemsOf(values).join('\n')).toContain(expected)
  })

  it('accepts the ends of every range', () => {
    const ok = (values: Record<string, string>) => expect(() => inputs(values, KEY)).not.toThrow()
    ok({ command: 'list', 'poll-interval': '0.01', 'max-poll-interval': '3600' })
    ok({ command: 'list', 'wait-timeout': '1s', 'request-timeout': '1h' })
    ok({ command: 'list', 'wait-timeout': '5d', 'request-timeout': '1s' })
    ok({ command: 'list', 'completion-window': '1h' })
    ok({ command: 'list', 'completion-window': '30d' })
  })

  it('reports every bad input at once', () => {
    const problems = problemsOf({
      command: 'list',
      wait: 'x',
      'list-limit': 'y',
      'on-timeout': 'z'
    })
    expect(problems).toHaveLength(3)
  })

  it('allows plain http to loopback, or elsewhere when allowed', () => {
    expect(inputs({ command: 'list', 'base-url': 'http://localhost:1/v1' }).baseUrl).toBe(
      'http://localhost:1/v1'
    )
    expect(inputs({ command: 'list', 'base-url': 'http://[::1]:1/v1' }).baseUrl).toBe(
      'http://[::1]:1/v1'
    )
    expect(
      inputs({ command: 'list', 'base-url': 'http://10.0.0.5/v1', 'allow-insecure-http': 'true' })
        .baseUrl
    ).toBe('http://10.0.0.5/v1')
  })

  it('never puts the key in an error', () => {
    let thrown: unknown
    try {
      inputs({ command: 'list', 'api-key': 'sk-secret-value', wait: 'nope' })
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(InputError)
    expect((thrown as InputError).problems).toEqual(['wait: must be true or false'])
    expect((thrown as Error).message).not.toContain('sk-secret-value')
  })
})

describe('Defaults', () => {
  const action = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as {
    inputs: Record<string, { default?: unknown }>
  }
  const declared = Object.entries(action.inputs)

  it('names exactly the inputs of action.yml', () => {
    expect(Object.keys(Defaults).sort()).toEqual(declared.map(([name]) => name).sort())
  })

  it.each(declared)('%s has the default of action.yml', (name, input) => {
    expect(Defaults[name as keyof typeof Defaults]).toBe(String(input.default ?? ''))
  })
})

describe('isLoopbackHost', () => {
  it.each([
    ['localhost', true],
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['[::1]', true],
    ['10.0.0.1', false],
    ['localhost.example.com', false],
    ['api.studio.nebius.com', false]
  ])('%s -> %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected)
  })
})

describe('the inputs of jobs and collect', () => {
  const read = (values: Record<string, string>) => (name: string) => values[name] ?? ''
  const env = { NEBIUS_API_KEY: 'k' }

  it('reads batch-id as one id, a JSON array or lines, in order and without duplicates', () => {
    expect(parseBatchIds('batch_a')).toEqual(['batch_a'])
    expect(parseBatchIds('["batch_b","batch_a","batch_b"]')).toEqual(['batch_b', 'batch_a'])
    expect(parseBatchIds('batch_c\n\n  batch_d \n')).toEqual(['batch_c', 'batch_d'])
    expect(parseBatchIds('')).toEqual([])
    expect(() => parseBatchIds('["batch_a",')).toThrow('is not a valid JSON array')
    expect(() => parseBatchIds('[1]')).toThrow('1 is not a batch id')
    const inputs = getInputs(read({ command: 'status', 'batch-id': '["b1","b2"]' }), env)
    expect(inputs.batchId).toBe('b1')
    expect(inputs.batchIds).toEqual(['b1', 'b2'])
  })

  it('reads retry-errors as a list of codes, empty meaning the default list', () => {
    expect(parseCodeList('')).toBeUndefined()
    expect(parseCodeList('429, rate_limit_exceeded\nserver_error')).toEqual([
      '429',
      'rate_limit_exceeded',
      'server_error'
    ])
    expect(() => parseCodeList('429;500')).toThrow('"429;500" is not an error code')
  })

  it('takes the defaults of the job inputs from action.yml', () => {
    const inputs = getInputs(read({ command: 'list' }), env)
    expect(inputs).toMatchObject({
      maxBatchRequests: undefined,
      maxBatchBytes: undefined,
      maxBatchTokens: undefined,
      maxConcurrentBatches: 4,
      retryFailed: 0,
      retryErrors: undefined,
      match: {},
      sinceMs: 48 * 3_600_000,
      cancelSuperseded: 'auto'
    })
  })

  it('reports every bad job input at once', () => {
    expect(() =>
      getInputs(
        read({
          command: 'collect',
          'max-concurrent-batches': '0',
          'retry-failed': '11',
          since: '48',
          match: 'suite',
          'cancel-superseded': 'maybe',
          'max-batch-bytes': 'lots'
        }),
        env
      )
    ).toThrow(
      expect.objectContaining({
        problems: expect.arrayContaining([
          'max-concurrent-batches: must be at least 1',
          'retry-failed: must be at most 10',
          expect.stringMatching(/^since: /),
          expect.stringMatching(/^match: match line 1 \("suite"\) is not key=value/),
          'cancel-superseded: must be auto, true or false',
          expect.stringMatching(/^max-batch-bytes: /)
        ])
      })
    )
  })
})
