// What the join takes and gives back.

export interface TokenUsage {
  prompt: number
  completion: number
  total: number
}

export interface FailedRequest {
  custom_id: string
  message: string
  code?: string
  status_code?: number
}

export interface JoinResult {
  path: string
  /** Lines written to results.jsonl. */
  total: number
  ok: number
  error: number
  missing: number
  usage: TokenUsage
  /** The first 10 failed requests, in results order. */
  failures: FailedRequest[]
  /** Lines of the output/error files that could not be read, skipped. */
  malformed: number
  warnings: string[]
}

export interface JoinOptions {
  inputPath?: string
  outputPath?: string
  errorPath?: string
  destPath: string
  /** Masked in results.jsonl (the API key). */
  secrets?: readonly (string | undefined)[]
  /** The step's abort signal: the join stops between lines once it fires, and writes nothing. */
  signal?: AbortSignal
}

/** Failed requests listed in JoinResult.failures (and so in the summary). */
export const MAX_FAILURES_LISTED = 10
