import { describe, expect, it } from '@jest/globals'
import type { BatchInfo } from '../../src/batch/document.js'
import {
  firstBatchOf,
  groupJobs,
  jobCounts,
  jobTokens,
  matchesJob,
  supersededBatches
} from '../../src/batch/ledger.js'
import type { RunContext } from '../../src/lib/run-context.js'

let clock = 1_700_000_000
function batch(
  id: string,
  status: string,
  metadata: Record<string, string> | null,
  extra: Partial<BatchInfo> = {}
): BatchInfo {
  clock += 10
  return { id, status, metadata, created_at: clock, ...extra }
}

const tags = {
  github_repository: 'o/r',
  github_workflow: 'evals',
  github_job: 'eval',
  github_step: 'submit',
  github_run_id: '100',
  github_ref: 'refs/pull/7/merge',
  github_pr: '7'
}

describe('matchesJob', () => {
  const filter = { repository: 'o/r', match: { suite: 'nightly' } }

  it("takes the action's batches of this repository that carry every pair of match", () => {
    const own = { batch_action_key: 'k', github_repository: 'o/r', suite: 'nightly', x: '1' }
    expect(matchesJob(batch('a', 'completed', own), filter)).toBe(true)
    expect(matchesJob(batch('a', 'completed', own), { ...filter, match: {} })).toBe(true)
    expect(
      matchesJob(batch('a', 'completed', own), { ...filter, match: { suite: 'nightly', x: '1' } })
    ).toBe(true)
    expect(matchesJob(batch('a', 'completed', own), { ...filter, match: { x: '2' } })).toBe(false)
  })

  it("leaves batches of another repository, without the action's key, or without metadata", () => {
    expect(
      matchesJob(
        batch('a', 'completed', {
          batch_action_key: 'k',
          github_repository: 'o/other',
          suite: 'nightly'
        }),
        filter
      )
    ).toBe(false)
    expect(
      matchesJob(batch('a', 'completed', { github_repository: 'o/r', suite: 'nightly' }), filter)
    ).toBe(false)
    expect(matchesJob(batch('a', 'completed', null), filter)).toBe(false)
  })

  it('outside Actions, takes only batches made outside Actions', () => {
    const local = batch('a', 'completed', { batch_action_key: 'k', suite: 'nightly' })
    const ci = batch('b', 'completed', {
      batch_action_key: 'k',
      github_repository: 'o/r',
      suite: 'nightly'
    })
    expect(matchesJob(local, { repository: undefined, match: { suite: 'nightly' } })).toBe(true)
    expect(matchesJob(ci, { repository: undefined, match: { suite: 'nightly' } })).toBe(false)
  })
})

describe('groupJobs', () => {
  it('groups by job id, orders by round then part, and takes the latest try of each part', () => {
    const r0p2 = batch('r0p2', 'completed', { batch_action_key: 'job1.0.2.bb', batch_part: '2/2' })
    const r0p1 = batch('r0p1', 'expired', { batch_action_key: 'job1.0.1.aa', batch_part: '1/2' })
    const other = batch('solo', 'completed', { batch_action_key: 'job2', suite: 's' })
    const r1p1 = batch('r1p1', 'completed', {
      batch_action_key: 'job1.1.1.cc',
      batch_part: '1/1',
      batch_round: '1'
    })
    const foreign = batch('x', 'completed', { suite: 's' })
    const jobs = groupJobs([r1p1, other, foreign, r0p2, r0p1])
    expect(jobs.map((job) => job.id)).toEqual(['job1', 'job2'])
    const [split, solo] = jobs
    expect(split!.batches.map((b) => b.id)).toEqual(['r0p1', 'r0p2', 'r1p1'])
    expect(firstBatchOf(split!).id).toBe('r0p1')
    expect(split).toMatchObject({ ended: true, status: 'completed', missingParts: [] })
    expect(solo).toMatchObject({ ended: true, status: 'completed', metadata: { suite: 's' } })
  })

  it('judges a part by its latest try: a part resubmitted after it failed', () => {
    const failed = batch('try1', 'failed', { batch_action_key: 'j.0.1.aa', batch_part: '1/1' })
    const done = batch('try2', 'completed', { batch_action_key: 'j.0.1.aa', batch_part: '1/1' })
    const [job] = groupJobs([done, failed])
    expect(job!.batches.map((b) => b.id)).toEqual(['try1', 'try2'])
    expect(job!.latest.map((b) => b.id)).toEqual(['try2'])
    expect(job!.status).toBe('completed')
  })

  it('a job with a batch still running is running, and not ended', () => {
    const [job] = groupJobs([
      batch('a', 'completed', { batch_action_key: 'j.0.1.aa', batch_part: '1/2' }),
      batch('b', 'in_progress', { batch_action_key: 'j.0.2.bb', batch_part: '2/2' })
    ])
    expect(job).toMatchObject({ ended: false, status: 'running' })
  })

  it('a split job missing a part of its last round is incomplete, not ended', () => {
    const [job] = groupJobs([
      batch('a', 'completed', { batch_action_key: 'j.0.1.aa', batch_part: '1/3' }),
      batch('c', 'completed', { batch_action_key: 'j.0.3.cc', batch_part: '3/3' })
    ])
    expect(job).toMatchObject({ ended: false, status: 'incomplete', missingParts: [2] })
  })

  it("an ended job's status is the worst of its last round's parts", () => {
    const job = (statuses: string[]) =>
      groupJobs(
        statuses.map((status, i) =>
          batch(`b${i}`, status, {
            batch_action_key: `j.0.${i + 1}.x`,
            batch_part: `${i + 1}/${statuses.length}`
          })
        )
      )[0]!.status
    expect(job(['completed', 'expired'])).toBe('expired')
    expect(job(['cancelled', 'failed'])).toBe('failed')
    expect(job(['cancelled', 'completed'])).toBe('cancelled')
    // A round that retried what expired decides, not the round it retried.
    const [retried] = groupJobs([
      batch('r0', 'expired', { batch_action_key: 'j.0.1.x', batch_part: '1/1' }),
      batch('r1', 'completed', { batch_action_key: 'j.1.1.y', batch_part: '1/1', batch_round: '1' })
    ])
    expect(retried!.status).toBe('completed')
  })

  it('counts the requests of round 0 and what completed in any round, and sums tokens over every batch', () => {
    const usage = (total: number) => ({
      input_tokens: total - 1,
      output_tokens: 1,
      total_tokens: total
    })
    const [job] = groupJobs([
      batch(
        'r0',
        'expired',
        { batch_action_key: 'j.0.1.x', batch_part: '1/1' },
        {
          request_counts: { total: 10, completed: 6, failed: 0 },
          usage: usage(60)
        }
      ),
      batch(
        'r1',
        'completed',
        { batch_action_key: 'j.1.1.y', batch_part: '1/1', batch_round: '1' },
        {
          request_counts: { total: 4, completed: 3, failed: 1 },
          usage: usage(40)
        }
      )
    ])
    expect(jobCounts(job!)).toEqual({ total: 10, completed: 9, failed: 1 })
    expect(jobTokens(job!)).toEqual({ prompt: 98, completion: 2, total: 100 })
  })
})

