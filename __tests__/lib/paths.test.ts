import { beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, mkdir, symlink, writeFile, realpath } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { resolveInside } from '../../src/lib/paths.js'

describe('resolveInside', () => {
  let workspace: string
  let outside: string
  beforeAll(async () => {
    workspace = await realpath(await mkdtemp(path.join(os.tmpdir(), 'ws-')))
    outside = await realpath(await mkdtemp(path.join(os.tmpdir(), 'out-')))
    await writeFile(path.join(workspace, 'a.jsonl'), '')
    await writeFile(path.join(outside, 'secret.jsonl'), '')
    await symlink(outside, path.join(workspace, 'escape'))
    await mkdir(path.join(workspace, 'sub'))
  })
  it('accepts paths inside the workspace, existing or not', async () => {
    await expect(resolveInside('a.jsonl', 'file', { workspace })).resolves.toBe(
      path.join(workspace, 'a.jsonl')
    )
    await expect(resolveInside('sub/new/dir', 'results-dir', { workspace })).resolves.toBe(
      path.join(workspace, 'sub/new/dir')
    )
    await expect(
      resolveInside(path.join(workspace, 'a.jsonl'), 'file', { workspace })
    ).resolves.toBe(path.join(workspace, 'a.jsonl'))
  })
  it('refuses .. and absolute paths outside', async () => {
    await expect(resolveInside('../x.jsonl', 'file', { workspace })).rejects.toThrow(
      /^file: "..\/x.jsonl" leads to .*outside the workspace/
    )
    await expect(resolveInside('/etc/passwd', 'file', { workspace })).rejects.toThrow(
      /outside the workspace/
    )
  })
  it('refuses symlinks that escape', async () => {
    await expect(resolveInside('escape/secret.jsonl', 'file', { workspace })).rejects.toThrow(
      /outside the workspace/
    )
    await expect(resolveInside('escape/new', 'results-dir', { workspace })).rejects.toThrow(
      /results-dir: .*outside the workspace/
    )
  })
  it('accepts a name that only starts with two dots', async () => {
    await expect(resolveInside('..data.jsonl', 'file', { workspace })).resolves.toBe(
      path.join(workspace, '..data.jsonl')
    )
    await expect(resolveInside('sub/..', 'results-dir', { workspace })).resolves.toBe(workspace)
    await expect(resolveInside('..', 'results-dir', { workspace })).rejects.toThrow(
      /outside the workspace/
    )
  })

  it('names where the path leads, through the symlink, and what to do instead', async () => {
    await expect(resolveInside('escape/new/deeper', 'results-dir', { workspace })).rejects.toThrow(
      `results-dir: "escape/new/deeper" leads to ${path.join(outside, 'new', 'deeper')}, ` +
        `outside the workspace (${workspace}); use a path inside the workspace (or the runner temp dir)`
    )
  })

  it('passes on an error other than a missing path', async () => {
    // a.jsonl is a file: nothing can be under it.
    await expect(resolveInside('a.jsonl/x', 'file', { workspace })).rejects.toMatchObject({
      code: 'ENOTDIR'
    })
  })

  it('allows the runner temp dir', async () => {
    await expect(
      resolveInside(path.join(outside, 'secret.jsonl'), 'file', { workspace, temp: outside })
    ).resolves.toBe(path.join(outside, 'secret.jsonl'))
  })
})
