export const id = 335;
export const ids = [335];
export const modules = {

/***/ 4635:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $E: () => (/* binding */ supersededBatches),
/* harmony export */   I8: () => (/* binding */ jobTokens),
/* harmony export */   O0: () => (/* binding */ jobCounts),
/* harmony export */   Re: () => (/* binding */ matchesJob),
/* harmony export */   WL: () => (/* binding */ firstBatchOf),
/* harmony export */   qY: () => (/* binding */ groupJobs)
/* harmony export */ });
/* harmony import */ var _document_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2543);
/* harmony import */ var _metadata_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8055);


function tag(batch, key) {
    const value = batch.metadata?.[key];
    return typeof value === 'string' ? value : undefined;
}
/**
 * A batch `collect` takes: made by the action (it carries `batch_action_key`), in this repository
 * (outside Actions, where there is none, only batches made outside Actions), and carrying every
 * pair of `match`.
 */
function matchesJob(batch, filter) {
    if ((0,_metadata_js__WEBPACK_IMPORTED_MODULE_1__/* .jobIdOf */ .wb)(batch) === undefined)
        return false;
    if (tag(batch, _metadata_js__WEBPACK_IMPORTED_MODULE_1__/* .MetadataKeys */ .yg.Repository) !== filter.repository)
        return false;
    return Object.entries(filter.match).every(([key, value]) => tag(batch, key) === value);
}
const FAILED_ORDER = ['failed', 'expired', 'cancelled'];
function byPlace(a, b) {
    const pa = (0,_metadata_js__WEBPACK_IMPORTED_MODULE_1__/* .partOf */ .BU)(a);
    const pb = (0,_metadata_js__WEBPACK_IMPORTED_MODULE_1__/* .partOf */ .BU)(b);
    return pa.round - pb.round || pa.part - pb.part || (a.created_at ?? 0) - (b.created_at ?? 0);
}
function jobOf(id, unordered) {
    const batches = [...unordered].sort(byPlace);
    // Batches sorted by place: the last one seen for a place is its latest try.
    const bySlot = new Map();
    for (const batch of batches) {
        const { round, part } = (0,_metadata_js__WEBPACK_IMPORTED_MODULE_1__/* .partOf */ .BU)(batch);
        bySlot.set(`${round}/${part}`, batch);
    }
    const latest = [...bySlot.values()];
    const lastRound = Math.max(...latest.map((batch) => (0,_metadata_js__WEBPACK_IMPORTED_MODULE_1__/* .partOf */ .BU)(batch).round));
    const lastBatches = latest.filter((batch) => (0,_metadata_js__WEBPACK_IMPORTED_MODULE_1__/* .partOf */ .BU)(batch).round === lastRound);
    const parts = Math.max(...lastBatches.map((batch) => (0,_metadata_js__WEBPACK_IMPORTED_MODULE_1__/* .partOf */ .BU)(batch).parts));
    const present = new Set(lastBatches.map((batch) => (0,_metadata_js__WEBPACK_IMPORTED_MODULE_1__/* .partOf */ .BU)(batch).part));
    const missingParts = Array.from({ length: parts }, (_, i) => i + 1).filter((p) => !present.has(p));
    const allTerminal = batches.every((batch) => (0,_document_js__WEBPACK_IMPORTED_MODULE_0__/* .isTerminal */ .Hd)(batch.status));
    let status;
    if (!allTerminal)
        status = 'running';
    else if (missingParts.length > 0)
        status = 'incomplete';
    else
        status =
            FAILED_ORDER.find((failed) => lastBatches.some((batch) => batch.status === failed)) ??
                'completed';
    return {
        id,
        batches,
        latest,
        ended: allTerminal && missingParts.length === 0,
        status,
        missingParts,
        metadata: (0,_metadata_js__WEBPACK_IMPORTED_MODULE_1__/* .userMetadataOf */ .IQ)(batches[0])
    };
}
/** The batches grouped into jobs, the job with the oldest first batch first. */
function groupJobs(batches) {
    const groups = new Map();
    for (const batch of batches) {
        const id = (0,_metadata_js__WEBPACK_IMPORTED_MODULE_1__/* .jobIdOf */ .wb)(batch);
        if (id === undefined)
            continue;
        const group = groups.get(id);
        if (group)
            group.push(batch);
        else
            groups.set(id, [batch]);
    }
    const jobs = [...groups].map(([id, group]) => jobOf(id, group));
    const createdOf = (job) => Math.min(...job.batches.map((b) => b.created_at ?? 0));
    return jobs.sort((a, b) => createdOf(a) - createdOf(b) || a.id.localeCompare(b.id));
}
/** The job's first batch (part 1 of round 0, its first try): its id names the job's results folder. */
function firstBatchOf(job) {
    return job.batches[0];
}
/**
 * The job's request counts as its batches report them (the joined results, once collected, are
 * the better figure): the requests of round 0, those completed in any round, and, once the job has
 * ended, every request that did not complete.
 */
function jobCounts(job) {
    const counts = job.latest.map((batch) => ({ ...(0,_document_js__WEBPACK_IMPORTED_MODULE_0__/* .requestCounts */ .q3)(batch), ...(0,_metadata_js__WEBPACK_IMPORTED_MODULE_1__/* .partOf */ .BU)(batch) }));
    const total = counts.filter((c) => c.round === 0).reduce((sum, c) => sum + c.total, 0);
    const completed = counts.reduce((sum, c) => sum + c.completed, 0);
    const lastRound = Math.max(...counts.map((c) => c.round));
    const failed = job.ended
        ? Math.max(0, total - completed)
        : counts.filter((c) => c.round === lastRound).reduce((sum, c) => sum + c.failed, 0);
    return { total, completed, failed };
}
/** The tokens the job's batches report, over every batch of every round: what was billed. */
function jobTokens(job) {
    const sum = { prompt: 0, completion: 0, total: 0 };
    for (const batch of job.batches) {
        const usage = (0,_document_js__WEBPACK_IMPORTED_MODULE_0__/* .batchUsage */ .MS)(batch);
        if (!usage)
            continue;
        sum.prompt += usage.prompt;
        sum.completion += usage.completion;
        sum.total += usage.total;
    }
    return sum;
}
function wholeRunId(text) {
    return text !== undefined && /^\d+$/.test(text.trim()) ? Number(text) : undefined;
}
/**
 * The batches of earlier runs that this run supersedes: made by the action in the same repository,
 * workflow, job and step, by a run with a smaller run id (an earlier run, never this one or a
 * newer one), on the same pull request (with `auto`, only on pull-request events; with `true`, on
 * other events the same ref), and still running (neither ended nor being cancelled).
 */
function supersededBatches(batches, context, mode) {
    if (mode === 'false' || !context.inActions)
        return [];
    const pullRequest = (0,_metadata_js__WEBPACK_IMPORTED_MODULE_1__/* .pullRequestOfRun */ .XQ)(context);
    if (mode === 'auto' && pullRequest === undefined)
        return [];
    const runId = wholeRunId(context.runId);
    const same = [
        [_metadata_js__WEBPACK_IMPORTED_MODULE_1__/* .MetadataKeys */ .yg.Repository, context.repository],
        [_metadata_js__WEBPACK_IMPORTED_MODULE_1__/* .MetadataKeys */ .yg.Workflow, context.workflow],
        [_metadata_js__WEBPACK_IMPORTED_MODULE_1__/* .MetadataKeys */ .yg.Job, context.job],
        [_metadata_js__WEBPACK_IMPORTED_MODULE_1__/* .MetadataKeys */ .yg.Step, context.action]
    ];
    if (runId === undefined || same.some(([, value]) => value === undefined))
        return [];
    if (pullRequest === undefined && context.ref === undefined)
        return [];
    const found = [];
    for (const batch of batches) {
        if ((0,_metadata_js__WEBPACK_IMPORTED_MODULE_1__/* .jobIdOf */ .wb)(batch) === undefined)
            continue;
        if ((0,_document_js__WEBPACK_IMPORTED_MODULE_0__/* .isTerminal */ .Hd)(batch.status) || batch.status === 'cancelling')
            continue;
        if (!same.every(([key, value]) => tag(batch, key) === value))
            continue;
        const theirRun = wholeRunId(tag(batch, _metadata_js__WEBPACK_IMPORTED_MODULE_1__/* .MetadataKeys */ .yg.RunId));
        if (theirRun === undefined || theirRun >= runId)
            continue;
        if (pullRequest !== undefined) {
            if (tag(batch, _metadata_js__WEBPACK_IMPORTED_MODULE_1__/* .MetadataKeys */ .yg.PullRequest) !== String(pullRequest))
                continue;
            found.push({ batch, runId: String(theirRun), pullRequest });
        }
        else {
            // A pull request's batch is its pull request's alone, whatever its ref.
            if (tag(batch, _metadata_js__WEBPACK_IMPORTED_MODULE_1__/* .MetadataKeys */ .yg.PullRequest) !== undefined)
                continue;
            if (tag(batch, _metadata_js__WEBPACK_IMPORTED_MODULE_1__/* .MetadataKeys */ .yg.Ref) !== context.ref)
                continue;
            found.push({ batch, runId: String(theirRun), ref: context.ref });
        }
    }
    return found;
}


/***/ }),

/***/ 7655:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $x: () => (/* binding */ JobView),
/* harmony export */   NB: () => (/* binding */ batchLabel)
/* harmony export */ });
/* unused harmony export jobAsBatch */
/* harmony import */ var _action_names_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2814);
/* harmony import */ var _batch_document_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2543);
/* harmony import */ var _job_keys_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3051);
/* harmony import */ var _job_status_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2881);
// What a step knows of the batches of its job, kept current as answers come in: one entry per batch,
// in part and round order, and one view of the whole that the outputs, the summary and the comment
// read as if it were one batch.




/** The name of a batch in the log: `batch_x (part 2/3, round 1)`. */
function batchLabel(entry) {
    const where = [
        entry.parts > 1 ? `part ${(0,_job_keys_js__WEBPACK_IMPORTED_MODULE_3__/* .partTag */ .MT)(entry)}` : '',
        entry.round > 0 ? `round ${entry.round}` : ''
    ]
        .filter((text) => text !== '')
        .join(', ');
    return where ? `${entry.id} (${where})` : entry.id;
}
/** The earliest of a set of Unix times, or the latest; undefined when none is known. */
function extreme(values, pick) {
    const known = values.filter((value) => typeof value === 'number');
    if (known.length === 0)
        return undefined;
    return pick === 'min' ? Math.min(...known) : Math.max(...known);
}
/**
 * The job as one batch: the id and errors of the batch its status comes from, the status of the
 * job, its request counts, the first creation and the last end. What reads one batch (the outcome,
 * the summary, the comment) reads the job through it.
 */
