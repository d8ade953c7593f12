export const id = 597;
export const ids = [597];
export const modules = {

/***/ 8597:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  statusOfJob: () => (/* binding */ statusOfJob)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/action/names.ts
var names = __webpack_require__(2814);
// EXTERNAL MODULE: ./src/batch/document.ts
var batch_document = __webpack_require__(2543);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: ./src/batch/metadata.ts
var batch_metadata = __webpack_require__(8055);
// EXTERNAL MODULE: ./src/job/join-job.ts + 1 modules
var join_job = __webpack_require__(5361);
// EXTERNAL MODULE: ./src/job/retry-input.ts
var retry_input = __webpack_require__(6480);
// EXTERNAL MODULE: ./src/job/status.ts
var job_status = __webpack_require__(2881);
// EXTERNAL MODULE: ./src/job/transient.ts
var job_transient = __webpack_require__(5385);
// EXTERNAL MODULE: ./src/results/join.ts + 5 modules
var join = __webpack_require__(9458);
// EXTERNAL MODULE: ./src/commands/collect.ts + 2 modules
var collect = __webpack_require__(7695);
;// CONCATENATED MODULE: ./src/commands/job-results.ts
// The results of a job found by its batch ids (command: status with several ids, command: collect):
// the step that submitted it is gone, and with it the parts' input files. Each round's output and
// error files are read as one (concatenated in part order) and joined against the requests file when
// there is one; a later round's requests are found again from the earlier round's results, as the
// submitting step chose them. Without a requests file the lines are in custom_id order.












/** Where a batch sits in its job, from its tags; a batch without them is part `fallback` of round 0. */
function placeOf(batch, fallback) {
    const metadata = batch.metadata ?? {};
    const tag = /^(\d+)\/(\d+)$/.exec(String(metadata[batch_metadata/* MetadataKeys */.yg.Part] ?? ''));
    const round = Number.parseInt(String(metadata[batch_metadata/* MetadataKeys */.yg.Round] ?? '0'), 10);
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
    const out = (0,external_node_fs_.createWriteStream)(dest);
    for (const [index, file] of present.entries())
        await (0,external_node_stream_promises_.pipeline)((0,external_node_fs_.createReadStream)(file), out, { end: index === present.length - 1 });
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
    const batches = (0,job_status/* inJobOrder */.P)(job.batches);
    const single = batches.length === 1;
    const files = new Map();
    for (const entry of batches) {
        (0,collect/* warnNoOutput */.fS)(env, entry.batch);
        const where = single ? dir : external_node_path_default().join(dir, 'batches', entry.batch.id);
        files.set(entry.batch.id, await (0,collect/* downloadBatchFiles */.mb)(env, entry.batch, where));
    }
    const temp = await (0,promises_.mkdtemp)(external_node_path_default().join(env.context.temp ?? external_node_os_default().tmpdir(), 'batch-job-'));
    try {
        await (0,promises_.mkdir)(dir, { recursive: true });
        const rounds = [...new Set(batches.map((entry) => entry.round))].sort((a, b) => a - b);
        const joinedRounds = [];
        let input = inputPath;
        for (const [index, round] of rounds.entries()) {
            const inRound = batches.filter((entry) => entry.round === round);
            const own = inRound.map((entry) => files.get(entry.batch.id));
            const output = await concatenate(own.map((f) => f.output), external_node_path_default().join(temp, `output-${round}.jsonl`));
            const error = await concatenate(own.map((f) => f.error), external_node_path_default().join(temp, `errors-${round}.jsonl`));
            const destPath = single && rounds.length === 1
                ? external_node_path_default().join(dir, 'results.jsonl')
                : external_node_path_default().join(temp, `round-${round}.jsonl`);
            const result = await (0,join/* joinResults */.F)({
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
                const retry = await (0,retry_input/* writeRetryInput */.M)([{ inputPath: input, resultsPath: result.path, batchStatus: roundStatus(inRound) }], env.inputs.retryErrors ?? [...job_transient/* DEFAULT_RETRY_ERRORS */.LY], external_node_path_default().join(temp, `input-${next}.jsonl`), { signal: env.signal });
                input = retry?.path;
            }
        }
        if (single && rounds.length === 1)
            return { joined: (joinedRounds[0]?.[0]).result, files };
        const joined = await (0,join_job/* joinJob */.S)(joinedRounds, external_node_path_default().join(dir, 'results.jsonl'), {
            withAttempts: rounds.length > 1 || env.inputs.retryFailed > 0,
            secrets: [env.inputs.apiKey],
            signal: env.signal
        });
        env.log.info(`Joined ${joined.total} requests of ${batches.length} batches into ${joined.path}: ${joined.ok} ok, ${joined.error} failed, ${joined.missing} missing; ${joined.usage.total} tokens`);
        return { joined, files };
    }
    finally {
        await (0,promises_.rm)(temp, { recursive: true, force: true });
    }
}

// EXTERNAL MODULE: ./src/commands/job-view.ts
var job_view = __webpack_require__(7655);
// EXTERNAL MODULE: ./src/commands/job-wait.ts
var job_wait = __webpack_require__(3691);
// EXTERNAL MODULE: ./src/commands/step.ts
var step = __webpack_require__(7134);
;// CONCATENATED MODULE: ./src/commands/status-job.ts
// `status` with several batch ids (the batch-ids output of a job): retrieves them all, waits for them
// together when asked, and collects and joins their results into one results.jsonl.








async function statusOfJob(env, now = Date.now) {
    const { inputs, findings, state } = env;
    const api = (0,step/* requireApi */.C)(env);
    await (0,collect/* checkResultsDir */.u9)(env);
    const ids = inputs.batchIds;
    const batches = await Promise.all(ids.map((id) => api.retrieve(id, env.signal)));
    const view = new job_view/* JobView */.$x(env.log, env.outputs);
    findings.job = view;
    const places = new Map();
    batches.forEach((batch, index) => {
        const place = placeOf(batch, { part: index + 1, parts: ids.length });
        // A plan without an input: status only polls and collects these batches.
        places.set(batch.id, {
            ...place,
            input: { path: '', requests: 0, bytes: 0, sha256: '' },
            key: '',
            resubmits: 0,
            notBefore: 0
        });
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
            const waited = await env.log.group(`Wait for batches ${[...running.keys()].join(', ')}`, () => (0,job_wait/* waitForAny */.Hc)(env, view, running, deadline, now));
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
    const dir = await (0,collect/* insideWorkspace */.CT)(env, external_node_path_default().join(inputs.resultsDir, first), 'results-dir');
    const inputPath = inputs.file ? await (0,collect/* insideWorkspace */.CT)(env, inputs.file, 'file') : undefined;
    const collected = await env.log.group('Download results', () => collectJobResults(env, { batches: view.list().filter((entry) => (0,batch_document/* isTerminal */.Hd)(entry.batch.status)) }, dir, inputPath));
    const firstFiles = collected.files.get(first);
    findings.files = {
        output: firstFiles?.output,
        error: firstFiles?.error,
        results: collected.joined.path
    };
    env.outputs.set(names/* Outputs */.tY.OutputPath, firstFiles?.output ?? '');
    env.outputs.set(names/* Outputs */.tY.ErrorPath, firstFiles?.error ?? '');
    findings.results = collected.joined;
    (0,collect/* setResultOutputs */.Ge)(env, collected.joined);
    env.outputs.set(names/* Outputs */.tY.Total, collected.joined.total);
    env.outputs.set(names/* Outputs */.tY.Completed, collected.joined.ok);
    env.outputs.set(names/* Outputs */.tY.Failed, collected.joined.error + collected.joined.missing);
    return { kind: 'ended', batch, results: collected.joined };
}


/***/ })

};

//# sourceMappingURL=597.index.js.map