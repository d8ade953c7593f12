// The edges of the inputs: how each kind of value is read (case, spaces, units), what the post
// step may leave out, where the key comes from, and how the error reads with one problem or many.
import { describe, expect, it } from '@jest/globals'
import { getInputs, InputError } from '../../src/action/inputs.js'
import { parseBatchIds, parseCodeList, parseMatch } from '../../src/action/input-parsers.js'
import {
  baseUrl,
  completionWindow,
  GITHUB_TOKEN_DEFAULT,
  integerIn,
  optional,
  secondsIn
} from '../../src/action/input-fields.js'

const KEY = { NEBIUS_API_KEY: 'env-nebius-key' }

function inputs(
  values: Record<string, string>,
  env: NodeJS.ProcessEnv = KEY,
  purpose: 'main' | 'post' = 'main'
) {
  return getInputs((name) => values[name] ?? '', env, purpose)
}

function problemsOf(
  values: Record<string, string>,
  env: NodeJS.ProcessEnv = KEY,
  purpose: 'main' | 'post' = 'main'
): string[] {
  let thrown: unknown
  try {
    inputs(values, env, purpose)
  } catch (error) {
    thrown = error
  }
  expect(thrown).toBeInstanceOf(InputError)
  return (thrown as InputError).problems
}

describe('InputError', () => {
  it('says one problem in a line, several as a list', () => {
    const one = new InputError(['wait: must be true or false'])
    expect(one.message).toBe('Invalid input: wait: must be true or false')
    expect(one.name).toBe('InputError')
    const two = new InputError(['a: x', 'b: y'])
    expect(two.message).toBe('2 invalid inputs:\n- a: x\n- b: y')
  })
})