function jobAsBatch(entries) {
    const behind = (0,_job_status_js__WEBPACK_IMPORTED_MODULE_2__/* .batchBehindStatus */ .XJ)(entries);
    if (!behind)
        throw new Error('A job has at least one batch');
    if (entries.length === 1)
        return behind.batch;
    const batches = entries.map((entry) => entry.batch);
    const status = (0,_job_status_js__WEBPACK_IMPORTED_MODULE_2__/* .jobStatus */ .WB)(entries);
    const ended = !(0,_batch_document_js__WEBPACK_IMPORTED_MODULE_1__/* .isTerminal */ .Hd)(status)
        ? {}
        : {
            [`${status}_at`]: extreme(batches.map((batch) => batch[`${status}_at`]), 'max')
        };
    return {
        ...behind.batch,
        status,
        request_counts: (0,_job_status_js__WEBPACK_IMPORTED_MODULE_2__/* .jobCounts */ .O0)(entries),
        created_at: extreme(batches.map((batch) => batch.created_at), 'min'),
        in_progress_at: extreme(batches.map((batch) => batch.in_progress_at), 'min'),
        ...ended
    };
}
class JobView {
    log;
    outputs;
    entries = new Map();
    constructor(log, outputs) {
        this.log = log;
        this.outputs = outputs;
    }
    get size() {
        return this.entries.size;
    }
    /** Every batch, in part and round order. */
    list() {
        return (0,_job_status_js__WEBPACK_IMPORTED_MODULE_2__/* .inJobOrder */ .P)([...this.entries.values()]);
    }
    ids() {
        return this.list().map((entry) => entry.batch.id);
    }
    /** The first batch of the job (part 1 of round 0): it names the job's results folder. */
    first() {
        return this.list()[0];
    }
    get(id) {
        return this.entries.get(id);
    }
    /** A batch the provider refused for its token limit, sent again: it no longer counts for the job. */
    markReplaced(id) {
        const entry = this.entries.get(id);
        if (entry)
            this.entries.set(id, { ...entry, replaced: true });
        this.writeOutputs();
    }
    /** The batches still running. */
    running() {
        return this.list().filter((entry) => !(0,_batch_document_js__WEBPACK_IMPORTED_MODULE_1__/* .isTerminal */ .Hd)(entry.batch.status));
    }
    /** Records an answer about one batch; logs a change of status; keeps the outputs current. */
    track(place, batch) {
        const previous = this.entries.get(batch.id);
        const { round, part, parts } = place;
        const replaced = place.replaced ?? previous?.replaced;
        this.entries.set(batch.id, { round, part, parts, batch, ...(replaced ? { replaced } : {}) });
        if (previous?.batch.status !== batch.status)
            this.log.info(`Batch ${batchLabel({ ...place, id: batch.id })} is ${(0,_batch_document_js__WEBPACK_IMPORTED_MODULE_1__/* .describeProgress */ .vk)(batch)}`);
        else
            this.log.debug(`Batch ${batch.id} is ${(0,_batch_document_js__WEBPACK_IMPORTED_MODULE_1__/* .describeProgress */ .vk)(batch)}`);
        this.writeOutputs();
    }
    /** The job as one batch (see jobAsBatch). */
    asBatch() {
        return this.entries.size > 0 ? jobAsBatch(this.list()) : undefined;
    }
    writeOutputs() {
        const view = this.asBatch();
        const first = this.first();
        if (!view || !first)
            return;
        this.outputs.setBatch(view);
        // The first part's, for simple workflows; every id is in batch-ids.
        this.outputs.set(_action_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Outputs */ .tY.BatchId, first.batch.id);
        this.outputs.set(_action_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Outputs */ .tY.InputFileId, first.batch.input_file_id);
        this.outputs.set(_action_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Outputs */ .tY.OutputFileId, first.batch.output_file_id);
        this.outputs.set(_action_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Outputs */ .tY.ErrorFileId, first.batch.error_file_id);
        this.outputs.set(_action_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Outputs */ .tY.Batch, JSON.stringify(first.batch));
        this.outputs.set(_action_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Outputs */ .tY.BatchIds, JSON.stringify(this.ids()));
    }
}


/***/ }),

/***/ 3691:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hc: () => (/* binding */ waitForAny)
/* harmony export */ });
/* unused harmony exports readInFlight, inFlightAsOne */
/* harmony import */ var _batch_document_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2543);
/* harmony import */ var _batch_poll_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3214);
/* harmony import */ var _lib_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7268);
/* harmony import */ var _step_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7134);
// The one wait loop of a job: it polls the batches in flight together and returns as soon as one of
// them has ended, so that the next part can be submitted. The polling is per step, not per batch:
// one `list` page answers for every batch in flight (the newest batches of the account), and only a
// batch missing from it (an account that created more than a page of batches since) is retrieved
// on its own. The delays are those of a single batch's wait (poll.ts), on the batches' summed counts.




/** The batches in flight, read together: one list page, and a retrieve for any it lacks. */
async function readInFlight(env, ids, signal) {
    const api = (0,_step_js__WEBPACK_IMPORTED_MODULE_3__/* .requireApi */ .C)(env);
    if (ids.length === 1)
        return [await api.retrieveOnce(ids[0], signal)];
    const listed = new Map((await api.listNewestOnce(signal)).map((batch) => [batch.id, batch]));
    return Promise.all(ids.map((id) => listed.get(id) ?? api.retrieveOnce(id, signal)));
}
/**
 * The batches in flight seen as one, for the wait's planner: "ended" (completed) once any of them
 * ended, finalizing when all are, else running; the counts summed, so a prediction of the end is
 * made from their joint progress.
 */
function inFlightAsOne(batches) {
    const counts = { total: 0, completed: 0, failed: 0 };
    for (const batch of batches) {
        counts.total += batch.request_counts?.total ?? 0;
        counts.completed += batch.request_counts?.completed ?? 0;
        counts.failed += batch.request_counts?.failed ?? 0;
    }
    const status = batches.some((batch) => (0,_batch_document_js__WEBPACK_IMPORTED_MODULE_0__/* .isTerminal */ .Hd)(batch.status))
        ? 'completed'
        : batches.every((batch) => batch.status === 'finalizing' || batch.status === 'cancelling')
            ? 'finalizing'
            : batches.some((batch) => batch.status === 'in_progress')
                ? 'in_progress'
                : 'validating';
    return { id: batches.map((batch) => batch.id).join(','), status, request_counts: counts };
}
/** Waits until a batch in flight ends, or the job's deadline passes. */
async function waitForAny(env, view, inFlight, deadline, now) {
    const { inputs } = env;
    const ids = [...inFlight.keys()];
    const current = () => ids.map((id) => view.get(id)?.batch);
    const warned = new Set();
    try {
        const result = await (0,_batch_poll_js__WEBPACK_IMPORTED_MODULE_1__/* .waitForBatch */ .nr)(inFlightAsOne(current()), {
            retrieve: async (signal) => {
                for (const batch of await readInFlight(env, ids, signal)) {
                    const plan = inFlight.get(batch.id);
                    view.track(plan, batch);
                    if (!(0,_batch_document_js__WEBPACK_IMPORTED_MODULE_0__/* .isKnownStatus */ .ih)(batch.status) && !warned.has(`${batch.id} ${batch.status}`)) {
                        warned.add(`${batch.id} ${batch.status}`);
                        env.log.warning(`Batch ${batch.id} reports the status "${batch.status}", which the action does not know; it keeps polling until wait-timeout, and does not report success unless a known status follows`);
                    }
                }
                return inFlightAsOne(current());
            },
            now,
            onPollError: (error, consecutive, delay) => env.log.warning(`Poll ${consecutive} of at most ${inputs.maxConsecutiveErrors} in a row failed: ${env.redact((0,_lib_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .describeApiError */ .g)(error, inputs))}; trying again in ${Math.round(delay / 1000)}s`)
        }, {
            initialMs: inputs.pollIntervalMs,
            maxMs: inputs.maxPollIntervalMs,
            timeoutMs: Math.max(0, deadline - now()),
            maxConsecutiveErrors: inputs.maxConsecutiveErrors,
            signal: env.signal
        });
        return { timedOut: result.timedOut };
    }
    catch (error) {
        if (error instanceof _batch_poll_js__WEBPACK_IMPORTED_MODULE_1__/* .PollError */ .SD) {
            const first = current()[0];
            throw new _batch_poll_js__WEBPACK_IMPORTED_MODULE_1__/* .PollError */ .SD(error.message, first, error.cause);
        }
        throw error;
    }
}


/***/ }),

/***/ 1335:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runBatch: () => (/* binding */ runBatch)
});

// EXTERNAL MODULE: ./src/action/names.ts
var names = __webpack_require__(2814);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/batch/idempotency.ts

/** Metadata as sorted pairs, so that the order the user wrote them in does not change the key. */
function canonicalMetadata(metadata) {
    // sort() with no comparator orders by UTF-16 code units, as `<` on strings does: the keys made
    // before this was written keep their order, hence their key.
    return JSON.stringify(Object.keys(metadata)
        .sort()
        .map((name) => [name, metadata[name]]));
}
/**
 * The host of base-url: the same step against two providers makes two batches. The URL parser
 * lower-cases the host, so every spelling of one host gives one key.
 */
function apiHost(baseUrl) {
    try {
        return new URL(baseUrl).host;
    }
    catch {
        return baseUrl;
    }
}
/** The parts the key is a hash of, in a fixed order; compute the key once per step. */
function keyParts(identity, position = {}) {
    const { context } = identity;
    const scope = context.inActions && context.runId
        ? [
            'actions',
            context.repository ?? '',
            context.runId,
            context.job ?? '',
            context.action ?? '',
            identity.reuse === 'never' ? `attempt ${context.runAttempt ?? '1'}` : 'any attempt'
        ]
        : // Outside GitHub Actions there is no run to tie a key to: each step's key is its own.
            [(0,external_node_crypto_.randomUUID)()];
    return [
        ...scope,
        identity.fileSha256,
        identity.endpoint,
        identity.completionWindow,
        canonicalMetadata(identity.metadata),
        apiHost(identity.baseUrl),
        `part ${position.part ?? 0}`,
        `round ${position.round ?? 0}`
    ];
}
/**
 * The key that makes `create` idempotent and names "this step's batch": the same step of the same
 * run, sending the same file with the same inputs, always gets the same key, in every run attempt
 * (so a re-run finds the earlier attempt's batch) unless `reuse: never` asks for a batch per attempt.
 */
function idempotencyKey(identity, position = {}) {
    return (0,external_node_crypto_.createHash)('sha256')
        .update(JSON.stringify(keyParts(identity, position)))
        .digest('hex')
        .slice(0, 32);
}

// EXTERNAL MODULE: ./src/batch/metadata.ts
var batch_metadata = __webpack_require__(8055);
// EXTERNAL MODULE: ./src/net/abort.ts
var abort = __webpack_require__(3961);
// EXTERNAL MODULE: ./src/net/retry.ts
var retry = __webpack_require__(7893);
// EXTERNAL MODULE: ./src/batch/document.ts
var batch_document = __webpack_require__(2543);
// EXTERNAL MODULE: ./src/batch/reconcile.ts
var reconcile = __webpack_require__(5852);
;// CONCATENATED MODULE: ./src/batch/create-once.ts
// A create sent at most once in effect, however its answer is lost: reconciled by the idempotency
// key over the settle window (reconcile.ts), with duplicates that commit late cancelled.





/** Every transient failure but a 429 may hide a create that was carried out (or commits later). */
function mayHaveCommitted(error) {
    return error.status !== 429;
}
/** The create was sent, its answer was lost, and `list` never answered: the batch may exist. */
class UnsettledCreate extends Error {
    key;
    createError;
    listError;
    constructor(key, createError, listError) {
        super('Could not tell whether the batch was created');
        this.key = key;
        this.createError = createError;
        this.listError = listError;
        this.name = 'UnsettledCreate';
    }
}
/**
 * Creates the batch at most once in effect. A create that failed in a way that may have been
 * carried out (a 5xx, a dropped connection, a timeout) is reconciled before it is sent again:
 * `list` is read over the settle window, and a batch carrying the key is adopted. After such a
 * create, one more list keeps the oldest batch with the key and cancels any other.
 */
