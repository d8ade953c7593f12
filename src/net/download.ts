// The streaming HTTP download of a batch's output or error file to disk.
//
// Files can be hundreds of megabytes: the body goes to a temporary file in ~1 MiB writes and is
// renamed into place once complete (see ../jsonl/atomic.ts); a failed attempt leaves nothing.
// The secrets (the API key) are masked in what is written: a provider can echo the key into an
// error message, and artifacts are not masked by the runner. It is the one change made to the
// provider's bytes; Content-Length is checked against the bytes received, before masking.
import { writeAtomically } from '../jsonl/atomic.js'
import { writeBuffered, type OutputBuffer } from '../jsonl/output-buffer.js'
import { DefaultRetry, isTransientTransferError, withRetry } from './retry.js'
import { DownloadFailedError, HttpStatusError, TruncatedBodyError } from './transfer-errors.js'

export interface DownloadOptions {
  /** Total number of attempts (1 = no retry). */
  attempts: number
  signal?: AbortSignal
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  /** Delay before attempt `attempt + 1`, after attempt `attempt` (1-based) failed; default: the retry policy of every API call. */
  backoffMs?: (attempt: number) => number
  onRetry?: (attempt: number, error: unknown) => void
  /** Masked in the file written (the API key). */
  secrets?: readonly (string | undefined)[]
  /**
   * Called at the start of every attempt: what it gives sees the bytes of that attempt as they are
   * written (secrets masked), and hears end() once the whole body is in. See results/one-pass.ts.
   */
  observe?: () => DownloadObserver
}

/** Bytes passing through a download on their way to the file. */
export interface DownloadObserver {
  bytes(chunk: Buffer): void
  end(): void
}

function expectedLength(response: Response): number | undefined {
  // With a content encoding, fetch decodes the body and Content-Length counts the encoded bytes.
  const encoding = response.headers.get('content-encoding')
  if (encoding && encoding.toLowerCase() !== 'identity') return undefined
  const header = response.headers.get('content-length')
  if (header === null || !/^\d+$/.test(header.trim())) return undefined
  return Number(header.trim())
}

/**
 * Copies the body into `out`, gathered into ~1 MiB writes; returns the bytes received. A read that
 * fails mid-body ("terminated") becomes a TruncatedBodyError that says how far it got.
 */
async function copyBody(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  out: OutputBuffer,
  expected: number | undefined,
  signal: AbortSignal | undefined
): Promise<number> {
  let received = 0
  for (;;) {
    let next: ReadableStreamReadResult<Uint8Array>
    try {
      next = await reader.read()
    } catch (error) {
      signal?.throwIfAborted()
      throw new TruncatedBodyError(received, expected, error)
    }
    const { done, value } = next
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
  options: DownloadOptions
): Promise<{ bytes: number }> {
  const { signal } = options
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
  const observer = options.observe?.()
  // Stops a read that waits for a stalled server, even when open() did not pass the signal to fetch.
  const onAbort = (): void => {
    reader.cancel(signal?.reason).catch(() => undefined)
  }
  signal?.addEventListener('abort', onAbort, { once: true })
  try {
    const bytes = await writeAtomically(destPath, async (file) => {
      const received = await writeBuffered(file, (out) => copyBody(reader, out, expected, signal), {
        secrets: options.secrets,
        onWrite: observer && ((bytes) => observer.bytes(bytes))
      })
      // Checked before the rename: a cut-off body never appears under destPath.
      if (expected !== undefined && received !== expected)
        throw new TruncatedBodyError(received, expected)
      observer?.end()
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
 * files when the download fails or is aborted. When every attempt failed, the last one's error
 * comes wrapped in a DownloadFailedError that counts them.
 */
export async function downloadToFile(
  open: () => Promise<Response>,
  destPath: string,
  options: DownloadOptions
): Promise<{ bytes: number }> {
  const { signal, backoffMs } = options
  const attempts = Math.max(1, Math.floor(options.attempts))
  try {
    return await withRetry(() => downloadOnce(open, destPath, options), {
      policy: { ...DefaultRetry, attempts },
      signal,
      sleep: options.sleep,
      retryable: isTransientTransferError,
      delayMs: backoffMs ? (retry) => backoffMs(retry) : undefined,
      onRetry: (attempt, error) => options.onRetry?.(attempt, error)
    })
  } catch (error) {
    // A transient failure here means the attempts ran out; any other error is passed on as it is.
    if (!signal?.aborted && isTransientTransferError(error))
      throw new DownloadFailedError(attempts, error)
    throw error
  }
}
