// Start light: the bundle is split so that each command loads only what it needs. The official
// SDK's client sits in a chunk of its own, loaded only by the commands that call the API; a copy of
// the bundle without that chunk still validates a file and runs an idle post step, and fails `list`.
// zod, which only validation and the join use, sits in a chunk too: a copy of the bundle without it
// still lists batches, the first thing a cold start of `list` measures.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { startMockBatchApi, type MockBatchApi } from '../../tools/mock-batch-api/server.mjs'
import {
  chatRequests,
  mainEntry,
  makeWorkspace,
  postEntry,
  runAction
} from '../../__fixtures__/action-process.js'

const KEY = 'start-light-key-51cd'
/** Written by the SDK's client class only: where it is, the client is. */
const SDK_CLIENT = 'OpenAI.DEFAULT_TIMEOUT'

/** The name of zod's base schema type: where it is, zod is. */
const ZOD = '"$ZodType"'

/** The JS files of a bundle folder that hold `marker`: the SDK's client by default. */
async function sdkChunks(dir: string, marker = SDK_CLIENT): Promise<string[]> {
  const found: string[] = []
  for (const name of await readdir(dir)) {
    if (!name.endsWith('.js')) continue
    if ((await readFile(path.join(dir, name), 'utf8')).includes(marker)) found.push(name)
  }
  return found
}

let api: MockBatchApi
let stripped: string
let withoutZod: string

beforeAll(async () => {
  api = await startMockBatchApi({ apiKey: KEY })
  // A copy of dist/ without the SDK's chunks, main and post.
  stripped = await mkdtemp(path.join(os.tmpdir(), 'dist-without-sdk-'))
  await cp(path.dirname(mainEntry), stripped, { recursive: true })
  for (const dir of [stripped, path.join(stripped, 'post')])
    for (const name of await sdkChunks(dir)) await rm(path.join(dir, name))
  withoutZod = await mkdtemp(path.join(os.tmpdir(), 'dist-without-zod-'))
  await cp(path.dirname(mainEntry), withoutZod, { recursive: true })
  for (const name of await sdkChunks(withoutZod, ZOD)) await rm(path.join(withoutZod, name))
})
afterAll(async () => {
  await api.close()
  await rm(stripped, { recursive: true, force: true })
  await rm(withoutZod, { recursive: true, force: true })
})

describe('the bundle split', () => {
  it('keeps the SDK client out of the entry files, in one chunk beside each', async () => {
    for (const entry of [mainEntry, postEntry]) {
      expect(await readFile(entry, 'utf8')).not.toContain(SDK_CLIENT)
      expect(await sdkChunks(path.dirname(entry))).toEqual([expect.stringMatching(/\.index\.js$/)])
    }
  })

  it('the copy has no SDK client left anywhere', async () => {
    expect(await sdkChunks(stripped)).toEqual([])
    expect(await sdkChunks(path.join(stripped, 'post'))).toEqual([])
  })
})

describe('a bundle without the SDK chunk', () => {
  it('validates a file with no API key and exits 0: validate-only never loads the SDK', async () => {
    const before = api.log.length
    const run = await runAction({
      entry: path.join(stripped, 'index.js'),
      workspace: await makeWorkspace({ 'requests.jsonl': chatRequests(3) }),
      inputs: {
        file: 'requests.jsonl',
        'validate-only': 'true',
        'api-key': '',
        'base-url': api.url
      }
    })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.outputs).toEqual({ total: '3', model: 'test-model' })
    expect(run.summary).toContain('requests.jsonl')
    expect(api.log.slice(before)).toEqual([])
  })

  it('runs a post step with nothing to settle', async () => {
    const run = await runAction({
      entry: path.join(stripped, 'post', 'index.js'),
      workspace: await makeWorkspace(),
      inputs: { 'api-key': KEY, 'base-url': api.url }
    })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('nothing to clean up')
  })

  it('fails list, which needs the SDK, where the whole bundle lists', async () => {
    const inputs = { command: 'list', 'api-key': KEY, 'base-url': api.url }
    const whole = await runAction({ workspace: await makeWorkspace(), inputs })
    expect(whole.code).toBe(0)
    const before = api.log.length
    const run = await runAction({
      entry: path.join(stripped, 'index.js'),
      workspace: await makeWorkspace(),
      inputs
    })
    expect(run.code).not.toBe(0)
    // It fails for the chunk it misses, before any request.
    expect(run.stderr).toMatch(/Cannot find module '.*\d+\.index\.js'/)
    expect(api.log.slice(before)).toEqual([])
  })
})

describe('a bundle without zod', () => {
  it('keeps zod out of the entry file, in chunks beside it', async () => {
    expect(await readFile(mainEntry, 'utf8')).not.toContain(ZOD)
    expect(await sdkChunks(path.dirname(mainEntry), ZOD)).not.toEqual([])
    expect(await sdkChunks(withoutZod, ZOD)).toEqual([])
  })

  it('lists batches: the inputs and the batch answers are read without it', async () => {
    const seeded = api.seedBatches({ count: 2 })
    const before = api.log.length
    const run = await runAction({
      entry: path.join(withoutZod, 'index.js'),
      workspace: await makeWorkspace(),
      inputs: { command: 'list', 'api-key': KEY, 'base-url': api.url }
    })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const listed = (JSON.parse(run.outputs.batches ?? '[]') as { id: string }[]).map((b) => b.id)
    for (const id of seeded) expect(listed).toContain(id)
    expect(api.log.slice(before).map((entry) => entry.method)).toEqual(['GET'])
  })

  it('fails validation, which needs zod, for the chunk it misses', async () => {
    const run = await runAction({
      entry: path.join(withoutZod, 'index.js'),
      workspace: await makeWorkspace({ 'requests.jsonl': chatRequests(3) }),
      inputs: { file: 'requests.jsonl', 'validate-only': 'true', 'api-key': '' }
    })
    expect(run.code).not.toBe(0)
    expect(run.stdout + run.stderr).toMatch(/Cannot find module '.*\d+\.index\.js'/)
  })
})
