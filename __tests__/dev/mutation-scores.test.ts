// The README's mutation table is the committed incremental file's, not figures typed by hand: each
// module's "Now" score, the list of modules, and the share of src/ they hold are computed from
// reports/stryker-incremental.json and stryker.config.json (scripts/mutation-scores.mjs).
import { describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { repoRoot } from '../../__fixtures__/action-process.js'
import {
  formatScore,
  mutatedFiles,
  mutationScores,
  mutationTableRows,
  updateReadme
} from '../../scripts/mutation-scores.mjs'

async function readmeTable(): Promise<{ rows: { file: string; now: string }[]; text: string }> {
  const text = await readFile(path.join(repoRoot, 'README.md'), 'utf8')
  const rows = mutationTableRows(text.split('\n')).map((row) => ({
    file: row.file,
    now: (row.cells[3] ?? '').trim()
  }))
  return { rows, text }
}

describe('the README mutation table', () => {
  const scores = mutationScores(repoRoot)

  it("gives each module's score as the committed incremental file records it (npm run mutate:scores -- --write-readme writes them)", async () => {
    const { rows } = await readmeTable()
    const recorded = new Map(scores.modules.map((m) => [m.file, formatScore(m.score)]))
    expect(rows.map((row) => [row.file, row.now])).toEqual(
      rows.map((row) => [row.file, recorded.get(row.file) ?? 'no score'])
    )
  })

  it('lists every module stryker.config.json mutates that has a score, once', async () => {
    const { rows } = await readmeTable()
    expect(rows.map((row) => row.file).sort()).toEqual(scores.modules.map((m) => m.file).sort())
  })

  it('states how many modules and lines of src/ the scores cover (written by --write-readme too)', async () => {
    const { text } = await readmeTable()
    const stated = /(\d+) modules, ([\d,]+) of the ([\d,]+) lines of `src\/` \((\d+)%\)/.exec(text)
    expect(stated?.slice(1)).toEqual([
      String(scores.modules.length),
      scores.scoredLines.toLocaleString('en-US'),
      scores.srcLines.toLocaleString('en-US'),
      String(Math.round((100 * scores.scoredLines) / scores.srcLines))
    ])
  })
})

describe('mutation-scores.mjs', () => {
  it('formats a score with one decimal, none when whole', () => {
    expect([100, 99.96, 79.44, 80, 0].map(formatScore)).toEqual([
      '100%',
      '100%',
      '79.4%',
      '80%',
      '0%'
    ])
  })

  it('writes the Now column and the coverage sentence of a README, and names the rows missing', () => {
    const scores = {
      modules: [
        { file: 'src/a.ts', score: 91.25, lines: 10 },
        { file: 'src/b.ts', score: 100, lines: 30 }
      ],
      scoredLines: 40,
      srcLines: 160
    }
    const readme = [
      'Scores: 1 modules, 5 of the 6 lines of `src/` (83%).',
      '',
      '| Module | First run | Now | Equivalents aside |',
      '| --- | --: | --: | --: |',
      '| a: `a.ts` | 50% | 60% | 100% |',
      '| gone: `c.ts` | 50% | 70% | - |',
      '',
      '| other | table |'
    ].join('\n')
    const { readme: written, missing } = updateReadme(readme, scores)
    expect(written.split('\n')).toEqual([
      'Scores: 2 modules, 40 of the 160 lines of `src/` (25%).',
      '',
      '| Module | First run | Now | Equivalents aside |',
      '| --- | --: | --: | --: |',
      '| a: `a.ts` | 50% | 91.3% | 100% |',
      '| gone: `c.ts` | 50% | no score | - |',
      '',
      '| other | table |'
    ])
    expect(missing).toEqual(['src/b.ts'])
  })

  it("takes away the files of a config's ! globs", () => {
    const files = mutatedFiles(repoRoot, ['src/batch/*.ts', '!src/batch/client.ts'])
    expect(files).toContain('src/batch/poll.ts')
    expect(files).not.toContain('src/batch/client.ts')
  })
})
