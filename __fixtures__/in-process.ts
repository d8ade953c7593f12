// The local Batch API and a workspace for in-process tests of the commands: main's run() is called
// directly, with @actions/core replaced by __fixtures__/core.ts, so no rebuild of dist/ is needed.
import { mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import OpenAI from 'openai'
import {
  startMockBatchApi,
  type MockBatchApi,
  type MockTimings
} from '../tools/mock-batch-api/server.mjs'

export const KEY = 'in-process-key-5d2e8b'

/** Poll fast: the local API finishes a batch in well under a second. */
export const FAST = { 'poll-interval': '0.05', 'max-poll-interval': '0.2' }

/** Variables of the test's own environment that would change what the step does. */
const ISOLATED = ['GITHUB_STEP_SUMMARY', 'NEBIUS_API_KEY', 'OPENAI_API_KEY', 'GITHUB_WORKSPACE']

export interface Harness {
  api: MockBatchApi
  sdk: OpenAI
  workspace: string
  /** The inputs every command needs to reach the local API, plus `extra`. */
  inputs(extra?: Record<string, string>): Record<string, string>
  close(): Promise<void>
}

export async function startHarness(
  timings: MockTimings = { validatingMs: 20, inProgressMs: 150, finalizingMs: 20, cancellingMs: 50 }
): Promise<Harness> {
  const saved = Object.fromEntries(ISOLATED.map((name) => [name, process.env[name]]))
  for (const name of ISOLATED) delete process.env[name]
  const api = await startMockBatchApi({ apiKey: KEY, timings })
  const workspace = await mkdtemp(path.join(os.tmpdir(), 'in-process-'))
  process.env.GITHUB_WORKSPACE = workspace
  return {
    api,
    sdk: new OpenAI({ apiKey: KEY, baseURL: api.url, maxRetries: 0 }),
    workspace,
    inputs: (extra = {}) => ({ 'base-url': api.url, 'api-key': KEY, ...FAST, ...extra }),
    async close() {
      await api.close()
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name]
        else process.env[name] = value
      }
    }
  }
}

/** Writes `content` into the workspace as `name`. */
export async function putFile(harness: Harness, name: string, content: string): Promise<string> {
  const file = path.join(harness.workspace, name)
  await writeFile(file, content)
  return file
}

/** `count` valid chat requests. */
export function chatLines(count: number, model = 'test-model'): string {
  return (
    Array.from({ length: count }, (_, i) =>
      JSON.stringify({
        custom_id: `req-${i + 1}`,
        method: 'POST',
        url: '/v1/chat/completions',
        body: { model, messages: [{ role: 'user', content: `Question ${i + 1}` }] }
      })
    ).join('\n') + '\n'
  )
}

/** A batch created straight through the SDK, as another step would have. */
export async function createBatch(harness: Harness, count = 3): Promise<string> {
  const file = await putFile(harness, `other-${Date.now()}.jsonl`, chatLines(count))
  const { createReadStream } = await import('node:fs')
  const uploaded = await harness.sdk.files.create({
    file: createReadStream(file),
    purpose: 'batch'
  })
  const batch = await harness.sdk.batches.create({
    input_file_id: uploaded.id,
    endpoint: '/v1/chat/completions',
    completion_window: '24h'
  })
  return batch.id
}
