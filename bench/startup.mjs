// Start-up: from spawning `node dist/index.js` (command: list) to its first HTTP request as the
// local Batch API logs it, and from spawning it with `validate-only` (a one-line file, no API key)
// to its exit, against a bare `node -e` process making the same request with fetch.
import path from 'node:path'
import { existsSync, readFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { SourceMap } from 'node:module'
import { spawn } from 'node:child_process'
import {
  API_KEY,
  actionEnv,
  actionEntry,
  bundleFiles,
  row,
  startMock,
  tmpDir,
  MB
} from './lib/common.mjs'
import { writeRequests } from './lib/generate.mjs'

/** The requests file of the validate-only runs, in the workspace: one line, the fixed cost. */
const TINY_FILE = 'startup-requests.jsonl'

/** Spawns a process, waits for its exit; returns the spawn time (epoch ms, fractional) and the exit time. */
async function spawnTimed(args, env, cwd) {
  const t0 = performance.timeOrigin + performance.now()
  const child = spawn(process.execPath, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  child.stdout.setEncoding('utf8').on('data', (d) => (out += d))
  child.stderr.setEncoding('utf8').on('data', (d) => (out += d))
  const code = await new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('exit', (c) => resolve(c))
  })
  const exitMs = performance.timeOrigin + performance.now() - t0
  if (code !== 0)
    throw new Error(`${args.join(' ').slice(0, 200)} exited with ${code}:\n${out.slice(-3000)}`)
  return { t0, exitMs }
}

export async function run({ runs, log }) {
  const iterations = Math.max(5, runs * 4) // each run is a fraction of a second: more runs, steadier medians
  const mock = await startMock()
  await writeRequests(path.join(tmpDir, TINY_FILE), { requests: 1 })
  const cacheDir = path.join(tmpDir, 'compile-cache')
  await rm(cacheDir, { recursive: true, force: true })
  let seen = 0
  /** The arrival time of the first API request logged since the last call. */
  async function firstRequestAt({ expect = true } = {}) {
    const { log: entries } = await mock.state()
    const first = entries.slice(seen).find((e) => e.op !== 'control')
    seen = entries.length
    if (!first && expect) throw new Error('the process made no request to the local Batch API')
    return first?.at
  }

  const baselineScript = `fetch(${JSON.stringify(`${mock.url}/batches?limit=20`)}, { headers: { authorization: 'Bearer ${API_KEY}', accept: 'application/json' } }).then((r) => r.text()).then(() => process.exit(0), (e) => { console.error(e); process.exit(1) })`
  const baseEnv = { ...process.env }
  delete baseEnv.NODE_OPTIONS
  delete baseEnv.NODE_COMPILE_CACHE

  const variants = {
    baseline: async () => spawnTimed(['-e', baselineScript], baseEnv, tmpDir),
    cold: async () => {
      const ctx = await actionEnv({ command: 'list', 'api-key': API_KEY, 'base-url': mock.url })
      try {
        return await spawnTimed([actionEntry()], ctx.env, tmpDir)
      } finally {
        await ctx.cleanup()
      }
    },
    warm: async () => {
      const ctx = await actionEnv(
        { command: 'list', 'api-key': API_KEY, 'base-url': mock.url },
        { extraEnv: { NODE_COMPILE_CACHE: cacheDir } }
      )
      try {
        return await spawnTimed([actionEntry()], ctx.env, tmpDir)
      } finally {
        await ctx.cleanup()
      }
    },
    // No api-key: validate-only needs none, and must not call the API (checked below).
    validate: async () => {
      const ctx = await actionEnv({
        file: TINY_FILE,
        'validate-only': 'true',
        'base-url': mock.url
      })
      try {
        return await spawnTimed([actionEntry()], ctx.env, tmpDir)
      } finally {
        await ctx.cleanup()
      }
    }
  }
  /** validate-only makes no request; every other variant makes one. */
  const requests = (name) => name !== 'validate'
  const results = { baseline: [], cold: [], warm: [], validate: [] }
  const exits = { baseline: [], cold: [], warm: [], validate: [] }
  const names = Object.keys(variants)
  try {
    await firstRequestAt({ expect: false })
    // Warm-up: one run of each (this also fills the compile cache for the warm variant).
    for (const name of names) {
      await variants[name]()
      await firstRequestAt({ expect: requests(name) })
    }
    for (let i = 0; i < iterations; i++) {
      // Rotate the order, so that no variant always runs right after another.
      const order = names.map((_, k) => names[(i + k) % names.length])
      for (const name of order) {
        const { t0, exitMs } = await variants[name]()
        const at = await firstRequestAt({ expect: requests(name) })
        if (!requests(name) && at !== undefined)
          throw new Error(`validate-only made a request to the API`)
        if (requests(name)) results[name].push(at - t0)
        exits[name].push(exitMs)
      }
      log(
        `  start-up ${i + 1}/${iterations}: baseline ${results.baseline.at(-1).toFixed(0)} ms, action cold ${results.cold.at(-1).toFixed(0)} ms, warm cache ${results.warm.at(-1).toFixed(0)} ms, validate-only exit ${exits.validate.at(-1).toFixed(0)} ms`
      )
    }
  } finally {
    await mock.stop()
    await rm(cacheDir, { recursive: true, force: true })
  }

  const ratio = (name) => results[name].map((v, i) => v / results.baseline[i])
  const exitRatio = (name) => exits[name].map((v, i) => v / exits.baseline[i])
  const files = bundleFiles()
  const total = files.reduce((n, f) => n + f.bytes, 0)
  const main = files.find((f) => f.name === 'dist/index.js')?.bytes ?? 0
  const rows = [
    row('baseline: `node -e` fetch, spawn → first request', results.baseline, {
      unit: 'ms',
      digits: 0
    }),
    row('action, cold (no compile cache), spawn → first request', results.cold, {
      unit: 'ms',
      digits: 0
    }),
    row('action, warm NODE_COMPILE_CACHE, spawn → first request', results.warm, {
      unit: 'ms',
      digits: 0
    }),
    row('**list: ratio cold / baseline**, to first request (headline)', ratio('cold'), {
      unit: 'x',
      target: { max: 1.9 },
      digits: 2
    }),
    row('ratio warm cache / baseline', ratio('warm'), { unit: 'x', digits: 2 }),
    row('baseline: spawn → exit', exits.baseline, { unit: 'ms', digits: 0 }),
    row('action, cold: spawn → exit', exits.cold, { unit: 'ms', digits: 0 }),
    row('validate-only (1 line, no API key), cold: spawn → exit', exits.validate, {
      unit: 'ms',
      digits: 0
    }),
    row('**validate-only: ratio exit / baseline exit** (headline)', exitRatio('validate'), {
      unit: 'x',
      target: { max: 1.4 },
      digits: 2
    }),
    row('bundle: dist/index.js', [main / MB], { unit: 'MB', digits: 2 }),
    row(
      `bundle: all JS in dist/ (${describeFiles(files)}; a command loads only the chunks it needs)`,
      [total / MB],
      { unit: 'MB', digits: 2 }
    )
  ]
  const composition = bundleComposition(actionEntry())
  return {
    id: 'startup',
    notes: composition
      ? [
          `What dist/index.js is made of (generated bytes by source package, from its source map): ${composition}.`
        ]
      : [],
    title: 'Start-up',
    description:
      `Time from spawning the process to its first HTTP request, as logged by the local Batch API (a separate process), ` +
      `for \`node dist/index.js\` with \`command: list\` against a bare \`node -e\` making the same GET /v1/batches with fetch; ` +
      `and from spawning \`validate-only\` on a one-line file (no API key; it must make no request) to its exit, against the bare \`node -e\` from spawn to exit. ` +
      `Paired ratios: each run of the action is divided by the baseline run of the same iteration. ` +
      `${iterations} runs of each after one warm-up run each; the order rotates every iteration. ` +
      `The warm-cache variant sets NODE_COMPILE_CACHE to a directory filled by its warm-up run; a GitHub runner starts every job cold, so cold is the headline.`,
    rows
  }
}

