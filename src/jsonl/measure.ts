// The hash-only pass over an input, before anything is sent: its SHA-256 (for the idempotency key,
// which the look-up for an earlier attempt's batch needs before any upload), its size and its
// line count (to tell whether it fits one batch). No line is parsed: the validation happens
// while the file is uploaded (../validate/file.ts validatingChunks).
import { createHash } from 'node:crypto'
import { open } from 'node:fs/promises'
import { abortReason } from '../net/abort.js'

/** Large reads: nothing is decoded, so nothing young-generation-sized is at stake here. */
const READ_BYTES = 1024 * 1024

/** What the hash-only pass finds. */
export interface Measured {
  bytes: number
  sha256: string
  /** Lines, a last one without its line break included; blank lines too (an upper bound on requests). */
  lines: number
}

/** Counts the line feeds of one read. */
export function countNewlines(bytes: Uint8Array): number {
  let count = 0
  for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) count++
  return count
}

/** The lines of a file of `newlines` line feeds whose last byte is `lastByte` (undefined: empty). */
export function lineCount(newlines: number, lastByte: number | undefined): number {
  return lastByte === undefined || lastByte === 10 ? newlines : newlines + 1
}

/** Reads the file once, hashing and counting; stops with the signal's reason when it fires. */
export async function measureFile(
  path: string,
  signal?: AbortSignal,
  readBytes = READ_BYTES
): Promise<Measured> {
  const handle = await open(path, 'r')
  const hash = createHash('sha256')
  const buffer = Buffer.allocUnsafe(readBytes)
  let bytes = 0
  let newlines = 0
  let lastByte: number | undefined
  try {
    for (;;) {
      if (signal?.aborted) throw abortReason(signal)
      const { bytesRead } = await handle.read(buffer, 0, readBytes, null)
      if (bytesRead === 0) break
      const chunk = buffer.subarray(0, bytesRead)
      hash.update(chunk)
      newlines += countNewlines(chunk)
      lastByte = chunk[bytesRead - 1]
      bytes += bytesRead
    }
  } finally {
    await handle.close()
  }
  return { bytes, sha256: hash.digest('hex'), lines: lineCount(newlines, lastByte) }
}
