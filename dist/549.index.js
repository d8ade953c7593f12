export const id = 549;
export const ids = [549,45];
export const modules = {

/***/ 2549:
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
    return JSON.stringify(Object.entries(metadata).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
/** The host of base-url: the same step against two providers makes two batches. */
function apiHost(baseUrl) {
    try {
        return new URL(baseUrl).host.toLowerCase();
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
            ['local', (0,external_node_crypto_.randomUUID)()];
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
// EXTERNAL MODULE: ./src/commands/collect.ts + 19 modules
var collect = __webpack_require__(9460);
// EXTERNAL MODULE: ./src/commands/failure.ts
var failure = __webpack_require__(9776);
// EXTERNAL MODULE: ./src/commands/step.ts
var step = __webpack_require__(7134);
// EXTERNAL MODULE: ./src/commands/validate.ts + 8 modules
var validate = __webpack_require__(45);
;// CONCATENATED MODULE: ./src/commands/run.ts












/** When completion-window is not a duration the action can read, re-runs look back this far. */
const FALLBACK_WINDOW_MS = 24 * 60 * 60 * 1000;
/**
 * `run`: validate the file; look for this step's batch from an earlier run attempt (which is also
 * the check of the key, before anything is uploaded); then take that batch up, or upload and create
 * one (at most once), and wait and collect.
 */
async function runBatch(env, now = Date.now) {
    const { inputs, log, outputs, findings, state, signal } = env;
    const api = (0,step/* requireApi */.C)(env);
    await (0,collect/* checkResultsDir */.u9)(env);
    const file = await (0,validate/* validateFile */.n)(env);
    const key = idempotencyKey({
        context: env.context,
        fileSha256: file.sha256,
        endpoint: inputs.endpoint,
        completionWindow: inputs.completionWindow,
        metadata: inputs.metadata,
        baseUrl: inputs.baseUrl,
        reuse: inputs.reuse
    });
    let metadata;
    try {
        metadata = (0,batch_metadata/* buildBatchMetadata */.iK)(inputs.metadata, (0,batch_metadata/* traceabilityMetadata */.VQ)(env.context), {
            key,
            fileSha256: file.sha256
        });
    }
    catch (error) {
        throw new failure/* StepFailure */.p(`metadata: ${error.message}. Nothing was uploaded.`);
    }
    const mark = { key, fileSha256: file.sha256 };
    const quiet = {
        info: (text) => log.info(env.redact(text)),
        warning: (text) => log.warning(env.redact(text))
    };
    const earlier = await log.group("Look for this step's batch", () => findEarlier(env, mark, now, quiet));
    if (earlier.kind !== 'create') {
        const { batch } = earlier;
        state.saveCreateKey(key, file.sha256, batch.created_at ?? 0);
        state.saveBatch(batch.id);
        findings.track(batch);
        outputs.set(names/* Outputs */.tY.InputFileId, batch.input_file_id ?? '');
        log.info(`Batch ${batch.id} of an earlier attempt of this step (same file and inputs, idempotency key ${key}) is ${batch.status}: ` +
            `${earlier.kind === 'adopt' ? 'waiting on it' : 'collecting its results'}; nothing was uploaded or created (set reuse: never to create a new batch on every attempt)`);
        return (0,collect/* waitAndCollect */.zH)(env, batch, file.path);
    }
    if (earlier.ended) {
        log.info(`Batch ${earlier.ended.id} of an earlier attempt of this step ended ${earlier.ended.status}; creating a new one`);
    }
    const uploaded = await log.group('Upload', async () => {
        const result = await api.upload(file.path, signal, file);
        log.info(`Uploaded ${(0,format/* formatBytes */.z3)(result.bytes ?? 0)} as ${result.id}`);
        return result;
    });
    outputs.set(names/* Outputs */.tY.InputFileId, uploaded.id);
    if (signal.aborted)
        throw signal.reason;
    const created = await log.group('Create batch', () => create(env, { ...mark, inputFileId: uploaded.id }, uploaded.id, metadata, now, quiet));
    findings.creating = undefined;
    state.saveBatch(created.batch.id);
    findings.track(created.batch);
    log.info(`${created.adopted ? 'Adopted' : 'Created'} batch ${created.batch.id} (idempotency key ${key})`);
    const ending = await (0,collect/* waitAndCollect */.zH)(env, created.batch, file.path);
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
    const since = (0,reconcile/* rerunCutoff */.m2)(now(), windowMs(env.inputs.completionWindow));
    return (0,reconcile/* lookupEarlierAttempt */.AW)(api, mark, since, log, env.signal);
}
function windowMs(completionWindow) {
    try {
        return (0,parse_duration/* parseDuration */.E)(completionWindow);
    }
    catch {
        return FALLBACK_WINDOW_MS;
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

/***/ 45:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  n: () => (/* binding */ validateFile),
  validateOnly: () => (/* binding */ validateOnly)
});

// UNUSED EXPORTS: MAX_ANNOTATIONS

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/action/names.ts
var names = __webpack_require__(2814);
;// CONCATENATED MODULE: ./src/batch/providers.ts
// What the validator knows about the provider behind a base URL: its per-file
// limits and the batch endpoints it offers. Sources: ../shared/reference/batch-api-facts.md
// (OpenAI's Batch guide and API reference; Nebius AI Studio's batch-inference docs).
// Sizes are decimal (200 MB = 200,000,000 bytes), the safe reading of "200 MB".
// An unknown host gets no limits and any endpoint: the action then checks only
// the file's own consistency, and the provider has the last word.
const OPENAI = Object.freeze({
    name: 'OpenAI',
    maxRequests: 50_000,
    maxFileBytes: 200_000_000,
    endpoints: Object.freeze([
        '/v1/responses',
        '/v1/chat/completions',
        '/v1/embeddings',
        '/v1/completions',
        '/v1/moderations',
        '/v1/images/generations',
        '/v1/images/edits',
        '/v1/videos'
    ])
});
const NEBIUS = Object.freeze({
    name: 'Nebius AI Studio',
    maxRequests: 5_000_000,
    maxFileBytes: 10_000_000_000,
    endpoints: Object.freeze(['/v1/chat/completions', '/v1/embeddings'])
});
const BY_HOST = new Map([
    ['api.openai.com', OPENAI],
    ['api.studio.nebius.com', NEBIUS],
    ['api.tokenfactory.nebius.com', NEBIUS],
    // The host Nebius AI Studio's first docs used; kept for workflows that still name it.
    ['api.studio.nebius.ai', NEBIUS]
]);
function hostOf(baseUrl) {
    const text = baseUrl.trim();
    for (const candidate of [text, `https://${text}`]) {
        try {
            const host = new URL(candidate).hostname;
            if (host)
                return host.toLowerCase().replace(/\.$/, '');
        }
        catch {
            // try the next form
        }
    }
    return undefined;
}
/**
 * The provider behind a base URL, by its host name ('https://api.openai.com/v1' -> OpenAI).
 * Unknown or unparsable URLs give `{ name: 'unknown' }`: no limits, any endpoint.
 */
function providerFor(baseUrl) {
    const host = hostOf(baseUrl);
    return (host !== undefined && BY_HOST.get(host)) || { name: 'unknown' };
}

// EXTERNAL MODULE: ./src/lib/format.ts
var format = __webpack_require__(432);
// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/net/abort.ts
var abort = __webpack_require__(3961);
// EXTERNAL MODULE: ./src/jsonl/lines.ts
var lines = __webpack_require__(4277);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 13 modules
var schemas = __webpack_require__(5491);
;// CONCATENATED MODULE: ./src/validate/schemas.ts
// The request schemas. Every line is checked with one zod schema (envelope + endpoint body),
// built once per endpoint. zod runs on every line (about 0.5 us for a typical chat request);
// readable messages are only built from its issues when a line fails (see messages.ts).

const nonEmptyString = schemas/* string */.YjP().min(1);
const tokenArray = schemas/* array */.YOg(schemas/* int */.Whr()).min(1);
const embeddingsInput = schemas/* union */.KCZ([nonEmptyString, schemas/* array */.YOg(nonEmptyString).min(1), tokenArray, schemas/* array */.YOg(tokenArray).min(1)], {
    error: 'must be a non-empty string, or a non-empty array of non-empty strings, of integers (tokens) or of non-empty integer arrays'
});
const completionsPrompt = schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* array */.YOg(schemas/* string */.YjP()), tokenArray, schemas/* array */.YOg(tokenArray).min(1), schemas/* null */.chJ()], {
    error: 'must be a string, an array of strings, an array of integers (tokens) or an array of integer arrays'
});
/** Body fields each endpoint needs, beyond `model`. Other fields pass through unchecked. */
const BODY_SHAPES = {
    '/v1/chat/completions': {
        messages: schemas/* array */.YOg(schemas/* looseObject */._H3({ role: schemas/* string */.YjP() })).min(1)
    },
    '/v1/embeddings': { input: embeddingsInput },
    '/v1/completions': { prompt: completionsPrompt },
    // `input` may be left out when the request names a stored prompt (`prompt: {id}`),
    // which carries its own input; that case is handled by RESPONSES_WITH_PROMPT below.
    '/v1/responses': {
        input: schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* array */.YOg(schemas/* unknown */.L5J())], {
            error: 'must be a string or an array of input items'
        })
    }
};
const RESPONSES_WITH_PROMPT = schemas/* looseObject */._H3({
    model: nonEmptyString,
    prompt: schemas/* looseObject */._H3({ id: nonEmptyString }),
    input: schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* array */.YOg(schemas/* unknown */.L5J())], {
        error: 'must be a string or an array of input items'
    })
        .optional()
});
/**
 * A schema's check, through zod's Standard Schema interface (`~standard.validate`): its
 * result is a plain `{ value }` or `{ issues }` (zod's own finalized issues). `safeParse`
 * returns, on failure, a lazy result object with accessors that V8 handles badly: over a
 * file of bad lines it grew the young generation to 128 MB (peak RSS 223 MB on 200 MB)
 * and ran slower.
 */
