// Runs the bundled action as a separate process, the way the runner does: inputs as INPUT_*
// variables, outputs, state and the job summary in the files GITHUB_OUTPUT, GITHUB_STATE and
// GITHUB_STEP_SUMMARY name.
import { spawn } from 'node:child_process'
import { chown, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const mainEntry = path.join(repoRoot, 'dist', 'index.js')
export const postEntry = path.join(repoRoot, 'dist', 'post', 'index.js')

export interface ActionRun {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  state: Record<string, string>
  summary: string
  /** GITHUB_OUTPUT and GITHUB_STATE as written, for checks on every byte. */
  rawOutputs: string
  rawState: string
  /** Milliseconds from the stop signal to the process's exit, when a signal was sent. */
  exitAfterSignalMs?: number
}

export interface RunOptions {
  inputs: Record<string, string>
  workspace: string
  env?: Record<string, string | undefined>
  entry?: string
  /** State saved by an earlier main run, for the post entry (STATE_* variables). */
  state?: Record<string, string>
  /** Sends this signal once `when` resolves (or once stdout matches it). */
  interrupt?: { signal: NodeJS.Signals; when: RegExp | (() => Promise<void>) }
  timeoutMs?: number
  /** Runs the action as this user (the test runs as root): what a user without root may not do shows. */
  runAs?: { uid: number; gid: number }
}

/** Parses the `name<<delimiter` blocks @actions/core writes to GITHUB_OUTPUT and GITHUB_STATE. */
export function parseCommandFile(text: string): Record<string, string> {
  const values: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i] ?? '')
    if (!match) continue
    const [, name, delimiter] = match
    const value: string[] = []
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '')
    values[name as string] = value.join('\n')
  }
  return values
}

export async function runAction(options: RunOptions): Promise<ActionRun> {
  const files = await mkdtemp(path.join(os.tmpdir(), 'action-files-'))
  const outputFile = path.join(files, 'output')
  const stateFile = path.join(files, 'state')
  const summaryFile = path.join(files, 'summary')
  await Promise.all([
    writeFile(outputFile, ''),
    writeFile(stateFile, ''),
    writeFile(summaryFile, '')
  ])

  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(process.env)) {
    // A clean runner environment: nothing of the test process's own GitHub or key variables.
    if (
      value === undefined ||
      /^(INPUT_|STATE_|GITHUB_|RUNNER_|NEBIUS_|OPENAI_|ACTIONS_)/.test(key)
    )
      continue
    if (key === 'NODE_OPTIONS') continue
    env[key] = value
  }
  Object.assign(env, {
    GITHUB_OUTPUT: outputFile,
    GITHUB_STATE: stateFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_WORKSPACE: options.workspace
  })
  for (const [name, value] of Object.entries(options.inputs))
    env[`INPUT_${name.toUpperCase()}`] = value
  for (const [name, value] of Object.entries(options.state ?? {})) env[`STATE_${name}`] = value
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key]
    else env[key] = value
  }

  if (options.runAs) {
    const { uid, gid } = options.runAs
    for (const file of [files, outputFile, stateFile, summaryFile]) await chown(file, uid, gid)
  }
  const child = spawn(process.execPath, [options.entry ?? mainEntry], {
    cwd: options.workspace,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.runAs ?? {})
  })
  let stdout = ''
  let stderr = ''
  let signalledAt: number | undefined
  const sendSignal = () => {
    if (signalledAt === undefined && options.interrupt && child.exitCode === null) {
      signalledAt = Date.now()
      child.kill(options.interrupt.signal)
    }
  }
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString()
    const when = options.interrupt?.when
    if (when instanceof RegExp && when.test(stdout)) sendSignal()
  })
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  if (options.interrupt && typeof options.interrupt.when === 'function') {
    options.interrupt.when().then(sendSignal, () => undefined)
  }
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 45_000)
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on('close', (c, s) => resolve([c, s]))
  )
  clearTimeout(timer)
  const exitedAt = Date.now()
  const rawOutputs = await readFile(outputFile, 'utf8')
  const rawState = await readFile(stateFile, 'utf8')
  return {
    code,
    signal,
    stdout,
    stderr,
    outputs: parseCommandFile(rawOutputs),
    state: parseCommandFile(rawState),
    rawOutputs,
    rawState,
    summary: await readFile(summaryFile, 'utf8'),
    exitAfterSignalMs: signalledAt === undefined ? undefined : exitedAt - signalledAt
  }
}

/** A fresh workspace holding the given files. */
export async function makeWorkspace(files: Record<string, string | Buffer> = {}): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'workspace-'))
  for (const [name, content] of Object.entries(files)) {
    await writeFile(path.join(dir, name), content)
  }
  return dir
}

/** A JSONL of `count` chat requests; `mutate` may change each line's object. */
export function chatRequests(
  count: number,
  mutate?: (line: Record<string, unknown>, index: number) => void
): string {
  const lines: string[] = []
  for (let i = 0; i < count; i++) {
    const line: Record<string, unknown> = {
      custom_id: `req-${i + 1}`,
      method: 'POST',
      url: '/v1/chat/completions',
      body: {
        model: 'test-model',
        messages: [{ role: 'user', content: `Question ${i + 1}` }],
        max_tokens: 16
      }
    }
    mutate?.(line, i)
    lines.push(JSON.stringify(line))
  }
  return lines.join('\n') + '\n'
}
