// @ts-check
// The mock's types, written once as JSDoc. server.mjs re-exports the public ones, so the TypeScript
// tests see exactly what the code is checked against (`tsc -p tools`): there is no second copy to drift.

/**
 * @typedef {object} MockTimings
 * @property {number} [validatingMs] Time spent in `validating` before the input file is checked (default 200).
 * @property {number} [inProgressMs] Time to process ALL requests of a batch, spread evenly (default 1000).
 * @property {number} [finalizingMs] Time spent in `finalizing` (default 200).
 * @property {number} [cancellingMs] Time spent in `cancelling` (default 300).
 * @property {number | null} [expireMs] Any batch not finished this long after creation expires (default: none; null unsets).
 */

/** @typedef {{ validatingMs: number, inProgressMs: number, finalizingMs: number, cancellingMs: number, expireMs: number | null }} Timings */

/** @typedef {'lower' | 'upper'} StatusCase */

/**
 * The statuses of OpenAI's Batch API ('expiring' is internal: shown as in_progress).
 * @typedef {'validating' | 'failed' | 'in_progress' | 'finalizing' | 'completed' | 'expired' | 'cancelling' | 'cancelled'} BatchStatus
 */

/**
 * Other spellings of statuses, e.g. `{ completed: 'succeeded', cancelled: 'canceled' }`; applied before statusCase.
 * @typedef {Partial<Record<BatchStatus, string>>} StatusNames
 */

/**
 * Provider limits; null or absent means no limit. Fixed for a batch when it is created.
 * @typedef {object} MockLimits
 * @property {number | null} [maxRequestsPerFile] More requests in the input file: the batch fails (`request_limit_exceeded`).
 * @property {number | null} [maxBytesPerFile] A larger input file: the batch fails (`file_too_large`).
 * @property {number | null} [maxEnqueuedTokens] Estimated tokens of the batches in flight plus this one may not exceed it (`token_limit_exceeded`).
 */

/** @typedef {{ maxRequestsPerFile: number | null, maxBytesPerFile: number | null, maxEnqueuedTokens: number | null }} Limits */

/**
 * @typedef {object} MockBatchApiOptions
 * @property {number} [port] Default 0 (ephemeral). The host is always 127.0.0.1.
 * @property {string | null} [apiKey] Default 'test-key'; null disables auth.
 * @property {string} [dataDir] Where files are stored (default: a fresh temp dir, removed on close; a given dir is kept).
 * @property {MockTimings} [timings]
 * @property {StatusCase} [statusCase] 'upper' answers statuses like IN_PROGRESS.
 * @property {StatusNames} [statusNames] Other providers' spellings of statuses.
 * @property {MockLimits} [limits]
 */

/**
 * @typedef {object} MockConfigPatch
 * @property {MockTimings} [timings] Apply to batches created afterwards.
 * @property {StatusCase} [statusCase] Applies at once.
 * @property {StatusNames} [statusNames] Applies at once; replaces the previous map ({} resets).
 * @property {MockLimits} [limits] Merged into the current limits; apply to batches created afterwards.
 */

/** @typedef {{ timings: Timings, statusCase: StatusCase, statusNames: StatusNames, limits: Limits }} MockConfig */

/** @typedef {'upload' | 'file-list' | 'file-retrieve' | 'file-delete' | 'download' | 'create' | 'retrieve' | 'list' | 'cancel' | 'control' | 'unknown'} MockOp */

/**
 * Transport faults act on one HTTP request; `late-commit` and `odd-shape` change a create's answer;
 * `fail-requests` and `expire-partial` shape the batch the next create makes (several may apply at once).
 * @typedef {'drop-before' | 'drop-after' | 'status' | 'delay' | 'stall' | 'stall-after' | 'cut' | 'late-commit' | 'odd-shape' | 'fail-requests' | 'expire-partial'} FaultKind
 */

/** @typedef {'created-at-string' | 'errors-empty-array' | 'counts-strings' | 'status-null'} OddShape */

/** @typedef {'status' | 'drop' | 'stall'} LateAnswer */