function checker(schema) {
    const standard = schema['~standard'];
    return (value) => {
        const result = standard.validate(value);
        if (result instanceof Promise)
            throw new Error('internal error: a request schema is asynchronous');
        return result.issues;
    };
}
const schemaCache = new Map();
function schemasFor(endpoint) {
    let cached = schemaCache.get(endpoint);
    if (cached)
        return cached;
    const shape = BODY_SHAPES[endpoint];
    const envelope = (body) => schemas/* looseObject */._H3({
        custom_id: nonEmptyString,
        method: schemas/* literal */.euz('POST'),
        url: schemas/* literal */.euz(endpoint),
        body
    });
    cached = {
        line: checker(envelope(schemas/* looseObject */._H3({ model: nonEmptyString, ...shape }))),
        alternative: endpoint === '/v1/responses' ? checker(envelope(RESPONSES_WITH_PROMPT)) : undefined,
        bodyChecked: shape !== undefined
    };
    schemaCache.set(endpoint, cached);
    return cached;
}
/** Whether the line's body names a stored prompt (the responses endpoint's other shape). */
function hasStoredPrompt(parsed) {
    const body = parsed?.body;
    return body !== null && typeof body === 'object' && 'prompt' in body;
}

;// CONCATENATED MODULE: ./src/validate/types.ts
/** Longest line that is parsed; longer lines are reported and skipped. */
const MAX_LINE_BYTES = 64 * 1024 * 1024;
const DEFAULT_MAX_PROBLEMS = 50;

