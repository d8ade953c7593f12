// Bad inputs and bad files: each must fail the step with a clear message and create nothing.
import { chatRequests } from './action-process.js'

export interface BadInput {
  name: string
  inputs: Record<string, string>
  files?: Record<string, string>
  /** A symlink in the workspace to a path outside it. */
  escapeLink?: string
  env?: Record<string, string>
  message: RegExp
}

const ok = chatRequests(3)

export const BAD_INPUTS: BadInput[] = [
  {
    name: 'unknown command',
    inputs: { command: 'launch' },
    message: /command: must be one of run, status, cancel, list/
  },
  {
    name: 'run without file',
    inputs: { command: 'run' },
    message: /file: is required for command: run/
  },
  {
    name: 'status without batch-id',
    inputs: { command: 'status' },
    message: /batch-id: is required for command: status/
  },
  {
    name: 'cancel without batch-id',
    inputs: { command: 'cancel' },
    message: /batch-id: is required for command: cancel/
  },
  {
    name: 'batch-id with a path',
    inputs: { command: 'status', 'batch-id': '../files/x' },
    message: /batch-id: must be a batch id/
  },
  {
    name: 'endpoint not a path',
    inputs: { file: 'r.jsonl', endpoint: 'chat/completions' },
    files: { 'r.jsonl': ok },
    message: /endpoint: must be an API path/
  },
  {
    name: 'metadata not valid JSON',
    inputs: { file: 'r.jsonl', metadata: '{suite: nightly}' },
    files: { 'r.jsonl': ok },
    message:
      /metadata: metadata is not valid JSON \(.*\); write a JSON object such as \{"suite": "nightly"\}, or key=value lines such as suite=nightly/
  },
  {
    name: 'metadata with a number',
    inputs: { file: 'r.jsonl', metadata: '{"n": 1}' },
    files: { 'r.jsonl': ok },
    message: /metadata: metadata must be a JSON object whose values are all strings/
  },
  {
    name: "metadata over 16 pairs with the action's keys",
    inputs: {
      file: 'r.jsonl',
      metadata: Array.from({ length: 15 }, (_, i) => `k${i}=v`).join('\n')
    },
    files: { 'r.jsonl': ok },
    message:
      /metadata: metadata has 15 pairs of yours, and the action needs 2 of the API's 16 .*so 14 are left for yours; remove 1\. Nothing was uploaded/
  },
  {
    name: 'metadata value too long',
    inputs: { file: 'r.jsonl', metadata: `k=${'v'.repeat(600)}` },
    files: { 'r.jsonl': ok },
    message: /metadata value of "k" is 600 characters long/
  },
  {
    name: 'plain http to a remote host',
    inputs: { command: 'list', 'base-url': 'http://api.example.com/v1' },
    message: /base-url: http:\/\/api.example.com is plain http/
  },
  {
    name: 'base-url not a URL',
    inputs: { command: 'list', 'base-url': 'api.example.com' },
    message: /base-url: "api.example.com" is not a URL/
  },
  {
    name: 'no key anywhere',
    inputs: { command: 'list', 'api-key': '' },
    message:
      /api-key: no API key was given; set the api-key input .* NEBIUS_API_KEY or OPENAI_API_KEY/
  },
  {
    name: 'wait not a boolean',
    inputs: { command: 'list', wait: 'yes' },
    message: /wait: must be true or false/
  },
  {
    name: 'poll-interval zero',
    inputs: { command: 'list', 'poll-interval': '0' },
    message: /poll-interval: must be at least 0.01 seconds/
  },
  {
    name: 'max-poll-interval below poll-interval',
    inputs: { command: 'list', 'poll-interval': '30', 'max-poll-interval': '10' },
    message: /max-poll-interval \(10\) must not be less than poll-interval \(30\)/
  },
  {
    name: 'wait-timeout not a duration',
    inputs: { command: 'list', 'wait-timeout': 'a while' },
    message: /wait-timeout: "a while" is not a duration/
  },
  {
    name: 'wait-timeout a bare number',
    inputs: { command: 'list', 'wait-timeout': '10' },
    message: /wait-timeout: "10" has no unit; add a unit: 10s, 10m, 10h/
  },
  {
    name: 'request-timeout past what a timer can wait',
    inputs: { command: 'list', 'request-timeout': '30d' },
    message: /request-timeout: must be at most 1h/
  },
  {
    name: 'poll-interval under a millisecond',
    inputs: { command: 'list', 'poll-interval': '0.0004' },
    message: /poll-interval: must be at least 0.01 seconds/
  },
  {
    name: 'unknown on-timeout',
    inputs: { command: 'list', 'on-timeout': 'retry' },
    message: /on-timeout: must be one of leave, cancel, fail/
  },
  {
    name: 'list-limit too large',
    inputs: { command: 'list', 'list-limit': '500' },
    message: /list-limit: must be at most 100/
  },
  {
    name: 'max-file-size not a size',
    inputs: { command: 'list', 'max-file-size': 'huge' },
    message: /max-file-size: /
  },
  {
    name: 'max-failed-requests not a number',
    inputs: { command: 'list', 'max-failed-requests': 'few' },
    message: /max-failed-requests must be a number or a percentage such as 5%/
  },
  {
    name: 'request-timeout too short',
    inputs: { command: 'list', 'request-timeout': '100ms' },
    message: /request-timeout: must be at least 1s/
  },
  {
    name: 'file outside the workspace',
    inputs: { file: '../../etc/passwd' },
    message: /file: "..\/..\/etc\/passwd" leads to .* outside the workspace/
  },
  {
    name: 'file through a symlink that escapes',
    inputs: { file: 'link/secret.jsonl' },
    escapeLink: 'link',
    message: /file: "link\/secret.jsonl" leads to .* outside the workspace/
  },
  {
    name: 'results-dir outside the workspace',
    inputs: { file: 'r.jsonl', 'results-dir': '../elsewhere' },
    files: { 'r.jsonl': ok },
    message: /results-dir: "..\/elsewhere" leads to .* outside the workspace/
  },
  {
    name: 'results-dir an existing file',
    inputs: { file: 'r.jsonl', 'results-dir': 'taken' },
    files: { 'r.jsonl': ok, taken: 'a file, not a directory' },
    message:
      /results-dir: "taken" is an existing file \(.*\), not a directory; .*nothing was uploaded/
  },
  {
    name: 'missing file',
    inputs: { file: 'absent.jsonl' },
    message: /file: absent.jsonl was not found or is not readable/
  },
  {
    name: 'empty file',
    inputs: { file: 'r.jsonl' },
    files: { 'r.jsonl': '' },
    message: /problem in r.jsonl/
  },
  {
    name: 'a line that is not JSON',
    inputs: { file: 'r.jsonl' },
    files: { 'r.jsonl': ok + '{"custom_id": "x",\n' },
    message: /1 problem in r.jsonl: line 4/
  },
  {
    name: 'url differs from endpoint',
    inputs: { file: 'r.jsonl', endpoint: '/v1/embeddings' },
    files: { 'r.jsonl': ok },
    message: /3 problems in r.jsonl: line 1: .*\/v1\/embeddings/
  },
  {
    name: 'more requests than max-requests',
    inputs: { file: 'r.jsonl', 'max-requests': '2' },
    files: { 'r.jsonl': ok },
    message: /line 3: .*2/
  },
  {
    name: 'larger than max-file-size',
    inputs: { file: 'r.jsonl', 'max-file-size': '100B' },
    files: { 'r.jsonl': ok },
    message: /problem in r.jsonl: .*100 B/
  },
  {
    name: 'endpoint Nebius does not offer',
    inputs: {
      file: 'r.jsonl',
      endpoint: '/v1/completions',
      'base-url': 'https://api.studio.nebius.com/v1/'
    },
    files: {
      'r.jsonl': chatRequests(
        1,
        (l) => void ((l.url = '/v1/completions'), (l.body = { model: 'm', prompt: 'p' }))
      )
    },
    message: /\/v1\/completions/
  },
  {
    name: 'a mixed-model file',
    inputs: { file: 'r.jsonl' },
    files: {
      'r.jsonl': chatRequests(
        3,
        (l, i) => i === 2 && void ((l.body as { model: string }).model = 'other')
      )
    },
    message: /line 3: .*"other"/
  }
]
