// The results of a job found by its batch ids (command: status with several ids, command: collect):
// the step that submitted it is gone, and with it the parts' input files. Each round's output and
// error files are read as one (concatenated in part order) and joined against the requests file when
// there is one; a later round's requests are found again from the earlier round's results, as the
// submitting step chose them. Without a requests file the lines are in custom_id order.
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { BatchInfo } from '../batch/document.js'
import { MetadataKeys } from '../batch/metadata.js'
import { joinJob } from '../job/join-job.js'
import { writeRetryInput } from '../job/retry-input.js'
import { inJobOrder, type JobBatch } from '../job/status.js'
import { DEFAULT_RETRY_ERRORS } from '../job/transient.js'
import { joinResults } from '../results/join.js'
import type { JoinResult } from '../results/types.js'
import { downloadBatchFiles, warnNoOutput, type BatchFiles } from './collect.js'
import type { StepEnv } from './step.js'

/** Where a batch sits in its job, from its tags; a batch without them is part `fallback` of round 0. */
export function placeOf(
  batch: BatchInfo,
  fallback: { part: number; parts: number }
): Omit<JobBatch, 'batch'> {
  const metadata = batch.metadata ?? {}
  const tag = /^(\d+)\/(\d+)$/.exec(String(metadata[MetadataKeys.Part] ?? ''))
  const round = Number.parseInt(String(metadata[MetadataKeys.Round] ?? '0'), 10)
  return {
    round: Number.isFinite(round) && round > 0 ? round : 0,
    part: tag ? Number(tag[1]) : fallback.part,
    parts: tag ? Number(tag[2]) : fallback.parts
  }
}

/** Several files read as one, in order, into `dest`; undefined when there is none. */
async function concatenate(
  paths: Array<string | undefined>,
  dest: string
): Promise<string | undefined> {
  const present = paths.filter((file): file is string => file !== undefined)
  if (present.length === 0) return undefined
  if (present.length === 1) return present[0]
  const out = createWriteStream(dest)
  for (const [index, file] of present.entries())
    await pipeline(createReadStream(file), out, { end: index === present.length - 1 })
  return dest
}

/** The worst way a round's batches ended: an expired or cancelled batch leaves requests unanswered. */
function roundStatus(batches: readonly JobBatch[]): string {
  const statuses = new Set(batches.map((entry) => entry.batch.status))
  return ['expired', 'cancelled', 'failed'].find((status) => statuses.has(status)) ?? 'completed'
}

export interface CollectedJob {
  joined: JoinResult
  /** The raw files of each batch, by id. */
  files: Map<string, BatchFiles>
}

/**
 * Downloads every batch of an ended job into `dir/batches/<id>/` (or `dir` itself for a job of one
 * batch, the layout of a single batch) and joins them into `dir/results.jsonl`.
 */
export async function collectJobResults(
  env: StepEnv,
  job: { batches: readonly JobBatch[] },
  dir: string,
  inputPath?: string
): Promise<CollectedJob> {
  const batches = inJobOrder(job.batches)
  const single = batches.length === 1
  const files = new Map<string, BatchFiles>()
  for (const entry of batches) {
    warnNoOutput(env, entry.batch)
    const where = single ? dir : path.join(dir, 'batches', entry.batch.id)
    files.set(entry.batch.id, await downloadBatchFiles(env, entry.batch, where))
  }
  const temp = await mkdtemp(path.join(env.context.temp ?? os.tmpdir(), 'batch-job-'))
  try {
    await mkdir(dir, { recursive: true })
    const rounds = [...new Set(batches.map((entry) => entry.round))].sort((a, b) => a - b)
    const joinedRounds: Array<Array<{ resultsPath: string; result: JoinResult }>> = []
    let input = inputPath
    for (const [index, round] of rounds.entries()) {
      const inRound = batches.filter((entry) => entry.round === round)
      const own = inRound.map((entry) => files.get(entry.batch.id) as BatchFiles)
      const output = await concatenate(
        own.map((f) => f.output),
        path.join(temp, `output-${round}.jsonl`)
      )
      const error = await concatenate(
        own.map((f) => f.error),
        path.join(temp, `errors-${round}.jsonl`)
      )
      const destPath =
        single && rounds.length === 1
          ? path.join(dir, 'results.jsonl')
          : path.join(temp, `round-${round}.jsonl`)
      const result = await joinResults({
        inputPath: input,
        outputPath: output,
        errorPath: error,
        destPath,
        secrets: [env.inputs.apiKey],
        signal: env.signal
      })
      for (const warning of result.warnings ?? []) env.log.warning(env.redact(warning))
      joinedRounds.push([{ resultsPath: result.path, result }])
      const next = rounds[index + 1]
      if (next !== undefined && input !== undefined) {
        const retry = await writeRetryInput(
          [{ inputPath: input, resultsPath: result.path, batchStatus: roundStatus(inRound) }],
          env.inputs.retryErrors ?? [...DEFAULT_RETRY_ERRORS],
          path.join(temp, `input-${next}.jsonl`),
          { signal: env.signal }
        )
        input = retry?.path
      }
    }
    if (single && rounds.length === 1)
      return { joined: (joinedRounds[0]?.[0] as { result: JoinResult }).result, files }
    const joined = await joinJob(joinedRounds, path.join(dir, 'results.jsonl'), {
      withAttempts: rounds.length > 1 || env.inputs.retryFailed > 0,
      secrets: [env.inputs.apiKey],
      signal: env.signal
    })
    env.log.info(
      `Joined ${joined.total} requests of ${batches.length} batches into ${joined.path}: ${joined.ok} ok, ${joined.error} failed, ${joined.missing} missing; ${joined.usage.total} tokens`
    )
    return { joined, files }
  } finally {
    await rm(temp, { recursive: true, force: true })
  }
}