;// CONCATENATED MODULE: ./src/validate/id-table.ts
// The custom_ids seen, for the duplicate check: the one structure that grows with the file.
// A Map<string, number> costs about 70 bytes per id (string, entry, spare capacity): 50 MB
// for a 1 GB file, 350 MB for Nebius's 5,000,000 requests. This open-addressing table keeps
// a 96-bit hash of each id and its line in 16 bytes per slot. Two different ids would have
// to agree on all 96 bits to be taken for a duplicate: about 1 in 10^16 for a file of
// 5,000,000 ids, far below any other cause of failure.
function mix32(h) {
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
}
/** Shards grow one at a time, so a doubling never holds two copies of the whole table. */
const ID_SHARDS = 256;
class IdShard {
    /** Stride 4: hash a, hash b, hash c, line (0 = empty slot). */
    slots = new Uint32Array(64 * 4);
    mask = 63;
    size = 0;
}
class IdTable {
    shards = Array.from({ length: ID_SHARDS }, () => new IdShard());
    size = 0;
    /** Records `id` on `line` (>= 1); returns the line of an earlier equal id, or 0. */
    add(id, line) {
        let a = 0x811c9dc5 ^ id.length;
        let b = 0x9747b28c;
        let c = 0x2545f491 + id.length;
        for (let i = 0; i < id.length; i++) {
            const unit = id.charCodeAt(i);
            a = Math.imul(a ^ unit, 0x01000193);
            b = Math.imul(b ^ unit, 0x5bd1e995);
            b ^= b >>> 15;
            c = Math.imul((c << 5) | (c >>> 27), 0x9e3779b1) + unit;
        }
        a = mix32(a);
        b = mix32(b ^ a);
        c = mix32(c ^ Math.imul(b, 0x27d4eb2f));
        // The shard from the top bits of a, the slot from its low bits.
        const shard = this.shards[a >>> 24];
        const slots = shard.slots;
        let slot = a & shard.mask;
        for (;;) {
            const o = slot * 4;
            const seen = slots[o + 3];
            if (seen === 0) {
                slots[o] = a;
                slots[o + 1] = b;
                slots[o + 2] = c;
                slots[o + 3] = line;
                this.size++;
                if (++shard.size * 4 > (shard.mask + 1) * 3)
                    grow(shard);
                return 0;
            }
            if (slots[o] === a && slots[o + 1] === b && slots[o + 2] === c)
                return seen;
            slot = (slot + 1) & shard.mask;
        }
    }
}
function grow(shard) {
    const old = shard.slots;
    const capacity = (shard.mask + 1) * 2;
    const slots = new Uint32Array(capacity * 4);
    const mask = capacity - 1;
    for (let o = 0; o < old.length; o += 4) {
        if (old[o + 3] === 0)
            continue;
        let slot = old[o] & mask;
        while (slots[slot * 4 + 3] !== 0)
            slot = (slot + 1) & mask;
        slots.set(old.subarray(o, o + 4), slot * 4);
    }
    shard.slots = slots;
    shard.mask = mask;
}

;// CONCATENATED MODULE: ./src/validate/messages.ts


