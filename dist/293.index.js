export const id = 293;
export const ids = [293];
export const modules = {

/***/ 8293:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  u9: () => (/* binding */ checkResultsDir),
  AG: () => (/* binding */ downloadAndJoin),
  mb: () => (/* binding */ downloadBatchFiles),
  CT: () => (/* binding */ insideWorkspace),
  Ge: () => (/* binding */ setResultOutputs),
  zH: () => (/* binding */ waitAndCollect),
  fS: () => (/* binding */ warnNoOutput)
});

// UNUSED EXPORTS: writableDirProblem

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/action/names.ts
var names = __webpack_require__(2814);
// EXTERNAL MODULE: ./src/batch/document.ts
var batch_document = __webpack_require__(2543);
// EXTERNAL MODULE: ./src/batch/poll.ts + 1 modules
var poll = __webpack_require__(3214);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(7268);
// EXTERNAL MODULE: ./src/lib/format.ts
var format = __webpack_require__(432);
// EXTERNAL MODULE: ./src/lib/paths.ts
var paths = __webpack_require__(9927);
// EXTERNAL MODULE: ./src/jsonl/atomic.ts
var atomic = __webpack_require__(4857);
// EXTERNAL MODULE: ./src/jsonl/output-buffer.ts + 1 modules
var output_buffer = __webpack_require__(2699);
// EXTERNAL MODULE: ./src/net/retry.ts
var retry = __webpack_require__(7893);
// EXTERNAL MODULE: ./src/net/transfer-errors.ts
var transfer_errors = __webpack_require__(9118);
;// CONCATENATED MODULE: ./src/net/download.ts
// The streaming HTTP download of a batch's output or error file to disk.
//
// Files can be hundreds of megabytes: the body goes to a temporary file in ~1 MiB writes and is
// renamed into place once complete (see ../jsonl/atomic.ts); a failed attempt leaves nothing.
// The secrets (the API key) are masked in what is written: a provider can echo the key into an
// error message, and artifacts are not masked by the runner. It is the one change made to the
// provider's bytes; Content-Length is checked against the bytes received, before masking.




function expectedLength(response) {
    // With a content encoding, fetch decodes the body and Content-Length counts the encoded bytes.
    const encoding = response.headers.get('content-encoding');
    if (encoding && encoding.toLowerCase() !== 'identity')
        return undefined;
    const header = response.headers.get('content-length');
    if (header === null || !/^\d+$/.test(header.trim()))
        return undefined;
    return Number(header.trim());
}
/**
 * Copies the body into `out`, gathered into ~1 MiB writes; returns the bytes received. A read that
 * fails mid-body ("terminated") becomes a TruncatedBodyError that says how far it got.
 */
async function copyBody(reader, out, expected, signal) {
    let received = 0;
    for (;;) {
        let next;
        try {
            next = await reader.read();
        }
        catch (error) {
            signal?.throwIfAborted();
            throw new transfer_errors/* TruncatedBodyError */.T$(received, expected, error);
        }
        const { done, value } = next;
        signal?.throwIfAborted();
        if (done)
            return received;
        out.bytes(value, 0, value.length);
        received += value.length;
        if (out.full)
            await out.flush();
    }
}
async function downloadOnce(open, destPath, options) {
    const { signal } = options;
    signal?.throwIfAborted();
    const response = await open();
    if (!response.ok) {
        let detail;
        try {
            detail = (await response.text()).slice(0, 500).trim() || undefined;
        }
        catch {
            detail = undefined;
        }
        throw new transfer_errors/* HttpStatusError */.F9(response.status, response.statusText, detail);
    }
    const body = response.body;
    if (body === null)
        throw new Error('the download answered without a body');
    const expected = expectedLength(response);
    const reader = body.getReader();
    const observer = options.observe?.();
    // Stops a read that waits for a stalled server, even when open() did not pass the signal to fetch.
    const onAbort = () => {
        reader.cancel(signal?.reason).catch(() => undefined);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
        const bytes = await (0,atomic/* writeAtomically */.v)(destPath, async (file) => {
            const received = await (0,output_buffer/* writeBuffered */.d)(file, (out) => copyBody(reader, out, expected, signal), {
                secrets: options.secrets,
                onWrite: observer && ((bytes) => observer.bytes(bytes))
            });
            // Checked before the rename: a cut-off body never appears under destPath.
            if (expected !== undefined && received !== expected)
                throw new transfer_errors/* TruncatedBodyError */.T$(received, expected);
            observer?.end();
            return received;
        });
        return { bytes };
    }
    finally {
        signal?.removeEventListener('abort', onAbort);
        // Releases the connection when the body was not read to its end.
        await reader.cancel().catch(() => undefined);
    }
}
/**
 * Streams the body of `open()` to `destPath`: into a temporary file in the same directory, fsynced,
 * then renamed. A failed or cut-off download is retried with a fresh `open()` up to `attempts`
 * times; 4xx answers other than 408/429 fail at once. Nothing is left at `destPath` or in `.part`
 * files when the download fails or is aborted. When every attempt failed, the last one's error
 * comes wrapped in a DownloadFailedError that counts them.
 */
