import { AbortedError } from './retry.js'

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