function pathText(path) {
    let out = '';
    for (const key of path) {
        if (typeof key === 'number')
            out += `[${key}]`;
        else
            out += out === '' ? String(key) : `.${String(key)}`;
    }
    return out;
}
function valueAt(root, path) {
    let value = root;
    for (const key of path) {
        if (value === null || typeof value !== 'object')
            return undefined;
        value = value[key];
    }
    return value;
}
function kindOf(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    switch (typeof value) {
        case 'object':
            return 'an object';
        case 'string':
            return 'a string';
        case 'number':
            return Number.isInteger(value) ? 'an integer' : 'a number';
        case 'boolean':
            return 'a boolean';
        default:
            return typeof value;
    }
}
const EXPECTED = {
    string: 'a string',
    object: 'an object',
    array: 'an array',
    int: 'an integer',
    number: 'a number',
    boolean: 'a boolean'
};
function preview(value, max = 60) {
    let text;
    try {
        text = JSON.stringify(value) ?? String(value);
    }
    catch {
        text = String(value);
    }
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
const URL_MISMATCH = ' differs from the endpoint ';
/** A line whose url is not the endpoint input. */
function urlMismatchMessage(url, endpoint) {
    return `url ${preview(url)}${URL_MISMATCH}${JSON.stringify(endpoint)}`;
}
/** The url (as previewed) named by a problem message of urlMismatchMessage, if it has one. */
function mismatchedUrl(message) {
    const match = /(?:^|, )url (.+?) differs from the endpoint "/.exec(message);
    return match?.[1];
}
function describeIssue(issue, root, endpoint) {
    const where = pathText(issue.path);
    const value = valueAt(root, issue.path);
    if (issue.path.length === 0 && issue.code === 'invalid_type') {
        return `each line must be a JSON object with custom_id, method, url and body; found ${kindOf(value)}`;
    }
    switch (issue.code) {
        case 'invalid_type':
            if (value === undefined)
                return `${where} is missing`;
            return `${where} must be ${EXPECTED[issue.expected] ?? issue.expected}, found ${kindOf(value)}`;
        case 'too_small':
            return `${where} must not be empty`;
        case 'invalid_value':
            if (where === 'url') {
                return value === undefined ? 'url is missing' : urlMismatchMessage(value, endpoint);
            }
            if (value === undefined)
                return `${where} is missing`;
            return `${where} must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, found ${preview(value)}`;
        case 'invalid_union':
            if (value === undefined)
                return `${where} is missing`;
            return `${where} ${issue.message}`;
        default:
            return `${where}: ${issue.message}`;
    }
}
function describeJsonError(error, text) {
    const message = error instanceof Error ? error.message : String(error);
    const trimmed = text.trim();
    let hint = '';
    if (trimmed === '[' || trimmed === ']') {
        hint =
            '; the file looks like a JSON array, but a batch file is JSONL: one request object per line, no brackets';
    }
    else if (trimmed.endsWith(','))
        hint = '; remove the comma at the end of the line (JSONL has no commas between lines)';
    return `not valid JSON (${message.length > 200 ? `${message.slice(0, 199)}…` : message})${hint}`;
}
/** Byte offset of the first invalid UTF-8 sequence in bytes (only called once decoding failed). */
function firstInvalidUtf8(bytes) {
    let i = 0;
    const n = bytes.length;
    while (i < n) {
        const b = bytes[i];
        if (b < 0x80) {
            i++;
            continue;
        }
        let need;
        let min;
        if (b >= 0xc2 && b <= 0xdf) {
            need = 1;
            min = 0x80;
        }
        else if (b >= 0xe0 && b <= 0xef) {
            need = 2;
            min = 0x800;
        }
        else if (b >= 0xf0 && b <= 0xf4) {
            need = 3;
            min = 0x10000;
        }
        else
            return i;
        if (i + need >= n)
            return i;
        let cp = b & (0x3f >> need);
        for (let k = 1; k <= need; k++) {
            const c = bytes[i + k];
            if (c === undefined || (c & 0xc0) !== 0x80)
                return i;
            cp = (cp << 6) | (c & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return i;
        i += need + 1;
    }
    return -1;
}
function plural(n, word) {
    return `${(0,format/* formatNumber */.ZV)(n)} ${word}${n === 1 ? '' : 's'}`;
}
const BLANK_LINE = 'blank line; remove it: providers reject empty lines (one newline at the end of the file is fine)';
const UTF16_FILE = 'the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8 without a byte order mark';
const NO_REQUESTS = 'the file has no requests; write one JSON request per line';
/** A byte order mark at the start of a line: on line 1 from a Windows tool, later from joined files. */
function byteOrderMarkMessage(lineNo) {
    return lineNo === 1
        ? 'the file starts with a UTF-8 byte order mark (BOM), which providers reject; remove the byte order mark (save as "UTF-8", not "UTF-8 with BOM")'
        : 'the line starts with a byte order mark (U+FEFF), probably from joining files that had one; remove it';
}
/** A line that failed strict UTF-8 decoding, naming its first bad byte. */
function invalidUtf8Message(bytes) {
    const at = firstInvalidUtf8(bytes);
    return `not valid UTF-8${at >= 0 ? ` (byte ${at + 1} of the line is 0x${bytes[at].toString(16).padStart(2, '0')})` : ''}; the file must be UTF-8`;
}
function tooLongMessage(length) {
    return `the line is longer than ${(0,format/* formatBytes */.z3)(MAX_LINE_BYTES)} (${(0,format/* formatBytes */.z3)(length)} at least); no provider takes a request this large, so it was not checked`;
}
function requestLimitMessage(requests, limitText) {
    return `the file has ${plural(requests, 'request')}, more than ${limitText}; this is the first line over the limit (split the file into several batches)`;
}
/** Appended to the problem on the first line of another model: how many later lines use it too. */
function otherModelCountText(model, count) {
    return ` (${plural(count, 'more line')} after this one use${count === 1 ? 's' : ''} ${preview(model)})`;
}
function duplicateIdMessage(id, firstLine) {
    return `custom_id ${preview(id)} repeats line ${firstLine}`;
}
function otherModelMessage(model, firstModel, firstLine) {
    return `model ${preview(model)} differs from ${preview(firstModel)} on line ${firstLine}; a batch takes one model`;
}

;// CONCATENATED MODULE: ./src/validate/validator.ts
// The validator of one line of a requests file, and of what lines share (unique custom_ids, one
// model, the request limit).
//
// Decisions on the edges of the format (aim: accept what providers accept, reject with a
// clear message what they would refuse, never crash):
// - UTF-8 byte order mark: REJECTED ("remove the byte order mark"). JSON texts must not
//   start with one (RFC 8259 section 8.1) and the batch validators behind these APIs parse
//   lines with strict JSON parsers (Python's json.loads raises "Unexpected UTF-8 BOM";
//   JSON.parse fails on it too), so a BOM turns line 1 into invalid JSON on the provider's
//   side. Windows tools (PowerShell `Out-File`, Notepad) add one silently, hence the
//   specific message. Line 1 is still checked past the BOM so its other problems show at
//   once. A BOM at the start of a later line (files joined with `cat`) is reported too;
//   a UTF-16 byte order mark stops the check ("save the file as UTF-8").
// - CRLF line endings: ACCEPTED. '\r' before '\n' is JSON whitespace for every JSON parser.
// - Blank lines (empty or only spaces, tabs, '\r'): REJECTED anywhere except the empty
//   text after the final '\n'. OpenAI's validator refuses empty lines, and one found in
//   the middle of a file is usually a mistake in the script that wrote it. So "...}\n"
//   and "...}" (no final newline) are fine, "...}\n\n" is an error on the blank line.
// - Sizes: decimal units, as providers state them (200 MB = 200,000,000 bytes; see sizes.ts).
// - Invalid UTF-8: reported per line, with the byte offset in the line.
// - A line longer than MAX_LINE_BYTES (64 MiB) is reported and skipped, not parsed: no
//   provider takes a single request that large, and holding it would break flat memory.
// - An empty file, or one with no request lines, is an error.
// - Body shapes follow OpenAI's API reference: /v1/responses may leave `input` out when it
//   names a stored prompt (`prompt: {id}`); /v1/completions takes `prompt: null`.
// - One problem per line, its messages joined with ', '. A model other than the first
//   line's is reported on the first line of each other model (later lines are counted in
//   that message), not on every line. The request-limit problem names the first line over
//   the limit, and like file-level problems is always kept in detail.
// Line numbers are physical 1-based lines (blank lines count), as an editor shows them;
// line 0 marks file-level problems (size, endpoint, no requests).





function isRecord(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}
function isBlankText(text) {
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c !== 0x20 && c !== 0x09 && c !== 0x0d)
            return false;
    }
    return true;
}
function isUtf16ByteOrderMark(bytes) {
    const b0 = bytes[0];
    const b1 = bytes[1];
    return bytes.length >= 2 && ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff));
}
class Validator {
    options;
    schemas;
    maxProblems;
    maxRequests;
    requestLimitText;
    ids = new IdTable();
    otherModels = new Map();
    decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    overLimit;
    /** Line problems kept in detail, in line order. */
    lineProblems = [];
    /** Problems that are always kept (file-level, request limit). */
    pinned = [];
    problemCount = 0;
    requests = 0;
    model;
    modelLine = 0;
    /** The file cannot be checked further (UTF-16): the caller stops reading. */
    stopped = false;
    constructor(options) {
        this.options = options;
        this.schemas = schemasFor(options.endpoint);
        this.maxProblems = Math.max(0, options.maxProblems ?? DEFAULT_MAX_PROBLEMS);
        this.maxRequests = options.maxRequests ?? options.provider.maxRequests;
        this.requestLimitText =
            options.maxRequests !== undefined
                ? `max-requests (${(0,format/* formatNumber */.ZV)(options.maxRequests)})`
                : `the ${plural(options.provider.maxRequests ?? 0, 'request')} ${options.provider.name} accepts in one batch`;
    }
    get wantDetail() {
        return this.lineProblems.length < this.maxProblems;
    }
    addLineProblem(line, message) {
        this.problemCount++;
        if (this.wantDetail)
            this.lineProblems.push({ line, message });
    }
    addPinned(line, message) {
        this.problemCount++;
        const problem = { line, message };
        this.pinned.push(problem);
        return problem;
    }
    /** A line as bytes (without its '\n'): the first line, lines spanning reads, or near invalid UTF-8. */
    lineBytes(bytes, lineNo) {
        if (lineNo === 1 && isUtf16ByteOrderMark(bytes)) {
            this.addPinned(1, UTF16_FILE);
            this.stopped = true;
            return;
        }
        let text;
        try {
            text = this.decoder.decode(bytes);
        }
        catch {
            this.countRequest(lineNo);
            this.addLineProblem(lineNo, invalidUtf8Message(bytes));
            return;
        }
        this.line(text, lineNo);
    }
    blank(lineNo) {
        this.addLineProblem(lineNo, BLANK_LINE);
    }
    /** Counts a request line; pins the request-limit problem on the first line over the limit. */
    countRequest(lineNo) {
        this.requests++;
        if (this.maxRequests !== undefined && this.requests === this.maxRequests + 1) {
            this.overLimit = this.addPinned(lineNo, '');
        }
    }
    /** A decoded line, without its '\n'. */
    line(text, lineNo) {
        if (text.length === 0 || (text.charCodeAt(0) <= 0x20 && isBlankText(text)))
            return this.blank(lineNo);
        this.countRequest(lineNo);
        // Messages for this line; only built while problems are still kept in detail.
        let messages;
        let json = text;
        if (text.charCodeAt(0) === 0xfeff) {
            messages = [byteOrderMarkMessage(lineNo)];
            json = text.slice(1);
        }
        let parsed;
        try {
            parsed = JSON.parse(json);
        }
        catch (error) {
            ;
            (messages ??= []).push(describeJsonError(error, json));
            this.finishLine(lineNo, messages);
            return;
        }
        const issues = this.schemaIssues(parsed);
        if (issues && this.wantDetail) {
            messages ??= [];
            for (const issue of issues)
                messages.push(describeIssue(issue, parsed, this.options.endpoint));
        }
        let failed = issues !== undefined || messages !== undefined; // (a byte order mark)
        // Duplicates and the one-model rule, on whatever parts of the line are valid.
        let newModel;
        if (isRecord(parsed)) {
            const duplicate = this.checkCustomId(parsed['custom_id'], lineNo);
            if (duplicate !== undefined) {
                failed = true;
                (messages ??= []).push(duplicate);
            }
            newModel = this.checkModel(parsed['body'], lineNo);
            if (newModel) {
                failed = true;
                (messages ??= []).push(newModel.message);
            }
        }
        if (failed) {
            const problem = this.finishLine(lineNo, messages ?? ['invalid request']);
            if (newModel)
                newModel.seen.problem = problem;
        }
    }
    /** The schema's issues with the line, undefined when it has none. */
    schemaIssues(parsed) {
        const issues = this.schemas.line(parsed);
        if (issues && this.schemas.alternative && hasStoredPrompt(parsed))
            return this.schemas.alternative(parsed);
        return issues;
    }
    /** Records a custom_id; the message when an earlier line has the same one. */
    checkCustomId(id, lineNo) {
        if (typeof id !== 'string' || id.length === 0)
            return undefined;
        const first = this.ids.add(id, lineNo);
        return first === 0 ? undefined : duplicateIdMessage(id, first);
    }
    /**
     * Records body.model. A model other than the first line's is reported on the first line of each
     * other model (returned here, with the message); its later lines are only counted.
     */
    checkModel(body, lineNo) {
        if (!isRecord(body))
            return undefined;
        const model = body['model'];
        if (typeof model !== 'string' || model.length === 0)
            return undefined;
        if (this.model === undefined) {
            this.model = model;
            this.modelLine = lineNo;
            return undefined;
        }
        if (model === this.model)
            return undefined;
        const seen = this.otherModels.get(model);
        if (seen) {
            seen.count++;
            return undefined;
        }
        const first = { line: lineNo, count: 0 };
        this.otherModels.set(model, first);
        return { seen: first, message: otherModelMessage(model, this.model, this.modelLine) };
    }
    /** Records one problem for the line, its messages joined; returns it when kept in detail. */
    finishLine(lineNo, messages) {
        this.problemCount++;
        if (!this.wantDetail)
            return undefined;
        const problem = { line: lineNo, message: messages.join(', ') };
        this.lineProblems.push(problem);
        return problem;
    }
    tooLongLine(lineNo, length) {
        this.countRequest(lineNo);
        this.addLineProblem(lineNo, tooLongMessage(length));
    }
    /** Completes the messages that depend on the whole file. */
    finish() {
        if (this.overLimit) {
            this.overLimit.message = requestLimitMessage(this.requests, this.requestLimitText);
        }
        for (const [model, seen] of this.otherModels) {
            if (seen.problem && seen.count > 0)
                seen.problem.message += otherModelCountText(model, seen.count);
        }
        if (this.requests === 0 && !this.stopped)
            this.addPinned(0, NO_REQUESTS);
    }
}

