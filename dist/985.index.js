export const id = 985;
export const ids = [985];
export const modules = {

/***/ 6373:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createBatchApi: () => (/* binding */ createBatchApi)
/* harmony export */ });
/* unused harmony export BatchApi */
/* harmony import */ var openai__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5626);
/* harmony import */ var _lib_redact_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(310);
/* harmony import */ var _net_http_fetch_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5488);
/* harmony import */ var _net_retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7893);
/* harmony import */ var _net_upload_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6282);
/* harmony import */ var _document_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2543);






/** Uploads and downloads may run for long; silence, not length, is what ends them (see http-fetch). */
const TRANSFER_TIMEOUT_MS = 6 * 60 * 60 * 1000;
/** The most `list` gives in one answer. */
const LIST_PAGE_SIZE = 100;
/** A bound on paging, should a provider's `has_more` never turn false: 20,000 batches. */
const MAX_LIST_PAGES = 200;
/**
 * Every call the action makes, through the official SDK, with one retry policy. The SDK's own
 * retries are off: a create it retried could bill twice, and it never retries a streamed upload.
 */
class BatchApi {
    options;
    client;
    policy;
    constructor(options) {
        this.options = options;
        const { redact, log } = options;
        const format = (message, rest) => redact([message, ...rest.map((item) => (typeof item === 'string' ? item : safeJson(item)))].join(' '));
        this.client = new openai__WEBPACK_IMPORTED_MODULE_0__/* ["default"] */ .Ay({
            apiKey: options.apiKey,
            baseURL: options.baseUrl,
            maxRetries: 0,
            timeout: options.requestTimeoutMs,
            fetch: (0,_net_http_fetch_js__WEBPACK_IMPORTED_MODULE_1__/* .createNodeFetch */ .l)({ idleTimeoutMs: options.requestTimeoutMs }),
            logLevel: options.verbose ? 'debug' : 'warn',
            logger: {
                debug: (message, ...rest) => log.debug(format(`openai: ${message}`, rest)),
                info: (message, ...rest) => log.debug(format(`openai: ${message}`, rest)),
                warn: (message, ...rest) => log.debug(format(`openai: ${message}`, rest)),
                error: (message, ...rest) => log.debug(format(`openai: ${message}`, rest))
            }
        });
        this.policy = { ..._net_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .DefaultRetry */ .ak, attempts: options.maxAttempts };
    }
    /** Runs `call` under the one retry policy, logging each retry with `label`. */
    retry(label, call, signal) {
        return (0,_net_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .withRetry */ .bD)(call, {
            policy: this.policy,
            signal,
            sleep: this.options.sleep,
            onRetry: (attempt, error, delay) => this.options.log.info(`${label} failed (attempt ${attempt} of ${this.policy.attempts}: ${this.options.redact(error.message)}); retrying in ${(delay / 1000).toFixed(1)}s`)
        });
    }
    /**
     * Uploads the file with purpose `batch`, from a fresh stream on every attempt. With `validated`,
     * the bytes sent are hashed on the way and must be the ones validated: when the file changed in
     * between, the uploaded file is deleted and the upload fails, so no batch is made of unchecked bytes.
     */
    async upload(path, signal, validated) {
        let sent;
        const uploaded = await this.retry('Upload', () => {
            sent = undefined;
            return this.client.files.create({ file: (0,_net_upload_js__WEBPACK_IMPORTED_MODULE_3__/* .streamingUpload */ .QO)(path, (bytes) => (sent = bytes)), purpose: 'batch' }, { signal, timeout: TRANSFER_TIMEOUT_MS });
        }, signal);
        const mismatch = validated && (0,_net_upload_js__WEBPACK_IMPORTED_MODULE_3__/* .sentBytesMismatch */ .aZ)(path, sent, validated);
        if (!mismatch)
            return uploaded;
        const removed = await this.deleteFile(uploaded.id, signal).then(() => `the uploaded file ${uploaded.id} was deleted`, (error) => `deleting the uploaded file ${uploaded.id} failed (${this.options.redact(error.message)}); delete it by hand`);
        throw new Error(`${mismatch}; nothing was created, and ${removed}. Run again once nothing writes to the file`);
    }
    /**
     * Uploads a body that checks itself as it is sent (checkedUpload), opened afresh for every
     * attempt, so a retry validates again; the error that stopped the body ends it, never retried.
     */
    async uploadChecked(open, signal) {
        return this.retry('Upload', async () => {
            const body = open();
            const options = { signal, timeout: TRANSFER_TIMEOUT_MS };
            return this.client.files
                .create({ file: body.file, purpose: 'batch' }, options)
                .catch((error) => Promise.reject(body.stopped() ?? error));
        }, signal);
    }
    /** Deletes an uploaded file, with the usual retries. */
    async deleteFile(fileId, signal) {
        await this.retry('Delete file', () => this.client.files.delete(fileId, { signal }), signal);
    }
    /**
     * One create, never retried here: a create that failed ambiguously may have succeeded on the
     * server, so only the caller (see reconcile.ts) knows whether sending it again is safe.
     */
    async createOnce(params, signal) {
        const raw = await this.client.batches.create({
            input_file_id: params.inputFileId,
            endpoint: params.endpoint,
            completion_window: params.completionWindow,
            metadata: params.metadata
        }, { signal });
        return (0,_document_js__WEBPACK_IMPORTED_MODULE_4__/* .parseBatch */ .Gc)(raw);
    }
    /**
     * Every batch created at or after `since` (Unix seconds), newest first, paging through `list`
     * 100 at a time until the batches are older than that: on a busy account the one a step looks
     * for may be pages deep. One pass, no retry: the caller decides what a failure means. A batch
     * whose answer cannot be read is someone else's concern and is skipped.
     */
    async listSince(since, signal, timeoutMs) {
        const found = [];
        let after;
        for (let page = 0; page < MAX_LIST_PAGES; page++) {
            const answer = await this.client.batches.list({ limit: LIST_PAGE_SIZE, ...(after ? { after } : {}) }, requestOptions(signal, timeoutMs));
            let older = false;
            for (const raw of answer.data) {
                const batch = tryParseBatch(raw);
                if (!batch)
                    continue;
                if (typeof batch.created_at === 'number' && batch.created_at < since)
                    older = true;
                else
                    found.push(batch);
            }
            const last = answer.data.at(-1)?.id;
            if (older || !answer.hasNextPage() || !last || last === after)
                break;
            after = last;
        }
        return found;
    }
    /** The cheapest authenticated call: one batch of the list, to check the key before uploading. */
    async checkAccess(signal) {
        await this.retry('Checking the API key', () => this.client.batches.list({ limit: 1 }, { signal }), signal);
    }
    /** One retrieve, no retry: the poll loop decides what a failure means. */
    async retrieveOnce(batchId, signal) {
        return (0,_document_js__WEBPACK_IMPORTED_MODULE_4__/* .parseBatch */ .Gc)(await this.client.batches.retrieve(batchId, { signal }));
    }
    async retrieve(batchId, signal) {
        return this.retry('Retrieve batch', () => this.retrieveOnce(batchId, signal), signal);
    }
    async cancel(batchId, signal, timeoutMs) {
        return this.retry('Cancel batch', async () => (0,_document_js__WEBPACK_IMPORTED_MODULE_4__/* .parseBatch */ .Gc)(await this.client.batches.cancel(batchId, requestOptions(signal, timeoutMs))), signal);
    }
    /** The newest batches, one page, no retry: the wait of a job reads its batches from it. */
    async listNewestOnce(signal) {
        const page = await this.client.batches.list({ limit: LIST_PAGE_SIZE }, { signal });
        return page.data.flatMap((raw) => tryParseBatch(raw) ?? []);
    }
    async list(limit, signal) {
        return this.retry('List batches', async () => {
            const page = await this.client.batches.list({ limit }, { signal });
            return page.data.slice(0, limit).map(_document_js__WEBPACK_IMPORTED_MODULE_4__/* .parseBatch */ .Gc);
        }, signal);
    }
    /** Opens a file's content as a streamed response; the caller retries cut-off bodies. */
    openContent(fileId, signal) {
        return () => this.client.files.content(fileId, { signal, timeout: TRANSFER_TIMEOUT_MS });
    }
}
/** The SDK rejects an explicit `timeout: undefined`; leave it out to keep the client's default. */
function requestOptions(signal, timeoutMs) {
    return timeoutMs === undefined ? { signal } : { signal, timeout: timeoutMs };
}
function tryParseBatch(raw) {
    try {
        return (0,_document_js__WEBPACK_IMPORTED_MODULE_4__/* .parseBatch */ .Gc)(raw);
    }
    catch {
        return undefined;
    }
}
function safeJson(value) {
    try {
        return JSON.stringify(value);
    }
    catch {
        return String(value);
    }
}
/** The one way the main and post steps build their client: the key is redacted from all it logs. */
function createBatchApi(settings, log, extra = {}) {
    return new BatchApi({
        baseUrl: settings.baseUrl,
        apiKey: settings.apiKey,
        maxAttempts: settings.maxAttempts,
        requestTimeoutMs: settings.requestTimeoutMs,
        verbose: extra.verbose,
        sleep: extra.sleep,
        redact: (text) => (0,_lib_redact_js__WEBPACK_IMPORTED_MODULE_5__/* .redact */ .E)(text, [settings.apiKey]),
        log
    });
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

/***/ 6282:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FR: () => (/* binding */ checkedUpload),
/* harmony export */   QO: () => (/* binding */ streamingUpload),
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
/* harmony import */ var _validate_file_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2609);





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
        const mismatch = sentBytesMismatch(file, read, hashed, ONE_PASS);
        if (mismatch)
            throw new FileChangedError(mismatch);
    };
    async function* recorded() {
        try {
            yield* (0,_validate_file_js__WEBPACK_IMPORTED_MODULE_4__/* .validatingChunks */ .Wl)(file, options, check);
        }
        catch (error) {
            // The SDK wraps what the body threw in a connection error: this keeps it as it was.
            stopped = error;
            throw error;
        }
    }
    return {
        file: (0,openai__WEBPACK_IMPORTED_MODULE_2__/* .toStreamingFile */ .u3)(recorded(), node_path__WEBPACK_IMPORTED_MODULE_3___default().basename(file), { type: 'application/jsonl' }),
        stopped: () => stopped
    };
}


/***/ })

};

//# sourceMappingURL=985.index.js.map