import * as core from '@actions/core'
import { checkMetadataLimits, parseMetadata } from '../batch/metadata.js'
import { parseByteSize } from '../lib/parse-size.js'
import { parseFailureLimit } from '../lib/failure-limit.js'
import { isLoopbackHost } from '../lib/hosts.js'
import { parseCommentMode, type CommentMode } from '../github/comment.js'
import {
  baseUrl,
  booleanText,
  completionWindow,
  duration,
  integerIn,
  matching,
  oneOf,
  oneOfAnyCase,
  optional,
  githubToken,
  GITHUB_TOKEN_DEFAULT,
  secondsIn,
  trimmed,
  type Field
} from './input-fields.js'
import { parseBatchIds, parseCodeList, parseMatch } from './input-parsers.js'
import { Inputs, KeyEnvironment } from './names.js'

export { isLoopbackHost }

export type Command = 'run' | 'status' | 'cancel' | 'list' | 'collect'
export type CancelSuperseded = 'auto' | 'true' | 'false'
export type OnTimeout = 'leave' | 'cancel' | 'fail'
export type Reuse = 'attempts' | 'never'
export type KeySource = 'input' | (typeof KeyEnvironment)[number]
export type FailureLimit = ReturnType<typeof parseFailureLimit>

export interface ActionInputs {
  command: Command
  file: string
  endpoint: string
  completionWindow: string
  metadata: Record<string, string>
  /** The first of `batchIds` ('' when none): the batch of status and cancel. */
  batchId: string
  /** Every id `batch-id` names, in its order. */
  batchIds: string[]
  baseUrl: string
  apiKey: string
  keySource: KeySource | undefined
  wait: boolean
  pollIntervalMs: number
  maxPollIntervalMs: number
  waitTimeoutMs: number
  onTimeout: OnTimeout
  cancelOnAbort: boolean
  listLimit: number
  validateOnly: boolean
  maxRequests: number | undefined
  maxFileBytes: number | undefined
  download: boolean
  resultsDir: string
  maxFailedRequests: FailureLimit
  maxConsecutiveErrors: number
  maxAttempts: number
  requestTimeoutMs: number
  allowInsecureHttp: boolean
  /** Whether a re-run of the step takes up the batch of an earlier attempt. */
  reuse: Reuse
  /** When the step writes the pull-request comment. */
  comment: CommentMode
  /** The token of the comment ('' when none); masked like the API key. */
  githubToken: string
  /** Most requests in one batch of the job; undefined: the provider's limit (none when unknown). */
  maxBatchRequests: number | undefined
  /** Largest input file of one batch of the job, in bytes; undefined: the provider's limit. */
  maxBatchBytes: number | undefined
  /** Most estimated tokens in one batch of the job; undefined: no token split. */
  maxBatchTokens: number | undefined
  /** How many batches of the job may be in flight at once. */
  maxConcurrentBatches: number
  /** Rounds of resubmitting the requests that failed for a passing reason. */
  retryFailed: number
  /** The error codes that count as passing; undefined: the documented default list. */
  retryErrors: string[] | undefined
  /** For collect: the metadata pairs a batch must carry. */
  match: Record<string, string>
  /** For collect: how far back batches are looked for, in milliseconds. */
  sinceMs: number
  /** Whether a run cancels the running batches of an earlier run of the same step. */
  cancelSuperseded: CancelSuperseded
}

/** Every input problem at once, so a misconfigured step is fixed in one go. */
export class InputError extends Error {
  constructor(readonly problems: string[]) {
    super(
      problems.length === 1
        ? `Invalid input: ${problems[0]}`
        : `${problems.length} invalid inputs:\n${problems.map((p) => `- ${p}`).join('\n')}`
    )
    this.name = 'InputError'
  }
}

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

/**
 * The ranges of the duration and interval inputs (README, Inputs). Each stays well within what
 * Node's timers can wait (2^31-1 ms, about 24.8 days: longer fires at once) and above what a
 * millisecond timer can tell apart from 0.
 */