;// CONCATENATED MODULE: ./src/validate/file.ts
// Pre-flight validation of a batch requests file (JSONL), before anything is uploaded.
//
// One pass over the file with the shared line reader (../jsonl/lines.ts): each chunk's complete
// lines decoded as strict UTF-8 at once when they are valid UTF-8, else line by line with a fatal
// TextDecoder to name the bad line; lines spanning chunks, and line 1 (byte order marks), go
// through the byte path. Each line is parsed and checked with one zod schema (envelope and
// endpoint body). The SHA-256 and the byte count are computed on the way. Memory stays flat
// whatever the file size: the custom_ids seen (16 bytes each, see IdTable) are the only thing
// that grows. Measured on Node 24 with typical chat requests (bench/validate.mjs): about
// 200 MB/s; peak RSS about 100 MB for 200 MB and 120 MB for 1 GB, of which 65 MB is Node with
// zod loaded. The rules for each line are in validator.ts.









// 64 KiB: the text decoded from one read then stays a young-generation string, freed by
// the next scavenge. Reads of 256 KiB or more make large-object strings that wait for a
// full GC (measured on 200 MB: peak RSS 97 MB at 64 KiB, 117-141 MB at 256 KiB, same speed).
const DEFAULT_CHUNK_BYTES = 64 * 1024;
function fileLevelChecks(size, options) {
    const problems = [];
    const { provider, endpoint } = options;
    if (provider.endpoints && !provider.endpoints.includes(endpoint)) {
        problems.push(`${provider.name} does not offer the endpoint ${JSON.stringify(endpoint)} for batches; it offers ${provider.endpoints.join(', ')}`);
    }
    const limit = options.maxFileBytes ?? provider.maxFileBytes;
    if (limit !== undefined && size > limit)
        problems.push(sizeMessage(size, limit, options));
    return problems;
}
function sizeMessage(size, limit, options) {
    const bytes = (n) => `${(0,format/* formatBytes */.z3)(n)} (${(0,format/* formatNumber */.ZV)(n)} bytes)`;
    const what = options.maxFileBytes !== undefined
        ? `max-file-size, ${bytes(limit)}`
        : `the ${bytes(limit)} ${options.provider.name} accepts for a batch input file`;
    return `the file is ${bytes(size)}, more than ${what}; split it into several batches`;
}
/** Notes for the log: the checks that cannot be made for this endpoint or provider. */
function checksNotMade(options) {
    const notes = [];
    if (!schemasFor(options.endpoint).bodyChecked) {
        notes.push(`no body checks for the endpoint ${options.endpoint}: only custom_id, method, url and body.model are checked`);
    }
    if (options.provider.name === 'unknown') {
        if (options.maxRequests === undefined)
            notes.push('no request limit known for this provider; set max-requests to check one');
        if (options.maxFileBytes === undefined)
            notes.push('no file size limit known for this provider; set max-file-size to check one');
    }
    return notes;
}
/** The report: file-level and request-limit problems always kept, line problems fill the rest. */
function report(counts, pinned, lineProblems, problemCount, options, notes) {
    const maxProblems = Math.max(0, options.maxProblems ?? DEFAULT_MAX_PROBLEMS);
    const kept = [
        ...pinned.slice(0, maxProblems),
        ...lineProblems.slice(0, Math.max(0, maxProblems - pinned.length))
    ];
    kept.sort((a, b) => a.line - b.line); // stable: file-level problems keep their order
    const result = { ...counts, problems: kept, problemCount, notes };
    if (result.model === undefined)
        delete result.model;
    return result;
}
/** The size of the file, or the problem that stops the check before reading it. */
async function sizeOrProblem(path) {
    try {
        const info = await (0,promises_.stat)(path);
        return info.isFile() ? info.size : `${path} is not a file`;
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return `${path} does not exist`;
        throw error;
    }
}
/**
 * The complete lines of one chunk, from line `lineNo` on; returns the next line's number. Decoded
 * at once when they are valid UTF-8 (the usual case), else line by line to locate the bad one.
 */
