// `npm run local-action [-- ENV_FILE]`: runs src/main.ts with @github/local-action, the inputs and
// runner variables taken from ENV_FILE (default: .env, else .env.example).
// The runner creates the GITHUB_STEP_SUMMARY file before a step starts, and core.summary refuses
// to write to one that does not exist; local-action does not create it, so in a fresh clone (no
// .tmp/) the summary was lost. The folder and an empty file are made here first.
import { spawn } from 'node:child_process'
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const requested = process.argv[2]
const envFile = requested ?? (existsSync(path.join(root, '.env')) ? '.env' : '.env.example')
if (!existsSync(path.resolve(root, envFile))) {
  console.error(`local-action: ${envFile} was not found; copy .env.example to .env and edit it`)
  process.exit(2)
}
if (!requested && envFile === '.env.example')
  console.log('local-action: no .env, so the inputs come from .env.example')

/** The value of NAME in a dotenv file, as local-action reads it (NAME=value, # comments). */
function envValue(file, name) {
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const match = /^\s*([^#=\s][^=]*?)\s*=\s*(.*)$/.exec(line)
    if (match && match[1] === name) return match[2].replace(/^(['"])(.*)\1$/, '$2')
  }
  return undefined
}

const summary = envValue(path.resolve(root, envFile), 'GITHUB_STEP_SUMMARY')
if (summary) {
  const file = path.resolve(root, summary)
  mkdirSync(path.dirname(file), { recursive: true })
  appendFileSync(file, '')
}

const bin = path.join(root, 'node_modules', '.bin', 'local-action')
const child = spawn(bin, ['run', '.', 'src/main.ts', envFile], { cwd: root, stdio: 'inherit' })
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
