// The edges of reading the provider's list as jobs: what a run may cancel when its context lacks a
// part of the step's identity, run ids written loosely, the order of jobs and of a part's tries,
// and the counts of a job still running.
import { describe, expect, it } from '@jest/globals'
import type { BatchInfo } from '../../src/batch/document.js'
import {
  groupJobs,
  jobCounts,
  jobTokens,
  matchesJob,
  supersededBatches
} from '../../src/batch/ledger.js'
import type { RunContext } from '../../src/lib/run-context.js'

const batch = (
  id: string,
  metadata: Record<string, unknown>,
  extra: Partial<BatchInfo> = {}
): BatchInfo => ({
  id,
  status: 'in_progress',
  metadata: metadata as Record<string, string>,
  ...extra
})

const step = {
  batch_action_key: 'k',
  github_repository: 'o/r',
  github_workflow: 'evals',
  github_job: 'eval',
  github_step: 'submit'
}

const pushRun: RunContext = {
  inActions: true,
  workspace: '/w',
  repository: 'o/r',
  workflow: 'evals',
  job: 'eval',
  action: 'submit',
  runId: '200',
  ref: 'refs/heads/main',
  eventName: 'push'
}

const ids = (found: { batch: BatchInfo }[]): string[] => found.map((s) => s.batch.id)

describe('supersededBatches, with a context that lacks a part of the step', () => {
  it('cancels nothing when the run does not say its workflow, job, step or repository', () => {
    // A batch without the tag would otherwise "match" the missing value.
    for (const key of ['repository', 'workflow', 'job', 'action'] as const) {
      const tagOf = {
        repository: 'github_repository',
        workflow: 'github_workflow',
        job: 'github_job',
        action: 'github_step'
      }[key]
      const loose: Record<string, string> = {
        ...step,
        github_run_id: '100',
        github_ref: 'refs/heads/main'
      }
      delete loose[tagOf]
      expect(
        supersededBatches([batch('b', loose)], { ...pushRun, [key]: undefined }, 'true')
      ).toEqual([])
    }
  })

  it('cancels nothing by ref when the run has no ref, and never a pull request’s batch by ref', () => {
    const noRef = batch('no-ref', { ...step, github_run_id: '100' })
    expect(supersededBatches([noRef], { ...pushRun, ref: undefined }, 'true')).toEqual([])
    const ofPullRequest = batch('pr', {
      ...step,
      github_run_id: '100',
      github_ref: 'refs/heads/main',
      github_pr: '7'
    })
    const ofBranch = batch('branch', {
      ...step,
      github_run_id: '100',
      github_ref: 'refs/heads/main'
    })
    expect(ids(supersededBatches([ofPullRequest, ofBranch], pushRun, 'true'))).toEqual(['branch'])
  })

  it('reads run ids with whitespace around them, and nothing else, as numbers', () => {
    const of = (runId: string) =>
      batch(`run ${runId}`, { ...step, github_run_id: runId, github_ref: 'refs/heads/main' })
    const found = supersededBatches(
      [of(' 100 '), of('100abc'), of('x100'), of('1e2'), of('')],
      { ...pushRun, runId: ' 200 ' },
      'true'
    )
    expect(ids(found)).toEqual(['run  100 '])
    expect(found[0]?.runId).toBe('100')
    expect(supersededBatches([of('100')], { ...pushRun, runId: '2x' }, 'true')).toEqual([])
  })
})

