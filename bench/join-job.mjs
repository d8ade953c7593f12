// The job's join (src/job/join-job.ts compiled with the project's TypeScript): the results.jsonl of
// one batch against those of ten batches of the same total, and of ten batches and a retry round,
// each joined in a child process of its own (wall time and peak RSS of that process).
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import { once } from 'node:events'
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { expectOk, formatSize, measure, MB, root, row, tmpDir } from './lib/common.mjs'
import { seededRandom } from './lib/generate.mjs'

const PARTS = 10
/** Share of the requests a retry round sends again (and that succeed then). */
const RETRIED = 0.02

// The child: joins the rounds given as JSON and prints how long the join itself took.
if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === '--child') {
  const [, , , buildDir, dest, roundsJson, withAttempts] = process.argv
  const { joinJob } = await import(pathToFileURL(path.join(buildDir, 'job', 'join-job.js')).href)
  const empty = (resultsPath) => ({
    resultsPath,
    result: {
      path: resultsPath,
      ...{ total: 0, ok: 0, error: 0, missing: 0, malformed: 0 },
      usage: { prompt: 0, completion: 0, total: 0 },
      ...{ failures: [], failureCodes: [], samples: [], warnings: [] }
    }
  })
  const rounds = JSON.parse(roundsJson).map((paths) => paths.map(empty))
  const started = performance.now()
  const result = await joinJob(rounds, dest, {
    withAttempts: withAttempts === 'true',
    secrets: ['bench-secret-key']
  })
  process.stdout.write(
    JSON.stringify({ ms: performance.now() - started, total: result.total, ok: result.ok })
  )
  process.exit(0)
}

/** A line of a batch's results.jsonl as the join writes it: ~700 bytes of a chat answer, some failures. */
function resultLine(id, rand, round) {
  const r = rand()
  if (round === 0 && r < 0.005) return `{"custom_id":"${id}","status":"missing"}\n`
  if (round === 0 && r < 0.025)
    return `{"custom_id":"${id}","status":"error","error":{"code":"rate_limit_exceeded","message":"Rate limit reached for requests","status_code":429}}\n`
  const words = Math.floor(60 + rand() * 60)
  const content = `round ${round} answer: ${'lorem ipsum dolor '.repeat(words / 3)}`
  const body = {
    id: `chatcmpl-${id}`,
    object: 'chat.completion',
    created: 1730000000,
    model: 'meta-llama/Llama-3.3-70B-Instruct',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 120, completion_tokens: words, total_tokens: 120 + words }
  }
  return `{"custom_id":${JSON.stringify(id)},"status":"ok","response":${JSON.stringify(body)}}\n`
}

/** Writes `ids` as results to `files` (split evenly, in order); returns the bytes written. */
async function writeResults(files, ids, round, seed) {
  const rand = seededRandom(seed)
  const per = Math.ceil(ids.length / files.length)
  let bytes = 0
  for (let f = 0; f < files.length; f++) {
    const out = createWriteStream(files[f])
    let block = ''
    for (const id of ids.slice(f * per, (f + 1) * per)) {
      block += resultLine(id, rand, round)
      if (block.length < 1 << 20) continue
      bytes += Buffer.byteLength(block)
      if (!out.write(block)) await once(out, 'drain')
      block = ''
    }
    bytes += Buffer.byteLength(block)
    out.end(block)
    await once(out, 'finish')
  }
  return bytes
}

/** Reads the files once, so that every case is measured with its files in the page cache. */
async function warm(files) {
  for (const file of files)
    for await (const _ of createReadStream(file, { highWaterMark: 1 << 20 }));
}

function compile(outDir) {
  const tsc = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
      ...['--outDir', outDir, '--module', 'nodenext', '--target', 'es2023'],
      ...['--skipLibCheck', '--rootDir', 'src', 'src/job/join-job.ts']
    ],
    { cwd: root, encoding: 'utf8' }
  )
  if (tsc.status !== 0) throw new Error(`tsc failed:\n${tsc.stdout}${tsc.stderr}`)
}

