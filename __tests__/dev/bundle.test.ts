// What the committed bundle holds. undici (about a third of the bundle before) comes in only
// through @actions/core → @actions/http-client, for OIDC tokens the action never asks for; the
// tsconfig `paths` entry keeps ncc from bundling it (see src/stubs/undici.ts).
import { expect, it } from '@jest/globals'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { mainEntry, postEntry, repoRoot } from '../../__fixtures__/action-process.js'

it('bundles no module of undici, main or post', async () => {
  const tsconfig = JSON.parse(await readFile(path.join(repoRoot, 'tsconfig.json'), 'utf8')) as {
    compilerOptions: { paths?: Record<string, string[]> }
  }
  expect(tsconfig.compilerOptions.paths?.undici).toEqual(['./src/stubs/undici.ts'])
  for (const entry of [mainEntry, postEntry]) {
    const map = JSON.parse(await readFile(`${entry}.map`, 'utf8')) as { sources: string[] }
    // The bundle is made of these sources: none may be undici's.
    expect(map.sources.some((source) => /node_modules\/@actions\/core\//.test(source))).toBe(true)
    expect(map.sources.filter((source) => /node_modules\/undici\//.test(source))).toEqual([])
    // UndiciError is the base class of every undici error: present whenever undici is bundled,
    // in the entry or in any chunk the bundler split off beside it.
    const dir = path.dirname(entry)
    for (const name of (await readdir(dir)).filter((file) => file.endsWith('.js')))
      expect(await readFile(path.join(dir, name), 'utf8')).not.toMatch(/class UndiciError/)
  }
})
