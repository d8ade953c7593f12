export const id = 603;
export const ids = [603];
export const modules = {

/***/ 6906:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ providerFor)
/* harmony export */ });
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


/***/ }),

/***/ 3603:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  LO: () => (/* binding */ acceptReport),
  xm: () => (/* binding */ inputFile),
  nJ: () => (/* binding */ validateFile),
  validateOnly: () => (/* binding */ validateOnly),
  uu: () => (/* binding */ validationOptions)
});

// UNUSED EXPORTS: MAX_ANNOTATIONS

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/action/names.ts
var names = __webpack_require__(2814);
// EXTERNAL MODULE: ./src/batch/providers.ts
var providers = __webpack_require__(6906);
// EXTERNAL MODULE: ./src/lib/format.ts
var format = __webpack_require__(432);
// EXTERNAL MODULE: ./src/validate/file.ts + 5 modules
var file = __webpack_require__(2609);
// EXTERNAL MODULE: ./src/validate/messages.ts
var messages = __webpack_require__(2688);
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
    return `${(0,messages/* plural */.LS)(total, 'problem')} in ${displayName}: ${head.join('; ')}${more > 0 ? `; and ${(0,format/* formatNumber */.ZV)(more)} more` : ''}`;
}
/**
 * When every line checked names the same url other than the endpoint, the endpoint input is the
 * likelier mistake: one sentence that says so, instead of only a problem on each line. Undefined
 * otherwise. Only problems kept in detail are seen: for a long file, "every line" means every one
 * of those, and no fewer problems than requests.
 */
function endpointHint(report, endpoint) {
    const lineProblems = report.problems.filter((problem) => problem.line > 0 && problem.message !== messages/* BLANK_LINE */.Ib);
    // On a file of one line, that line's own message says it all.
    if (lineProblems.length < 2 || report.problemCount < report.requests)
        return undefined;
    const urls = new Set(lineProblems.map((problem) => (0,messages/* mismatchedUrl */.pQ)(problem.message)));
    const [url] = urls;
    if (urls.size !== 1 || url === undefined)
        return undefined;
    const lines = lineProblems.length === report.requests ? 'Every line' : 'Every line checked';
    return `${lines} has url ${url} but the endpoint input is ${JSON.stringify(endpoint)}; the endpoint input may be what is wrong: if the file is right, set endpoint: ${url.replace(/^"|"$/g, '')}`;
}

// EXTERNAL MODULE: ./src/net/abort.ts
var abort = __webpack_require__(3961);
// EXTERNAL MODULE: ./src/commands/collect.ts + 5 modules
var collect = __webpack_require__(8293);
// EXTERNAL MODULE: ./src/commands/failure.ts
var failure = __webpack_require__(9776);
;// CONCATENATED MODULE: ./src/commands/validate.ts










/** GitHub shows at most 10 error annotations per step; the rest go to the log and the summary. */
const MAX_ANNOTATIONS = 10;
/** The file input, inside the workspace and readable, or a StepFailure that says why not. */
async function inputFile(env) {
    const { inputs } = env;
    const filePath = await (0,collect/* insideWorkspace */.CT)(env, inputs.file, 'file');
    try {
        await (0,promises_.access)(filePath, promises_.constants.R_OK);
    }
    catch {
        throw new failure/* StepFailure */.p(`file: ${inputs.file} was not found or is not readable (looked at ${filePath}); check the path, relative to the workspace`);
    }
    return { path: filePath, display: external_node_path_default().relative(env.context.workspace, filePath) || inputs.file };
}
/** What validation takes, from the inputs. */
function validationOptions(env) {
    const { inputs } = env;
    return {
        endpoint: inputs.endpoint,
        provider: (0,providers/* providerFor */.z)(inputs.baseUrl),
        maxRequests: inputs.maxRequests,
        maxFileBytes: inputs.maxFileBytes,
        signal: env.signal
    };
}
/** Pre-flight: every problem in the file, annotated on its line, before anything is sent. */
async function validateFile(env, given) {
    const input = given ?? (await inputFile(env));
    const report = await env.log.group(`Validate ${input.display}`, () => (0,abort/* untilAborted */.Eu)((0,file/* validateRequestsFile */.PW)(input.path, validationOptions(env)), env.signal));
    return acceptReport(env, input, report);
}
/**
 * The one way a validation report is told, whichever pass made it (validate first, or validate
 * while uploading): outputs, the summary's findings, and with problems the annotations and the
 * StepFailure that fails the step; else the file as validated.
 */