/** The bundle's JS files by name, with the chunks the bundler split off counted, not listed. */
function describeFiles(files) {
  const names = files.map((f) => f.name.replace('dist/', ''))
  const chunks = names.filter((n) => /^\d+\.index\.js$/.test(n))
  const others = names.filter((n) => !chunks.includes(n))
  return [...others, ...(chunks.length ? [`${chunks.length} chunks`] : [])].join(', ')
}

/** Generated bytes of the bundle by the package each line comes from, from the source map. */
function bundleComposition(entry) {
  const mapFile = `${entry}.map`
  if (!existsSync(mapFile)) return undefined
  const map = new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8')))
  const lines = readFileSync(entry, 'utf8').split('\n')
  const bytes = new Map()
  let last = 'other'
  lines.forEach((line, i) => {
    const e = map.findEntry(i, Math.max(0, line.search(/\S/)))
    if (e && e.originalSource) {
      const m = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(e.originalSource)
      last = m ? m[1] : /webpack/.test(e.originalSource) ? 'bundler runtime' : 'the action (src/)'
    }
    bytes.set(last, (bytes.get(last) ?? 0) + line.length + 1)
  })
  const total = [...bytes.values()].reduce((a, b) => a + b, 0)
  return [...bytes]
    .sort((a, b) => b[1] - a[1])
    .filter(([, b]) => b / total >= 0.005)
    .map(([k, b]) => `${k} ${(b / MB).toFixed(2)} MB (${Math.round((b / total) * 100)}%)`)
    .join(', ')
}
