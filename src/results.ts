// Re-exports of the results modules under their former path, so that importers compile unchanged
// while they move to ./results/, ./net/download.js and ./lib/failure-limit.js.
export { exceedsFailureLimit, parseFailureLimit, type FailureLimit } from './lib/failure-limit.js'
export {
  downloadToFile,
  HttpStatusError,
  isRetryableDownloadError,
  TruncatedBodyError,
  type DownloadOptions
} from './net/download.js'
export { joinResults } from './results/join.js'
export {
  MAX_FAILURES_LISTED,
  type FailedRequest,
  type JoinOptions,
  type JoinResult,
  type TokenUsage
} from './results/types.js'