function checkLines(v, bytes, lineNo) {
    let region = bytes;
    if (lineNo === 1) {
        // Line 1 goes through the byte path (UTF-16 detection).
        const newline = region.indexOf(10);
        v.lineBytes(newline === -1 ? region : region.subarray(0, newline), lineNo++);
        if (newline === -1 || v.stopped)
            return lineNo;
        region = region.subarray(newline + 1);
    }
    if ((0,external_node_buffer_.isUtf8)(region)) {
        const text = region.toString('utf8');
        let from = 0;
        for (;;) {
            const to = text.indexOf('\n', from);
            v.line(to === -1 ? text.slice(from) : text.slice(from, to), lineNo++);
            if (to === -1)
                break;
            from = to + 1;
        }
    }
    else {
        let from = 0;
        for (;;) {
            const to = region.indexOf(10, from);
            v.lineBytes(region.subarray(from, to === -1 ? region.length : to), lineNo++);
            if (to === -1)
                break;
            from = to + 1;
        }
    }
    return lineNo;
}
/** Reads the file through `v`, hashing and counting its bytes; stops early when `v` stops. */
async function checkAllLines(path, v, readChunkBytes, signal) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    let bytes = 0;
    let lineNo = 1;
    const pieces = (0,lines/* readLinePieces */.Ql)(path, {
        chunkBytes: readChunkBytes,
        maxLineBytes: MAX_LINE_BYTES,
        onChunk: (chunk) => {
            hash.update(chunk);
            bytes += chunk.length;
        }
    });
    for await (const piece of pieces) {
        if (piece.kind === 'lines')
            lineNo = checkLines(v, piece.bytes, lineNo);
        else if (piece.kind === 'line')
            v.lineBytes(piece.bytes, lineNo++);
        else
            v.tooLongLine(lineNo++, piece.length);
        if (v.stopped)
            break;
        // A chunk takes well under a millisecond: SIGINT stops a large file at once.
        if (signal?.aborted)
            throw (0,abort/* abortReason */.Js)(signal);
    }
    return { bytes, sha256: v.stopped ? '' : hash.digest('hex') };
}
/**
 * Checks a batch requests file without uploading it: every line is one request for
 * `options.endpoint`, custom_ids are unique, one model throughout, within the provider's
 * limits. Never throws for bad content; throws only when the file cannot be read
 * (other than a missing file or a directory, which are reported as problems).
 */
