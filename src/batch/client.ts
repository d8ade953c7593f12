import OpenAI from 'openai'
import { redact } from '../lib/redact.js'
import type { Sleep } from '../net/abort.js'
import { createNodeFetch } from '../net/http-fetch.js'
import { DefaultRetry, withRetry, type RetryPolicy } from '../net/retry.js'
import {
  sentBytesMismatch,
  streamingUpload,
  type CheckedUpload,
  type SentBytes
} from '../net/upload.js'
import { parseBatch, type BatchInfo } from './document.js'

/** Uploads and downloads may run for long; silence, not length, is what ends them (see http-fetch). */
const TRANSFER_TIMEOUT_MS = 6 * 60 * 60 * 1000
/** The most `list` gives in one answer. */
const LIST_PAGE_SIZE = 100
/** A bound on paging, should a provider's `has_more` never turn false: 20,000 batches. */
const MAX_LIST_PAGES = 200

export interface ApiLog {
  debug(message: string): void
  info(message: string): void
  warning(message: string): void
}

export interface ApiOptions {
  baseUrl: string
  apiKey: string
  maxAttempts: number
  requestTimeoutMs: number
  log: ApiLog
  sleep?: Sleep
  /** Redacts secrets out of anything the SDK logs. */
  redact: (text: string) => string
  /** Send the SDK's request log to the debug log (ACTIONS_STEP_DEBUG). */
  verbose?: boolean
}

export interface CreateParams {
  inputFileId: string
  endpoint: string
  completionWindow: string
  metadata: Record<string, string>
}

/**
 * Every call the action makes, through the official SDK, with one retry policy. The SDK's own
 * retries are off: a create it retried could bill twice, and it never retries a streamed upload.
 */
export class BatchApi {
  readonly client: OpenAI
  private readonly policy: RetryPolicy

  constructor(private readonly options: ApiOptions) {
    const { redact, log } = options
    const format = (message: string, rest: unknown[]) =>
      redact(
        [message, ...rest.map((item) => (typeof item === 'string' ? item : safeJson(item)))].join(
          ' '
        )
      )
    this.client = new OpenAI({
      apiKey: options.apiKey,
      baseURL: options.baseUrl,
      maxRetries: 0,
      timeout: options.requestTimeoutMs,
      fetch: createNodeFetch({ idleTimeoutMs: options.requestTimeoutMs }),
      logLevel: options.verbose ? 'debug' : 'warn',
      logger: {
        debug: (message, ...rest) => log.debug(format(`openai: ${message}`, rest)),
        info: (message, ...rest) => log.debug(format(`openai: ${message}`, rest)),
        warn: (message, ...rest) => log.debug(format(`openai: ${message}`, rest)),
        error: (message, ...rest) => log.debug(format(`openai: ${message}`, rest))
      }
    })
    this.policy = { ...DefaultRetry, attempts: options.maxAttempts }
  }

  /** Runs `call` under the one retry policy, logging each retry with `label`. */
  retry<T>(label: string, call: (attempt: number) => Promise<T>, signal?: AbortSignal): Promise<T> {
    return withRetry(call, {
      policy: this.policy,
      signal,
      sleep: this.options.sleep,
      onRetry: (attempt, error, delay) =>
        this.options.log.info(
          `${label} failed (attempt ${attempt} of ${this.policy.attempts}: ${this.options.redact((error as Error).message)}); retrying in ${(delay / 1000).toFixed(1)}s`
        )
    })
  }

  /**
   * Uploads the file with purpose `batch`, from a fresh stream on every attempt. With `validated`,
   * the bytes sent are hashed on the way and must be the ones validated: when the file changed in
   * between, the uploaded file is deleted and the upload fails, so no batch is made of unchecked bytes.
   */
  async upload(
    path: string,
    signal?: AbortSignal,
    validated?: SentBytes
  ): Promise<OpenAI.Files.FileObject> {
    let sent: SentBytes | undefined
    const uploaded = await this.retry(
      'Upload',
      () => {
        sent = undefined
        return this.client.files.create(
          { file: streamingUpload(path, (bytes) => (sent = bytes)), purpose: 'batch' },
          { signal, timeout: TRANSFER_TIMEOUT_MS }
        )
      },
      signal
    )
    const mismatch = validated && sentBytesMismatch(path, sent, validated)
    if (!mismatch) return uploaded
    const removed = await this.deleteFile(uploaded.id, signal).then(
      () => `the uploaded file ${uploaded.id} was deleted`,
      (error: unknown) =>
        `deleting the uploaded file ${uploaded.id} failed (${this.options.redact((error as Error).message)}); delete it by hand`
    )
    throw new Error(
      `${mismatch}; nothing was created, and ${removed}. Run again once nothing writes to the file`
    )
  }

  /**
   * Uploads a body that checks itself as it is sent (checkedUpload), opened afresh for every
   * attempt, so a retry validates again; the error that stopped the body ends it, never retried.
   */
  async uploadChecked(
    open: () => CheckedUpload,
    signal?: AbortSignal
  ): Promise<OpenAI.Files.FileObject> {
    return this.retry(
      'Upload',
      async () => {
        const body = open()
        const options = { signal, timeout: TRANSFER_TIMEOUT_MS }
        return this.client.files
          .create({ file: body.file, purpose: 'batch' }, options)
          .catch((error: unknown) => Promise.reject(body.stopped() ?? error))
      },
      signal
    )
  }

