// Shared helpers of the benchmarks: options, processes with their wall time and peak RSS, the local
// Batch API as a separate process, statistics and the tables.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
export const benchDir = path.join(root, 'bench')
export const tmpDir = path.join(benchDir, 'tmp')
export const distDir = path.join(root, 'dist')
let bundleDir = distDir

/**
 * Copies dist/ to bench/tmp/dist and measures the copy from then on, so that a rebuild of dist/
 * during the run (npm run bundle removes it first) cannot break or change the measurements.
 */
export async function snapshotBundle() {
  const copy = path.join(tmpDir, 'dist')
  await rm(copy, { recursive: true, force: true })
  await cp(distDir, copy, { recursive: true })
  bundleDir = copy
  return copy
}

/** The bundled main entry under test. */
export function actionEntry() {
  return path.join(bundleDir, 'index.js')
}
export const API_KEY = 'bench-key'
export const MB = 1e6
export const MiB = 1 << 20

// ---------------------------------------------------------------------------------------------
// Statistics and formatting
// ---------------------------------------------------------------------------------------------

export function median(values) {
  const s = [...values].sort((a, b) => a - b)
  const n = s.length
  if (n === 0) return NaN
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2
}

/** min, median, max of a list of numbers. */
export function stats(values) {
  return {
    min: Math.min(...values),
    median: median(values),
    max: Math.max(...values),
    n: values.length
  }
}

export function fmt(value, digits = 2) {
  if (value === undefined || value === null || Number.isNaN(value)) return 'n/a'
  if (!Number.isFinite(value)) return String(value)
  const abs = Math.abs(value)
  const d =
    abs >= 1000 ? 0 : abs >= 100 ? Math.min(digits, 0) : abs >= 10 ? Math.min(digits, 1) : digits
  return value.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d })
}

export function formatSize(bytes) {
  if (bytes >= 1e9) return `${fmt(bytes / 1e9, 2)} GB`
  if (bytes >= 1e6) return `${fmt(bytes / 1e6, 1)} MB`
  if (bytes >= 1e3) return `${fmt(bytes / 1e3, 1)} kB`
  return `${bytes} B`
}

/**
 * One row of a table. `values` are the measurements (one per run or seed); `target` is
 * `{ max }` (lower is better) or `{ min }` (higher is better) or undefined (for information);
 * `judge` says which statistic the target applies to: 'median' (times and ratios) or 'max'
 * (memory, worst cases).
 */
export function row(
  metric,
  values,
  { unit = '', target, judge = 'median', digits = 2, note } = {}
) {
  return { metric, unit, ...stats(values), target, judge, digits, note }
}

function verdict(r) {
  if (!r.target) return '—'
  const v = r[r.judge]
  if (Number.isNaN(v)) return 'n/a'
  const on = r.judge === 'median' ? 'median' : r.judge
  if (r.target.max !== undefined) {
    const limit = r.target.max
    const diff = v - limit
    const pct = limit !== 0 ? Math.abs(diff / limit) * 100 : 0
    return diff <= 0
      ? `PASS (${on} ${fmt(pct, pct < 10 ? 1 : 0)}% under)`
      : `**MISS** (${on} over by ${fmt(diff, r.digits)}${r.unit ? ' ' + r.unit : ''}, ${fmt(pct, 0)}%)`
  }
  const limit = r.target.min
  const diff = limit - v
  const pct = limit !== 0 ? Math.abs(diff / limit) * 100 : 0
  return diff <= 0
    ? `PASS (${on} ${fmt(pct, pct < 10 ? 1 : 0)}% over)`
    : `**MISS** (${on} short by ${fmt(diff, r.digits)}${r.unit ? ' ' + r.unit : ''}, ${fmt(pct, 0)}%)`
}

function targetText(r) {
  if (!r.target) return '—'
  const u = r.unit ? ` ${r.unit}` : ''
  if (r.target.max !== undefined)
    return `≤ ${fmt(r.target.max, r.digits)}${u}${r.judge === 'max' ? ' (worst)' : ''}`
  return `≥ ${fmt(r.target.min, r.digits)}${u}${r.judge === 'max' ? ' (worst)' : ''}`
}

export function isMiss(r) {
  return verdict(r).includes('MISS')
}

