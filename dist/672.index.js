export const id = 672;
export const ids = [672];
export const modules = {

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


/**
 * Read size of each file. A job reads one file per round at a time, and each part's two read
 * buffers are left to the garbage collector when the next part starts: with the reader's default
 * (1 MiB) ten parts of a 440 MB job were measured to peak 18 MB above one file of their size, with
 * 64 KiB about 1 MB, at the same speed (a line longer than a read is put together across reads).
 */
const CHUNK_BYTES = 64 << 10;
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
                this.lines = (0,lines/* readLines */.Se)(this.paths[this.part], CHUNK_BYTES)[Symbol.asyncIterator]();
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
    // Every batch was billed, a retried request in each round it ran in: usage sums them all.
    const result = (0,types/* emptyJoinResult */.xR)(dest);
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
/* harmony import */ var _lib_json_kind_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2104);

const HEAD = Buffer.from('{"custom_id":"');
const STATUS_KEY = Buffer.from(',"status":"');
const STATUSES = ['ok', 'error', 'missing'].map((status) => ({ word: Buffer.from(`${status}"`), status }));
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/** Whether `prefix` is at `at` in `bytes` (a loop: Buffer#compare with offsets costs more for a few bytes). */
function startsWithAt(bytes, prefix, at) {
    if (at + prefix.length > bytes.length)
        return false;
    for (let i = 0; i < prefix.length; i++)
        if (bytes[at + i] !== prefix[i])
            return false;
    return true;
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
    if (!(0,_lib_json_kind_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u)(line) || typeof line['custom_id'] !== 'string' || !isStatus(line['status']))
        throw new Error('not a line of results.jsonl (it needs a custom_id and a status)');
    const error = line['error'];
    if (line['status'] === 'error' && (!(0,_lib_json_kind_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u)(error) || typeof error['message'] !== 'string'))
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

//# sourceMappingURL=672.index.js.map