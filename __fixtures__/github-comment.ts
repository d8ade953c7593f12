// Runner environments, event payloads and comment models for the tests of src/github.
import type { CommentModel, MarkerParts } from '../src/github/comment-model.js'

/** A key as the Batch API would get it; it must never appear in a comment. */
export const PLANTED_KEY = 'sk-planted-0123456789abcdef'

export const redactKey = (text: string): string => text.split(PLANTED_KEY).join('***')

/** The environment a runner sets for a step of a pull_request workflow. */
export function runnerEnv(overrides: Record<string, string | undefined> = {}) {
  return {
    GITHUB_REPOSITORY: 'octo-org/evals',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_RUN_ID: '9876543210',
    GITHUB_RUN_ATTEMPT: '2',
    GITHUB_WORKFLOW: 'Nightly eval',
    GITHUB_JOB: 'evaluate',
    GITHUB_ACTION: 'batch',
    ...overrides
  }
}

export const pullRequestEvent = (number: number): string =>
  JSON.stringify({ action: 'synchronize', number, pull_request: { number, head: { sha: 'abc' } } })

export const issueCommentEvent = (number: number, onPullRequest: boolean): string =>
  JSON.stringify({
    action: 'created',
    issue: { number, ...(onPullRequest ? { pull_request: { url: 'x' } } : {}) },
    comment: { id: 1, body: 'hi' }
  })

export const marker: MarkerParts = { workflow: 'Nightly eval', job: 'evaluate', step: 'batch' }

export function submittedModel(overrides: Partial<CommentModel> = {}): CommentModel {
  return {
    marker,
    phase: 'submitted',
    batchIds: ['batch_abc123'],
    requestCount: 10_000,
    model: 'meta-llama/Llama-3.3-70B-Instruct',
    endpoint: '/v1/chat/completions',
    inputFile: 'prompts/eval.jsonl',
    status: 'validating',
    runUrl: 'https://github.com/octo-org/evals/actions/runs/9876543210/attempts/2',
    metadata: { suite: 'nightly' },
    ...overrides
  }
}

export function finishedModel(overrides: Partial<CommentModel> = {}): CommentModel {
  return submittedModel({
    phase: 'finished',
    status: 'completed',
    counts: { total: 10_000, completed: 9_960, failed: 40 },
    failureLimit: { kind: 'percent', value: 5, exceeded: false },
    tokens: { prompt: 1_234_567, completion: 89_012, total: 1_323_579 },
    durations: { queued: 12, running: 185, finalizing: 3, total: 200 },
    failures: [
      { custom_id: 'req-17', code: 'rate_limit_exceeded', status_code: 429, message: 'Slow down' },
      {
        custom_id: 'req|pipe',
        code: 'invalid_request',
        status_code: 400,
        message: `Invalid key ${PLANTED_KEY} in header | see docs`
      }
    ],
    ...overrides
  })
}
