export const id = 628;
export const ids = [628];
export const modules = {

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

/***/ 5361:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  S: () => (/* binding */ joinJob)
});

// EXTERNAL MODULE: ./src/jsonl/atomic.ts
var atomic = __webpack_require__(4857);
// EXTERNAL MODULE: ./src/jsonl/output-buffer.ts + 1 modules
var output_buffer = __webpack_require__(2699);
// EXTERNAL MODULE: ./src/lib/redact.ts
var redact = __webpack_require__(310);
// EXTERNAL MODULE: ./src/net/abort.ts
var abort = __webpack_require__(3961);
// EXTERNAL MODULE: ./src/results/samples.ts
var samples = __webpack_require__(4477);
// EXTERNAL MODULE: ./src/results/types.ts
var types = __webpack_require__(5187);
// EXTERNAL MODULE: ./src/results/usage.ts
var usage = __webpack_require__(8233);
// EXTERNAL MODULE: ./src/job/joined-line.ts
var joined_line = __webpack_require__(8369);
// EXTERNAL MODULE: ./src/jsonl/lines.ts
var lines = __webpack_require__(4277);
;// CONCATENATED MODULE: ./src/job/round-lines.ts
// The lines of one round of a job: the results.jsonl of its parts, one after the other.


/** Reads the lines of `paths` in order, one at a time, blank lines skipped. */
class RoundLines {
    paths;
    part = -1;
    lines;
    constructor(paths) {
        this.paths = paths;
    }
    /** The next line; undefined after the last line of the last part. */
    async next() {
        for (;;) {
            if (!this.lines) {
                if (++this.part >= this.paths.length)
                    return undefined;
                this.lines = (0,lines/* readLines */.Se)(this.paths[this.part])[Symbol.asyncIterator]();
            }
            const next = await this.lines.next();
            if (next.done) {
                this.lines = undefined;
                continue;
            }
            const line = next.value;
            if ((0,lines/* isBlankLine */.pB)(line.bytes))
                continue;
            const path = this.paths[this.part];
            try {
                return { ...(0,joined_line/* lineHead */.X)(line.bytes), bytes: line.bytes, path, number: line.number };
            }
            catch (error) {
                throw new Error(`${path} line ${line.number}: ${error.message}`, {
                    cause: error
                });
            }
        }
    }
    /** Closes the file being read (after an error, or an early stop). */
    async close() {
        await this.lines?.return?.();
        this.lines = undefined;
    }
}

;// CONCATENATED MODULE: ./src/job/join-job.ts
// The job's results.jsonl: the results.jsonl of every batch of every round, joined into one line
// per input request, in input order, with each request's final outcome.
//
// Round 0's parts, read one after the other, hold one line per input request in input order. A
// later round resubmitted some of those requests, still in input order, so its lines come in the
// same order too: the files are walked side by side, one line of each round at hand, and a round's
// line replaces the line of round 0 (and of the rounds before it) with the same custom_id. Nothing
// is kept per request: memory stays the same whatever the number of lines.









