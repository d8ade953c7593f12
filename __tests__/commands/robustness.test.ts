// Answers, statuses, directories and files that are not what the action expects, in process
// against the local Batch API: the batch is never lost, success is never claimed for a state the
// action cannot read, and nothing is uploaded that was not validated.
import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { createHash } from 'node:crypto'
import { appendFile, chmod, mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import * as core from '../../__fixtures__/core.js'
import {
  chatLines,
  KEY,
  putFile,
  startHarness,
  type Harness
} from '../../__fixtures__/in-process.js'

jest.unstable_mockModule('@actions/core', () => core)
const { run } = await import('../../src/main.js')
const { createBatchApi } = await import('../../src/batch/client.js')

let harness: Harness
beforeAll(async () => {
  harness = await startHarness()
})
afterAll(async () => {
  await harness.close()
})
beforeEach(() => {
  core.reset()
  harness.api.clearFaults()
  harness.api.configure({ statusNames: {}, statusCase: 'lower' })
})

const uploads = () => harness.api.log.filter((entry) => entry.op === 'upload').length
const warnings = () => core.messages.filter((line) => line.startsWith('warning: '))

describe('a create answer of an unexpected shape', () => {
  it.each(['created-at-string', 'errors-empty-array', 'counts-strings', 'status-null'] as const)(
    '%s: the batch is kept, reported and waited for',
    async (shape) => {
      await putFile(harness, 'requests.jsonl', chatLines(3))
      harness.api.addFault({ op: 'create', fault: 'odd-shape', shape })
      core.reset(harness.inputs({ file: 'requests.jsonl' }))
      await run()

      expect(core.failure()).toBeUndefined()
      const id = core.outputs.get('batch-id') ?? ''
      expect(id).toMatch(/^batch_/)
      expect(core.state.get('batch-id')).toBe(id)
      expect(harness.api.batch(id)?.status).toBe('completed')
      expect(core.outputs.get('status')).toBe('completed')
      const key = String(harness.api.batch(id)?.metadata?.batch_action_key)
      expect(harness.api.batches({ metadata: { batch_action_key: key } })).toHaveLength(1)
    }
  )
})

describe('statuses', () => {
  it('reads the spellings providers use: succeeded, canceled, upper case', async () => {
    harness.api.configure({
      statusNames: { completed: 'succeeded', cancelled: 'canceled' },
      statusCase: 'upper'
    })
    await putFile(harness, 'requests.jsonl', chatLines(2))
    core.reset(harness.inputs({ file: 'requests.jsonl' }))
    await run()
    expect(core.failure()).toBeUndefined()
    expect(core.outputs.get('status')).toBe('completed')
    expect(warnings()).toEqual([])
  })

  it('warns once about a status it does not know, polls on, and fails when the wait ends', async () => {
    harness.api.configure({ statusNames: { completed: 'all_good' } })
    await putFile(harness, 'requests.jsonl', chatLines(2))
    core.reset(
      harness.inputs({ file: 'requests.jsonl', 'wait-timeout': '1500ms', 'on-timeout': 'leave' })
    )
    await run()

    const id = core.outputs.get('batch-id') ?? ''
    expect(core.failure()).toMatch(
      new RegExp(
        `^The wait timed out \\(wait-timeout 1.5s\\)\\. Batch ${id} has the status "all_good", which the action does not know`
      )
    )
    const unknown = warnings().filter((line) => line.includes('"all_good"'))
    expect(unknown).toEqual([
      expect.stringContaining(
        `Batch ${id} reports the status "all_good", which the action does not know`
      )
    ])
    // It kept polling after the first unknown answer.
    const polls = harness.api.log.filter((e) => e.op === 'retrieve' && e.batchId === id)
    expect(polls.length).toBeGreaterThan(3)
  })
})

describe('results-dir', () => {
  it('an existing file is an input error, and nothing is uploaded', async () => {
    await putFile(harness, 'requests.jsonl', chatLines(2))
    await putFile(harness, 'taken', 'not a directory')
    const before = uploads()
    core.reset(harness.inputs({ file: 'requests.jsonl', 'results-dir': 'taken' }))
    await run()
    expect(core.failure()).toMatch(
      /^results-dir: "taken" is an existing file \(.*taken\), not a directory; results could not be written there, so nothing was uploaded/
    )
    expect(uploads()).toBe(before)
  })

  it('a directory under a file is an input error too', async () => {
    await putFile(harness, 'requests.jsonl', chatLines(2))
    await putFile(harness, 'plain', 'x')
    const before = uploads()
    core.reset(harness.inputs({ file: 'requests.jsonl', 'results-dir': 'plain/sub' }))
    await run()
    expect(core.failure()).toMatch(
      /^results-dir: "plain\/sub" lies under a file, not a directory \(.*plain\/sub\); results could not/
    )
    expect(uploads()).toBe(before)
  })

  it('a read-only directory is refused when this process cannot write it', async () => {
    const { writableDirProblem } = await import('../../src/commands/collect.js')
    const dir = path.join(harness.workspace, 'readonly')
    await mkdir(dir, { recursive: true })
    await chmod(dir, 0o555)
    // Root writes anywhere: what matters is whether this process can, which the check tries.
    const canWrite = await writeFile(path.join(dir, 'probe'), '').then(
      () => true,
      () => false
    )
    const problem = await writableDirProblem(path.join(dir, 'results'))
    if (canWrite) expect(problem).toBeUndefined()
    else
      expect(problem).toMatch(
        /cannot be written: its parent .*readonly refused a new entry \(EACCES\)/
      )
    await chmod(dir, 0o755)
  })
})

describe('upload', () => {
  const sha = (text: string) => createHash('sha256').update(text).digest('hex')
  const api = () =>
    createBatchApi(
      { baseUrl: harness.api.url, apiKey: KEY, maxAttempts: 2, requestTimeoutMs: 10_000 },
      { debug: () => undefined, info: () => undefined, warning: () => undefined }
    )

  it('sends exactly the bytes validated', async () => {
    const content = chatLines(5)
    const file = await putFile(harness, 'same.jsonl', content)
    const uploaded = await api().upload(file, undefined, {
      bytes: Buffer.byteLength(content),
      sha256: sha(content)
    })
    expect(harness.api.fileBytes(uploaded.id).toString()).toBe(content)
  })

  it('deletes the upload and fails when the file grew after validation', async () => {
    const validated = chatLines(5)
    const file = await putFile(harness, 'growing.jsonl', validated)
    await appendFile(file, chatLines(1).replace('req-1', 'req-extra'))
    const filesBefore = harness.api.files().length
    const error = await api()
      .upload(file, undefined, { bytes: Buffer.byteLength(validated), sha256: sha(validated) })
      .then(
        () => undefined,
        (e: unknown) => e as Error
      )
    expect(error?.message).toMatch(
      new RegExp(
        `^growing\\.jsonl changed while it was uploaded: ${Buffer.byteLength(await readFile(file))} bytes .* were sent, but ${Buffer.byteLength(validated)} bytes .* were validated; nothing was created, and the uploaded file file-\\S+ was deleted`
      )
    )
    const deletes = harness.api.log.filter((entry) => entry.op === 'file-delete')
    expect(deletes.length).toBeGreaterThan(0)
    expect(harness.api.files().length).toBe(filesBefore)
  })
})
