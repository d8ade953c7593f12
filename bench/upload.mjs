// Validate and upload: `command: run`, `wait: false` on a generated JSONL of ~4 kB chat requests,
// against `curl -F` uploading the same file to the same local Batch API; and `validate-only: true`
// on it for the validation throughput.
import { readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import {
  API_KEY,
  MB,
  expectOk,
  formatSize,
  LINK_RATES,
  hasCurl,
  measure,
  row,
  runAction,
  runPeer,
  startMock,
  tmpDir
} from './lib/common.mjs'
import { writeRequests } from './lib/generate.mjs'
import { overLinks } from './lib/links.mjs'

/** Ratio targets of validate + upload + create over curl, at the first size, by link. */
const TARGET_LOOPBACK = 2.5
const TARGETS_OVER_LINKS = { 100e6: 1.1 }

export async function run({ runs, quick, log }) {
  // Batches stay in `validating` (for ~11 days): the local API does no background work on them
  // while the next run is measured.
  const mock = await startMock(['--validating-ms', '1000000000'])
  // BENCH_UPLOAD_MB=200 measures one size only (a comma-separated list of megabytes).
  const only = process.env.BENCH_UPLOAD_MB
  const sizes = only
    ? only.split(',').map((mb) => Number(mb) * 1e6)
    : quick
      ? [20e6, 50e6]
      : [200e6, 1e9]
  const curlOk = hasCurl()
  const tables = []
  const notes = []
  try {
    // A one-line file: the fixed cost of a validate-only run (start-up, inputs, summary).
    const tinyName = 'upload-tiny.jsonl'
    await writeRequests(path.join(tmpDir, tinyName), { requests: 1 })
    for (const [index, size] of sizes.entries()) {
      const name = `requests-${Math.round(size / MB)}MB.jsonl`
      const file = path.join(tmpDir, name)
      const started = performance.now()
      const bytes = await writeRequests(file, { totalBytes: size, lineBytes: 4096 })
      const lines = (await countLines(file)).toLocaleString('en-US')
      log(
        `  generated ${name}: ${formatSize(bytes)}, ${lines} requests, in ${((performance.now() - started) / 1000).toFixed(1)} s`
      )

      const actionRun = (url = mock.url) =>
        runAction({
          command: 'run',
          file: name,
          wait: 'false',
          'api-key': API_KEY,
          'base-url': url
        })
      const peer = async (url = mock.url) => {
        const r = expectOk(await runPeer(['upload', file], url), 'the SDK-only peer (upload)')
        if (JSON.parse(r.stdout).bytes !== bytes) throw new Error('the peer uploaded another size')
        return r
      }
      const validateOnly = (f) =>
        runAction({ file: f, 'validate-only': 'true', 'base-url': mock.url })
      const curl = async (url = mock.url) => {
        const resp = path.join(tmpDir, 'curl-upload.json')
        const r = await measure('curl', [
          '-sS',
          '--fail-with-body',
          '-o',
          resp,
          '-F',
          'purpose=batch',
          '-F',
          `file=@${file}`,
          '-H',
          `Authorization: Bearer ${API_KEY}`,
          `${url}/files`
        ])
        expectOk(r, 'curl upload')
        const body = JSON.parse(await readFile(resp, 'utf8'))
        if (body.bytes !== bytes) throw new Error(`curl uploaded ${body.bytes} bytes of ${bytes}`)
        await rm(resp, { force: true })
        return r
      }
      const m = {
        run: [],
        runRss: [],
        curl: [],
        curlRss: [],
        ratio: [],
        vo: [],
        voRss: [],
        tiny: [],
        mbps: [],
        netMbps: [],
        uploadPart: [],
        uploadRatio: [],
        peer: [],
        peerRss: [],
        peerRatio: []
      }
      for (let i = -1; i < runs; i++) {
        const a = expectOk(await actionRun(), `the action (run, ${name})`)
        if (!a.outputs['batch-id'] || !a.outputs['input-file-id'])
          throw new Error(`the action set no batch-id:\n${a.stdout.slice(-2000)}`)
        await mock.deleteUploads()
        const c = curlOk ? await curl() : undefined
        await mock.deleteUploads()
        const p = await peer()
        await mock.deleteUploads()
        const v = expectOk(await validateOnly(name), `the action (validate-only, ${name})`)
        const t = expectOk(await validateOnly(tinyName), 'the action (validate-only, 1 line)')
        if (i < 0) continue // warm-up
        m.run.push(a.wallMs / 1000)
        m.runRss.push(a.peakRss / MB)
        m.vo.push(v.wallMs / 1000)
        m.voRss.push(v.peakRss / MB)
        m.tiny.push(t.wallMs / 1000)
        m.mbps.push(bytes / MB / (v.wallMs / 1000))
        m.netMbps.push(bytes / MB / ((v.wallMs - t.wallMs) / 1000))
        m.uploadPart.push((a.wallMs - v.wallMs) / 1000)
        m.peer.push(p.wallMs / 1000)
        m.peerRss.push(p.peakRss / MB)
        m.peerRatio.push(a.wallMs / p.wallMs)
        if (c) {
          m.curl.push(c.wallMs / 1000)
          m.curlRss.push(c.peakRss / MB)
          m.ratio.push(a.wallMs / c.wallMs)
          m.uploadRatio.push((a.wallMs - v.wallMs) / c.wallMs)
        }
        log(
          `  ${name} ${i + 1}/${runs}: action ${(a.wallMs / 1000).toFixed(2)} s (${(a.peakRss / MB).toFixed(0)} MB), ` +
            (c ? `curl ${(c.wallMs / 1000).toFixed(2)} s, ` : '') +
            `SDK-only peer ${(p.wallMs / 1000).toFixed(2)} s (${(p.peakRss / MB).toFixed(0)} MB), ` +
            `validate-only ${(v.wallMs / 1000).toFixed(2)} s (${(v.peakRss / MB).toFixed(0)} MB)`
        )
      }
      const linkTables =
        index === 0
          ? await overLinks({
              mock,
              rates: LINK_RATES,
              runs: quick ? 1 : Math.min(runs, 3),
              log,
              contenders: [
                {
                  key: 'action',
                  name: 'action `run`, `wait: false`',
                  run: async (url) => expectOk(await actionRun(url), `the action (run, ${name})`)
                },
                ...(curlOk ? [{ key: 'curl', name: 'baseline: `curl -F` upload', run: curl }] : []),
                { key: 'peer', name: 'SDK-only peer (upload + create)', run: peer }
              ],
              between: () => mock.deleteUploads(),
              targets: TARGETS_OVER_LINKS,
              what: formatSize(bytes)
            })
          : []
      await rm(file, { force: true })
      const label = formatSize(bytes)
      const headline = index === 0
      const rows = [
        row(`action \`run\`, \`wait: false\` (validate + upload + create)`, m.run, { unit: 's' }),
        ...(curlOk
          ? [
              row('baseline: `curl -F` upload', m.curl, { unit: 's' }),
              row(
                `**ratio action / curl**${headline ? '' : ' (no target at this size)'}`,
                m.ratio,
                { unit: 'x', target: headline ? { max: TARGET_LOOPBACK } : undefined }
              )
            ]
          : []),
        row('SDK-only peer (upload + create, no validation)', m.peer, { unit: 's' }),
        row('ratio action / SDK-only peer', m.peerRatio, { unit: 'x' }),
        row('**action peak RSS**', m.runRss, {
          unit: 'MB',
          target: { max: 150 },
          judge: 'max',
          digits: 0
        }),
        ...(curlOk ? [row('curl peak RSS', m.curlRss, { unit: 'MB', digits: 0 })] : []),
        row('SDK-only peer peak RSS', m.peerRss, { unit: 'MB', digits: 0 }),
        row('validate-only run', m.vo, { unit: 's' }),
        row('validation throughput, whole validate-only run', m.mbps, { unit: 'MB/s', digits: 0 }),
        row('validation throughput, net of a 1-line validate-only run', m.netMbps, {
          unit: 'MB/s',
          digits: 0
        }),
        row('validate-only peak RSS', m.voRss, { unit: 'MB', digits: 0 }),
        row('upload part: run − validate-only (same iteration)', m.uploadPart, { unit: 's' }),
        ...(curlOk ? [row('upload part / curl', m.uploadRatio, { unit: 'x' })] : [])
      ]
      tables.push({
        subtitle: `${label} (${lines} requests of ~4 kB) on loopback${quick ? ' — quick size' : ''}`,
        rows
      })
      tables.push(...linkTables)
    }
    if (!curlOk) notes.push('curl is missing: no baseline (apt-get install curl).')
  } finally {
    await mock.stop()
    await rm(path.join(tmpDir, 'upload-tiny.jsonl'), { force: true })
  }
  return {
    id: 'upload',
    title: 'Validate and upload',
    description:
      'The action with `command: run`, `wait: false` against the local Batch API (validation, then a streamed multipart upload, then batch create), ' +
      `against \`curl -F purpose=batch -F file=@FILE\` to the same server; paired ratios per iteration. ` +
      `\`validate-only: true\` on the same file gives the validation throughput (file size / wall time of the whole process, and net of a 1-line validate-only run in the same iteration). ` +
      `${runs} runs after one warm-up; the stored uploads are deleted after every run; the batches stay in \`validating\` so the server does no background work. ` +
      'Ratio target at the first (smaller) size only. ' +
      'The SDK-only peer is what users paste into a workflow: the official `openai` SDK uploading the file (`fs.createReadStream`) and creating the batch, with no validation (bench/lib/peer-sdk.mjs). ' +
      `At the first size the action, curl and the peer also run through a loopback proxy that limits the link to ${LINK_RATES.map((r) => `${r / 1e6} MB/s`).join(' and ')} in each direction (bench/lib/throttle-proxy.mjs, a token bucket in its own process), ${quick ? 1 : Math.min(runs, 3)} runs after one warm-up on each link, the order rotating.`,
    tables,
    notes
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
