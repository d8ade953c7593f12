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


/***/ })

};

//# sourceMappingURL=603.index.js.map