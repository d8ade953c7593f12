// The join's memory with millions of results (part of the download benchmark): a generated output
// of short lines, stored in the local Batch API, downloaded and joined by the action's own code
// (src/ compiled with tsc, run by join-driver.mjs) in one pass, and as before: download, then join.
import { spawnSync } from 'node:child_process'
import { readFileSync, statSync } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import {
  API_KEY,
  MB,
  benchDir,
  expectOk,
  formatSize,
  measure,
  root,
  row,
  tmpDir
} from './common.mjs'
import { writeShortResults } from './generate.mjs'

/** The target of the issue: peak RSS of the one-pass join of 2,000,000 results. */
const RSS_TARGET_MB = 250

function compile(outDir) {
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
      'src/results/one-pass.ts',
      'src/results/join.ts',
      'src/net/download.ts',
      'src/net/http-fetch.ts'
    ],
    { cwd: root, encoding: 'utf8' }
  )
  if (tsc.status !== 0) throw new Error(`tsc failed:\n${tsc.stdout}${tsc.stderr}`)
}

export async function manyResults({ mock, runs, quick, log }) {
  const requests = quick ? 200_000 : 2_000_000
  const build = path.join(tmpDir, 'join-build')
  const input = path.join(tmpDir, 'many-input.jsonl')
  const output = path.join(tmpDir, 'many-output.jsonl')
  const work = path.join(tmpDir, 'many-work')
  try {
    compile(build)
    const started = performance.now()
    await writeShortResults(input, output, requests)
    const up = spawnSync(
      'curl',
      [
        '-sS',
        '--fail-with-body',
        '-F',
        'purpose=batch',
        '-F',
        `file=@${output}`,
        '-H',
        `Authorization: Bearer ${API_KEY}`,
        `${mock.url}/files`
      ],
      { encoding: 'utf8' }
    )
    if (up.status !== 0) throw new Error(`storing the output failed: ${up.stderr}${up.stdout}`)
    const fileId = JSON.parse(up.stdout).id
    const outputBytes = statSync(output).size
    await rm(output, { force: true })
    log(
      `  ${requests.toLocaleString('en-US')} short results: output ${formatSize(outputBytes)}, input ${formatSize(statSync(input).size)}, made in ${((performance.now() - started) / 1000).toFixed(1)} s`
    )
    const m = { one: [], oneRss: [], two: [], twoRss: [] }
    const driver = async (mode) => {
      await rm(work, { recursive: true, force: true })
      await mkdir(work, { recursive: true })
      const r = expectOk(
        await measure(
          process.execPath,
          [
            path.join(benchDir, 'lib', 'join-driver.mjs'),
            build,
            mock.url,
            fileId,
            input,
            work,
            mode
          ],
          { env: { ...process.env, NODE_OPTIONS: '', BENCH_API_KEY: API_KEY } }
        ),
        `the join driver (${mode})`
      )
      const counts = JSON.parse(r.stdout)
      if (counts.ok !== requests) throw new Error(`${mode}: ${counts.ok} of ${requests} joined`)
      return r
    }
    // No warm-up: each run takes a minute or more, and the figure that counts is memory.
    for (let i = 0; i < runs; i++) {
      const one = await driver('one-pass')
      const oneResults = readFileSync(path.join(work, 'results.jsonl'))
      const two = await driver('two-pass')
      if (i === 0 && !oneResults.equals(readFileSync(path.join(work, 'results.jsonl'))))
        throw new Error('the one-pass and two-pass joins wrote different results')
      m.one.push(one.wallMs / 1000)
      m.oneRss.push(one.peakRss / MB)
      m.two.push(two.wallMs / 1000)
      m.twoRss.push(two.peakRss / MB)
      log(
        `  many results ${i + 1}/${runs}: one pass ${(one.wallMs / 1000).toFixed(2)} s (${(one.peakRss / MB).toFixed(0)} MB), ` +
          `download then join ${(two.wallMs / 1000).toFixed(2)} s (${(two.peakRss / MB).toFixed(0)} MB)`
      )
    }
    return {
      subtitle: `${requests.toLocaleString('en-US')} short results (${formatSize(outputBytes)} of output), the join's memory${quick ? ' — quick size' : ''}`,
      rows: [
        row('one pass (the action): download + join', m.one, { unit: 's' }),
        row('**one pass: peak RSS**', m.oneRss, {
          unit: 'MB',
          digits: 0,
          judge: 'max',
          target: quick ? undefined : { max: RSS_TARGET_MB }
        }),
        row('download, then joinResults (the join of downloaded files)', m.two, { unit: 's' }),
        row('download, then joinResults: peak RSS', m.twoRss, { unit: 'MB', digits: 0 })
      ]
    }
  } finally {
    await rm(input, { force: true })
    await rm(output, { force: true })
    await rm(work, { recursive: true, force: true })
    await rm(build, { recursive: true, force: true })
  }
}
