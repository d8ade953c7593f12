export const id = 351;
export const ids = [351];
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

/***/ 4351:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  collectJobs: () => (/* binding */ collectJobs)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/action/names.ts
var names = __webpack_require__(2814);
// EXTERNAL MODULE: ./src/batch/ledger.ts
var ledger = __webpack_require__(4635);
// EXTERNAL MODULE: ./src/batch/metadata.ts
var metadata = __webpack_require__(8055);
// EXTERNAL MODULE: ./src/lib/format.ts
var format = __webpack_require__(432);
// EXTERNAL MODULE: ./src/net/abort.ts
var abort = __webpack_require__(3961);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/jsonl/atomic.ts
var atomic = __webpack_require__(4857);
;// CONCATENATED MODULE: ./src/results/job-manifest.ts
// job.json: written in a job's results folder once its results are complete, so that `collect`
// run again knows the job is there and downloads nothing twice. It names the batches (ids,
// statuses, file ids) the results were made from: a job whose batches changed since (a part
// resubmitted, a file that appeared) no longer matches it, and is collected again.



const MANIFEST_NAME = 'job.json';
function batchesOf(job) {
    return job.batches.map((batch) => ({
        id: batch.id,
        status: batch.status,
        output_file_id: batch.output_file_id ?? null,
        error_file_id: batch.error_file_id ?? null
    }));
}
/** The manifest of a job whose results were joined into `joined.path`. */
function manifestOf(job, joined) {
    return {
        job: job.id,
        batches: batchesOf(job),
        counts: { total: joined.total, completed: joined.ok, failed: joined.error + joined.missing },
        tokens: { ...joined.usage },
        results: external_node_path_default().basename(joined.path)
    };
}
/** True when the manifest was written from exactly the batches the job has now. */
function manifestMatches(manifest, job) {
    return (manifest.job === job.id && JSON.stringify(manifest.batches) === JSON.stringify(batchesOf(job)));
}
function isManifest(value) {
    const m = value;
    return (typeof m === 'object' &&
        m !== null &&
        typeof m.job === 'string' &&
        Array.isArray(m.batches) &&
        typeof m.results === 'string' &&
        typeof m.counts?.total === 'number' &&
        typeof m.tokens?.total === 'number');
}
/** The manifest in `dir`, or undefined when there is none or it cannot be read (then: collect again). */
async function readManifest(dir) {
    let text;
    try {
        text = await (0,promises_.readFile)(external_node_path_default().join(dir, MANIFEST_NAME), 'utf8');
    }
    catch {
        return undefined;
    }
    try {
        const parsed = JSON.parse(text);
        return isManifest(parsed) ? parsed : undefined;
    }
    catch {
        return undefined;
    }
}
/** Writes the manifest atomically: it is there complete, or not at all. */
async function writeManifest(dir, manifest) {
    await (0,atomic/* writeAtomically */.v)(external_node_path_default().join(dir, MANIFEST_NAME), async (file) => {
        await file.writeFile(`${JSON.stringify(manifest, null, 2)}\n`);
    });
}

// EXTERNAL MODULE: ./src/commands/collect.ts + 5 modules
var collect = __webpack_require__(8293);
// EXTERNAL MODULE: ./src/commands/job-results.ts
var job_results = __webpack_require__(5274);
// EXTERNAL MODULE: ./src/batch/document.ts
var batch_document = __webpack_require__(2543);
// EXTERNAL MODULE: ./src/batch/poll.ts + 1 modules
var batch_poll = __webpack_require__(3214);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(7268);
// EXTERNAL MODULE: ./src/net/retry.ts
var retry = __webpack_require__(7893);
// EXTERNAL MODULE: ./src/commands/failure.ts
var commands_failure = __webpack_require__(9776);
// EXTERNAL MODULE: ./src/commands/step.ts
var step = __webpack_require__(7134);
;// CONCATENATED MODULE: ./src/commands/collect-wait.ts








/** At most this many retrieves are in flight at once, however many batches are waited on. */
const RETRIEVES_IN_FLIGHT = 8;
async function inBatches(items, size, work) {
    const results = [];
    for (let start = 0; start < items.length; start += size)
        results.push(...(await Promise.allSettled(items.slice(start, start + size).map(work))));
    return results;
}
/**
 * Polls every batch of a running job until every job ends (an incomplete job, whose missing parts
 * no poll can bring, is not waited for). A poll in which some retrieve failed for a passing reason
 * counts towards max-consecutive-errors; any other failure ends the step.
 */