/**
 * @typedef {object} FaultRule
 * @property {MockOp | '*'} op Which call; '*' matches every call except the /_mock control surface.
 * @property {FaultKind} fault
 * @property {number} [times] How many matching requests it applies to (default 1).
 * @property {number} [status] 'status' (default 500), 'late-commit' with answer 'status' (default 504), 'fail-requests' (default 500).
 * @property {number} [retryAfter] Seconds; sets Retry-After on 'status' faults.
 * @property {number} [delayMs] For 'delay' (default 1000).
 * @property {number} [afterBytes] For 'cut' (default 0): send the headers and this many body bytes, then destroy the socket.
 * @property {number} [commitAfterMs] For 'late-commit' (default 1000): the batch exists only this long after the answer.
 * @property {LateAnswer} [answer] For 'late-commit' (default 'status'): an error status, a dropped connection, or no answer.
 * @property {OddShape} [shape] For 'odd-shape': how the committed batch's answer is misshapen.
 * @property {string[]} [customIds] For 'fail-requests': these requests fail.
 * @property {string} [match] For 'fail-requests': a regular expression (source); matching custom_ids fail.
 * @property {string} [message] For 'fail-requests': the error message in the error file.
 * @property {number} [doneRequests] For 'expire-partial': requests done before the batch expires (default half).
 * @property {'batch_expired' | 'missing'} [unfinished] For 'expire-partial' (default 'batch_expired'): error lines or nothing for the rest.
 */

/** @typedef {FaultRule & { times: number }} ListedFault */
/** @typedef {ListedFault & { remaining: number }} ActiveFault */

/**
 * @typedef {object} SeedOptions
 * @property {number} count How many batches to add.
 * @property {BatchStatus} [status] Default 'completed'. Seeded batches never change by themselves.
 * @property {Record<string, string> | null | ((i: number) => Record<string, string> | null)} [metadata] Per batch i (0 = oldest).
 * @property {number} [newestAtMs] created_at of the newest seeded batch (default now).
 * @property {number} [spacingMs] Between consecutive seeded batches, going back in time (default 0: ties keep creation order).
 * @property {string} [endpoint] Default '/v1/chat/completions'.
 * @property {number} [requests] request_counts.total (default 0); completed batches report them all completed.
 */

/**
 * @typedef {object} LogEntry
 * @property {MockOp} op
 * @property {string} method
 * @property {string} path
 * @property {Record<string, string>} query
 * @property {number} status HTTP status sent; 0 when no answer was sent (dropped, stalled, client gone).
 * @property {FaultKind} [fault]
 * @property {number} at Date.now() when the request arrived.
 * @property {number} requestBytes
 * @property {boolean} authorized
 * @property {string} [batchId]
 * @property {string} [fileId]
 * @property {Record<string, string>} headers Request headers; authorization is 'REDACTED'.
 */

/** @typedef {{ code: string, message: string, param: string | null, line: number | null }} BatchError */
/** @typedef {{ object: 'list', data: BatchError[] }} ErrorList */

/**
 * @typedef {object} Usage
 * @property {number} input_tokens
 * @property {{ cached_tokens: number }} input_tokens_details
 * @property {number} output_tokens
 * @property {{ reasoning_tokens: number }} output_tokens_details
 * @property {number} total_tokens
 */

/**
 * The batch as the API answers it.
 * @typedef {object} Batch
 * @property {string} id
 * @property {'batch'} object
 * @property {string} endpoint
 * @property {string} [model] Present once the input file has been validated.
 * @property {ErrorList | null} errors
 * @property {string} input_file_id
 * @property {string} completion_window
 * @property {string} status
 * @property {string | null} output_file_id
 * @property {string | null} error_file_id
 * @property {number} created_at
 * @property {number | null} in_progress_at
 * @property {number | null} expires_at
 * @property {number | null} finalizing_at
 * @property {number | null} completed_at
 * @property {number | null} failed_at
 * @property {number | null} expired_at
 * @property {number | null} cancelling_at
 * @property {number | null} cancelled_at
 * @property {{ total: number, completed: number, failed: number }} request_counts
 * @property {Usage} usage
 * @property {Record<string, string> | null} metadata
 */

/** @typedef {{ id: string, filename: string, purpose: string, bytes: number }} MockFileInfo */

/**
 * @typedef {object} BatchFilter
 * @property {Record<string, string>} [metadata] Only batches whose metadata holds every one of these pairs.
 */

