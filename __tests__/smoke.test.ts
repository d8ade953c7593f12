import { jest, describe, it, expect } from '@jest/globals'
import * as core from '../__fixtures__/core.js'

jest.unstable_mockModule('@actions/core', () => core)
const { run } = await import('../src/main.js')

describe('smoke', () => {
  it('runs', async () => {
    core.getInput.mockReturnValue('list')
    await run()
    expect(core.info).toHaveBeenCalledWith('list function')
  })
})
