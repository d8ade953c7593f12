// `npm run demo` shows a person what the step did: the log as GitHub's viewer shows it (groups,
// no debug lines, no raw workflow commands) and the job summary as text, not HTML.
import { expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { repoRoot } from '../../__fixtures__/action-process.js'

function runDemo(env: Record<string, string | undefined>) {
  const child = spawn(process.execPath, ['scripts/demo.mjs'], {
    cwd: repoRoot,
    env: { ...process.env, NODE_OPTIONS: undefined, ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  return new Promise<{ code: number | null; output: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, output }))
  )
}

it('prints the log and the summary as a person reads them, even with step debug on', async () => {
  // ACTIONS_STEP_DEBUG makes the action write ::debug:: lines; the demo must still hide them.
  const { code, output } = await runDemo({ ACTIONS_STEP_DEBUG: 'true', RUNNER_DEBUG: undefined })
  if (code !== 0) console.log(output)
  expect(code).toBe(0)
  expect(output).toMatch(/^▸ Validate and upload requests\.jsonl$/m)
  expect(output).toMatch(/^▸ Wait for batch batch_\S+$/m)
  expect(output).not.toMatch(/::(debug|group|endgroup|set-output|save-state|add-mask)::/)
  const summary = output.slice(output.indexOf('== Job summary'))
  expect(summary).toMatch(/^✅ Batch succeeded: requests\.jsonl\n=+$/m)
  expect(summary).toMatch(/^All 6 requests succeeded$/m)
  expect(summary).toMatch(/^▸ Sample results \(first 3 of 6\)$/m)
  expect(summary).toMatch(/^Requests +6 total, 6 completed, 0 failed$/m)
  expect(summary).not.toMatch(/<\/?(table|tr|td|th|h2|code|details|pre|p)>/)
}, 60_000)