function acceptReport(env, input, report) {
    const { inputs, log, outputs } = env;
    const { display } = input;
    const provider = (0,providers/* providerFor */.z)(inputs.baseUrl);
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
    return { path: input.path, sha256: report.sha256, bytes: report.bytes, requests: report.requests };
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


/***/ }),

/***/ 2609:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  vw: () => (/* binding */ ValidationFailedError),
  KK: () => (/* binding */ checkBeforeReading),
  PW: () => (/* binding */ validateRequestsFile),
  Wl: () => (/* binding */ validatingChunks)
});

// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/action/names.ts
var names = __webpack_require__(2814);
// EXTERNAL MODULE: ./src/lib/format.ts
var format = __webpack_require__(432);
// EXTERNAL MODULE: ./src/net/abort.ts
var abort = __webpack_require__(3961);
;// CONCATENATED MODULE: ./src/jsonl/gather.ts
/**
 * Copies of the chunks a reader hands out (it reuses its buffers), gathered into buffers of `size`
 * bytes for an upload: the validation reads 64 KiB at a time, and a write of each through the
 * SDK's body stream and the socket costs more than the write of a few larger ones.
 */
class ChunkGatherer {
    size;
    /** The filled buffers, oldest first, for the caller to take. */
    full = [];
    current;
    filled = 0;
    constructor(size) {
        this.size = size;
    }
    add(chunk) {
        for (let from = 0; from < chunk.length;) {
            const current = (this.current ??= Buffer.allocUnsafe(this.size));
            const take = Math.min(this.size - this.filled, chunk.length - from);
            current.set(chunk.subarray(from, from + take), this.filled);
            this.filled += take;
            from += take;
            if (this.filled === this.size) {
                this.full.push(current);
                this.current = undefined;
                this.filled = 0;
            }
        }
    }
    /** Takes every buffer left, the one being filled included (cut to its bytes). */
    flush() {
        if (this.current && this.filled > 0)
            this.full.push(this.current.subarray(0, this.filled));
        this.current = undefined;
        this.filled = 0;
        return this.full.splice(0);
    }
}

// EXTERNAL MODULE: ./src/jsonl/lines.ts
var lines = __webpack_require__(4277);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 13 modules
var schemas = __webpack_require__(5491);
;// CONCATENATED MODULE: ./src/validate/schemas.ts
// The request schemas. A line is checked with one zod schema (envelope + endpoint body), built
// once per endpoint, when the fast path (fast-shape.ts, the same rules by hand) does not vouch
// for it: zod's issues are what the messages are built from (see messages.ts).

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
/** The endpoints whose body shape is checked. */
const CHECKED_ENDPOINTS = Object.keys(BODY_SHAPES);
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

// EXTERNAL MODULE: ./src/validate/types.ts
var types = __webpack_require__(8255);
;// CONCATENATED MODULE: ./src/validate/fast-shape.ts
// The structural fast path of each line: a hand-written check that answers "certainly valid" for
// the lines zod would accept, without zod's parse and issue list (a third of the validation's CPU
// on a valid file). zod then runs only on the lines this refuses, to produce the messages, so the
// messages and line numbers are zod's. The one rule: never accept what the schemas of schemas.ts
// refuse. Refusing a line zod accepts would only cost a zod run; the checks below are the schemas'
// rules exactly, so none is refused. __tests__/validate/fast-shape.test.ts holds both, field by
// field and on generated lines.

