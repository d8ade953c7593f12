// The upload of the one pass of `run`, which validates the bytes it sends. A module of its own:
// it brings the validator (and zod) along, which the API client and the commands that only read
// batches (list, status, cancel) do not need at start-up.
import path from 'node:path'
import { toStreamingFile } from 'openai'
import { validatingChunks } from '../validate/file.js'
import type { ValidationOptions, ValidationReport } from '../validate/types.js'
import {
  FileChangedError,
  ONE_PASS,
  sentBytesMismatch,
  type CheckedUpload,
  type SentBytes
} from './upload.js'

/**
 * Validate while uploading, for the one pass of `run`: the file as an upload that checks every line
 * on the way, as validateRequestsFile does, and holds back its last chunk until the whole file
 * checked out and its bytes are the ones `hashed` for the idempotency key (the look-up that came
 * before the upload trusted them). A bad line stops the body with a ValidationFailedError (from
 * ../validate/file.ts), a file changed since with a FileChangedError, before the multipart body
 * is complete, so the provider never stores the file; `onReport` hears the report either way. Each
 * call reads and checks the file afresh, so a retried upload is validated again.
 */
export function checkedUpload(
  file: string,
  options: ValidationOptions,
  hashed: SentBytes,
  onReport: (report: ValidationReport) => void
): CheckedUpload {
  let stopped: Error | undefined
  const check = (report: ValidationReport) => {
    onReport(report)
    if (report.problemCount > 0) return
    const read = { bytes: report.bytes, sha256: report.sha256 }
    const mismatch = sentBytesMismatch(file, read, hashed, ONE_PASS)
    if (mismatch) throw new FileChangedError(mismatch)
  }
  async function* recorded(): AsyncGenerator<Buffer> {
    try {
      yield* validatingChunks(file, options, check)
    } catch (error) {
      // The SDK wraps what the body threw in a connection error: this keeps it as it was.
      stopped = error as Error
      throw error
    }
  }
  return {
    file: toStreamingFile(recorded(), path.basename(file), { type: 'application/jsonl' }),
    stopped: () => stopped
  }
}