async function downloadToFile(open, destPath, options) {
    const { signal, backoffMs } = options;
    const attempts = Math.max(1, Math.floor(options.attempts));
    try {
        return await (0,retry/* withRetry */.bD)(() => downloadOnce(open, destPath, options), {
            policy: { ...retry/* DefaultRetry */.ak, attempts },
            signal,
            sleep: options.sleep,
            retryable: retry/* isTransientTransferError */.am,
            delayMs: backoffMs ? (retry) => backoffMs(retry) : undefined,
            onRetry: (attempt, error) => options.onRetry?.(attempt, error)
        });
    }
    catch (error) {
        // A transient failure here means the attempts ran out; any other error is passed on as it is.
        if (!signal?.aborted && (0,retry/* isTransientTransferError */.am)(error))
            throw new transfer_errors/* DownloadFailedError */.CL(attempts, error);
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/jsonl/line-splitter.ts
// Lines cut out of bytes pushed in pieces (a download passing through), the same lines readLines
// (lines.ts) gives for the same bytes read from a file: numbers, byte offsets, a UTF-8 BOM at the
// start removed, the '\r' of CRLF removed, a last line without '\n' included.
const LF = 0x0a;
class LineSplitter {
    carry = Buffer.alloc(0);
    carryLength = 0;
    carryOffset = 0;
    position = 0;
    number = 0;
    onLine;
    constructor(onLine) {
        this.onLine = onLine;
    }
    /** Takes the next bytes of the file; complete lines are handed out at once, the rest is kept. */
    push(data) {
        let start = 0;
        if (this.carryLength > 0) {
            const newline = data.indexOf(LF);
            if (newline === -1) {
                this.append(data);
                this.position += data.length;
                return;
            }
            this.append(data.subarray(0, newline));
            this.emit(this.carry.subarray(0, this.carryLength), this.carryOffset);
            this.carryLength = 0;
            start = newline + 1;
        }
        for (;;) {
            const newline = data.indexOf(LF, start);
            if (newline === -1)
                break;
            this.emit(data.subarray(start, newline), this.position + start);
            start = newline + 1;
        }
        if (start < data.length) {
            this.carryOffset = this.position + start;
            this.append(data.subarray(start));
        }
        this.position += data.length;
    }
    /** The end of the file: a last line without '\n' is handed out. */
    end() {
        if (this.carryLength > 0)
            this.emit(this.carry.subarray(0, this.carryLength), this.carryOffset);
        this.carryLength = 0;
        this.carry = Buffer.alloc(0);
    }
    append(bytes) {
        const total = this.carryLength + bytes.length;
        if (total > this.carry.length) {
            const bigger = Buffer.allocUnsafe(Math.max(total, this.carry.length * 2, 16 * 1024));
            this.carry.copy(bigger, 0, 0, this.carryLength);
            this.carry = bigger;
        }
        bytes.copy(this.carry, this.carryLength);
        this.carryLength = total;
    }
    emit(bytes, offset) {
        const number = ++this.number;
        if (number === 1 &&
            bytes.length >= 3 &&
            bytes[0] === 0xef &&
            bytes[1] === 0xbb &&
            bytes[2] === 0xbf) {
            bytes = bytes.subarray(3);
            offset += 3;
        }
        if (bytes.length > 0 && bytes[bytes.length - 1] === 0x0d)
            bytes = bytes.subarray(0, bytes.length - 1);
        this.onLine(bytes, offset, number);
    }
}

// EXTERNAL MODULE: ./src/results/indexing.ts + 1 modules
var indexing = __webpack_require__(8070);
// EXTERNAL MODULE: ./src/results/output-index.ts + 1 modules
var output_index = __webpack_require__(4205);
;// CONCATENATED MODULE: ./src/results/held-lines.ts
const SLAB_BYTES = 1 << 20;
class HeldLineStore {
    lines = new Map();
    current;
    /** Bytes of the slabs (and lone buffers) still referenced. */
    held = 0;
    budget;
    constructor(budget) {
        this.budget = budget;
    }
    /** How many lines are held. */
    get count() {
        return this.lines.size;
    }
    get(slot) {
        return this.lines.get(slot)?.bytes;
    }
    /** Keeps a copy of `bytes` for `slot` (replacing what it held) when the budget allows. */
    hold(slot, bytes) {
        this.release(slot);
        const slab = this.room(bytes.length);
        if (!slab)
            return;
        bytes.copy(slab.buffer, slab.used);
        this.lines.set(slot, { slab, bytes: slab.buffer.subarray(slab.used, slab.used + bytes.length) });
        slab.used += bytes.length;
        slab.live++;
    }
    release(slot) {
        const line = this.lines.get(slot);
        if (!line)
            return;
        this.lines.delete(slot);
        const slab = line.slab;
        if (--slab.live === 0 && slab !== this.current)
            this.held -= slab.buffer.length;
    }
    /** Every slot held, for dropping an attempt's lines. */
    slots() {
        return [...this.lines.keys()];
    }
    clear() {
        this.lines.clear();
        this.current = undefined;
        this.held = 0;
    }
    /** A slab with room for `length` bytes, or undefined past the budget. */
    room(length) {
        const current = this.current;
        if (current && current.used + length <= current.buffer.length)
            return current;
        // The slab before is let go by its last release (or now, when it holds nothing).
        if (current && current.live === 0) {
            this.held -= current.buffer.length;
            this.current = undefined;
        }
        const size = Math.max(SLAB_BYTES, length);
        if (this.held + size > this.budget)
            return undefined;
        const slab = { buffer: Buffer.allocUnsafe(size), used: 0, live: 0 };
        this.held += size;
        this.current = slab;
        return slab;
    }
}

// EXTERNAL MODULE: ./src/net/abort.ts
var abort = __webpack_require__(3961);
// EXTERNAL MODULE: ./src/results/input-ids.ts
var input_ids = __webpack_require__(5237);
// EXTERNAL MODULE: ./src/results/joined-lines.ts + 1 modules
var joined_lines = __webpack_require__(9193);
// EXTERNAL MODULE: ./src/results/types.ts
var types = __webpack_require__(5187);
;// CONCATENATED MODULE: ./src/results/one-pass-writer.ts
// The writer of the one-pass join (one-pass.ts): results.jsonl in input order while the results
// download. A request is written as soon as its result line is indexed and held in memory; the
// first request that is not (one still to come, one missing, one past the memory budget) waits,
// and the writer with it, until more lines arrive or the downloads are complete.
// From then on every request is written as joinResults writes it, held lines copied from memory.






const STOPPED = 'the join was stopped';
function emptyResult(destPath) {
    return (0,types/* emptyJoinResult */.xR)(destPath);
}
/** Throws when the writer should stop: the step was aborted, or the pass no longer wants it. */
function check(spec) {
    if (spec.signal?.aborted)
        throw (0,abort/* abortReason */.Js)(spec.signal);
    if (spec.state() === 'stop')
        throw new Error(STOPPED);
}
/**
 * Whether `customId` can be written now, before the downloads are complete: its line is held in
 * memory. A failure may still be replaced by a success later in the output; the pass then starts
 * the writer again.
 */
function ready(spec, customId) {
    // An id not in the index has slot -1, where nothing is ever held.
    return spec.held.get(spec.index.slotOf(customId)) !== undefined;
}
/** Waits until the downloads are complete. */
async function untilComplete(spec) {
    for (;;) {
        check(spec);
        if (spec.state() === 'complete')
            return;
        await spec.progress();
    }
}
/** Writes results.jsonl (atomically: an error or a stop leaves nothing) and counts it. */
async function writeResults(spec) {
    const result = emptyResult(spec.destPath);
    await (0,atomic/* writeAtomically */.v)(spec.destPath, (file) => (0,output_buffer/* writeBuffered */.d)(file, async (out) => {
        const lines = new joined_lines/* JoinedLines */.l(spec.index, spec.fds, result, spec.held);
        const write = async (customId) => {
            if (lines.add(customId))
                await lines.write(out);
        };
        if (spec.inputPath === undefined) {
            // Ordered by custom_id: nothing can be written before every id is known.
            await untilComplete(spec);
            for (const customId of spec.index.sortedIds())
                await write(customId);
        }
        else {
            let batches = 0;
            for await (const customId of (0,input_ids/* inputCustomIds */.K)(spec.inputPath, spec.inputWarnings)) {
                check(spec);
                while (spec.state() === 'downloading' && !ready(spec, customId)) {
                    // What is ready goes out while the writer waits.
                    if (lines.pending > 0)
                        await lines.write(out);
                    await spec.progress();
                    check(spec);
                }
                await write(customId);
                // The reads are synchronous: let timers, signals and the download run between batches.
                if (lines.pending === 0 && ++batches % 4 === 0)
                    await new Promise((resolve) => setImmediate(resolve));
            }
            // Nothing appears under destPath before the downloads are complete: one may still fail.
            await untilComplete(spec);
        }
        if (lines.pending > 0)
            await lines.write(out);
        check(spec);
    }, { secrets: spec.secrets }));
    return result;
}

// EXTERNAL MODULE: ./src/results/join.ts
var join = __webpack_require__(643);
;// CONCATENATED MODULE: ./src/results/one-pass.ts






/** Result lines held in memory, at most: lines that arrive well before their turn are read back instead. */
const HELD_BYTES = 16 << 20;
const LABELS = ['output file', 'error file'];
/** The join of one batch's results, built while they download. */
class OutputPass {
    index = new output_index/* ResultIndex */.wx();
    options;
    held;
    fileWarnings = [[], []];
    malformed = [0, 0];
    /** Index size when each source's first line came: a new attempt of it starts again from there. */
    marks = [undefined, undefined];
    fds = [undefined, undefined];
    latest = -1;
    complete = false;
    stopped = false;
    waiters = [];
    writing;
    constructor(options) {
        this.options = options;
        this.held = new HeldLineStore(options.heldBytes ?? HELD_BYTES);
        this.start();
    }
    /** For DownloadOptions.observe: a fresh indexer for every attempt of the download of `source`. */
    observer(source) {
        return () => {
            if (source < this.latest)
                throw new Error('internal error: the output file is downloaded before the error file');
            if (this.marks[source] === undefined)
                this.marks[source] = this.index.size;
            else
                this.restart(source);
            this.latest = source;
            const indexer = new indexing/* ResultFileIndexer */.P(this.index, source, LABELS[source], (this.fileWarnings[source] = []));
            const splitter = new LineSplitter((bytes, offset, number) => {
                const known = this.index.size;
                const slot = indexer.line(bytes, offset, number);
                if (slot < 0)
                    return;
                // A success that replaced a failure already written: the writer starts again (rare).
                if (slot < known && this.index.used[slot] === 1)
                    this.rewrite();
                this.held.hold(slot, bytes);
            });
            return {
                bytes: (chunk) => {
                    splitter.push(chunk);
                    this.wake();
                },
                end: () => {
                    splitter.end();
                    this.malformed[source] = indexer.end().malformed;
                    this.wake();
                }
            };
        };
    }
    /** How many result lines are held in memory now: none of an attempt dropped, none after the end. */
    get heldLines() {
        return this.held.count;
    }
    /** Waits until the writer has written everything, and gives what joinResults would give. */
    async finish(paths) {
        const writing = this.writing;
        const opened = (0,join/* openResultFiles */.DS)(paths);
        this.fds[output_index/* SOURCE_OUTPUT */._8] = opened[output_index/* SOURCE_OUTPUT */._8];
        this.fds[output_index/* SOURCE_ERROR */.DH] = opened[output_index/* SOURCE_ERROR */.DH];
        this.complete = true;
        this.wake();
        try {
            const result = await writing.done;
            result.malformed = this.malformed[0] + this.malformed[1];
            const warnings = [
                ...this.fileWarnings[0],
                ...this.fileWarnings[1],
                ...writing.spec.inputWarnings
            ];
            if (this.options.inputPath !== undefined)
                (0,join/* warnUnused */.Tq)(this.index, warnings);
            result.warnings = warnings;
            return result;
        }
        finally {
            (0,join/* closeFiles */.AU)(this.fds);
            this.held.clear();
        }
    }
    /** Stops the writer (a download failed): its temporary file is removed, nothing is written. */
    async abandon() {
        this.stopped = true;
        this.wake();
        await this.writing?.done.catch(() => undefined);
        this.held.clear();
    }
    wake() {
        const waiters = this.waiters;
        this.waiters = [];
        for (const resolve of waiters)
            resolve();
    }
    start() {
        const spec = {
            index: this.index,
            fds: this.fds,
            held: this.held,
            inputPath: this.options.inputPath,
            destPath: this.options.destPath,
            secrets: this.options.secrets,
            signal: this.options.signal,
            inputWarnings: [],
            state: () => this.stopped || this.writing?.spec !== spec
                ? 'stop'
                : this.complete
                    ? 'complete'
                    : 'downloading',
            progress: () => new Promise((resolve) => this.waiters.push(resolve))
        };
        const done = writeResults(spec);
        // Reported by finish(), not as an unhandled rejection meanwhile.
        done.catch(() => undefined);
        this.writing = { spec, done };
    }
    /** Starts the writer again, from the first request. */
    rewrite() {
        this.index.used.fill(0);
        this.start();
        this.wake();
    }
    /**
     * A new attempt at downloading `source`: its lines from the attempt before are dropped, and the
     * writer starts again (what it wrote may have come from them).
     */
    restart(source) {
        const mark = this.marks[source] ?? 0;
        this.index.truncate(mark);
        for (const slot of this.held.slots())
            if (slot >= mark)
                this.held.release(slot);
        // Its warnings start again with the attempt's indexer (observer()); the error file's, when the
        // output starts again, are none yet: it is downloaded after the output.
        this.malformed[source] = 0;
        this.rewrite();
    }
}

// EXTERNAL MODULE: ./src/commands/failure.ts
var failure = __webpack_require__(9776);
// EXTERNAL MODULE: ./src/commands/pr-comment.ts + 1 modules
var pr_comment = __webpack_require__(8375);
// EXTERNAL MODULE: ./src/commands/step.ts
var step = __webpack_require__(7134);
;// CONCATENATED MODULE: ./src/commands/collect.ts















/** A path input resolved against the workspace, refused when it leads outside (see lib/paths.ts). */
function insideWorkspace(env, input, inputName) {
    const { workspace, temp } = env.context;
    return (0,paths/* resolveInside */.L)(input, inputName, { workspace, temp });
}
/**
 * A results-dir that leads outside the workspace, that is (or lies under) a file, or that cannot be
 * written is an input error, found before anything is uploaded: after billing is too late.
 */
async function checkResultsDir(env) {
    if (!env.inputs.download)
        return;
    const input = env.inputs.resultsDir;
    let dir;
    try {
        dir = await insideWorkspace(env, input, 'results-dir');
    }
    catch (error) {
        if (error.code !== 'ENOTDIR')
            throw error;
        dir = external_node_path_default().resolve(env.context.workspace, input);
    }
    const problem = await writableDirProblem(dir);
    if (problem) {
        throw new failure/* StepFailure */.p(`results-dir: "${input}" ${problem}; results could not be written there, so nothing was uploaded`);
    }
}
/**
 * Why `dir` cannot hold results, or undefined when it can: the directory, or the nearest of its
 * ancestors that exists, must be a directory this process can create entries in. The check makes
 * and removes an empty directory there, the one test that holds whatever the user, mode or mount.
 */
async function writableDirProblem(dir) {
    let existing = dir;
    for (;;) {
        try {
            const info = await (0,promises_.stat)(existing);
            // A file further up answers ENOTDIR below, so a non-directory here is the path itself.
            if (!info.isDirectory())
                return `is an existing file (${dir}), not a directory`;
            break;
        }
        catch (error) {
            const code = error.code;
            if (code === 'ENOTDIR')
                return `lies under a file, not a directory (${dir})`;
            if (code !== 'ENOENT')
                return `cannot be read (${error.message})`;
            const parent = external_node_path_default().dirname(existing);
            if (parent === existing)
                return `has no existing parent (${dir})`;
            existing = parent;
        }
    }
    try {
        await (0,promises_.rmdir)(await (0,promises_.mkdtemp)(external_node_path_default().join(existing, '.results-dir-check-')));
        return undefined;
    }
    catch (error) {
        const code = error.code ?? 'error';
        const where = existing === dir ? 'it' : `its parent ${existing}`;
        return `cannot be written: ${where} refused a new entry (${code})`;
    }
}
/**
 * Waits as configured, then brings the results back. The step is settled (the post step leaves
 * the batch alone) once the wait is over: the batch ended, was left running, or timed out.
 */
async function waitAndCollect(env, start, inputPath) {
    const { inputs, findings, state } = env;
    const tagged = (0,pr_comment/* taggedPullRequestOf */.ej)(start);
    const comment = pr_comment/* PullRequestComment */.Gc.of(inputs, env.context, env.log, env.redact, {}, tagged);
    // run made (or took up) the batch: the comment says so; status reports on one made elsewhere.
    if (inputs.command === 'run')
        await comment?.update('submitted', commentFacts(env, start));
    else if (!(0,batch_document/* isTerminal */.Hd)(start.status))
        await comment?.update('running', commentFacts(env, start));
    if (!inputs.wait && !(0,batch_document/* isTerminal */.Hd)(start.status)) {
        state.markSettled();
        return { kind: 'not waiting', batch: start };
    }
    let batch = start;
    if (!(0,batch_document/* isTerminal */.Hd)(batch.status)) {
        const result = await env.log.group(`Wait for batch ${batch.id}`, () => wait(env, start));
        batch = result.batch;
        if (result.timedOut) {
            if (inputs.onTimeout === 'cancel')
                findings.track(await (0,step/* requireApi */.C)(env).cancel(batch.id, env.signal));
            state.markSettled();
            const latest = findings.batch ?? batch;
            const phase = (0,batch_document/* isTerminal */.Hd)(latest.status) ? 'finished' : 'running';
            await comment?.update(phase, commentFacts(env, latest));
            return { kind: 'timed out', batch, then: inputs.onTimeout };
        }
    }
    state.markSettled();
    try {
        await collectResults(env, batch, inputPath);
    }
    finally {
        // Also when the download failed: the batch ended, and the comment says how. Not once the step
        // is being stopped: the runner's grace period belongs to cancelling the batch.
        if (!env.signal.aborted)
            await comment?.update('finished', commentFacts(env, batch));
    }
    return { kind: 'ended', batch, results: findings.results, errorFile: findings.files.error };
}
function commentFacts(env, batch) {
    const { findings, inputs } = env;
    return {
        batch,
        inputs,
        model: findings.model,
        requestCount: findings.validation?.report.requests,
        inputFile: findings.validation?.file ?? (inputs.file || undefined),
        results: findings.results
    };
}
function wait(env, batch) {
    const { inputs } = env;
    const api = (0,step/* requireApi */.C)(env);
    return (0,poll/* waitForBatch */.nr)(batch, {
        retrieve: (signal) => api.retrieveOnce(batch.id, signal),
        onBatch: (next) => env.findings.track(next),
        onUnknownStatus: (status) => env.log.warning(`Batch ${batch.id} reports the status "${status}", which the action does not know; it keeps polling until wait-timeout, and does not report success unless a known status follows`),
        onPollError: (error, consecutive, delay) => env.log.warning(`Poll ${consecutive} of at most ${inputs.maxConsecutiveErrors} in a row failed: ${env.redact((0,errors/* describeApiError */.g)(error, inputs))}; trying again in ${Math.round(delay / 1000)}s`)
    }, {
        initialMs: inputs.pollIntervalMs,
        maxMs: inputs.maxPollIntervalMs,
        timeoutMs: inputs.waitTimeoutMs,
        maxConsecutiveErrors: inputs.maxConsecutiveErrors,
        signal: env.signal
    });
}
/** Downloads the output and error files of a finished batch and joins them to the requests. */
async function collectResults(env, batch, inputPath) {
    const { inputs, log, outputs, findings } = env;
    if (!inputs.download)
        return;
    warnNoOutput(env, batch);
    if (!batch.output_file_id && !batch.error_file_id) {
        outputs.set(names/* Outputs */.tY.OutputPath, '');
        outputs.set(names/* Outputs */.tY.ErrorPath, '');
        return;
    }
    const dir = await insideWorkspace(env, external_node_path_default().join(inputs.resultsDir, batch.id), 'results-dir');
    await log.group('Download results', async () => {
        const { files, joined } = await downloadAndJoin(env, batch, dir, inputPath);
        findings.files.output = files.output;
        findings.files.error = files.error;
        outputs.set(names/* Outputs */.tY.OutputPath, findings.files.output ?? '');
        outputs.set(names/* Outputs */.tY.ErrorPath, findings.files.error ?? '');
        findings.results = joined;
        findings.files.results = joined.path;
        setResultOutputs(env, joined);
    });
}
/**
 * Downloads a batch's files into `dir` and joins them to the requests into `dir/results.jsonl`,
 * in one pass: results.jsonl is written while the files download (results/one-pass.ts).
 */
async function downloadAndJoin(env, batch, dir, inputPath) {
    await (0,promises_.mkdir)(dir, { recursive: true });
    const pass = new OutputPass({
        inputPath,
        destPath: external_node_path_default().join(dir, 'results.jsonl'),
        secrets: [env.inputs.apiKey],
        signal: env.signal
    });
    let files;
    try {
        files = await downloadBatchFiles(env, batch, dir, (source) => pass.observer(source));
    }
    catch (error) {
        await pass.abandon();
        throw error;
    }
    const joined = await pass.finish({ outputPath: files.output, errorPath: files.error });
    logJoin(env, joined);
    return { files, joined };
}
function logJoin(env, joined) {
    for (const warning of joined.warnings ?? [])
        env.log.warning(env.redact(warning));
    env.log.info(`Joined ${joined.total} requests into ${joined.path}: ${joined.ok} ok, ${joined.error} failed, ${joined.missing} missing; ` +
        `${joined.usage.total} tokens`);
}
/** A completed batch with no output file: every request failed. */
function warnNoOutput(env, batch) {
    if (batch.status === 'completed' && !batch.output_file_id) {
        env.log.warning(`Batch ${batch.id} completed without an output file: every request failed${batch.error_file_id ? '; downloading the error file' : ''}`);
    }
}
/** The results outputs of a join (the step's, or its job's). */
function setResultOutputs(env, joined) {
    const { outputs } = env;
    outputs.set(names/* Outputs */.tY.ResultsPath, joined.path);
    outputs.set(names/* Outputs */.tY.PromptTokens, joined.usage.prompt);
    outputs.set(names/* Outputs */.tY.CompletionTokens, joined.usage.completion);
    outputs.set(names/* Outputs */.tY.TotalTokens, joined.usage.total);
}
/** Downloads a batch's output and error files into `dir` (`output.jsonl`, `errors.jsonl`). */
async function downloadBatchFiles(env, batch, dir, 
/** What sees each file's bytes as they are written (the one-pass join). */
observe) {
    const { inputs, log } = env;
    const api = (0,step/* requireApi */.C)(env);
    await (0,promises_.mkdir)(dir, { recursive: true });
    const fetchFile = async (fileId, name, source) => {
        if (!fileId)
            return undefined;
        const dest = external_node_path_default().join(dir, name);
        const { bytes } = await downloadToFile(api.openContent(fileId, env.signal), dest, {
            attempts: inputs.maxAttempts,
            signal: env.signal,
            secrets: [inputs.apiKey],
            ...(observe ? { observe: observe(source) } : {}),
            onRetry: (attempt, error) => log.info(`Download of ${fileId} failed (attempt ${attempt}: ${env.redact(error.message)}); retrying`)
        }).catch((error) => {
            if (!(error instanceof transfer_errors/* DownloadFailedError */.CL))
                throw error;
            throw new failure/* StepFailure */.p(`Download of ${name} (${fileId}) of batch ${batch.id} failed: ${env.redact(error.message)}; the file is kept on the provider: ` +
                `run again with command: status and batch-id: ${batch.id}, or raise max-attempts / request-timeout`);
        });
        log.info(`Downloaded ${fileId} to ${dest} (${(0,format/* formatBytes */.z3)(bytes)})`);
        return dest;
    };
    const output = await fetchFile(batch.output_file_id, 'output.jsonl', output_index/* SOURCE_OUTPUT */._8);
    const error = await fetchFile(batch.error_file_id, 'errors.jsonl', output_index/* SOURCE_ERROR */.DH);
    return { output, error };
}


/***/ }),

