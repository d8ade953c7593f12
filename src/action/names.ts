// The action's interface: input, output and state names in one place (see action.yml).

export const Inputs = {
  Command: 'command',
  File: 'file',
  Endpoint: 'endpoint',
  CompletionWindow: 'completion-window',
  Metadata: 'metadata',
  BatchId: 'batch-id',
  BaseUrl: 'base-url',
  ApiKey: 'api-key',
  Wait: 'wait',
  PollInterval: 'poll-interval',
  MaxPollInterval: 'max-poll-interval',
  WaitTimeout: 'wait-timeout',
  OnTimeout: 'on-timeout',
  CancelOnAbort: 'cancel-on-abort',
  ListLimit: 'list-limit',
  ValidateOnly: 'validate-only',
  MaxRequests: 'max-requests',
  MaxFileSize: 'max-file-size',
  Download: 'download',
  ResultsDir: 'results-dir',
  MaxFailedRequests: 'max-failed-requests',
  MaxConsecutiveErrors: 'max-consecutive-errors',
  MaxAttempts: 'max-attempts',
  RequestTimeout: 'request-timeout',
  AllowInsecureHttp: 'allow-insecure-http',
  Reuse: 'reuse',
  Comment: 'comment',
  GitHubToken: 'github-token',
  MaxBatchRequests: 'max-batch-requests',
  MaxBatchBytes: 'max-batch-bytes',
  MaxBatchTokens: 'max-batch-tokens',
  MaxConcurrentBatches: 'max-concurrent-batches',
  RetryFailed: 'retry-failed',
  RetryErrors: 'retry-errors',
  Match: 'match',
  Since: 'since',
  CancelSuperseded: 'cancel-superseded'
} as const

export const Outputs = {
  BatchId: 'batch-id',
  Status: 'status',
  InputFileId: 'input-file-id',
  OutputFileId: 'output-file-id',
  ErrorFileId: 'error-file-id',
  Total: 'total',
  Completed: 'completed',
  Failed: 'failed',
  Batch: 'batch',
  Batches: 'batches',
  Model: 'model',
  OutputPath: 'output-path',
  ErrorPath: 'error-path',
  ResultsPath: 'results-path',
  PromptTokens: 'prompt-tokens',
  CompletionTokens: 'completion-tokens',
  TotalTokens: 'total-tokens',
  BatchIds: 'batch-ids',
  Jobs: 'jobs'
} as const

export const State = {
  BatchId: 'batch-id',
  Settled: 'settled',
  IdempotencyKey: 'idempotency-key',
  InputSha256: 'input-sha256',
  /** When the step's create was first sent (Unix seconds): searches and the settle window start there. */
  SearchSince: 'search-since',
  /** Every batch of the job (a JSON array): the post step settles each of them. */
  BatchIds: 'batch-ids'
} as const

/** Environment variables the API key falls back to, in order. */
export const KeyEnvironment = ['NEBIUS_API_KEY', 'OPENAI_API_KEY'] as const