describe('supersededBatches', () => {
  const pullRequestRun: RunContext = {
    inActions: true,
    workspace: '/w',
    repository: 'o/r',
    workflow: 'evals',
    job: 'eval',
    action: 'submit',
    runId: '200',
    ref: 'refs/pull/7/merge',
    eventName: 'pull_request',
    pullRequest: 7
  }
  const earlier = (metadata: Record<string, string>, status = 'in_progress') =>
    batch(`b${clock}`, status, { batch_action_key: 'k', ...tags, ...metadata })

  it('cancels the running batch of an earlier run of the same step on the same pull request', () => {
    const running = earlier({})
    const validating = earlier({}, 'validating')
    const found = supersededBatches([running, validating], pullRequestRun, 'auto')
    expect(found.map((s) => s.batch.id)).toEqual([running.id, validating.id])
    expect(found[0]).toMatchObject({ runId: '100', pullRequest: 7 })
  })

  it('never touches another pull request, workflow, job, step, repository, this run or a newer one', () => {
    const untouched = [
      earlier({ github_pr: '8', github_ref: 'refs/pull/8/merge' }),
      earlier({ github_workflow: 'other' }),
      earlier({ github_job: 'other' }),
      earlier({ github_step: 'other' }),
      earlier({ github_repository: 'o/other' }),
      earlier({ github_run_id: '200' }),
      earlier({ github_run_id: '300' }),
      earlier({ github_run_id: 'not-a-number' }),
      batch('nokey', 'in_progress', { ...tags })
    ]
    expect(supersededBatches(untouched, pullRequestRun, 'auto')).toEqual([])
    expect(supersededBatches(untouched, pullRequestRun, 'true')).toEqual([])
  })

  it('leaves batches that ended or are being cancelled', () => {
    const ended = ['completed', 'failed', 'expired', 'cancelled', 'cancelling'].map((s) =>
      earlier({}, s)
    )
    expect(supersededBatches(ended, pullRequestRun, 'auto')).toEqual([])
  })

  it('false touches nothing; auto only on pull-request events; true also by ref on other events', () => {
    const running = earlier({})
    expect(supersededBatches([running], pullRequestRun, 'false')).toEqual([])
    const push: RunContext = {
      ...pullRequestRun,
      eventName: 'push',
      pullRequest: undefined,
      ref: 'refs/heads/main'
    }
    const onMain = earlier({ github_ref: 'refs/heads/main' })
    delete onMain.metadata!['github_pr']
    const onBranch = earlier({ github_ref: 'refs/heads/dev' })
    delete onBranch.metadata!['github_pr']
    expect(supersededBatches([running, onMain, onBranch], push, 'auto')).toEqual([])
    const found = supersededBatches([running, onMain, onBranch], push, 'true')
    expect(found.map((s) => s.batch.id)).toEqual([onMain.id])
    expect(found[0]).toMatchObject({ ref: 'refs/heads/main', runId: '100' })
    expect(supersededBatches([onMain], { ...push, inActions: false }, 'true')).toEqual([])
  })
})