/***/ 8375:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Gc: () => (/* binding */ PullRequestComment),
  ej: () => (/* binding */ taggedPullRequestOf)
});

// UNUSED EXPORTS: PULL_REQUEST_TAG, commentModelOf

// EXTERNAL MODULE: ./src/batch/document.ts
var batch_document = __webpack_require__(2543);
// EXTERNAL MODULE: ./src/batch/metadata.ts
var metadata = __webpack_require__(8055);
// EXTERNAL MODULE: ./src/github/comment-model.ts
var comment_model = __webpack_require__(7594);
// EXTERNAL MODULE: ./src/github/markdown.ts
var markdown = __webpack_require__(5566);
// EXTERNAL MODULE: ./src/lib/format.ts
var format = __webpack_require__(432);
;// CONCATENATED MODULE: ./src/github/comment-render.ts
// Renders the pull-request comment from a CommentModel: pure, no I/O.
//
// Redaction happens twice: on every value before it is escaped or cut (escaping or truncating could
// split a secret so that the final pass no longer finds it), and on the whole body at the end.


/** Limits that keep the body far below GitHub's 65,536 characters whatever the model holds. */
const COMMENT_LIMITS = {
    failures: 10,
    message: 200,
    customId: 100,
    batchIds: 20,
    metadataPairs: 16,
    metadataValue: 200
};
const TITLES = {
    submitted: 'submitted',
    running: 'running',
    finished: 'finished'
};
function cellsFor(redact) {
    const code = (text, max, inTable = false) => text === undefined ? '-' : (0,markdown/* codeSpan */.SS)(redact(text), { max, inTable });
    return {
        code: (text, max) => code(text, max),
        cell: (text, max) => code(text, max, true)
    };
}
function heading(model, c) {
    const where = [model.marker.workflow, model.marker.job].filter((part) => part.trim() !== '');
    const scope = where.length > 0 ? ` · ${where.map((part) => c.code(part, 100)).join(' / ')}` : '';
    const status = model.phase === 'finished' && model.status ? `: ${c.code(model.status, 40)}` : '';
    return `### Batch inference ${TITLES[model.phase]}${status}${scope}`;
}
function batchLine(model, c) {
    const ids = model.batchIds;
    if (ids.length === 0)
        return undefined;
    const shown = ids.slice(0, COMMENT_LIMITS.batchIds).map((id) => c.code(id, 100));
    const more = ids.length > shown.length ? ` and ${(0,format/* formatNumber */.ZV)(ids.length - shown.length)} more` : '';
    return `**${ids.length === 1 ? 'Batch' : 'Batches'}:** ${shown.join(', ')}${more}`;
}
function setupLine(model, c) {
    const parts = [];
    if (model.model)
        parts.push(`model ${c.code(model.model, 100)}`);
    if (model.endpoint)
        parts.push(`endpoint ${c.code(model.endpoint, 100)}`);
    if (model.inputFile)
        parts.push(`input ${c.code(model.inputFile, 200)}`);
    if (model.phase !== 'finished' && model.status)
        parts.push(`status ${c.code(model.status, 40)}`);
    return parts.length > 0 ? parts.join(' · ') : undefined;
}
/** 'within the 5% limit' / 'over the limit of 100 failed requests'. */
function limitText(model) {
    const limit = model.failureLimit;
    if (!limit)
        return undefined;
    const verdict = limit.exceeded ? 'over' : 'within';
    return limit.kind === 'percent'
        ? `${verdict} the ${(0,format/* formatNumber */.ZV)(limit.value)}% limit`
        : `${verdict} the limit of ${(0,format/* formatNumber */.ZV)(limit.value)} failed`;
}
/** '9,960 of 10,000 completed; 40 of 10,000 failed, 0.4%, within the 5% limit'. */
function countsLine(model) {
    const counts = model.counts;
    if (!counts) {
        return model.requestCount === undefined
            ? undefined
            : `**Requests:** ${(0,format/* formatNumber */.ZV)(model.requestCount)}`;
    }
    const total = (0,format/* formatNumber */.ZV)(counts.total);
    const failed = [
        `${(0,format/* formatNumber */.ZV)(counts.failed)} of ${total} failed`,
        (0,markdown/* formatRate */.CE)(counts.failed, counts.total),
        limitText(model)
    ].filter((part) => part !== undefined);
    return `**Requests:** ${(0,format/* formatNumber */.ZV)(counts.completed)} of ${total} completed; ${failed.join(', ')}`;
}
function tokensLine(model) {
    const t = model.tokens;
    if (!t)
        return undefined;
    return `**Tokens:** ${(0,format/* formatNumber */.ZV)(t.prompt)} prompt, ${(0,format/* formatNumber */.ZV)(t.completion)} completion, ${(0,format/* formatNumber */.ZV)(t.total)} total`;
}
function durationsLine(model) {
    const d = model.durations;
    if (!d)
        return undefined;
    const parts = ['queued', 'running', 'finalizing', 'total']
        .filter((key) => typeof d[key] === 'number')
        .map((key) => `${key} ${(0,format/* formatDuration */.a3)(d[key])}`);
    return parts.length > 0 ? `**Time:** ${parts.join(', ')}` : undefined;
}
function failuresSection(model, c) {
    const failures = model.failures ?? [];
    if (failures.length === 0)
        return undefined;
    const shown = failures.slice(0, COMMENT_LIMITS.failures);
    const all = Math.max(model.counts?.failed ?? 0, failures.length);
    const title = all > shown.length
        ? `#### Failed requests (first ${(0,format/* formatNumber */.ZV)(shown.length)} of ${(0,format/* formatNumber */.ZV)(all)})`
        : '#### Failed requests';
    const row = (f) => [
        c.cell(f.custom_id, COMMENT_LIMITS.customId),
        c.cell(f.code, 60),
        typeof f.status_code === 'number' ? (0,format/* formatNumber */.ZV)(f.status_code) : '-',
        c.cell(f.message, COMMENT_LIMITS.message)
    ];
    return `${title}\n\n${(0,markdown/* table */.tp)(['custom_id', 'Error', 'Status', 'Message'], shown.map(row))}`;
}
function metadataSection(model, c) {
    const pairs = Object.entries(model.metadata ?? {}).slice(0, COMMENT_LIMITS.metadataPairs);
    if (pairs.length === 0)
        return undefined;
    const rows = pairs.map(([key, value]) => [
        c.cell(key, 64),
        c.cell(value, COMMENT_LIMITS.metadataValue)
    ]);
    return `<details><summary>Metadata</summary>\n\n${(0,markdown/* table */.tp)(['Key', 'Value'], rows)}\n\n</details>`;
}
function footer(model, redact) {
    // The run URL is built from the runner's environment; a URL that is not http(s) is left out rather
    // than escaped, so nothing but a plain link can end up in the markdown.
    const url = model.runUrl && /^https?:\/\/[^\s()<>]+$/.test(model.runUrl) ? model.runUrl : undefined;
    const link = url ? `[Workflow run](${redact(url)}) · ` : '';
    return `<sub>${link}updated by batch-inference-action</sub>`;
}
/** The comment body for `model`, beginning with its hidden marker; `redact` masks every secret. */
function renderComment(model, redact) {
    const c = cellsFor(redact);
    const summary = [
        batchLine(model, c),
        setupLine(model, c),
        countsLine(model),
        tokensLine(model),
        durationsLine(model)
    ].filter((line) => line !== undefined);
    const blocks = [
        (0,comment_model/* commentMarker */.Q)(model.marker),
        heading(model, c),
        summary.join('  \n'),
        failuresSection(model, c),
        metadataSection(model, c),
        footer(model, redact)
    ].filter((block) => block !== undefined && block !== '');
    return redact(`${blocks.join('\n\n')}\n`);
}

// EXTERNAL MODULE: ./src/github/comment.ts
var comment = __webpack_require__(7318);
// EXTERNAL MODULE: ./src/github/context.ts
var github_context = __webpack_require__(9556);
// EXTERNAL MODULE: ./src/lib/failure-limit.ts
var failure_limit = __webpack_require__(4163);
// EXTERNAL MODULE: ./src/report/model.ts + 1 modules
var report_model = __webpack_require__(8835);
// EXTERNAL MODULE: ./src/commands/outcome.ts
var outcome = __webpack_require__(8786);
;// CONCATENATED MODULE: ./src/commands/pr-comment.ts








/** The metadata key that names the pull request a batch was submitted from (examples/pr-submit.yml). */
const PULL_REQUEST_TAG = 'pr';
/**
 * The pull request the batch's metadata names: a `pr` tag of the user's (the pull request they
 * chose to report on), else the action's own `github_pr` tag (written on pull-request events).
 */
function taggedPullRequestOf(batch) {
    for (const key of [PULL_REQUEST_TAG, metadata/* MetadataKeys */.yg.PullRequest]) {
        const tag = batch.metadata?.[key];
        if (typeof tag === 'string' && /^\s*[1-9]\d{0,9}\s*$/.test(tag))
            return Number(tag);
    }
    return undefined;
}
/** The comment's content for `phase`: what is known by then, from the batch and the step's facts. */
function commentModelOf(phase, facts, context) {
    const { batch, inputs, results } = facts;
    // status names a batch made elsewhere: its own endpoint and model tell about it.
    const fromRun = inputs.command === 'run';
    const model = {
        marker: { workflow: context.workflow, job: context.job, step: context.step },
        phase,
        batchIds: facts.batchIds && facts.batchIds.length > 0 ? facts.batchIds : [batch.id],
        requestCount: facts.requestCount,
        model: facts.model ?? batch.model ?? undefined,
        endpoint: fromRun ? inputs.endpoint : (batch.endpoint ?? undefined),
        status: batch.status,
        inputFile: facts.inputFile,
        metadata: fromRun ? inputs.metadata : undefined,
        runUrl: (0,github_context/* runUrl */.Vp)(context)
    };
    if (phase === 'submitted')
        return model;
    const counts = (0,outcome/* failureCounts */.Ln)(batch, results);
    model.counts = counts.total > 0 || results ? counts : undefined;
    if (phase === 'running')
        return model;
    const limit = inputs.maxFailedRequests;
    if (limit.kind !== 'none' && model.counts) {
        model.failureLimit = {
            kind: limit.kind,
            value: limit.value,
            exceeded: (0,failure_limit/* exceedsFailureLimit */.v)(limit, counts.failed, counts.total)
        };
    }
    model.tokens = results?.usage ?? (0,batch_document/* batchUsage */.MS)(batch);
    model.durations = (0,report_model/* batchDurations */.w5)(batch);
    model.failures = results?.failures;
    return model;
}
/** Writes the step's comment on a phase change; a step without a pull request writes nothing. */
class PullRequestComment {
    target;
    context;
    log;
    redact;
    options;
    lastPhase;
    constructor(target, context, log, redact, options) {
        this.target = target;
        this.context = context;
        this.log = log;
        this.redact = redact;
        this.options = options;
    }
    /**
     * The step's comment, or undefined when there is none to write (comment: never, no pull request,
     * the repository unknown). `taggedPullRequest` is a pull request the batch itself names.
     */
    static of(inputs, run, log, redact, options = {}, taggedPullRequest) {
        const context = (0,github_context/* gitHubContextOf */.Oe)(run);
        const issue = (0,comment/* commentTarget */.lt)(inputs.comment, context, taggedPullRequest);
        if (issue === undefined)
            return undefined;
        const target = (0,comment/* targetFromContext */.pB)(context, inputs.githubToken, issue);
        if (!target) {
            log.notice('No pull-request comment: GITHUB_REPOSITORY does not name the repository');
            return undefined;
        }
        return new PullRequestComment(target, context, log, redact, options);
    }
    /** Writes the comment for `phase`, unless it was written for that phase already. */
    async update(phase, facts) {
        if (phase === this.lastPhase)
            return undefined;
        this.lastPhase = phase;
        const body = renderComment(commentModelOf(phase, facts, this.context), this.redact);
        const result = await (0,comment/* upsertComment */.lB)(this.target, body, { redact: this.redact, ...this.options });
        if (result.ok) {
            this.log.info(`Pull-request comment ${result.action}: ${result.url}`);
        }
        else if (result.notice !== undefined) {
            this.log.notice(result.notice);
        }
        else {
            this.log.warning(result.warning);
        }
        return result;
    }
}


/***/ }),

/***/ 4857:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   v: () => (/* binding */ writeAtomically)
/* harmony export */ });
/* unused harmony export partPath */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
// Atomic file writes: a file appears under its name complete and durable, or not at all.



/** A temporary name next to `destPath` (same directory, so the final rename is atomic). */
function partPath(destPath) {
    return `${destPath}.part-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}`;
}
async function syncDirectory(dir) {
    // Makes the rename itself durable. Not supported everywhere (Windows): best effort.
    let handle;
    try {
        handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(dir, 'r');
        await handle.sync();
    }
    catch {
        // ignore
    }
    finally {
        await handle?.close().catch(() => undefined);
    }
}
/**
 * Runs `write` against a fresh temporary file next to `destPath`, fsyncs it and renames it to
 * `destPath`. On any error the temporary file is removed and nothing appears under `destPath`.
 */
