// The job summary holds no key, whatever carried it there: a failed request's message from the
// provider's error file (cut to fit its cell), the batch's metadata, the step's message, `list`.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import * as core from '@actions/core'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { redactValues, writeBatchSummary, writeListSummary } from '../../src/action/summary.js'
import { completedBatch } from '../../__fixtures__/batches.js'

const KEY = 'sk-summary-key-3b9d7f'
let dir: string
let summaryFile: string
const savedEnv = process.env['GITHUB_STEP_SUMMARY']

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'summary-redaction-test-'))
  summaryFile = join(dir, 'step-summary.md')
})
afterAll(async () => {
  if (savedEnv === undefined) delete process.env['GITHUB_STEP_SUMMARY']
  else process.env['GITHUB_STEP_SUMMARY'] = savedEnv
  await rm(dir, { recursive: true, force: true })
})
beforeEach(async () => {
  core.summary.emptyBuffer()
  await writeFile(summaryFile, '')
  process.env['GITHUB_STEP_SUMMARY'] = summaryFile
})

const batch = () => completedBatch({ metadata: { echoed: KEY } })

describe('writeBatchSummary', () => {
  it('masks the key in failure messages, also where a message is cut to fit its cell', async () => {
    // The key begins just before the cell's limit: cut first, it would leave a piece of the key.
    const long = `${'x'.repeat(290)} ${KEY} and more`
    await writeBatchSummary(
      {
        command: 'run',
        batch: batch(),
        outcome: 'failed',
        message: `Batch failed: the key ${KEY} was refused`,
        files: {},
        failures: [
          { custom_id: 'req-1', message: `Rejected: the key you sent was ${KEY}` },
          { custom_id: 'req-2', message: long }
        ]
      },
      [KEY]
    )
    const text = await readFile(summaryFile, 'utf8')
    expect(text).toContain('Rejected: the key you sent was ***')
    expect(text).not.toContain(KEY)
    expect(text).not.toContain(KEY.slice(0, 5))
  })

  it('without the key to mask, shows the messages as they are (the test above is not vacuous)', async () => {
    await writeBatchSummary(
      {
        command: 'run',
        batch: batch(),
        outcome: 'succeeded',
        files: {},
        failures: [{ custom_id: 'req-1', message: `Rejected: ${KEY}` }]
      },
      []
    )
    expect(await readFile(summaryFile, 'utf8')).toContain(KEY)
  })
})

describe('writeListSummary', () => {
  it('masks the key in the batches listed', async () => {
    await writeListSummary([batch()], [KEY])
    const text = await readFile(summaryFile, 'utf8')
    expect(text).toContain('batch_abc')
    expect(text).not.toContain(KEY)
  })
})

describe('redactValues', () => {
  it('masks every string, however deep, and keeps other values and the input as they were', () => {
    const value = { a: [KEY, 1, null, { b: `x ${KEY}` }], c: true, d: undefined }
    expect(redactValues(value, [KEY])).toEqual({
      a: ['***', 1, null, { b: 'x ***' }],
      c: true,
      d: undefined
    })
    expect(value.a[0]).toBe(KEY)
  })
})
