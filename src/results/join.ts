// The join: results.jsonl from the input file and the batch's output and error files.
//
// Files can be hundreds of megabytes: nothing here holds a whole file, or all response bodies, in
// memory. The output and error files are indexed first (offsets, outcome, usage; see
// output-index.ts), then the input file is read in order and each request's result line is read
// back at its offset and written out.
import { closeSync, openSync } from 'node:fs'
import { writeAtomically } from '../jsonl/atomic.js'
import { writeBuffered } from '../jsonl/output-buffer.js'
import { abortReason } from '../net/abort.js'
import { inputCustomIds } from './input-ids.js'
import { indexResultFile } from './indexing.js'
import { JoinedLines } from './joined-lines.js'
import { ResultIndex, SOURCE_ERROR, SOURCE_OUTPUT } from './output-index.js'
import { emptyJoinResult, type JoinOptions, type JoinResult } from './types.js'

/** Indexes the output file, then the error file; returns the number of malformed lines. */
async function indexResults(
  index: ResultIndex,
  options: JoinOptions,
  warnings: string[]
): Promise<number> {
  let malformed = 0
  if (options.outputPath) {
    malformed += (
      await indexResultFile(
        index,
        options.outputPath,
        SOURCE_OUTPUT,
        'output file',
        warnings,
        options.signal
      )
    ).malformed
  }
  if (options.errorPath) {
    malformed += (
      await indexResultFile(
        index,
        options.errorPath,
        SOURCE_ERROR,
        'error file',
        warnings,
        options.signal
      )
    ).malformed
  }
  return malformed
}

/** The custom_ids to write a line for: the input file's in its order, else every result's by id. */
function orderedIds(
  index: ResultIndex,
  inputPath: string | undefined,
  warnings: string[]
): AsyncIterable<string> | Iterable<string> {
  return inputPath === undefined ? index.sortedIds() : inputCustomIds(inputPath, warnings)
}

/** Opens the output and error files for the positioned reads, at their SOURCE_* places. */
export function openResultFiles(
  options: Pick<JoinOptions, 'outputPath' | 'errorPath'>
): (number | undefined)[] {
  const fds: (number | undefined)[] = [undefined, undefined]
  try {
    if (options.outputPath) fds[SOURCE_OUTPUT] = openSync(options.outputPath, 'r')
    if (options.errorPath) fds[SOURCE_ERROR] = openSync(options.errorPath, 'r')
  } catch (error) {
    closeFiles(fds)
    throw error
  }
  return fds
}

export function closeFiles(fds: (number | undefined)[]): void {
  for (const fd of fds) {
    if (fd !== undefined) {
      try {
        closeSync(fd)
      } catch {
        // ignore
      }
    }
  }
}

/**
 * Writes the lines of results.jsonl to `destPath` atomically, in the order of `ids`. The secrets are
 * masked by the writer a whole buffer at a time: a key escaped in a result file (`\u0073k-...`)
 * comes out in plain text once its line is parsed and written again.
 */
async function writeJoined(
  destPath: string,
  ids: AsyncIterable<string> | Iterable<string>,
  lines: JoinedLines,
  secrets: JoinOptions['secrets'],
  signal?: AbortSignal
): Promise<void> {
  await writeAtomically(destPath, (file) =>
    writeBuffered(
      file,
      async (out) => {
        let batches = 0
        for await (const customId of ids) {
          // An abort removes the temporary file (writeAtomically): no half results.jsonl appears.
          if (signal?.aborted) throw abortReason(signal)
          if (!lines.add(customId)) continue
          await lines.write(out)
          // The reads are synchronous: let timers and signals run between batches.
          if (++batches % 4 === 0) await new Promise((resolve) => setImmediate(resolve))
        }
        if (lines.pending > 0) await lines.write(out)
      },
      { secrets }
    )
  )
}

/** A warning when results name custom_ids that are not in the input file. */
export function warnUnused(index: ResultIndex, warnings: string[]): void {
  let unused = 0
  for (let slot = 0; slot < index.size; slot++) if (index.used[slot] === 0) unused++
  if (unused > 0) {
    warnings.push(
      `${unused} results have a custom_id that is not in the input file; they were left out of results.jsonl`
    )
  }
}

/**
 * Writes results.jsonl: one line per request of the input file, in input order (or, without an
 * input file, one per result ordered by custom_id), with status ok/error/missing.
 */
export async function joinResults(options: JoinOptions): Promise<JoinResult> {
  const warnings: string[] = []
  const index = new ResultIndex()
  const malformed = await indexResults(index, options, warnings)
  const result: JoinResult = { ...emptyJoinResult(options.destPath), malformed, warnings }
  const fds = openResultFiles(options)
  try {
    const ids = orderedIds(index, options.inputPath, warnings)
    await writeJoined(
      options.destPath,
      ids,
      new JoinedLines(index, fds, result),
      options.secrets,
      options.signal
    )
  } finally {
    closeFiles(fds)
  }
  if (options.inputPath !== undefined) warnUnused(index, warnings)
  return result
}