async function createExactlyOnce(api, params, options) {
    const { mark, log, signal } = options;
    const now = options.now ?? Date.now;
    const since = Math.floor(now() / 1000) - reconcile/* CLOCK_SKEW_S */.yV;
    let ambiguous = false;
    for (let attempt = 1;; attempt++) {
        try {
            const batch = await api.createOnce(params, signal);
            if (!ambiguous)
                return { batch, adopted: false, ambiguous, since };
            const kept = await sweepDuplicates(api, mark, since, log, { keep: 'oldest', signal });
            return {
                batch: kept ?? batch,
                adopted: kept !== undefined && kept.id !== batch.id,
                ambiguous,
                since
            };
        }
        catch (error) {
            if ((0,abort/* isAbort */.rV)(error, signal) || !(0,retry/* isTransientApiError */.f0)(error))
                throw error;
            if (attempt >= options.maxAttempts && !mayHaveCommitted(error))
                throw error;
            if (!mayHaveCommitted(error)) {
                // A rate limit is a refusal: nothing was created. Wait as asked, then send it again.
                const delay = (0,retry/* retryDelayMs */.qO)(attempt, error, retry/* DefaultRetry */.ak);
                log.info(`Create batch failed (attempt ${attempt} of ${options.maxAttempts}: ${error.message}); retrying in ${(delay / 1000).toFixed(1)}s`);
                await (options.sleep ?? abort/* sleep */.yy)(delay, signal);
                continue;
            }
            ambiguous = true;
            log.info(`Create batch failed (attempt ${attempt} of ${options.maxAttempts}: ${error.message}); it may have been carried out, so looking for it by key for up to ${Math.round(options.settleWindowMs / 1000)}s before sending it again`);
            const found = await (0,reconcile/* settle */.G9)(api, mark, log, {
                since,
                windowMs: options.settleWindowMs,
                signal,
                sleep: options.sleep,
                now
            });
            if (found.unknown)
                throw new UnsettledCreate(mark.key, error, found.lastError);
            if (found.own.length > 0) {
                const kept = await cancelAllButOldest(api, found.own, log, signal);
                return { batch: kept, adopted: true, ambiguous, since };
            }
            if (attempt >= options.maxAttempts)
                throw error;
        }
    }
}
/**
 * Lists once more for batches with this step's key. `keep: 'oldest'` keeps the oldest and cancels
 * the rest; a batch id keeps that one. Returns the batch kept, or undefined when none was listed
 * (or the list failed: the step goes on with the batch it has, and says so).
 */
async function sweepDuplicates(api, mark, since, log, options) {
    let own;
    try {
        own = await api.retry('Looking for duplicate batches', () => (0,reconcile/* findOwnBatches */.mj)(api, mark, since, log, options.signal), options.signal);
    }
    catch (error) {
        if ((0,abort/* isAbort */.rV)(error, options.signal))
            throw error;
        log.warning(`Could not list batches to check for a duplicate of this step's batch (${error.message}); look for metadata ${batch_metadata/* MetadataKeys */.yg.IdempotencyKey}=${mark.key} with command: list`);
        return undefined;
    }
    if (own.length === 0)
        return undefined;
    if (options.keep === 'oldest')
        return cancelAllButOldest(api, own, log, options.signal);
    const kept = own.find((batch) => batch.id === options.keep);
    await cancelOthers(api, own.filter((batch) => batch.id !== options.keep), options.keep, log, options.signal);
    return kept;
}
async function cancelAllButOldest(api, own, log, signal) {
    const [oldest, ...rest] = [...own].sort(reconcile/* byAge */.jI);
    await cancelOthers(api, rest, oldest.id, log, signal);
    return oldest;
}
async function cancelOthers(api, duplicates, keptId, log, signal) {
    for (const duplicate of duplicates) {
        if ((0,batch_document/* isTerminal */.Hd)(duplicate.status) || duplicate.status === 'cancelling')
            continue;
        try {
            const cancelled = await api.cancel(duplicate.id, signal);
            log.warning(`Batch ${duplicate.id} duplicates this step's batch ${keptId} (a create committed late); cancelled it (now ${cancelled.status})`);
        }
        catch (error) {
            if ((0,abort/* isAbort */.rV)(error, signal))
                throw error;
            log.warning(`Batch ${duplicate.id} duplicates this step's batch ${keptId}, and cancelling it failed (${error.message}); cancel it with command: cancel, batch-id: ${duplicate.id}`);
        }
    }
}

// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(7268);
// EXTERNAL MODULE: ./src/lib/format.ts
var format = __webpack_require__(432);
// EXTERNAL MODULE: ./src/lib/parse-duration.ts
var parse_duration = __webpack_require__(6225);
// EXTERNAL MODULE: ./src/commands/collect.ts + 5 modules
var collect = __webpack_require__(8293);
// EXTERNAL MODULE: ./src/commands/failure.ts
var failure = __webpack_require__(9776);
// EXTERNAL MODULE: ./src/batch/ledger.ts
var ledger = __webpack_require__(4635);
// EXTERNAL MODULE: ./src/commands/step.ts
var step = __webpack_require__(7134);
;// CONCATENATED MODULE: ./src/commands/superseded.ts
// cancel-superseded: before a run creates its batch, the running batches of earlier runs of the
// same step on the same pull request (or ref) are cancelled, as `concurrency: cancel-in-progress`
// does for jobs: a new push stops paying for the previous push's batch. Which batches those are is
// ledger.ts's; this file lists, cancels and tells. Nothing here fails the step.







/** When completion-window is not a duration the action can read, the search looks back this far. */
const FALLBACK_WINDOW_MS = 24 * 60 * 60 * 1000;
/** Whether cancel-superseded applies to this run at all (so that nothing is listed when not). */
function supersedingApplies(env) {
    const mode = env.inputs.cancelSuperseded;
    if (mode === 'false' || !env.context.inActions)
        return false;
    return mode === 'true' || (0,batch_metadata/* pullRequestOfRun */.XQ)(env.context) !== undefined;
}
function why(found) {
    return found.pullRequest !== undefined
        ? `on pull request #${found.pullRequest}`
        : `on ${found.ref ?? 'the same ref'}`;
}
function windowMs(completionWindow) {
    try {
        return (0,parse_duration/* parseDuration */.E)(completionWindow);
    }
    catch {
        return FALLBACK_WINDOW_MS;
    }
}
/**
 * Lists the account's batches back to the completion window plus an hour (older ones have ended),
 * and cancels, side by side, those this run supersedes. Each is logged and kept in the findings
 * for the summary. A list or cancel that fails is a warning: the run goes on.
 */
async function cancelSuperseded(env, now = Date.now) {
    if (!supersedingApplies(env))
        return [];
    const { inputs, log, signal } = env;
    const api = (0,step/* requireApi */.C)(env);
    const since = (0,reconcile/* rerunCutoff */.m2)(now(), windowMs(inputs.completionWindow));
    let found;
    try {
        const listed = await api.retry('Looking for superseded batches', () => api.listSince(since, signal), signal);
        found = (0,ledger/* supersededBatches */.$E)(listed, env.context, inputs.cancelSuperseded);
    }
    catch (error) {
        if ((0,abort/* isAbort */.rV)(error, signal))
            throw error;
        log.warning(env.redact(`Could not list batches to cancel those of earlier runs (cancel-superseded): ${(0,errors/* describeApiError */.g)(error, inputs)}; they are left running`));
        return [];
    }
    if (found.length === 0) {
        log.debug('cancel-superseded: no running batch of an earlier run of this step');
        return [];
    }
    const settled = await Promise.allSettled(found.map((superseded) => api.cancel(superseded.batch.id, signal)));
    const cancelled = [];
    for (const [index, outcome] of settled.entries()) {
        const superseded = found[index];
        const { id } = superseded.batch;
        if (outcome.status === 'rejected') {
            if ((0,abort/* isAbort */.rV)(outcome.reason, signal))
                throw outcome.reason;
            log.warning(env.redact(`Could not cancel batch ${id} of run ${superseded.runId} (superseded by this run ${why(superseded)}): ${(0,errors/* describeApiError */.g)(outcome.reason, inputs)}; it runs on`));
            continue;
        }
        log.info(`Cancelled batch ${id} of run ${superseded.runId} (superseded by this run ${why(superseded)})`);
        cancelled.push({
            id,
            runId: superseded.runId,
            status: outcome.value.status,
            ...(superseded.pullRequest !== undefined ? { pullRequest: superseded.pullRequest } : {}),
            ...(superseded.ref !== undefined ? { ref: superseded.ref } : {})
        });
    }
    env.findings.superseded.push(...cancelled);
    return cancelled;
}

// EXTERNAL MODULE: ./src/commands/validate.ts + 1 modules
var validate = __webpack_require__(3603);
// EXTERNAL MODULE: ./src/batch/providers.ts
var providers = __webpack_require__(6906);
;// CONCATENATED MODULE: ./src/job/limits.ts


function sizeText(bytes) {
    return `${(0,format/* formatBytes */.z3)(bytes)} (${(0,format/* formatNumber */.ZV)(bytes)} bytes)`;
}
function overWarning(input, value, limit, provider) {
    return (`${input} is ${value}, more than the ${limit} ${provider.name} accepts in one batch: ` +
        `the value is kept, and ${provider.name} may fail parts that large`);
}
/**
 * The part limits of a job: each max-batch-* input when set, else the provider's limit (an unknown
 * provider has none, so its input is one part unless an input is set). A value over the provider's
 * limit is kept (the table may be out of date, and the provider has the last word) with a warning.
 * There is no provider token limit: without max-batch-tokens, parts are not split by tokens.
 */
