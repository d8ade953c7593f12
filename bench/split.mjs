// Splitting a job's input into parts (src/job/split.ts) on a generated JSONL of ~4 kB chat
// requests, into five parts by bytes, in a process of its own (the split bundled with ncc, as the
// action is); beside it `validate-only: true` of the same file (the pass the split must keep up
// with) and the single-batch upload (`command: run`, `wait: false`), whose peak RSS the split may
// pass by at most 20 MB.
import { execFileSync } from 'node:child_process'
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import {
  API_KEY,
  MB,
  expectOk,
  formatSize,
  measure,
  root,
  row,
  runAction,
  startMock,
  tmpDir
} from './lib/common.mjs'
import { writeRequests } from './lib/generate.mjs'

const PARTS = 5
/** The split may use at most this much more memory than the single-batch upload. */
const RSS_MARGIN_MB = 20

/** A process that splits argv[2] into parts of at most argv[4] bytes under argv[3], and prints them. */
const ENTRY = `import { splitInput } from '../../../src/job/split.js'
const [input, tempDir, maxBytes] = process.argv.slice(2)
const parts = await splitInput(input!, { maxBytes: Number(maxBytes) }, { tempDir: tempDir! })
process.stdout.write(JSON.stringify(parts.map((p) => ({ requests: p.requests, bytes: p.bytes }))))
`

