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

/** The failures of one error code: how many, and the first of them. */
export interface FailureGroup {
  /** The error code; '' when the provider gave none. */
  code: string
  count: number
  example: FailedRequest
}

export interface SampleResult {
  custom_id: string
  /** The reply text (or a short account of the body), at most MAX_SAMPLE_CHARS characters. */
  text: string
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
  /** Failed requests counted by error code, over all failures (one example each), most first. */
  failureCodes: FailureGroup[]
  /** The first successful responses, in results order, as short text. */
  samples: SampleResult[]
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

/** Successful responses kept as samples, and how much of each. */
export const MAX_SAMPLES = 3
export const MAX_SAMPLE_CHARS = 400

/** Distinct error codes counted; further codes are counted under the last group, OTHER_CODES. */
export const MAX_FAILURE_CODES = 20
export const OTHER_CODES = '(other codes)'

/** A JoinResult that has counted nothing yet: the start of every join. */
export function emptyJoinResult(path: string): JoinResult {
  return {
    path,
    total: 0,
    ok: 0,
    error: 0,
    missing: 0,
    usage: { prompt: 0, completion: 0, total: 0 },
    failures: [],
    failureCodes: [],
    samples: [],
    malformed: 0,
    warnings: []
  }
}
