// What a step knows of the batches of its job, kept current as answers come in: one entry per batch,
// in part and round order, and one view of the whole that the outputs, the summary and the comment
// read as if it were one batch.
import { Outputs } from '../action/names.js'
import { describeProgress, isTerminal, type BatchInfo } from '../batch/document.js'
import { partTag } from '../job/keys.js'
import {
  inJobOrder,
  jobCounts,
  jobStatus,
  batchBehindStatus,
  type JobBatch
} from '../job/status.js'
import type { Log } from '../lib/log.js'
import type { OutputSink } from './step.js'

/** The name of a batch in the log: `batch_x (part 2/3, round 1)`. */
export function batchLabel(
  entry: Pick<JobBatch, 'round' | 'part' | 'parts'> & { id: string }
): string {
  const where = [
    entry.parts > 1 ? `part ${partTag(entry)}` : '',
    entry.round > 0 ? `round ${entry.round}` : ''
  ]
    .filter((text) => text !== '')
    .join(', ')
  return where ? `${entry.id} (${where})` : entry.id
}

/** The earliest of a set of Unix times, or the latest; undefined when none is known. */
function extreme(
  values: Array<number | null | undefined>,
  pick: 'min' | 'max'
): number | undefined {
  const known = values.filter((value): value is number => typeof value === 'number')
  if (known.length === 0) return undefined
  return pick === 'min' ? Math.min(...known) : Math.max(...known)
}

/**
 * The job as one batch: the id and errors of the batch its status comes from, the status of the
 * job, its request counts, the first creation and the last end. What reads one batch (the outcome,
 * the summary, the comment) reads the job through it.
 */
export function jobAsBatch(entries: readonly JobBatch[]): BatchInfo {
  const behind = batchBehindStatus(entries)
  if (!behind) throw new Error('A job has at least one batch')
  if (entries.length === 1) return behind.batch
  const batches = entries.map((entry) => entry.batch)
  const status = jobStatus(entries)
  const ended = !isTerminal(status)
    ? {}
    : {
        [`${status}_at`]: extreme(
          batches.map((batch) => batch[`${status}_at` as 'completed_at']),
          'max'
        )
      }
  return {
    ...behind.batch,
    status,
    request_counts: jobCounts(entries),
    created_at: extreme(
      batches.map((batch) => batch.created_at),
      'min'
    ),
    in_progress_at: extreme(
      batches.map((batch) => batch.in_progress_at),
      'min'
    ),
    ...ended
  }
}

/** Where a batch sits in its job: what the view keeps beside each batch. */
export type BatchPlace = Omit<JobBatch, 'batch'>

export class JobView {
  private readonly entries = new Map<string, JobBatch>()

  constructor(
    private readonly log: Log,
    private readonly outputs: OutputSink
  ) {}

  get size(): number {
    return this.entries.size
  }

  /** Every batch, in part and round order. */
  list(): JobBatch[] {
    return inJobOrder([...this.entries.values()])
  }

  ids(): string[] {
    return this.list().map((entry) => entry.batch.id)
  }

  /** The first batch of the job (part 1 of round 0): it names the job's results folder. */
  first(): JobBatch | undefined {
    return this.list()[0]
  }

  get(id: string): JobBatch | undefined {
    return this.entries.get(id)
  }

  /** A batch the provider refused for its token limit, sent again: it no longer counts for the job. */
  markReplaced(id: string): void {
    const entry = this.entries.get(id)
    if (entry) this.entries.set(id, { ...entry, replaced: true })
    this.writeOutputs()
  }

  /** The batches still running. */
  running(): JobBatch[] {
    return this.list().filter((entry) => !isTerminal(entry.batch.status))
  }

  /** Records an answer about one batch; logs a change of status; keeps the outputs current. */
  track(place: Omit<JobBatch, 'batch'>, batch: BatchInfo): void {
    const previous = this.entries.get(batch.id)
    const { round, part, parts } = place
    const replaced = place.replaced ?? previous?.replaced
    this.entries.set(batch.id, { round, part, parts, batch, ...(replaced ? { replaced } : {}) })
    if (previous?.batch.status !== batch.status)
      this.log.info(`Batch ${batchLabel({ ...place, id: batch.id })} is ${describeProgress(batch)}`)
    else this.log.debug(`Batch ${batch.id} is ${describeProgress(batch)}`)
    this.writeOutputs()
  }

  /** The job as one batch (see jobAsBatch). */
  asBatch(): BatchInfo | undefined {
    return this.entries.size > 0 ? jobAsBatch(this.list()) : undefined
  }

  private writeOutputs(): void {
    const view = this.asBatch()
    const first = this.first()
    if (!view || !first) return
    this.outputs.setBatch(view)
    // The first part's, for simple workflows; every id is in batch-ids.
    this.outputs.set(Outputs.BatchId, first.batch.id)
    this.outputs.set(Outputs.InputFileId, first.batch.input_file_id)
    this.outputs.set(Outputs.OutputFileId, first.batch.output_file_id)
    this.outputs.set(Outputs.ErrorFileId, first.batch.error_file_id)
    this.outputs.set(Outputs.Batch, JSON.stringify(first.batch))
    this.outputs.set(Outputs.BatchIds, JSON.stringify(this.ids()))
  }
}
