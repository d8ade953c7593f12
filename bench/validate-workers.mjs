// Whether validation gains from worker threads: 200 MB (quick: 50 MB) of chat requests validated
// by the action's validateRequestsFile in one thread (N = 0, today), and by the main thread with
// N = 1, 2, 3 worker threads (bench/lib/parallel-validate.mjs), each in a child process of its own:
// wall time, CPU time of the process and of each thread, peak RSS. Before measuring, every N is
// held to today's report on a file of bad lines (the same problems, messages and line numbers).
//
//   node bench/validate-workers.mjs [--quick] [--runs N]    (or npm run bench -- --only validate-workers)
import { spawnSync } from 'node:child_process'
import { availableParallelism } from 'node:os'
import { rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { fmt, formatSize, MB, root, row, tmpDir } from './lib/common.mjs'
import { writeRequests } from './lib/generate.mjs'
import { ENDPOINT, validateInWorkers } from './lib/parallel-validate.mjs'

const self = fileURLToPath(import.meta.url)
const cpuMs = (u) => (u.user + u.system) / 1000
const load = (buildDir, file) => import(pathToFileURL(path.join(buildDir, file)).href)

// The child: one validation, in a process of its own.
if (process.argv[1] === self && process.argv[2] === '--child') {
  const [, , , buildDir, file, n, most] = process.argv
  const workerCount = Number(n)
  const maxProblems = Number(most)
  const started = performance.now()
  let report
  if (workerCount === 0) {
    const { validateRequestsFile } = await load(buildDir, 'validate/file.js')
    report = await validateRequestsFile(file, {
      endpoint: ENDPOINT,
      provider: { name: 'unknown' },
      maxProblems
    })
  } else {
    report = await validateInWorkers(buildDir, file, workerCount, maxProblems)
  }
  const wallMs = performance.now() - started
  const usage = process.resourceUsage()
  process.stdout.write(
    JSON.stringify({
      wallMs,
      cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
      mainCpuMs: cpuMs(process.threadCpuUsage()),
      workerCpuMs: report.workerCpuMs ?? [],
      peakRss: usage.maxRSS * 1024,
      requests: report.requests,
      problemCount: report.problemCount,
      problems: report.problems,
      model: report.model,
      sha256: report.sha256
    })
  )
  process.exit(0)
}

// ---------------------------------------------------------------------------------------------
// The benchmark
// ---------------------------------------------------------------------------------------------
function compile(outDir) {
  const tsc = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
      ...['--outDir', outDir, '--module', 'nodenext', '--target', 'es2023'],
      ...['--skipLibCheck', '--strict', '--rootDir', 'src'],
      ...['src/validate/file.ts', 'src/validate/validator.ts', 'src/validate/fast-shape.ts']
    ],
    { cwd: root, encoding: 'utf8' }
  )
  if (tsc.status !== 0) throw new Error(`tsc failed:\n${tsc.stdout}${tsc.stderr}`)
}

function validateOnce(buildDir, file, workers, maxProblems = 50) {
  const child = spawnSync(
    process.execPath,
    [self, '--child', buildDir, file, String(workers), String(maxProblems)],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 24
    }
  )
  if (child.status !== 0)
    throw new Error(`validation with ${workers} workers failed: ${child.stderr}`)
  return JSON.parse(child.stdout)
}

/** A file of every kind of problem, some spanning chunks, to hold N workers to today's report. */
async function writeBadFile(file) {
  const line = (i, body = {}, extra = {}) =>
    JSON.stringify({
      custom_id: `r-${i}`,
      method: 'POST',
      url: ENDPOINT,
      body: { model: 'm', messages: [{ role: 'user', content: 'x'.repeat(i % 3000) }], ...body },
      ...extra
    })
  const lines = []
  for (let i = 0; i < 6000; i++) {
    const k = i % 97
    if (k === 5) lines.push(line(i).slice(0, -1))
    else if (k === 11) lines.push('')
    else if (k === 17) lines.push(line(i - 3))
    else if (k === 23) lines.push(line(i, { model: i % 2 ? 'other' : 'third' }))
    else if (k === 29) lines.push(line(i, { messages: [] }, { method: 'GET' }))
    else if (k === 31) lines.push(`\ufeff${line(i)}`)
    else if (k === 37) lines.push(line(i, {}, { custom_id: '' }))
    else if (k === 41) lines.push('[1]')
    else lines.push(line(i))
  }
  const bytes = Buffer.from(lines.join('\n') + '\n')
  const bad = Buffer.from(line(6001)) // invalid UTF-8 inside a string
  bad[40] = 0xc0
  await writeFile(file, Buffer.concat([bytes, bad, Buffer.from('\n'), Buffer.from(line(6002))]))
}

