// Polling cost: the action's own waitForBatch (src/batch/poll.ts compiled with the project's TypeScript),
// driven in virtual time against a batch that completes T after it was created, with the default
// inputs of action.yml. Many seeds of the jitter's random numbers.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { parse } from 'yaml'
import { root, row, tmpDir } from './lib/common.mjs'
import { seededRandom } from './lib/generate.mjs'

const CASES = [
  { label: '10 s', ms: 10_000 },
  { label: '60 s', ms: 60_000 },
  { label: '10 min', ms: 600_000 },
  { label: '1 h', ms: 3_600_000 },
  { label: '5 h', ms: 18_000_000 }
]

export async function run({ quick, log }) {
  const seeds = quick ? 200 : 2000
  const outDir = path.join(tmpDir, 'poll-build')
  await rm(outDir, { recursive: true, force: true })
  const tsc = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
      '--outDir',
      outDir,
      '--module',
      'nodenext',
      '--target',
      'es2023',
      '--skipLibCheck',
      '--rootDir',
      'src',
      'src/batch/poll.ts',
      'src/lib/parse-duration.ts'
    ],
    { cwd: root, encoding: 'utf8' }
  )
  if (tsc.status !== 0) throw new Error(`tsc failed:\n${tsc.stdout}${tsc.stderr}`)
  const { waitForBatch } = await import(pathToFileURL(path.join(outDir, 'batch', 'poll.js')).href)
  const { parseDuration } = await import(
    pathToFileURL(path.join(outDir, 'lib', 'parse-duration.js')).href
  )

  // The defaults the action runs with, from action.yml.
  const inputs = parse(readFileSync(path.join(root, 'action.yml'), 'utf8')).inputs
  const def = (name) => String(inputs[name].default)
  const options = {
    initialMs: Math.round(Number(def('poll-interval')) * 1000),
    maxMs: Math.round(Number(def('max-poll-interval')) * 1000),
    timeoutMs: parseDuration(def('wait-timeout')),
    maxConsecutiveErrors: Number(def('max-consecutive-errors'))
  }
  log(
    `  defaults: poll-interval ${def('poll-interval')} s, max-poll-interval ${def('max-poll-interval')} s, wait-timeout ${def('wait-timeout')}; ${seeds} seeds per case`
  )

  const rows = []
  for (const c of CASES) rows.push(...(await measure(c, 'status only', seeds)))
  for (const c of CASES) rows.push(...(await measure(c, 'progressing counts', seeds)))
  await rm(outDir, { recursive: true, force: true })
  return {
    id: 'polling',
    title: 'Polling cost',
    description:
      "`waitForBatch` from src/batch/poll.ts (compiled with the project's tsc) with the defaults of action.yml " +
      `(poll-interval ${def('poll-interval')}, max-poll-interval ${def('max-poll-interval')}, wait-timeout ${def('wait-timeout')}), ` +
      'in virtual time (injected `now` and `sleep`), against a `retrieve` that answers `completed` from T after the start of the wait. ' +
      '"status only": `in_progress` with no request counts until then (the policy can only back off). ' +
      '"progressing counts": 10,000 requests done at a steady rate, then `finalizing` for the last 30 s (10% of T when shorter) (the policy can predict the end). ' +
      `The jitter draws from a seeded random, ${seeds} seeds per T (min/median/max over seeds; targets on the worst seed, and on the median where the issue sets one). ` +
      'Detection delay: from completion to the poll that sees it. Requests per hour: retrieve requests / hours from the start of the wait to detection.',
    tables: [{ subtitle: '', rows }]
  }

  async function measure(c, kind, seeds) {
    const requests = []
    const perHour = []
    const delays = []
    const shares = []
    for (let seed = 1; seed <= seeds; seed++) {
      let now = 0
      let retrieves = 0
      const result = await waitForBatch(
        { id: 'batch_bench', status: 'validating' },
        {
          retrieve: async () => {
            retrieves++
            return kind === 'status only' ? statusOnly(now, c.ms) : progressing(now, c.ms)
          },
          now: () => now,
          sleep: async (ms) => {
            now += ms
          },
          random: seededRandom(seed)
        },
        options
      )
      if (result.timedOut || result.batch.status !== 'completed')
        throw new Error(
          `${label}: the wait ended ${result.timedOut ? 'by timeout' : result.batch.status}`
        )
      requests.push(retrieves)
      perHour.push(retrieves / (now / 3_600_000))
      delays.push((now - c.ms) / 1000)
      shares.push(((now - c.ms) / c.ms) * 100)
    }
    const long = c.ms >= 600_000
    const label = `${kind}, T = ${c.label}`
    const progress = kind === 'progressing counts' && c.ms >= 3_600_000
    return [
      row(`${label}: retrieve requests`, requests, { digits: 0 }),
      row(
        `${label}: requests per hour of waiting${long ? '' : ' (short wait: no target)'}`,
        perHour,
        { unit: '/h', digits: 1, target: long ? { max: 90 } : undefined, judge: 'max' }
      ),
      row(`${label}: detection delay`, delays, {
        unit: 's',
        digits: 1,
        target: { max: options.maxMs / 1000 },
        judge: 'max'
      }),
      row(
        `${label}: detection delay / T${c.ms > 600_000 ? '' : ' (T ≤ 10 min: no target)'}`,
        shares,
        { unit: '%', digits: 1, target: c.ms > 600_000 ? { max: 10 } : undefined, judge: 'max' }
      ),
      ...(progress
        ? [
            row(`${label}: median detection delay`, delays, {
              unit: 's',
              digits: 1,
              target: { max: 10 },
              judge: 'median'
            })
          ]
        : [])
    ]
  }
}

const bench = (status, extra = {}) => ({ id: 'batch_bench', status, ...extra })

/** A batch that reports only its status: `in_progress` until T, then `completed`. */
function statusOnly(now, endMs) {
  return bench(now >= endMs ? 'completed' : 'in_progress')
}

/** A batch whose 10,000 requests end at a steady rate, then finalizing for the last 30 s (or 10%) of T. */
function progressing(now, endMs) {
  const total = 10_000
  const countsEndMs = endMs - Math.min(30_000, endMs / 10)
  const done = Math.min(total, Math.floor((total * now) / countsEndMs))
  const request_counts = { total, completed: done, failed: 0 }
  if (now >= endMs) return bench('completed', { request_counts })
  return bench(now >= countsEndMs ? 'finalizing' : 'in_progress', { request_counts })
}
