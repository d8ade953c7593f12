// The local GitHub API for the comment tests, started once per test file, with a decoy where
// @actions/github's own defaults point: the token must go only to the apiUrl the caller passes.
import { afterAll, afterEach, beforeAll, expect } from '@jest/globals'
import { commentMarker } from '../src/github/comment-model.js'
import type { CommentTargetSpec, UpsertOptions } from '../src/github/comment.js'
import { startMockGitHubApi, type MockGitHubApi } from '../tools/mock-github-api/server.mjs'
import { PLANTED_KEY, marker } from './github-comment.js'

export const TOKEN = 'ghs_local-test-token'
export const OWNER = 'octo-org'
export const REPO = 'evals'
export const MARKER = commentMarker(marker)
const FIRST_ISSUE = 101

export interface LocalGitHub {
  readonly api: MockGitHubApi
  /** A fresh pull request, so each test sees only its own comments and requests. */
  freshTarget(overrides?: Partial<CommentTargetSpec>): CommentTargetSpec
  /** The next unused pull request number. */
  nextIssue(): number
  /** The requests the local API received since `target` was made. */
  recorded(target: CommentTargetSpec): ReturnType<MockGitHubApi['requests']>
}

/** Registers the hooks of a test file; after each test nothing reached the decoy, after all no key is in any comment. */
export function useLocalGitHub(): LocalGitHub {
  let api: MockGitHubApi | undefined
  let decoy: MockGitHubApi | undefined
  const savedApiUrl = process.env['GITHUB_API_URL']
  const logStart = new Map<CommentTargetSpec, number>()
  let issue = FIRST_ISSUE - 1
  const started = (): MockGitHubApi => {
    if (!api) throw new Error('the local GitHub API is not started')
    return api
  }

  beforeAll(async () => {
    api = await startMockGitHubApi({ token: TOKEN })
    decoy = await startMockGitHubApi({ token: null })
    // Read by @actions/github when it is first loaded, for its default baseUrl.
    process.env['GITHUB_API_URL'] = decoy.url
  })
  afterEach(() => {
    api?.setFault(null)
    expect(decoy?.requests()).toEqual([])
  })
  afterAll(async () => {
    if (savedApiUrl === undefined) delete process.env['GITHUB_API_URL']
    else process.env['GITHUB_API_URL'] = savedApiUrl
    for (let n = FIRST_ISSUE; n <= issue; n++) {
      for (const comment of api?.comments(OWNER, REPO, n) ?? []) {
        expect(comment.body).not.toContain(PLANTED_KEY)
      }
    }
    await Promise.all([api?.close(), decoy?.close()])
  })

  return {
    get api() {
      return started()
    },
    nextIssue: () => (issue += 1),
    freshTarget(overrides = {}) {
      const target = {
        token: TOKEN,
        apiUrl: started().url,
        owner: OWNER,
        repo: REPO,
        issueNumber: (issue += 1),
        marker: MARKER,
        ...overrides
      }
      logStart.set(target, started().requests().length)
      return target
    },
    recorded: (target) => started().requests().slice(logStart.get(target))
  }
}

/** A sleep that records the waits instead of waiting. */
export function sleeps(): { sleep: NonNullable<UpsertOptions['sleep']>; waited: number[] } {
  const waited: number[] = []
  return { waited, sleep: async (ms) => void waited.push(ms) }
}
