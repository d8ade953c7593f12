// The README's reliability counts are the sizes of the test tables, not numbers typed by hand: each
// row's count, and the numbers in its label, are computed from the tables the tests run.
import { describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { repoRoot } from '../__fixtures__/action-process.js'
import { BAD_INPUTS } from '../__fixtures__/bad-inputs.js'
import {
  AMBIGUOUS_CREATES,
  CALLS,
  CANCELLATIONS,
  DOWNLOAD_ONLY,
  FAULTS,
  OUTAGES,
  RERUNS
} from '../__fixtures__/fault-scenarios.js'
import { malformedCases } from '../__fixtures__/jsonl-cases.js'
import { ROBUSTNESS } from '../__fixtures__/robustness-scenarios.js'

async function rowFor(label: string): Promise<{ label: string; count: number }> {
  const readme = await readFile(path.join(repoRoot, 'README.md'), 'utf8')
  const row = readme.split('\n').find((line) => line.startsWith(`| ${label}`))
  const match = row && /^\|\s*(.*?)\s*\|\s*(\d+)\s*\|\s*$/.exec(row)
  if (!match) throw new Error(`README has no reliability row starting "${label}"`)
  return { label: match[1]!, count: Number(match[2]) }
}

describe('README reliability counts', () => {
  it('match the fault matrix, in the total and in the label', async () => {
    const row = await rowFor('faults injected')
    expect(row.count).toBe(CALLS.length * FAULTS.length + DOWNLOAD_ONLY.length)
    expect(row.label).toContain(
      `${CALLS.length} calls × ${FAULTS.length} faults, plus ${DOWNLOAD_ONLY.length} cut-off downloads`
    )
  })
  it('match the outage scenarios', async () => {
    expect((await rowFor('outages and final errors')).count).toBe(Object.keys(OUTAGES).length)
  })
  it('match the cancellation scenarios', async () => {
    expect((await rowFor('cancellation under fault')).count).toBe(Object.keys(CANCELLATIONS).length)
  })
  it('match the re-run and ambiguous-create scenarios', async () => {
    expect((await rowFor('re-runs and matrix legs')).count).toBe(Object.keys(RERUNS).length)
    expect((await rowFor('ambiguous creates')).count).toBe(Object.keys(AMBIGUOUS_CREATES).length)
  })
  it('match the bad-input table', async () => {
    expect((await rowFor('bad inputs and bad files')).count).toBe(BAD_INPUTS.length)
  })
  it('match the robustness scenarios', async () => {
    expect((await rowFor('robustness')).count).toBe(Object.keys(ROBUSTNESS).length)
  })
  it('match the malformed-file table', async () => {
    expect((await rowFor('malformed request files')).count).toBe(malformedCases.length)
  })
})