async function writeAtomically(destPath, write) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(destPath), { recursive: true });
    const tmp = partPath(destPath);
    let file;
    try {
        file = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(tmp, 'wx');
        const result = await write(file);
        await file.sync();
        await file.close();
        file = undefined;
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(tmp, destPath);
        await syncDirectory((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(destPath));
        return result;
    }
    catch (error) {
        await file?.close().catch(() => undefined);
        // A temporary file that is not there (its open failed) is an error ignored with the rest.
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(tmp).catch(() => undefined);
        throw error;
    }
}


/***/ }),

/***/ 4277:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ql: () => (/* binding */ readLinePieces),
/* harmony export */   Se: () => (/* binding */ readLines),
/* harmony export */   pB: () => (/* binding */ isBlankLine)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
// The one streaming line reader of the JSONL files: the requests file (validation), the input,
// output and error files (the join).
//
// A file is read in chunks into two reused buffers, the next chunk read while the lines of the
// current one are handed out (fs.createReadStream's fresh buffer per chunk was measured to add
// 70 MB of RSS over a 1 GB file doing nothing but hashing). Lines are split on '\n' bytes; a line
// that spans chunks is copied into one reused buffer. Memory stays at two chunks plus the longest
// line, and a line longer than the limit is only measured, never held.

/** The bytes of a line that spans reads, copied out of the reused read buffers. */
class Carry {
    buffer = Buffer.alloc(0);
    /** Bytes of the line so far (also counted while skipping). */
    length = 0;
    /** Past maxLineBytes: the line is only measured, not kept. */
    skipping = false;
    /** Byte offset of the line's first byte in the file. */
    offset = 0;
    maxLineBytes;
    constructor(maxLineBytes = Infinity) {
        this.maxLineBytes = maxLineBytes;
    }
    append(bytes) {
        const total = this.length + bytes.length;
        if (this.skipping || total > this.maxLineBytes) {
            this.skipping = true;
            this.length = total;
            return;
        }
        if (total > this.buffer.length) {
            const size = Math.min(this.maxLineBytes, Math.max(total, this.buffer.length * 2, 16 * 1024));
            const bigger = Buffer.allocUnsafe(size);
            this.buffer.copy(bigger, 0, 0, this.length);
            this.buffer = bigger;
        }
        this.buffer.set(bytes, this.length);
        this.length = total;
    }
    piece() {
        return this.skipping
            ? { kind: 'too-long', length: this.length, offset: this.offset }
            : { kind: 'line', bytes: this.buffer.subarray(0, this.length), offset: this.offset };
    }
    reset() {
        this.length = 0;
        this.skipping = false;
        // Let the buffer of a line of several MB go.
        if (this.buffer.length > 1024 * 1024)
            this.buffer = Buffer.alloc(0);
    }
}
const LF = 0x0a;
/**
 * Reads `path` in chunks and hands out its lines with their byte offsets, as pieces: the complete
 * lines of a chunk at once (so that a caller can decode them in one go), a line spanning chunks on
 * its own. Line numbers are counted by the caller: a 'lines' piece holds one line more than it has
 * '\n' bytes, the other pieces one line each.
 */
async function* readLinePieces(path, options) {
    const maxLineBytes = options.maxLineBytes ?? Infinity;
    // A line that fits in one chunk is then never over the limit: only carried lines are measured.
    const size = Math.max(1, Math.min(options.chunkBytes, maxLineBytes));
    const file = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(path, 'r');
    const carry = new Carry(maxLineBytes);
    let chunk = Buffer.allocUnsafe(size);
    let spare = Buffer.allocUnsafe(size);
    // A failed read is reported by the await that takes it, not as an unhandled rejection meanwhile.
    const readAt = (buffer, at) => {
        const read = file.read(buffer, 0, size, at);
        read.catch(() => undefined);
        return read;
    };
    let next = readAt(chunk, 0);
    let position = 0;
    try {
        for (;;) {
            const { bytesRead } = await next;
            next = undefined;
            if (bytesRead === 0)
                break;
            const data = bytesRead === size ? chunk : chunk.subarray(0, bytesRead);
            next = readAt(spare, position + bytesRead);
            options.onChunk?.(data);
            let start = 0;
            if (carry.length > 0) {
                // Complete the line carried over from earlier chunks.
                const newline = data.indexOf(LF);
                start = newline === -1 ? data.length : newline + 1;
                carry.append(newline === -1 ? data : data.subarray(0, newline));
                if (newline !== -1) {
                    yield carry.piece();
                    carry.reset();
                }
            }
            const last = data.lastIndexOf(LF);
            if (last >= start) {
                yield { kind: 'lines', bytes: data.subarray(start, last), offset: position + start };
                start = last + 1;
            }
            // The start of a line that continues in the next chunk, copied before this buffer is refilled.
            if (start < data.length) {
                if (carry.length === 0)
                    carry.offset = position + start;
                carry.append(data.subarray(start));
            }
            position += bytesRead;
            [chunk, spare] = [spare, chunk];
        }
        // A last line without '\n'.
        if (carry.length > 0)
            yield carry.piece();
    }
    finally {
        // A read still running when the caller stops early is waited for, and its outcome ignored.
        await next?.catch(() => undefined);
        await file.close();
    }
}
function startsWithBom(bytes) {
    return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}
function scanned(number, offset, bytes) {
    if (number === 1 && startsWithBom(bytes)) {
        bytes = bytes.subarray(3);
        offset += 3;
    }
    if (bytes.length > 0 && bytes[bytes.length - 1] === 0x0d)
        bytes = bytes.subarray(0, bytes.length - 1);
    return { number, offset, bytes };
}
/** 1 MiB: few reads for files of hundreds of MB, and the join's lines are copied out at once. */
const DEFAULT_CHUNK_BYTES = 1 << 20;
/**
 * The lines of `path` one by one, with their numbers and byte offsets, a UTF-8 BOM at the start of
 * the file and the '\r' of CRLF line ends removed. No line-length limit: every line is handed out.
 */
async function* readLines(path, chunkBytes = DEFAULT_CHUNK_BYTES) {
    let number = 0;
    for await (const piece of readLinePieces(path, { chunkBytes })) {
        if (piece.kind === 'too-long')
            throw new Error('internal error: a too-long line from a reader without a limit');
        if (piece.kind === 'line') {
            yield scanned(++number, piece.offset, piece.bytes);
            continue;
        }
        const bytes = piece.bytes;
        let start = 0;
        for (;;) {
            const newline = bytes.indexOf(LF, start);
            const end = newline === -1 ? bytes.length : newline;
            yield scanned(++number, piece.offset + start, bytes.subarray(start, end));
            if (newline === -1)
                break;
            start = newline + 1;
        }
    }
}
/** Whether a line holds only spaces, tabs and '\r' (or nothing). */
function isBlankLine(bytes) {
    for (const byte of bytes) {
        if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0d)
            return false;
    }
    return true;
}


/***/ }),

/***/ 2699:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  d: () => (/* binding */ writeBuffered)
});

// UNUSED EXPORTS: OutputBuffer

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
;// CONCATENATED MODULE: ./src/lib/redact-stream.ts

/** What a secret becomes in a file the action writes: the runner's own mask in logs. */
const MASK = '***';
/** Shorter secrets would mask too much to be useful: the same bound as the log redaction (redact.ts). */
const MIN_SECRET = 4;
/**
 * Replaces every secret in `bytes` with the mask. Returns the same buffer when nothing matched, so
 * the common case (no secret anywhere) copies nothing.
 */
function redactBytes(bytes, secrets) {
    let out = bytes;
    for (const secret of secrets) {
        let at = out.indexOf(secret);
        if (at < 0)
            continue;
        const parts = [];
        let from = 0;
        const mask = Buffer.from(MASK);
        while (at >= 0) {
            parts.push(out.subarray(from, at), mask);
            from = at + secret.length;
            at = out.indexOf(secret, from);
        }
        parts.push(out.subarray(from));
        out = Buffer.concat(parts);
    }
    return out;
}
/** The secrets worth searching for: at least 4 bytes, as bytes, longest first (a key that contains another). */
function secretBytes(secrets) {
    return [...new Set(secrets.filter((s) => !!s && s.length >= MIN_SECRET))]
        .sort((a, b) => b.length - a.length)
        .map((s) => Buffer.from(s));
}
/**
 * How many bytes at the end of `bytes` could be the beginning of a secret that the next bytes
 * complete: the longest suffix that is a proper prefix of a secret, 0 in the common case. Only
 * those bytes need holding back when a stream of bytes is redacted piece by piece.
 */
function partialSecretLength(bytes, secrets) {
    let longest = 0;
    for (const secret of secrets) {
        for (let length = Math.min(secret.length - 1, bytes.length); length > longest; length--) {
            const from = bytes.length - length;
            let same = true;
            for (let i = 0; i < length && same; i++)
                same = bytes[from + i] === secret[i];
            if (same) {
                longest = length;
                break;
            }
        }
    }
    return longest;
}
/**
 * A stream that masks secrets in the bytes passing through, also where a secret is split across
 * two chunks: the end of a chunk that could begin a secret is held back until the next one shows
 * whether it does. Files the provider wrote (output and error files) can carry a key it echoed
 * into a message, and artifacts are not masked by the runner.
 */
function createRedactingStream(secrets) {
    const needles = secretBytes(secrets);
    let carry = Buffer.alloc(0);
    return new Transform({
        transform(chunk, _encoding, done) {
            if (needles.length === 0)
                return done(null, chunk);
            const joined = redactBytes(carry.length ? Buffer.concat([carry, chunk]) : chunk, needles);
            const keep = partialSecretLength(joined, needles);
            carry = Buffer.from(joined.subarray(joined.length - keep));
            done(null, joined.subarray(0, joined.length - keep));
        },
        flush(done) {
            done(null, carry.length ? carry : null);
        }
    });
}

;// CONCATENATED MODULE: ./src/jsonl/output-buffer.ts

const WRITE_BUFFER = 1 << 20;
/** A flush comes once a buffer holds 1 MiB; the rest of the line that crossed it usually fits too. */
const FIRST_CAPACITY = WRITE_BUFFER + (64 << 10);
/**
 * Output bytes gathered in a buffer and written about 1 MiB at a time, with one write running while
 * the next buffer fills. Secrets are masked a whole buffer at a time, as it is written: one search
 * per MiB, and no copy unless a secret is there.
 */
class OutputBuffer {
    buffer = Buffer.allocUnsafe(FIRST_CAPACITY);
    spare = Buffer.allocUnsafe(FIRST_CAPACITY);
    used = 0;
    writing;
    file;
    secrets;
    onWrite;
    constructor(file, options = {}) {
        this.file = file;
        this.secrets = secretBytes(options.secrets ?? []);
        this.onWrite = options.onWrite;
    }
    get full() {
        return this.used >= WRITE_BUFFER;
    }
    /** The bytes its two buffers take: a buffer grown for a huge line is let go at the next flush. */
    get capacity() {
        return this.buffer.length + this.spare.length;
    }
    reserve(bytes) {
        if (this.used + bytes <= this.buffer.length)
            return;
        const next = Buffer.allocUnsafe(Math.max(this.used + bytes, this.buffer.length * 2));
        this.buffer.copy(next, 0, 0, this.used);
        this.buffer = next;
    }
    text(value) {
        this.reserve(value.length * 3);
        this.used += this.buffer.write(value, this.used, 'utf8');
    }
    bytes(source, start, end) {
        this.reserve(end - start);
        this.buffer.set(source.subarray(start, end), this.used);
        this.used += end - start;
    }
    async writeAll(data, length) {
        let done = 0;
        while (done < length) {
            const { bytesWritten } = await this.file.write(data, done, length - done);
            done += bytesWritten;
        }
    }
    /**
     * Waits for the write before, then starts writing what was gathered. With secrets, the end of the
     * buffer that could begin one is held back, moved to the start of the next buffer (`last`: none).
     */
    async flush(last = false) {
        await this.writing;
        this.writing = undefined;
        if (this.used === 0)
            return;
        let data = this.buffer.subarray(0, this.used);
        let held = 0;
        if (this.secrets.length > 0) {
            data = redactBytes(data, this.secrets);
            if (!last)
                held = partialSecretLength(data, this.secrets);
        }
        const writing = this.writeAll(data, data.length - held);
        // Reported by the next flush() or by finish(), not as an unhandled rejection meanwhile.
        writing.catch(() => undefined);
        this.writing = writing;
        // While the write runs: `data` stays as it is until the next flush.
        this.onWrite?.(data.subarray(0, data.length - held));
        // A buffer grown for a huge line is not kept: its replacement is the size a buffer starts at,
        // so that the next 1 MiB and the line that crosses it fit without growing again.
        const next = this.spare.length > 4 * WRITE_BUFFER ? Buffer.allocUnsafe(FIRST_CAPACITY) : this.spare;
        this.spare = this.buffer;
        this.buffer = next;
        // The write reads `data` up to data.length - held only: the held bytes can be copied now.
        data.copy(next, 0, data.length - held);
        this.used = held;
    }
    /** Writes everything and waits until it is written. */
    async finish() {
        await this.flush(true);
        await this.writing;
        this.writing = undefined;
    }
    /** Waits for a write still running, ignoring its outcome (before the file is closed on an error). */
    async settle() {
        await this.writing?.catch(() => undefined);
    }
}
/**
 * Runs `fill` with an OutputBuffer over `file` and writes out everything it gathered, secrets masked. On an error,
 * a write still running is waited for before the error goes on (the caller then closes the file).
 */
async function writeBuffered(file, fill, options = {}) {
    const out = new OutputBuffer(file, options);
    try {
        const result = await fill(out);
        await out.finish();
        return result;
    }
    catch (error) {
        await out.settle();
        throw error;
    }
}


/***/ }),

