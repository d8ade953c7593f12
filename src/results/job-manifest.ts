// job.json: written in a job's results folder once its results are complete, so that `collect`
// run again knows the job is there and downloads nothing twice. It names the batches (ids,
// statuses, file ids) the results were made from: a job whose batches changed since (a part
// resubmitted, a file that appeared) no longer matches it, and is collected again.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { LedgerJob } from '../batch/ledger.js'
import { writeAtomically } from '../jsonl/atomic.js'
import type { JoinResult, TokenUsage } from './types.js'

export const MANIFEST_NAME = 'job.json'

export interface ManifestBatch {
  id: string
  status: string
  output_file_id: string | null
  error_file_id: string | null
}

export interface JobManifest {
  job: string
  batches: ManifestBatch[]
  counts: { total: number; completed: number; failed: number }
  tokens: TokenUsage
  /** results.jsonl, relative to the folder. */
  results: string
}

function batchesOf(job: LedgerJob): ManifestBatch[] {
  return job.batches.map((batch) => ({
    id: batch.id,
    status: batch.status,
    output_file_id: batch.output_file_id ?? null,
    error_file_id: batch.error_file_id ?? null
  }))
}

/** The manifest of a job whose results were joined into `joined.path`. */
export function manifestOf(job: LedgerJob, joined: JoinResult): JobManifest {
  return {
    job: job.id,
    batches: batchesOf(job),
    counts: { total: joined.total, completed: joined.ok, failed: joined.error + joined.missing },
    tokens: { ...joined.usage },
    results: path.basename(joined.path)
  }
}

/** True when the manifest was written from exactly the batches the job has now. */
export function manifestMatches(manifest: JobManifest, job: LedgerJob): boolean {
  return (
    manifest.job === job.id && JSON.stringify(manifest.batches) === JSON.stringify(batchesOf(job))
  )
}

function isManifest(value: unknown): value is JobManifest {
  const m = value as Partial<JobManifest> | null
  return (
    typeof m === 'object' &&
    m !== null &&
    typeof m.job === 'string' &&
    Array.isArray(m.batches) &&
    typeof m.results === 'string' &&
    typeof m.counts?.total === 'number' &&
    typeof m.tokens?.total === 'number'
  )
}

/** The manifest in `dir`, or undefined when there is none or it cannot be read (then: collect again). */
export async function readManifest(dir: string): Promise<JobManifest | undefined> {
  let text: string
  try {
    text = await readFile(path.join(dir, MANIFEST_NAME), 'utf8')
  } catch {
    return undefined
  }
  try {
    const parsed: unknown = JSON.parse(text)
    return isManifest(parsed) ? parsed : undefined
  } catch {
    return undefined
  }
}

/** Writes the manifest atomically: it is there complete, or not at all. */
export async function writeManifest(dir: string, manifest: JobManifest): Promise<void> {
  await writeAtomically(path.join(dir, MANIFEST_NAME), async (file) => {
    await file.writeFile(`${JSON.stringify(manifest, null, 2)}\n`)
  })
}
