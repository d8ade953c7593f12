// `npm run mutate:scores [-- --write-readme]`: the mutation score of every module, from the
// committed incremental file (reports/stryker-incremental.json), and how much of src/ they hold.
// The README's mutation table and its line counts are these figures
// (__tests__/dev/mutation-scores.test.ts holds them to it; --write-readme writes them); a module
// whose source changed since its last run is listed as stale, to be run again.
import { globSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const DETECTED = new Set(['Killed', 'Timeout'])
const UNDETECTED = new Set(['Survived', 'NoCoverage'])

/** Lines of a source text, as `wc -l` counts them. */
function lineCount(text) {
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0)
}

/** The files `stryker.config.json`'s `mutate` globs select (a `!` glob takes files away). */
export function mutatedFiles(root, globs) {
  const selected = new Set()
  for (const glob of globs) {
    const negated = glob.startsWith('!')
    for (const file of globSync(negated ? glob.slice(1) : glob, { cwd: root })) {
      const name = file.split(path.sep).join('/')
      if (negated) selected.delete(name)
      else selected.add(name)
    }
  }
  return [...selected].sort()
}

/** A score as the README shows it: one decimal, none when it is a whole number. */
export function formatScore(score) {
  const rounded = Math.round(score * 10) / 10
  return `${Number.isInteger(rounded) ? rounded : rounded.toFixed(1)}%`
}

/**
 * Every mutated module with its counts and score (killed and timed out over every mutant that ran
 * or had no test; ignored and compile errors left out, as Stryker scores them).
 */
export function mutationScores(root) {
  const config = JSON.parse(readFileSync(path.join(root, 'stryker.config.json'), 'utf8'))
  const report = JSON.parse(readFileSync(path.join(root, config.incrementalFile), 'utf8'))
  const modules = []
  const unscored = []
  for (const file of mutatedFiles(root, config.mutate)) {
    const source = readFileSync(path.join(root, file), 'utf8')
    const entry = report.files[file]
    const counts = {}
    for (const mutant of entry?.mutants ?? [])
      counts[mutant.status] = (counts[mutant.status] ?? 0) + 1
    const detected = [...DETECTED].reduce((sum, status) => sum + (counts[status] ?? 0), 0)
    const undetected = [...UNDETECTED].reduce((sum, status) => sum + (counts[status] ?? 0), 0)
    if (detected + undetected === 0) {
      unscored.push(file)
      continue
    }
    modules.push({
      file,
      lines: lineCount(source),
      counts,
      score: (100 * detected) / (detected + undetected),
      stale: entry.source !== source
    })
  }
  const srcLines = globSync('src/**/*.ts', { cwd: root }).reduce(
    (sum, file) => sum + lineCount(readFileSync(path.join(root, file), 'utf8')),
    0
  )
  const scoredLines = modules.reduce((sum, module) => sum + module.lines, 0)
  return { modules, unscored, scoredLines, srcLines }
}

/** The sentence of the README that says how much of src/ the scores cover. */
export function coverageText({ modules, scoredLines, srcLines }) {
  return `${modules.length} modules, ${scoredLines.toLocaleString('en-US')} of the ${srcLines.toLocaleString('en-US')} lines of \`src/\` (${Math.round((100 * scoredLines) / srcLines)}%)`
}

const COVERAGE = /\d+ modules, [\d,]+ of the [\d,]+ lines of `src\/` \(\d+%\)/

/**
 * The rows of the README's mutation table: for each, its index in `lines`, its cells (split on
 * `|`, the first and last empty) and the module it names under src/.
 */
export function mutationTableRows(lines) {
  const header = lines.findIndex((line) =>
    /^\|\s*Module\s*\|\s*First run\s*\|\s*Now\s*\|/.test(line)
  )
  if (header === -1) throw new Error('README has no mutation table (| Module | First run | Now |)')
  const rows = []
  for (let i = header + 2; i < lines.length && lines[i].startsWith('|'); i++) {
    const cells = lines[i].split('|')
    const file = /`([^`]+\.ts)`/.exec(cells[1])?.[1]
    if (!file) throw new Error(`a mutation table row names no module: ${lines[i]}`)
    rows.push({ index: i, cells, file: `src/${file}` })
  }
  return rows
}

/**
 * The README with its mutation table's "Now" column and its coverage sentence set from `scores`;
 * `missing` lists the modules with a score and no row (a row needs a label, written by hand).
 */
export function updateReadme(readme, scores) {
  const byFile = new Map(scores.modules.map((m) => [m.file, formatScore(m.score)]))
  const lines = readme.split('\n')
  const rows = mutationTableRows(lines)
  for (const { index, cells, file } of rows) {
    cells[3] = ` ${byFile.get(file) ?? 'no score'} `
    lines[index] = cells.join('|')
  }
  const seen = new Set(rows.map((row) => row.file))
  const missing = scores.modules.map((m) => m.file).filter((file) => !seen.has(file))
  return { readme: lines.join('\n').replace(COVERAGE, coverageText(scores)), missing }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
  const scores = mutationScores(root)
  const { modules, unscored, scoredLines, srcLines } = scores
  if (process.argv.includes('--write-readme')) {
    const file = path.join(root, 'README.md')
    const { readme, missing } = updateReadme(readFileSync(file, 'utf8'), scores)
    writeFileSync(file, readme)
    console.log('README.md: the Now column and the coverage sentence written (run prettier)')
    if (missing.length > 0) console.log(`no row in the README for: ${missing.join(', ')}`)
  }
  for (const module of modules)
    console.log(
      `${module.file.padEnd(40)} ${formatScore(module.score).padStart(6)}${module.stale ? '  stale: changed since its last run' : ''}`
    )
  console.log(`scored: ${coverageText({ modules, scoredLines, srcLines })}`)
  if (unscored.length > 0) console.log(`no mutants: ${unscored.join(', ')}`)
  const stale = modules.filter((module) => module.stale).length
  if (stale > 0) console.log(`${stale} stale: run them again (docs/mutation.md)`)
}
