// `command: list` in process, against the local Batch API.
import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '../../__fixtures__/core.js'
import { createBatch, startHarness, type Harness } from '../../__fixtures__/in-process.js'

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

describe('list', () => {
  it('sets the batches output, newest first, up to list-limit', async () => {
    const ids = [await createBatch(harness, 1), await createBatch(harness, 1)]
    await createBatch(harness, 1).then((id) => ids.push(id))
    core.reset(harness.inputs({ command: 'list', 'list-limit': '2' }))
    await run()

    expect(core.failure()).toBeUndefined()
    const listed = JSON.parse(core.outputs.get('batches') ?? '[]') as Array<{ id: string }>
    expect(listed.map((batch) => batch.id)).toEqual([ids[2], ids[1]])
    expect(core.info).toHaveBeenCalledWith('2 batches')
    expect(core.saveState).not.toHaveBeenCalled()
  })

  it('fails with the rejected key named by its source, never the key itself', async () => {
    core.reset({ ...harness.inputs({ command: 'list' }), 'api-key': 'wrong-key-1234' })
    await run()
    const message = core.failure() ?? ''
    expect(message).toContain('rejected the API key from the api-key input (HTTP 401')
    expect(message).not.toContain('wrong-key-1234')
  })
})
