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
  chunkBytes = CHUNK_BYTES
): AsyncGenerator<Uint8Array> {
  const handle = await open(file, 'r')
  try {
    const pool = Array.from({ length: POOL_SIZE }, () => Buffer.allocUnsafe(chunkBytes))
    for (let index = 0; ; index++) {
      const buffer = pool[index % POOL_SIZE] as Buffer
      const { bytesRead } = await handle.read(buffer, 0, chunkBytes, null)
      if (bytesRead === 0) return
      yield buffer.subarray(0, bytesRead)
    }
  } finally {
    await handle.close()
  }
}

/** The file as an upload the SDK streams without reading it into memory, from a fresh read each time. */
export function streamingUpload(file: string): ReturnType<typeof toStreamingFile> {
  return toStreamingFile(fileChunks(file), path.basename(file), { type: 'application/jsonl' })
}