/***/ 438:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ classify)
/* harmony export */ });
/* harmony import */ var _schemas_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6678);
// Whether a result line is a success, and what the error of a failed one is.

function errorInBody(body) {
    if (typeof body === 'string')
        return body.trim() ? { message: body.trim().slice(0, 2000) } : {};
    // Most bodies are successes: skip the schema (and the cost of its error report) when there is no error.
    if (typeof body !== 'object' || body === null || !('error' in body))
        return {};
    const parsed = _schemas_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorBodySchema */ .i1.safeParse(body);
    if (!parsed.success)
        return {};
    const error = parsed.data.error;
    if (typeof error === 'string')
        return { message: error };
    const code = error.code ?? error.type;
    return {
        ...(error.message ? { message: error.message } : {}),
        ...(code !== null && code !== undefined ? { code: String(code) } : {})
    };
}
function makeError(code, message, statusCode) {
    return {
        ...(code !== undefined ? { code } : {}),
        message,
        ...(statusCode !== undefined ? { status_code: statusCode } : {})
    };
}
/** Decides whether a line of the output or error file is a success, and what the error is. */
function classify(line, fromErrorFile) {
    const response = line.response ?? undefined;
    const statusCode = response?.status_code ?? undefined;
    const inBody = errorInBody(response?.body);
    if (line.error) {
        const code = line.error.code ?? undefined;
        return {
            status: 'error',
            error: makeError(code !== undefined ? String(code) : inBody.code, line.error.message ||
                inBody.message ||
                (statusCode !== undefined ? `HTTP ${statusCode}` : 'request failed'), statusCode)
        };
    }
    if (response === undefined) {
        return {
            status: 'error',
            error: makeError(undefined, 'the result has neither a response nor an error', undefined)
        };
    }
    if (statusCode !== undefined && (statusCode < 200 || statusCode > 299)) {
        return {
            status: 'error',
            error: makeError(inBody.code, inBody.message || `HTTP ${statusCode}`, statusCode)
        };
    }
    if (fromErrorFile) {
        return {
            status: 'error',
            error: makeError(inBody.code, inBody.message || 'request failed (listed in the error file)', statusCode)
        };
    }
    return { status: 'ok', body: response.body ?? null };
}


/***/ }),

/***/ 8070:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  P: () => (/* binding */ ResultFileIndexer),
  y: () => (/* binding */ indexResultFile)
});

// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
// EXTERNAL MODULE: ./src/jsonl/lines.ts
var lines = __webpack_require__(4277);
// EXTERNAL MODULE: ./src/net/abort.ts
var abort = __webpack_require__(3961);
;// CONCATENATED MODULE: ./src/results/body-span.ts
// Where a result line's response body sits in its bytes, found from the line's layout: one walk over
// the line's structure, with the long strings skipped by native byte searches, instead of writing
// the body again with JSON.stringify and searching the line for it.
//
// The join copies those bytes into results.jsonl as the body, so they must be exactly what
// JSON.stringify(body) writes. They are when the body is written the canonical way: no spaces
// between tokens, numbers as String(number) writes them, only the escapes JSON.stringify uses, no
// repeated keys (JSON.parse keeps the last) and no integer-like keys (which objects list first).
// Anything else is left to the general search of indexing.ts.
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const RESPONSE = Buffer.from('response');
const BODY = Buffer.from('body');
/** Escapes JSON.stringify writes as they are: \" \\ \b \f \n \r \t. */
function isShortEscape(byte) {
    return (byte === QUOTE ||
        byte === BACKSLASH ||
        byte === 0x62 ||
        byte === 0x66 ||
        byte === 0x6e ||
        byte === 0x72 ||
        byte === 0x74);
}
/** Whether `\uXXXX` at `at` (the backslash) is one JSON.stringify writes: a control character without a short form, lower-case hex. */
function isCanonicalUnicodeEscape(bytes, at) {
    if (bytes[at + 2] !== 0x30 || bytes[at + 3] !== 0x30)
        return false;
    const high = bytes[at + 4];
    const low = bytes[at + 5];
    if (high !== 0x30 && high !== 0x31)
        return false;
    const lowValue = low >= 0x30 && low <= 0x39 ? low - 0x30 : low >= 0x61 && low <= 0x66 ? low - 0x57 : -1;
    if (lowValue < 0)
        return false;
    const value = (high === 0x31 ? 16 : 0) + lowValue;
    // \b \t \n \f \r have short forms, which JSON.stringify uses instead.
    return value !== 0x08 && value !== 0x09 && value !== 0x0a && value !== 0x0c && value !== 0x0d;
}
/** A walk over one line. `canonical` turns false at the first byte in the body that JSON.stringify would not write. */
class Walk {
    at = 0;
    canonical = true;
    nextBackslash = -2;
    bytes;
    constructor(bytes) {
        this.bytes = bytes;
    }
    /** Skips the string whose opening quote is at `this.at`; returns the index of its closing quote. */
    skipString(checkEscapes) {
        const bytes = this.bytes;
        let from = this.at + 1;
        for (;;) {
            const quote = bytes.indexOf(QUOTE, from);
            if (quote === -1)
                throw new Error('unterminated string');
            if (this.nextBackslash !== -1 && this.nextBackslash < from)
                this.nextBackslash = bytes.indexOf(BACKSLASH, from);
            if (this.nextBackslash === -1 || this.nextBackslash > quote) {
                this.at = quote + 1;
                return quote;
            }
            const escape = this.nextBackslash;
            const kind = bytes[escape + 1];
            if (checkEscapes && !isShortEscape(kind)) {
                if (kind !== 0x75 || !isCanonicalUnicodeEscape(bytes, escape))
                    this.canonical = false;
            }
            from = escape + (kind === 0x75 ? 6 : 2);
            this.nextBackslash = bytes.indexOf(BACKSLASH, from);
        }
    }
    /** Skips one value at `this.at` (the line is valid JSON: JSON.parse read it); counts keys into `keys`. */
    skipValue(check, keys) {
        const bytes = this.bytes;
        const first = bytes[this.at];
        if (first === QUOTE) {
            this.skipString(check);
            return;
        }
        if (first === OPEN_OBJECT || first === OPEN_ARRAY) {
            const object = first === OPEN_OBJECT;
            this.at++;
            if (bytes[this.at] === (object ? CLOSE_OBJECT : CLOSE_ARRAY)) {
                this.at++;
                return;
            }
            for (;;) {
                if (object) {
                    if (bytes[this.at] !== QUOTE)
                        return this.notCanonical();
                    const keyStart = this.at + 1;
                    const keyEnd = this.skipString(check);
                    if (check && isIndexLike(bytes, keyStart, keyEnd))
                        this.canonical = false;
                    keys.count++;
                    if (bytes[this.at] !== COLON)
                        return this.notCanonical();
                    this.at++;
                }
                this.skipValue(check, keys);
                if (!this.canonical && check)
                    return;
                const next = bytes[this.at];
                this.at++;
                if (next === COMMA)
                    continue;
                if (next === (object ? CLOSE_OBJECT : CLOSE_ARRAY))
                    return;
                return this.notCanonical();
            }
        }
        // A number or a literal: up to the next structural byte.
        const start = this.at;
        let end = start;
        while (end < bytes.length) {
            const byte = bytes[end];
            if (byte === COMMA || byte === CLOSE_OBJECT || byte === CLOSE_ARRAY || byte === COLON)
                break;
            end++;
        }
        this.at = end;
        if (!check)
            return;
        const text = bytes.toString('latin1', start, end);
        if (text === 'true' || text === 'false' || text === 'null')
            return;
        if (String(Number(text)) !== text)
            this.canonical = false;
    }
    notCanonical() {
        // Spaces between tokens (or anything unexpected): the walk stops, the general search decides.
        this.canonical = false;
        this.at = this.bytes.length;
    }
}
/** Keys made of digits only: objects list integer-like keys first, so their order may change. */
function isIndexLike(bytes, start, end) {
    if (end === start || end - start > 10)
        return false;
    for (let i = start; i < end; i++) {
        const byte = bytes[i];
        if (byte < 0x30 || byte > 0x39)
            return false;
    }
    return true;
}
/** Whether a key has an escape: `"bo\u0064y"` is `body` to JSON.parse, not to this walk. */
function hasBackslash(bytes, start, end) {
    for (let i = start; i < end; i++)
        if (bytes[i] === BACKSLASH)
            return true;
    return false;
}
function sameKey(bytes, start, end, key) {
    return end - start === key.length && bytes.compare(key, 0, key.length, start, end) === 0;
}
/**
 * The span of `response.body` in a result line written without spaces (`{"id":..,"custom_id":..,
 * "response":{"status_code":..,"request_id":..,"body":X},"error":null}`, members in any order),
 * when X is written as JSON.stringify writes it; undefined otherwise, and for a line with repeated
 * or escaped `response` or `body` keys. `keys` counts X's object keys: a count that differs from
 * the parsed body's means repeated keys inside it. The line must be valid JSON.
 */
function bodySpanFromLayout(bytes) {
    const walk = new Walk(bytes);
    let span;
    let responses = 0;
    const ignored = { count: 0 };
    try {
        if (bytes[0] !== OPEN_OBJECT)
            return undefined;
        walk.at = 1;
        for (;;) {
            if (bytes[walk.at] !== QUOTE)
                return undefined;
            const keyStart = walk.at + 1;
            const keyEnd = walk.skipString(false);
            if (hasBackslash(bytes, keyStart, keyEnd))
                return undefined;
            if (bytes[walk.at] !== COLON)
                return undefined;
            walk.at++;
            if (sameKey(bytes, keyStart, keyEnd, RESPONSE)) {
                if (++responses > 1)
                    return undefined;
                if (bytes[walk.at] === OPEN_OBJECT) {
                    span = responseBody(walk);
                    if (span === undefined)
                        return undefined;
                }
                else
                    walk.skipValue(false, ignored);
            }
            else
                walk.skipValue(false, ignored);
            const next = bytes[walk.at];
            walk.at++;
            if (next === COMMA)
                continue;
            if (next === CLOSE_OBJECT && walk.at === bytes.length)
                return span;
            return undefined;
        }
    }
    catch {
        return undefined;
    }
}
/** Walks the response object at walk.at; the body's span, or undefined when it cannot be copied. */
function responseBody(walk) {
    const bytes = walk.bytes;
    let span;
    const ignored = { count: 0 };
    walk.at++;
    if (bytes[walk.at] === CLOSE_OBJECT) {
        walk.at++;
        return undefined;
    }
    for (;;) {
        if (bytes[walk.at] !== QUOTE)
            return undefined;
        const keyStart = walk.at + 1;
        const keyEnd = walk.skipString(false);
        if (hasBackslash(bytes, keyStart, keyEnd))
            return undefined;
        if (bytes[walk.at] !== COLON)
            return undefined;
        walk.at++;
        if (sameKey(bytes, keyStart, keyEnd, BODY)) {
            if (span !== undefined)
                return undefined;
            const start = walk.at;
            const keys = { count: 0 };
            walk.canonical = true;
            walk.skipValue(true, keys);
            if (!walk.canonical)
                return undefined;
            span = { start, length: walk.at - start, keys: keys.count };
        }
        else
            walk.skipValue(false, ignored);
        const next = bytes[walk.at];
        walk.at++;
        if (next === COMMA)
            continue;
        if (next === CLOSE_OBJECT)
            return span;
        return undefined;
    }
}
/** How many object keys a parsed value holds, all levels: compared with BodySpan.keys. */
function countKeys(value) {
    if (Array.isArray(value)) {
        let count = 0;
        for (const item of value)
            count += countKeys(item);
        return count;
    }
    if (typeof value !== 'object' || value === null)
        return 0;
    let count = 0;
    for (const key in value) {
        count += 1 + countKeys(value[key]);
    }
    return count;
}

// EXTERNAL MODULE: ./src/results/classify.ts
var classify = __webpack_require__(438);
// EXTERNAL MODULE: ./src/results/output-index.ts + 1 modules
var output_index = __webpack_require__(4205);
// EXTERNAL MODULE: ./src/results/schemas.ts
var schemas = __webpack_require__(6678);
// EXTERNAL MODULE: ./src/results/usage.ts
var usage = __webpack_require__(8233);
// EXTERNAL MODULE: ./src/results/warnings.ts
var results_warnings = __webpack_require__(3845);
;// CONCATENATED MODULE: ./src/results/indexing.ts
// Indexing the output and error files: every result line's place, outcome and token usage.









/**
 * The general search: where the bytes of JSON.stringify(body) appear in the line, so that the join
 * can copy them instead of parsing the line again; undefined when they do not (escapes such as \u00e9 or \/,
 * spaces between tokens, numbers written as 1.0 or 1e3, invalid UTF-8): such lines are parsed again.
 * Any occurrence will do: its bytes are those JSON.stringify would write.
 */
function locateBody(bytes, text, body) {
    if (body === undefined || body === null)
        return undefined;
    const canonical = JSON.stringify(body);
    const at = text.indexOf(canonical);
    if (at === -1)
        return undefined;
    if ((0,external_node_buffer_.isAscii)(bytes))
        return { start: at, length: canonical.length };
    // Character and byte positions differ; with invalid UTF-8 the decoded text is not the bytes.
    if (!(0,external_node_buffer_.isUtf8)(bytes))
        return undefined;
    const start = Buffer.byteLength(text.slice(0, at), 'utf8');
    const length = Buffer.byteLength(canonical, 'utf8');
    return start + length <= bytes.length ? { start, length } : undefined;
}
/** Where the body's bytes are: from the line's layout, else by the general search. */
function findBody(bytes, text, body) {
    if (body === undefined || body === null)
        return undefined;
    const span = bodySpanFromLayout(bytes);
    // Invalid UTF-8 decodes to U+FFFD, which JSON.stringify writes as other bytes.
    if (span && countKeys(body) === span.keys && ((0,external_node_buffer_.isAscii)(bytes) || (0,external_node_buffer_.isUtf8)(bytes)))
        return span;
    return locateBody(bytes, text, body);
}
/**
 * Indexes the lines of one output or error file, one at a time, in file order; counts what it
 * skips and says so in `warnings` at the end. The lines come from a file being read or from a
 * download passing through (see one-pass.ts).
 */
