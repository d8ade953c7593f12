// What the committed bundle holds. undici (about a third of the bundle before) comes in only
// through @actions/core → @actions/http-client, for OIDC tokens the action never asks for; the
// tsconfig `paths` entry makes ncc bundle src/stubs/undici.ts in its place.
import { expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { mainEntry, postEntry, repoRoot } from '../../__fixtures__/action-process.js'

it('bundles the undici stub, not undici', async () => {
  const tsconfig = JSON.parse(await readFile(path.join(repoRoot, 'tsconfig.json'), 'utf8')) as {
    compilerOptions: { paths?: Record<string, string[]> }
  }
  expect(tsconfig.compilerOptions.paths?.undici).toEqual(['src/stubs/undici.ts'])
  for (const entry of [mainEntry, postEntry]) {
    const bundle = await readFile(entry, 'utf8')
    // UndiciError is the base class of every undici error: present whenever undici is bundled.
    expect(bundle).not.toMatch(/class UndiciError/)
    expect(bundle).toMatch(/undici is not bundled with this action/)
  }
})
