import { createHash } from 'node:crypto'
import { open } from 'node:fs/promises'
import { toStreamingFile } from 'openai'
import path from 'node:path'

/** Enough buffers that none is refilled while the socket may still hold it (see sendStream). */
const POOL_SIZE = 6
const CHUNK_BYTES = 512 * 1024

/**
 * The file's bytes as a few reused buffers. A fresh buffer per chunk would leave the garbage
 * collector a file's worth of dead buffers to find, and the process's memory would grow with the
 * file; reusing them keeps it flat. Safe because the body is written one acknowledged chunk at a
 * time, so a buffer comes round again only long after the socket is done with it.
 */
export async function* fileChunks(
  file: string,
  chunkBytes = CHUNK_BYTES,
  onEnd?: (sent: SentBytes) => void
): AsyncGenerator<Uint8Array> {
  const handle = await open(file, 'r')
  const hash = createHash('sha256')
  let bytes = 0
  try {
    const pool = Array.from({ length: POOL_SIZE }, () => Buffer.allocUnsafe(chunkBytes))
    for (let index = 0; ; index++) {
      const buffer = pool[index % POOL_SIZE] as Buffer
      const { bytesRead } = await handle.read(buffer, 0, chunkBytes, null)
      if (bytesRead === 0) break
      const chunk = buffer.subarray(0, bytesRead)
      // Hashed before it is handed out: the buffer is reused once the socket is done with it.
      hash.update(chunk)
      bytes += bytesRead
      yield chunk
    }
  } finally {
    await handle.close()
  }
  onEnd?.({ bytes, sha256: hash.digest('hex') })
}

/** What one upload read from the file and sent, all of it: its size and SHA-256. */
export interface SentBytes {
  bytes: number
  sha256: string
}

/**
 * The file as an upload the SDK streams without reading it into memory, from a fresh read each
 * time; `onEnd` hears what was sent once the last byte was read, to compare with what was validated.
 */
export function streamingUpload(
  file: string,
  onEnd?: (sent: SentBytes) => void
): ReturnType<typeof toStreamingFile> {
  return toStreamingFile(fileChunks(file, CHUNK_BYTES, onEnd), path.basename(file), {
    type: 'application/jsonl'
  })
}

/** How the message names the two reads it compares. */
export interface MismatchWords {
  sent: string
  expected: string
}

const VALIDATE_FIRST: MismatchWords = { sent: 'were sent', expected: 'were validated' }
/** The one pass: what it read to send, against what the pre-pass hashed for the key. */
export const ONE_PASS: MismatchWords = {
  sent: 'were read to be sent',
  expected: 'were hashed for the idempotency key'
}

/** Why the bytes sent are not the bytes validated, or undefined when they are the same. */
export function sentBytesMismatch(
  file: string,
  sent: SentBytes | undefined,
  validated: SentBytes,
  words: MismatchWords = VALIDATE_FIRST
): string | undefined {
  if (sent && sent.bytes === validated.bytes && sent.sha256 === validated.sha256) return undefined
  const short = (sha: string) => sha.slice(0, 12)
  const what = sent
    ? `${sent.bytes} bytes with SHA-256 ${short(sent.sha256)}… ${words.sent}`
    : 'the upload ended before the whole file was read'
  return (
    `${path.basename(file)} changed while it was uploaded: ${what}, but ${validated.bytes} bytes ` +
    `with SHA-256 ${short(validated.sha256)}… ${words.expected}`
  )
}

/** The file changed between the hash-only pass and the upload: the upload stopped before its end. */
export class FileChangedError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'FileChangedError'
  }
}

/** One attempt of a checked upload: the body, and why it stopped, once it stopped itself. */
export interface CheckedUpload {
  file: ReturnType<typeof toStreamingFile>
  /** The ValidationFailedError or FileChangedError that ended the body, else undefined. */
  stopped(): Error | undefined
}