function isRecord(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}
function isNonEmptyString(value) {
    return typeof value === 'string' && value.length > 0;
}
/** zod's `z.int()`: a number that is a safe integer (1e400 parses to Infinity, 2**53 is unsafe). */
function isTokenArray(value) {
    if (!Array.isArray(value) || value.length === 0)
        return false;
    for (const token of value)
        if (!Number.isSafeInteger(token))
            return false;
    return true;
}
function every(value, test) {
    for (const item of value)
        if (!test(item))
            return false;
    return true;
}
function isMessages(value) {
    if (!Array.isArray(value) || value.length === 0)
        return false;
    return every(value, (m) => isRecord(m) && typeof m['role'] === 'string');
}
function isEmbeddingsInput(value) {
    if (isNonEmptyString(value))
        return true;
    if (!Array.isArray(value) || value.length === 0)
        return false;
    return every(value, isNonEmptyString) || isTokenArray(value) || every(value, isTokenArray);
}
function isCompletionsPrompt(value) {
    if (value === null || typeof value === 'string')
        return true;
    if (!Array.isArray(value))
        return false;
    // An empty array is an array of strings (no minimum on that member of the union).
    return (every(value, (p) => typeof p === 'string') || isTokenArray(value) || every(value, isTokenArray));
}
function isResponsesInput(value) {
    return typeof value === 'string' || Array.isArray(value);
}
/** The body fields each endpoint needs beyond `model`: BODY_SHAPES of schemas.ts, by hand. */
const BODY_CHECKS = {
    '/v1/chat/completions': (body) => isMessages(body['messages']),
    '/v1/embeddings': (body) => isEmbeddingsInput(body['input']),
    '/v1/completions': (body) => isCompletionsPrompt(body['prompt']),
    '/v1/responses': (body) => isResponsesInput(body['input']) ||
        // The stored-prompt alternative: `prompt: {id}`, with `input` left out.
        (body['input'] === undefined &&
            isRecord(body['prompt']) &&
            isNonEmptyString(body['prompt']['id']))
};
const anyBody = () => true;
const askZod = () => false;
/**
 * The fast check for one endpoint: true only when the parsed line certainly passes the schemas
 * (the envelope, a non-empty `body.model`, the endpoint's body shape); false means "ask zod".
 * An endpoint whose body zod checks and this file does not know always asks zod.
 */
function fastShapeFor(endpoint) {
    let bodyCheck = anyBody;
    if (Object.hasOwn(BODY_CHECKS, endpoint))
        bodyCheck = BODY_CHECKS[endpoint];
    else if (schemasFor(endpoint).bodyChecked)
        return askZod;
    return (parsed) => {
        if (!isRecord(parsed))
            return false;
        if (!isNonEmptyString(parsed['custom_id']))
            return false;
        if (parsed['method'] !== 'POST' || parsed['url'] !== endpoint)
            return false;
        const body = parsed['body'];
        return isRecord(body) && isNonEmptyString(body['model']) && bodyCheck(body);
    };
}