const NEWLINE = Buffer.from('\n');
const CLOSE_BRACE = 0x7d;
/** A JoinResult with the inputs' sums (usage, malformed, warnings) and no lines counted yet. */
function startResult(parts, dest) {
    const result = {
        path: dest,
        total: 0,
        ok: 0,
        error: 0,
        missing: 0,
        // Every batch was billed, a retried request in each round it ran in.
        usage: { prompt: 0, completion: 0, total: 0 },
        failures: [],
        failureCodes: [],
        samples: [],
        malformed: 0,
        warnings: []
    };
    for (const { result: part } of parts) {
        (0,usage/* addUsage */.v)(result.usage, part.usage);
        result.malformed += part.malformed;
        result.warnings.push(...part.warnings);
    }
    return result;
}
/** Counts the final lines: totals, the first failures and successes, failures by code. */
class FinalCounts {
    codes = new samples/* FailureCounter */.v();
    result;
    constructor(result) {
        this.result = result;
    }
    add(line) {
        const result = this.result;
        result.total++;
        if (line.status === 'missing')
            result.missing++;
        else if (line.status === 'ok') {
            result.ok++;
            if (result.samples.length < types/* MAX_SAMPLES */.xs) {
                const parsed = (0,joined_line/* parseJoinedLine */.v)(line.bytes);
                result.samples.push({ custom_id: parsed.custom_id, text: (0,samples/* replyText */.c)(parsed.response) });
            }
        }
        else {
            result.error++;
            const parsed = (0,joined_line/* parseJoinedLine */.v)(line.bytes);
            const error = parsed.error ?? { message: 'request failed' };
            const failure = {
                custom_id: parsed.custom_id,
                message: error.message,
                ...(error.code !== undefined ? { code: String(error.code) } : {}),
                ...(typeof error.status_code === 'number' ? { status_code: error.status_code } : {})
            };
            if (result.failures.length < types/* MAX_FAILURES_LISTED */.lZ)
                result.failures.push(failure);
            this.codes.add(failure);
        }
    }
    /** Fills in the failure groups, secrets masked in every text that is returned. */
    finish(secrets) {
        const result = this.result;
        result.failureCodes = this.codes.list();
        if (secrets.length === 0)
            return;
        const mask = (failure) => {
            failure.message = (0,redact/* redact */.E)(failure.message, secrets);
            failure.custom_id = (0,redact/* redact */.E)(failure.custom_id, secrets);
        };
        result.failures.forEach(mask);
        for (const group of result.failureCodes)
            mask(group.example);
        for (const sample of result.samples)
            sample.text = (0,redact/* redact */.E)(sample.text, secrets);
    }
}
/** Writes a line, with its attempts as the last member when `attempts` is given. */
function writeLine(out, line, attempts) {
    const bytes = line.bytes;
    if (attempts === undefined) {
        out.bytes(bytes, 0, bytes.length);
        out.bytes(NEWLINE, 0, 1);
        return;
    }
    let end = bytes.length - 1;
    while (end > 0 && bytes[end] !== CLOSE_BRACE)
        end--;
    if (bytes[end] !== CLOSE_BRACE)
        throw new Error(`${line.path} line ${line.number}: not a line of results.jsonl`);
    out.bytes(bytes, 0, end);
    out.text(`,"attempts":${attempts}}\n`);
}
/** The first line of a later round that round 0 has no place for, as an error. */
function strayLine(round, line) {
    return new Error(`${line.path} line ${line.number} (round ${round}) is the result of custom_id ` +
        `${JSON.stringify(line.customId.slice(0, 100))}, which is not a request of the job at that ` +
        'place in input order: the rounds do not belong to one job');
}
/**
 * Writes the job's results.jsonl to `dest` atomically from `rounds` (round 0 first, each round's
 * parts in part order) and returns the job's JoinResult: counts, failures and samples of the final
 * lines; usage, malformed lines and warnings summed over every part of every round. One part in
 * one round without attempts gives a copy of that part's file, byte for byte.
 */
async function joinJob(rounds, dest, options) {
    const [first, ...retries] = rounds;
    if (!first || first.length === 0)
        throw new Error('internal error: a job without batches');
    const result = startResult(rounds.flat(), dest);
    const counts = new FinalCounts(result);
    const secrets = (options.secrets ?? []).filter((s) => !!s);
    const signal = options.signal;
    await (0,atomic/* writeAtomically */.v)(dest, (file) => (0,output_buffer/* writeBuffered */.d)(file, async (out) => {
        const base = new RoundLines(first.map((part) => part.resultsPath));
        const later = retries.map((parts) => new RoundLines(parts.map((part) => part.resultsPath)));
        try {
            let head = await base.next();
            const heads = await Promise.all(later.map((round) => round.next()));
            while (head) {
                // An abort removes the temporary file (writeAtomically): no half results.jsonl appears.
                if (signal?.aborted)
                    throw (0,abort/* abortReason */.Js)(signal);
                let final = head;
                let attempts = 1;
                for (const retried of heads) {
                    if (retried?.customId !== head.customId)
                        continue;
                    final = retried;
                    attempts++;
                }
                counts.add(final);
                writeLine(out, final, options.withAttempts ? attempts : undefined);
                if (out.full)
                    await out.flush();
                // The lines just written are views of the readers' buffers: only now move on.
                for (let r = 0; r < heads.length; r++) {
                    if (heads[r]?.customId === head.customId)
                        heads[r] = await later[r].next();
                }
                head = await base.next();
            }
            const stray = heads.findIndex((line) => line !== undefined);
            if (stray !== -1)
                throw strayLine(stray + 1, heads[stray]);
        }
        finally {
            await Promise.all([base, ...later].map((round) => round.close()));
        }
    }, { secrets }));
    counts.finish(secrets);
    return result;
}


