// The runner's side of a step: its log, masking, failing. Everything else reaches the runner
// through the functions here, so the commands can run against a spy in tests.
import * as core from '@actions/core'
import type { Log } from '../lib/log.js'

export const runnerLog: Log = {
  debug: (message) => core.debug(message),
  info: (message) => core.info(message),
  notice: (message) => core.notice(message),
  warning: (message) => core.warning(message),
  error: (message, where) => (where ? core.error(message, where) : core.error(message)),
  group: (name, work) => core.group(name, work)
}

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
