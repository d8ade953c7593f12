// `npm run local-action` from a fresh clone: the summary folder (.tmp/) does not exist yet, and the
// command must still run src/main.ts to the end and write its job summary there.
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { startMockBatchApi, type MockBatchApi } from '../../tools/mock-batch-api/server.mjs'
import { repoRoot } from '../../__fixtures__/action-process.js'

const KEY = 'local-action-key'
let api: MockBatchApi
let scratch: string

beforeAll(async () => {
  api = await startMockBatchApi({
    apiKey: KEY,
    timings: { validatingMs: 20, inProgressMs: 100, finalizingMs: 20 }
  })
  scratch = await mkdtemp(path.join(os.tmpdir(), 'local-action-'))
})
afterAll(async () => {
  await api.close()
  await rm(scratch, { recursive: true, force: true })
})

it('creates the summary folder the env file names and writes the summary there', async () => {
  // .env.example as shipped, pointed at this test's local Batch API and a summary folder that
  // does not exist, as .tmp/ does not in a fresh clone.
  const summaryDir = path.join(scratch, 'not-yet', 'there')
  const summaryFile = path.join(summaryDir, 'summary.md')
  // Results go to the runner temp dir (which paths may use besides the workspace), not the clone.
  const resultsDir = path.join(scratch, 'results')
  const example = await readFile(path.join(repoRoot, '.env.example'), 'utf8')
  const envText = example
    .replace(/^GITHUB_STEP_SUMMARY=.*$/m, `GITHUB_STEP_SUMMARY=${summaryFile}`)
    .replace(/^INPUT_BASE-URL=.*$/m, `INPUT_BASE-URL=${api.url}`)
    .replace(/^INPUT_API-KEY=.*$/m, `INPUT_API-KEY=${KEY}`)
    .replace(/^INPUT_POLL-INTERVAL=.*$/m, 'INPUT_POLL-INTERVAL=0.05')
    .replace(/^INPUT_MAX-POLL-INTERVAL=.*$/m, 'INPUT_MAX-POLL-INTERVAL=0.2')
    .replace(/^INPUT_RESULTS-DIR=.*$/m, `INPUT_RESULTS-DIR=${resultsDir}`)
  const withTemp = `${envText}\nRUNNER_TEMP=${scratch}\n`
  expect(withTemp).toContain(`INPUT_BASE-URL=${api.url}`)
  const envFile = path.join(scratch, 'test.env')
  await writeFile(envFile, withTemp)

  const env = { ...process.env }
  delete env.NODE_OPTIONS
  const child = spawn(process.execPath, ['scripts/local-action.mjs', envFile], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
  if (code !== 0) console.log(output)
  expect(code).toBe(0)
  expect(output).not.toMatch(/Could not write the job summary/)
  const summary = await readFile(summaryFile, 'utf8')
  expect(summary).toMatch(/completed/)
  expect(api.batches()).toHaveLength(1)
}, 120_000)