describe('values as the runner passes them', () => {
  it('reads booleans whatever their case and spaces', () => {
    expect(inputs({ command: 'list', wait: ' TRUE ', download: 'False' })).toMatchObject({
      wait: true,
      download: false
    })
  })

  it('reads seconds with a fraction, and rounds them to milliseconds', () => {
    const parsed = inputs({
      command: 'list',
      'poll-interval': ' 0.015 ',
      'max-poll-interval': '2.5'
    })
    expect(parsed.pollIntervalMs).toBe(15)
    expect(parsed.maxPollIntervalMs).toBe(2500)
  })

  it('accepts a max-poll-interval equal to poll-interval', () => {
    expect(
      inputs({ command: 'list', 'poll-interval': '7', 'max-poll-interval': '7' }).maxPollIntervalMs
    ).toBe(7000)
  })

  it('reads whole numbers with spaces around them', () => {
    expect(inputs({ command: 'list', 'list-limit': ' 7 ', 'max-requests': '12' })).toMatchObject({
      listLimit: 7,
      maxRequests: 12
    })
  })

  it('reads durations with units, in milliseconds', () => {
    expect(
      inputs({ command: 'list', 'wait-timeout': '1h30m', 'request-timeout': '45s', since: '2d' })
    ).toMatchObject({ waitTimeoutMs: 5_400_000, requestTimeoutMs: 45_000, sinceMs: 172_800_000 })
  })

  it('reads a completion window in hours or days, within an hour and 30 days', () => {
    expect(inputs({ command: 'list', 'completion-window': ' 2d ' }).completionWindow).toBe('2d')
    expect(inputs({ command: 'list', 'completion-window': '720h' }).completionWindow).toBe('720h')
    expect(problemsOf({ command: 'list', 'completion-window': '721h' })).toEqual([
      'completion-window: must be between 1h and 30d (the APIs take 24h)'
    ])
    expect(problemsOf({ command: 'list', 'completion-window': '2w' })[0]).toMatch(
      /^completion-window: must be a whole number/
    )
  })

  it('names the smallest and largest duration in its message', () => {
    expect(problemsOf({ command: 'list', since: '30s' })).toEqual(['since: must be at least 1m'])
    expect(problemsOf({ command: 'list', since: '31d' })).toEqual(['since: must be at most 30d'])
  })

  it('passes the message of an optional value’s own check', () => {
    expect(problemsOf({ command: 'list', 'max-requests': '0' })).toEqual([
      'max-requests: must be at least 1'
    ])
    expect(problemsOf({ command: 'list', 'max-batch-tokens': 'many' })).toEqual([
      'max-batch-tokens: must be a whole number'
    ])
    expect(inputs({ command: 'list', 'max-file-size': '2 MB' }).maxFileBytes).toBe(2_000_000)
  })

  it('takes only the whole text as a number of seconds or a completion window', () => {
    for (const text of ['x5', '5x', '5 s'])
      expect(() => secondsIn(0.01, 3600)(text)).toThrow('must be a number of seconds')
    for (const text of ['x24h', '24hx', '24 h'])
      expect(() => completionWindow(1, 720)(text)).toThrow(
        'must be a whole number of hours or days'
      )
    expect(completionWindow(1, 720)(' 2d ')).toBe('2d')
  })

  it('trims a base URL of any white space, a no-break space too', () => {
    expect(baseUrl('\u00a0https://api.example.com/v1\u00a0')).toBe('https://api.example.com/v1')
  })

  it('takes an optional value of only spaces as none', () => {
    expect(optional(integerIn(1, 5))('   ')).toBeUndefined()
    expect(optional(integerIn(1, 5))(' 3 ')).toBe(3)
  })

  it('keeps the base URL as a normalized URL, spaces trimmed', () => {
    expect(inputs({ command: 'list', 'base-url': ' https://API.example.com ' }).baseUrl).toBe(
      'https://api.example.com/'
    )
  })

  it('refuses a base URL with a user name or a password alone', () => {
    for (const url of ['https://user@example.com/v1', 'https://:pw@example.com/v1'])
      expect(problemsOf({ command: 'list', 'base-url': url })).toEqual([
        'base-url: must not carry credentials; pass the key in api-key'
      ])
    expect(problemsOf({ command: 'list', 'base-url': 'file:///tmp/x' })).toEqual([
      'base-url: must be an https:// URL, got file:'
    ])
  })

  it('allows plain http to 127.0.0.1, and refuses it elsewhere unless allowed', () => {
    expect(inputs({ command: 'list', 'base-url': 'http://127.0.0.1:8787/v1' }).baseUrl).toBe(
      'http://127.0.0.1:8787/v1'
    )
    expect(
      problemsOf({
        command: 'list',
        'base-url': 'http://10.0.0.5/v1',
        'allow-insecure-http': 'false'
      })
    ).toEqual([
      'base-url: http://10.0.0.5 is plain http and not a loopback host, so the API key would travel in clear text; use https://, or set allow-insecure-http: true if you accept that'
    ])
    expect(inputs({ command: 'list', 'base-url': 'https://10.0.0.5/v1' }).allowInsecureHttp).toBe(
      false
    )
  })

  it('takes the unexpanded github-token default as no token, and trims a token', () => {
    expect(inputs({ command: 'list', 'github-token': GITHUB_TOKEN_DEFAULT }).githubToken).toBe('')
    expect(inputs({ command: 'list' }).githubToken).toBe('')
    expect(inputs({ command: 'list', 'github-token': '  ghs_abc  ' }).githubToken).toBe('ghs_abc')
  })

  it('reads cancel-superseded and comment whatever their case', () => {
    expect(
      inputs({ command: 'list', 'cancel-superseded': ' TRUE ', comment: 'Never' })
    ).toMatchObject({ cancelSuperseded: 'true', comment: 'never' })
  })

  it('trims the file, endpoint and results directory', () => {
    expect(
      inputs({ file: ' r.jsonl ', endpoint: ' /v1/embeddings ', 'results-dir': ' out ' })
    ).toMatchObject({ file: 'r.jsonl', endpoint: '/v1/embeddings', resultsDir: 'out' })
  })

  it('names the match input, not metadata, in a bad match', () => {
    const [problem] = problemsOf({ command: 'collect', match: '{"a": ' })
    expect(problem).toMatch(/^match: match is not valid JSON \(/)
    expect(inputs({ command: 'collect', match: 'suite=nightly' }).match).toEqual({
      suite: 'nightly'
    })
  })
})

describe('what each command requires', () => {
  it('asks for the file of validate-only whatever the command', () => {
    expect(problemsOf({ command: 'status', 'validate-only': 'true' })).toEqual([
      'file: is required for command: status with validate-only; give the path of the JSONL of requests'
    ])
    expect(problemsOf({})).toEqual([
      'file: is required for command: run; give the path of the JSONL of requests'
    ])
  })

  it('needs no batch-id to validate only, and none for list or collect', () => {
    expect(
      inputs({ command: 'status', 'validate-only': 'true', file: 'r.jsonl' }).batchIds
    ).toEqual([])
    expect(inputs({ command: 'list' }).batchId).toBe('')
    expect(inputs({ command: 'collect' }).batchId).toBe('')
  })

  it('lets the post step go without a file or a batch id, but not without a key', () => {
    expect(inputs({ command: 'run' }, KEY, 'post')).toMatchObject({ command: 'run', file: '' })
    expect(inputs({ command: 'status' }, KEY, 'post').batchIds).toEqual([])
    expect(problemsOf({ command: 'run', 'validate-only': 'true' }, {}, 'post')[0]).toMatch(
      /^api-key: no API key was given/
    )
  })

  it('checks across inputs only once each input is valid on its own', () => {
    expect(
      problemsOf({ command: 'run', wait: 'x', 'base-url': 'http://api.example.com/v1' })
    ).toEqual(['wait: must be true or false'])
  })

  it('reports a cross-input problem and the missing key only after the inputs are right', () => {
    expect(
      problemsOf({ command: 'list', 'poll-interval': '10', 'max-poll-interval': '5' }, {})
    ).toEqual(['max-poll-interval (5) must not be less than poll-interval (10)'])
  })

  it('checks the metadata against the API’s limits', () => {
    const many = Array.from({ length: 17 }, (_, i) => `k${i}=v`).join('\n')
    expect(problemsOf({ command: 'list', metadata: many })[0]).toMatch(
      /^metadata: metadata has 17 pairs/
    )
  })
})

describe('the API key', () => {
  it('prefers the input, trimmed, over the environment', () => {
    expect(inputs({ command: 'list', 'api-key': '  sk-input  ' })).toMatchObject({
      apiKey: 'sk-input',
      keySource: 'input'
    })
  })

  it('skips an environment variable that is only spaces, and trims the one it takes', () => {
    expect(
      inputs({ command: 'list' }, { NEBIUS_API_KEY: '   ', OPENAI_API_KEY: ' sk-openai ' })
    ).toMatchObject({ apiKey: 'sk-openai', keySource: 'OPENAI_API_KEY' })
  })

  it('takes NEBIUS_API_KEY before OPENAI_API_KEY', () => {
    expect(
      inputs({ command: 'list' }, { NEBIUS_API_KEY: 'sk-n', OPENAI_API_KEY: 'sk-o' })
    ).toMatchObject({ apiKey: 'sk-n', keySource: 'NEBIUS_API_KEY' })
  })

  it('is empty when validating only without one', () => {
    expect(inputs({ file: 'r.jsonl', 'validate-only': 'true' }, {})).toMatchObject({
      apiKey: '',
      keySource: undefined
    })
  })
})

describe('parseBatchIds and parseCodeList', () => {
  it('reads ids on lines ending in CRLF, and an empty JSON array as none', () => {
    expect(parseBatchIds('batch_a\r\nbatch_b\r\n')).toEqual(['batch_a', 'batch_b'])
    expect(parseBatchIds('  []  ')).toEqual([])
    expect(parseBatchIds('b.1:x-y_z')).toEqual(['b.1:x-y_z'])
  })

  it('names an id that is not one, in a JSON array or on a line', () => {
    expect(() => parseBatchIds('["ok", "not ok"]')).toThrow(
      '"not ok" is not a batch id such as batch_abc123 (letters, digits, . _ : -)'
    )
    expect(() => parseBatchIds('ok\nbad/id')).toThrow('"bad/id" is not a batch id')
    expect(() => parseBatchIds('[null]')).toThrow('null is not a batch id')
    expect(() => parseBatchIds('[""]')).toThrow('"" is not a batch id')
  })

  it('reads codes with dots and dashes, separated by spaces too', () => {
    expect(parseCodeList(' server_error  batch.expired,rate-limit ')).toEqual([
      'server_error',
      'batch.expired',
      'rate-limit'
    ])
    expect(parseCodeList(' , \n ')).toBeUndefined()
    expect(() => parseCodeList('ok, bad/code')).toThrow('"bad/code" is not an error code')
  })
})

describe('what the parsers and the cross-checks say', () => {
  it('reads no batch id from an empty or blank text, and no code list from separators only', () => {
    expect(parseBatchIds('')).toEqual([])
    expect(parseBatchIds(' \n\t\n ')).toEqual([])
    expect(parseCodeList(' ,\n, ')).toBeUndefined()
    expect(parseCodeList(' 429 ,,\n\tserver_error ')).toEqual(['429', 'server_error'])
  })

  it('names match, not metadata, in what is wrong with match', () => {
    let thrown: unknown
    try {
      parseMatch('{not json')
    } catch (error) {
      thrown = error
    }
    expect((thrown as Error).message).toMatch(/^match is not valid JSON/)
    expect((thrown as Error).cause).toBeInstanceOf(Error)
    expect(() => parseMatch('suite')).toThrow(/^match line 1 \("suite"\) is not key=value/)
  })

  it('takes an input of spaces only as not given: its default', () => {
    expect(inputs({ command: 'list', 'poll-interval': '   ' }).pollIntervalMs).toBe(
      inputs({ command: 'list' }).pollIntervalMs
    )
  })

  it('refuses retry-failed without download, and says what to set', () => {
    expect(
      problemsOf({ file: 'requests.jsonl', 'retry-failed': '2', download: 'false' })
    ).toContainEqual(
      'retry-failed: needs download: true, since the requests to send again are found in the downloaded results; set download: true or retry-failed: 0'
    )
    expect(inputs({ file: 'requests.jsonl', 'retry-failed': '2' }).retryFailed).toBe(2)
  })

  it('reads the runner’s INPUT_ variables when no reader is given', () => {
    const saved = { ...process.env }
    try {
      process.env['INPUT_COMMAND'] = 'list'
      process.env['INPUT_LIST-LIMIT'] = '7'
      expect(getInputs(undefined, KEY).listLimit).toBe(7)
    } finally {
      for (const name of ['INPUT_COMMAND', 'INPUT_LIST-LIMIT'])
        if (saved[name] === undefined) delete process.env[name]
        else process.env[name] = saved[name]
    }
  })
})
