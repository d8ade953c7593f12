// Every bad input and bad file fails the step with a clear message, and nothing is stored or created.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { startMockBatchApi, type MockBatchApi } from '../tools/mock-batch-api/server.mjs'
import { makeWorkspace, runAction } from '../__fixtures__/action-process.js'
import { BAD_INPUTS } from '../__fixtures__/bad-inputs.js'

const KEY = 'bad-input-key-91c2'
let api: MockBatchApi

beforeAll(async () => {
  api = await startMockBatchApi({ apiKey: KEY })
})
afterAll(async () => {
  await api.close()
})

describe('bad inputs', () => {
  it.each(BAD_INPUTS)('$name', async (bad) => {
    const workspace = await makeWorkspace(bad.files)
    if (bad.escapeLink) {
      const outside = await mkdtemp(path.join(os.tmpdir(), 'outside-'))
      await writeFile(path.join(outside, 'secret.jsonl'), '{}\n')
      await symlink(outside, path.join(workspace, bad.escapeLink))
    }
    const logged = api.log.length
    const batches = api.batches().length
    const files = api.files().length
    const run = await runAction({
      workspace,
      inputs: { 'base-url': api.url, 'api-key': KEY, ...bad.inputs },
      env: bad.env
    })
    expect(run.code).toBe(1)
    const failure = run.stdout
      .split('\n')
      .filter((line) => line.startsWith('::error::'))
      .join('\n')
    expect(failure).toMatch(bad.message)
    const calls = api.log.slice(logged)
    expect(calls.filter((e) => e.op === 'create')).toEqual([])
    // A bad file of one batch is found while it is uploaded: that upload is cut off before its
    // end (never answered, status 0), so no file is stored.
    expect(calls.filter((e) => e.op === 'upload' && e.status !== 0)).toEqual([])
    expect(api.files().length).toBe(files)
    expect(api.batches().length).toBe(batches)
    expect(run.stdout.replace(`::add-mask::${KEY}`, '')).not.toContain(KEY)
  })
})