class ResultFileIndexer {
    malformed = 0;
    duplicates = 0;
    index;
    source;
    label;
    warnings;
    constructor(index, source, label, warnings) {
        this.index = index;
        this.source = source;
        this.label = label;
        this.warnings = warnings;
    }
    /** Indexes one line (without its line break); returns the slot it went to, or -1 when it was skipped or not kept. */
    line(bytes, offset, number) {
        if ((0,lines/* isBlankLine */.pB)(bytes))
            return -1;
        const text = bytes.toString('utf8');
        let parsed;
        try {
            parsed = schemas/* ResultLineSchema */.Xd.parse(JSON.parse(text));
        }
        catch (error) {
            this.malformed++;
            if (this.malformed <= results_warnings/* MAX_LINE_WARNINGS */.c) {
                this.warnings.push(`${this.label} line ${number} skipped: ${(0,results_warnings/* describeError */.U)(error).slice(0, 300)}`);
            }
            return -1;
        }
        const classified = (0,classify/* classify */.L)(parsed, this.source === output_index/* SOURCE_ERROR */.DH);
        const ok = classified.status === 'ok';
        const body = ok ? findBody(bytes, text, classified.body) : undefined;
        const index = this.index;
        const added = index.set(parsed.custom_id, {
            source: this.source,
            offset,
            length: bytes.length,
            kind: ok ? output_index/* KIND_OK */.Ai : output_index/* KIND_ERROR */.Gr,
            bodyStart: body?.start ?? 0,
            bodyLength: body?.length ?? output_index/* REPARSE */.$m,
            usage: ok ? (0,usage/* usageOf */.F)(classified.body) : undefined
        });
        if (!added)
            this.duplicates++;
        // A repeated id keeps its first line unless a success replaced a failure.
        return index.lastWritten;
    }
    /** The warnings that sum up the file, once its last line is in. */
    end() {
        const { malformed, duplicates, label, warnings } = this;
        if (malformed > results_warnings/* MAX_LINE_WARNINGS */.c) {
            warnings.push(`${label}: ${malformed - results_warnings/* MAX_LINE_WARNINGS */.c} more malformed lines skipped (${malformed} in all)`);
        }
        if (duplicates > 0) {
            warnings.push(`${label}: ${duplicates} lines repeat a custom_id already seen; the first result (or a success) was kept`);
        }
        return { malformed };
    }
}
/** Adds the lines of one output or error file to the index, with warnings for the lines it skips. */
async function indexResultFile(index, path, source, label, warnings, signal) {
    const indexer = new ResultFileIndexer(index, source, label, warnings);
    for await (const line of (0,lines/* readLines */.Se)(path)) {
        if (signal?.aborted)
            throw (0,abort/* abortReason */.Js)(signal);
        indexer.line(line.bytes, line.offset, line.number);
    }
    return indexer.end();
}


/***/ }),

/***/ 5237:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ inputCustomIds),
/* harmony export */   S: () => (/* binding */ quickCustomId)
/* harmony export */ });
/* harmony import */ var _jsonl_lines_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4277);
/* harmony import */ var _schemas_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6678);
/* harmony import */ var _warnings_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3845);
// The custom_ids of the input file, in input order: what the join writes one line for.



const QUOTE = 0x22;
const BACKSLASH = 0x5c;
function skipSpaces(bytes, at) {
    while (at < bytes.length) {
        const byte = bytes[at];
        if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0d)
            break;
        at++;
    }
    return at;
}
const CUSTOM_ID_KEY = Buffer.from('"custom_id"');
/**
 * The custom_id of an input line that starts with `{"custom_id":"...",` (spaces allowed), where the
 * id has no escapes and the key does not appear again: the value JSON.parse would give, without
 * parsing the ~4 kB request. Undefined for any other line, which is then parsed in full. The rest
 * of the line is not checked: an input was validated before it was uploaded, and a line that is
 * not JSON but starts so (`{"custom_id":"a","body":{}`) is joined by its id all the same.
 */
function quickCustomId(bytes) {
    let at = skipSpaces(bytes, 0);
    if (bytes[at] !== 0x7b)
        return undefined;
    at = skipSpaces(bytes, at + 1);
    if (at + CUSTOM_ID_KEY.length > bytes.length ||
        bytes.compare(CUSTOM_ID_KEY, 0, CUSTOM_ID_KEY.length, at, at + CUSTOM_ID_KEY.length) !== 0)
        return undefined;
    at = skipSpaces(bytes, at + CUSTOM_ID_KEY.length);
    if (bytes[at] !== 0x3a)
        return undefined;
    at = skipSpaces(bytes, at + 1);
    if (bytes[at] !== QUOTE)
        return undefined;
    const start = at + 1;
    const end = bytes.indexOf(QUOTE, start);
    if (end === -1)
        return undefined;
    for (let i = start; i < end; i++) {
        const byte = bytes[i];
        if (byte < 0x20 || byte === BACKSLASH)
            return undefined;
    }
    // What follows must be the next member or the end of the object, and the line must end the object.
    const next = skipSpaces(bytes, end + 1);
    if (bytes[next] !== 0x2c && bytes[next] !== 0x7d)
        return undefined;
    let last = bytes.length - 1;
    while (last > next && (bytes[last] === 0x20 || bytes[last] === 0x09))
        last--;
    if (bytes[last] !== 0x7d)
        return undefined;
    // JSON.parse keeps the last of repeated keys.
    if (bytes.indexOf(CUSTOM_ID_KEY, end + 1) !== -1)
        return undefined;
    return bytes.toString('utf8', start, end);
}
/** The custom_id of every request line of the input file; unreadable lines skipped with a warning. */
async function* inputCustomIds(inputPath, warnings) {
    let bad = 0;
    for await (const line of (0,_jsonl_lines_js__WEBPACK_IMPORTED_MODULE_0__/* .readLines */ .Se)(inputPath)) {
        if ((0,_jsonl_lines_js__WEBPACK_IMPORTED_MODULE_0__/* .isBlankLine */ .pB)(line.bytes))
            continue;
        const quick = quickCustomId(line.bytes);
        if (quick !== undefined) {
            yield quick;
            continue;
        }
        try {
            yield _schemas_js__WEBPACK_IMPORTED_MODULE_1__/* .InputLine */ .nz.parse(JSON.parse(line.bytes.toString('utf8'))).custom_id;
        }
        catch (error) {
            bad++;
            if (bad <= _warnings_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_LINE_WARNINGS */ .c) {
                warnings.push(`input file line ${line.number} skipped: ${(0,_warnings_js__WEBPACK_IMPORTED_MODULE_2__/* .describeError */ .U)(error).slice(0, 300)}`);
            }
        }
    }
    if (bad > _warnings_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_LINE_WARNINGS */ .c)
        warnings.push(`input file: ${bad - _warnings_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_LINE_WARNINGS */ .c} more malformed lines skipped`);
}


/***/ }),

/***/ 643:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AU: () => (/* binding */ closeFiles),
/* harmony export */   DS: () => (/* binding */ openResultFiles),
/* harmony export */   FU: () => (/* binding */ joinResults),
/* harmony export */   Tq: () => (/* binding */ warnUnused)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _jsonl_atomic_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4857);
/* harmony import */ var _jsonl_output_buffer_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2699);
/* harmony import */ var _net_abort_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3961);
/* harmony import */ var _input_ids_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5237);
/* harmony import */ var _indexing_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8070);
/* harmony import */ var _joined_lines_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9193);
/* harmony import */ var _output_index_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4205);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(5187);
// The join: results.jsonl from the input file and the batch's output and error files.
//
// Files can be hundreds of megabytes: nothing here holds a whole file, or all response bodies, in
// memory. The output and error files are indexed first (offsets, outcome, usage; see
// output-index.ts), then the input file is read in order and each request's result line is read
// back at its offset and written out.









/** Indexes the output file, then the error file; returns the number of malformed lines. */
async function indexResults(index, options, warnings) {
    let malformed = 0;
    if (options.outputPath) {
        malformed += (await (0,_indexing_js__WEBPACK_IMPORTED_MODULE_5__/* .indexResultFile */ .y)(index, options.outputPath, _output_index_js__WEBPACK_IMPORTED_MODULE_7__/* .SOURCE_OUTPUT */ ._8, 'output file', warnings, options.signal)).malformed;
    }
    if (options.errorPath) {
        malformed += (await (0,_indexing_js__WEBPACK_IMPORTED_MODULE_5__/* .indexResultFile */ .y)(index, options.errorPath, _output_index_js__WEBPACK_IMPORTED_MODULE_7__/* .SOURCE_ERROR */ .DH, 'error file', warnings, options.signal)).malformed;
    }
    return malformed;
}
/** The custom_ids to write a line for: the input file's in its order, else every result's by id. */
function orderedIds(index, inputPath, warnings) {
    return inputPath === undefined ? index.sortedIds() : (0,_input_ids_js__WEBPACK_IMPORTED_MODULE_4__/* .inputCustomIds */ .K)(inputPath, warnings);
}
/** Opens the output and error files for the positioned reads, at their SOURCE_* places. */
function openResultFiles(options) {
    const fds = [undefined, undefined];
    try {
        if (options.outputPath)
            fds[_output_index_js__WEBPACK_IMPORTED_MODULE_7__/* .SOURCE_OUTPUT */ ._8] = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(options.outputPath, 'r');
        if (options.errorPath)
            fds[_output_index_js__WEBPACK_IMPORTED_MODULE_7__/* .SOURCE_ERROR */ .DH] = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(options.errorPath, 'r');
    }
    catch (error) {
        closeFiles(fds);
        throw error;
    }
    return fds;
}
function closeFiles(fds) {
    for (const fd of fds) {
        if (fd !== undefined) {
            try {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
            }
            catch {
                // ignore
            }
        }
    }
}
/**
 * Writes the lines of results.jsonl to `destPath` atomically, in the order of `ids`. The secrets are
 * masked by the writer a whole buffer at a time: a key escaped in a result file (`\u0073k-...`)
 * comes out in plain text once its line is parsed and written again.
 */
async function writeJoined(destPath, ids, lines, secrets, signal) {
    await (0,_jsonl_atomic_js__WEBPACK_IMPORTED_MODULE_1__/* .writeAtomically */ .v)(destPath, (file) => (0,_jsonl_output_buffer_js__WEBPACK_IMPORTED_MODULE_2__/* .writeBuffered */ .d)(file, async (out) => {
        let batches = 0;
        for await (const customId of ids) {
            // An abort removes the temporary file (writeAtomically): no half results.jsonl appears.
            if (signal?.aborted)
                throw (0,_net_abort_js__WEBPACK_IMPORTED_MODULE_3__/* .abortReason */ .Js)(signal);
            if (!lines.add(customId))
                continue;
            await lines.write(out);
            // The reads are synchronous: let timers and signals run between batches.
            if (++batches % 4 === 0)
                await new Promise((resolve) => setImmediate(resolve));
        }
        if (lines.pending > 0)
            await lines.write(out);
    }, { secrets }));
}
/** A warning when results name custom_ids that are not in the input file. */
function warnUnused(index, warnings) {
    let unused = 0;
    for (let slot = 0; slot < index.size; slot++)
        if (index.used[slot] === 0)
            unused++;
    if (unused > 0) {
        warnings.push(`${unused} results have a custom_id that is not in the input file; they were left out of results.jsonl`);
    }
}
/**
 * Writes results.jsonl: one line per request of the input file, in input order (or, without an
 * input file, one per result ordered by custom_id), with status ok/error/missing.
 */
async function joinResults(options) {
    const warnings = [];
    const index = new _output_index_js__WEBPACK_IMPORTED_MODULE_7__/* .ResultIndex */ .wx();
    const malformed = await indexResults(index, options, warnings);
    const result = { ...(0,_types_js__WEBPACK_IMPORTED_MODULE_8__/* .emptyJoinResult */ .xR)(options.destPath), malformed, warnings };
    const fds = openResultFiles(options);
    try {
        const ids = orderedIds(index, options.inputPath, warnings);
        await writeJoined(options.destPath, ids, new _joined_lines_js__WEBPACK_IMPORTED_MODULE_6__/* .JoinedLines */ .l(index, fds, result), options.secrets, options.signal);
    }
    finally {
        closeFiles(fds);
    }
    if (options.inputPath !== undefined)
        warnUnused(index, warnings);
    return result;
}


/***/ }),

/***/ 9193:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  l: () => (/* binding */ JoinedLines)
});

// EXTERNAL MODULE: ./src/results/classify.ts
var classify = __webpack_require__(438);
// EXTERNAL MODULE: ./src/results/output-index.ts + 1 modules
var output_index = __webpack_require__(4205);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/results/reader.ts
// The positioned reader of the join: the result lines of a batch of requests, read from the output
// and error files at the offsets the index recorded.

/** Requests joined together: their result lines are read in one go, sorted by position in the files. */
const BATCH_LINES = 512;
/** Stop adding requests to a batch once their result lines add up to this. */
const BATCH_BYTES = 4 << 20;
/** Two result lines closer than this are read with one read, the bytes between them included. */
const MERGE_GAP = 16 << 10;
/**
 * Reads the result lines of a batch of slots: sorts them by file and offset, merges neighbouring
 * ranges and reads each merged range with one synchronous read (many small reads through the
 * thread pool would mostly be waiting). Afterwards `start(i)` is where slot i's line begins in
 * `buffer`.
 */
