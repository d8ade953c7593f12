// Types for ./server.mjs (the local OpenAI-compatible Batch API used by tests, demo and benchmarks).

export interface MockTimings {
  /** Time spent in `validating` before the input file is checked (default 200). */
  validatingMs?: number
  /** Time to process ALL requests of a batch, spread evenly so request_counts grow (default 1000). */
  inProgressMs?: number
  /** Time spent in `finalizing` (default 200). */
  finalizingMs?: number
  /** Time spent in `cancelling` (default 300). */
  cancellingMs?: number
  /** Any batch not finished this long after creation expires (default: none; null unsets). */
  expireMs?: number | null
}

export type StatusCase = 'lower' | 'upper'

export interface MockBatchApiOptions {
  /** Default 0 (ephemeral). The host is always 127.0.0.1. */
  port?: number
  /** Default 'test-key'; null disables auth. */
  apiKey?: string | null
  /** Where files are stored on disk (default: a fresh temp dir, removed on close; a given dir is kept). */
  dataDir?: string
  timings?: MockTimings
  /** 'upper' answers statuses like IN_PROGRESS. */
  statusCase?: StatusCase
}

export type MockOp =
  | 'upload'
  | 'file-list'
  | 'file-retrieve'
  | 'file-delete'
  | 'download'
  | 'create'
  | 'retrieve'
  | 'list'
  | 'cancel'
  | 'control'
  | 'unknown'

/** stall-after: carries out the request, then never answers. */
export type FaultKind =
  'drop-before' | 'drop-after' | 'status' | 'delay' | 'stall' | 'stall-after' | 'cut'

export interface FaultRule {
  /** Which call; '*' matches every call except the /_mock control surface. */
  op: MockOp | '*'
  fault: FaultKind
  /** How many matching requests it applies to (default 1). */
  times?: number
  /** For 'status' (default 500). */
  status?: number
  /** Seconds; sets Retry-After on 'status' faults. */
  retryAfter?: number
  /** For 'delay' (default 1000). */
  delayMs?: number
  /** For 'cut' (default 0): send the headers and this many body bytes, then destroy the socket. */
  afterBytes?: number
}

export interface LogEntry {
  op: MockOp
  method: string
  path: string
  query: Record<string, string>
  /** HTTP status sent; 0 when no answer was sent (dropped, stalled, client gone). */
  status: number
  fault?: FaultKind
  /** Date.now() when the request arrived. */
  at: number
  requestBytes: number
  authorized: boolean
  batchId?: string
  fileId?: string
  /** Request headers; authorization is 'REDACTED'. */
  headers: Record<string, string>
}

export interface BatchError {
  code: string
  message: string
  param: string | null
  line: number | null
}

export interface Batch {
  id: string
  object: 'batch'
  endpoint: string
  /** Present once the input file has been validated. */
  model?: string
  errors: { object: 'list'; data: BatchError[] } | null
  input_file_id: string
  completion_window: string
  status: string
  output_file_id: string | null
  error_file_id: string | null
  created_at: number
  in_progress_at: number | null
  expires_at: number | null
  finalizing_at: number | null
  completed_at: number | null
  failed_at: number | null
  expired_at: number | null
  cancelling_at: number | null
  cancelled_at: number | null
  request_counts: { total: number; completed: number; failed: number }
  usage: {
    input_tokens: number
    input_tokens_details: { cached_tokens: number }
    output_tokens: number
    output_tokens_details: { reasoning_tokens: number }
    total_tokens: number
  }
  metadata: Record<string, string> | null
}

export interface MockFileInfo {
  id: string
  filename: string
  purpose: string
  bytes: number
}

export interface MockBatchApi {
  /** 'http://127.0.0.1:PORT/v1' (what an SDK baseURL points at). */
  url: string
  port: number
  /** Directory holding the stored files. */
  dataDir: string
  /** Every request, in arrival order. */
  log: LogEntry[]
  /** Timings apply to batches created afterwards; statusCase applies at once. */
  configure(patch: { timings?: MockTimings; statusCase?: StatusCase }): void
  addFault(rule: FaultRule): void
  clearFaults(): void
  /** Rules not yet used up, with their remaining `times`. */
  faults(): Array<FaultRule & { times: number }>
  /** Current state of every batch, oldest first, as the API would answer it. */
  batches(): Batch[]
  /** Content of a stored file; throws for an unknown id. */
  fileBytes(fileId: string): Buffer
  files(): MockFileInfo[]
  /** Closes the server, all sockets and timers; removes the temp dataDir. */
  close(): Promise<void>
}

export const DEFAULT_TIMINGS: Readonly<
  Required<Omit<MockTimings, 'expireMs'>> & { expireMs: number | null }
>

export function startMockBatchApi(options?: MockBatchApiOptions): Promise<MockBatchApi>

/** The streaming multipart/form-data parser the upload endpoint uses (exported for tests). */
export class MultipartParser {
  constructor(
    boundary: string,
    handlers: {
      onPartBegin(headers: { name?: string; filename?: string; contentType?: string }): void
      onPartData(chunk: Buffer): void
      onPartEnd(): void
    }
  )
  /** True once the closing boundary was seen. */
  readonly finished: boolean
  write(chunk: Buffer): void
}
