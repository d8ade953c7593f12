// The streaming HTTP download of a batch's output or error file to disk.
//
// Files can be hundreds of megabytes: the body goes to a temporary file in ~1 MiB writes and is
// renamed into place once complete (see ../jsonl/atomic.ts); a failed attempt leaves nothing.
import { APIError } from 'openai'
import { writeAtomically } from '../jsonl/atomic.js'
import { writeBuffered, type OutputBuffer } from '../jsonl/output-buffer.js'
import { DefaultRetry, withRetry } from '../retry.js'

export interface DownloadOptions {
  /** Total number of attempts (1 = no retry). */
  attempts: number
  signal?: AbortSignal
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  /** Delay before attempt `attempt + 1`, after attempt `attempt` (1-based) failed; default: the retry policy of every API call. */
  backoffMs?: (attempt: number) => number
  onRetry?: (attempt: number, error: unknown) => void
}

/** An HTTP answer that was not 2xx, when open() hands back such a Response instead of throwing. */
export class HttpStatusError extends Error {
  readonly status: number
  constructor(status: number, statusText: string, detail?: string) {
    super(`HTTP ${status}${statusText ? ` ${statusText}` : ''}${detail ? `: ${detail}` : ''}`)
    this.name = 'HttpStatusError'
    this.status = status
  }
}

/** The body ended before the number of bytes the server announced. */
export class TruncatedBodyError extends Error {
  constructor(received: number, expected: number) {
    super(`download cut off: received ${received} of ${expected} bytes`)
    this.name = 'TruncatedBodyError'
  }
}

const LOCAL_FS_ERRORS = new Set([
  'ENOSPC',
  'EDQUOT',
  'EACCES',
  'EPERM',
  'EROFS',
  'EISDIR',
  'ENOTDIR',
  'ENAMETOOLONG'
])

/**
 * The download's own retry classifier: whether another attempt could succeed. It differs from the
 * one of API calls (retry.ts): an error it does not know is retried (a cut-off body, a reset
 * connection, a failed write of a partial file), and a 409 is not.
 */
export function isRetryableDownloadError(error: unknown): boolean {
  const status =
    error instanceof APIError || error instanceof HttpStatusError
      ? (error as { status?: unknown }).status
      : undefined
  if (typeof status === 'number') {
    if (status === 408 || status === 429) return true
    return !(status >= 400 && status < 500)
  }
  if (error instanceof Error) {
    if (error.name === 'AbortError' || error.name === 'APIUserAbortError') return false
    const code = (error as { code?: unknown }).code
    // Errors of the local disk: trying the download again would not help.
    if (typeof code === 'string' && LOCAL_FS_ERRORS.has(code)) return false
  }
  return true
}

function expectedLength(response: Response): number | undefined {
  // With a content encoding, fetch decodes the body and Content-Length counts the encoded bytes.
  const encoding = response.headers.get('content-encoding')
  if (encoding && encoding.toLowerCase() !== 'identity') return undefined
  const header = response.headers.get('content-length')
  if (header === null || !/^\d+$/.test(header.trim())) return undefined
  return Number(header.trim())
}

/** Copies the body into `out`, gathered into ~1 MiB writes; returns the bytes received. */
async function copyBody(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  out: OutputBuffer,
  signal: AbortSignal | undefined
): Promise<number> {
  let received = 0
  for (;;) {
    const { done, value } = await reader.read()
    signal?.throwIfAborted()
    if (done) return received
    out.bytes(value, 0, value.length)
    received += value.length
    if (out.full) await out.flush()
  }
}

async function downloadOnce(
  open: () => Promise<Response>,
  destPath: string,
  signal?: AbortSignal
): Promise<{ bytes: number }> {
  signal?.throwIfAborted()
  const response = await open()
  if (!response.ok) {
    let detail: string | undefined
    try {
      detail = (await response.text()).slice(0, 500).trim() || undefined
    } catch {
      detail = undefined
    }
    throw new HttpStatusError(response.status, response.statusText, detail)
  }
  const body = response.body
  if (body === null) throw new Error('the download answered without a body')
  const expected = expectedLength(response)
  const reader = body.getReader()
  // Stops a read that waits for a stalled server, even when open() did not pass the signal to fetch.
  const onAbort = (): void => {
    reader.cancel(signal?.reason).catch(() => undefined)
  }
  signal?.addEventListener('abort', onAbort, { once: true })
  try {
    const bytes = await writeAtomically(destPath, async (file) => {
      const received = await writeBuffered(file, (out) => copyBody(reader, out, signal))
      // Checked before the rename: a cut-off body never appears under destPath.
      if (expected !== undefined && received !== expected)
        throw new TruncatedBodyError(received, expected)
      return received
    })
    return { bytes }
  } finally {
    signal?.removeEventListener('abort', onAbort)
    // Releases the connection when the body was not read to its end.
    await reader.cancel().catch(() => undefined)
  }
}

/**
 * Streams the body of `open()` to `destPath`: into a temporary file in the same directory, fsynced,
 * then renamed. A failed or cut-off download is retried with a fresh `open()` up to `attempts`
 * times; 4xx answers other than 408/429 fail at once. Nothing is left at `destPath` or in `.part`
 * files when the download fails or is aborted.
 */
export async function downloadToFile(
  open: () => Promise<Response>,
  destPath: string,
  options: DownloadOptions
): Promise<{ bytes: number }> {
  const { signal, backoffMs } = options
  return withRetry(() => downloadOnce(open, destPath, signal), {
    policy: { ...DefaultRetry, attempts: Math.max(1, Math.floor(options.attempts)) },
    signal,
    sleep: options.sleep,
    retryable: isRetryableDownloadError,
    delayMs: backoffMs ? (retry) => backoffMs(retry) : undefined,
    onRetry: (attempt, error) => options.onRetry?.(attempt, error)
  })
}