describe('groupJobs, in order', () => {
  it('puts the job with the oldest first batch first, and jobs of the same time by id', () => {
    const jobs = groupJobs([
      batch('a1', { batch_action_key: 'job-a' }, { created_at: 300 }),
      batch('b1', { batch_action_key: 'job-b' }, { created_at: 100 }),
      batch('a0', { batch_action_key: 'job-a.0.1.x', batch_part: '1/2' }, { created_at: 50 }),
      batch('d1', { batch_action_key: 'job-d' }, { created_at: 200 }),
      batch('c1', { batch_action_key: 'job-c' }, { created_at: 200 }),
      batch('none', { batch_action_key: 'job-e' })
    ])
    expect(jobs.map((job) => job.id)).toEqual(['job-e', 'job-a', 'job-b', 'job-c', 'job-d'])
  })

  it("takes a part's newest try as its latest, whatever the order of the list", () => {
    const newer = batch(
      'newer',
      { batch_action_key: 'k' },
      { created_at: 200, status: 'completed' }
    )
    const older = batch('older', { batch_action_key: 'k' }, { created_at: 100, status: 'failed' })
    const [job] = groupJobs([newer, older])
    expect(job?.latest.map((b) => b.id)).toEqual(['newer'])
    expect(job?.status).toBe('completed')
  })

  it('counts the parts of the last round by the largest part count its batches give', () => {
    const [job] = groupJobs([
      batch('p1', { batch_action_key: 'k', batch_part: '1/3' }, { status: 'completed' }),
      batch('p2', { batch_action_key: 'k', batch_part: '2/2' }, { status: 'completed' })
    ])
    expect(job?.missingParts).toEqual([3])
    expect(job?.status).toBe('incomplete')
  })
})

describe('jobCounts of a job still running', () => {
  it('counts as failed only what failed in the last round so far', () => {
    const counts = (total: number, completed: number, failed: number) => ({
      request_counts: { total, completed, failed }
    })
    const [job] = groupJobs([
      batch('r0', { batch_action_key: 'k' }, { status: 'completed', ...counts(100, 90, 10) }),
      batch('r1', { batch_action_key: 'k', batch_round: '1' }, counts(10, 4, 2))
    ])
    expect(job?.ended).toBe(false)
    expect(jobCounts(job!)).toEqual({ total: 100, completed: 94, failed: 2 })
  })
})

describe('matchesJob, with tags that are not strings', () => {
  it('does not take a repository or a pair written as a number', () => {
    const own = { batch_action_key: 'k', github_repository: 'o/r', n: 1 }
    expect(matchesJob(batch('a', own), { repository: 'o/r', match: { n: '1' } })).toBe(false)
    expect(
      matchesJob(batch('a', { batch_action_key: 'k', github_repository: 7 }), {
        repository: '7',
        match: {}
      })
    ).toBe(false)
  })
})

describe('the ledger with batches that lack a tag', () => {
  const pullRequestRun: RunContext = {
    ...pushRun,
    eventName: 'pull_request',
    pullRequest: 7,
    ref: undefined
  }

  it('finds the batches of an earlier run on the same pull request though the run has no ref', () => {
    const earlier = batch('earlier', { ...step, github_run_id: '100', github_pr: '7' })
    expect(ids(supersededBatches([earlier], pullRequestRun, 'auto'))).toEqual(['earlier'])
  })

  it('leaves a batch of the step without a run id', () => {
    const noRun = batch('no-run', { ...step, github_pr: '7' })
    expect(supersededBatches([noRun], pullRequestRun, 'auto')).toEqual([])
  })

  it("makes no job of batches without the action's key, and sums tokens only where a batch has them", () => {
    const jobs = groupJobs([
      batch(
        'mine',
        { batch_action_key: 'k' },
        {
          status: 'completed',
          usage: { input_tokens: 3, output_tokens: 4, total_tokens: 7 }
        }
      ),
      batch('again', { batch_action_key: 'k', batch_round: '1' }, { status: 'completed' }),
      batch('other', { suite: 'x' })
    ])
    expect(jobs.map((job) => job.id)).toEqual(['k'])
    expect(jobTokens(jobs[0]!)).toEqual({ prompt: 3, completion: 4, total: 7 })
  })

  it("takes a part's newest try as its latest, in either order of the list", () => {
    const newer = () => batch('newer', { batch_action_key: 'k' }, { created_at: 200 })
    const older = () => batch('older', { batch_action_key: 'k' }, { created_at: 100 })
    expect(groupJobs([older(), newer()])[0]?.latest.map((b) => b.id)).toEqual(['newer'])
    expect(groupJobs([newer(), older()])[0]?.latest.map((b) => b.id)).toEqual(['newer'])
  })
})