/***/ }),

/***/ 8369:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ lineHead),
/* harmony export */   v: () => (/* binding */ parseJoinedLine)
/* harmony export */ });
/* harmony import */ var _results_schemas_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6678);

const HEAD = Buffer.from('{"custom_id":"');
const STATUS_KEY = Buffer.from(',"status":"');
const STATUSES = ['ok', 'error', 'missing'].map((status) => ({ word: Buffer.from(`${status}"`), status }));
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
function startsWithAt(bytes, prefix, at) {
    return (at + prefix.length <= bytes.length &&
        bytes.compare(prefix, 0, prefix.length, at, at + prefix.length) === 0);
}
/** The id and status from the first bytes of a line the join wrote; undefined for any other form. */
function quickHead(bytes) {
    if (!startsWithAt(bytes, HEAD, 0))
        return undefined;
    const start = HEAD.length;
    const end = bytes.indexOf(QUOTE, start);
    if (end === -1)
        return undefined;
    // An escape in the id (a quote, a backslash, a control character): left to JSON.parse.
    const backslash = bytes.indexOf(BACKSLASH, start);
    if (backslash !== -1 && backslash < end)
        return undefined;
    const at = end + 1;
    if (!startsWithAt(bytes, STATUS_KEY, at))
        return undefined;
    const wordAt = at + STATUS_KEY.length;
    for (const { word, status } of STATUSES) {
        if (startsWithAt(bytes, word, wordAt))
            return { customId: bytes.toString('utf8', start, end), status };
    }
    return undefined;
}
function isStatus(value) {
    return value === 'ok' || value === 'error' || value === 'missing';
}
/** Parses a whole line; throws when it is not a line of results.jsonl. */
function parseJoinedLine(bytes) {
    let line;
    try {
        line = JSON.parse(bytes.toString('utf8'));
    }
    catch (error) {
        throw new Error(`not a line of results.jsonl (${error.message})`, { cause: error });
    }
    if (!(0,_results_schemas_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(line) || typeof line['custom_id'] !== 'string' || !isStatus(line['status']))
        throw new Error('not a line of results.jsonl (it needs a custom_id and a status)');
    const error = line['error'];
    if (line['status'] === 'error' && (!(0,_results_schemas_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(error) || typeof error['message'] !== 'string'))
        throw new Error('not a line of results.jsonl (an error line needs an error with a message)');
    return line;
}
/** The custom_id and status of a line; throws when it is not a line of results.jsonl. */
function lineHead(bytes) {
    const quick = quickHead(bytes);
    if (quick)
        return quick;
    const line = parseJoinedLine(bytes);
    return { customId: line.custom_id, status: line.status };
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

/***/ 6480:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ writeRetryInput)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _jsonl_atomic_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4857);
/* harmony import */ var _jsonl_lines_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4277);
/* harmony import */ var _net_abort_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3961);
/* harmony import */ var _results_input_ids_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5237);
/* harmony import */ var _results_schemas_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6678);
/* harmony import */ var _joined_line_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8369);
/* harmony import */ var _transient_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5385);
// The input of a retry round: the requests of the round before that failed for a passing reason,
// in input order, each line with the bytes it was sent with.
//
// Each part's input file and its results.jsonl are read side by side: the join wrote one result
// line per request of the input, in input order, so the n-th request of the input has the n-th
// result line. Nothing is kept but the line at hand: memory does not grow with the files.








