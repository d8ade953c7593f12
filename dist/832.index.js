export const id = 832;
export const ids = [832];
export const modules = {

/***/ 5274:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ placeOf),
/* harmony export */   I: () => (/* binding */ collectJobResults)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _batch_metadata_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8055);
/* harmony import */ var _job_join_job_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5361);
/* harmony import */ var _job_retry_input_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6480);
/* harmony import */ var _job_status_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(2881);
/* harmony import */ var _job_transient_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(5385);
/* harmony import */ var _results_join_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(643);
/* harmony import */ var _collect_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(8293);
// The results of a job found by its batch ids (command: status with several ids, command: collect):
// the step that submitted it is gone, and with it the parts' input files. Each round's output and
// error files are read as one (concatenated in part order) and joined against the requests file when
// there is one; a later round's requests are found again from the earlier round's results, as the
// submitting step chose them. Without a requests file the lines are in custom_id order.












/** Where a batch sits in its job, from its tags; a batch without them is part `fallback` of round 0. */
function placeOf(batch, fallback) {
    const metadata = batch.metadata ?? {};
    const tag = /^(\d+)\/(\d+)$/.exec(String(metadata[_batch_metadata_js__WEBPACK_IMPORTED_MODULE_5__/* .MetadataKeys */ .yg.Part] ?? ''));
    const round = Number.parseInt(String(metadata[_batch_metadata_js__WEBPACK_IMPORTED_MODULE_5__/* .MetadataKeys */ .yg.Round] ?? '0'), 10);
    return {
        round: Number.isFinite(round) && round > 0 ? round : 0,
        part: tag ? Number(tag[1]) : fallback.part,
        parts: tag ? Number(tag[2]) : fallback.parts
    };
}
/** Several files read as one, in order, into `dest`; undefined when there is none. */
async function concatenate(paths, dest) {
    const present = paths.filter((file) => file !== undefined);
    if (present.length === 0)
        return undefined;
    if (present.length === 1)
        return present[0];
    const out = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createWriteStream)(dest);
    for (const [index, file] of present.entries())
        await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_4__.pipeline)((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(file), out, { end: index === present.length - 1 });
    return dest;
}
/** The worst way a round's batches ended: an expired or cancelled batch leaves requests unanswered. */
function roundStatus(batches) {
    const statuses = new Set(batches.map((entry) => entry.batch.status));
    return ['expired', 'cancelled', 'failed'].find((status) => statuses.has(status)) ?? 'completed';
}
/**
 * Downloads every batch of an ended job into `dir/batches/<id>/` (or `dir` itself for a job of one
 * batch, the layout of a single batch) and joins them into `dir/results.jsonl`.
 */
async function collectJobResults(env, job, dir, inputPath) {
    const batches = (0,_job_status_js__WEBPACK_IMPORTED_MODULE_8__/* .inJobOrder */ .P)(job.batches);
    const single = batches.length === 1;
    const files = new Map();
    for (const entry of batches) {
        (0,_collect_js__WEBPACK_IMPORTED_MODULE_11__/* .warnNoOutput */ .fS)(env, entry.batch);
        const where = single ? dir : node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, 'batches', entry.batch.id);
        files.set(entry.batch.id, await (0,_collect_js__WEBPACK_IMPORTED_MODULE_11__/* .downloadBatchFiles */ .mb)(env, entry.batch, where));
    }
    const temp = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdtemp)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(env.context.temp ?? node_os__WEBPACK_IMPORTED_MODULE_2___default().tmpdir(), 'batch-job-'));
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(dir, { recursive: true });
        const rounds = [...new Set(batches.map((entry) => entry.round))].sort((a, b) => a - b);
        const joinedRounds = [];
        let input = inputPath;
        for (const [index, round] of rounds.entries()) {
            const inRound = batches.filter((entry) => entry.round === round);
            const own = inRound.map((entry) => files.get(entry.batch.id));
            const output = await concatenate(own.map((f) => f.output), node_path__WEBPACK_IMPORTED_MODULE_3___default().join(temp, `output-${round}.jsonl`));
            const error = await concatenate(own.map((f) => f.error), node_path__WEBPACK_IMPORTED_MODULE_3___default().join(temp, `errors-${round}.jsonl`));
            const destPath = single && rounds.length === 1
                ? node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, 'results.jsonl')
                : node_path__WEBPACK_IMPORTED_MODULE_3___default().join(temp, `round-${round}.jsonl`);
            const result = await (0,_results_join_js__WEBPACK_IMPORTED_MODULE_10__/* .joinResults */ .FU)({
                inputPath: input,
                outputPath: output,
                errorPath: error,
                destPath,
                secrets: [env.inputs.apiKey],
                signal: env.signal
            });
            for (const warning of result.warnings ?? [])
                env.log.warning(env.redact(warning));
            joinedRounds.push([{ resultsPath: result.path, result }]);
            const next = rounds[index + 1];
            if (next !== undefined && input !== undefined) {
                const retry = await (0,_job_retry_input_js__WEBPACK_IMPORTED_MODULE_7__/* .writeRetryInput */ .M)([{ inputPath: input, resultsPath: result.path, batchStatus: roundStatus(inRound) }], env.inputs.retryErrors ?? [..._job_transient_js__WEBPACK_IMPORTED_MODULE_9__/* .DEFAULT_RETRY_ERRORS */ .LY], node_path__WEBPACK_IMPORTED_MODULE_3___default().join(temp, `input-${next}.jsonl`), { signal: env.signal });
                input = retry?.path;
            }
        }
        if (single && rounds.length === 1)
            return { joined: (joinedRounds[0]?.[0]).result, files };
        const joined = await (0,_job_join_job_js__WEBPACK_IMPORTED_MODULE_6__/* .joinJob */ .S)(joinedRounds, node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, 'results.jsonl'), {
            withAttempts: rounds.length > 1 || env.inputs.retryFailed > 0,
            secrets: [env.inputs.apiKey],
            signal: env.signal
        });
        env.log.info(`Joined ${joined.total} requests of ${batches.length} batches into ${joined.path}: ${joined.ok} ok, ${joined.error} failed, ${joined.missing} missing; ${joined.usage.total} tokens`);
        return { joined, files };
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(temp, { recursive: true, force: true });
    }
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