function partLimitsFor(provider, inputs) {
    const warnings = [];
    const maxRequests = inputs.maxBatchRequests ?? provider.maxRequests;
    const maxBytes = inputs.maxBatchBytes ?? provider.maxFileBytes;
    if (inputs.maxBatchRequests !== undefined &&
        provider.maxRequests !== undefined &&
        inputs.maxBatchRequests > provider.maxRequests) {
        warnings.push(overWarning(names/* Inputs */.G0.MaxBatchRequests, (0,format/* formatNumber */.ZV)(inputs.maxBatchRequests), `${(0,format/* formatNumber */.ZV)(provider.maxRequests)} requests`, provider));
    }
    if (inputs.maxBatchBytes !== undefined &&
        provider.maxFileBytes !== undefined &&
        inputs.maxBatchBytes > provider.maxFileBytes) {
        warnings.push(overWarning(names/* Inputs */.G0.MaxBatchBytes, sizeText(inputs.maxBatchBytes), sizeText(provider.maxFileBytes), provider));
    }
    const limits = { warnings };
    if (maxRequests !== undefined)
        limits.maxRequests = maxRequests;
    if (maxBytes !== undefined)
        limits.maxBytes = maxBytes;
    if (inputs.maxBatchTokens !== undefined)
        limits.maxTokens = inputs.maxBatchTokens;
    return limits;
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./src/jsonl/measure.ts
// The hash-only pass over an input, before anything is sent: its SHA-256 (for the idempotency key,
// which the look-up for an earlier attempt's batch needs before any upload), its size and its
// line count (to tell whether it fits one batch). No line is parsed: the validation happens
// while the file is uploaded (../validate/file.ts validatingChunks).



/** Large reads: nothing is decoded, so nothing young-generation-sized is at stake here. */
const READ_BYTES = 1024 * 1024;
/** Counts the line feeds of one read. */
function countNewlines(bytes) {
    let count = 0;
    for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1))
        count++;
    return count;
}
/** The lines of a file of `newlines` line feeds whose last byte is `lastByte` (undefined: empty). */
function lineCount(newlines, lastByte) {
    return lastByte === undefined || lastByte === 10 ? newlines : newlines + 1;
}
/** Reads the file once, hashing and counting; stops with the signal's reason when it fires. */
async function measureFile(path, signal, readBytes = READ_BYTES) {
    const handle = await (0,promises_.open)(path, 'r');
    const hash = (0,external_node_crypto_.createHash)('sha256');
    const buffer = Buffer.allocUnsafe(readBytes);
    let bytes = 0;
    let newlines = 0;
    let lastByte;
    try {
        for (;;) {
            if (signal?.aborted)
                throw (0,abort/* abortReason */.Js)(signal);
            const { bytesRead } = await handle.read(buffer, 0, readBytes, null);
            if (bytesRead === 0)
                break;
            const chunk = buffer.subarray(0, bytesRead);
            hash.update(chunk);
            newlines += countNewlines(chunk);
            lastByte = chunk[bytesRead - 1];
            bytes += bytesRead;
        }
    }
    finally {
        await handle.close();
    }
    return { bytes, sha256: hash.digest('hex'), lines: lineCount(newlines, lastByte) };
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/openai/index.mjs + 230 modules
var openai = __webpack_require__(5626);
// EXTERNAL MODULE: ./src/validate/file.ts + 5 modules
var validate_file = __webpack_require__(2609);
// EXTERNAL MODULE: ./src/net/upload.ts
var upload = __webpack_require__(6282);
;// CONCATENATED MODULE: ./src/net/checked-upload.ts
// The upload of the one pass of `run`, which validates the bytes it sends. A module of its own:
// it brings the validator (and zod) along, which the API client and the commands that only read
// batches (list, status, cancel) do not need at start-up.




/**
 * Validate while uploading, for the one pass of `run`: the file as an upload that checks every line
 * on the way, as validateRequestsFile does, and holds back its last chunk until the whole file
 * checked out and its bytes are the ones `hashed` for the idempotency key (the look-up that came
 * before the upload trusted them). A bad line stops the body with a ValidationFailedError (from
 * ../validate/file.ts), a file changed since with a FileChangedError, before the multipart body
 * is complete, so the provider never stores the file; `onReport` hears the report either way. Each
 * call reads and checks the file afresh, so a retried upload is validated again.
 */
function checkedUpload(file, options, hashed, onReport) {
    let stopped;
    const check = (report) => {
        onReport(report);
        if (report.problemCount > 0)
            return;
        const read = { bytes: report.bytes, sha256: report.sha256 };
        const mismatch = (0,upload/* sentBytesMismatch */.aZ)(file, read, hashed, upload/* ONE_PASS */.R4);
        if (mismatch)
            throw new upload/* FileChangedError */.jL(mismatch);
    };
    async function* recorded() {
        try {
            yield* (0,validate_file/* validatingChunks */.Wl)(file, options, check);
        }
        catch (error) {
            // The SDK wraps what the body threw in a connection error: this keeps it as it was.
            stopped = error;
            throw error;
        }
    }
    return {
        file: (0,openai/* toStreamingFile */.u3)(recorded(), external_node_path_default().basename(file), { type: 'application/jsonl' }),
        stopped: () => stopped
    };
}

;// CONCATENATED MODULE: ./src/commands/one-pass.ts










/** Whether the inputs allow the one pass at all, before the file is read. */
function onePassAllowed(inputs) {
    return inputs.retryFailed === 0 && inputs.maxBatchTokens === undefined;
}
/** Whether a file of this size and line count is one batch under these limits. */
function fitsOnePart(limits, measured) {
    if (limits.maxTokens !== undefined)
        return false;
    if (limits.maxRequests !== undefined && measured.lines > limits.maxRequests)
        return false;
    return limits.maxBytes === undefined || measured.bytes <= limits.maxBytes;
}
/**
 * The pre-pass: the checks that need no line (a missing file, an endpoint the provider does not
 * offer, over max-file-size) fail the step as validation does, with no request made; then the
 * file's hash, size and lines. Undefined when the file is more than one batch: the caller then
 * validates first and splits, as before.
 */
async function measureForOnePass(env, input) {
    const before = await (0,validate_file/* checkBeforeReading */.KK)(input.path, (0,validate/* validationOptions */.uu)(env));
    if (typeof before !== 'number')
        (0,validate/* acceptReport */.LO)(env, input, before);
    return env.log.group(`Hash ${input.display}`, async () => {
        const measured = await measureFile(input.path, env.signal);
        const limits = partLimitsFor((0,providers/* providerFor */.z)(env.inputs.baseUrl), env.inputs);
        const fits = fitsOnePart(limits, measured);
        // A job's split says these itself.
        if (fits)
            for (const warning of limits.warnings)
                env.log.warning(warning);
        env.log.info(`${input.display}: ${(0,format/* formatBytes */.z3)(measured.bytes)}, ${(0,format/* formatNumber */.ZV)(measured.lines)} lines, SHA-256 ${measured.sha256}` +
            (fits
                ? ': one batch, validated while it is uploaded'
                : ': more than one batch holds, validated first and split'));
        return fits ? measured : undefined;
    });
}
/**
 * Validates while uploading. A bad line fails the step with the annotations, messages, outputs
 * and summary of the validate-first path (acceptReport), and a file that changed since the
 * pre-pass fails it with what changed; either way the upload stopped before its end and the
 * provider stored nothing. Every attempt of the upload validates the file again.
 */
async function uploadValidating(env, input, measured) {
    let report;
    const options = (0,validate/* validationOptions */.uu)(env);
    const hashed = { bytes: measured.bytes, sha256: measured.sha256 };
    try {
        const uploaded = await (0,step/* requireApi */.C)(env).uploadChecked(() => checkedUpload(input.path, options, hashed, (heard) => (report = heard)), env.signal);
        if (!report)
            throw new Error(`the upload of ${input.display} ended before the file was read`);
        return { uploaded, file: (0,validate/* acceptReport */.LO)(env, input, report) };
    }
    catch (error) {
        if (error instanceof validate_file/* ValidationFailedError */.vw)
            (0,validate/* acceptReport */.LO)(env, input, error.report);
        if (error instanceof upload/* FileChangedError */.jL) {
            throw new failure/* StepFailure */.p(`${error.message}; the upload stopped before its end, so nothing was uploaded or created. Run again once nothing writes to the file`);
        }
        throw error;
    }
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: ./src/jsonl/lines.ts
var lines = __webpack_require__(4277);
// EXTERNAL MODULE: ./src/validate/messages.ts
var messages = __webpack_require__(2688);
// EXTERNAL MODULE: ./src/validate/types.ts
var types = __webpack_require__(8255);
;// CONCATENATED MODULE: ./src/job/part-file.ts
// One part file being written: its bytes gathered in a reused buffer and written about a buffer at
// a time, its SHA-256 and counts kept on the way.

const LF = 0x0a;
/** The part being written: its file, its hash and counts, one reused write buffer. */
class PartFile {
    index;
    path;
    firstLine;
    file;
    buffer;
    hash = (0,external_node_crypto_.createHash)('sha256');
    requests = 0;
    bytes = 0;
    tokens = 0;
    used = 0;
    constructor(index, path, firstLine, file, buffer) {
        this.index = index;
        this.path = path;
        this.firstLine = firstLine;
        this.file = file;
        this.buffer = buffer;
    }
    /** Whether `size` more bytes fit in the buffer; else flush() first. */
    fits(size) {
        return this.used + size <= this.buffer.length;
    }
    /** Appends bytes [start, end) of `source` (a line) and its '\n' when it had one. */
    add(source, start, end, newline, tokens) {
        this.used += source.copy(this.buffer, this.used, start, end);
        if (newline)
            this.buffer[this.used++] = LF;
        this.count(end - start + (newline ? 1 : 0), tokens);
    }
    count(size, tokens) {
        this.requests++;
        this.bytes += size;
        this.tokens += tokens;
    }
    /** Writes a line larger than the buffer at once (after a flush), without copying it. */
    async addLarge(line, newline, tokens) {
        await this.write(line);
        if (newline)
            await this.write(Buffer.of(LF));
        this.count(line.length + (newline ? 1 : 0), tokens);
    }
    async flush() {
        if (this.used === 0)
            return;
        await this.write(this.buffer.subarray(0, this.used));
        this.used = 0;
    }
    async write(data) {
        this.hash.update(data);
        let done = 0;
        while (done < data.length) {
            const { bytesWritten } = await this.file.write(data, done, data.length - done);
            done += bytesWritten;
        }
    }
    async close() {
        await this.flush();
        await this.file.close();
        return {
            index: this.index,
            path: this.path,
            requests: this.requests,
            bytes: this.bytes,
            sha256: this.hash.digest('hex'),
            firstLine: this.firstLine
        };
    }
    /** Closes the file after an error, ignoring a second one. */
    async abandon() {
        await this.file.close().catch(() => undefined);
    }
}

;// CONCATENATED MODULE: ./src/job/split-messages.ts
// The messages of a split that cannot be made: each names the line, the limit and what to do.



function split_messages_sizeText(bytes) {
    return `${(0,format/* formatBytes */.z3)(bytes)} (${(0,format/* formatNumber */.ZV)(bytes)} bytes)`;
}
/** A line over the part byte limit (`limit`), or over the longest line read at all. */
function lineTooLargeMessage(line, size, limit) {
    if (limit >= types/* MAX_LINE_BYTES */.O) {
        return `line ${line} is longer than ${(0,format/* formatBytes */.z3)(types/* MAX_LINE_BYTES */.O)}; no provider takes a request this large: shorten it`;
    }
    return (`line ${line} is ${split_messages_sizeText(size)}, more than the ${split_messages_sizeText(limit)} one batch of the job may hold ` +
        `(${names/* Inputs */.G0.MaxBatchBytes}, or the provider's limit when it is empty); a batch never splits a line: ` +
        `shorten the request, or raise ${names/* Inputs */.G0.MaxBatchBytes} if the provider takes larger files`);
}
function lineTooManyTokensMessage(line, tokens, limit) {
    return (`line ${line} is estimated at ${(0,format/* formatNumber */.ZV)(tokens)} tokens, more than ${names/* Inputs */.G0.MaxBatchTokens} (${(0,format/* formatNumber */.ZV)(limit)}); ` +
        `a batch never splits a line: shorten the request or its max_tokens, or raise ${names/* Inputs */.G0.MaxBatchTokens}`);
}
function notJsonMessage(line) {
    return `line ${line} is not a JSON request, so its tokens cannot be estimated; check the file with validate-only: true`;
}

// EXTERNAL MODULE: ./src/lib/json-kind.ts
var json_kind = __webpack_require__(2104);
;// CONCATENATED MODULE: ./src/job/tokens.ts
// The token estimate that splits a job by max-batch-tokens. Providers count the tokens of the
// batches in flight against an enqueued-token limit; the action cannot run the provider's
// tokenizer, so it uses a rule that is simple to state and errs on the large side for English text.

/** A message's or item's `content`: a string, or content parts whose `text` is a string. */
function addContent(content, tally) {
    if (typeof content === 'string') {
        tally.chars += content.length;
        return;
    }
    if (!Array.isArray(content))
        return;
    for (const part of content) {
        if (typeof part === 'string')
            tally.chars += part.length;
        else if ((0,json_kind/* isRecord */.u)(part) && typeof part['text'] === 'string')
            tally.chars += part['text'].length;
    }
}
/**
 * `input` or `prompt`: a string; or an array of strings, of token ids (numbers), of arrays of
 * token ids, or of items (objects) whose `content` counts as a message's does.
 */
function addInput(input, tally) {
    if (typeof input === 'string') {
        tally.chars += input.length;
        return;
    }
    if (!Array.isArray(input))
        return;
    for (const item of input) {
        if (typeof item === 'string')
            tally.chars += item.length;
        else if (typeof item === 'number')
            tally.tokenIds++;
        else if (Array.isArray(item))
            tally.tokenIds += item.filter((t) => typeof t === 'number').length;
        else if ((0,json_kind/* isRecord */.u)(item))
            addContent(item['content'], tally);
    }
}
const ANSWER_LIMITS = ['max_tokens', 'max_completion_tokens', 'max_output_tokens'];
/**
 * The estimated tokens of one request body (a line's `body`), the rule the README states:
 *
 * - Text: the characters (UTF-16 code units, as JavaScript counts `length`) of `instructions`
 *   when it is a string; of every message's `content` in `messages`, when it is a string, else
 *   of each of its content parts (the part's `text`, or the part itself when it is a string); of `input` and `prompt`, when a string, else of
 *   each string in the array and of each item's `content` as for a message. Nothing else counts
 *   as text: roles, names, tool definitions, image or file parts, a stored prompt's id.
 * - Estimate: the text's characters over four, rounded up, plus one token per token id (numbers
 *   in an `input` or `prompt` array, or in its arrays), plus the largest of `max_tokens`,
 *   `max_completion_tokens` and `max_output_tokens` that is a positive number (0 when none is).
 *
 * Not a JSON object: 0.
 */
function estimateTokens(body) {
    if (!(0,json_kind/* isRecord */.u)(body))
        return 0;
    const tally = { chars: 0, tokenIds: 0 };
    if (typeof body['instructions'] === 'string')
        tally.chars += body['instructions'].length;
    const messages = body['messages'];
    if (Array.isArray(messages)) {
        for (const message of messages)
            if ((0,json_kind/* isRecord */.u)(message))
                addContent(message['content'], tally);
    }
    addInput(body['input'], tally);
    addInput(body['prompt'], tally);
    let answer = 0;
    for (const key of ANSWER_LIMITS) {
        const value = body[key];
        if (typeof value === 'number' && Number.isFinite(value) && value > answer)
            answer = value;
    }
    return Math.ceil(tally.chars / 4) + tally.tokenIds + Math.ceil(answer);
}

;// CONCATENATED MODULE: ./src/job/split.ts
// Splitting a job's input into parts, each one batch within the part limits (see limits.ts).
//
// One streaming pass with the project's line reader (../jsonl/lines.ts): lines keep their order
// and their exact bytes (a '\r' before '\n' stays, a last line without '\n' stays so), a part
// never splits a line, and the concatenation of the parts is the input byte for byte. Each part
// is written to its own file under the temp directory through one reused buffer, its SHA-256
// computed on the bytes as they are written. Memory: the reader's two chunks, the write buffer
// and the longest line. Lines are parsed (JSON) only when parts are limited by tokens.









/** The input cannot be split: a line larger than a part may be, or not a valid request line. */
class SplitInputError extends Error {
    /** 1-based line of the input; 0 for the whole file. */
    line;
    constructor(message, line) {
        super(message);
        this.name = 'SplitInputError';
        this.line = line;
    }
}
const DEFAULT_CHUNK_BYTES = 1 << 20;
const WRITE_BUFFER_BYTES = 1 << 20;
const split_LF = 0x0a;
function within(value, limit) {
    return limit === undefined || value <= limit;
}
/** Whether bytes [start, end) are only spaces, tabs and '\r' (or none), as validation sees blank lines. */
function isBlank(source, start, end) {
    for (let i = start; i < end; i++) {
        const byte = source[i];
        if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0d)
            return false;
    }
    return true;
}
/** Where the parts go and how large they may be; decides where each line goes. */
class Splitter {
    inputPath;
    limits;
    tempDir;
    parts = [];
    current;
    buffer = Buffer.allocUnsafe(WRITE_BUFFER_BYTES);
    stem;
    constructor(inputPath, limits, tempDir) {
        this.inputPath = inputPath;
        this.limits = limits;
        this.tempDir = tempDir;
        this.stem = external_node_path_default().parse(inputPath).name;
    }
    /** The files written so far, the part being written included. */
    get paths() {
        const paths = this.parts.map((p) => p.path);
        if (this.current)
            paths.push(this.current.path);
        return paths;
    }
    /**
     * Takes the next line. Most lines are copied into the write buffer at once; a promise comes back
     * when the line needs a write first (a new part, a full buffer), and the next line waits for it.
     */
    line(line) {
        const { source, start, end, number, newline } = line;
        if (isBlank(source, start, end))
            throw new SplitInputError(`line ${number}: ${messages/* BLANK_LINE */.Ib}`, number);
        const size = end - start + (newline ? 1 : 0);
        const { maxRequests, maxBytes, maxTokens } = this.limits;
        if (maxBytes !== undefined && size > maxBytes)
            throw new SplitInputError(lineTooLargeMessage(number, size, maxBytes), number);
        const tokens = maxTokens === undefined ? 0 : this.tokensOf(line);
        if (maxTokens !== undefined && tokens > maxTokens)
            throw new SplitInputError(lineTooManyTokensMessage(number, tokens, maxTokens), number);
        const part = this.current;
        const fitsPart = part !== undefined &&
            within(part.requests + 1, maxRequests) &&
            within(part.bytes + size, maxBytes) &&
            within(part.tokens + tokens, maxTokens);
        if (fitsPart && part.fits(size)) {
            part.add(source, start, end, newline, tokens);
            return undefined;
        }
        return this.lineAfterWrite(line, size, tokens, fitsPart);
    }
    async lineAfterWrite({ source, start, end, number, newline }, size, tokens, fitsPart) {
        let part = this.current;
        if (!fitsPart) {
            await this.finishPart();
            part = await this.startPart(number);
        }
        if (!part)
            throw new Error('internal error: no part to write to');
        if (!part.fits(size))
            await part.flush();
        if (part.fits(size))
            part.add(source, start, end, newline, tokens);
        else
            await part.addLarge(source.subarray(start, end), newline, tokens);
    }
    tokensOf({ source, start, end, number }) {
        let request;
        try {
            request = JSON.parse(source.toString('utf8', start, end));
        }
        catch {
            throw new SplitInputError(notJsonMessage(number), number);
        }
        const body = request !== null && typeof request === 'object' ? request.body : null;
        return estimateTokens(body);
    }
    async startPart(firstLine) {
        const index = this.parts.length;
        const file = external_node_path_default().join(this.tempDir, `${this.stem}.part-${index + 1}.jsonl`);
        const handle = await (0,promises_.open)(file, 'w');
        this.current = new PartFile(index, file, firstLine, handle, this.buffer);
        return this.current;
    }
    async finishPart() {
        const part = this.current;
        if (!part)
            return;
        const done = await part.close();
        this.current = undefined;
        this.parts.push(this.limits.maxTokens === undefined ? done : { ...done, estimatedTokens: part.tokens });
    }
    /** After an error: the part being written is closed, and every part file removed. */
    async discard() {
        const paths = this.paths;
        await this.current?.abandon();
        this.current = undefined;
        await Promise.all(paths.map((p) => (0,promises_.rm)(p, { force: true })));
        this.parts.length = 0;
    }
    /** A single part is the input itself: its copy goes, so the batch uploads the input as it is. */
    async finish() {
        await this.finishPart();
        const [only, ...more] = this.parts;
        if (!only)
            throw new SplitInputError(messages/* NO_REQUESTS */.ho, 0);
        if (more.length > 0)
            return this.parts;
        await (0,promises_.rm)(only.path, { force: true });
        return [{ ...only, path: this.inputPath }];
    }
}
/** Hands every line of the input to the splitter, in order; stops between chunks on abort. */
async function pass(inputPath, splitter, maxLineBytes, chunkBytes, signal) {
    let read = 0;
    let number = 0;
    const pieces = (0,lines/* readLinePieces */.Ql)(inputPath, {
        chunkBytes,
        maxLineBytes,
        onChunk: (chunk) => {
            read += chunk.length;
        }
    });
    for await (const piece of pieces) {
        if (signal?.aborted)
            throw (0,abort/* abortReason */.Js)(signal);
        if (piece.kind === 'too-long') {
            // Longer than the part byte limit, or than any line is read (MAX_LINE_BYTES).
            number++;
            throw new SplitInputError(lineTooLargeMessage(number, piece.length, maxLineBytes), number);
        }
        if (piece.kind === 'line') {
            // A line spanning reads ends with the '\n' already read; the last line of a file may have none.
            const { bytes } = piece;
            const newline = piece.offset + bytes.length < read;
            await splitter.line({ source: bytes, start: 0, end: bytes.length, number: ++number, newline });
            continue;
        }
        const source = piece.bytes;
        let start = 0;
        for (;;) {
            const newline = source.indexOf(split_LF, start);
            const end = newline === -1 ? source.length : newline;
            // Every line of a 'lines' piece had its '\n', the last one's just past the piece.
            const writing = splitter.line({ source, start, end, number: ++number, newline: true });
            if (writing)
                await writing;
            if (newline === -1)
                break;
            start = newline + 1;
        }
    }
    if (signal?.aborted)
        throw (0,abort/* abortReason */.Js)(signal);
}
/**
 * Splits the input at `inputPath` into parts within `limits`, written under `options.tempDir` as
 * `<name>.part-<n>.jsonl`. An input that is one part comes back as the input itself (its path,
 * not a copy). With `options.known` showing the input within maxRequests and maxBytes, and no
 * maxTokens, that happens without reading it. Blank lines are refused, as validation refuses them.
 * Throws SplitInputError (naming the line) for a line that no part can hold or that is not a
 * request; the abort signal's reason when aborted. On any error the part files written are removed.
 */
async function splitInput(inputPath, limits, options) {
    const { known, signal } = options;
    if (signal?.aborted)
        throw (0,abort/* abortReason */.Js)(signal);
    if (known &&
        known.requests > 0 &&
        limits.maxTokens === undefined &&
        within(known.requests, limits.maxRequests) &&
        within(known.bytes, limits.maxBytes)) {
        const { requests, bytes, sha256 } = known;
        return [{ index: 0, path: inputPath, requests, bytes, sha256, firstLine: 1 }];
    }
    const splitter = new Splitter(inputPath, limits, options.tempDir);
    // A line longer than a part may be is only measured by the reader, never held.
    const maxLineBytes = Math.min(types/* MAX_LINE_BYTES */.O, limits.maxBytes ?? Infinity);
    const chunkBytes = Math.max(1, options.chunkBytes ?? DEFAULT_CHUNK_BYTES);
    await (0,promises_.mkdir)(options.tempDir, { recursive: true });
    try {
        await pass(inputPath, splitter, maxLineBytes, chunkBytes, signal);
        return await splitter.finish();
    }
    catch (error) {
        await splitter.discard();
        throw error;
    }
}

// EXTERNAL MODULE: ./src/job/keys.ts
var keys = __webpack_require__(3051);
// EXTERNAL MODULE: ./src/commands/job-view.ts
var job_view = __webpack_require__(7655);
;// CONCATENATED MODULE: ./src/commands/job-submit.ts
// Submitting one batch of a job: take up the batch an earlier attempt of the step left for the
// same place (part and round), or upload the part and create its batch at most once. The rules are
// the single batch's (run.ts), per batch: the key finds it, the input's SHA-256 must match.









/** The key a plan's next create carries. */
function attemptKey(plan) {
    return plan.resubmits === 0 ? plan.key : `${plan.key}.t${plan.resubmits}`;
}
/** The resubmission a key names: 0 for the place's own key, n for `.t<n>`. */
function resubmitOf(key, placeKey) {
    if (key === placeKey)
        return 0;
    const match = /^\.t(\d+)$/.exec(key.slice(placeKey.length));
    return key.startsWith(placeKey) && match ? Number(match[1]) : undefined;
}
function makePlans(jobKey, round, inputs, multiBatch) {
    return inputs.map((input, index) => {
        const place = { round, part: index + 1, parts: inputs.length, sha256: input.sha256 };
        return {
            ...place,
            input,
            key: (0,keys/* batchKey */.q5)(jobKey, place, multiBatch),
            resubmits: 0,
            notBefore: 0
        };
    });
}
/** The batches an earlier attempt of the step created for this job, as one list found them. */
class EarlierBatches {
    batches;
    constructor(batches) {
        this.batches = batches;
    }
    static ofJob(jobKey, listed) {
        return new EarlierBatches(listed.filter((batch) => {
            const key = batch.metadata?.[batch_metadata/* MetadataKeys */.yg.IdempotencyKey];
            return typeof key === 'string' && (0,keys/* jobKeyOf */.qh)(key) === jobKey;
        }));
    }
    /** The batches of a plan's place carrying its input, oldest first, with their resubmission. */
    of(plan) {
        const found = [];
        for (const batch of this.batches) {
            const key = String(batch.metadata?.[batch_metadata/* MetadataKeys */.yg.IdempotencyKey] ?? '');
            const resubmit = resubmitOf(key, plan.key);
            if (resubmit === undefined)
                continue;
            if ((0,reconcile/* belongingOf */.BD)(batch, { key, fileSha256: plan.input.sha256 }) !== 'ours')
                continue;
            found.push({ batch, resubmit });
        }
        return found.sort((a, b) => (a.batch.created_at ?? 0) - (b.batch.created_at ?? 0));
    }
}
/** The metadata of one batch of the job; throws when the user's pairs leave no room for the action's. */
function planMetadata(env, ctx, plan) {
    return (0,batch_metadata/* buildBatchMetadata */.iK)(env.inputs.metadata, (0,batch_metadata/* traceabilityMetadata */.VQ)(env.context), {
        key: attemptKey(plan),
        fileSha256: plan.input.sha256,
        ...(ctx.multiBatch ? { part: (0,keys/* partTag */.MT)(plan) } : {}),
        ...(plan.round > 0 ? { round: plan.round } : {})
    });
}
/** Takes up the place's batch from an earlier attempt, or uploads the part and creates its batch. */
async function submitPlan(env, ctx, plan) {
    const { log, state, signal } = env;
    const label = (id) => (0,job_view/* batchLabel */.NB)({ ...plan, id });
    const earlier = ctx.earlier.of(plan);
    const reuse = (0,reconcile/* decideReuse */.p9)(earlier.map((entry) => entry.batch));
    if (reuse.kind !== 'create') {
        log.info(`Batch ${label(reuse.batch.id)} of an earlier attempt of this step is ${reuse.batch.status}: ` +
            `${reuse.kind === 'adopt' ? 'waiting on it' : 'collecting its results'}; nothing was uploaded or created for it`);
        state.saveJobBatch(reuse.batch.id);
        return reuse.batch;
    }
    // Each batch an earlier attempt made for the place is a resubmission: the next key is new.
    plan.resubmits = Math.max(plan.resubmits, ...earlier.map((entry) => entry.resubmit + 1));
    const key = attemptKey(plan);
    const metadata = planMetadata(env, ctx, plan);
    const api = (0,step/* requireApi */.C)(env);
    const where = plan.parts > 1 ? ` part ${(0,keys/* partTag */.MT)(plan)}` : '';
    const uploaded = await log.group(`Upload${where}${plan.round > 0 ? ` of round ${plan.round}` : ''}`, async () => {
        const result = await api.upload(plan.input.path, signal, plan.input);
        log.info(`Uploaded ${(0,format/* formatBytes */.z3)(result.bytes ?? 0)} (${plan.input.requests} requests) as ${result.id}`);
        return result;
    });
    if (signal.aborted)
        throw signal.reason;
    const mark = { key, fileSha256: plan.input.sha256, inputFileId: uploaded.id };
    env.findings.creating = key;
    state.saveCreateKey(key, plan.input.sha256, Math.floor(ctx.now() / 1000));
    try {
        const created = await createExactlyOnce(api, {
            inputFileId: uploaded.id,
            endpoint: env.inputs.endpoint,
            completionWindow: env.inputs.completionWindow,
            metadata
        }, {
            mark,
            maxAttempts: env.inputs.maxAttempts,
            settleWindowMs: (0,reconcile/* settleWindowMs */.IO)(env.inputs.requestTimeoutMs),
            log: ctx.log,
            signal,
            now: ctx.now
        });
        state.saveJobBatch(created.batch.id);
        if (created.ambiguous)
            ctx.sweeps.push({ mark, since: created.since, keep: created.batch.id });
        log.info(`${created.adopted ? 'Adopted' : 'Created'} batch ${label(created.batch.id)} (idempotency key ${key})`);
        return created.batch;
    }
    catch (error) {
        if (error instanceof UnsettledCreate) {
            throw new failure/* StepFailure */.p(`Could not tell whether the batch of${where || ' the job'} was created: the create failed (${(0,errors/* describeApiError */.g)(error.createError, env.inputs)}) ` +
                `and listing batches failed too (${(0,errors/* describeApiError */.g)(error.listError, env.inputs)}). ` +
                `A batch may be running: look for metadata ${batch_metadata/* MetadataKeys */.yg.IdempotencyKey}=${error.key} with command: list and cancel it with command: cancel if it should not run. ` +
                `A re-run of the step takes up the batches that exist and creates only the missing ones.`);
        }
        throw error;
    }
    finally {
        if (!signal.aborted)
            env.findings.creating = undefined;
    }
}

// EXTERNAL MODULE: ./src/job/join-job.ts + 1 modules
var join_job = __webpack_require__(5361);
// EXTERNAL MODULE: ./src/job/retry-input.ts
var retry_input = __webpack_require__(6480);
// EXTERNAL MODULE: ./src/job/transient.ts
var job_transient = __webpack_require__(5385);
// EXTERNAL MODULE: ./src/commands/job-wait.ts
var job_wait = __webpack_require__(3691);
// EXTERNAL MODULE: ./src/batch/poll.ts + 1 modules
var poll = __webpack_require__(3214);
;// CONCATENATED MODULE: ./src/job/token-limit.ts

/** A batch the provider failed for its enqueued-token limit is sent again this many times at most. */
const MAX_TOKEN_RESUBMITS = 5;
/** The error codes with which providers refuse a batch for the tokens enqueued on the account. */
const TOKEN_LIMIT_CODES = ['token_limit_exceeded', 'enqueued_token_limit_exceeded'];
/** A batch that failed only because the account's enqueued-token limit was reached. */
function refusedForTokens(batch) {
    if (batch.status !== 'failed')
        return false;
    const codes = (batch.errors?.data ?? []).map((error) => error?.code ?? '');
    return (codes.length > 0 &&
        codes.every((code) => TOKEN_LIMIT_CODES.includes(code)));
}
/**
 * The pause before resubmission `resubmit` (1-based): the polls' backoff (poll-interval doubling up
 * to max-poll-interval), since the tokens free up as the account's batches end, which polling sees.
 */
function tokenBackoffMs(resubmit, inputs) {
    return (0,poll/* pollDelayMs */.pP)(resubmit, {
        initialMs: inputs.pollIntervalMs,
        maxMs: inputs.maxPollIntervalMs
    });
}

// EXTERNAL MODULE: ./src/commands/pr-comment.ts + 1 modules
var pr_comment = __webpack_require__(8375);
;// CONCATENATED MODULE: ./src/commands/job-run.ts
// The run of a job's rounds: the parts of a split input, and the rounds that resubmit the requests
// that failed for a passing reason. Parts are submitted in order, at most max-concurrent-batches in
// flight; one wait loop polls them together (job-wait.ts); each batch's results are downloaded and
// joined as it ends; the job's results.jsonl joins them all (job/join-job.ts). A job of one batch
// never comes here: run.ts runs it as it always has.
















class JobRun {
    env;
    tempDir;
    now;
    view;
    ctx;
    deadline;
    rounds = [];
    /** Parts never submitted because the wait ended first. */
    unsubmitted = 0;
    comment;
    constructor(env, tempDir, now, ctx) {
        this.env = env;
        this.tempDir = tempDir;
        this.now = now;
        this.view = new job_view/* JobView */.$x(env.log, env.outputs);
        env.findings.job = this.view;
        this.ctx = ctx;
        this.deadline = now() + env.inputs.waitTimeoutMs;
        this.comment = pr_comment/* PullRequestComment */.Gc.of(env.inputs, env.context, env.log, env.redact);
    }
    /** Writes the pull-request comment for a phase (once per phase; comment.ts keeps one comment). */
    async tellComment(phase) {
        const batch = this.view.asBatch();
        if (!this.comment || !batch || this.env.signal.aborted)
            return;
        const { findings, inputs } = this.env;
        await this.comment.update(phase, {
            batch,
            batchIds: this.view.ids(),
            inputs,
            model: findings.model,
            requestCount: findings.validation?.report.requests,
            inputFile: findings.validation?.file ?? (inputs.file || undefined),
            results: findings.results
        });
    }
    /** The folder of the job's results: results-dir/<first batch id>. */
    async jobDir() {
        const first = this.view.first();
        if (!first)
            throw new Error('The job has no batch yet');
        return (0,collect/* insideWorkspace */.CT)(this.env, external_node_path_default().join(this.env.inputs.resultsDir, first.batch.id), 'results-dir');
    }
    track(plan, batch) {
        this.view.track(plan, batch);
        this.env.findings.batch = this.view.asBatch();
    }
    /** Submits the plans of a round, at most max-concurrent-batches in flight, and waits for them. */
    async runRound(plans, ended) {
        const { env } = this;
        const queue = [...plans];
        const inFlight = new Map();
        for (;;) {
            while (inFlight.size < env.inputs.maxConcurrentBatches && queue.length > 0) {
                const plan = queue[0];
                if (plan.notBefore > this.now()) {
                    // Waits for a batch in flight to end first: it frees enqueued tokens.
                    if (inFlight.size > 0)
                        break;
                    const pause = plan.notBefore - this.now();
                    if (this.now() + pause > this.deadline) {
                        this.unsubmitted = queue.length;
                        return 'timed out';
                    }
                    await (0,abort/* sleep */.yy)(pause, env.signal);
                }
                queue.shift();
                const batch = await submitPlan(env, this.ctx, plan);
                this.track(plan, batch);
                if ((0,batch_document/* isTerminal */.Hd)(batch.status))
                    await this.settle(plan, batch, queue, ended);
                else
                    inFlight.set(batch.id, plan);
                if (queue.length === 0 && plans[0]?.round === 0)
                    await this.tellComment('submitted');
            }
            if (inFlight.size === 0 && queue.length === 0)
                return 'done';
            if (!env.inputs.wait && queue.length === 0)
                return 'left running';
            if (inFlight.size === 0)
                continue;
            const waited = await env.log.group(`Wait for ${inFlight.size === 1 ? 'batch' : 'batches'} ${[...inFlight.keys()].join(', ')}`, () => (0,job_wait/* waitForAny */.Hc)(env, this.view, inFlight, this.deadline, this.now));
            if (waited.timedOut) {
                this.unsubmitted = queue.length;
                return 'timed out';
            }
            for (const [id, plan] of [...inFlight]) {
                const batch = this.view.get(id)?.batch;
                if (!batch || !(0,batch_document/* isTerminal */.Hd)(batch.status))
                    continue;
                inFlight.delete(id);
                await this.settle(plan, batch, queue, ended);
            }
        }
    }
    /** A batch ended: sent again after a token-limit refusal, or its results brought back. */
    async settle(plan, batch, queue, ended) {
        const { env } = this;
        if (refusedForTokens(batch) && plan.resubmits < MAX_TOKEN_RESUBMITS) {
            plan.resubmits++;
            const pause = tokenBackoffMs(plan.resubmits, env.inputs);
            plan.notBefore = this.now() + pause;
            this.view.markReplaced(batch.id);
            queue.unshift(plan);
            env.log.info(`Batch ${(0,job_view/* batchLabel */.NB)({ ...plan, id: batch.id })} was refused for the provider's enqueued-token limit ` +
                `(${batch.errors?.data?.[0]?.message ?? 'token_limit_exceeded'}); it is sent again (${plan.resubmits} of at most ${MAX_TOKEN_RESUBMITS}) ` +
                `once a batch in flight has ended and at least ${Math.round(pause / 1000)}s have passed`);
            return;
        }
        const entry = { plan, batch };
        ended.push(entry);
        if (!env.inputs.download)
            return;
        const dir = external_node_path_default().join(await this.jobDir(), 'batches', batch.id);
        await env.log.group(`Download results of batch ${(0,job_view/* batchLabel */.NB)({ ...plan, id: batch.id })}`, async () => {
            (0,collect/* warnNoOutput */.fS)(env, batch);
            const { files, joined } = await (0,collect/* downloadAndJoin */.AG)(env, batch, dir, plan.input.path);
            entry.result = joined;
            entry.resultsPath = entry.result.path;
            if (plan.round === 0 && plan.part === 1) {
                env.findings.files.output = files.output;
                env.findings.files.error = files.error;
                env.outputs.set(names/* Outputs */.tY.OutputPath, files.output ?? '');
                env.outputs.set(names/* Outputs */.tY.ErrorPath, files.error ?? '');
            }
        });
    }
    /** The input of the next round: the requests of this one that failed for a passing reason. */
    async nextRoundInputs(round, ended) {
        const { env } = this;
        const codes = env.inputs.retryErrors ?? [...job_transient/* DEFAULT_RETRY_ERRORS */.LY];
        const inOrder = [...ended].sort((a, b) => a.plan.part - b.plan.part);
        const retry = await (0,retry_input/* writeRetryInput */.M)(inOrder.map((entry) => ({
            inputPath: entry.plan.input.path,
            resultsPath: entry.resultsPath,
            batchStatus: entry.batch.status
        })), codes, external_node_path_default().join(this.tempDir, `round-${round + 1}.jsonl`), { signal: env.signal });
        if (!retry)
            return undefined;
        env.log.info(`Round ${round + 1} of at most ${env.inputs.retryFailed}: ${retry.requests} requests failed for a passing reason (${codes.join(', ')}); sending them again`);
        const parts = await splitInput(retry.path, this.limits(), {
            tempDir: external_node_path_default().join(this.tempDir, `round-${round + 1}`),
            signal: env.signal,
            known: retry
        });
        return parts;
    }
    limits() {
        return partLimitsFor((0,providers/* providerFor */.z)(this.env.inputs.baseUrl), this.env.inputs);
    }
    /** Joins every batch's results into the job's results.jsonl. */
    async join() {
        const { env } = this;
        const rounds = this.rounds.map((ended) => [...ended]
            .sort((a, b) => a.plan.part - b.plan.part)
            .map((entry) => ({
            resultsPath: entry.resultsPath,
            result: entry.result
        })));
        const dest = external_node_path_default().join(await this.jobDir(), 'results.jsonl');
        const joined = await (0,join_job/* joinJob */.S)(rounds, dest, {
            withAttempts: env.inputs.retryFailed > 0,
            secrets: [env.inputs.apiKey],
            signal: env.signal
        });
        env.log.info(`Joined ${joined.total} requests of ${this.view.size} batches into ${joined.path}: ${joined.ok} ok, ${joined.error} failed, ${joined.missing} missing; ${joined.usage.total} tokens`);
        return joined;
    }
}

;// CONCATENATED MODULE: ./src/commands/job.ts
// A job of several batches: the parts of a split input, and the rounds that resubmit the requests
// that failed for a passing reason. Parts are submitted in order, at most max-concurrent-batches in
// flight; one wait loop polls them together (job-wait.ts); each batch's results are downloaded and
// joined as it ends; the job's results.jsonl joins them all (job/join-job.ts). A job of one batch
// never comes here: run.ts runs it as it always has.


















/** Splits the validated input as the provider's (or the user's) per-batch limits require. */
async function splitForJob(env, file, tempDir) {
    const limits = partLimitsFor((0,providers/* providerFor */.z)(env.inputs.baseUrl), env.inputs);
    for (const warning of limits.warnings)
        env.log.warning(warning);
    try {
        return await splitInput(file.path, limits, {
            tempDir,
            signal: env.signal,
            known: { requests: file.requests, bytes: file.bytes, sha256: file.sha256 }
        });
    }
    catch (error) {
        if (env.signal.aborted || !(error instanceof SplitInputError))
            throw error;
        const display = env.findings.validation?.file ?? env.inputs.file;
        env.log.error(error.message, error.line > 0 ? { file: display, startLine: error.line } : { file: display });
        throw new failure/* StepFailure */.p(`file: ${error.message}. Nothing was uploaded.`);
    }
}
/** A temp folder for the parts, removed when the step is done with them. */
async function partsDir(env) {
    return (0,promises_.mkdtemp)(external_node_path_default().join(env.context.temp ?? external_node_os_default().tmpdir(), 'batch-parts-'));
}
async function removePartsDir(dir) {
    await (0,promises_.rm)(dir, { recursive: true, force: true });
}
/**
 * Runs a job of several batches (a split input, or retry-failed rounds): one set of batches per
 * step and input, across retries, attempts and legs, as for one batch.
 */
async function runJob(env, file, parts, earlierSince, tempDir, now = Date.now) {
    const { inputs, log, state } = env;
    const api = (0,step/* requireApi */.C)(env);
    const jobKey = idempotencyKey(earlierSince.identity);
    const quiet = {
        info: (text) => log.info(env.redact(text)),
        warning: (text) => log.warning(env.redact(text))
    };
    const listed = await log.group("Look for this step's batches", async () => {
        // Outside GitHub Actions every key is new: there is no earlier attempt to find.
        if (inputs.reuse === 'never' || !env.context.inActions) {
            await api.checkAccess(env.signal);
            return [];
        }
        const since = earlierSince.since;
        return api.retry("Looking for this step's batches", () => api.listSince(since, env.signal), env.signal);
    });
    const ctx = {
        jobKey,
        multiBatch: true,
        retries: inputs.retryFailed > 0,
        earlier: EarlierBatches.ofJob(jobKey, listed),
        now,
        log: quiet,
        sweeps: []
    };
    let plans = makePlans(jobKey, 0, parts, true);
    // The most pairs any batch of the job carries: its round tag is counted when rounds may come.
    try {
        (0,batch_metadata/* checkUserPairsFit */._A)(inputs.metadata, {
            inActions: env.context.inActions,
            pullRequest: (0,batch_metadata/* pullRequestOfRun */.XQ)(env.context) !== undefined,
            multiBatch: true,
            retries: ctx.retries
        });
        planMetadata(env, ctx, { ...plans[0], round: ctx.retries ? 1 : 0 });
    }
    catch (error) {
        throw new failure/* StepFailure */.p(`metadata: ${error.message}. Nothing was uploaded.`);
    }
    log.info(`${file.requests} requests in ${parts.length} ${parts.length === 1 ? 'batch' : 'batches'} (at most ${inputs.maxConcurrentBatches} in flight)` +
        (inputs.retryFailed > 0
            ? `, up to ${inputs.retryFailed} more rounds for requests that fail for a passing reason`
            : ''));
    // Batches about to be made: the ones of earlier runs they replace stop billing first.
    const creates = plans.some((plan) => (0,reconcile/* decideReuse */.p9)(ctx.earlier.of(plan).map((e) => e.batch)).kind === 'create');
    if (creates && supersedingApplies(env))
        await log.group('Cancel superseded batches', () => cancelSuperseded(env, now));
    const run = new JobRun(env, tempDir, now, ctx);
    for (let round = 0;; round++) {
        const ended = [];
        run.rounds.push(ended);
        const end = await run.runRound(plans, ended);
        if (end !== 'done') {
            state.markSettled();
            return unfinished(env, run, end);
        }
        if (round >= inputs.retryFailed || !inputs.download)
            break;
        const next = await run.nextRoundInputs(round, ended);
        if (!next)
            break;
        plans = makePlans(jobKey, round + 1, next, true);
    }
    state.markSettled();
    for (const sweep of ctx.sweeps)
        await sweepDuplicates(api, sweep.mark, sweep.since, quiet, {
            keep: sweep.keep,
            signal: env.signal
        });
    const batch = run.view.asBatch();
    env.findings.batch = batch;
    if (!inputs.download) {
        await run.tellComment('finished');
        return { kind: 'ended', batch };
    }
    const joined = await run.join();
    env.findings.results = joined;
    env.findings.files.results = joined.path;
    (0,collect/* setResultOutputs */.Ge)(env, joined);
    env.outputs.set(names/* Outputs */.tY.Total, joined.total);
    env.outputs.set(names/* Outputs */.tY.Completed, joined.ok);
    env.outputs.set(names/* Outputs */.tY.Failed, joined.error + joined.missing);
    await run.tellComment('finished');
    return { kind: 'ended', batch, results: joined };
}
/** The wait ended (or was not asked for) before every batch of the job did. */
async function unfinished(env, run, end) {
    const { inputs, log } = env;
    if (run.unsubmitted > 0) {
        log.notice(`${run.unsubmitted} ${run.unsubmitted === 1 ? 'batch was' : 'batches were'} not submitted before the wait ended; ` +
            're-run the step to submit them: it takes up the batches that exist and creates only the missing ones');
    }
    if (end === 'timed out' && inputs.onTimeout === 'cancel') {
        const api = (0,step/* requireApi */.C)(env);
        await Promise.all(run.view.running().map(async (entry) => {
            run.view.track(entry, await api.cancel(entry.batch.id, env.signal));
        }));
    }
    const batch = run.view.asBatch();
    env.findings.batch = batch;
    await run.tellComment((0,batch_document/* isTerminal */.Hd)(batch.status) ? 'finished' : 'running');
    const batchIds = run.view.ids();
    if (end === 'left running')
        return { kind: 'not waiting', batch, batchIds };
    return { kind: 'timed out', batch, then: inputs.onTimeout, batchIds };
}

;// CONCATENATED MODULE: ./src/commands/run.ts















/** When completion-window is not a duration the action can read, re-runs look back this far. */
const run_FALLBACK_WINDOW_MS = 24 * 60 * 60 * 1000;
/**
 * `run`: hash the file (one batch) or validate it (a job); look for this step's batch from an
 * earlier run attempt (which is also the check of the key, before anything is uploaded); then take
 * that batch up, or upload and create one (at most once), and wait and collect. One batch is
 * validated while it is uploaded (one-pass.ts); a job is validated first, then split.
 */
async function runBatch(env, now = Date.now) {
    const { inputs, log, outputs, findings, state, signal } = env;
    const api = (0,step/* requireApi */.C)(env);
    await (0,collect/* checkResultsDir */.u9)(env);
    const input = await (0,validate/* inputFile */.xm)(env);
    const measured = onePassAllowed(inputs) ? await measureForOnePass(env, input) : undefined;
    let file;
    if (!measured)
        file = await (0,validate/* validateFile */.nJ)(env, input);
    const fileSha256 = measured?.sha256 ?? file.sha256;
    const identity = {
        context: env.context,
        fileSha256,
        endpoint: inputs.endpoint,
        completionWindow: inputs.completionWindow,
        metadata: inputs.metadata,
        baseUrl: inputs.baseUrl,
        reuse: inputs.reuse
    };
    if (file) {
        const tempDir = await partsDir(env);
        try {
            const parts = await splitForJob(env, file, tempDir);
            if (parts.length > 1 || inputs.retryFailed > 0) {
                const since = (0,reconcile/* rerunCutoff */.m2)(now(), run_windowMs(inputs.completionWindow));
                return await runJob(env, file, parts, { identity, since }, tempDir, now);
            }
        }
        finally {
            await removePartsDir(tempDir);
        }
    }
    const key = idempotencyKey(identity);
    let metadata;
    try {
        (0,batch_metadata/* checkUserPairsFit */._A)(inputs.metadata, {
            inActions: env.context.inActions,
            pullRequest: (0,batch_metadata/* pullRequestOfRun */.XQ)(env.context) !== undefined,
            multiBatch: inputs.retryFailed > 0,
            retries: inputs.retryFailed > 0
        });
        metadata = (0,batch_metadata/* buildBatchMetadata */.iK)(inputs.metadata, (0,batch_metadata/* traceabilityMetadata */.VQ)(env.context), {
            key,
            fileSha256
        });
    }
    catch (error) {
        throw new failure/* StepFailure */.p(`metadata: ${error.message}. Nothing was uploaded.`);
    }
    const mark = { key, fileSha256 };
    const quiet = {
        info: (text) => log.info(env.redact(text)),
        warning: (text) => log.warning(env.redact(text))
    };
    const earlier = await log.group("Look for this step's batch", () => findEarlier(env, mark, now, quiet));
    if (earlier.kind !== 'create') {
        const { batch } = earlier;
        state.saveCreateKey(key, fileSha256, batch.created_at ?? 0);
        state.saveBatch(batch.id);
        findings.track(batch);
        outputs.set(names/* Outputs */.tY.InputFileId, batch.input_file_id ?? '');
        log.info(`Batch ${batch.id} of an earlier attempt of this step (same file and inputs, idempotency key ${key}) is ${batch.status}: ` +
            `${earlier.kind === 'adopt' ? 'waiting on it' : 'collecting its results'}; nothing was uploaded or created (set reuse: never to create a new batch on every attempt)`);
        // The one pass validates only what it uploads: the outputs and the summary of a batch taken
        // up come from a validation of their own, as on the validate-first path.
        if (!file)
            await (0,validate/* validateFile */.nJ)(env, input);
        return (0,collect/* waitAndCollect */.zH)(env, batch, input.path);
    }
    if (earlier.ended) {
        log.info(`Batch ${earlier.ended.id} of an earlier attempt of this step ended ${earlier.ended.status}; creating a new one`);
    }
    // A new batch is about to be made: the ones of earlier runs it replaces stop billing first,
    // but only once the file checked out (in the one pass, once its upload did).
    const supersede = () => supersedingApplies(env)
        ? log.group('Cancel superseded batches', () => cancelSuperseded(env, now))
        : Promise.resolve();
    if (!measured)
        await supersede();
    const uploaded = await log.group(measured ? `Validate and upload ${input.display}` : 'Upload', async () => {
        const result = measured
            ? (await uploadValidating(env, input, measured)).uploaded
            : await api.upload(input.path, signal, file);
        log.info(`Uploaded ${(0,format/* formatBytes */.z3)(result.bytes ?? 0)} as ${result.id}`);
        return result;
    });
    outputs.set(names/* Outputs */.tY.InputFileId, uploaded.id);
    if (signal.aborted)
        throw signal.reason;
    if (measured)
        await supersede();
    const created = await log.group('Create batch', () => create(env, { ...mark, inputFileId: uploaded.id }, uploaded.id, metadata, now, quiet));
    findings.creating = undefined;
    state.saveBatch(created.batch.id);
    findings.track(created.batch);
    log.info(`${created.adopted ? 'Adopted' : 'Created'} batch ${created.batch.id} (idempotency key ${key})`);
    const ending = await (0,collect/* waitAndCollect */.zH)(env, created.batch, input.path);
    // A create that committed after the sweep that followed it shows up by now: cancel it too.
    if (created.ambiguous)
        await sweepDuplicates(api, mark, created.since, quiet, { keep: created.batch.id, signal });
    return ending;
}
function findEarlier(env, mark, now, log) {
    const api = (0,step/* requireApi */.C)(env);
    // Outside GitHub Actions every key is new: there is no earlier attempt to find.
    if (env.inputs.reuse === 'never' || !env.context.inActions) {
        return api.checkAccess(env.signal).then(() => ({ kind: 'create', ended: undefined }));
    }
    const since = (0,reconcile/* rerunCutoff */.m2)(now(), run_windowMs(env.inputs.completionWindow));
    return (0,reconcile/* lookupEarlierAttempt */.AW)(api, mark, since, log, env.signal);
}
function run_windowMs(completionWindow) {
    try {
        return (0,parse_duration/* parseDuration */.E)(completionWindow);
    }
    catch {
        return run_FALLBACK_WINDOW_MS;
    }
}
async function create(env, mark, inputFileId, metadata, now, log) {
    const { inputs, findings, state, signal } = env;
    findings.creating = mark.key;
    state.saveCreateKey(mark.key, mark.fileSha256, Math.floor(now() / 1000));
    try {
        return await createExactlyOnce((0,step/* requireApi */.C)(env), {
            inputFileId,
            endpoint: inputs.endpoint,
            completionWindow: inputs.completionWindow,
            metadata
        }, {
            mark,
            maxAttempts: inputs.maxAttempts,
            settleWindowMs: (0,reconcile/* settleWindowMs */.IO)(inputs.requestTimeoutMs),
            log,
            signal,
            now
        });
    }
    catch (error) {
        if (error instanceof UnsettledCreate)
            throw new failure/* StepFailure */.p(unsettledMessage(env, error));
        throw error;
    }
    finally {
        // Aborted mid-create: the batch may exist, and the abort handler looks for it by key.
        if (!signal.aborted)
            findings.creating = undefined;
    }
}
/** The batch may be running and billing: say exactly how to find it. */
function unsettledMessage(env, error) {
    return (`Could not tell whether the batch was created: the create failed (${(0,errors/* describeApiError */.g)(error.createError, env.inputs)}) ` +
        `and listing batches failed too (${(0,errors/* describeApiError */.g)(error.listError, env.inputs)}). ` +
        `A batch may be running: look for metadata ${batch_metadata/* MetadataKeys */.yg.IdempotencyKey}=${error.key} ` +
        `with command: list (or in the provider's console) and cancel it with command: cancel if it should not run. ` +
        `Idempotency key: ${error.key}; the post step looks for it too.`);
}


/***/ }),

