// The writer of the one-pass join (one-pass.ts): results.jsonl in input order while the results
// download. A request is written as soon as its result line is indexed and held in memory; the
// first request that is not (one still to come, one missing, one past the memory budget) waits,
// and the writer with it, until more lines arrive or the downloads are complete.
// From then on every request is written as joinResults writes it, held lines copied from memory.
import { writeAtomically } from '../jsonl/atomic.js'
import { writeBuffered } from '../jsonl/output-buffer.js'
import { abortReason } from '../net/abort.js'
import { inputCustomIds } from './input-ids.js'
import { JoinedLines } from './joined-lines.js'
import type { ResultIndex } from './output-index.js'
import type { HeldLines } from './reader.js'
import { emptyJoinResult, type JoinOptions, type JoinResult } from './types.js'

export interface WriteSpec {
  index: ResultIndex
  /** The result files, open once the downloads are complete (for the lines not held). */
  fds: (number | undefined)[]
  held: HeldLines
  inputPath: string | undefined
  destPath: string
  secrets: JoinOptions['secrets']
  signal: AbortSignal | undefined
  /** Filled with the warnings about the input file's lines. */
  inputWarnings: string[]
  /** 'stop': this writer is no longer wanted (a download failed or started again). */
  state: () => 'downloading' | 'complete' | 'stop'
  /** Resolves when more lines were indexed, or the state changed. */
  progress: () => Promise<void>
}

const STOPPED = 'the join was stopped'

function emptyResult(destPath: string): JoinResult {
  return emptyJoinResult(destPath)
}

/** Throws when the writer should stop: the step was aborted, or the pass no longer wants it. */
function check(spec: WriteSpec): void {
  if (spec.signal?.aborted) throw abortReason(spec.signal)
  if (spec.state() === 'stop') throw new Error(STOPPED)
}

/**
 * Whether `customId` can be written now, before the downloads are complete: its line is held in
 * memory. A failure may still be replaced by a success later in the output; the pass then starts
 * the writer again.
 */
function ready(spec: WriteSpec, customId: string): boolean {
  // An id not in the index has slot -1, where nothing is ever held.
  return spec.held.get(spec.index.slotOf(customId)) !== undefined
}

/** Waits until the downloads are complete. */
async function untilComplete(spec: WriteSpec): Promise<void> {
  for (;;) {
    check(spec)
    if (spec.state() === 'complete') return
    await spec.progress()
  }
}

/** Writes results.jsonl (atomically: an error or a stop leaves nothing) and counts it. */
export async function writeResults(spec: WriteSpec): Promise<JoinResult> {
  const result = emptyResult(spec.destPath)
  await writeAtomically(spec.destPath, (file) =>
    writeBuffered(
      file,
      async (out) => {
        const lines = new JoinedLines(spec.index, spec.fds, result, spec.held)
        const write = async (customId: string): Promise<void> => {
          if (lines.add(customId)) await lines.write(out)
        }
        if (spec.inputPath === undefined) {
          // Ordered by custom_id: nothing can be written before every id is known.
          await untilComplete(spec)
          for (const customId of spec.index.sortedIds()) await write(customId)
        } else {
          let batches = 0
          for await (const customId of inputCustomIds(spec.inputPath, spec.inputWarnings)) {
            check(spec)
            while (spec.state() === 'downloading' && !ready(spec, customId)) {
              // What is ready goes out while the writer waits.
              if (lines.pending > 0) await lines.write(out)
              await spec.progress()
              check(spec)
            }
            await write(customId)
            // The reads are synchronous: let timers, signals and the download run between batches.
            if (lines.pending === 0 && ++batches % 4 === 0)
              await new Promise((resolve) => setImmediate(resolve))
          }
          // Nothing appears under destPath before the downloads are complete: one may still fail.
          await untilComplete(spec)
        }
        if (lines.pending > 0) await lines.write(out)
        check(spec)
      },
      { secrets: spec.secrets }
    )
  )
  return result
}