export async function run({ runs, quick, log }) {
  const buildDir = path.join(tmpDir, 'validate-workers-build')
  await rm(buildDir, { recursive: true, force: true })
  compile(buildDir)
  const cores = availableParallelism()
  const counts = [0, 1, 2, 3]

  const badFile = path.join(tmpDir, 'validate-workers-bad.jsonl')
  await writeBadFile(badFile)
  const today = validateOnce(buildDir, badFile, 0, 10_000)
  const keys = ['requests', 'problemCount', 'problems', 'model', 'sha256']
  const same = (a) => keys.every((k) => JSON.stringify(a[k]) === JSON.stringify(today[k]))
  for (const n of counts.slice(1))
    if (!same(validateOnce(buildDir, badFile, n, 10_000)))
      throw new Error(`${n} workers do not report what validateRequestsFile reports on ${badFile}`)
  log(`  a file of ${today.problemCount} problems: the same report with 1, 2 and 3 workers`)
  await rm(badFile)

  const size = quick ? 50 * MB : 200 * MB
  const file = path.join(tmpDir, `validate-workers-${size}.jsonl`)
  const bytes = await writeRequests(file, { totalBytes: size, lineBytes: 1024 })
  log(
    `  ${formatSize(bytes)} of ~1 kB chat requests; ${cores} cores; ${runs} runs of N = ${counts.join(', ')}`
  )
  validateOnce(buildDir, file, 0) // warm-up: the file in the page cache
  const measured = Object.fromEntries(counts.map((n) => [n, []]))
  for (let r = 0; r < runs; r++) {
    // Rotating order, so that a change of the machine's load spreads over every N.
    for (const n of counts.map((_, i) => counts[(i + r) % counts.length])) {
      const result = validateOnce(buildDir, file, n)
      measured[n].push(result)
      log(
        `  N=${n}: ${fmt(result.wallMs / 1000)} s wall, ${fmt(result.cpuMs / 1000)} s CPU (main ${fmt(result.mainCpuMs / 1000)} s, workers ${result.workerCpuMs.map((c) => fmt(c / 1000)).join(' + ') || '-'}), ${formatSize(result.peakRss)}`
      )
    }
  }
  await rm(file)

  const rows = []
  const wall0 = measured[0].map((m) => m.wallMs)
  for (const n of counts) {
    const ms = measured[n]
    const label = n === 0 ? 'N = 0 (today, one thread)' : `N = ${n} worker${n > 1 ? 's' : ''}`
    rows.push(
      row(
        `${label}: wall`,
        ms.map((m) => m.wallMs / 1000),
        { unit: 's' }
      )
    )
    if (n > 0)
      rows.push(
        row(
          `${label}: wall ÷ N = 0 (same iteration)`,
          ms.map((m, i) => m.wallMs / wall0[i]),
          {
            unit: 'x'
          }
        )
      )
    rows.push(
      row(
        `${label}: CPU, all threads`,
        ms.map((m) => m.cpuMs / 1000),
        { unit: 's' }
      )
    )
    if (n > 0) {
      rows.push(
        row(
          `${label}: CPU of the main thread`,
          ms.map((m) => m.mainCpuMs / 1000),
          { unit: 's' }
        )
      )
      rows.push(
        row(
          `${label}: CPU of the workers, summed`,
          ms.map((m) => m.workerCpuMs.reduce((a, b) => a + b, 0) / 1000),
          {
            unit: 's'
          }
        )
      )
    }
    rows.push(
      row(
        `${label}: peak RSS`,
        ms.map((m) => m.peakRss / MB),
        { unit: 'MB', digits: 0 }
      )
    )
  }
  // With a core for each thread (4 cores, N = 3) the wall time is at least the busiest thread's
  // CPU: the main thread's share, or the workers' summed CPU divided among them. Set against N = 0
  // on a free core, whose wall time is about its CPU time.
  const busiest = measured[3].map(
    (m) => Math.max(m.mainCpuMs, m.workerCpuMs.reduce((a, b) => a + b, 0) / 3) / 1000
  )
  rows.push(
    row('estimate, 4 cores, N = 3 (not measured): busiest thread, a lower bound', busiest, {
      unit: 's'
    }),
    row(
      'estimate, 4 cores: that ÷ the CPU time of N = 0 (same iteration)',
      busiest.map((b, i) => b / (measured[0][i].cpuMs / 1000)),
      { unit: 'x' }
    )
  )
  return {
    id: 'validate-workers',
    title: 'Validation in worker threads',
    description:
      `Validation of ${formatSize(bytes)} of ~1 kB chat requests in a child process per run: N = 0 is validateRequestsFile as the action runs it; ` +
      'N = 1 to 3 read, hash and cut the file into 1 MiB chunks of whole lines on the main thread, parse and check the lines in N worker threads ' +
      '(the ArrayBuffer transferred), and make the checks across lines on the main thread, with the same messages (checked on a file of bad lines first). ' +
      `This machine has ${cores} cores: ${cores < 4 ? 'the 4-core figure is an estimate from the per-thread CPU times of N = 3, not a measurement' : 'N = 3 uses 4 of them'}.`,
    tables: [{ subtitle: '', rows }]
  }
}

// Run on its own: node bench/validate-workers.mjs [--quick] [--runs N]
if (process.argv[1] === self && process.argv[2] !== '--child') {
  const { table } = await import('./lib/common.mjs')
  const { mkdir } = await import('node:fs/promises')
  const args = process.argv.slice(2)
  const quick = args.includes('--quick')
  const i = args.indexOf('--runs')
  const runs = i >= 0 ? Number(args[i + 1]) : quick ? 1 : 3
  await mkdir(tmpDir, { recursive: true })
  const result = await run({ runs, quick, log: (l) => console.log(l) })
  console.log(`\n${result.description}\n\n${table(result.tables[0].rows)}`)
}