async function validateRequestsFile(path, options) {
    const notes = [];
    const size = await sizeOrProblem(path);
    if (typeof size === 'string') {
        const problem = { line: 0, message: size };
        return report({ requests: 0, bytes: 0, sha256: '' }, [problem], [], 1, options, notes);
    }
    const fileProblems = fileLevelChecks(size, options).map((message) => ({ line: 0, message }));
    if (fileProblems.length > 0) {
        const counts = { requests: 0, bytes: size, sha256: '' };
        return report(counts, fileProblems, [], fileProblems.length, options, notes);
    }
    notes.push(...checksNotMade(options));
    const v = new Validator(options);
    const readChunkBytes = Math.max(1, options.readChunkBytes ?? DEFAULT_CHUNK_BYTES);
    const { bytes, sha256 } = await checkAllLines(path, v, readChunkBytes, options.signal);
    v.finish();
    let problemCount = v.problemCount;
    const grown = [];
    const limit = options.maxFileBytes ?? options.provider.maxFileBytes;
    if (!v.stopped && limit !== undefined && bytes > limit) {
        // The file grew after stat.
        grown.push({ line: 0, message: sizeMessage(bytes, limit, options) });
        problemCount++;
    }
    const counts = { requests: v.requests, bytes, sha256, model: v.model };
    return report(counts, [...grown, ...v.pinned], v.lineProblems, problemCount, options, notes);
}

;// CONCATENATED MODULE: ./src/validate/summary.ts
// The account of a validation report for logs and errors: one line, and the one sentence for a
// mistake that shows on every line.


/**
 * One line for logs and errors: "3 problems in requests.jsonl: line 2: ...; line 5: ...;
 * line 9: ...", the first few in detail, then "and N more".
 */