;// CONCATENATED MODULE: ./src/validate/id-table.ts
// The custom_ids seen, for the duplicate check: the one structure that grows with the file.
// A Map<string, number> costs about 70 bytes per id (string, entry, spare capacity): 50 MB
// for a 1 GB file, 350 MB for Nebius's 5,000,000 requests. This open-addressing table keeps
// a 96-bit hash of each id and its line in 16 bytes per slot. Two different ids would have
// to agree on all 96 bits to be taken for a duplicate: about 1 in 10^16 for a file of
// 5,000,000 ids, far below any other cause of failure.
// Math.imul held in a module constant, as in results/id-arena.ts: in jest's VM context, where the
// tests run, a global looked up in this hot loop made each id cost ten times as much.
const imul = Math.imul;
function mix32(h) {
    h ^= h >>> 16;
    h = imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = imul(h, 0xc2b2ae35);
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
        // Stryker disable next-line ArithmeticOperator: another seed, another hash of the id (equivalent).
        let c = 0x2545f491 + id.length;
        // Stryker disable next-line EqualityOperator: charCodeAt past the end is NaN, which ^ reads as 0 (equivalent).
        for (let i = 0; i < id.length; i++) {
            const unit = id.charCodeAt(i);
            a = imul(a ^ unit, 0x01000193);
            b = imul(b ^ unit, 0x5bd1e995);
            b ^= b >>> 15;
            // Stryker disable next-line ArithmeticOperator: - unit is as much a hash of the id (equivalent).
            c = imul((c << 5) | (c >>> 27), 0x9e3779b1) + unit;
        }
        a = mix32(a);
        b = mix32(b ^ a);
        c = mix32(c ^ imul(b, 0x27d4eb2f));
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
                // Stryker disable next-line EqualityOperator,ArithmeticOperator: when a shard grows, never what it finds (equivalent).
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

// EXTERNAL MODULE: ./src/validate/messages.ts
var validate_messages = __webpack_require__(2688);
;// CONCATENATED MODULE: ./src/validate/validator.ts
// The validator of one line of a requests file, and of what lines share (unique custom_ids, one
// model, the max-requests limit).
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







function validator_isRecord(value) {
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
    certainlyValid;
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
        this.certainlyValid = fastShapeFor(options.endpoint);
        this.maxProblems = Math.max(0, options.maxProblems ?? types/* DEFAULT_MAX_PROBLEMS */.k);
        // The user's limit on the whole input; the provider's per-batch limit splits it instead.
        this.maxRequests = options.maxRequests;
        this.requestLimitText = `${names/* Inputs */.G0.MaxRequests} (${(0,format/* formatNumber */.ZV)(options.maxRequests ?? 0)})`;
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
            this.addPinned(1, validate_messages/* UTF16_FILE */.eO);
            this.stopped = true;
            return;
        }
        let text;
        try {
            text = this.decoder.decode(bytes);
        }
        catch {
            this.countRequest(lineNo);
            this.addLineProblem(lineNo, (0,validate_messages/* invalidUtf8Message */.kC)(bytes));
            return;
        }
        this.line(text, lineNo);
    }
    blank(lineNo) {
        this.addLineProblem(lineNo, validate_messages/* BLANK_LINE */.Ib);
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
            messages = [(0,validate_messages/* byteOrderMarkMessage */.Vx)(lineNo)];
            json = text.slice(1);
        }
        let parsed;
        try {
            parsed = JSON.parse(json);
        }
        catch (error) {
            ;
            (messages ??= []).push((0,validate_messages/* describeJsonError */.M1)(error, json));
            this.finishLine(lineNo, messages);
            return;
        }
        const issues = this.schemaIssues(parsed);
        if (issues && this.wantDetail) {
            messages ??= [];
            for (const issue of issues)
                messages.push((0,validate_messages/* describeIssue */.n6)(issue, parsed, this.options.endpoint));
        }
        let failed = issues !== undefined || messages !== undefined; // (a byte order mark)
        // Duplicates and the one-model rule, on whatever parts of the line are valid.
        let newModel;
        if (validator_isRecord(parsed)) {
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
    /**
     * The schema's issues with the line, undefined when it has none. The fast path answers for the
     * lines it knows to be valid; zod runs on the others, and its issues make the messages.
     */
    schemaIssues(parsed) {
        if (this.certainlyValid(parsed))
            return undefined;
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
        return first === 0 ? undefined : (0,validate_messages/* duplicateIdMessage */.et)(id, first);
    }
    /**
     * Records body.model. A model other than the first line's is reported on the first line of each
     * other model (returned here, with the message); its later lines are only counted.
     */
    checkModel(body, lineNo) {
        if (!validator_isRecord(body))
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
        return { seen: first, message: (0,validate_messages/* otherModelMessage */.B0)(model, this.model, this.modelLine) };
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
        this.addLineProblem(lineNo, (0,validate_messages/* tooLongMessage */.WN)(length));
    }
    /** Completes the messages that depend on the whole file. */
    finish() {
        if (this.overLimit) {
            this.overLimit.message = (0,validate_messages/* requestLimitMessage */.iG)(this.requests, this.requestLimitText);
        }
        for (const [model, seen] of this.otherModels) {
            if (seen.problem && seen.count > 0)
                seen.problem.message += (0,validate_messages/* otherModelCountText */.As)(model, seen.count);
        }
        if (this.requests === 0 && !this.stopped)
            this.addPinned(0, validate_messages/* NO_REQUESTS */.ho);
    }
}