export const Ranges = {
  /** One API call; longer than an hour is a provider that will not answer. */
  requestTimeoutMs: { min: 1000, max: HOUR_MS },
  /** Five days: the longest a job runs, on a self-hosted runner (GitHub-hosted: 6 hours). */
  waitTimeoutMs: { min: 1000, max: 5 * DAY_MS },
  /** Seconds between polls: 10 ms to an hour. */
  pollIntervalSeconds: { min: 0.01, max: 3600 },
  /** The completion window, in hours: an hour to 30 days. */
  completionWindowHours: { min: 1, max: 30 * 24 },
  /** How far back collect looks: a minute to 30 days (providers keep batches about that long). */
  sinceMs: { min: 60_000, max: 30 * DAY_MS }
} as const

/** How each input is read; the names are the action's interface. */
const fields = {
  [Inputs.Command]: oneOf(
    ['run', 'status', 'cancel', 'list', 'collect'],
    'must be one of run, status, cancel, list, collect'
  ),
  [Inputs.File]: trimmed,
  [Inputs.Endpoint]: matching(/^\/\S+$/, 'must be an API path such as /v1/chat/completions'),
  [Inputs.CompletionWindow]: completionWindow(
    Ranges.completionWindowHours.min,
    Ranges.completionWindowHours.max
  ),
  [Inputs.Metadata]: parseMetadata,
  [Inputs.BatchId]: parseBatchIds,
  [Inputs.BaseUrl]: baseUrl,
  [Inputs.ApiKey]: trimmed,
  [Inputs.Wait]: booleanText,
  [Inputs.PollInterval]: secondsIn(Ranges.pollIntervalSeconds.min, Ranges.pollIntervalSeconds.max),
  [Inputs.MaxPollInterval]: secondsIn(
    Ranges.pollIntervalSeconds.min,
    Ranges.pollIntervalSeconds.max
  ),
  [Inputs.WaitTimeout]: duration(
    Ranges.waitTimeoutMs.min,
    Ranges.waitTimeoutMs.max,
    ', the longest a job can run'
  ),
  [Inputs.OnTimeout]: oneOf(['leave', 'cancel', 'fail'], 'must be one of leave, cancel, fail'),
  [Inputs.CancelOnAbort]: booleanText,
  [Inputs.ListLimit]: integerIn(1, 100),
  [Inputs.ValidateOnly]: booleanText,
  [Inputs.MaxRequests]: optional(integerIn(1, Number.MAX_SAFE_INTEGER)),
  [Inputs.MaxFileSize]: optional(parseByteSize),
  [Inputs.Download]: booleanText,
  [Inputs.ResultsDir]: matching(/\S/, 'must name a directory, such as batch-results'),
  [Inputs.MaxFailedRequests]: parseFailureLimit,
  [Inputs.MaxConsecutiveErrors]: integerIn(1, 1000),
  [Inputs.MaxAttempts]: integerIn(1, 20),
  [Inputs.RequestTimeout]: duration(Ranges.requestTimeoutMs.min, Ranges.requestTimeoutMs.max),
  [Inputs.AllowInsecureHttp]: booleanText,
  [Inputs.Reuse]: oneOf(['attempts', 'never'], 'must be attempts or never'),
  [Inputs.Comment]: parseCommentMode,
  [Inputs.GitHubToken]: githubToken,
  [Inputs.MaxBatchRequests]: optional(integerIn(1, Number.MAX_SAFE_INTEGER)),
  [Inputs.MaxBatchBytes]: optional(parseByteSize),
  [Inputs.MaxBatchTokens]: optional(integerIn(1, Number.MAX_SAFE_INTEGER)),
  [Inputs.MaxConcurrentBatches]: integerIn(1, 100),
  [Inputs.RetryFailed]: integerIn(0, 10),
  [Inputs.RetryErrors]: parseCodeList,
  [Inputs.Match]: parseMatch,
  [Inputs.Since]: duration(Ranges.sinceMs.min, Ranges.sinceMs.max),
  [Inputs.CancelSuperseded]: oneOfAnyCase(['auto', 'true', 'false'], 'must be auto, true or false')
} as const satisfies Record<string, Field<unknown>>

