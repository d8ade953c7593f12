// The runner's side of a step: its log, masking, failing. Everything else reaches the runner
// through the functions here, so the commands can run against a spy in tests.
import * as core from '@actions/core'
import type { Log } from '../lib/log.js'

/** The runner's commands a log with groups needs. */
export interface GroupingRunner {
  startGroup(name: string): void
  endGroup(): void
}

/**
 * A log whose groups open only when something is written in them: a group with nothing in it
 * is a fold the reader opens for nothing. Debug lines do not open a group (the log viewer hides
 * them). Groups do not nest on GitHub; an inner group's lines go to the outer one.
 */
export function lazyGroupLog(base: Omit<Log, 'group'>, runner: GroupingRunner): Log {
  let pending: string | undefined
  let depth = 0
  const open = () => {
    if (pending === undefined) return
    runner.startGroup(pending)
    pending = undefined
  }
  const shown =
    <A extends unknown[]>(write: (...args: A) => void) =>
    (...args: A) => {
      open()
      write(...args)
    }
  return {
    debug: (message) => base.debug(message),
    info: shown((message: string) => base.info(message)),
    notice: shown((message: string) => base.notice(message)),
    warning: shown((message: string) => base.warning(message)),
    error: shown((message: string, where?: { file: string; startLine?: number }) =>
      base.error(message, where)
    ),
    group: async (name, work) => {
      if (depth++ > 0) {
        try {
          return await work()
        } finally {
          depth--
        }
      }
      pending = name
      try {
        return await work()
      } finally {
        depth--
        if (pending === undefined) runner.endGroup()
        pending = undefined
      }
    }
  }
}

export const runnerLog: Log = lazyGroupLog(
  {
    debug: (message) => core.debug(message),
    info: (message) => core.info(message),
    notice: (message) => core.notice(message),
    warning: (message) => core.warning(message),
    error: (message, where) => (where ? core.error(message, where) : core.error(message))
  },
  { startGroup: (name) => core.startGroup(name), endGroup: () => core.endGroup() }
)

/** Masks `secret` in everything the runner logs from now on. */
export function maskSecret(secret: string): void {
  if (secret) core.setSecret(secret)
}

/** Fails the step with `message` (exit code 1). */
export function failStep(message: string): void {
  core.setFailed(message)
}

/** Step debug logging is on (ACTIONS_STEP_DEBUG). */
export function isDebug(): boolean {
  return core.isDebug()
}
