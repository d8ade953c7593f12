import { APIUserAbortError } from 'openai/core/error'

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>

/** Resolves after `ms`, or rejects at once with the signal's reason when it is aborted. */
export const sleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal))
    const onAbort = () => {
      clearTimeout(timer)
      reject(abortReason(signal!))
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })

export class AbortedError extends Error {
  constructor(message = 'The step was cancelled') {
    super(message)
    this.name = 'AbortedError'
  }
}

export function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new AbortedError()
}

export function isAbort(error: unknown, signal?: AbortSignal): boolean {
  return (
    error instanceof AbortedError ||
    error instanceof APIUserAbortError ||
    (error instanceof Error && error.name === 'AbortError') ||
    signal?.aborted === true
  )
}

export type StopSignal = 'SIGINT' | 'SIGTERM'

export interface AbortScope {
  readonly signal: AbortSignal
  /** The OS signal that aborted the step, if any. */
  readonly received: StopSignal | undefined
  dispose(): void
}

/**
 * The runner cancels a step with SIGINT, then SIGTERM 7.5 s later, then SIGKILL. Both signals
 * abort one controller that every request and sleep listens to, so nothing waits behind them.
 */
export function createAbortScope(target: NodeJS.EventEmitter = process): AbortScope {
  const controller = new AbortController()
  let received: StopSignal | undefined
  const handlers = (['SIGINT', 'SIGTERM'] as const).map((name) => {
    const handler = () => {
      received ??= name
      if (!controller.signal.aborted)
        controller.abort(new AbortedError(`The step was cancelled (${name})`))
    }
    target.on(name, handler)
    return [name, handler] as const
  })
  return {
    signal: controller.signal,
    get received() {
      return received
    },
    dispose() {
      for (const [name, handler] of handlers) target.off(name, handler)
    }
  }
}

/** Stops waiting for local work (validation of a large file) as soon as the signal aborts. */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason)
    const onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}