;// CONCATENATED MODULE: ./src/validate/file.ts
// Validation of a batch requests file (JSONL): before anything is uploaded (validateRequestsFile),
// or on the chunks an upload sends (validatingChunks, whose last chunk waits for the verdict).
//
// One pass over the file with the shared line reader (../jsonl/lines.ts): each chunk's complete
// lines decoded as strict UTF-8 at once when they are valid UTF-8, else line by line with a fatal
// TextDecoder to name the bad line; lines spanning chunks, and line 1 (byte order marks), go
// through the byte path. Each line is parsed and checked by the hand-written fast path
// (fast-shape.ts); zod's schema (envelope and endpoint body) runs only on a line the fast path
// does not vouch for, to give the messages. The SHA-256 and the byte count are computed on the
// way. Memory stays flat whatever the file size: the custom_ids seen (16 bytes each, see IdTable)
// are the only thing that grows. Measured on Node 24 with typical chat requests
// (bench/validate.mjs): about 200 MB/s before the fast path, which took a third off the CPU time;
// peak RSS about 100 MB for 200 MB and 120 MB for 1 GB, of which 65 MB is Node with zod loaded.
// The rules for each line are in validator.ts.











// 64 KiB: the text decoded from one read then stays a young-generation string, freed by
// the next scavenge. Reads of 256 KiB or more make large-object strings that wait for a
// full GC (measured on 200 MB: peak RSS 97 MB at 64 KiB, 117-141 MB at 256 KiB, same speed).
const DEFAULT_CHUNK_BYTES = 64 * 1024;
// What the one pass sends at a time: fewer writes than one per 64 KiB read (200 MB: 4.2-5.3 s
// at 64 KiB, 2.8-4.4 s at 128 KiB), in buffers small enough to be reused once freed (at 512 KiB
// peak RSS was 158 MB).
const SEND_CHUNK_BYTES = 128 * 1024;
function fileLevelChecks(size, options) {
    const problems = [];
    const { provider, endpoint } = options;
    if (provider.endpoints && !provider.endpoints.includes(endpoint)) {
        problems.push(`${provider.name} does not offer the endpoint ${JSON.stringify(endpoint)} for batches; it offers ${provider.endpoints.join(', ')}`);
    }
    const limit = options.maxFileBytes;
    if (limit !== undefined && size > limit)
        problems.push(sizeMessage(size, limit));
    return problems;
}
/** Over max-file-size, the user's limit on the whole input (the provider's limit splits it instead). */
function sizeMessage(size, limit) {
    const bytes = (n) => `${(0,format/* formatBytes */.z3)(n)} (${(0,format/* formatNumber */.ZV)(n)} bytes)`;
    return `the file is ${bytes(size)}, more than ${names/* Inputs */.G0.MaxFileSize}, ${bytes(limit)}; raise ${names/* Inputs */.G0.MaxFileSize} or make the file smaller`;
}
/** Notes for the log: the checks that cannot be made for this endpoint or provider. */
function checksNotMade(options) {
    const notes = [];
    if (!schemasFor(options.endpoint).bodyChecked) {
        notes.push(`no body checks for the endpoint ${options.endpoint}: only custom_id, method, url and body.model are checked`);
    }
    return notes;
}
/** The report: file-level and request-limit problems always kept, line problems fill the rest. */
function report(counts, pinned, lineProblems, problemCount, options, notes) {
    const maxProblems = Math.max(0, options.maxProblems ?? types/* DEFAULT_MAX_PROBLEMS */.k);
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
/**
 * Reads the file through `v`, hashing and counting its bytes; stops early when `v` stops. With
 * `chunks`, yields a copy of every chunk read once its lines were checked (see validatingChunks).
 */
async function* checkAllLines(path, v, readChunkBytes, signal, chunks) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    let bytes = 0;
    let lineNo = 1;
    const read = new ChunkGatherer(SEND_CHUNK_BYTES);
    const pieces = (0,lines/* readLinePieces */.Ql)(path, {
        chunkBytes: readChunkBytes,
        maxLineBytes: types/* MAX_LINE_BYTES */.O,
        onChunk: (chunk) => {
            hash.update(chunk);
            bytes += chunk.length;
            if (chunks)
                read.add(chunk);
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
        // Every chunk but the last read: its lines are checked (a line that spans it, with the next).
        while (read.full.length > 1)
            yield read.full.shift();
    }
    yield* read.flush();
    return { bytes, sha256: v.stopped ? '' : hash.digest('hex') };
}
/**
 * The checks made before reading a line (the file is there, the provider offers the endpoint, the
 * size is within max-file-size): the report when one fails, else the file's size.
 */
async function checkBeforeReading(path, options) {
    const size = await sizeOrProblem(path);
    if (typeof size === 'string') {
        const problem = { line: 0, message: size };
        return report({ requests: 0, bytes: 0, sha256: '' }, [problem], [], 1, options, []);
    }
    const fileProblems = fileLevelChecks(size, options).map((message) => ({ line: 0, message }));
    if (fileProblems.length === 0)
        return size;
    const counts = { requests: 0, bytes: size, sha256: '' };
    return report(counts, fileProblems, [], fileProblems.length, options, []);
}
/**
 * The checks of validateRequestsFile; with `chunks`, the file's chunks yielded along the way, all
 * but the last, which comes back with the report for the caller to send or not.
 */
async function* checkFile(path, options, chunks) {
    const before = await checkBeforeReading(path, options);
    if (typeof before !== 'number')
        return { report: before };
    const notes = checksNotMade(options);
    const v = new Validator(options);
    const readChunkBytes = Math.max(1, options.readChunkBytes ?? DEFAULT_CHUNK_BYTES);
    const lines = checkAllLines(path, v, readChunkBytes, options.signal, chunks);
    let last;
    let next = await lines.next();
    for (; !next.done; next = await lines.next()) {
        // One chunk is held back: the last one goes out only once the whole file checked out.
        if (last)
            yield last;
        last = next.value;
    }
    const { bytes, sha256 } = next.value;
    v.finish();
    let problemCount = v.problemCount;
    const grown = [];
    const limit = options.maxFileBytes;
    if (!v.stopped && limit !== undefined && bytes > limit) {
        // The file grew after stat.
        grown.push({ line: 0, message: sizeMessage(bytes, limit) });
        problemCount++;
    }
    const counts = { requests: v.requests, bytes, sha256, model: v.model };
    const result = report(counts, [...grown, ...v.pinned], v.lineProblems, problemCount, options, notes);
    return last ? { report: result, last } : { report: result };
}
/**
 * Checks a batch requests file without uploading it: every line is one request for
 * `options.endpoint`, custom_ids are unique, one model throughout, an endpoint the provider
 * offers, within max-requests and max-file-size when they are set. The provider's per-file
 * limits refuse nothing: they decide how the job is split (../job/limits.ts). Never throws for bad content; throws only when the file cannot be read
 * (other than a missing file or a directory, which are reported as problems).
 */
async function validateRequestsFile(path, options) {
    const check = checkFile(path, options, false);
    let next = await check.next();
    while (!next.done)
        next = await check.next();
    return next.value.report;
}
/**
 * One pass over the input for an upload: the file's bytes, checked as validateRequestsFile checks
 * them, for the upload to send as they come. Every chunk goes out once its lines are checked, but
 * the last one only after the whole file checked out: with a problem anywhere (the last line
 * included) the generator throws a ValidationFailedError before it, so the upload never
 * completes and nothing becomes a file on the provider. What is sent is what was checked, byte
 * for byte. `onReport` hears the report (the same as validateRequestsFile's) once the file was
 * read, before the last chunk goes out: an error it throws stops the upload there too.
 */
async function* validatingChunks(path, options, onReport) {
    const check = checkFile(path, options, true);
    let next = await check.next();
    for (; !next.done; next = await check.next()) {
        if (next.value.length > 0)
            yield next.value;
    }
    const { report, last } = next.value;
    onReport(report);
    if (report.problemCount > 0)
        throw new ValidationFailedError(report);
    if (last && last.length > 0)
        yield last;
}
/** The upload stopped: the file did not check out (the report says why). */
class ValidationFailedError extends Error {
    report;
    constructor(report) {
        super(`the file did not pass validation: ${report.problemCount} problems`);
        this.name = 'ValidationFailedError';
        this.report = report;
    }
}


/***/ }),

