// Download and join: `command: status` on a completed batch of 50,000 results (~200 MB of output),
// with `file` (joined in input order), against `curl -o` of the output file's content.
import { spawnSync } from 'node:child_process'
import { createReadStream, existsSync, statSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import {
  API_KEY,
  MB,
  benchDir,
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
import { manyResults } from './lib/many-results.mjs'

/** Ratio targets of download + join over curl, by link. */
const TARGET_LOOPBACK = 3.5
const TARGETS_OVER_LINKS = { 100e6: 1.2 }

// The local API's chat answer echoes at most 200 characters of the last user message (~690 bytes
// an output line) but copies body.model into every answer: a model name of 3,400 characters makes
// each output line ~4.1 kB, so 50,000 results make ~200 MB, the size of a real batch of long answers.
const MODEL = `bench/long-answers-${'x'.repeat(3400 - 'bench/long-answers-'.length)}`

export async function run({ runs, quick, log }) {
  const requests = quick ? 5000 : 50_000
  const mock = await startMock([
    '--validating-ms',
    '0',
    '--in-progress-ms',
    '0',
    '--finalizing-ms',
    '0'
  ])
  const name = 'download-input.jsonl'
  const input = path.join(tmpDir, name)
  const curlOut = path.join(tmpDir, 'curl-output.jsonl')
  const peerOut = path.join(tmpDir, 'peer-output.jsonl')
  const curlOk = hasCurl()
  const notes = []
  try {
    const inputBytes = await writeRequests(input, { requests, lineBytes: 4096, model: MODEL })
    // Create the batch once, through the API, and wait until it is completed.
    const up = spawnSync(
      'curl',
      [
        '-sS',
        '--fail-with-body',
        '-F',
        'purpose=batch',
        '-F',
        `file=@${input}`,
        '-H',
        `Authorization: Bearer ${API_KEY}`,
        `${mock.url}/files`
      ],
      { encoding: 'utf8' }
    )
    if (up.status !== 0) throw new Error(`uploading the input failed: ${up.stderr}${up.stdout}`)
    const file = JSON.parse(up.stdout)
    const created = await mock.api('POST', '/batches', {
      input_file_id: file.id,
      endpoint: '/v1/chat/completions',
      completion_window: '24h'
    })
    const started = performance.now()
    let batch = created
    while (batch.status !== 'completed') {
      if (['failed', 'expired', 'cancelled'].includes(batch.status))
        throw new Error(
          `the benchmark batch ended ${batch.status}: ${JSON.stringify(batch.errors)}`
        )
      if (performance.now() - started > 300_000)
        throw new Error('the benchmark batch did not complete in 5 minutes')
      await delay(250)
      batch = await mock.api('GET', `/batches/${batch.id}`)
    }
    const output = await mock.api('GET', `/files/${batch.output_file_id}`)
    log(
      `  batch ${batch.id}: ${batch.request_counts.completed} results, output ${formatSize(output.bytes)} (input ${formatSize(inputBytes)}), ready in ${((performance.now() - started) / 1000).toFixed(1)} s`
    )
    if (output.bytes < 150e6 && !quick)
      notes.push(`The output file is ${formatSize(output.bytes)}, not ~200 MB.`)

    const curlDownload = async (url = mock.url) => {
      const c = expectOk(
        await measure('curl', [
          '-sS',
          '--fail-with-body',
          '-o',
          curlOut,
          '-H',
          `Authorization: Bearer ${API_KEY}`,
          `${url}/files/${batch.output_file_id}/content`
        ]),
        'curl download'
      )
      if (statSync(curlOut).size !== output.bytes)
        throw new Error('curl downloaded a different size')
      return c
    }
    const peer = async (url = mock.url) => {
      const p = expectOk(
        await runPeer(['download', batch.output_file_id, peerOut], url),
        'the SDK-only peer (download)'
      )
      if (statSync(peerOut).size !== output.bytes)
        throw new Error('the SDK-only peer downloaded a different size')
      await rm(peerOut, { force: true })
      return p
    }
    let seq = 0
    const actionStatus = async (url = mock.url) => {
      const resultsDir = `download-link-results-${++seq}`
      const a = expectOk(
        await runAction({
          command: 'status',
          'batch-id': batch.id,
          file: name,
          'results-dir': resultsDir,
          'api-key': API_KEY,
          'base-url': url
        }),
        'the action (status)'
      )
      await rm(path.join(tmpDir, resultsDir), { recursive: true, force: true })
      return a
    }
    const m = {
      peer: [],
      peerRss: [],
      peerRatio: [],
      run: [],
      rss: [],
      curl: [],
      curlRss: [],
      ratio: [],
      parse: [],
      floor: [],
      floorRatio: []
    }
    let resultsBytes = 0
    for (let i = -1; i < runs; i++) {
      const resultsDir = `download-results-${i + 1}`
      const a = expectOk(
        await runAction({
          command: 'status',
          'batch-id': batch.id,
          file: name,
          'results-dir': resultsDir,
          'api-key': API_KEY,
          'base-url': mock.url
        }),
        'the action (status)'
      )
      const resultsPath =
        a.outputs['results-path'] && path.resolve(tmpDir, a.outputs['results-path'])
      if (i < 0) {
        // Check once that the action did the whole job: every request joined, in input order.
        if (!resultsPath || !existsSync(resultsPath))
          throw new Error(`the action wrote no results.jsonl:\n${a.stdout.slice(-2000)}`)
        const lines = await countLines(resultsPath)
        if (lines !== requests)
          throw new Error(`results.jsonl has ${lines} lines, expected ${requests}`)
        if (statSync(path.resolve(tmpDir, a.outputs['output-path'] ?? '')).size !== output.bytes)
          throw new Error('the downloaded output differs in size from the stored one')
        resultsBytes = statSync(resultsPath).size
      }
      await rm(path.join(tmpDir, resultsDir), { recursive: true, force: true })
      let c
      let parseMs
      if (curlOk) {
        c = await curlDownload()
        // The floor of any join: JSON.parse every line of the output and the input, in one thread.
        const p = expectOk(
          await measure(
            process.execPath,
            [path.join(benchDir, 'lib', 'parse-floor.mjs'), curlOut, input],
            { memory: false }
          ),
          'parse floor'
        )
        parseMs = JSON.parse(p.stdout).ms
        await rm(curlOut, { force: true })
      }
      const p = await peer()
      if (i < 0) continue
      m.peer.push(p.wallMs / 1000)
      m.peerRss.push(p.peakRss / MB)
      m.peerRatio.push(a.wallMs / p.wallMs)
      m.run.push(a.wallMs / 1000)
      m.rss.push(a.peakRss / MB)
      if (c) {
        m.curl.push(c.wallMs / 1000)
        m.curlRss.push(c.peakRss / MB)
        m.ratio.push(a.wallMs / c.wallMs)
        m.parse.push(parseMs / 1000)
        m.floor.push((c.wallMs + parseMs) / 1000)
        m.floorRatio.push(a.wallMs / (c.wallMs + parseMs))
      }
      log(
        `  download ${i + 1}/${runs}: action ${(a.wallMs / 1000).toFixed(2)} s (${(a.peakRss / MB).toFixed(0)} MB)` +
          (c ? `, curl ${(c.wallMs / 1000).toFixed(2)} s` : '') +
          `, SDK-only peer ${(p.wallMs / 1000).toFixed(2)} s (${(p.peakRss / MB).toFixed(0)} MB)`
      )
    }
    const linkTables = await overLinks({
      mock,
      rates: LINK_RATES,
      runs: quick ? 1 : Math.min(runs, 3),
      log,
      contenders: [
        { key: 'action', name: 'action `status` (download + join)', run: actionStatus },
        ...(curlOk ? [{ key: 'curl', name: 'baseline: `curl -o`', run: curlDownload }] : []),
        { key: 'peer', name: 'SDK-only peer (download)', run: peer }
      ],
      between: () => rm(curlOut, { force: true }),
      targets: TARGETS_OVER_LINKS,
      what: `${requests.toLocaleString('en-US')} results`
    })
    const many = await manyResults({ mock, runs: 1, quick, log })
    if (!curlOk) notes.push('curl is missing: no baseline (apt-get install curl).')
    const rows = [
      row('action `status` (download + join into results.jsonl)', m.run, { unit: 's' }),
      ...(curlOk
        ? [
            row('baseline: `curl -o` of /v1/files/ID/content', m.curl, { unit: 's' }),
            row('**ratio action / curl**', m.ratio, {
              unit: 'x',
              target: { max: TARGET_LOOPBACK }
            })
          ]
        : []),
      row('SDK-only peer (download, no join)', m.peer, { unit: 's' }),
      row('ratio action / SDK-only peer', m.peerRatio, { unit: 'x' }),
      row('**action peak RSS**', m.rss, {
        unit: 'MB',
        target: { max: 200 },
        judge: 'max',
        digits: 0
      }),
      ...(curlOk
        ? [
            row('curl peak RSS', m.curlRss, { unit: 'MB', digits: 0 }),
            row('SDK-only peer peak RSS', m.peerRss, { unit: 'MB', digits: 0 }),
            row('floor: JSON.parse of every output and input line (node, one thread)', m.parse, {
              unit: 's'
            }),
            row('floor: curl download + that parse', m.floor, { unit: 's' }),
            row('ratio action / floor', m.floorRatio, { unit: 'x' })
          ]
        : []),
      row('output file', [output.bytes / MB], { unit: 'MB', digits: 1 }),
      row('results.jsonl written', [resultsBytes / MB], { unit: 'MB', digits: 1 })
    ]
    return {
      id: 'download',
      title: 'Download and join',
      description:
        `One batch of ${requests.toLocaleString('en-US')} requests, created once through the local Batch API and completed; then the action with \`command: status\`, \`batch-id\` and \`file\` ` +
        '(downloads output.jsonl, joins it with the input into results.jsonl in input order, writes the summary), against `curl -o` of the output file content. ' +
        `The requests name a ${MODEL.length}-character model, which the local API copies into every answer, so that each output line is ~4 kB as with long answers ` +
        `(its chat answers echo at most 200 characters). ${runs} runs after one warm-up (which checks that results.jsonl has every request); paired ratios; the files written are deleted after every run. ` +
        'The SDK-only peer is what users paste into a workflow: the official `openai` SDK downloading the output (`files.content(id)`, `.text()`, `writeFile`), with no join (bench/lib/peer-sdk.mjs). ' +
        `The action, curl and the peer also run through a loopback proxy that limits the link to ${LINK_RATES.map((r) => `${r / 1e6} MB/s`).join(' and ')} in each direction (bench/lib/throttle-proxy.mjs), ${quick ? 1 : Math.min(runs, 3)} runs after one warm-up on each link, the order rotating. ` +
        'The floor rows add to curl the time a bare node process takes to JSON.parse every line of the output and of the input: the least work any join in input order must do on one thread (it writes nothing). ' +
        `The last table is the join's memory with many results: ${quick ? '200,000' : '2,000,000'} generated results of ~300 bytes (in input order but for every 100th, which comes at the end), stored in the local API and downloaded and joined by the action's own modules (src/ compiled with tsc, bench/lib/join-driver.mjs): in one pass as the action does, and by the join of downloaded files (download, then joinResults) for comparison; one run each, no warm-up, results checked byte for byte.`,
      tables: [
        {
          subtitle: `${requests.toLocaleString('en-US')} results, ${formatSize(output.bytes)} of output, on loopback`,
          rows
        },
        ...linkTables,
        many
      ],
      notes
    }
  } finally {
    await mock.stop()
    await rm(input, { force: true })
    await rm(curlOut, { force: true })
    await rm(peerOut, { force: true })
  }
}

async function countLines(file) {
  let n = 0
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) n++
  }
  return n
}