/**
 * @typedef {object} MockBatchApi
 * @property {string} url 'http://127.0.0.1:PORT/v1' (what an SDK baseURL points at).
 * @property {number} port
 * @property {string} dataDir Directory holding the stored files.
 * @property {LogEntry[]} log Every request, in arrival order.
 * @property {(patch: MockConfigPatch) => void} configure
 * @property {(rule: FaultRule) => void} addFault
 * @property {() => void} clearFaults
 * @property {() => ListedFault[]} faults Rules not yet used up, with their remaining `times`.
 * @property {(filter?: BatchFilter) => Batch[]} batches Every batch (seeded ones too), oldest first, as the API would answer it.
 * @property {(id: string) => Batch | undefined} batch One batch as the API would answer it.
 * @property {(options: SeedOptions) => string[]} seedBatches Adds foreign batches at once; returns their ids, oldest first.
 * @property {(fileId: string) => Buffer} fileBytes Content of a stored file; throws for an unknown id.
 * @property {() => MockFileInfo[]} files
 * @property {() => Promise<void>} close Closes the server, all sockets and timers; removes the temp dataDir.
 */

/** @typedef {{ id: string, filename: string, purpose: string, bytes: number, createdMs: number, path: string }} FileRec */

/** @typedef {{ index: number, status: number, message: string }} RequestFailure */

/**
 * What validation found.
 * @typedef {object} Scan
 * @property {boolean} ok
 * @property {number} total
 * @property {number[]} failIdx Indexes (sorted) of the requests that will fail.
 * @property {string | null} model
 * @property {BatchError[]} errors
 * @property {number} tokens Estimated enqueued tokens.
 * @property {number} doneMs
 */

/** @typedef {{ input: number, output: number }} TokenUsage */

/** @typedef {{ outputFileId: string | null, errorFileId: string | null, usage: TokenUsage, errors?: ErrorList, doneMs: number }} FinishResult */

/** @typedef {{ target: 'completed' | 'cancelled' | 'expired', dueMs: number, processed: number, result: FinishResult | null }} Finish */

/** @typedef {BatchStatus | 'expiring'} State */

/**
 * How the batch's requests turn out, fixed at create.
 * @typedef {object} Outcomes
 * @property {Array<{ ids: Set<string>, match: RegExp | null, status: number, message: string }>} failures
 * @property {number | null} expireAfter Requests done before expiry (null: only timings.expireMs expires).
 * @property {boolean} expireMissing The unfinished requests get no error line.
 * @property {boolean} stuck Stops at half and stays in_progress.
 * @property {boolean} failValidation
 */

/**
 * A batch as the server keeps it.
 * @typedef {object} BatchRec
 * @property {string} id
 * @property {number} seq
 * @property {number} createdMs
 * @property {Timings} t
 * @property {Limits} limits
 * @property {Outcomes} outcomes
 * @property {string} endpoint
 * @property {string} inputFileId
 * @property {string} completionWindow
 * @property {Record<string, string> | null} metadata
 * @property {State} state
 * @property {string | null} model
 * @property {Promise<unknown> | null} validation
 * @property {Scan | null} scan
 * @property {number} total
 * @property {ErrorList | null} errors
 * @property {Finish | null} finish
 * @property {string | null} outputFileId
 * @property {string | null} errorFileId
 * @property {TokenUsage | null} usage
 * @property {number | null} expiresAtMs
 * @property {number | null} inProgressAtMs
 * @property {number | null} finalizingAtMs
 * @property {number | null} completedAtMs
 * @property {number | null} failedAtMs
 * @property {number | null} expiredAtMs
 * @property {number | null} cancellingAtMs
 * @property {number | null} cancelledAtMs
 * @property {NodeJS.Timeout | null} timer
 * @property {boolean} foreign Seeded: never advances by itself.
 */

/**
 * Everything the modules share; one per server.
 * @typedef {object} ServerState
 * @property {string} dataDir
 * @property {Map<string, FileRec>} files
 * @property {Map<string, BatchRec>} batches
 * @property {LogEntry[]} log
 * @property {ActiveFault[]} faults
 * @property {MockConfig} config
 * @property {number} seq
 * @property {boolean} closed
 * @property {<T>(p: Promise<T>) => Promise<T>} track Keeps a background promise for close() to wait on.
 * @property {<S extends import('node:fs').ReadStream | import('node:fs').WriteStream>(s: S) => S} own Destroyed on close.
 * @property {Set<() => void>} wakers Sleepers woken on close.
 * @property {Set<NodeJS.Timeout>} timers Late commits, cleared on close.
 */

/**
 * One HTTP exchange.
 * @typedef {object} Ctx
 * @property {import('node:http').IncomingMessage} req
 * @property {import('node:http').ServerResponse} res
 * @property {LogEntry} entry
 * @property {ActiveFault | null} fault
 * @property {string} requestId
 */

export {}