/** A markdown table; the same text is printed to stdout. */
export function table(rows) {
  const header = ['metric', 'runs', 'min', 'median', 'max', 'target', 'result']
  const lines = rows.map((r) => [
    r.metric + (r.unit ? ` (${r.unit})` : ''),
    String(r.n),
    fmt(r.min, r.digits),
    fmt(r.median, r.digits),
    fmt(r.max, r.digits),
    targetText(r),
    verdict(r)
  ])
  const all = [header, ...lines]
  const widths = header.map((_, i) => Math.max(...all.map((l) => l[i].length)))
  const render = (l) =>
    '| ' +
    l.map((c, i) => (i >= 1 && i <= 4 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ') +
    ' |'
  const sep =
    '| ' +
    widths.map((w, i) => (i >= 1 && i <= 4 ? '-'.repeat(w - 1) + ':' : '-'.repeat(w))).join(' | ') +
    ' |'
  return [render(header), sep, ...lines.map(render)].join('\n')
}

// ---------------------------------------------------------------------------------------------
// Processes: wall time and peak RSS
// ---------------------------------------------------------------------------------------------

export const TIME_BIN = '/usr/bin/time'

/** Whether /usr/bin/time is GNU time with -v (Debian package `time`). */
export function hasGnuTime() {
  if (!existsSync(TIME_BIN)) return false
  const r = spawnSync(TIME_BIN, ['-v', 'true'], { encoding: 'utf8' })
  return r.status === 0 && /Maximum resident set size/.test(r.stderr)
}

let timeTool
export function memoryMethod() {
  timeTool ??= hasGnuTime() ? 'time' : 'vmhwm'
  return timeTool
}

function readVmHWM(pid) {
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) * 1024 : 0
  } catch {
    return 0
  }
}

let timeFileSeq = 0

/**
 * Runs `command args` to its end and measures it: wall time from spawn to exit (ms), and the peak
 * RSS (bytes) of the process, by /usr/bin/time -v when present, else by reading /proc/PID/status
 * VmHWM every 10 ms while it runs (the high-water mark, so the last read is close to the peak).
 */
export async function measure(
  command,
  args,
  { env = process.env, cwd = root, timeoutMs = 600_000, memory = true } = {}
) {
  const useTime = memory && memoryMethod() === 'time'
  const timeFile = path.join(tmpDir, `time-${process.pid}-${++timeFileSeq}.txt`)
  const [cmd, argv] = useTime
    ? [TIME_BIN, ['-o', timeFile, '-v', command, ...args]]
    : [command, args]
  const started = performance.now()
  const child = spawn(cmd, argv, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (d) => (stdout = (stdout + d).slice(-200_000)))
  child.stderr.setEncoding('utf8').on('data', (d) => (stderr = (stderr + d).slice(-200_000)))
  let hwm = 0
  let poller
  if (memory && !useTime) {
    poller = setInterval(() => (hwm = Math.max(hwm, readVmHWM(child.pid))), 10)
  }
  const killer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
  const [code, signal] = await new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('exit', (c, s) => resolve([c, s]))
  })
  const wallMs = performance.now() - started
  clearTimeout(killer)
  if (poller) clearInterval(poller)
  await new Promise((r) => (child.stdout.readableEnded ? r() : child.stdout.on('end', r)))
  let peakRss = memory ? hwm : undefined
  if (useTime) {
    const text = await readFile(timeFile, 'utf8').catch(() => '')
    await rm(timeFile, { force: true })
    const m = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(text)
    peakRss = m ? Number(m[1]) * 1024 : undefined
    // GNU time exits with the command's exit status.
  }
  return { code, signal, wallMs, peakRss, stdout, stderr }
}

/** Throws with the process's output when it did not exit 0. */
export function expectOk(result, what) {
  if (result.code === 0) return result
  const tail = (s) => s.split('\n').slice(-25).join('\n')
  throw new Error(
    `${what} exited with ${result.code ?? result.signal}\n--- stdout ---\n${tail(result.stdout)}\n--- stderr ---\n${tail(result.stderr)}`
  )
}

// ---------------------------------------------------------------------------------------------
// The action as a process
// ---------------------------------------------------------------------------------------------