/***/ 3051:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MT: () => (/* binding */ partTag),
/* harmony export */   q5: () => (/* binding */ batchKey),
/* harmony export */   qh: () => (/* binding */ jobKeyOf)
/* harmony export */ });
// The idempotency keys of a job's batches. A job of one batch keeps the step's key, so a step whose
// input fits in one batch makes exactly the batch it made before jobs existed; every other batch's
// key starts with the step's key, so the job's batches can be told apart from any other step's and
// grouped again from the provider's list alone (see README, Jobs).
/** The key of one batch of the job whose step key is `jobKey`. */
function batchKey(jobKey, place, multiBatch) {
    if (!multiBatch)
        return jobKey;
    return `${jobKey}.${place.round}.${place.part}.${place.sha256.slice(0, 16)}`;
}
/** The job a batch key belongs to: the step key it starts with. */
function jobKeyOf(batchKey) {
    const dot = batchKey.indexOf('.');
    return dot < 0 ? batchKey : batchKey.slice(0, dot);
}
/** The `batch_part` tag: `2/3`. */
function partTag(place) {
    return `${place.part}/${place.parts}`;
}


/***/ }),

/***/ 6282:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QO: () => (/* binding */ streamingUpload),
/* harmony export */   R4: () => (/* binding */ ONE_PASS),
/* harmony export */   aZ: () => (/* binding */ sentBytesMismatch),
/* harmony export */   jL: () => (/* binding */ FileChangedError)
/* harmony export */ });
/* unused harmony export fileChunks */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var openai__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5626);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);




