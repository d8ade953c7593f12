// Atomic file writes: a file appears under its name complete and durable, or not at all.
import { randomBytes } from 'node:crypto'
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises'
import { dirname } from 'node:path'

/** A temporary name next to `destPath` (same directory, so the final rename is atomic). */
export function partPath(destPath: string): string {
  return `${destPath}.part-${randomBytes(6).toString('hex')}`
}

async function syncDirectory(dir: string): Promise<void> {
  // Makes the rename itself durable. Not supported everywhere (Windows): best effort.
  let handle: FileHandle | undefined
  try {
    handle = await open(dir, 'r')
    await handle.sync()
  } catch {
    // ignore
  } finally {
    await handle?.close().catch(() => undefined)
  }
}

/**
 * Runs `write` against a fresh temporary file next to `destPath`, fsyncs it and renames it to
 * `destPath`. On any error the temporary file is removed and nothing appears under `destPath`.
 */
export async function writeAtomically<T>(
  destPath: string,
  write: (file: FileHandle) => Promise<T>
): Promise<T> {
  await mkdir(dirname(destPath), { recursive: true })
  const tmp = partPath(destPath)
  let file: FileHandle | undefined
  try {
    file = await open(tmp, 'wx')
    const result = await write(file)
    await file.sync()
    await file.close()
    file = undefined
    await rename(tmp, destPath)
    await syncDirectory(dirname(destPath))
    return result
  } catch (error) {
    await file?.close().catch(() => undefined)
    // A temporary file that is not there (its open failed) is an error ignored with the rest.
    await rm(tmp).catch(() => undefined)
    throw error
  }
}
