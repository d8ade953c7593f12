// Throughput and memory of validateRequestsFile on a generated file of typical chat requests.
//
//   node bench/validate.mjs [--size 200MB] [--runs 3] [--keep]
//
// Compiles src/ with tsc into .tmp/validate-bench-build (once per run), writes .tmp/validate-bench/requests-<size>.jsonl
// (reused when present), then validates it in a fresh child process per run so that the
// peak RSS reported (process.resourceUsage().maxRSS) belongs to the validation alone.
import { spawnSync } from 'node:child_process'
import { createWriteStream, existsSync, statSync, rmSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const build = join(root, '.tmp', 'validate-bench-build')

if (process.argv[2] === '--child') {
  const [, , , path, endpoint] = process.argv
  const { validateRequestsFile } = await import(
    pathToFileURL(join(build, 'src', 'validate', 'file.js')).href
  )
  const started = process.hrtime.bigint()
  const report = await validateRequestsFile(path, { endpoint, provider: { name: 'unknown' } })
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  process.stdout.write(
    JSON.stringify({
      seconds,
      mbPerSecond: report.bytes / 1e6 / seconds,
      maxRssMB: (process.resourceUsage().maxRSS * 1024) / 1e6,
      requests: report.requests,
      problems: report.problemCount
    })
  )
  process.exit(0)
}

const args = process.argv.slice(2)
const option = (name, fallback) => {
  const i = args.indexOf(name)
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback
}
const sizeText = option('--size', '200MB')
const runs = Number(option('--runs', '3'))

// 1. Compile.
const tsc = spawnSync(
  process.execPath,
  [
    join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
    '-p',
    join(root, 'tsconfig.json'),
    '--noEmit',
    'false',
    '--outDir',
    build,
    '--sourceMap',
    'false'
  ],
  { stdio: 'inherit' }
)
if (tsc.status !== 0) process.exit(tsc.status ?? 1)
const { formatBytes } = await import(pathToFileURL(join(build, 'src', 'lib', 'format.js')).href)
const { parseByteSize } = await import(
  pathToFileURL(join(build, 'src', 'lib', 'parse-size.js')).href
)
const target = parseByteSize(sizeText)

// 2. Generate typical chat requests: a system prompt, a user message of 300-1500 characters
// (one in ten with non-ASCII text), a few sampling parameters. About 1 kB a line.
const file = join(root, '.tmp', 'validate-bench', `requests-${target}.jsonl`)
if (!existsSync(file) || statSync(file).size < target) {
  await mkdir(dirname(file), { recursive: true })
  const out = createWriteStream(file)
  const words =
    'the of batch model request token inference provider result latency throughput summary classify extract translate review'.split(
      ' '
    )
  let seed = 42
  const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff
  let written = 0
  let i = 0
  while (written < target) {
    const n = 50 + Math.floor(rand() * 200)
    let text = ''
    for (let w = 0; w < n; w++) text += words[Math.floor(rand() * words.length)] + ' '
    if (i % 10 === 0) text += 'Résumé en français, 日本語のテキスト, emoji 🙂🚀. '
    const line =
      JSON.stringify({
        custom_id: `request-${i++}`,
        method: 'POST',
        url: '/v1/chat/completions',
        body: {
          model: 'meta-llama/Llama-3.3-70B-Instruct',
          messages: [
            {
              role: 'system',
              content: 'You are a careful assistant. Answer in one short paragraph.'
            },
            { role: 'user', content: `Summarize: ${text}` }
          ],
          max_tokens: 256,
          temperature: 0.2
        }
      }) + '\n'
    written += Buffer.byteLength(line)
    if (!out.write(line)) await new Promise((r) => out.once('drain', r))
  }
  await new Promise((r) => out.end(r))
}
const bytes = statSync(file).size

// 3. Validate in fresh processes.
console.log(`file: ${file} (${formatBytes(bytes)}), node ${process.version}`)
const results = []
for (let r = 0; r < runs; r++) {
  const child = spawnSync(
    process.execPath,
    [fileURLToPath(import.meta.url), '--child', file, '/v1/chat/completions'],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20
    }
  )
  if (child.status !== 0) {
    console.error(child.stderr)
    process.exit(1)
  }
  const result = JSON.parse(child.stdout)
  results.push(result)
  console.log(
    `run ${r + 1}: ${result.seconds.toFixed(2)} s, ${result.mbPerSecond.toFixed(0)} MB/s, peak RSS ${result.maxRssMB.toFixed(0)} MB, ${result.requests} requests, ${result.problems} problems`
  )
}
const best = results.reduce((a, b) => (a.mbPerSecond > b.mbPerSecond ? a : b))
console.log(
  `best: ${best.mbPerSecond.toFixed(0)} MB/s; peak RSS max ${Math.max(...results.map((r) => r.maxRssMB)).toFixed(0)} MB`
)
if (!args.includes('--keep')) rmSync(file)