/***/ 2688:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   As: () => (/* binding */ otherModelCountText),
/* harmony export */   B0: () => (/* binding */ otherModelMessage),
/* harmony export */   Ib: () => (/* binding */ BLANK_LINE),
/* harmony export */   LS: () => (/* binding */ plural),
/* harmony export */   M1: () => (/* binding */ describeJsonError),
/* harmony export */   Vx: () => (/* binding */ byteOrderMarkMessage),
/* harmony export */   WN: () => (/* binding */ tooLongMessage),
/* harmony export */   eO: () => (/* binding */ UTF16_FILE),
/* harmony export */   et: () => (/* binding */ duplicateIdMessage),
/* harmony export */   ho: () => (/* binding */ NO_REQUESTS),
/* harmony export */   iG: () => (/* binding */ requestLimitMessage),
/* harmony export */   kC: () => (/* binding */ invalidUtf8Message),
/* harmony export */   n6: () => (/* binding */ describeIssue),
/* harmony export */   pQ: () => (/* binding */ mismatchedUrl)
/* harmony export */ });
/* unused harmony exports preview, urlMismatchMessage */
/* harmony import */ var _lib_format_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(432);
/* harmony import */ var _lib_json_kind_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2104);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8255);



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
        return `each line must be a JSON object with custom_id, method, url and body; found ${(0,_lib_json_kind_js__WEBPACK_IMPORTED_MODULE_0__/* .kindOf */ .I)(value)}`;
    }
    switch (issue.code) {
        case 'invalid_type':
            if (value === undefined)
                return `${where} is missing`;
            return `${where} must be ${EXPECTED[issue.expected] ?? issue.expected}, found ${(0,_lib_json_kind_js__WEBPACK_IMPORTED_MODULE_0__/* .kindOf */ .I)(value)}`;
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
    return `${(0,_lib_format_js__WEBPACK_IMPORTED_MODULE_1__/* .formatNumber */ .ZV)(n)} ${word}${n === 1 ? '' : 's'}`;
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
    return `the line is longer than ${(0,_lib_format_js__WEBPACK_IMPORTED_MODULE_1__/* .formatBytes */ .z3)(_types_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_LINE_BYTES */ .O)} (${(0,_lib_format_js__WEBPACK_IMPORTED_MODULE_1__/* .formatBytes */ .z3)(length)} at least); no provider takes a request this large, so it was not checked`;
}
function requestLimitMessage(requests, limitText) {
    return `the file has ${plural(requests, 'request')}, more than ${limitText}; this is the first line over the limit (raise max-requests or remove requests)`;
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


/***/ }),

/***/ 8255:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ MAX_LINE_BYTES),
/* harmony export */   k: () => (/* binding */ DEFAULT_MAX_PROBLEMS)
/* harmony export */ });
/** Longest line that is parsed; longer lines are reported and skipped. */
const MAX_LINE_BYTES = 64 * 1024 * 1024;
const DEFAULT_MAX_PROBLEMS = 50;


/***/ })

};

//# sourceMappingURL=603.index.js.map