export async function run({ runs, quick, log }) {
  const lines = quick ? 50_000 : 500_000
  const buildDir = path.join(tmpDir, 'join-job-build')
  const dataDir = path.join(tmpDir, 'join-job')
  await rm(buildDir, { recursive: true, force: true })
  compile(buildDir)
  await rm(dataDir, { recursive: true, force: true })
  await mkdir(dataDir, { recursive: true })

  const ids = Array.from({ length: lines }, (_, i) => `request-${String(i).padStart(7, '0')}`)
  const one = [path.join(dataDir, 'one.jsonl')]
  const ten = Array.from({ length: PARTS }, (_, i) => path.join(dataDir, `part-${i + 1}.jsonl`))
  const retry = [path.join(dataDir, 'round-1.jsonl')]
  const bytes = await writeResults(one, ids, 0, 7)
  await writeResults(ten, ids, 0, 7)
  const retried = ids.filter((_, i) => i % Math.round(1 / RETRIED) === 0)
  await writeResults(retry, retried, 1, 8)
  log(
    `  ${lines.toLocaleString('en-US')} lines, ${formatSize(bytes)}: 1 part, ${PARTS} parts, and a round of ${retried.length.toLocaleString('en-US')} retried`
  )

  const cases = {
    one: { rounds: [one], attempts: false },
    ten: { rounds: [ten], attempts: false },
    retry: { rounds: [ten, retry], attempts: true }
  }
  const m = {}
  for (const key of Object.keys(cases)) m[key] = { wall: [], join: [], rss: [] }
  const dest = path.join(dataDir, 'results.jsonl')
  for (let i = -1; i < runs; i++) {
    // Interleaved, so that each run's ratio compares cases measured side by side, and in an order
    // turned by one each run: a case measured after another pays for the fsync and writeback of
    // the 440 MB file the one before wrote.
    const entries = Object.entries(cases)
    const turn = (i + entries.length) % entries.length
    for (const [key, c] of [...entries.slice(turn), ...entries.slice(0, turn)]) {
      // The three cases' files do not all fit in the page cache of a small machine.
      await warm(c.rounds.flat())
      const args = [fileURLToPath(import.meta.url), '--child', buildDir, dest]
      args.push(JSON.stringify(c.rounds), String(c.attempts))
      const r = expectOk(await measure(process.execPath, args), `joinJob (${key})`)
      const out = JSON.parse(r.stdout)
      if (out.total !== lines) throw new Error(`${key}: ${out.total} lines joined, not ${lines}`)
      await rm(dest, { force: true })
      if (i < 0) continue
      m[key].wall.push(r.wallMs / 1000)
      m[key].join.push(out.ms / 1000)
      m[key].rss.push(r.peakRss / MB)
    }
  }
  const paired = (a, b, f) => a.map((v, i) => f(v, b[i]))
  const rows = [
    row('1 part: join', m.one.join, { unit: 's' }),
    row(`${PARTS} parts: join`, m.ten.join, { unit: 's' }),
    row(
      `${PARTS} parts / 1 part: join time`,
      paired(m.ten.join, m.one.join, (a, b) => a / b),
      {
        unit: 'x',
        target: { max: 1.1 }
      }
    ),
    row('1 part: peak RSS', m.one.rss, { unit: 'MB', digits: 0, judge: 'max' }),
    row(`${PARTS} parts: peak RSS`, m.ten.rss, { unit: 'MB', digits: 0, judge: 'max' }),
    row(
      `${PARTS} parts − 1 part: peak RSS`,
      paired(m.ten.rss, m.one.rss, (a, b) => a - b),
      {
        unit: 'MB',
        digits: 1,
        target: { max: 10 },
        judge: 'max'
      }
    ),
    row(`${PARTS} parts + a retry round, with attempts: join`, m.retry.join, { unit: 's' }),
    row(
      `${PARTS} parts + a retry round / 1 part: join time`,
      paired(m.retry.join, m.one.join, (a, b) => a / b),
      { unit: 'x' }
    ),
    row(`${PARTS} parts + a retry round: peak RSS`, m.retry.rss, {
      unit: 'MB',
      digits: 0,
      judge: 'max'
    }),
    row('1 part: process wall time', m.one.wall, { unit: 's' })
  ]
  await rm(dataDir, { recursive: true, force: true })
  await rm(buildDir, { recursive: true, force: true })
  return {
    id: 'join-job',
    title: 'Joining a job',
    description:
      "`joinJob` from src/job/join-job.ts (compiled with the project's tsc), in a child process per run, " +
      `on batch results.jsonl files of ${lines.toLocaleString('en-US')} lines (${formatSize(bytes)}; ~700-byte answers, 2% errors, 0.5% missing): ` +
      `one part, the same lines in ${PARTS} parts, and ${PARTS} parts with a retry round replacing ${RETRIED * 100}% of the lines ` +
      '(`"attempts":N` on every line). A secret is masked as the action does. "join" is the time of the call; peak RSS is the process\'s. ' +
      "The issue's target: joining N parts costs no more than joining one batch of the same total size.",
    tables: [{ subtitle: '', rows }]
  }
}
