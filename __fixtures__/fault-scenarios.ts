// The fault-injection matrix: every API call the action makes, under every kind of fault the local
// Batch API can inject. Shared by the fault tests and the README's reliability counts.
import type { FaultRule, MockOp } from '../tools/mock-batch-api/server.mjs'

export type FaultedCall = Extract<
  MockOp,
  'upload' | 'create' | 'retrieve' | 'cancel' | 'list' | 'download'
>

export const CALLS: FaultedCall[] = ['upload', 'create', 'retrieve', 'cancel', 'list', 'download']

export const FAULTS: Array<{ name: string; rule: Omit<FaultRule, 'op'> }> = [
  { name: 'connection dropped before the request is carried out', rule: { fault: 'drop-before' } },
  { name: 'connection dropped after the request is carried out', rule: { fault: 'drop-after' } },
  { name: '429 with Retry-After', rule: { fault: 'status', status: 429, retryAfter: 1 } },
  { name: '503', rule: { fault: 'status', status: 503 } },
  { name: '500 twice', rule: { fault: 'status', status: 500, times: 2 } },
  { name: 'slow answer', rule: { fault: 'delay', delayMs: 400 } },
  { name: 'stalled, not carried out', rule: { fault: 'stall' } },
  { name: 'carried out, then stalled', rule: { fault: 'stall-after' } }
]

/** Faults only a response body can have. */
export const DOWNLOAD_ONLY: Array<{ name: string; rule: Omit<FaultRule, 'op'> }> = [
  { name: 'body cut off mid-stream', rule: { fault: 'cut', afterBytes: 100 } },
  { name: 'body cut off mid-stream twice', rule: { fault: 'cut', afterBytes: 10, times: 2 } }
]

/** The outage and final-error scenarios, by the titles of their tests. */
export const OUTAGES = {
  longOutage: 'a wait survives a provider outage of many polls',
  tooManyInARow: 'fails after max-consecutive-errors with the batch id in the outputs',
  final4xx: 'a final 4xx on upload stops at once with its message, creating nothing',
  attemptsExhausted: 'gives up on upload after max-attempts'
} as const

/** The cancellation-under-fault scenarios, by the titles of their tests. */
export const CANCELLATIONS = {
  duringUpload: 'SIGINT during the upload: nothing is created afterwards, the step ends non-zero',
  duringAmbiguousCreate:
    'SIGINT during a create whose outcome is unknown: finds the batch by key and cancels it',
  duringCreateNeverDone:
    'SIGINT during a create that never happened: finds nothing, creates nothing'
} as const

/** Which batch is "this step's" across run attempts, by the titles of their tests (process/exactly-once). */
export const RERUNS = {
  running: 'running: adopts it, uploads nothing, waits on and collects it',
  completed: 'completed: collects its results and creates nothing',
  failed: 'failed: creates a new batch and says so',
  expired: 'expired: creates a new batch and says so',
  cancelled: 'cancelled: creates a new batch and says so',
  never: 'reuse: never creates a new batch on every attempt',
  busyAccount: 'a busy account with 250 newer batches: pages past them and adopts',
  matrixLegs: 'matrix legs with different metadata never adopt or cancel each other’s batch'
} as const

/** Creates whose outcome the step could not see, by the titles of their tests (process/exactly-once). */
export const AMBIGUOUS_CREATES = {
  lateWithin: 'a create answered 504 that commits within the settle window is adopted',
  lateBeyond: 'a create that commits beyond the settle window: the late duplicate is cancelled',
  listsFail:
    'a dropped create whose lists fail too: fails with the key, and post cancels the batch',
  sigintLateCommit:
    'SIGINT during a create that commits later: post finds the batch and cancels it',
  settledPost: 'a settled step’s post sends no request at all'
} as const
