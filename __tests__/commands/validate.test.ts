// validate-only in process: the file is checked, nothing is sent, no key is needed.
import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '../../__fixtures__/core.js'
import { chatLines, putFile, startHarness, type Harness } from '../../__fixtures__/in-process.js'

jest.unstable_mockModule('@actions/core', () => core)
const { run } = await import('../../src/main.js')

let harness: Harness
beforeAll(async () => {
  harness = await startHarness()
})
afterAll(async () => {
  await harness.close()
})
beforeEach(() => core.reset())

describe('validate-only', () => {
  it('reports the count and model of a valid file, without a key and without a request', async () => {
    await putFile(harness, 'requests.jsonl', chatLines(5, 'my-model'))
    core.reset({ file: 'requests.jsonl', 'validate-only': 'true' })
    await run()

    expect(core.failure()).toBeUndefined()
    expect(core.outputs.get('total')).toBe('5')
    expect(core.outputs.get('model')).toBe('my-model')
    expect(core.info).toHaveBeenCalledWith('validate-only: the file is valid; nothing was uploaded')
    expect(harness.api.log).toEqual([])
    expect(core.outputs.has('batch-id')).toBe(false)
  })

  it('annotates each problem on its line and fails', async () => {
    const lines = chatLines(2).split('\n')
    await putFile(harness, 'mixed.jsonl', [lines[0], lines[0], 'not json', ''].join('\n'))
    core.reset({ file: 'mixed.jsonl', 'validate-only': 'true' })
    await run()

    const annotated = core.error.mock.calls.map(([, where]) => where?.startLine)
    expect(annotated).toEqual([2, 3])
    expect(core.failure()).toMatch(/mixed\.jsonl.*Nothing was uploaded\.$/s)
    expect(harness.api.log).toEqual([])
  })

  it('annotates nine problems (the failure is the tenth annotation) and lists the rest in the log', async () => {
    const lines = chatLines(25).split('\n')
    const bad = lines.map((line) => (line ? `${line},` : line)).join('\n')
    await putFile(harness, 'commas.jsonl', bad)
    core.reset({ file: 'commas.jsonl', 'validate-only': 'true' })
    await run()

    const annotated = core.error.mock.calls.map(([, where]) => where?.startLine)
    expect(annotated).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(core.messages).toContain(
      'info: 16 more problems in commas.jsonl, not annotated (GitHub shows 10 annotations per step; the job summary lists them too):'
    )
    expect(
      core.messages.filter((message) => /^info: {3}commas\.jsonl:\d+: /.test(message))
    ).toHaveLength(16)
    expect(core.failure()).toMatch(/^25 problems in commas\.jsonl: line 1: /)
    // Validation logs nothing of its own: its group is never opened.
    expect(core.messages.filter((message) => message.startsWith('group: '))).toEqual([])
  })

  it('says once, as its own annotation, that the endpoint input may be what is wrong', async () => {
    const lines = chatLines(3)
      .split('\n')
      .filter((line) => line)
      .map((line) => line.replace('/v1/chat/completions', '/v1/embeddings'))
    await putFile(harness, 'urls.jsonl', lines.join('\n') + '\n')
    core.reset({ file: 'urls.jsonl', 'validate-only': 'true' })
    await run()

    const hint =
      'Every line has url "/v1/embeddings" but the endpoint input is "/v1/chat/completions"; the endpoint input may be what is wrong: if the file is right, set endpoint: /v1/embeddings'
    expect(core.error.mock.calls.filter(([message]) => message === hint)).toHaveLength(1)
    expect(core.error.mock.calls.map(([, where]) => where?.startLine)).toEqual([undefined, 1, 2, 3])
    expect(core.failure()).toContain(`. ${hint}. Nothing was uploaded.`)
  })

  it('names a missing file and where it looked', async () => {
    core.reset({ file: 'absent.jsonl', 'validate-only': 'true' })
    await run()
    expect(core.failure()).toMatch(
      /^file: absent\.jsonl was not found or is not readable \(looked at .*absent\.jsonl\)/
    )
  })
})
