// Whether SHA-256 gains from a worker thread in the validating pass: a generated file of ~4 kB
// chat requests (200 MB; --size to change) read as the validating pass reads it (64 KiB reads, each
// copied into 128 KiB buffers for the upload, every line parsed with JSON.parse, a stand-in for
// the validation's CPU), hashed on the same thread ("here"), in a worker (bench/lib/hash-off-thread.mjs,
// "worker"), or not at all ("none"): wall time, CPU time and peak RSS of a child process per run,
// the modes alternating. Before measuring, the worker's digest is held to createHash's on random
// chunkings, and close() must end its thread.
//
//   node bench/hash-off-thread.mjs [--size 200] [--runs 5]      (megabytes)
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { open, readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { median, tmpDir } from './lib/common.mjs'
import { writeRequests } from './lib/generate.mjs'
import { OffThreadHash } from './lib/hash-off-thread.mjs'

const self = fileURLToPath(import.meta.url)
const READ_BYTES = 64 * 1024
const SEND_BYTES = 128 * 1024

/** One pass over the file: read, gather copies to send, parse every line, hash as `mode` says. */
async function pass(file, mode) {
  const hash =
    mode === 'here' ? createHash('sha256') : mode === 'worker' ? new OffThreadHash() : undefined
  const handle = await open(file, 'r')
  const read = Buffer.allocUnsafe(READ_BYTES)
  let send = Buffer.allocUnsafe(SEND_BYTES)
  let sendFilled = 0
  let carry = ''
  let lines = 0
  try {
    for (;;) {
      const { bytesRead } = await handle.read(read, 0, READ_BYTES, null)
      if (bytesRead === 0) break
      const chunk = read.subarray(0, bytesRead)
      hash?.update(chunk)
      for (let from = 0; from < chunk.length;) {
        const take = Math.min(SEND_BYTES - sendFilled, chunk.length - from)
        chunk.copy(send, sendFilled, from, from + take)
        sendFilled += take
        from += take
        if (sendFilled === SEND_BYTES) [send, sendFilled] = [Buffer.allocUnsafe(SEND_BYTES), 0]
      }
      const text = carry + chunk.toString('utf8')
      const parts = text.split('\n')
      carry = parts.pop()
      for (const line of parts) if (line) (JSON.parse(line), lines++)
      if (hash instanceof OffThreadHash && hash.behind) await hash.caughtUp()
    }
    if (carry) (JSON.parse(carry), lines++)
    const sha256 = hash instanceof OffThreadHash ? await hash.finish() : hash?.digest('hex')
    return { lines, sha256 }
  } finally {
    await handle.close()
    if (hash instanceof OffThreadHash) await hash.close()
  }
}

if (process.argv[2] === '--child') {
  const [, , , file, mode] = process.argv
  const started = performance.now()
  const result = await pass(file, mode)
  const wallMs = performance.now() - started
  const usage = process.resourceUsage()
  process.stdout.write(
    JSON.stringify({
      ...result,
      wallMs,
      cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
      rssMB: (usage.maxRSS * 1024) / 1e6
    })
  )
  process.exit(0)
}

async function selfCheck() {
  const data = (await import('node:crypto')).randomBytes(5 * 1024 * 1024 + 3)
  const expected = createHash('sha256').update(data).digest('hex')
  for (const max of [1, 1000, 70_000, 3 << 20]) {
    const hash = new OffThreadHash()
    for (let from = 0; from < data.length;) {
      const size = Math.floor(Math.random() * max) + 1
      hash.update(data.subarray(from, from + size))
      from += size
      if (hash.behind) await hash.caughtUp()
    }
    if ((await hash.finish()) !== expected) throw new Error(`wrong digest (chunks up to ${max})`)
  }
  const stopped = new OffThreadHash()
  stopped.update(data)
  await stopped.close()
  await stopped.exited
}

const { values } = parseArgs({ options: { size: { type: 'string' }, runs: { type: 'string' } } })
const megabytes = Number(values.size ?? 200)
const runs = Number(values.runs ?? 5)
await selfCheck()
const file = path.join(tmpDir, `hash-${megabytes}MB.jsonl`)
await writeRequests(file, { totalBytes: megabytes * 1e6, lineBytes: 4096 })
const expected = createHash('sha256')
  .update(await readFile(file))
  .digest('hex')
const modes = ['none', 'here', 'worker']
const results = Object.fromEntries(modes.map((m) => [m, []]))
try {
  for (let run = -1; run < runs; run++) {
    const order = run % 2 ? modes : [...modes].reverse()
    for (const mode of order) {
      const child = spawnSync(process.execPath, [self, '--child', file, mode], { encoding: 'utf8' })
      if (child.status !== 0) throw new Error(`${mode}: ${child.stderr}`)
      const r = JSON.parse(child.stdout)
      if (mode !== 'none' && r.sha256 !== expected) throw new Error(`${mode}: wrong digest`)
      if (run >= 0) results[mode].push(r)
    }
  }
} finally {
  await rm(file, { force: true })
}
const load = spawnSync('uptime', { encoding: 'utf8' }).stdout.trim()
console.log(`${megabytes} MB, ${runs} runs after a warm-up, medians; ${load}`)
for (const mode of modes) {
  const m = (key) => median(results[mode].map((r) => r[key]))
  console.log(
    `${mode.padEnd(6)} wall ${(m('wallMs') / 1000).toFixed(2)} s, CPU ${(m('cpuMs') / 1000).toFixed(2)} s, peak RSS ${m('rssMB').toFixed(0)} MB`
  )
}