/** Bundles the split the way the action is bundled; returns the entry to run. */
async function bundleSplit(log) {
  const dir = path.join(tmpDir, 'split-entry')
  await mkdir(dir, { recursive: true })
  await writeFile(path.join(dir, 'entry.ts'), ENTRY)
  const out = path.join(tmpDir, 'split-bundle')
  const started = performance.now()
  const ncc = path.join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')
  execFileSync(process.execPath, [ncc, 'build', path.join(dir, 'entry.ts'), '-o', out, '--quiet'], {
    cwd: root,
    stdio: 'inherit'
  })
  log(`  bundled the split in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  return path.join(out, 'index.js')
}

/** Splits `file` into parts of at most `maxBytes`; checks the parts add up to the file. */
async function split(entry, file, maxBytes, expected) {
  const partsDir = path.join(tmpDir, 'split-parts')
  await rm(partsDir, { recursive: true, force: true })
  await mkdir(partsDir, { recursive: true })
  const r = expectOk(
    await measure(process.execPath, [entry, file, partsDir, String(maxBytes)]),
    `the split of ${path.basename(file)}`
  )
  const parts = JSON.parse(r.stdout)
  const bytes = parts.reduce((n, p) => n + p.bytes, 0)
  const requests = parts.reduce((n, p) => n + p.requests, 0)
  if (bytes !== expected.bytes || requests !== expected.requests || parts.length < expected.parts)
    throw new Error(
      `the split gave ${parts.length} parts, ${bytes} bytes, ${requests} requests; expected ${expected.parts}+ parts, ${expected.bytes} bytes, ${expected.requests} requests`
    )
  const files = await readdir(partsDir)
  if (expected.parts > 1 && files.length !== parts.length)
    throw new Error(`${files.length} part files for ${parts.length} parts`)
  await rm(partsDir, { recursive: true, force: true })
  return { ...r, parts: parts.length }
}

export async function run({ runs, quick, log }) {
  // Batches stay in `validating`: the local API does no background work while the next run is measured.
  const mock = await startMock(['--validating-ms', '1000000000'])
  const sizes = quick ? [20e6, 50e6] : [200e6, 1e9]
  const tables = []
  const tinyName = 'split-tiny.jsonl'
  const tiny = path.join(tmpDir, tinyName)
  try {
    const entry = await bundleSplit(log)
    const tinyBytes = await writeRequests(tiny, { requests: 1 })
    for (const size of sizes) {
      const name = `split-${Math.round(size / MB)}MB.jsonl`
      const file = path.join(tmpDir, name)
      const bytes = await writeRequests(file, { totalBytes: size, lineBytes: 4096 })
      const requests = await countLines(file)
      const maxBytes = Math.ceil(bytes / PARTS)
      log(`  generated ${name}: ${formatSize(bytes)}, ${requests.toLocaleString('en-US')} requests`)

      const m = {
        split: [],
        splitRss: [],
        added: [],
        margin: [],
        vo: [],
        voRss: [],
        upRss: [],
        ratio: [],
        mbps: []
      }
      let parts = 0
      for (let i = -1; i < runs; i++) {
        const s = await split(entry, file, maxBytes, { bytes, requests, parts: PARTS })
        parts = s.parts
        // The same process on one line, with the same part limit: Node, the code and the buffers.
        const t = await split(entry, tiny, maxBytes, { bytes: tinyBytes, requests: 1, parts: 1 })
        const v = expectOk(
          await runAction({ file: name, 'validate-only': 'true', 'base-url': mock.url }),
          `the action (validate-only, ${name})`
        )
        const u = expectOk(
          await runAction({
            command: 'run',
            file: name,
            wait: 'false',
            'api-key': API_KEY,
            'base-url': mock.url
          }),
          `the action (run, ${name})`
        )
        await mock.deleteUploads()
        if (i < 0) continue // warm-up
        m.split.push(s.wallMs / 1000)
        m.splitRss.push(s.peakRss / MB)
        m.added.push((s.peakRss - t.peakRss) / MB)
        m.margin.push((s.peakRss - u.peakRss) / MB)
        m.vo.push(v.wallMs / 1000)
        m.voRss.push(v.peakRss / MB)
        m.upRss.push(u.peakRss / MB)
        m.ratio.push(s.wallMs / v.wallMs)
        m.mbps.push(bytes / MB / (s.wallMs / 1000))
        log(
          `  ${name} ${i + 1}/${runs}: split into ${s.parts} parts ${(s.wallMs / 1000).toFixed(2)} s (${(s.peakRss / MB).toFixed(0)} MB), ` +
            `validate-only ${(v.wallMs / 1000).toFixed(2)} s (${(v.peakRss / MB).toFixed(0)} MB), upload peak RSS ${(u.peakRss / MB).toFixed(0)} MB`
        )
      }
      await rm(file, { force: true })
      tables.push({
        subtitle: `${formatSize(bytes)} (${requests.toLocaleString('en-US')} requests of ~4 kB) into ${parts} parts${quick ? ' — quick size' : ''}`,
        rows: [
          row('split, whole process', m.split, { unit: 's' }),
          row('split throughput, whole process', m.mbps, { unit: 'MB/s', digits: 0 }),
          row('baseline: validate-only run', m.vo, { unit: 's' }),
          row('split time / validate-only time', m.ratio, { unit: 'x' }),
          row('split peak RSS', m.splitRss, { unit: 'MB', digits: 0 }),
          row('split peak RSS over a 1-line split (what splitting adds)', m.added, {
            unit: 'MB',
            digits: 0,
            target: { max: RSS_MARGIN_MB },
            judge: 'max'
          }),
          row('validate-only peak RSS', m.voRss, { unit: 'MB', digits: 0 }),
          row('single-batch upload (`run`, `wait: false`) peak RSS', m.upRss, {
            unit: 'MB',
            digits: 0
          }),
          row(`**split peak RSS − upload peak RSS**`, m.margin, {
            unit: 'MB',
            digits: 0,
            target: { max: RSS_MARGIN_MB },
            judge: 'max'
          })
        ]
      })
    }
  } finally {
    await mock.stop()
    await rm(tiny, { force: true })
  }
  return {
    id: 'split',
    title: 'Split into parts',
    description:
      `splitInput (src/job/split.ts, bundled with ncc as the action is) on a generated input, into ${PARTS} parts by bytes (max-batch-bytes = size / ${PARTS}), ` +
      'in a process of its own; each run checks that the parts add up to the input. ' +
      '`validate-only: true` of the same file is the pass to keep up with; the single-batch upload (`command: run`, `wait: false`) gives the memory to stay within: ' +
      `peak RSS at most ${RSS_MARGIN_MB} MB over it, and splitting itself (over a 1-line split) adding at most ${RSS_MARGIN_MB} MB. ` +
      `${runs} runs after one warm-up.`,
    tables,
    notes: []
  }
}

async function countLines(file) {
  const { createReadStream } = await import('node:fs')
  let n = 0
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) n++
  }
  return n
}
