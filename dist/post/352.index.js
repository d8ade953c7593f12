export const id = 352;
export const ids = [352];
export const modules = {

/***/ 352:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  BatchApi: () => (/* binding */ BatchApi),
  createBatchApi: () => (/* binding */ createBatchApi)
});

// EXTERNAL MODULE: ./node_modules/openai/index.mjs + 230 modules
var openai = __webpack_require__(626);
// EXTERNAL MODULE: ./src/lib/redact.ts
var redact = __webpack_require__(310);
// EXTERNAL MODULE: ./src/net/http-fetch.ts + 4 modules
var http_fetch = __webpack_require__(347);
// EXTERNAL MODULE: ./src/net/retry.ts + 1 modules
var retry = __webpack_require__(992);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/net/upload.ts




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
    const handle = await (0,promises_.open)(file, 'r');
    const hash = (0,external_node_crypto_.createHash)('sha256');
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
    return (0,openai/* toStreamingFile */.u3)(fileChunks(file, CHUNK_BYTES, onEnd), external_node_path_default().basename(file), {
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
    return (`${external_node_path_default().basename(file)} changed while it was uploaded: ${what}, but ${validated.bytes} bytes ` +
        `with SHA-256 ${short(validated.sha256)}… ${words.expected}`);
}
/** The file changed between the hash-only pass and the upload: the upload stopped before its end. */
class FileChangedError extends Error {
    constructor(message) {
        super(message);
        this.name = 'FileChangedError';
    }
}

// EXTERNAL MODULE: ./src/batch/document.ts + 1 modules
var batch_document = __webpack_require__(67);
;// CONCATENATED MODULE: ./src/batch/client.ts






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
        this.client = new openai/* default */.Ay({
            apiKey: options.apiKey,
            baseURL: options.baseUrl,
            maxRetries: 0,
            timeout: options.requestTimeoutMs,
            fetch: (0,http_fetch/* createNodeFetch */.l)({ idleTimeoutMs: options.requestTimeoutMs }),
            logLevel: options.verbose ? 'debug' : 'warn',
            logger: {
                debug: (message, ...rest) => log.debug(format(`openai: ${message}`, rest)),
                info: (message, ...rest) => log.debug(format(`openai: ${message}`, rest)),
                warn: (message, ...rest) => log.debug(format(`openai: ${message}`, rest)),
                error: (message, ...rest) => log.debug(format(`openai: ${message}`, rest))
            }
        });
        this.policy = { ...retry/* DefaultRetry */.ak, attempts: options.maxAttempts };
    }
    /** Runs `call` under the one retry policy, logging each retry with `label`. */
    retry(label, call, signal) {
        return (0,retry/* withRetry */.bD)(call, {
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
            return this.client.files.create({ file: streamingUpload(path, (bytes) => (sent = bytes)), purpose: 'batch' }, { signal, timeout: TRANSFER_TIMEOUT_MS });
        }, signal);
        const mismatch = validated && sentBytesMismatch(path, sent, validated);
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
        return (0,batch_document/* parseBatch */.Gc)(raw);
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
        return (0,batch_document/* parseBatch */.Gc)(await this.client.batches.retrieve(batchId, { signal }));
    }
    async retrieve(batchId, signal) {
        return this.retry('Retrieve batch', () => this.retrieveOnce(batchId, signal), signal);
    }
    async cancel(batchId, signal, timeoutMs) {
        return this.retry('Cancel batch', async () => (0,batch_document/* parseBatch */.Gc)(await this.client.batches.cancel(batchId, requestOptions(signal, timeoutMs))), signal);
    }
    /** The newest batches, one page, no retry: the wait of a job reads its batches from it. */
    async listNewestOnce(signal) {
        const page = await this.client.batches.list({ limit: LIST_PAGE_SIZE }, { signal });
        return page.data.flatMap((raw) => tryParseBatch(raw) ?? []);
    }
    async list(limit, signal) {
        return this.retry('List batches', async () => {
            const page = await this.client.batches.list({ limit }, { signal });
            return page.data.slice(0, limit).map(batch_document/* parseBatch */.Gc);
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
        return (0,batch_document/* parseBatch */.Gc)(raw);
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
        redact: (text) => (0,redact/* redact */.E)(text, [settings.apiKey]),
        log
    });
}


/***/ })

};

//# sourceMappingURL=352.index.js.map