// The README's reliability counts are the sizes of the test tables, not numbers typed by hand.
import { describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { repoRoot } from '../__fixtures__/action-process.js'
import { BAD_INPUTS } from '../__fixtures__/bad-inputs.js'
import { CALLS, DOWNLOAD_ONLY, FAULTS } from '../__fixtures__/fault-scenarios.js'
import { malformedCases } from '../__fixtures__/jsonl-cases.js'

async function countFor(label: string): Promise<number> {
  const readme = await readFile(path.join(repoRoot, 'README.md'), 'utf8')
  const row = readme.split('\n').find((line) => line.startsWith(`| ${label}`))
  const match = row && /\|\s*(\d+)\s*\|\s*$/.exec(row)
  if (!match) throw new Error(`README has no reliability row starting "${label}"`)
  return Number(match[1])
}

describe('README reliability counts', () => {
  it('match the fault matrix', async () => {
    expect(await countFor('faults injected')).toBe(
      CALLS.length * FAULTS.length + DOWNLOAD_ONLY.length
    )
    expect(await countFor('faults injected')).toBe(50)
  })
  it('match the bad-input table', async () => {
    expect(await countFor('bad inputs and bad files')).toBe(BAD_INPUTS.length)
  })
  it('match the malformed-file table', async () => {
    expect(await countFor('malformed request files')).toBe(malformedCases.length)
  })
})
