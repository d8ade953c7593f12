// The one-pass join driven the way a download drives it: the bytes of the output and error files
// pushed through the observers in pieces of every size, then finish(). The join tests run each case
// through it as well as through joinResults, with the same assertions.
import { readFile } from 'node:fs/promises'
import { joinResults } from '../../src/results/join.js'
import { OutputPass } from '../../src/results/one-pass.js'
import { SOURCE_ERROR, SOURCE_OUTPUT } from '../../src/results/output-index.js'
import type { JoinOptions, JoinResult } from '../../src/results/types.js'

/** Pieces of 1 byte to 64 kB, from a fixed sequence, so that lines are cut everywhere. */
function* pieces(bytes: Buffer): Generator<Buffer> {
  let seed = 7
  for (let at = 0; at < bytes.length;) {
    seed = (seed * 1103515245 + 12345) % 2147483648
    const size = (seed >>> 16) % 8 === 0 ? 1 + ((seed >>> 8) % 7) : 1 + ((seed >>> 4) % 65536)
    yield bytes.subarray(at, at + size)
    at += size
  }
}

/** Pushes a file's bytes through a fresh observer of `pass`, then ends it. */
export async function feed(
  pass: OutputPass,
  source: typeof SOURCE_OUTPUT | typeof SOURCE_ERROR,
  path: string,
  until = Infinity
): Promise<void> {
  const observer = pass.observer(source)()
  const bytes = await readFile(path)
  let sent = 0
  for (const piece of pieces(bytes)) {
    if (sent >= until) return
    observer.bytes(piece)
    sent += piece.length
    // Lets the writer run between pieces, as between a download's reads.
    await new Promise((resolve) => setImmediate(resolve))
  }
  observer.end()
}

/** joinResults(options), through an OutputPass fed with the files' bytes. */
export async function onePassJoin(options: JoinOptions, heldBytes?: number): Promise<JoinResult> {
  const pass = new OutputPass({ ...options, heldBytes })
  try {
    if (options.outputPath) await feed(pass, SOURCE_OUTPUT, options.outputPath)
    if (options.errorPath) await feed(pass, SOURCE_ERROR, options.errorPath)
  } catch (error) {
    await pass.abandon()
    throw error
  }
  return pass.finish(options)
}

/**
 * Every join of the results: of downloaded files, and the one pass fed as a download feeds it (with
 * the default memory budget, and with none: every line read back). The join tests run each case
 * through all three.
 */
export const JOINS: [string, (options: JoinOptions) => Promise<JoinResult>][] = [
  ['of downloaded files', joinResults],
  ['while downloading', (options) => onePassJoin(options)],
  ['while downloading, nothing held in memory', (options) => onePassJoin(options, 0)]
]
