// `npm run release -- X.Y.Z [--push]`: tags a release of the action.
//
// Checks, cheapest first, that the commit being tagged is what the version says it is:
//   - X.Y.Z is a semantic version above every vX.Y.Z tag that exists;
//   - package.json's version is X.Y.Z;
//   - CHANGELOG.md has a "## [X.Y.Z] - YYYY-MM-DD" section and a link for it;
//   - the work tree is clean and dist/ equals a fresh `npm run bundle` of src/.
// Then it creates the annotated tag vX.Y.Z and moves the major tag vX to the same commit, so
// `uses: owner/batch-inference-action@vX` follows the latest release of that major version.
// With --push it pushes both tags to origin (the major tag with --force, as it moves).
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/

/** Compares two X.Y.Z versions: negative when a < b. */
export function compareVersions(a, b) {
  const pa = a.split('.').map(Number)
  const pb = b.split('.').map(Number)
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i]
  return 0
}

/** Problems with releasing `version` from these files and tags; empty when it may be tagged. */
export function releaseProblems({ version, packageVersion, changelog, tags }) {
  if (!SEMVER.test(version)) return [`"${version}" is not a version of the form X.Y.Z (1.0.0)`]
  const problems = []
  const released = tags
    .map((tag) => /^v(\d+\.\d+\.\d+)$/.exec(tag)?.[1])
    .filter((v) => v !== undefined && SEMVER.test(v))
  const newer = released.filter((v) => compareVersions(v, version) >= 0)
  if (newer.length > 0)
    problems.push(
      `v${version} is not above the existing tag v${newer.sort(compareVersions).at(-1)}`
    )
  if (packageVersion !== version)
    problems.push(`package.json has version ${packageVersion}; set it to ${version} and commit`)
  const escaped = version.replaceAll('.', '\\.')
  if (!new RegExp(`^## \\[${escaped}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm').test(changelog))
    problems.push(`CHANGELOG.md has no "## [${version}] - YYYY-MM-DD" section`)
  if (!new RegExp(`^\\[${escaped}\\]: \\S+`, 'm').test(changelog))
    problems.push(`CHANGELOG.md has no "[${version}]: <url>" link`)
  return problems
}

function git(...args) {
  return execFileSync('git', args, { encoding: 'utf8' }).trim()
}

function fail(problems) {
  for (const problem of problems) console.error(`release: ${problem}`)
  process.exit(1)
}

function main(argv) {
  const push = argv.includes('--push')
  const [version] = argv.filter((arg) => !arg.startsWith('--'))
  if (!version) fail(['usage: npm run release -- X.Y.Z [--push]'])
  const problems = releaseProblems({
    version,
    packageVersion: JSON.parse(readFileSync('package.json', 'utf8')).version,
    changelog: readFileSync('CHANGELOG.md', 'utf8'),
    tags: git('tag', '--list').split('\n').filter(Boolean)
  })
  if (problems.length > 0) fail(problems)
  if (git('status', '--porcelain') !== '') fail(['the work tree has uncommitted changes'])

  console.log('release: bundling src/ to check dist/')
  execFileSync('npm', ['run', '-s', 'bundle'], { stdio: 'inherit' })
  const stale = git('status', '--porcelain', '--', 'dist')
  if (stale !== '') {
    git('checkout', '--', 'dist')
    fail([`dist/ is not the bundle of src/ (run npm run bundle and commit):\n${stale}`])
  }

  const major = `v${version.split('.')[0]}`
  git('tag', '-a', `v${version}`, '-m', `v${version}`)
  git('tag', '-f', '-a', major, '-m', `${major} (v${version})`)
  console.log(`release: tagged v${version} and moved ${major} to ${git('rev-parse', 'HEAD')}`)
  if (push) {
    git('push', 'origin', `v${version}`)
    git('push', '--force', 'origin', major)
    console.log(`release: pushed v${version} and ${major}`)
  } else {
    console.log(
      `release: push with: git push origin v${version} && git push --force origin ${major}`
    )
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2))
