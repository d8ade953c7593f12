// npm run bench [-- --quick] [-- --runs N] [-- --only startup,upload,download,polling] [-- --keep]
//
// Measures the bundled action (dist/index.js) against the physical limits, side by side in one run:
// start-up against a bare node process, validate + upload and download + join against curl, and
// the polling cost in virtual time. Writes bench/results.md and prints the same tables.
import { existsSync } from 'node:fs'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import {
  benchDir,
  distDir,
  fmt,
  hasCurl,
  isMiss,
  machineInfo,
  memoryMethod,
  root,
  snapshotBundle,
  staleBundle,
  table,
  tmpDir
} from './lib/common.mjs'

const BENCHMARKS = [
  'startup',
  'upload',
  'download',
  'polling',
  'split',
  'join-job',
  'validate-workers'
]

const USAGE = `usage: npm run bench -- [--quick] [--runs N] [--only ${BENCHMARKS.join(',')}] [--keep] [--out FILE]
  --quick     fewer runs and smaller sizes (a smoke run, about a minute)
  --runs N    measured runs per case after the warm-up (default 7, quick 3; start-up runs 4x as many)
  --only L    a comma-separated subset of ${BENCHMARKS.join(', ')}
  --keep      keep bench/tmp (generated files) at the end
  --out FILE  where to write the results (default bench/results.md; a --quick run writes a file only with --out)`

let values
try {
  ;({ values } = parseArgs({
    options: {
      quick: { type: 'boolean' },
      runs: { type: 'string' },
      only: { type: 'string' },
      keep: { type: 'boolean' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' }
    },
    strict: true
  }))
} catch (e) {
  console.error(`${e.message}\n${USAGE}`)
  process.exit(2)
}
if (values.help) {
  console.log(USAGE)
  process.exit(0)
}
const quick = values.quick === true
const runs = values.runs !== undefined ? Number(values.runs) : quick ? 3 : 7
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`--runs needs a whole number >= 1, got '${values.runs}'\n${USAGE}`)
  process.exit(2)
}
const only = values.only
  ? values.only
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
  : BENCHMARKS
const unknown = only.filter((b) => !BENCHMARKS.includes(b))
if (unknown.length > 0) {
  console.error(`--only: unknown benchmark ${unknown.join(', ')}\n${USAGE}`)
  process.exit(2)
}
const outFile = values.out
  ? path.resolve(values.out)
  : quick
    ? undefined
    : path.join(benchDir, 'results.md')

if (Number(process.versions.node.split('.')[0]) < 24) {
  console.error(
    `The action runs on Node 24; this is Node ${process.version}. Run the benchmarks with Node 24.`
  )
  process.exit(1)
}
if (!existsSync(path.join(distDir, 'index.js'))) {
  console.error('dist/index.js is missing: run `npm run bundle` first.')
  process.exit(1)
}

const log = (line) => console.log(line)
const machine = machineInfo()
const warnings = []
if (memoryMethod() !== 'time') {
  warnings.push(
    '/usr/bin/time (GNU time, Debian package `time`) is missing: peak RSS comes from polling /proc/PID/status VmHWM every 10 ms instead ' +
      '(install it with `apt-get install time` for exact figures).'
  )
}
if (!hasCurl())
  warnings.push(
    'curl is missing: the upload and download baselines are skipped (`apt-get install curl`).'
  )
const stale = staleBundle()
if (stale.length > 0)
  warnings.push(
    `src/ has files newer than dist/index.js (${stale.join(', ')}): the bundle may be stale; run \`npm run bundle\` to measure the current code.`
  )
for (const w of warnings) console.warn(`warning: ${w}`)

const command = `npm run bench${quick || values.runs || values.only ? ' --' : ''}${quick ? ' --quick' : ''}${values.runs ? ` --runs ${runs}` : ''}${values.only ? ` --only ${only.join(',')}` : ''}`
console.log(
  `${command}\n${machine.cpu}, ${machine.cores} cores, Node ${machine.node}; runs: ${runs}${quick ? ' (quick)' : ''}; benchmarks: ${only.join(', ')}\n`
)

