// The retry policy lives in net/retry.ts; this path is kept for modules that still import it here.
export { DefaultRetry, withRetry, type RetryOptions, type RetryPolicy } from './net/retry.js'
