// `npm run demo`: starts the local Batch API, runs the bundled action on examples/requests.jsonl
// the way the runner does, then prints its outputs, its job summary and the joined results.
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, writeFile, copyFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { startMockBatchApi } from '../tools/mock-batch-api/server.mjs'
import { summaryAsText, viewLogLine } from './lib/console-view.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const apiKey = 'demo-key'
const api = await startMockBatchApi({
  apiKey,
  timings: { validatingMs: 300, inProgressMs: 2500, finalizingMs: 300 }
})
const workspace = await mkdtemp(path.join(os.tmpdir(), 'batch-demo-'))
await copyFile(
  path.join(root, 'examples', 'requests.jsonl'),
  path.join(workspace, 'requests.jsonl')
)
const files = Object.fromEntries(
  ['output', 'state', 'summary'].map((name) => [name, path.join(workspace, `.github-${name}`)])
)
await Promise.all(Object.values(files).map((file) => writeFile(file, '')))

const inputs = {
  command: 'run',
  file: 'requests.jsonl',
  'base-url': api.url,
  'api-key': apiKey,
  'poll-interval': '0.5',
  'max-poll-interval': '2',
  metadata: 'suite=demo'
}
console.log(`Local Batch API on ${api.url}; workspace ${workspace}\n`)
const env = {
  ...process.env,
  GITHUB_OUTPUT: files.output,
  GITHUB_STATE: files.state,
  GITHUB_STEP_SUMMARY: files.summary,
  GITHUB_WORKSPACE: workspace
}
for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value

const code = await new Promise((resolve) => {
  const child = spawn(process.execPath, [path.join(root, 'dist', 'index.js')], {
    cwd: workspace,
    env,
    stdio: ['ignore', 'pipe', 'inherit']
  })
  // The step's log as the log viewer shows it: workflow commands rendered, debug lines hidden.
  let carry = ''
  child.stdout.on('data', (chunk) => {
    const lines = (carry + chunk.toString()).split('\n')
    carry = lines.pop() ?? ''
    for (const line of lines) {
      const shown = viewLogLine(line, { debug: process.env.RUNNER_DEBUG === '1' })
      if (shown !== undefined) console.log(shown)
    }
  })
  child.on('close', (exitCode) => {
    if (carry) console.log(viewLogLine(carry) ?? '')
    resolve(exitCode)
  })
})

const outputs = parseCommandFile(await readFile(files.output, 'utf8'))
console.log('\n== Outputs')
for (const [name, value] of Object.entries(outputs)) {
  console.log(`${name}: ${name === 'batch' ? value.slice(0, 120) + '…' : value}`)
}
if (outputs['results-path']) {
  console.log(`\n== ${outputs['results-path']}`)
  // One line per request; long responses cut so each stays one screen line.
  for (const line of (await readFile(outputs['results-path'], 'utf8')).trimEnd().split('\n'))
    console.log(line.length > 160 ? `${line.slice(0, 159)}…` : line)
}
console.log('\n== Job summary (as text; on GitHub it is rendered from HTML)')
console.log(summaryAsText(await readFile(files.summary, 'utf8')))
await api.close()
process.exitCode = code ?? 1

function parseCommandFile(text) {
  const values = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i])
    if (!match) continue
    const value = []
    for (i++; i < lines.length && lines[i] !== match[2]; i++) value.push(lines[i])
    values[match[1]] = value.join('\n')
  }
  return values
}