await mkdir(tmpDir, { recursive: true })
await snapshotBundle()
let interrupted = false
const cleanup = async () => {
  if (!values.keep) await rm(tmpDir, { recursive: true, force: true }).catch(() => undefined)
}
process.on('SIGINT', () => {
  if (interrupted) process.exit(130)
  interrupted = true
  console.error('\ninterrupted: cleaning up bench/tmp')
  cleanup().finally(() => process.exit(130))
})

const sections = []
const started = performance.now()
for (const id of BENCHMARKS.filter((b) => only.includes(b))) {
  const t0 = performance.now()
  console.log(`## ${id}`)
  let result
  try {
    const mod = await import(`./${id}.mjs`)
    result = await mod.run({ runs, quick, log })
  } catch (error) {
    console.error(`${id} failed: ${error.stack ?? error}`)
    result = { id, title: id, error: String(error.message ?? error).slice(0, 4000), tables: [] }
  }
  result.seconds = (performance.now() - t0) / 1000
  result.tables ??= [{ subtitle: '', rows: result.rows }]
  sections.push(result)
  console.log('')
  for (const t of result.tables) {
    if (t.subtitle) console.log(`### ${t.subtitle}`)
    console.log(table(t.rows) + '\n')
  }
  for (const n of result.notes ?? []) console.log(`note: ${n}\n`)
}
const totalSeconds = (performance.now() - started) / 1000

// results.md
const misses = sections.flatMap((s) =>
  s.tables.flatMap((t) =>
    t.rows
      .filter(isMiss)
      .map(
        (r) => `${s.title}${t.subtitle ? ` (${t.subtitle})` : ''}: ${r.metric.replace(/\*\*/g, '')}`
      )
  )
)
const failed = sections.filter((s) => s.error)
const md = [
  '# Benchmark results',
  '',
  `Generated by \`${command}\` on ${machine.date.slice(0, 10)} in ${fmt(totalSeconds / 60, 1)} minutes. Reproduce: \`npm ci && npm run bundle && ${command}\` (Node 24; the Debian packages \`time\` and \`curl\`).`,
  '',
  '| machine | |',
  '| --- | --- |',
  `| CPU | ${machine.cpu} |`,
  `| cores | ${machine.cores} |`,
  `| memory | ${machine.memory} |`,
  `| OS | ${machine.os} |`,
  `| Node | ${machine.node} |`,
  `| curl | ${machine.curl} |`,
  `| load average at the start | ${machine.load} |`,
  `| date | ${machine.date} |`,
  `| peak RSS measured with | ${machine.memoryMethod} |`,
  '',
  'A shared, noisy machine: every figure is set against a baseline measured in the same run, paired run by run where there is a ratio. ' +
    'Each table shows min, median and max over the runs (after a warm-up run that is not counted). ' +
    'Times and ratios are judged on the median, memory and worst cases on the max.',
  '',
  ...warnings.map((w) => `> Warning: ${w}`),
  ...(warnings.length ? [''] : []),
  misses.length || failed.length
    ? `**Missed targets:** ${[...misses, ...failed.map((s) => `${s.title}: failed to run`)].join('; ')}.`
    : '**Every target met.**',
  ''
]
for (const s of sections) {
  md.push(`## ${s.title}`, '')
  if (s.description) md.push(s.description, '')
  if (s.error) md.push('The benchmark failed:', '', '```', s.error, '```', '')
  for (const t of s.tables) {
    if (t.subtitle) md.push(`### ${t.subtitle}`, '')
    md.push(table(t.rows), '')
  }
  for (const n of s.notes ?? []) md.push(`Note: ${n}`, '')
  md.push(`_${fmt(s.seconds, 0)} s._`, '')
}
if (outFile) {
  let text = md.join('\n')
  try {
    // Keeps the committed file as `npm run format:check` wants it.
    const prettier = await import('prettier')
    const config = (await prettier.resolveConfig(outFile)) ?? {}
    text = await prettier.format(text, { ...config, filepath: outFile })
  } catch {
    // prettier is a devDependency: without it the file is written as is.
  }
  await mkdir(path.dirname(outFile), { recursive: true })
  await writeFile(outFile, text)
}
await cleanup()
console.log(
  `${outFile ? `wrote ${path.relative(root, outFile) || outFile}` : 'quick run: no results file written (use --out FILE)'}; ${fmt(totalSeconds, 0)} s in all`
)
if (misses.length) console.log(`missed: ${misses.join('; ')}`)
process.exitCode = failed.length ? 1 : 0