/** Enough buffers that none is refilled while the socket may still hold it (see sendStream). */
const POOL_SIZE = 6;
const CHUNK_BYTES = 512 * 1024;
/**
 * The file's bytes as a few reused buffers. A fresh buffer per chunk would leave the garbage
 * collector a file's worth of dead buffers to find, and the process's memory would grow with the
 * file; reusing them keeps it flat. Safe because the body is written one acknowledged chunk at a
 * time, so a buffer comes round again only long after the socket is done with it.
 */
async function* fileChunks(file, chunkBytes = CHUNK_BYTES, onEnd) {
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(file, 'r');
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    let bytes = 0;
    try {
        const pool = Array.from({ length: POOL_SIZE }, () => Buffer.allocUnsafe(chunkBytes));
        for (let index = 0;; index++) {
            const buffer = pool[index % POOL_SIZE];
            const { bytesRead } = await handle.read(buffer, 0, chunkBytes, null);
            if (bytesRead === 0)
                break;
            const chunk = buffer.subarray(0, bytesRead);
            // Hashed before it is handed out: the buffer is reused once the socket is done with it.
            hash.update(chunk);
            bytes += bytesRead;
            yield chunk;
        }
    }
    finally {
        await handle.close();
    }
    onEnd?.({ bytes, sha256: hash.digest('hex') });
}
/**
 * The file as an upload the SDK streams without reading it into memory, from a fresh read each
 * time; `onEnd` hears what was sent once the last byte was read, to compare with what was validated.
 */
