// What validation takes and gives back.
import type { Provider } from '../batch/providers.js'

export interface Problem {
  /** 1-based line number; 0 for file-level problems (size, endpoint, no requests). */
  line: number
  message: string
}

export interface ValidationOptions {
  /** The batch endpoint; every line's `url` must equal it. */
  endpoint: string
  /** The provider behind the base URL (see providerFor). */
  provider: Provider
  /** max-requests: most requests in the whole input; absent: no limit (the provider's splits). */
  maxRequests?: number
  /** max-file-size: largest input, in bytes; absent: no limit (the provider's splits). */
  maxFileBytes?: number
  /** How many problems to keep in detail; the rest are only counted. Default 50. */
  maxProblems?: number
  /** Read size in bytes; default 64 KiB. Tests make it tiny to split lines across chunks. */
  readChunkBytes?: number
  /** The step's abort signal: the check stops between chunks once it fires, by throwing its reason. */
  signal?: AbortSignal
}

export interface ValidationReport {
  /** Request lines seen (every non-blank line, valid or not). */
  requests: number
  /** Bytes read. When a file-level problem stopped the check before reading, the size from stat. */
  bytes: number
  /** Hex SHA-256 of the file's bytes; '' when the file was not read to its end. */
  sha256: string
  /** The file's model: body.model of the first line that has a valid one. */
  model?: string
  /** The first maxProblems problems: file-level (line 0) first, then by line. */
  problems: Problem[]
  /** All problems found, including those not kept in detail. */
  problemCount: number
  /** Debug notes for the caller to log (checks skipped). */
  notes: string[]
}

/** Longest line that is parsed; longer lines are reported and skipped. */
export const MAX_LINE_BYTES = 64 * 1024 * 1024
export const DEFAULT_MAX_PROBLEMS = 50