const WRITE_BYTES = 1 << 20;
/** Lines gathered and written about 1 MiB at a time, hashed and counted as they are written. */
class HashedLines {
    buffer = Buffer.allocUnsafe(WRITE_BYTES);
    used = 0;
    hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    bytes = 0;
    lines = 0;
    file;
    constructor(file) {
        this.file = file;
    }
    async add(line) {
        if (this.used + line.length + 1 > this.buffer.length)
            await this.flush();
        if (line.length + 1 > this.buffer.length)
            this.buffer = Buffer.allocUnsafe(line.length + 1);
        line.copy(this.buffer, this.used);
        this.buffer[this.used + line.length] = 0x0a;
        this.used += line.length + 1;
        this.lines++;
    }
    async flush() {
        const data = this.buffer.subarray(0, this.used);
        this.hash.update(data);
        this.bytes += data.length;
        let done = 0;
        while (done < data.length)
            done += (await this.file.write(data, done)).bytesWritten;
        this.used = 0;
        // A buffer grown for one huge line is not kept.
        if (this.buffer.length > 4 * WRITE_BYTES)
            this.buffer = Buffer.allocUnsafe(WRITE_BYTES);
    }
}
/** The custom_id of an input line, undefined for a line the join skipped too (not a request). */
function inputId(line) {
    const quick = (0,_results_input_ids_js__WEBPACK_IMPORTED_MODULE_4__/* .quickCustomId */ .S)(line.bytes);
    if (quick !== undefined)
        return quick;
    try {
        return _results_schemas_js__WEBPACK_IMPORTED_MODULE_5__/* .InputLine */ .nz.parse(JSON.parse(line.bytes.toString('utf8'))).custom_id;
    }
    catch {
        return undefined;
    }
}
/** The next line that is not blank. */
async function nextLine(lines) {
    for (;;) {
        const next = await lines.next();
        if (next.done)
            return undefined;
        if (!(0,_jsonl_lines_js__WEBPACK_IMPORTED_MODULE_2__/* .isBlankLine */ .pB)(next.value.bytes))
            return next.value;
    }
}
const quoted = (id) => JSON.stringify(id.length > 100 ? `${id.slice(0, 99)}…` : id);
const NOT_THIS_INPUT = 'the results do not belong to this input';
/** The result line of a request, read as far as the retry decision needs. */
function resultOf(part, line, id, at) {
    let head;
    try {
        head = (0,_joined_line_js__WEBPACK_IMPORTED_MODULE_6__/* .lineHead */ .X)(line.bytes);
    }
    catch (error) {
        throw new Error(`${part.resultsPath} line ${line.number}: ${error.message}`, {
            cause: error
        });
    }
    if (head.customId !== id) {
        throw new Error(`${part.resultsPath} line ${line.number} is the result of custom_id ${quoted(head.customId)}, ` +
            `but line ${at.number} of ${part.inputPath} is the request ${quoted(id)}: ${NOT_THIS_INPUT}`);
    }
    if (head.status !== 'error')
        return { custom_id: id, status: head.status };
    return (0,_joined_line_js__WEBPACK_IMPORTED_MODULE_6__/* .parseJoinedLine */ .v)(line.bytes);
}
/** Writes the transient failures of one part, in its input order. */
async function addPart(part, codes, out, signal) {
    const results = (0,_jsonl_lines_js__WEBPACK_IMPORTED_MODULE_2__/* .readLines */ .Se)(part.resultsPath)[Symbol.asyncIterator]();
    try {
        let requests = 0;
        for await (const line of (0,_jsonl_lines_js__WEBPACK_IMPORTED_MODULE_2__/* .readLines */ .Se)(part.inputPath)) {
            if (signal?.aborted)
                throw (0,_net_abort_js__WEBPACK_IMPORTED_MODULE_3__/* .abortReason */ .Js)(signal);
            if ((0,_jsonl_lines_js__WEBPACK_IMPORTED_MODULE_2__/* .isBlankLine */ .pB)(line.bytes))
                continue;
            const id = inputId(line);
            if (id === undefined)
                continue;
            requests++;
            const result = await nextLine(results);
            if (!result) {
                throw new Error(`${part.resultsPath} ends after ${requests - 1} results, but line ${line.number} of ` +
                    `${part.inputPath} is another request (${quoted(id)}): ${NOT_THIS_INPUT}`);
            }
            const joined = resultOf(part, result, id, line);
            if ((0,_transient_js__WEBPACK_IMPORTED_MODULE_7__/* .isTransientFailure */ .Ri)(joined, codes, part.batchStatus))
                await out.add(line.bytes);
        }
        const extra = await nextLine(results);
        if (extra) {
            throw new Error(`${part.resultsPath} line ${extra.number} is a result beyond the ${requests} requests of ` +
                `${part.inputPath}: ${NOT_THIS_INPUT}`);
        }
    }
    finally {
        await results.return(undefined);
    }
}
class NoRetries extends Error {
}
/**
 * Writes to `dest` (atomically) the input lines, in input order over the parts in order, of the
 * requests whose result is a transient failure (isTransientFailure with `codes`; undefined: the
 * default list). Each line keeps its bytes, ended by '\n'. Undefined, and no file, when there is
 * none. Throws, writing nothing, when a results file does not match its input line for line.
 */
