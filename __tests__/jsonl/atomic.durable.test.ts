// What makes an atomic write durable, as the calls to the file system show it: the data is synced
// before the rename, and the directory after it, so that a power loss leaves the old file or the
// new one under the name, never an empty one. No test can cut the power, so this one records the
// calls writeAtomically makes through node:fs/promises (the real functions, wrapped).
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import type { FileHandle } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'

const real = await import('node:fs/promises')

/** The calls made, in order, each as `what name` (file names without their directory). */
const calls: string[] = []
/** When set, opening a directory fails as it does where directories cannot be opened (Windows). */
let directoriesOpen = true

const named = (path: unknown): string =>
  String(path)
    .replace(/\.part-[0-9a-f]+$/, '.part')
    .replace(/^.*\//, '')

function recorded(handle: FileHandle, name: string): FileHandle {
  const sync = handle.sync.bind(handle)
  const close = handle.close.bind(handle)
  handle.sync = async () => {
    calls.push(`sync ${name}`)
    return sync()
  }
  handle.close = async () => {
    calls.push(`close ${name}`)
    return close()
  }
  return handle
}

jest.unstable_mockModule('node:fs/promises', () => ({
  ...real,
  open: async (path: string, flags?: string) => {
    const name = named(path)
    calls.push(`open ${name} ${flags}`)
    if (flags === 'r' && !directoriesOpen)
      throw new Error('EISDIR: illegal operation on a directory')
    return recorded(await real.open(path, flags), name)
  },
  rename: async (from: string, to: string) => {
    calls.push(`rename ${named(from)} ${named(to)}`)
    return real.rename(from, to)
  }
}))

const { writeAtomically } = await import('../../src/jsonl/atomic.js')

let dir: string

beforeEach(async () => {
  dir = await real.mkdtemp(join(tmpdir(), 'atomic-durable-'))
  calls.length = 0
  directoriesOpen = true
})
afterEach(async () => {
  await real.rm(dir, { recursive: true, force: true })
})

describe('writeAtomically, durably', () => {
  it('syncs the data before the rename and the directory after it', async () => {
    const dest = join(dir, 'out.jsonl')
    await writeAtomically(dest, (file) => file.writeFile('done\n'))
    const dirName = basename(dir)
    expect(calls).toEqual([
      'open out.jsonl.part wx',
      'sync out.jsonl.part',
      'close out.jsonl.part',
      'rename out.jsonl.part out.jsonl',
      `open ${dirName} r`,
      `sync ${dirName}`,
      `close ${dirName}`
    ])
    expect(await real.readFile(dest, 'utf8')).toBe('done\n')
  })

  it('still writes the file where a directory cannot be opened to sync it', async () => {
    directoriesOpen = false
    const dest = join(dir, 'out.jsonl')
    await expect(writeAtomically(dest, (file) => file.writeFile('done\n'))).resolves.toBe(undefined)
    expect(calls.at(-1)).toBe(`open ${basename(dir)} r`)
    expect(await real.readFile(dest, 'utf8')).toBe('done\n')
  })
})