function streamingUpload(file, onEnd) {
    return (0,openai__WEBPACK_IMPORTED_MODULE_2__/* .toStreamingFile */ .u3)(fileChunks(file, CHUNK_BYTES, onEnd), node_path__WEBPACK_IMPORTED_MODULE_3___default().basename(file), {
        type: 'application/jsonl'
    });
}
const VALIDATE_FIRST = { sent: 'were sent', expected: 'were validated' };
/** The one pass: what it read to send, against what the pre-pass hashed for the key. */
const ONE_PASS = {
    sent: 'were read to be sent',
    expected: 'were hashed for the idempotency key'
};
/** Why the bytes sent are not the bytes validated, or undefined when they are the same. */
function sentBytesMismatch(file, sent, validated, words = VALIDATE_FIRST) {
    if (sent && sent.bytes === validated.bytes && sent.sha256 === validated.sha256)
        return undefined;
    const short = (sha) => sha.slice(0, 12);
    const what = sent
        ? `${sent.bytes} bytes with SHA-256 ${short(sent.sha256)}… ${words.sent}`
        : 'the upload ended before the whole file was read';
    return (`${node_path__WEBPACK_IMPORTED_MODULE_3___default().basename(file)} changed while it was uploaded: ${what}, but ${validated.bytes} bytes ` +
        `with SHA-256 ${short(validated.sha256)}… ${words.expected}`);
}
/** The file changed between the hash-only pass and the upload: the upload stopped before its end. */
class FileChangedError extends Error {
    constructor(message) {
        super(message);
        this.name = 'FileChangedError';
    }
}


/***/ })

};

//# sourceMappingURL=335.index.js.map