async function writeRetryInput(parts, codes, dest, options = {}) {
    const set = codes instanceof Set ? codes : (0,_transient_js__WEBPACK_IMPORTED_MODULE_7__/* .transientCodes */ .p8)(codes);
    try {
        return await (0,_jsonl_atomic_js__WEBPACK_IMPORTED_MODULE_1__/* .writeAtomically */ .v)(dest, async (file) => {
            const out = new HashedLines(file);
            for (const part of parts)
                await addPart(part, set, out, options.signal);
            // Nothing to send: the temporary file is removed and `dest` left as it was.
            if (out.lines === 0)
                throw new NoRetries();
            await out.flush();
            return { path: dest, requests: out.lines, bytes: out.bytes, sha256: out.hash.digest('hex') };
        });
    }
    catch (error) {
        if (error instanceof NoRetries)
            return undefined;
        throw error;
    }
}


/***/ }),

/***/ 5385:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LY: () => (/* binding */ DEFAULT_RETRY_ERRORS),
/* harmony export */   Ri: () => (/* binding */ isTransientFailure),
/* harmony export */   p8: () => (/* binding */ transientCodes)
/* harmony export */ });
/* harmony import */ var _batch_document_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2543);
// Which failed requests `retry-failed` sends again: those that failed for a passing reason.

/**
 * The error codes and HTTP status codes `retry-errors` defaults to (action.yml lists them).
 * Where providers write them:
 * - 429 with `rate_limit_exceeded`, 5xx with `server_error`: a failed request's line in the error
 *   file, `response.status_code` and `response.body.error.code` (or `.type`); OpenAI's answers, and
 *   the local Batch API's (tools/mock-batch-api, `requestErrorBody`).
 * - `batch_expired`: the error-file line of each request an expired batch did not reach
 *   (batch-api-facts.md, "Partial results").
 * - `batch_cancelled`, `timeout`: the same kind of line for a cancelled batch and a request that
 *   timed out, in the action's documented list.
 * - 408: an HTTP request timeout; the `openai` SDK retries 408, 429 and 5xx for the same reason
 *   (batch-api-facts.md, "Retries"). Not 409: in a batch a conflict is not a request to wait for.
 * A 400 (`invalid_request_error`), a content-policy refusal, 401/403/404 are lasting: never here.
 */
const DEFAULT_RETRY_ERRORS = [
    '408',
    '429',
    '500',
    '502',
    '503',
    '504',
    'rate_limit_exceeded',
    'server_error',
    'timeout',
    'batch_expired',
    'batch_cancelled'
];
/** The codes to match, lower-cased (codes are compared without case); empty or none: the default. */
function transientCodes(codes) {
    const list = codes && codes.length > 0 ? codes : DEFAULT_RETRY_ERRORS;
    return new Set(list.map((code) => code.trim().toLowerCase()));
}
/**
 * The code a request missing from a batch's output counts under: a batch that expired or was
 * cancelled did not reach it, as if its error line said `batch_expired` / `batch_cancelled` (some
 * providers write that line, some write nothing). Removing that code from `retry-errors` stops both.
 * A `failed` batch ran none of its requests because its input file was refused: sending the same
 * requests again would fail the same way, so they are lasting. (A batch refused for an enqueued-token
 * limit is resubmitted whole, as its part, before any round of retries.) A request missing from a
 * `completed` batch is the provider's loss, not a passing failure either.
 */
function missingCode(batchStatus) {
    const status = (0,_batch_document_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeStatus */ .SP)(batchStatus);
    if (status === 'expired')
        return 'batch_expired';
    if (status === 'cancelled')
        return 'batch_cancelled';
    return undefined;
}
/**
 * Whether a line of a batch's results.jsonl is a failure worth sending again: an 'error' whose
 * `status_code` (as text) or `code` is in `codes`, or a 'missing' request of an expired or cancelled
 * batch (see missingCode). `codes` as given to `retry-errors`, or the set of transientCodes.
 */
function isTransientFailure(line, codes, batchStatus) {
    const set = codes instanceof Set ? codes : transientCodes(codes);
    if (line.status === 'missing') {
        const code = missingCode(batchStatus);
        return code !== undefined && set.has(code);
    }
    if (line.status !== 'error' || !line.error)
        return false;
    const { code, status_code: statusCode } = line.error;
    if (statusCode !== undefined && set.has(String(statusCode)))
        return true;
    return code !== undefined && set.has(String(code).toLowerCase());
}


/***/ })

};

//# sourceMappingURL=628.index.js.map