/** Parses the `name<<delimiter` blocks @actions/core writes to GITHUB_OUTPUT. */
export function parseCommandFile(text) {
  const values = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i] ?? '')
    if (!match) continue
    const [, name, delimiter] = match
    const value = []
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '')
    values[name] = value.join('\n')
  }
  return values
}

let actionSeq = 0

/**
 * The environment of the action run the way the runner runs it: inputs as INPUT_* variables,
 * output, state and summary files, the workspace. Nothing of this process's own GitHub, key or
 * NODE_OPTIONS variables leaks in.
 */
export async function actionEnv(inputs, { workspace = tmpDir, extraEnv = {} } = {}) {
  const files = path.join(tmpDir, 'action-files', String(++actionSeq))
  await mkdir(files, { recursive: true })
  const env = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (
      value === undefined ||
      /^(INPUT_|STATE_|GITHUB_|RUNNER_|NEBIUS_|OPENAI_|ACTIONS_)/.test(key)
    )
      continue
    if (key === 'NODE_OPTIONS' || key === 'NODE_COMPILE_CACHE') continue
    env[key] = value
  }
  Object.assign(env, {
    GITHUB_OUTPUT: path.join(files, 'output'),
    GITHUB_STATE: path.join(files, 'state'),
    GITHUB_STEP_SUMMARY: path.join(files, 'summary'),
    GITHUB_WORKSPACE: workspace
  })
  await Promise.all(['output', 'state', 'summary'].map((f) => writeFile(path.join(files, f), '')))
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value
  Object.assign(env, extraEnv)
  return {
    env,
    outputs: async () => parseCommandFile(await readFile(env.GITHUB_OUTPUT, 'utf8')),
    cleanup: () => rm(files, { recursive: true, force: true })
  }
}

/** Runs dist/index.js with the inputs; returns the measurement and the outputs. */
export async function runAction(inputs, options = {}) {
  const ctx = await actionEnv(inputs, options)
  try {
    const result = await measure(process.execPath, [actionEntry()], {
      env: ctx.env,
      cwd: options.workspace ?? tmpDir,
      memory: options.memory ?? true
    })
    return { ...result, outputs: await ctx.outputs() }
  } finally {
    await ctx.cleanup()
  }
}

// ---------------------------------------------------------------------------------------------
// The local Batch API, in its own process
// ---------------------------------------------------------------------------------------------

let mockSeq = 0

/**
 * Starts tools/mock-batch-api/cli.mjs as a separate process (so the server's work does not share
 * this process's event loop), its files under bench/tmp. `flags` are extra CLI flags.
 */
export async function startMock(flags = []) {
  const id = ++mockSeq
  const portFile = path.join(tmpDir, `mock-${id}.port`)
  const dataDir = path.join(tmpDir, `mock-${id}-data`)
  await mkdir(dataDir, { recursive: true })
  await rm(portFile, { force: true })
  const child = spawn(
    process.execPath,
    [
      path.join(root, 'tools', 'mock-batch-api', 'cli.mjs'),
      '--port',
      '0',
      '--api-key',
      API_KEY,
      '--port-file',
      portFile,
      '--data-dir',
      dataDir,
      ...flags
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } }
  )
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d))
  child.stdout.resume()
  const exited = new Promise((resolve) => child.on('exit', resolve))
  const deadline = Date.now() + 15_000
  while (!existsSync(portFile)) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`the local Batch API did not start: ${stderr}`)
    await delay(20)
  }
  const port = Number(readFileSync(portFile, 'utf8').trim())
  const base = `http://127.0.0.1:${port}`
  const auth = { authorization: `Bearer ${API_KEY}` }
  const mock = {
    pid: child.pid,
    port,
    url: `${base}/v1`,
    dataDir,
    async state() {
      const r = await fetch(`${base}/_mock/state`)
      return r.json()
    },
    async api(method, p, body) {
      const r = await fetch(`${base}/v1${p}`, {
        method,
        headers: { ...auth, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined
      })
      const json = await r.json()
      if (!r.ok) throw new Error(`${method} ${p}: HTTP ${r.status} ${JSON.stringify(json)}`)
      return json
    },
    /** Deletes every stored file of purpose `batch` (uploads), to keep the disk use flat. */
    async deleteUploads() {
      const list = await mock.api('GET', '/files?limit=10000')
      for (const f of list.data ?? [])
        if (f.purpose === 'batch') await mock.api('DELETE', `/files/${f.id}`)
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM')
        const t = setTimeout(() => child.kill('SIGKILL'), 8000)
        await exited
        clearTimeout(t)
      }
      await rm(dataDir, { recursive: true, force: true })
      await rm(portFile, { force: true })
    }
  }
  return mock
}

