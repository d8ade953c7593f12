// The results of a job that ended, brought into its folder: for a job of one batch, that batch's
// output and error files and their join, exactly as `run` lays them out.
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import type { LedgerJob } from '../batch/ledger.js'
import { formatBytes } from '../lib/format.js'
import { downloadToFile } from '../net/download.js'
import { DownloadFailedError } from '../net/transfer-errors.js'
import { joinResults } from '../results/join.js'
import type { JoinResult } from '../results/types.js'
import { StepFailure } from './failure.js'
import { requireApi, type StepEnv } from './step.js'

/**
 * Downloads the output and error files of the job's batch into `dir` and joins them into
 * `dir/results.jsonl` (without the input file, lines are in custom_id order). Jobs of several
 * batches are refused: their join is not done here.
 */
export async function collectJobResults(
  env: StepEnv,
  job: LedgerJob,
  dir: string
): Promise<JoinResult> {
  const { inputs, log } = env
  if (job.latest.length !== 1) {
    throw new StepFailure(
      `Job ${job.id} has ${job.latest.length} parts or rounds; collect joins jobs of one batch only`
    )
  }
  const batch = job.latest[0]!
  const api = requireApi(env)
  await mkdir(dir, { recursive: true })
  const fetchFile = async (
    fileId: string | null | undefined,
    name: string
  ): Promise<string | undefined> => {
    if (!fileId) return undefined
    const dest = path.join(dir, name)
    const { bytes } = await downloadToFile(api.openContent(fileId, env.signal), dest, {
      attempts: inputs.maxAttempts,
      signal: env.signal,
      secrets: [inputs.apiKey],
      onRetry: (attempt, error) =>
        log.info(
          `Download of ${fileId} failed (attempt ${attempt}: ${env.redact((error as Error).message)}); retrying`
        )
    }).catch((error: unknown) => {
      if (!(error instanceof DownloadFailedError)) throw error
      throw new StepFailure(
        `Download of ${name} (${fileId}) of batch ${batch.id} failed: ${env.redact(error.message)}; the file is kept on the provider: run collect again`
      )
    })
    log.info(`Downloaded ${fileId} to ${dest} (${formatBytes(bytes)})`)
    return dest
  }
  const outputPath = await fetchFile(batch.output_file_id, 'output.jsonl')
  const errorPath = await fetchFile(batch.error_file_id, 'errors.jsonl')
  const joined = await joinResults({
    outputPath,
    errorPath,
    destPath: path.join(dir, 'results.jsonl'),
    secrets: [inputs.apiKey],
    signal: env.signal
  })
  for (const warning of joined.warnings) log.warning(env.redact(warning))
  return joined
}