  /** Deletes an uploaded file, with the usual retries. */
  async deleteFile(fileId: string, signal?: AbortSignal): Promise<void> {
    await this.retry('Delete file', () => this.client.files.delete(fileId, { signal }), signal)
  }

  /**
   * One create, never retried here: a create that failed ambiguously may have succeeded on the
   * server, so only the caller (see reconcile.ts) knows whether sending it again is safe.
   */
  async createOnce(params: CreateParams, signal?: AbortSignal): Promise<BatchInfo> {
    const raw = await this.client.batches.create(
      {
        input_file_id: params.inputFileId,
        endpoint: params.endpoint as OpenAI.Batches.BatchCreateParams['endpoint'],
        completion_window:
          params.completionWindow as OpenAI.Batches.BatchCreateParams['completion_window'],
        metadata: params.metadata
      },
      { signal }
    )
    return parseBatch(raw)
  }

  /**
   * Every batch created at or after `since` (Unix seconds), newest first, paging through `list`
   * 100 at a time until the batches are older than that: on a busy account the one a step looks
   * for may be pages deep. One pass, no retry: the caller decides what a failure means. A batch
   * whose answer cannot be read is someone else's concern and is skipped.
   */
  async listSince(since: number, signal?: AbortSignal, timeoutMs?: number): Promise<BatchInfo[]> {
    const found: BatchInfo[] = []
    let after: string | undefined
    for (let page = 0; page < MAX_LIST_PAGES; page++) {
      const answer = await this.client.batches.list(
        { limit: LIST_PAGE_SIZE, ...(after ? { after } : {}) },
        requestOptions(signal, timeoutMs)
      )
      let older = false
      for (const raw of answer.data) {
        const batch = tryParseBatch(raw)
        if (!batch) continue
        if (typeof batch.created_at === 'number' && batch.created_at < since) older = true
        else found.push(batch)
      }
      const last = answer.data.at(-1)?.id
      if (older || !answer.hasNextPage() || !last || last === after) break
      after = last
    }
    return found
  }

  /** The cheapest authenticated call: one batch of the list, to check the key before uploading. */
  async checkAccess(signal?: AbortSignal): Promise<void> {
    await this.retry(
      'Checking the API key',
      () => this.client.batches.list({ limit: 1 }, { signal }),
      signal
    )
  }

  /** One retrieve, no retry: the poll loop decides what a failure means. */
  async retrieveOnce(batchId: string, signal?: AbortSignal): Promise<BatchInfo> {
    return parseBatch(await this.client.batches.retrieve(batchId, { signal }))
  }

  async retrieve(batchId: string, signal?: AbortSignal): Promise<BatchInfo> {
    return this.retry('Retrieve batch', () => this.retrieveOnce(batchId, signal), signal)
  }

  async cancel(batchId: string, signal?: AbortSignal, timeoutMs?: number): Promise<BatchInfo> {
    return this.retry(
      'Cancel batch',
      async () =>
        parseBatch(await this.client.batches.cancel(batchId, requestOptions(signal, timeoutMs))),
      signal
    )
  }

  /** The newest batches, one page, no retry: the wait of a job reads its batches from it. */
  async listNewestOnce(signal?: AbortSignal): Promise<BatchInfo[]> {
    const page = await this.client.batches.list({ limit: LIST_PAGE_SIZE }, { signal })
    return page.data.flatMap((raw) => tryParseBatch(raw) ?? [])
  }

  async list(limit: number, signal?: AbortSignal): Promise<BatchInfo[]> {
    return this.retry(
      'List batches',
      async () => {
        const page = await this.client.batches.list({ limit }, { signal })
        return page.data.slice(0, limit).map(parseBatch)
      },
      signal
    )
  }

  /** Opens a file's content as a streamed response; the caller retries cut-off bodies. */
  openContent(fileId: string, signal?: AbortSignal): () => Promise<Response> {
    return () => this.client.files.content(fileId, { signal, timeout: TRANSFER_TIMEOUT_MS })
  }
}

/** The SDK rejects an explicit `timeout: undefined`; leave it out to keep the client's default. */
function requestOptions(
  signal?: AbortSignal,
  timeoutMs?: number
): { signal?: AbortSignal; timeout?: number } {
  return timeoutMs === undefined ? { signal } : { signal, timeout: timeoutMs }
}

function tryParseBatch(raw: unknown): BatchInfo | undefined {
  try {
    return parseBatch(raw)
  } catch {
    return undefined
  }
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value)
  } catch {
    return String(value)
  }
}

/** The settings of the client, as the inputs give them. */
export interface ApiSettings {
  baseUrl: string
  apiKey: string
  maxAttempts: number
  requestTimeoutMs: number
}

/** The one way the main and post steps build their client: the key is redacted from all it logs. */
export function createBatchApi(
  settings: ApiSettings,
  log: ApiLog,
  extra: { verbose?: boolean; sleep?: Sleep } = {}
): BatchApi {
  return new BatchApi({
    baseUrl: settings.baseUrl,
    apiKey: settings.apiKey,
    maxAttempts: settings.maxAttempts,
    requestTimeoutMs: settings.requestTimeoutMs,
    verbose: extra.verbose,
    sleep: extra.sleep,
    redact: (text) => redact(text, [settings.apiKey]),
    log
  })
}
