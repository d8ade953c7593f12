// Bundles the main and post entries of the action into dist/ with ncc.
import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'

rmSync('dist', { recursive: true, force: true })
const ncc = 'node_modules/@vercel/ncc/dist/ncc/cli.js'
for (const [entry, out] of [
  ['src/index.ts', 'dist'],
  ['src/post.ts', 'dist/post']
]) {
  execFileSync(
    process.execPath,
    [ncc, 'build', entry, '-o', out, '--source-map', '--license', 'licenses.txt', '--quiet'],
    {
      stdio: 'inherit'
    }
  )
}