/***/ 1832:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   statusOfJob: () => (/* binding */ statusOfJob)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _action_names_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2814);
/* harmony import */ var _batch_document_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2543);
/* harmony import */ var _job_results_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5274);
/* harmony import */ var _job_view_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7655);
/* harmony import */ var _job_wait_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3691);
/* harmony import */ var _collect_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8293);
/* harmony import */ var _step_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7134);
// `status` with several batch ids (the batch-ids output of a job): retrieves them all, waits for them
// together when asked, and collects and joins their results into one results.jsonl.








async function statusOfJob(env, now = Date.now) {
    const { inputs, findings, state } = env;
    const api = (0,_step_js__WEBPACK_IMPORTED_MODULE_7__/* .requireApi */ .C)(env);
    await (0,_collect_js__WEBPACK_IMPORTED_MODULE_6__/* .checkResultsDir */ .u9)(env);
    const ids = inputs.batchIds;
    const batches = await Promise.all(ids.map((id) => api.retrieve(id, env.signal)));
    const view = new _job_view_js__WEBPACK_IMPORTED_MODULE_4__/* .JobView */ .$x(env.log, env.outputs);
    findings.job = view;
    const places = new Map();
    batches.forEach((batch, index) => {
        const place = (0,_job_results_js__WEBPACK_IMPORTED_MODULE_3__/* .placeOf */ .$)(batch, { part: index + 1, parts: ids.length });
        places.set(batch.id, place);
        view.track(place, batch);
    });
    findings.batch = view.asBatch();
    const deadline = now() + inputs.waitTimeoutMs;
    if (inputs.wait) {
        // Waiting makes the step responsible for the batches: cancelled with the step.
        for (const entry of view.running())
            state.saveJobBatch(entry.batch.id);
        for (;;) {
            const running = new Map(view.running().map((entry) => [entry.batch.id, places.get(entry.batch.id)]));
            if (running.size === 0)
                break;
            const waited = await env.log.group(`Wait for batches ${[...running.keys()].join(', ')}`, () => (0,_job_wait_js__WEBPACK_IMPORTED_MODULE_5__/* .waitForAny */ .Hc)(env, view, running, deadline, now));
            findings.batch = view.asBatch();
            if (waited.timedOut) {
                if (inputs.onTimeout === 'cancel')
                    await Promise.all(view
                        .running()
                        .map(async (entry) => view.track(entry, await api.cancel(entry.batch.id, env.signal))));
                state.markSettled();
                findings.batch = view.asBatch();
                return {
                    kind: 'timed out',
                    batch: findings.batch,
                    then: inputs.onTimeout,
                    batchIds: view.ids()
                };
            }
        }
    }
    state.markSettled();
    const batch = view.asBatch();
    findings.batch = batch;
    if (view.running().length > 0)
        return { kind: 'not waiting', batch, batchIds: view.ids() };
    if (!inputs.download)
        return { kind: 'ended', batch };
    const first = view.first()?.batch.id;
    const dir = await (0,_collect_js__WEBPACK_IMPORTED_MODULE_6__/* .insideWorkspace */ .CT)(env, node_path__WEBPACK_IMPORTED_MODULE_0___default().join(inputs.resultsDir, first), 'results-dir');
    const inputPath = inputs.file ? await (0,_collect_js__WEBPACK_IMPORTED_MODULE_6__/* .insideWorkspace */ .CT)(env, inputs.file, 'file') : undefined;
    const collected = await env.log.group('Download results', () => (0,_job_results_js__WEBPACK_IMPORTED_MODULE_3__/* .collectJobResults */ .I)(env, { batches: view.list().filter((entry) => (0,_batch_document_js__WEBPACK_IMPORTED_MODULE_2__/* .isTerminal */ .Hd)(entry.batch.status)) }, dir, inputPath));
    const firstFiles = collected.files.get(first);
    findings.files = {
        output: firstFiles?.output,
        error: firstFiles?.error,
        results: collected.joined.path
    };
    env.outputs.set(_action_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Outputs */ .tY.OutputPath, firstFiles?.output ?? '');
    env.outputs.set(_action_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Outputs */ .tY.ErrorPath, firstFiles?.error ?? '');
    findings.results = collected.joined;
    (0,_collect_js__WEBPACK_IMPORTED_MODULE_6__/* .setResultOutputs */ .Ge)(env, collected.joined);
    env.outputs.set(_action_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Outputs */ .tY.Total, collected.joined.total);
    env.outputs.set(_action_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Outputs */ .tY.Completed, collected.joined.ok);
    env.outputs.set(_action_names_js__WEBPACK_IMPORTED_MODULE_1__/* .Outputs */ .tY.Failed, collected.joined.error + collected.joined.missing);
    return { kind: 'ended', batch, results: collected.joined };
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


/***/ })

};

//# sourceMappingURL=832.index.js.map