function summarizeProblems(report, displayName, shown = 5) {
    const total = Math.max(report.problemCount, report.problems.length);
    if (total === 0)
        return `no problems in ${displayName}`;
    const head = report.problems
        .slice(0, shown)
        .map((p) => (p.line > 0 ? `line ${p.line}: ${p.message}` : p.message));
    const more = total - head.length;
    return `${plural(total, 'problem')} in ${displayName}: ${head.join('; ')}${more > 0 ? `; and ${(0,format/* formatNumber */.ZV)(more)} more` : ''}`;
}
/**
 * When every line checked names the same url other than the endpoint, the endpoint input is the
 * likelier mistake: one sentence that says so, instead of only a problem on each line. Undefined
 * otherwise. Only problems kept in detail are seen: for a long file, "every line" means every one
 * of those, and no fewer problems than requests.
 */
function endpointHint(report, endpoint) {
    const lineProblems = report.problems.filter((problem) => problem.line > 0 && problem.message !== BLANK_LINE);
    // On a file of one line, that line's own message says it all.
    if (lineProblems.length < 2 || report.problemCount < report.requests)
        return undefined;
    const urls = new Set(lineProblems.map((problem) => mismatchedUrl(problem.message)));
    const [url] = urls;
    if (urls.size !== 1 || url === undefined)
        return undefined;
    const lines = lineProblems.length === report.requests ? 'Every line' : 'Every line checked';
    return `${lines} has url ${url} but the endpoint input is ${JSON.stringify(endpoint)}; the endpoint input may be what is wrong: if the file is right, set endpoint: ${url.replace(/^"|"$/g, '')}`;
}

// EXTERNAL MODULE: ./src/commands/collect.ts + 19 modules
var collect = __webpack_require__(9460);
// EXTERNAL MODULE: ./src/commands/failure.ts
var failure = __webpack_require__(9776);
;// CONCATENATED MODULE: ./src/commands/validate.ts










/** GitHub shows at most 10 error annotations per step; the rest go to the log and the summary. */
const MAX_ANNOTATIONS = 10;
/** Pre-flight: every problem in the file, annotated on its line, before anything is sent. */
async function validateFile(env) {
    const { inputs, log, outputs } = env;
    const filePath = await (0,collect/* insideWorkspace */.CT)(env, inputs.file, 'file');
    try {
        await (0,promises_.access)(filePath, promises_.constants.R_OK);
    }
    catch {
        throw new failure/* StepFailure */.p(`file: ${inputs.file} was not found or is not readable (looked at ${filePath}); check the path, relative to the workspace`);
    }
    const display = external_node_path_default().relative(env.context.workspace, filePath) || inputs.file;
    const provider = providerFor(inputs.baseUrl);
    const report = await log.group(`Validate ${display}`, () => (0,abort/* untilAborted */.Eu)(validateRequestsFile(filePath, {
        endpoint: inputs.endpoint,
        provider,
        maxRequests: inputs.maxRequests,
        maxFileBytes: inputs.maxFileBytes,
        signal: env.signal
    }), env.signal));
    for (const note of report.notes)
        log.debug(note);
    outputs.set(names/* Outputs */.tY.Total, report.requests);
    outputs.set(names/* Outputs */.tY.Model, report.model);
    env.findings.model = report.model;
    const hint = report.problemCount > 0 ? endpointHint(report, inputs.endpoint) : undefined;
    // The step's failure message is an error annotation too, and so is the hint: they take their
    // places among the ten, so that GitHub drops none of them.
    const annotated = Math.min(report.problems.length, MAX_ANNOTATIONS - 1 - (hint ? 1 : 0));
    env.findings.validation = {
        file: display,
        endpoint: inputs.endpoint,
        report,
        ...(hint ? { hint } : {}),
        validateOnly: inputs.validateOnly,
        annotated
    };
    if (report.problemCount > 0) {
        if (hint)
            log.error(hint, { file: display });
        const total = Math.max(report.problemCount, report.problems.length);
        reportProblems(env, display, report.problems, total, annotated);
        const summary = summarizeProblems(report, display);
        throw new failure/* StepFailure */.p(`${summary}.${hint ? ` ${hint}.` : ''} Nothing was uploaded.`);
    }
    log.info(`${display}: ${report.requests} requests, ${(0,format/* formatBytes */.z3)(report.bytes)}, model ${report.model}, endpoint ${inputs.endpoint}` +
        (provider.name !== 'unknown' ? ` (${provider.name})` : ''));
    return { path: filePath, sha256: report.sha256, bytes: report.bytes };
}
/**
 * The first `annotated` problems as annotations on their lines; the rest, counted, in the log
 * (GitHub would drop further annotations of the step without a word).
 */
function reportProblems(env, display, problems, total, annotated) {
    for (const problem of problems.slice(0, annotated)) {
        env.log.error(problem.message, problem.line > 0 ? { file: display, startLine: problem.line } : { file: display });
    }
    if (total <= annotated)
        return;
    env.log.info(`${(0,format/* formatNumber */.ZV)(total - annotated)} more problems in ${display}, not annotated (GitHub shows ${MAX_ANNOTATIONS} annotations per step; the job summary lists them too):`);
    for (const problem of problems.slice(annotated))
        env.log.info(`  ${display}${problem.line > 0 ? `:${problem.line}` : ''}: ${problem.message}`);
    const unlisted = total - problems.length;
    if (unlisted > 0)
        env.log.info(`  and ${(0,format/* formatNumber */.ZV)(unlisted)} more, not kept in detail`);
}
/** validate-only: checks the file and stops; nothing is uploaded. */
async function validateOnly(env) {
    await validateFile(env);
    env.log.info('validate-only: the file is valid; nothing was uploaded');
    return { kind: 'done' };
}


/***/ })

};

//# sourceMappingURL=549.index.js.map