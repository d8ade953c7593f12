// scripts/release.mjs in a throwaway clone: it tags vX.Y.Z and moves vX only when package.json,
// the CHANGELOG and dist/ all match the version. The clone's `bundle` script is replaced by one that
// either leaves dist/ as committed (a fresh bundle equal to it) or changes it (a stale dist/), so
// the test need not run ncc.
import { beforeEach, describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { repoRoot } from '../../__fixtures__/action-process.js'

let clone: string

const git = (...args: string[]) =>
  execFileSync('git', args, { cwd: clone, encoding: 'utf8' }).trim()

async function prepare(options: {
  version: string
  changelogVersion?: string
  staleDist?: boolean
}) {
  const pkgPath = path.join(clone, 'package.json')
  const pkg = JSON.parse(await readFile(pkgPath, 'utf8')) as {
    version: string
    scripts: Record<string, string>
  }
  pkg.version = options.version
  pkg.scripts.bundle = options.staleDist
    ? "node -e \"require('fs').appendFileSync('dist/index.js', '// changed\\n')\""
    : 'node -e ""'
  await writeFile(pkgPath, `${JSON.stringify(pkg, null, 2)}\n`)
  // A CHANGELOG of its own: the repository's has releases of its own, which would answer for it.
  const v = options.changelogVersion ?? options.version
  await writeFile(
    path.join(clone, 'CHANGELOG.md'),
    `# Changelog\n\n## [Unreleased]\n\n## [${v}] - 2026-12-01\n\n- A release.\n\n` +
      `[${v}]: https://github.com/your-org/batch-inference-action/releases/tag/v${v}\n`
  )
  git('commit', '-qam', `Release ${options.version}`)
}

function release(...args: string[]) {
  const env = { ...process.env }
  delete env.NODE_OPTIONS
  return spawnSync(process.execPath, ['scripts/release.mjs', ...args], {
    cwd: clone,
    env,
    encoding: 'utf8'
  })
}

/** The commit a tag points at, or undefined when there is no such tag. */
const tagAt = (tag: string) => {
  const result = spawnSync('git', ['rev-list', '-n', '1', tag, '--'], {
    cwd: clone,
    encoding: 'utf8'
  })
  return result.status === 0 ? result.stdout.trim() : undefined
}

beforeEach(async () => {
  clone = await mkdtemp(path.join(os.tmpdir(), 'release-'))
  // Without the repository's own tags: each test starts from a project never released.
  execFileSync('git', ['clone', '-q', '--no-tags', repoRoot, clone])
  git('config', 'user.email', 'release-test@example.invalid')
  git('config', 'user.name', 'release test')
})

describe('release', () => {
  it('tags vX.Y.Z and moves vX to the release commit', async () => {
    await prepare({ version: '1.2.3' })
    const result = release('1.2.3')
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    const head = git('rev-parse', 'HEAD')
    expect(tagAt('v1.2.3')).toBe(head)
    expect(tagAt('v1')).toBe(head)

    // The next release moves v1 on; v1.2.3 stays where it was.
    await prepare({ version: '1.3.0' })
    expect(release('1.3.0').status).toBe(0)
    expect(tagAt('v1')).toBe(git('rev-parse', 'HEAD'))
    expect(tagAt('v1.2.3')).toBe(head)
  })

  it.each([
    ['a version that is not X.Y.Z', { version: '1.2' }, '1.2', /not a version of the form X\.Y\.Z/],
    [
      'package.json at another version',
      { version: '1.0.0' },
      '1.0.1',
      /package\.json has version 1\.0\.0; set it to 1\.0\.1/
    ],
    [
      'a CHANGELOG without the version',
      { version: '1.0.0', changelogVersion: '0.9.0' },
      '1.0.0',
      /CHANGELOG\.md has no "## \[1\.0\.0\] - YYYY-MM-DD" section/
    ],
    [
      'a dist/ that is not the bundle of src/',
      { version: '1.0.0', staleDist: true },
      '1.0.0',
      /dist\/ is not the bundle of src\//
    ]
  ])('refuses %s, and tags nothing', async (_name, options, asked, message) => {
    await prepare(options)
    const result = release(asked)
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(message)
    expect(git('tag', '--list')).toBe('')
    expect(git('status', '--porcelain')).toBe('')
  })

  it('refuses a version that is not above an existing tag', async () => {
    await prepare({ version: '1.0.0' })
    git('tag', 'v1.1.0')
    const result = release('1.0.0')
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/v1\.0\.0 is not above the existing tag v1\.1\.0/)
    expect(tagAt('v1.0.0')).toBeUndefined()
  })
})
