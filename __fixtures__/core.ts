// Typed stubs of @actions/core for in-process tests of the commands, registered with
// jest.unstable_mockModule before the module under test is imported (as the actions template does).
// Inputs, outputs, state and failures are kept in maps a test can read.
import type * as core from '@actions/core'
import { jest } from '@jest/globals'

export const inputs = new Map<string, string>()
export const outputs = new Map<string, string>()
/** What the main step saved (saveState), and what the post step reads (getState). */
export const state = new Map<string, string>()
/** Every message, as `level: text`, in order. */
export const messages: string[] = []

const record =
  (level: string) =>
  (message: string | Error): void =>
    void messages.push(`${level}: ${String(message)}`)

export const debug = jest.fn<typeof core.debug>(record('debug'))
export const info = jest.fn<typeof core.info>(record('info'))
export const notice = jest.fn<typeof core.notice>(record('notice'))
export const warning = jest.fn<typeof core.warning>(record('warning'))
export const error = jest.fn<typeof core.error>(record('error'))
export const getInput = jest.fn<typeof core.getInput>((name) => inputs.get(name) ?? '')
export const setOutput = jest.fn<typeof core.setOutput>(
  (name, value) => void outputs.set(name, String(value))
)
export const setFailed = jest.fn<typeof core.setFailed>()
export const setSecret = jest.fn<typeof core.setSecret>()
export const saveState = jest.fn<typeof core.saveState>(
  (name, value) => void state.set(name, String(value))
)
export const getState = jest.fn<typeof core.getState>((name) => state.get(name) ?? '')
export const isDebug = jest.fn<typeof core.isDebug>(() => false)
export const group = jest.fn(async <T>(_name: string, fn: () => Promise<T>): Promise<T> => fn())
export const startGroup = jest.fn<typeof core.startGroup>(
  (name) => void messages.push(`group: ${name}`)
)
export const endGroup = jest.fn<typeof core.endGroup>(() => void messages.push('endgroup'))
/** Never written in these tests: GITHUB_STEP_SUMMARY is unset (see action/summary.test.ts). */
export const summary = {} as typeof core.summary

/** A fresh step: these inputs, nothing recorded yet. */
export function reset(values: Record<string, string> = {}): void {
  inputs.clear()
  outputs.clear()
  state.clear()
  messages.length = 0
  for (const [name, value] of Object.entries(values)) inputs.set(name, value)
  for (const stub of [debug, info, notice, warning, error, setFailed, setSecret, saveState])
    stub.mockClear()
}

/** The one failure message of the step, or undefined when it did not fail. */
export function failure(): string | undefined {
  expectAtMostOnce()
  const call = setFailed.mock.calls[0]
  return call ? String(call[0]) : undefined
}

function expectAtMostOnce(): void {
  if (setFailed.mock.calls.length > 1)
    throw new Error(`setFailed was called ${setFailed.mock.calls.length} times`)
}
