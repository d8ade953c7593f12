import { describe, expect, it } from '@jest/globals'
import { mkdtemp, readdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { groupJobs } from '../../src/batch/ledger.js'
import {
  manifestMatches,
  manifestOf,
  readManifest,
  writeManifest
} from '../../src/results/job-manifest.js'
import type { JoinResult } from '../../src/results/types.js'

const batch = (status: string, output: string | null) => ({
  id: 'batch_a',
  status,
  output_file_id: output,
  metadata: { batch_action_key: 'job1' }
})

const joined: JoinResult = {
  path: '/w/batch-results/batch_a/results.jsonl',
  total: 5,
  ok: 3,
  error: 1,
  missing: 1,
  usage: { prompt: 10, completion: 5, total: 15 },
  failures: [],
  failureCodes: [],
  samples: [],
  malformed: 0,
  warnings: []
}

describe('job.json', () => {
  it('holds the batches, counts and tokens, and matches only the same batches', () => {
    const [job] = groupJobs([batch('completed', 'file-out')])
    const manifest = manifestOf(job!, joined)
    expect(manifest).toEqual({
      job: 'job1',
      batches: [
        { id: 'batch_a', status: 'completed', output_file_id: 'file-out', error_file_id: null }
      ],
      counts: { total: 5, completed: 3, failed: 2 },
      tokens: { prompt: 10, completion: 5, total: 15 },
      results: 'results.jsonl'
    })
    expect(manifestMatches(manifest, job!)).toBe(true)
    const [changed] = groupJobs([batch('completed', 'file-other')])
    expect(manifestMatches(manifest, changed!)).toBe(false)
    const [resubmitted] = groupJobs([
      batch('completed', 'file-out'),
      { ...batch('completed', 'f'), id: 'batch_b' }
    ])
    expect(manifestMatches(manifest, resubmitted!)).toBe(false)
    // The same batches written for another job (a manifest copied between directories).
    expect(manifestMatches({ ...manifest, job: 'job2' }, job!)).toBe(false)
  })

  it('is written atomically and read back; a missing or damaged one reads as none', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'manifest-'))
    expect(await readManifest(dir)).toBeUndefined()
    const [job] = groupJobs([batch('completed', 'file-out')])
    await writeManifest(dir, manifestOf(job!, joined))
    expect(await readdir(dir)).toEqual(['job.json'])
    expect(await readManifest(dir)).toEqual(manifestOf(job!, joined))
    await writeFile(path.join(dir, 'job.json'), '{"job": "job1"')
    expect(await readManifest(dir)).toBeUndefined()
    await writeFile(path.join(dir, 'job.json'), '{"job": "job1"}')
    expect(await readManifest(dir)).toBeUndefined()
  })

  it('reads as none a manifest that lacks any field it needs, or has one of another type', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'manifest-'))
    const [job] = groupJobs([batch('completed', 'file-out')])
    const whole = manifestOf(job!, joined) as unknown as Record<string, unknown>
    const damaged: unknown[] = [
      null,
      'job1',
      [],
      { ...whole, job: 1 },
      { ...whole, batches: {} },
      { ...whole, results: null },
      { ...whole, counts: null },
      { ...whole, counts: { total: '5' } },
      { ...whole, tokens: undefined },
      { ...whole, tokens: { total: null } }
    ]
    for (const value of damaged) {
      await writeFile(path.join(dir, 'job.json'), JSON.stringify(value) ?? 'null')
      expect({ value, read: await readManifest(dir) }).toEqual({ value, read: undefined })
    }
    await writeFile(path.join(dir, 'job.json'), JSON.stringify(whole))
    expect(await readManifest(dir)).toEqual(whole)
  })
})