class BatchReader {
    buffer = Buffer.allocUnsafe(BATCH_BYTES);
    starts = new Float64Array(BATCH_LINES);
    order = [];
    fds;
    held;
    constructor(fds, held) {
        this.fds = fds;
        this.held = held;
    }
    start(i) {
        return this.starts[i] ?? 0;
    }
    read(index, slots, count) {
        const order = this.order;
        order.length = 0;
        const copies = [];
        for (let i = 0; i < count; i++) {
            const slot = slots[i] ?? -1;
            if (slot < 0)
                continue;
            const line = this.held?.get(slot);
            if (line)
                copies.push({ i, line });
            else
                order.push(i);
        }
        const sourceOf = (i) => index.sources[slots[i] ?? 0] ?? 0;
        const offsetOf = (i) => index.offsetAt(slots[i] ?? 0);
        const lengthOf = (i) => index.lengths[slots[i] ?? 0] ?? 0;
        order.sort((a, b) => sourceOf(a) - sourceOf(b) || offsetOf(a) - offsetOf(b));
        // First pass: the merged ranges and the room they need.
        const ranges = [];
        let room = 0;
        for (const i of order) {
            const source = sourceOf(i);
            const from = offsetOf(i);
            const to = from + lengthOf(i);
            const last = ranges[ranges.length - 1];
            if (last && last.source === source && from <= last.to + MERGE_GAP) {
                if (to > last.to) {
                    room += to - last.to;
                    last.to = to;
                }
            }
            else {
                ranges.push({ source, from, to, at: room });
                room += to - from;
            }
            const range = ranges[ranges.length - 1];
            this.starts[i] = range.at + (from - range.from);
        }
        for (const copy of copies) {
            this.starts[copy.i] = room;
            room += copy.line.length;
        }
        if (this.buffer.length < room || this.buffer.length > 4 * Math.max(room, BATCH_BYTES))
            this.buffer = Buffer.allocUnsafe(Math.max(room, BATCH_BYTES));
        for (const copy of copies) {
            copy.line.copy(this.buffer, this.starts[copy.i]);
            this.held?.release(slots[copy.i] ?? -1);
        }
        for (const range of ranges) {
            const fd = this.fds[range.source];
            if (fd === undefined)
                throw new Error('internal error: result file not open');
            const length = range.to - range.from;
            let done = 0;
            while (done < length) {
                const bytesRead = (0,external_node_fs_.readSync)(fd, this.buffer, range.at + done, length - done, range.from + done);
                if (bytesRead === 0)
                    throw new Error('a result file changed while it was being joined');
                done += bytesRead;
            }
        }
    }
}

// EXTERNAL MODULE: ./src/lib/json-kind.ts
var json_kind = __webpack_require__(2104);
// EXTERNAL MODULE: ./src/results/samples.ts
var samples = __webpack_require__(4477);
// EXTERNAL MODULE: ./src/results/types.ts
var types = __webpack_require__(5187);
// EXTERNAL MODULE: ./src/results/usage.ts
var usage = __webpack_require__(8233);
;// CONCATENATED MODULE: ./src/results/joined-lines.ts







const CHANGED = 'a result file changed while it was being joined';
/** The line of a result that is not a plain copy: parsed again, with plain checks (validated while indexing). */
function reparsedLine(text, customId) {
    const line = JSON.parse(text);
    if (!(0,json_kind/* isRecord */.u)(line) || line['custom_id'] !== customId)
        throw new Error(CHANGED);
    return line;
}
/** Gathers requests into batches and writes their lines, counting them into `result`. */
class JoinedLines {
    ids = [];
    slots = new Int32Array(BATCH_LINES);
    bytes = 0;
    index;
    reader;
    result;
    failureCodes = new samples/* FailureCounter */.v();
    constructor(index, fds, result, held) {
        this.index = index;
        this.reader = new BatchReader(fds, held);
        this.result = result;
    }
    get pending() {
        return this.ids.length;
    }
    /** Adds a request to the batch; true when the batch is full and should be written. */
    add(customId) {
        const slot = this.index.slotOf(customId);
        this.slots[this.ids.length] = slot;
        this.ids.push(customId);
        if (slot >= 0)
            this.bytes += this.index.lengths[slot] ?? 0;
        return this.ids.length === BATCH_LINES || this.bytes >= BATCH_BYTES;
    }
    /** Reads the batch's result lines, writes its lines and starts a new batch. */
    async write(out) {
        const count = this.ids.length;
        this.reader.read(this.index, this.slots, count);
        for (let i = 0; i < count; i++) {
            const customId = this.ids[i];
            const slot = this.slots[i] ?? -1;
            this.result.total++;
            if (slot < 0)
                this.writeMissing(out, customId);
            else {
                if (this.index.kinds[slot] === output_index/* KIND_OK */.Ai)
                    this.writeOk(out, customId, slot, i);
                else
                    this.writeError(out, customId, slot, i);
                this.index.used[slot] = 1;
            }
        }
        this.ids.length = 0;
        this.bytes = 0;
        if (this.result.error > 0)
            this.result.failureCodes = this.failureCodes.list();
        if (out.full)
            await out.flush();
    }
    writeMissing(out, customId) {
        this.result.missing++;
        out.text(`${JSON.stringify({ custom_id: customId, status: 'missing' })}\n`);
    }
    /** The text of the result line of batch entry `i`, as read by the reader. */
    lineText(slot, i) {
        const start = this.reader.start(i);
        return this.reader.buffer.toString('utf8', start, start + (this.index.lengths[slot] ?? 0));
    }
    writeOk(out, customId, slot, i) {
        const index = this.index;
        this.result.ok++;
        (0,usage/* addUsage */.v)(this.result.usage, index.usageAt(slot));
        const bodyLength = index.bodyLengths[slot] ?? output_index/* REPARSE */.$m;
        if (bodyLength !== output_index/* REPARSE */.$m) {
            // The same bytes as JSON.stringify({ custom_id, status: 'ok', response: body }).
            out.text(`{"custom_id":${JSON.stringify(customId)},"status":"ok","response":`);
            const bodyStart = this.reader.start(i) + (index.bodyStarts[slot] ?? 0);
            out.bytes(this.reader.buffer, bodyStart, bodyStart + bodyLength);
            out.text('}\n');
            if (this.result.samples.length < types/* MAX_SAMPLES */.xs) {
                const bodyText = this.reader.buffer.toString('utf8', bodyStart, bodyStart + bodyLength);
                this.keepSample(customId, JSON.parse(bodyText));
            }
        }
        else {
            const body = reparsedLine(this.lineText(slot, i), customId).response?.body ?? null;
            out.text(`${JSON.stringify({ custom_id: customId, status: 'ok', response: body })}\n`);
            this.keepSample(customId, body);
        }
    }
    /** The first few successes are kept, as text, for the summary. */
    keepSample(customId, body) {
        if (this.result.samples.length < types/* MAX_SAMPLES */.xs)
            this.result.samples.push({ custom_id: customId, text: (0,samples/* replyText */.c)(body) });
    }
    writeError(out, customId, slot, i) {
        const classified = (0,classify/* classify */.L)(reparsedLine(this.lineText(slot, i), customId), this.index.sources[slot] === output_index/* SOURCE_ERROR */.DH);
        // Indexed as a failure: the same bytes classify the same way.
        if (classified.status !== 'error')
            throw new Error(CHANGED);
        const error = classified.error;
        this.result.error++;
        const failure = { custom_id: customId, ...error };
        if (this.result.failures.length < types/* MAX_FAILURES_LISTED */.lZ)
            this.result.failures.push(failure);
        this.failureCodes.add(failure);
        out.text(`${JSON.stringify({ custom_id: customId, status: 'error', error })}\n`);
    }
}


/***/ }),

/***/ 4205:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Gr: () => (/* binding */ KIND_ERROR),
  Ai: () => (/* binding */ KIND_OK),
  $m: () => (/* binding */ REPARSE),
  wx: () => (/* binding */ ResultIndex),
  DH: () => (/* binding */ SOURCE_ERROR),
  _8: () => (/* binding */ SOURCE_OUTPUT)
});

// UNUSED EXPORTS: fitsCount

;// CONCATENATED MODULE: ./src/results/id-arena.ts
// The custom_ids of the output index: their bytes in one growable arena, found through an
// open-addressing hash table in a typed array. Millions of ids cost no JS object each: the id's
// UTF-8 bytes plus 10 to 12.5 (its start, its place in the table; see README, Performance), where a
// Map of strings took about 93 bytes of heap for an id of 16 characters.
//
// Ids are numbered (their slots) in the order they were added; the slot's bytes are
// arena[starts[slot], starts[slot + 1]).
// Math.imul held in a module constant: the tests (and mutation runs) execute this code in jest's
// VM context, where a global looked up in a hot loop went through the context's interceptor, and
// the hashing took 9 µs per 16-byte id there against 0.5 µs in a plain Node process.
const imul = Math.imul;
/** FNV-1a, 32 bits, over bytes[start, end). */
function fnv1a(bytes, start, end) {
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++)
        hash = imul(hash ^ bytes[i], 0x01000193);
    return hash >>> 0;
}
/** A capacity grown by half (at least to `needed`): doubling would leave up to half of it unused. */
function grownCapacity(current, needed) {
    return Math.max(needed, current + Math.ceil(current / 2));
}
/**
 * The contents of `buffer` in a buffer of `byteLength` bytes (zeros after them), `buffer` detached:
 * its memory goes at once, where a copy would leave it until a major GC, after the next growth.
 * (ArrayBuffer.prototype.transfer, ES2024, in Node since 22.)
 */
function resized(buffer, byteLength) {
    return buffer.transfer(byteLength);
}
/**
 * Marks a key that is not UTF-8: an id with a lone surrogate (JSON allows "\ud800") is kept as
 * its UTF-16 code units after this byte, which never appears in UTF-8, so it cannot collide with
 * another id and comes back exactly.
 */
const UTF16_MARK = 0xff;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const encoder = new TextEncoder();
/**
 * Writes the key of `id` into `target` at `at`; returns its length in bytes, or -1 when it does
 * not fit (`target` must then have room for 3 bytes per UTF-16 unit and one more).
 */
function encodeKey(id, target, at) {
    const room = target.subarray(at);
    const { read, written } = encoder.encodeInto(id, room);
    if (read < id.length)
        return -1;
    // One byte per unit: ASCII, which has no surrogate to lose.
    if (written === id.length || !LONE_SURROGATE.test(id))
        return written;
    if (room.length < 1 + 2 * id.length)
        return -1;
    room[0] = UTF16_MARK;
    return 1 + room.write(id, 1, 'utf16le');
}
/** The id whose key is bytes[start, end). */
function decodeKey(bytes, start, end) {
    return bytes[start] === UTF16_MARK
        ? bytes.toString('utf16le', start + 1, end)
        : bytes.toString('utf8', start, end);
}
/** The table is grown once it is more than this full: linear probing slows down past it. */
const MAX_LOAD = 0.7;
/** starts[] holds 32-bit positions. */
const MAX_ARENA = 0xffffffff;
class IdArena {
    /** Ids added. */
    size = 0;
    arena;
    used = 0;
    starts;
    /** slot + 1 at each place of the table; 0 is an empty place. */
    table;
    /** Where the last find that missed ended, and the length of its key (at arena[used]). */
    missedAt = -1;
    missedLength = 0;
    constructor(capacity = 1024, tableSize = Math.ceil(capacity / MAX_LOAD)) {
        this.arena = Buffer.alloc(Math.max(64, capacity * 16));
        this.starts = new Uint32Array(capacity + 1);
        this.table = new Int32Array(Math.max(2, tableSize));
    }
    /** The slot of `id`, or -1; a miss is remembered for add(). */
    find(id) {
        let length = encodeKey(id, this.arena, this.used);
        if (length < 0) {
            this.reserve(3 * id.length + 1);
            length = encodeKey(id, this.arena, this.used);
        }
        return this.probe(this.used, this.used + length);
    }
    /** Adds the id the last find() missed; returns its slot. */
    add() {
        if (this.missedAt < 0)
            throw new Error('internal error: add() without a find() that missed');
        const slot = this.size;
        if (slot + 1 >= this.starts.length) {
            const capacity = grownCapacity(this.starts.length, slot + 2);
            this.starts = new Uint32Array(resized(this.starts.buffer, capacity * 4));
        }
        this.table[this.missedAt] = slot + 1;
        this.used += this.missedLength;
        this.starts[slot + 1] = this.used;
        this.size = slot + 1;
        this.missedAt = -1;
        if (this.size > this.table.length * MAX_LOAD)
            this.rehash(grownCapacity(this.table.length, 2));
        return slot;
    }
    /** The id in `slot`. */
    idAt(slot) {
        return decodeKey(this.arena, this.starts[slot] ?? 0, this.starts[slot + 1] ?? 0);
    }
    /** Drops the ids of slots `size` and after. */
    truncate(size) {
        if (size >= this.size)
            return;
        this.size = size;
        this.used = this.starts[size] ?? 0;
        this.missedAt = -1;
        this.rehash(this.table.length);
    }
    /** Bytes held by the arena, the positions and the table (for the README's figures). */
    get bytes() {
        return this.arena.length + this.starts.byteLength + this.table.byteLength;
    }
    /** The slot of the key encoded at arena[start, end), or -1, remembering where it would go. */
    probe(start, end) {
        const table = this.table;
        const length = end - start;
        let at = fnv1a(this.arena, start, end) % table.length;
        for (;;) {
            const entry = table[at];
            if (entry === 0)
                break;
            if (this.keyIs(entry - 1, start, length))
                return entry - 1;
            at = at + 1 === table.length ? 0 : at + 1;
        }
        this.missedAt = at;
        this.missedLength = length;
        return -1;
    }
    /** Whether the id in `slot` has the key at arena[start, start + length). */
    keyIs(slot, start, length) {
        const from = this.starts[slot];
        if (this.starts[slot + 1] - from !== length)
            return false;
        const arena = this.arena;
        for (let i = 0; i < length; i++)
            if (arena[from + i] !== arena[start + i])
                return false;
        return true;
    }
    /** Room for `bytes` more bytes after the ids (a key is encoded there before it is added). */
    reserve(bytes) {
        const needed = this.used + bytes;
        if (needed <= this.arena.length)
            return;
        if (needed > MAX_ARENA)
            throw new Error('the custom_ids of the results add up to over 4 GiB');
        const length = Math.min(MAX_ARENA, grownCapacity(this.arena.length, needed));
        this.arena = Buffer.from(resized(this.arena.buffer, length));
    }
    /** Places every id again in a table of `tableSize` places. */
    rehash(tableSize) {
        const old = this.table;
        const table = tableSize === old.length ? old.fill(0) : new Int32Array(tableSize);
        for (let slot = 0; slot < this.size; slot++) {
            const from = this.starts[slot];
            let at = fnv1a(this.arena, from, this.starts[slot + 1]) % tableSize;
            while (table[at] !== 0)
                at = at + 1 === tableSize ? 0 : at + 1;
            table[at] = slot + 1;
        }
        if (table !== old)
            resized(old.buffer, 0);
        this.table = table;
        this.missedAt = -1;
    }
}

