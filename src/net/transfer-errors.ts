// Failures of a streamed transfer (a file download) that the SDK does not raise itself.

/** An HTTP answer that was not 2xx, when open() hands back such a Response instead of throwing. */
export class HttpStatusError extends Error {
  readonly status: number
  constructor(status: number, statusText: string, detail?: string) {
    super(`HTTP ${status}${statusText ? ` ${statusText}` : ''}${detail ? `: ${detail}` : ''}`)
    this.name = 'HttpStatusError'
    this.status = status
  }
}

/**
 * The body ended before the number of bytes the server announced, or the connection closed while
 * it was being read (`expected` unknown without a Content-Length). `cause` is the read's own error
 * ("terminated", "aborted"), which alone does not say what happened.
 */
export class TruncatedBodyError extends Error {
  readonly received: number
  readonly expected: number | undefined
  constructor(received: number, expected: number | undefined, cause?: unknown) {
    super(
      `the connection closed after ${received}${expected === undefined ? '' : ` of ${expected}`} bytes`,
      cause === undefined ? undefined : { cause }
    )
    this.name = 'TruncatedBodyError'
    this.received = received
    this.expected = expected
  }
}

/** A download that failed on its last attempt: how many were made, and the last one's error. */
export class DownloadFailedError extends Error {
  readonly attempts: number
  constructor(attempts: number, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause)
    super(`${reason} (attempt ${attempts} of ${attempts})`, { cause })
    this.name = 'DownloadFailedError'
    this.attempts = attempts
  }
}
