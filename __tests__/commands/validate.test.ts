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

  it('names a missing file and where it looked', async () => {
    core.reset({ file: 'absent.jsonl', 'validate-only': 'true' })
    await run()
    expect(core.failure()).toMatch(
      /^file: absent\.jsonl was not found or is not readable \(looked at .*absent\.jsonl\)/
    )
  })
})