// ---------------------------------------------------------------------------------------------
// The machine and the bundle
// ---------------------------------------------------------------------------------------------

export function machineInfo() {
  let cpu = 'unknown'
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))
    if (m) cpu = m[1].trim()
  } catch {
    cpu = os.cpus()[0]?.model ?? 'unknown'
  }
  let curl = 'missing'
  const c = spawnSync('curl', ['--version'], { encoding: 'utf8' })
  if (c.status === 0) curl = c.stdout.split('\n')[0].split(' ').slice(0, 2).join(' ')
  return {
    cpu,
    cores: os.availableParallelism?.() ?? os.cpus().length,
    memory: `${fmt(os.totalmem() / 2 ** 30, 1)} GiB`,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    curl,
    load: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
    date: new Date().toISOString(),
    memoryMethod:
      memoryMethod() === 'time'
        ? '/usr/bin/time -v (maximum resident set size)'
        : '/proc/PID/status VmHWM, read every 10 ms (no /usr/bin/time)'
  }
}

/** The JavaScript the bundle loads: dist/index.js, its chunks and the source-map register. */
export function bundleFiles() {
  const dist = bundleDir
  return readdirSync(dist)
    .filter((f) => /\.(c|m)?js$/.test(f))
    .map((f) => ({ name: `dist/${f}`, bytes: statSync(path.join(dist, f)).size }))
}

/** Whether a file under src/ is newer than dist/index.js (the bundle may be stale). */
export function staleBundle() {
  const built = statSync(path.join(distDir, 'index.js')).mtimeMs
  const src = path.join(root, 'src')
  const newer = readdirSync(src).filter((f) => statSync(path.join(src, f)).mtimeMs > built)
  return newer
}

export function hasCurl() {
  return spawnSync('curl', ['--version']).status === 0
}

// ---------------------------------------------------------------------------------------------
// A link limited to a rate (bench/lib/throttle-proxy.mjs, in its own process)
// ---------------------------------------------------------------------------------------------

let proxySeq = 0

/**
 * Starts a proxy in front of the local API `mock` that limits the link to `rate` bytes/s in each
 * direction; its `url` replaces mock.url for everything sent through it.
 */
export async function startProxy(mock, rate) {
  const portFile = path.join(tmpDir, `proxy-${++proxySeq}.port`)
  await rm(portFile, { force: true })
  const child = spawn(
    process.execPath,
    [
      path.join(benchDir, 'lib', 'throttle-proxy.mjs'),
      '--target',
      `127.0.0.1:${mock.port}`,
      '--rate',
      String(rate),
      '--port-file',
      portFile
    ],
    { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } }
  )
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d))
  const exited = new Promise((resolve) => child.on('exit', resolve))
  const deadline = Date.now() + 15_000
  while (!existsSync(portFile)) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`the throttling proxy did not start: ${stderr}`)
    await delay(20)
  }
  const port = Number(readFileSync(portFile, 'utf8').trim())
  return {
    rate,
    url: `http://127.0.0.1:${port}/v1`,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM')
        await exited
      }
      await rm(portFile, { force: true })
    }
  }
}

/** The links a transfer benchmark runs over: loopback, and the proxies at 100 and 25 MB/s. */
export const LINK_RATES = [100e6, 25e6]

/** A link's name in the tables. */
export function linkName(rate) {
  return rate === undefined ? 'loopback' : `${Math.round(rate / 1e6)} MB/s link`
}

/** Runs bench/lib/peer-sdk.mjs (the official SDK with no validation), measured like the action. */
export function runPeer(args, baseURL) {
  return measure(process.execPath, [path.join(benchDir, 'lib', 'peer-sdk.mjs'), ...args], {
    env: { ...process.env, NODE_OPTIONS: '', OPENAI_BASE_URL: baseURL, OPENAI_API_KEY: API_KEY },
    cwd: tmpDir
  })
}