;// CONCATENATED MODULE: ./src/results/output-index.ts
// The output index: what the join keeps of every line of the output and error files, by custom_id.

const SOURCE_OUTPUT = 0;
const SOURCE_ERROR = 1;
const KIND_OK = 0;
const KIND_ERROR = 1;
/** bodyLengths value of an entry whose line is parsed again to write it (errors, unusual bodies). */
const REPARSE = 0xffffffff;
const TWO_32 = 2 ** 32;
/** Offsets are kept as 32 low bits and 8 high ones: exact up to 1 TiB. */
const MAX_OFFSET = 2 ** 40 - 1;
/** A token count stored as this is in `largeCounts`: one over 2^32 - 2, negative or fractional. */
const LARGE_COUNT = 0xffffffff;
const COUNT_FIELDS = 3;
/** Whether a token count fits the 32-bit arrays (anything else is kept exactly on the side). */
function fitsCount(count) {
    return Number.isInteger(count) && count >= 0 && count < LARGE_COUNT;
}
function grown(old, capacity) {
    const View = old.constructor;
    return new View(resized(old.buffer, capacity * old.BYTES_PER_ELEMENT));
}
/**
 * custom_id -> (file, byte offset, byte length, ok/error, where the body is in the line, token usage),
 * in typed arrays by slot to stay small with millions of lines: the ids in an IdArena, token
 * counts as 32-bit integers (the rare one that does not fit in a Map), capacities grown by half.
 */
class ResultIndex {
    ids;
    capacity;
    offsetsLow;
    offsetsHigh;
    lengths;
    bodyStarts;
    bodyLengths;
    counts;
    largeCounts = new Map();
    sources;
    kinds;
    /** 1 once the entry's line was written to results.jsonl. */
    used;
    /** The slot the last set() wrote, or -1 when it kept the line that was there. */
    lastWritten = -1;
    constructor(capacity = 1024, tableSize) {
        this.ids = new IdArena(capacity, tableSize);
        this.capacity = capacity;
        this.offsetsLow = new Uint32Array(capacity);
        this.offsetsHigh = new Uint8Array(capacity);
        this.lengths = new Uint32Array(capacity);
        this.bodyStarts = new Uint32Array(capacity);
        this.bodyLengths = new Uint32Array(capacity);
        this.counts = new Uint32Array(capacity * COUNT_FIELDS);
        this.sources = new Uint8Array(capacity);
        this.kinds = new Uint8Array(capacity);
        this.used = new Uint8Array(capacity);
    }
    /** Entries in the index, in slots 0 to size - 1. */
    get size() {
        return this.ids.size;
    }
    /** The slot of `id`, or -1. */
    slotOf(id) {
        return this.ids.find(id);
    }
    /** The custom_id of the entry in `slot`. */
    idAt(slot) {
        return this.ids.idAt(slot);
    }
    /** Every custom_id, sorted as [...ids].sort() sorts them. */
    sortedIds() {
        return Array.from({ length: this.size }, (_, slot) => this.idAt(slot)).sort();
    }
    /** Adds or replaces an entry; returns false when the id was already there. */
    set(id, line) {
        let slot = this.ids.find(id);
        const added = slot < 0;
        if (added) {
            slot = this.ids.add();
            if (slot >= this.capacity)
                this.grow(slot + 1);
            this.used[slot] = 0;
        }
        else if (!(this.kinds[slot] === KIND_ERROR && line.kind === KIND_OK)) {
            // Keep the first line for an id, unless a success comes after a failure.
            this.lastWritten = -1;
            return false;
        }
        this.setOffset(slot, line.offset);
        this.lengths[slot] = line.length;
        this.sources[slot] = line.source;
        this.kinds[slot] = line.kind;
        this.bodyStarts[slot] = line.bodyStart;
        this.bodyLengths[slot] = line.bodyLength;
        this.setCount(slot, 0, line.usage?.prompt ?? 0);
        this.setCount(slot, 1, line.usage?.completion ?? 0);
        this.setCount(slot, 2, line.usage?.total ?? 0);
        this.lastWritten = slot;
        return added;
    }
    /** The byte offset of the entry's line in its file. */
    offsetAt(slot) {
        return (this.offsetsHigh[slot] ?? 0) * TWO_32 + (this.offsetsLow[slot] ?? 0);
    }
    /** The token usage of the entry in `slot` (zeros for a failure). */
    usageAt(slot) {
        return {
            prompt: this.count(slot, 0),
            completion: this.count(slot, 1),
            total: this.count(slot, 2)
        };
    }
    /** Drops the entries of slots `size` and after (a download that starts again). */
    truncate(size) {
        this.ids.truncate(size);
        for (const key of this.largeCounts.keys())
            if (key >= size * COUNT_FIELDS)
                this.largeCounts.delete(key);
    }
    /** Bytes of the typed arrays (for the README's figures). */
    get bytes() {
        const columns = [this.offsetsLow, this.offsetsHigh, this.lengths, this.bodyStarts];
        columns.push(this.bodyLengths, this.counts, this.sources, this.kinds, this.used);
        return this.ids.bytes + columns.reduce((sum, column) => sum + column.byteLength, 0);
    }
    setOffset(slot, offset) {
        if (!(offset >= 0 && offset <= MAX_OFFSET))
            throw new Error(`a result line at offset ${offset} is past what the index can hold (1 TiB)`);
        this.offsetsLow[slot] = offset >>> 0;
        this.offsetsHigh[slot] = Math.floor(offset / TWO_32);
    }
    setCount(slot, field, count) {
        const at = slot * COUNT_FIELDS + field;
        if (fitsCount(count)) {
            if (this.counts[at] === LARGE_COUNT)
                this.largeCounts.delete(at);
            this.counts[at] = count;
        }
        else {
            this.counts[at] = LARGE_COUNT;
            this.largeCounts.set(at, count);
        }
    }
    count(slot, field) {
        const at = slot * COUNT_FIELDS + field;
        const count = this.counts[at] ?? 0;
        return count === LARGE_COUNT ? (this.largeCounts.get(at) ?? 0) : count;
    }
    grow(needed) {
        const capacity = grownCapacity(this.capacity, needed);
        this.capacity = capacity;
        this.offsetsLow = grown(this.offsetsLow, capacity);
        this.offsetsHigh = grown(this.offsetsHigh, capacity);
        this.lengths = grown(this.lengths, capacity);
        this.bodyStarts = grown(this.bodyStarts, capacity);
        this.bodyLengths = grown(this.bodyLengths, capacity);
        this.counts = grown(this.counts, capacity * COUNT_FIELDS);
        this.sources = grown(this.sources, capacity);
        this.kinds = grown(this.kinds, capacity);
        this.used = grown(this.used, capacity);
    }
}


/***/ }),

/***/ 4477:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ replyText),
/* harmony export */   v: () => (/* binding */ FailureCounter)
/* harmony export */ });
/* harmony import */ var _lib_json_kind_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2104);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5187);
// What the summary shows of a successful response and of the failures: the reply text of the
// first few, and the failures counted by error code. Both stay small whatever the batch size.


function firstOf(value) {
    return Array.isArray(value) ? value[0] : undefined;
}
/** The text of a Responses API output: its output_text parts, joined. */
function responsesText(output) {
    if (!Array.isArray(output))
        return undefined;
    const parts = [];
    for (const item of output) {
        if (!(0,_lib_json_kind_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u)(item) || !Array.isArray(item['content']))
            continue;
        for (const part of item['content'])
            if ((0,_lib_json_kind_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u)(part) && typeof part['text'] === 'string')
                parts.push(part['text']);
    }
    return parts.length > 0 ? parts.join('\n') : undefined;
}
/** The reply of a response body as a person reads it: chat, completions, responses, embeddings. */
function replyText(body) {
    let text;
    if ((0,_lib_json_kind_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u)(body)) {
        const choice = firstOf(body['choices']);
        if ((0,_lib_json_kind_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u)(choice)) {
            const message = choice['message'];
            if ((0,_lib_json_kind_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u)(message) && typeof message['content'] === 'string')
                text = message['content'];
            else if (typeof choice['text'] === 'string')
                text = choice['text'];
        }
        if (text === undefined && typeof body['output_text'] === 'string')
            text = body['output_text'];
        text ??= responsesText(body['output']);
        const embedding = firstOf(body['data']);
        if (text === undefined && (0,_lib_json_kind_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u)(embedding) && Array.isArray(embedding['embedding'])) {
            const count = Array.isArray(body['data']) ? body['data'].length : 1;
            text = `${count === 1 ? 'an embedding' : `${count} embeddings`} of ${embedding['embedding'].length} dimensions`;
        }
    }
    if (text === undefined)
        text = JSON.stringify(body) ?? String(body);
    return text.length > _types_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_SAMPLE_CHARS */ .Yc ? `${text.slice(0, _types_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_SAMPLE_CHARS */ .Yc - 1)}…` : text;
}
/** Counts failures by error code with one example each; memory bounded by MAX_FAILURE_CODES. */
class FailureCounter {
    groups = new Map();
    add(failure) {
        let code = failure.code ?? '';
        if (!this.groups.has(code) && this.groups.size >= _types_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_FAILURE_CODES */ .vd - 1)
            code = _types_js__WEBPACK_IMPORTED_MODULE_1__/* .OTHER_CODES */ .uc;
        const group = this.groups.get(code);
        if (group)
            group.count++;
        else
            this.groups.set(code, { code, count: 1, example: failure });
    }
    /** The groups, most failures first (ties in the order first seen). */
    list() {
        return [...this.groups.values()].sort((a, b) => b.count - a.count);
    }
}


/***/ }),

/***/ 6678:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Xd: () => (/* binding */ ResultLineSchema),
/* harmony export */   i1: () => (/* binding */ ErrorBodySchema),
/* harmony export */   nz: () => (/* binding */ InputLine)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5491);
// The schemas of the JSONL lines the join reads: input lines (only their custom_id), and the
// lines of the output and error files.

const InputLine = zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({ custom_id: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP() });
const ResultLineSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({
    id: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullish(),
    custom_id: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    response: zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({
        status_code: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nullish(),
        request_id: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullish(),
        body: zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J()
    })
        .nullish(),
    error: zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({
        code: zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()]).nullish(),
        message: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullish()
    })
        .nullish()
});
const ErrorBodySchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({
    error: zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([
        zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
        zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({
            message: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullish(),
            code: zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()]).nullish(),
            type: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullish()
        })
    ])
});


/***/ }),

/***/ 5187:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Yc: () => (/* binding */ MAX_SAMPLE_CHARS),
/* harmony export */   lZ: () => (/* binding */ MAX_FAILURES_LISTED),
/* harmony export */   uc: () => (/* binding */ OTHER_CODES),
/* harmony export */   vd: () => (/* binding */ MAX_FAILURE_CODES),
/* harmony export */   xR: () => (/* binding */ emptyJoinResult),
/* harmony export */   xs: () => (/* binding */ MAX_SAMPLES)
/* harmony export */ });
// What the join takes and gives back.
/** Failed requests listed in JoinResult.failures (and so in the summary). */
const MAX_FAILURES_LISTED = 10;
/** Successful responses kept as samples, and how much of each. */
const MAX_SAMPLES = 3;
const MAX_SAMPLE_CHARS = 400;
/** Distinct error codes counted; further codes are counted under the last group, OTHER_CODES. */
const MAX_FAILURE_CODES = 20;
const OTHER_CODES = '(other codes)';
/** A JoinResult that has counted nothing yet: the start of every join. */
function emptyJoinResult(path) {
    return {
        path,
        total: 0,
        ok: 0,
        error: 0,
        missing: 0,
        usage: { prompt: 0, completion: 0, total: 0 },
        failures: [],
        failureCodes: [],
        samples: [],
        malformed: 0,
        warnings: []
    };
}


/***/ }),

/***/ 8233:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ usageOf),
/* harmony export */   v: () => (/* binding */ addUsage)
/* harmony export */ });
/* harmony import */ var _lib_json_kind_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2104);
// Token usage: read from a response body while indexing, summed over the joined results.

/** A token count as the usage schema of old read it: a finite number, anything else absent. */
function tokenCount(value) {
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
/**
 * The token usage of a response body (chat: prompt/completion, responses: input/output), with plain
 * checks: the line it comes from was validated with ResultLineSchema, and a body or usage of another
 * shape, or a count that is not a number, counts as no usage.
 */
function usageOf(body) {
    if (!(0,_lib_json_kind_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u)(body))
        return undefined;
    const usage = body['usage'];
    if (!(0,_lib_json_kind_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u)(usage))
        return undefined;
    const prompt = tokenCount(usage['prompt_tokens']) ?? tokenCount(usage['input_tokens']) ?? 0;
    const completion = tokenCount(usage['completion_tokens']) ?? tokenCount(usage['output_tokens']) ?? 0;
    return { prompt, completion, total: tokenCount(usage['total_tokens']) ?? prompt + completion };
}
/** Adds one result's usage to the sum. */
function addUsage(sum, usage) {
    sum.prompt += usage.prompt;
    sum.completion += usage.completion;
    sum.total += usage.total;
}


/***/ }),

/***/ 3845:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ describeError),
/* harmony export */   c: () => (/* binding */ MAX_LINE_WARNINGS)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(961);
// Warnings about lines the join skips: the first few in detail, the rest counted.

/** Skipped lines of one file that are named one by one in the warnings. */
const MAX_LINE_WARNINGS = 5;
/** Why a line could not be read, for a warning. */
function describeError(error) {
    if (error instanceof zod__WEBPACK_IMPORTED_MODULE_0__/* .ZodError */ .G) {
        return error.issues
            .map((issue) => `${issue.path.join('.') || '(line)'}: ${issue.message}`)
            .join('; ');
    }
    return error instanceof Error ? error.message : String(error);
}


/***/ })

};

//# sourceMappingURL=293.index.js.map