/** The defaults of action.yml, used when an input is empty (as when run outside the runner). */
export const Defaults: Record<keyof typeof fields, string> = {
  [Inputs.Command]: 'run',
  [Inputs.File]: '',
  [Inputs.Endpoint]: '/v1/chat/completions',
  [Inputs.CompletionWindow]: '24h',
  [Inputs.Metadata]: '',
  [Inputs.BatchId]: '',
  [Inputs.BaseUrl]: 'https://api.studio.nebius.com/v1/',
  [Inputs.ApiKey]: '',
  [Inputs.Wait]: 'true',
  [Inputs.PollInterval]: '5',
  [Inputs.MaxPollInterval]: '60',
  [Inputs.WaitTimeout]: '5h30m',
  [Inputs.OnTimeout]: 'leave',
  [Inputs.CancelOnAbort]: 'true',
  [Inputs.ListLimit]: '20',
  [Inputs.ValidateOnly]: 'false',
  [Inputs.MaxRequests]: '',
  [Inputs.MaxFileSize]: '',
  [Inputs.Download]: 'true',
  [Inputs.ResultsDir]: 'batch-results',
  [Inputs.MaxFailedRequests]: '',
  [Inputs.MaxConsecutiveErrors]: '10',
  [Inputs.MaxAttempts]: '5',
  [Inputs.RequestTimeout]: '2m',
  [Inputs.AllowInsecureHttp]: 'false',
  [Inputs.Reuse]: 'attempts',
  [Inputs.Comment]: 'auto',
  [Inputs.GitHubToken]: GITHUB_TOKEN_DEFAULT,
  [Inputs.MaxBatchRequests]: '',
  [Inputs.MaxBatchBytes]: '',
  [Inputs.MaxBatchTokens]: '',
  [Inputs.MaxConcurrentBatches]: '4',
  [Inputs.RetryFailed]: '0',
  [Inputs.RetryErrors]: '',
  [Inputs.Match]: '',
  [Inputs.Since]: '48h',
  [Inputs.CancelSuperseded]: 'auto'
}

type Parsed = { [K in keyof typeof fields]: ReturnType<(typeof fields)[K]> }