async function waitForJobs(env, start, deps = {}) {
    const { inputs, log, signal } = env;
    const api = (0,step/* requireApi */.C)(env);
    const now = deps.now ?? Date.now;
    const sleep = deps.sleep ?? abort/* sleep */.yy;
    const deadline = now() + inputs.waitTimeoutMs;
    const backoff = { initialMs: inputs.pollIntervalMs, maxMs: inputs.maxPollIntervalMs };
    const latest = new Map();
    for (const job of start)
        for (const batch of job.batches)
            latest.set(batch.id, batch);
    let jobs = start;
    let consecutiveErrors = 0;
    let extraDelay = 0;
    for (let poll = 0;; poll++) {
        const running = jobs.filter((job) => job.status === 'running');
        if (running.length === 0)
            return { jobs, timedOut: false };
        const remaining = deadline - now();
        if (remaining <= 0)
            return { jobs, timedOut: true };
        const delay = Math.min(inputs.maxPollIntervalMs, Math.max((0,batch_poll/* pollDelayMs */.pP)(poll, backoff), extraDelay));
        await sleep(Math.min(delay, remaining), signal);
        const pending = running.flatMap((job) => job.batches.filter((b) => !(0,batch_document/* isTerminal */.Hd)(b.status)));
        const answers = await inBatches(pending, RETRIEVES_IN_FLIGHT, (batch) => api.retrieveOnce(batch.id, signal));
        let failure;
        for (const answer of answers) {
            if (answer.status === 'fulfilled')
                latest.set(answer.value.id, answer.value);
            else
                failure ??= answer.reason;
        }
        if (signal.aborted)
            throw signal.reason;
        extraDelay = 0;
        if (failure === undefined)
            consecutiveErrors = 0;
        else {
            if (!(0,retry/* isTransientApiError */.f0)(failure))
                throw failure;
            consecutiveErrors++;
            if (consecutiveErrors >= inputs.maxConsecutiveErrors) {
                throw new commands_failure/* StepFailure */.p(`${consecutiveErrors} polls in a row failed (last: ${env.redact((0,errors/* describeApiError */.g)(failure, inputs))}); the provider may be down: run collect again later, or raise max-consecutive-errors`);
            }
            extraDelay = (0,retry/* retryAfterMs */.Vs)(failure) ?? 0;
            log.warning(`Poll ${consecutiveErrors} of at most ${inputs.maxConsecutiveErrors} in a row failed: ${env.redact((0,errors/* describeApiError */.g)(failure, inputs))}`);
        }
        const before = new Map(jobs.map((job) => [job.id, job.status]));
        jobs = (0,ledger/* groupJobs */.qY)(jobs.flatMap((job) => job.batches.map((b) => latest.get(b.id) ?? b)));
        for (const job of jobs)
            if (job.status !== before.get(job.id))
                log.info(`Job ${job.id} is ${job.status}`);
    }
}

// EXTERNAL MODULE: ./src/commands/pr-comment.ts + 1 modules
var pr_comment = __webpack_require__(8375);
;// CONCATENATED MODULE: ./src/commands/collect-jobs.ts
// `collect`: the provider's batch list is the ledger. The batches of this repository that match
// `match`, created within `since`, are grouped into jobs; each job that ended has its results
// brought into `results-dir/<first batch id>/`, once (job.json says it is done); jobs still
// running are reported and left alone. Nothing is created, nothing is cancelled.












/** The matching jobs created within `since`, newest pages first, as far back as `since` needs. */
async function findJobs(env, now) {
    const { inputs, context, signal } = env;
    const api = (0,step/* requireApi */.C)(env);
    const since = Math.floor((now() - inputs.sinceMs) / 1000);
    const listed = await api.retry('List batches', () => api.listSince(since, signal), signal);
    const filter = { repository: context.repository, match: inputs.match };
    return (0,ledger/* groupJobs */.qY)(listed.filter((batch) => (0,ledger/* matchesJob */.Re)(batch, filter)));
}
function reportOf(job, collected) {
    const counts = collected?.manifest.counts ?? (0,ledger/* jobCounts */.O0)(job);
    return {
        job: job.id,
        batch_ids: job.batches.map((batch) => batch.id),
        status: job.status,
        ...counts,
        tokens: collected?.manifest.tokens ?? (0,ledger/* jobTokens */.I8)(job),
        metadata: job.metadata,
        results_path: collected?.path ?? null
    };
}
function pullRequestTagOf(batch) {
    const tag = batch.metadata?.[metadata/* MetadataKeys */.yg.PullRequest];
    return typeof tag === 'string' && /^[1-9]\d{0,9}$/.test(tag) ? Number(tag) : undefined;
}
/**
 * The comment of the pull request the job was submitted from, under the marker of the step that
 * submitted it (its workflow, job and step tags), so that the comment it wrote is the one edited.
 */
