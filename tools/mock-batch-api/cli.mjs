#!/usr/bin/env node
// @ts-check
// Starts the local mock Batch API: node tools/mock-batch-api/cli.mjs --help
import fs from 'node:fs'
import { parseArgs } from 'node:util'
import { startMockBatchApi } from './server.mjs'

const USAGE = `usage: node tools/mock-batch-api/cli.mjs [options]
  --port N             port on 127.0.0.1 (default 8787; 0 = any free port)
  --api-key KEY        bearer key clients must send (default test-key)
  --no-auth            accept any or no key
  --validating-ms N    time in validating (default 200)
  --in-progress-ms N   time to process all requests of a batch (default 1000)
  --finalizing-ms N    time in finalizing (default 200)
  --cancelling-ms N    time in cancelling (default 300)
  --expire-ms N        expire batches not finished N ms after creation (default: never)
  --upper              answer statuses in upper case (IN_PROGRESS)
  --status-name S=NAME report status S as NAME, repeatable (completed=succeeded, cancelled=canceled)
  --max-requests-per-file N, --max-bytes-per-file N, --max-enqueued-tokens N
                       provider limits: a batch over one fails (default: no limits)
  --data-dir DIR       keep stored files in DIR (default: a temp dir removed on exit)
  --port-file PATH     write the port to PATH once listening (removed on exit)
Control surface (no auth): POST/DELETE /_mock/faults, POST /_mock/config, POST /_mock/seed, GET /_mock/state`

/** @param {string} msg @returns {never} */
function fail(msg) {
  process.stderr.write(`${msg}\n${USAGE}\n`)
  process.exit(2)
}

const OPTIONS = /** @type {const} */ ({
  port: { type: 'string' },
  'api-key': { type: 'string' },
  'no-auth': { type: 'boolean' },
  'validating-ms': { type: 'string' },
  'in-progress-ms': { type: 'string' },
  'finalizing-ms': { type: 'string' },
  'cancelling-ms': { type: 'string' },
  'expire-ms': { type: 'string' },
  upper: { type: 'boolean' },
  'status-name': { type: 'string', multiple: true },
  'max-requests-per-file': { type: 'string' },
  'max-bytes-per-file': { type: 'string' },
  'max-enqueued-tokens': { type: 'string' },
  'data-dir': { type: 'string' },
  'port-file': { type: 'string' },
  help: { type: 'boolean', short: 'h' }
})

function parse() {
  try {
    return parseArgs({ options: OPTIONS, strict: true, allowPositionals: false }).values
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e))
  }
}
const values = parse()
if (values.help) {
  process.stdout.write(`${USAGE}\n`)
  process.exit(0)
}
if (values['no-auth'] && values['api-key'] !== undefined)
  fail('--api-key and --no-auth exclude each other')

/** @param {string} name @returns {number | undefined} */
function num(name) {
  const raw = /** @type {Record<string, unknown>} */ (values)[name]
  if (raw === undefined) return undefined
  const n = Number(raw)
  if (raw === '' || !Number.isFinite(n) || n < 0)
    fail(`--${name} needs a number >= 0, got '${raw}'`)
  return n
}

const port = num('port') ?? 8787
if (!Number.isInteger(port) || port > 65535)
  fail(`--port needs an integer port, got '${values.port}'`)
/** @param {Record<string, string>} flags flag -> option key @returns {Record<string, number>} */
function numbers(flags) {
  /** @type {Record<string, number>} */
  const out = {}
  for (const [flag, key] of Object.entries(flags)) {
    const v = num(flag)
    if (v !== undefined) out[key] = v
  }
  return out
}
const timings = numbers({
  'validating-ms': 'validatingMs',
  'in-progress-ms': 'inProgressMs',
  'finalizing-ms': 'finalizingMs',
  'cancelling-ms': 'cancellingMs',
  'expire-ms': 'expireMs'
})
const limits = numbers({
  'max-requests-per-file': 'maxRequestsPerFile',
  'max-bytes-per-file': 'maxBytesPerFile',
  'max-enqueued-tokens': 'maxEnqueuedTokens'
})
/** @type {Record<string, string>} */
const statusNames = {}
for (const pair of values['status-name'] ?? []) {
  const eq = pair.indexOf('=')
  if (eq < 1 || eq === pair.length - 1) fail(`--status-name needs STATUS=NAME, got '${pair}'`)
  statusNames[pair.slice(0, eq)] = pair.slice(eq + 1)
}

/** @type {import('./server.mjs').MockBatchApi} */
let api
try {
  api = await startMockBatchApi({
    port,
    apiKey: values['no-auth'] ? null : (values['api-key'] ?? 'test-key'),
    timings,
    statusCase: values.upper ? 'upper' : 'lower',
    statusNames,
    limits,
    ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {})
  })
} catch (e) {
  process.stderr.write(`mock batch api: cannot start: ${e instanceof Error ? e.message : e}\n`)
  process.exit(1)
}

const portFile = values['port-file']
if (portFile) {
  fs.writeFileSync(`${portFile}.tmp`, `${api.port}\n`) // rename: readers never see a half-written file
  fs.renameSync(`${portFile}.tmp`, portFile)
}
process.stdout.write(`mock batch api listening on ${api.url}\n`)

let stopping = false
/** @param {NodeJS.Signals} signal */
async function stop(signal) {
  if (stopping) return
  stopping = true
  const timer = setTimeout(() => process.exit(1), 5000)
  timer.unref()
  try {
    await api.close()
    if (portFile) fs.rmSync(portFile, { force: true })
  } finally {
    process.exitCode = signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1
    clearTimeout(timer)
  }
}
process.on('SIGINT', () => void stop('SIGINT'))
process.on('SIGTERM', () => void stop('SIGTERM'))