/** Reads, validates and cross-checks every input. Throws InputError naming each bad one. */
export function getInputs(
  read: (name: string) => string = (name) => core.getInput(name),
  env: NodeJS.ProcessEnv = process.env,
  /** The post step only cancels: what each command requires does not apply to it. */
  purpose: 'main' | 'post' = 'main'
): ActionInputs {
  const problems: string[] = []
  const parsed: Partial<Record<string, unknown>> = {}
  for (const [name, field] of Object.entries(fields) as [string, Field<unknown>][]) {
    const raw = read(name)
    const text = raw.trim() === '' ? Defaults[name as keyof typeof fields] : raw
    try {
      parsed[name] = field(text)
    } catch (error) {
      problems.push(`${name}: ${(error as Error).message}`)
    }
  }
  const p = parsed as Parsed

  if (problems.length === 0) {
    const url = new URL(p[Inputs.BaseUrl])
    if (url.protocol === 'http:' && !isLoopbackHost(url.hostname) && !p[Inputs.AllowInsecureHttp]) {
      problems.push(
        `base-url: ${url.origin} is plain http and not a loopback host, so the API key would travel in clear text; ` +
          'use https://, or set allow-insecure-http: true if you accept that'
      )
    }
    if (p[Inputs.MaxPollInterval] < p[Inputs.PollInterval]) {
      problems.push(
        `max-poll-interval (${p[Inputs.MaxPollInterval]}) must not be less than poll-interval (${p[Inputs.PollInterval]})`
      )
    }
    const command = p[Inputs.Command]
    const needsFile = command === 'run' || p[Inputs.ValidateOnly]
    if (purpose === 'main' && needsFile && p[Inputs.File] === '') {
      problems.push(
        `file: is required for command: ${command}${p[Inputs.ValidateOnly] ? ' with validate-only' : ''}; give the path of the JSONL of requests`
      )
    }
    if (
      purpose === 'main' &&
      (command === 'status' || command === 'cancel') &&
      p[Inputs.BatchId].length === 0 &&
      !p[Inputs.ValidateOnly]
    ) {
      problems.push(`batch-id: is required for command: ${command}`)
    }
    if (p[Inputs.RetryFailed] > 0 && !p[Inputs.Download]) {
      problems.push(
        'retry-failed: needs download: true, since the requests to send again are found in the downloaded results; set download: true or retry-failed: 0'
      )
    }
    try {
      checkMetadataLimits(p[Inputs.Metadata])
    } catch (error) {
      problems.push(`metadata: ${(error as Error).message}`)
    }
  }

  let apiKey = ''
  let keySource: KeySource | undefined
  if (problems.length === 0) {
    if (p[Inputs.ApiKey] !== '') {
      apiKey = p[Inputs.ApiKey]
      keySource = 'input'
    } else {
      for (const name of KeyEnvironment) {
        const value = env[name]?.trim()
        if (value) {
          apiKey = value
          keySource = name
          break
        }
      }
    }
    if (!keySource && (purpose === 'post' || !p[Inputs.ValidateOnly])) {
      problems.push(
        'api-key: no API key was given; set the api-key input (for example api-key: ${{ secrets.NEBIUS_API_KEY }}) ' +
          'or the NEBIUS_API_KEY or OPENAI_API_KEY environment variable'
      )
    }
  }
  if (problems.length > 0) throw new InputError(problems)

  return {
    command: p[Inputs.Command],
    file: p[Inputs.File],
    endpoint: p[Inputs.Endpoint],
    completionWindow: p[Inputs.CompletionWindow],
    metadata: p[Inputs.Metadata],
    batchId: p[Inputs.BatchId][0] ?? '',
    batchIds: p[Inputs.BatchId],
    baseUrl: p[Inputs.BaseUrl],
    apiKey,
    keySource,
    wait: p[Inputs.Wait],
    pollIntervalMs: Math.round(p[Inputs.PollInterval] * 1000),
    maxPollIntervalMs: Math.round(p[Inputs.MaxPollInterval] * 1000),
    waitTimeoutMs: p[Inputs.WaitTimeout],
    onTimeout: p[Inputs.OnTimeout],
    cancelOnAbort: p[Inputs.CancelOnAbort],
    listLimit: p[Inputs.ListLimit],
    validateOnly: p[Inputs.ValidateOnly],
    maxRequests: p[Inputs.MaxRequests],
    maxFileBytes: p[Inputs.MaxFileSize],
    download: p[Inputs.Download],
    resultsDir: p[Inputs.ResultsDir],
    maxFailedRequests: p[Inputs.MaxFailedRequests],
    maxConsecutiveErrors: p[Inputs.MaxConsecutiveErrors],
    maxAttempts: p[Inputs.MaxAttempts],
    requestTimeoutMs: p[Inputs.RequestTimeout],
    allowInsecureHttp: p[Inputs.AllowInsecureHttp],
    reuse: p[Inputs.Reuse],
    comment: p[Inputs.Comment],
    githubToken: p[Inputs.GitHubToken],
    maxBatchRequests: p[Inputs.MaxBatchRequests],
    maxBatchBytes: p[Inputs.MaxBatchBytes],
    maxBatchTokens: p[Inputs.MaxBatchTokens],
    maxConcurrentBatches: p[Inputs.MaxConcurrentBatches],
    retryFailed: p[Inputs.RetryFailed],
    retryErrors: p[Inputs.RetryErrors],
    match: p[Inputs.Match],
    sinceMs: p[Inputs.Since],
    cancelSuperseded: p[Inputs.CancelSuperseded]
  }
}