async function updateComment(env, job, results) {
    const first = (0,ledger/* firstBatchOf */.WL)(job);
    const pullRequest = pullRequestTagOf(first);
    if (pullRequest === undefined)
        return;
    const tag = (key, fallback) => {
        const value = first.metadata?.[key];
        return typeof value === 'string' ? value : fallback;
    };
    const { context, inputs } = env;
    const submitted = {
        ...context,
        workflow: tag(metadata/* MetadataKeys */.yg.Workflow, context.workflow),
        job: tag(metadata/* MetadataKeys */.yg.Job, context.job),
        action: tag(metadata/* MetadataKeys */.yg.Step, context.action),
        pullRequest
    };
    const comment = pr_comment/* PullRequestComment */.Gc.of(inputs, submitted, env.log, env.redact, {}, pullRequest);
    await comment?.update('finished', {
        batch: job.latest.at(-1) ?? first,
        inputs: { ...inputs, command: 'collect' },
        results
    });
}
/** Brings one ended job's results into its folder, unless job.json says they are there already. */
async function collectJob(env, job) {
    const folder = external_node_path_default().join(env.inputs.resultsDir, (0,ledger/* firstBatchOf */.WL)(job).id);
    const dir = await (0,collect/* insideWorkspace */.CT)(env, folder, 'results-dir');
    const existing = await readManifest(dir);
    if (existing && manifestMatches(existing, job))
        return { manifest: existing, path: external_node_path_default().join(dir, existing.results), fresh: false };
    // The latest batch of each part of each round: an earlier try of a part (refused for the token
    // limit, then sent again) counts for nothing.
    const batches = job.latest.map((batch, index) => ({
        ...(0,job_results/* placeOf */.$)(batch, { part: index + 1, parts: job.latest.length }),
        batch
    }));
    const { joined } = await (0,job_results/* collectJobResults */.I)(env, { batches }, dir);
    const manifest = manifestOf(job, joined);
    await writeManifest(dir, manifest);
    if (!env.signal.aborted)
        await updateComment(env, job, joined);
    return { manifest, path: joined.path, fresh: true };
}
function describeJob(job) {
    const batches = job.batches.length === 1 ? 'batch' : `${job.batches.length} batches`;
    return `Job ${job.id} (${batches}, first ${(0,ledger/* firstBatchOf */.WL)(job).id})`;
}
/** `collect`, from the list to the `jobs` output; the summary table is main's. */
async function collectJobs(env, now = Date.now) {
    const { inputs, log, outputs } = env;
    if (inputs.download)
        await (0,collect/* checkResultsDir */.u9)(env);
    let jobs = await log.group('Find the jobs', () => findJobs(env, now));
    const pairs = Object.entries(inputs.match).map(([key, value]) => `${key}=${value}`);
    log.info(`${jobs.length} job${jobs.length === 1 ? '' : 's'} of this repository created in the last ${(0,format/* formatDuration */.a3)(inputs.sinceMs / 1000)}` +
        (pairs.length > 0 ? ` with ${pairs.join(', ')}` : ''));
    let timedOut = false;
    if (inputs.wait && jobs.some((job) => job.status === 'running')) {
        const waited = await log.group('Wait for the jobs', () => waitForJobs(env, jobs, { now }));
        jobs = waited.jobs;
        timedOut = waited.timedOut;
    }
    const reports = [];
    const problems = [];
    for (const job of jobs) {
        if (!job.ended || !inputs.download) {
            const why = job.status === 'incomplete'
                ? `incomplete: part ${job.missingParts.join(', ')} of its last round is not listed; not collected`
                : job.ended
                    ? `${job.status}; not downloaded (download: false)`
                    : 'still running; left alone';
            log.info(`${describeJob(job)} is ${why}`);
            reports.push(reportOf(job));
            continue;
        }
        try {
            const collected = await log.group(`Collect ${describeJob(job)}`, () => collectJob(env, job));
            const { counts } = collected.manifest;
            log.info(`${describeJob(job)} is ${job.status}: ${(0,format/* formatNumber */.ZV)(counts.total)} requests, ${(0,format/* formatNumber */.ZV)(counts.failed)} failed; ` +
                `${collected.fresh ? 'results in' : 'collected already, nothing downloaded:'} ${collected.path}`);
            reports.push(reportOf(job, collected));
        }
        catch (error) {
            if ((0,abort/* isAbort */.rV)(error, env.signal))
                throw error;
            const message = env.redact(error.message);
            log.warning(`${describeJob(job)} could not be collected: ${message}`);
            problems.push(`${job.id}: ${message}`);
            reports.push(reportOf(job));
        }
    }
    outputs.set(names/* Outputs */.tY.Jobs, JSON.stringify(reports));
    if (problems.length > 0) {
        const message = `${problems.length} of the jobs could not be collected (${problems.join('; ')}); run collect again`;
        return { ending: { kind: 'error', message }, jobs: reports };
    }
    if (timedOut) {
        const running = reports.filter((job) => job.status === 'running').length;
        const message = `The wait timed out (wait-timeout ${inputs.waitTimeoutMs / 1000}s) with ${running} job${running === 1 ? '' : 's'} still running; they are left running: run collect again later`;
        if (inputs.onTimeout === 'fail')
            return { ending: { kind: 'error', message }, jobs: reports };
        log.notice(message);
    }
    return { ending: { kind: 'done' }, jobs: reports };
}


/***/ }),

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


/***/ })

};

//# sourceMappingURL=351.index.js.map