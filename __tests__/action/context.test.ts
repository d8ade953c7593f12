import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { readRunContext } from '../../src/action/context.js'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'context-'))
  await writeFile(path.join(dir, 'pr.json'), JSON.stringify({ pull_request: { number: 17 } }))
  await writeFile(path.join(dir, 'broken.json'), '{')
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const runner = {
  GITHUB_ACTIONS: 'true',
  GITHUB_REPOSITORY: 'o/r',
  GITHUB_RUN_ID: '42',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_WORKFLOW: 'nightly',
  GITHUB_JOB: 'eval',
  GITHUB_ACTION: 'submit',
  GITHUB_SHA: 'abc',
  GITHUB_REF: 'refs/heads/main',
  GITHUB_EVENT_NAME: 'push',
  GITHUB_WORKSPACE: '/work/space',
  RUNNER_TEMP: '/runner/temp'
}

describe('readRunContext', () => {
  it('reads the run from the variables the runner sets', () => {
    expect(readRunContext(runner)).toEqual({
      inActions: true,
      repository: 'o/r',
      runId: '42',
      runAttempt: '2',
      workflow: 'nightly',
      job: 'eval',
      action: 'submit',
      sha: 'abc',
      ref: 'refs/heads/main',
      eventName: 'push',
      pullRequest: undefined,
      workspace: '/work/space',
      temp: '/runner/temp',
      serverUrl: 'https://github.com',
      apiUrl: 'https://api.github.com'
    })
  })

  it('reads the pull request number from the event payload of a pull request', () => {
    const event = {
      ...runner,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: path.join(dir, 'pr.json')
    }
    expect(readRunContext(event).pullRequest).toBe(17)
    expect(readRunContext({ ...event, GITHUB_EVENT_NAME: 'push' }).pullRequest).toBeUndefined()
    expect(
      readRunContext({ ...event, GITHUB_EVENT_PATH: path.join(dir, 'broken.json') }).pullRequest
    ).toBeUndefined()
    expect(
      readRunContext({ ...event, GITHUB_EVENT_PATH: path.join(dir, 'absent.json') }).pullRequest
    ).toBeUndefined()
  })

  it('outside the runner, resolves paths against the working directory', () => {
    expect(readRunContext({})).toMatchObject({
      inActions: false,
      repository: undefined,
      workspace: process.cwd(),
      temp: undefined
    })
  })

  it('takes the server and API URLs of GitHub Enterprise without their trailing slashes', () => {
    const context = readRunContext({
      ...runner,
      GITHUB_SERVER_URL: ' https://ghes.example.com// ',
      GITHUB_API_URL: 'https://ghes.example.com/api/v3/'
    })
    expect([context.serverUrl, context.apiUrl]).toEqual([
      'https://ghes.example.com',
      'https://ghes.example.com/api/v3'
    ])
  })
})
