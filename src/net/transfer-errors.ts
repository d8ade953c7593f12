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

/** The body ended before the number of bytes the server announced. */
export class TruncatedBodyError extends Error {
  constructor(received: number, expected: number) {
    super(`download cut off: received ${received} of ${expected} bytes`)
    this.name = 'TruncatedBodyError'
  }
}
