import './sourcemap-register.cjs';import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 770:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

module.exports = __nccwpck_require__(218);


/***/ }),

/***/ 218:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var net = __nccwpck_require__(9278);
var tls = __nccwpck_require__(4756);
var http = __nccwpck_require__(8611);
var https = __nccwpck_require__(5692);
var events = __nccwpck_require__(4434);
var assert = __nccwpck_require__(2613);
var util = __nccwpck_require__(9023);


exports.httpOverHttp = httpOverHttp;
exports.httpsOverHttp = httpsOverHttp;
exports.httpOverHttps = httpOverHttps;
exports.httpsOverHttps = httpsOverHttps;


function httpOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  return agent;
}

function httpsOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}

function httpOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  return agent;
}

function httpsOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}


function TunnelingAgent(options) {
  var self = this;
  self.options = options || {};
  self.proxyOptions = self.options.proxy || {};
  self.maxSockets = self.options.maxSockets || http.Agent.defaultMaxSockets;
  self.requests = [];
  self.sockets = [];

  self.on('free', function onFree(socket, host, port, localAddress) {
    var options = toOptions(host, port, localAddress);
    for (var i = 0, len = self.requests.length; i < len; ++i) {
      var pending = self.requests[i];
      if (pending.host === options.host && pending.port === options.port) {
        // Detect the request to connect same origin server,
        // reuse the connection.
        self.requests.splice(i, 1);
        pending.request.onSocket(socket);
        return;
      }
    }
    socket.destroy();
    self.removeSocket(socket);
  });
}
util.inherits(TunnelingAgent, events.EventEmitter);

TunnelingAgent.prototype.addRequest = function addRequest(req, host, port, localAddress) {
  var self = this;
  var options = mergeOptions({request: req}, self.options, toOptions(host, port, localAddress));

  if (self.sockets.length >= this.maxSockets) {
    // We are over limit so we'll add it to the queue.
    self.requests.push(options);
    return;
  }

  // If we are under maxSockets create a new one.
  self.createSocket(options, function(socket) {
    socket.on('free', onFree);
    socket.on('close', onCloseOrRemove);
    socket.on('agentRemove', onCloseOrRemove);
    req.onSocket(socket);

    function onFree() {
      self.emit('free', socket, options);
    }

    function onCloseOrRemove(err) {
      self.removeSocket(socket);
      socket.removeListener('free', onFree);
      socket.removeListener('close', onCloseOrRemove);
      socket.removeListener('agentRemove', onCloseOrRemove);
    }
  });
};

TunnelingAgent.prototype.createSocket = function createSocket(options, cb) {
  var self = this;
  var placeholder = {};
  self.sockets.push(placeholder);

  var connectOptions = mergeOptions({}, self.proxyOptions, {
    method: 'CONNECT',
    path: options.host + ':' + options.port,
    agent: false,
    headers: {
      host: options.host + ':' + options.port
    }
  });
  if (options.localAddress) {
    connectOptions.localAddress = options.localAddress;
  }
  if (connectOptions.proxyAuth) {
    connectOptions.headers = connectOptions.headers || {};
    connectOptions.headers['Proxy-Authorization'] = 'Basic ' +
        new Buffer(connectOptions.proxyAuth).toString('base64');
  }

  debug('making CONNECT request');
  var connectReq = self.request(connectOptions);
  connectReq.useChunkedEncodingByDefault = false; // for v0.6
  connectReq.once('response', onResponse); // for v0.6
  connectReq.once('upgrade', onUpgrade);   // for v0.6
  connectReq.once('connect', onConnect);   // for v0.7 or later
  connectReq.once('error', onError);
  connectReq.end();

  function onResponse(res) {
    // Very hacky. This is necessary to avoid http-parser leaks.
    res.upgrade = true;
  }

  function onUpgrade(res, socket, head) {
    // Hacky.
    process.nextTick(function() {
      onConnect(res, socket, head);
    });
  }

  function onConnect(res, socket, head) {
    connectReq.removeAllListeners();
    socket.removeAllListeners();

    if (res.statusCode !== 200) {
      debug('tunneling socket could not be established, statusCode=%d',
        res.statusCode);
      socket.destroy();
      var error = new Error('tunneling socket could not be established, ' +
        'statusCode=' + res.statusCode);
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    if (head.length > 0) {
      debug('got illegal response body from proxy');
      socket.destroy();
      var error = new Error('got illegal response body from proxy');
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    debug('tunneling connection has established');
    self.sockets[self.sockets.indexOf(placeholder)] = socket;
    return cb(socket);
  }

  function onError(cause) {
    connectReq.removeAllListeners();

    debug('tunneling socket could not be established, cause=%s\n',
          cause.message, cause.stack);
    var error = new Error('tunneling socket could not be established, ' +
                          'cause=' + cause.message);
    error.code = 'ECONNRESET';
    options.request.emit('error', error);
    self.removeSocket(placeholder);
  }
};

TunnelingAgent.prototype.removeSocket = function removeSocket(socket) {
  var pos = this.sockets.indexOf(socket)
  if (pos === -1) {
    return;
  }
  this.sockets.splice(pos, 1);

  var pending = this.requests.shift();
  if (pending) {
    // If we have pending requests and a socket gets closed a new one
    // needs to be created to take over in the pool for the one that closed.
    this.createSocket(pending, function(socket) {
      pending.request.onSocket(socket);
    });
  }
};

function createSecureSocket(options, cb) {
  var self = this;
  TunnelingAgent.prototype.createSocket.call(self, options, function(socket) {
    var hostHeader = options.request.getHeader('host');
    var tlsOptions = mergeOptions({}, self.options, {
      socket: socket,
      servername: hostHeader ? hostHeader.replace(/:.*$/, '') : options.host
    });

    // 0 is dummy port for v0.6
    var secureSocket = tls.connect(0, tlsOptions);
    self.sockets[self.sockets.indexOf(socket)] = secureSocket;
    cb(secureSocket);
  });
}


function toOptions(host, port, localAddress) {
  if (typeof host === 'string') { // since v0.10
    return {
      host: host,
      port: port,
      localAddress: localAddress
    };
  }
  return host; // for v0.11 or later
}

function mergeOptions(target) {
  for (var i = 1, len = arguments.length; i < len; ++i) {
    var overrides = arguments[i];
    if (typeof overrides === 'object') {
      var keys = Object.keys(overrides);
      for (var j = 0, keyLen = keys.length; j < keyLen; ++j) {
        var k = keys[j];
        if (overrides[k] !== undefined) {
          target[k] = overrides[k];
        }
      }
    }
  }
  return target;
}


var debug;
if (process.env.NODE_DEBUG && /\btunnel\b/.test(process.env.NODE_DEBUG)) {
  debug = function() {
    var args = Array.prototype.slice.call(arguments);
    if (typeof args[0] === 'string') {
      args[0] = 'TUNNEL: ' + args[0];
    } else {
      args.unshift('TUNNEL:');
    }
    console.error.apply(console, args);
  }
} else {
  debug = function() {};
}
exports.debug = debug; // for test


/***/ }),

/***/ 2814:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   G0: () => (/* binding */ Inputs),
/* harmony export */   Uw: () => (/* binding */ State),
/* harmony export */   Xb: () => (/* binding */ KeyEnvironment),
/* harmony export */   tY: () => (/* binding */ Outputs)
/* harmony export */ });
// The action's interface: input, output and state names in one place (see action.yml).
const Inputs = {
    Command: 'command',
    File: 'file',
    Endpoint: 'endpoint',
    CompletionWindow: 'completion-window',
    Metadata: 'metadata',
    BatchId: 'batch-id',
    BaseUrl: 'base-url',
    ApiKey: 'api-key',
    Wait: 'wait',
    PollInterval: 'poll-interval',
    MaxPollInterval: 'max-poll-interval',
    WaitTimeout: 'wait-timeout',
    OnTimeout: 'on-timeout',
    CancelOnAbort: 'cancel-on-abort',
    ListLimit: 'list-limit',
    ValidateOnly: 'validate-only',
    MaxRequests: 'max-requests',
    MaxFileSize: 'max-file-size',
    Download: 'download',
    ResultsDir: 'results-dir',
    MaxFailedRequests: 'max-failed-requests',
    MaxConsecutiveErrors: 'max-consecutive-errors',
    MaxAttempts: 'max-attempts',
    RequestTimeout: 'request-timeout',
    AllowInsecureHttp: 'allow-insecure-http',
    Reuse: 'reuse',
    Comment: 'comment',
    GitHubToken: 'github-token',
    MaxBatchRequests: 'max-batch-requests',
    MaxBatchBytes: 'max-batch-bytes',
    MaxBatchTokens: 'max-batch-tokens',
    MaxConcurrentBatches: 'max-concurrent-batches',
    RetryFailed: 'retry-failed',
    RetryErrors: 'retry-errors',
    Match: 'match',
    Since: 'since',
    CancelSuperseded: 'cancel-superseded'
};
const Outputs = {
    BatchId: 'batch-id',
    Status: 'status',
    InputFileId: 'input-file-id',
    OutputFileId: 'output-file-id',
    ErrorFileId: 'error-file-id',
    Total: 'total',
    Completed: 'completed',
    Failed: 'failed',
    Batch: 'batch',
    Batches: 'batches',
    Model: 'model',
    OutputPath: 'output-path',
    ErrorPath: 'error-path',
    ResultsPath: 'results-path',
    PromptTokens: 'prompt-tokens',
    CompletionTokens: 'completion-tokens',
    TotalTokens: 'total-tokens',
    BatchIds: 'batch-ids',
    Jobs: 'jobs'
};
const State = {
    BatchId: 'batch-id',
    Settled: 'settled',
    IdempotencyKey: 'idempotency-key',
    InputSha256: 'input-sha256',
    /** When the step's create was first sent (Unix seconds): searches and the settle window start there. */
    SearchSince: 'search-since',
    /** Every batch of the job (a JSON array): the post step settles each of them. */
    BatchIds: 'batch-ids'
};
/** Environment variables the API key falls back to, in order. */
const KeyEnvironment = ['NEBIUS_API_KEY', 'OPENAI_API_KEY'];


/***/ }),

/***/ 2543:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Do: () => (/* binding */ KNOWN_STATUSES),
/* harmony export */   Gc: () => (/* binding */ parseBatch),
/* harmony export */   Hd: () => (/* binding */ isTerminal),
/* harmony export */   MS: () => (/* binding */ batchUsage),
/* harmony export */   SP: () => (/* binding */ normalizeStatus),
/* harmony export */   ih: () => (/* binding */ isKnownStatus),
/* harmony export */   q3: () => (/* binding */ requestCounts),
/* harmony export */   vk: () => (/* binding */ describeProgress),
/* harmony export */   zE: () => (/* binding */ describeBatchErrors)
/* harmony export */ });
/* unused harmony exports TERMINAL_STATUSES, NO_STATUS */
/* harmony import */ var _lib_json_kind_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2104);

const TERMINAL_STATUSES = ['completed', 'failed', 'expired', 'cancelled'];
/** Every status of the Batch API (see batch-api-facts): the action knows what each one means. */
const KNOWN_STATUSES = [
    'validating',
    'in_progress',
    'finalizing',
    'cancelling',
    ...TERMINAL_STATUSES
];
/** Spellings some providers use for a status the API names otherwise. */
const STATUS_SYNONYMS = {
    succeeded: 'completed',
    canceled: 'cancelled',
    canceling: 'cancelling'
};
/** What a batch answer without a status (absent, null, not a string) is taken to be. */
const NO_STATUS = 'unknown';
/**
 * Providers differ in case (`IN_PROGRESS`), separators (`in-progress`) and spelling
 * (`succeeded`, `canceled`); the action compares statuses in the API's own words.
 */
function normalizeStatus(status) {
    if (typeof status !== 'string' || status.trim() === '')
        return NO_STATUS;
    const words = status
        .trim()
        .toLowerCase()
        .replace(/[\s-]+/g, '_');
    return STATUS_SYNONYMS[words] ?? words;
}
function isTerminal(status) {
    return TERMINAL_STATUSES.includes(normalizeStatus(status));
}
/** False for a status the action cannot interpret: it never reports success for such a batch. */
function isKnownStatus(status) {
    return KNOWN_STATUSES.includes(normalizeStatus(status));
}
/** A number, also when sent as a numeric string; null kept; anything else dropped (undefined). */
function lenientNumber(value) {
    if (value === null)
        return null;
    const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    // Number.isFinite is false for anything that is not a number: no conversion.
    return Number.isFinite(number) ? number : undefined;
}
/** Unix seconds, also from a numeric string or an ISO date string; null kept. */
function lenientTimestamp(value) {
    if (typeof value !== 'string' || value.trim() === '')
        return lenientNumber(value);
    const number = Number(value);
    if (Number.isFinite(number))
        return number;
    const ms = Date.parse(value);
    return Number.isFinite(ms) ? Math.floor(ms / 1000) : undefined;
}
function lenientString(value) {
    return typeof value === 'string' || value === null ? value : undefined;
}
/**
 * A copy of `object` with each field of `readers` read by its reader, first and in that order, then
 * every other field as it is. A field the object lacks stays absent unless its reader gives a value
 * for nothing (the status).
 */
function readFields(object, readers) {
    const out = {};
    for (const [key, reader] of Object.entries(readers)) {
        const value = reader(object[key]);
        if (value !== undefined || key in object)
            out[key] = value;
    }
    for (const [key, value] of Object.entries(object))
        if (!(key in readers))
            out[key] = value;
    return out;
}
/** An object read by `readers`, null kept, anything else dropped. */
function lenientObject(readers) {
    return (value) => value === null ? null : (0,_lib_json_kind_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u)(value) ? readFields(value, readers) : undefined;
}
const counts = lenientObject({
    total: lenientNumber,
    completed: lenientNumber,
    failed: lenientNumber
});
const batchError = lenientObject({
    code: lenientString,
    message: lenientString,
    line: lenientNumber,
    param: lenientString
});
const usage = lenientObject({
    input_tokens: lenientNumber,
    output_tokens: lenientNumber,
    total_tokens: lenientNumber
});
/** `{data: [...]}` as the API documents it; a bare array (`errors: []`) is read as its data. */
const errors = lenientObject({
    data: (value) => value === null ? null : Array.isArray(value) ? value.map(batchError) : undefined
});
function metadataOf(value) {
    return value === null ? null : (0,_lib_json_kind_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u)(value) ? { ...value } : undefined;
}
/**
 * The batch object as the action relies on it. Only `id` is required, and a status is always
 * given (NO_STATUS when the answer has none): providers document fewer fields than OpenAI, and
 * any other field may be absent, null or of another type, in which case it is ignored.
 */
const batchFields = {
    id: (value) => value,
    status: normalizeStatus,
    endpoint: lenientString,
    input_file_id: lenientString,
    output_file_id: lenientString,
    error_file_id: lenientString,
    created_at: lenientTimestamp,
    in_progress_at: lenientTimestamp,
    finalizing_at: lenientTimestamp,
    completed_at: lenientTimestamp,
    failed_at: lenientTimestamp,
    expired_at: lenientTimestamp,
    cancelling_at: lenientTimestamp,
    cancelled_at: lenientTimestamp,
    request_counts: counts,
    /** Not every provider names the model; a value that is not a string is ignored. */
    model: lenientString,
    /** Token usage as OpenAI reports it on the batch; ignored when malformed. */
    usage,
    metadata: metadataOf,
    errors: (value) => errors(Array.isArray(value) ? { data: value } : value)
};
/**
 * Reads a batch answer; some providers wrap it as `{job: {...}}`. Throws only when the answer
 * has no id: once an id is seen, the batch exists and must reach the outputs and state.
 */
function parseBatch(raw) {
    const candidate = raw && typeof raw === 'object' && 'job' in raw && !('id' in raw)
        ? raw.job
        : raw;
    if (!(0,_lib_json_kind_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u)(candidate))
        return notABatch('answer', `expected an object, got ${(0,_lib_json_kind_js__WEBPACK_IMPORTED_MODULE_0__/* .kindOf */ .I)(candidate)}`);
    if (typeof candidate.id !== 'string' || candidate.id === '')
        return notABatch('id', `expected a non-empty string, got ${candidate.id === '' ? 'an empty string' : (0,_lib_json_kind_js__WEBPACK_IMPORTED_MODULE_0__/* .kindOf */ .I)(candidate.id)}`);
    return readFields(candidate, batchFields);
}
function notABatch(where, what) {
    throw new Error(`The API answered with something that is not a batch (${where}: ${what}); check base-url`);
}
function requestCounts(batch) {
    return {
        total: batch.request_counts?.total ?? 0,
        completed: batch.request_counts?.completed ?? 0,
        failed: batch.request_counts?.failed ?? 0
    };
}
/** The token usage the batch reports itself, when it does. */
function batchUsage(batch) {
    const usage = batch.usage;
    if (!usage)
        return undefined;
    const prompt = usage.input_tokens ?? 0;
    const completion = usage.output_tokens ?? 0;
    return { prompt, completion, total: usage.total_tokens ?? prompt + completion };
}
/** One line for the log: `in_progress: 40/100 done, 2 failed`. */
function describeProgress(batch) {
    const { total, completed, failed } = requestCounts(batch);
    return total > 0
        ? `${batch.status}: ${completed + failed}/${total} done, ${failed} failed`
        : batch.status;
}
/** The batch's own errors (problems with its input file), as one readable message. */
function describeBatchErrors(batch) {
    const errors = (batch.errors?.data ?? []).filter((e) => e != null);
    if (errors.length === 0)
        return 'the provider gave no reason';
    const shown = errors.slice(0, 5).map((e) => {
        const where = e.line != null ? `line ${e.line}: ` : '';
        const code = e.code ? ` (${e.code})` : '';
        return `${where}${e.message ?? 'error'}${code}`;
    });
    const more = errors.length > shown.length ? `; and ${errors.length - shown.length} more` : '';
    return shown.join('; ') + more;
}


/***/ }),

/***/ 8055:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BU: () => (/* binding */ partOf),
/* harmony export */   CT: () => (/* binding */ checkMetadataLimits),
/* harmony export */   IQ: () => (/* binding */ userMetadataOf),
/* harmony export */   VQ: () => (/* binding */ traceabilityMetadata),
/* harmony export */   XQ: () => (/* binding */ pullRequestOfRun),
/* harmony export */   _A: () => (/* binding */ checkUserPairsFit),
/* harmony export */   iK: () => (/* binding */ buildBatchMetadata),
/* harmony export */   jR: () => (/* binding */ parseMetadata),
/* harmony export */   wb: () => (/* binding */ jobIdOf),
/* harmony export */   yg: () => (/* binding */ MetadataKeys)
/* harmony export */ });
/* unused harmony exports MetadataLimits, actionPairCount, isActionKey */
/* harmony import */ var _lib_event_payload_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3928);

/**
 * Metadata keys the action writes on the batches it creates: the provider's batch list, read
 * through them, is the ledger of every job (see ledger.ts).
 */
const MetadataKeys = {
    IdempotencyKey: 'batch_action_key',
    FileSha256: 'input_sha256',
    Repository: 'github_repository',
    RunId: 'github_run_id',
    RunAttempt: 'github_run_attempt',
    Workflow: 'github_workflow',
    Job: 'github_job',
    Step: 'github_step',
    Sha: 'github_sha',
    Ref: 'github_ref',
    PullRequest: 'github_pr',
    Part: 'batch_part',
    Round: 'batch_round'
};
const MetadataLimits = { pairs: 16, keyLength: 64, valueLength: 512 };
/** Parses the `metadata` input: a JSON object of strings, or `key=value` lines. */
function parseMetadata(text) {
    const trimmed = text.trim();
    if (trimmed.startsWith('{')) {
        let parsed;
        try {
            parsed = JSON.parse(trimmed);
        }
        catch (error) {
            throw new Error(`metadata is not valid JSON (${error.message}); write a JSON object such as {"suite": "nightly"}, or key=value lines such as suite=nightly`, { cause: error });
        }
        // Text that starts with `{` and parses is an object, never null or an array.
        const where = Object.entries(parsed).find(([, value]) => typeof value !== 'string');
        if (where !== undefined) {
            throw new Error(`metadata must be a JSON object whose values are all strings, such as {"suite": "nightly"} (see "${where[0]}")`);
        }
        return { ...parsed };
    }
    const metadata = {};
    for (const [index, raw] of trimmed.split(/\r?\n/).entries()) {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            continue;
        const eq = line.indexOf('=');
        if (eq <= 0) {
            throw new Error(`metadata line ${index + 1} ("${line}") is not key=value; use key=value lines or a JSON object`);
        }
        metadata[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
    }
    return metadata;
}
/** Checks the API's metadata limits (16 pairs, keys up to 64 characters, values up to 512). */
function checkMetadataLimits(metadata) {
    const keys = Object.keys(metadata);
    if (keys.length > MetadataLimits.pairs) {
        const own = Object.values(MetadataKeys).filter((key) => key in metadata).length;
        throw new Error(`metadata has ${keys.length} pairs, more than the API's limit of ${MetadataLimits.pairs} ` +
            `(${own} of them are added by the action for traceability and idempotency); remove ${keys.length - MetadataLimits.pairs}`);
    }
    for (const [key, value] of Object.entries(metadata)) {
        if (key.length === 0 || key.length > MetadataLimits.keyLength) {
            throw new Error(`metadata key "${key.slice(0, 80)}" must be 1 to ${MetadataLimits.keyLength} characters long`);
        }
        if (value.length > MetadataLimits.valueLength) {
            throw new Error(`metadata value of "${key}" is ${value.length} characters long, more than the API's limit of ${MetadataLimits.valueLength}`);
        }
    }
}
/** The pull request of a run on a pull-request event; other events that name one do not count. */
function pullRequestOfRun(context) {
    if (!context.inActions || context.eventName === undefined)
        return undefined;
    return _lib_event_payload_js__WEBPACK_IMPORTED_MODULE_0__/* .PULL_REQUEST_EVENTS */ .m_.has(context.eventName) ? context.pullRequest : undefined;
}
/** Traceability keys from the workflow run; empty outside GitHub Actions. */
function traceabilityMetadata(context) {
    if (!context.inActions)
        return {};
    const entries = [
        [MetadataKeys.Repository, context.repository],
        [MetadataKeys.RunId, wholeNumber(context.runId)],
        [MetadataKeys.RunAttempt, wholeNumber(context.runAttempt)],
        [MetadataKeys.Workflow, context.workflow],
        [MetadataKeys.Job, context.job],
        [MetadataKeys.Step, context.action],
        [MetadataKeys.Sha, context.sha],
        [MetadataKeys.Ref, context.ref],
        [MetadataKeys.PullRequest, pullRequestOfRun(context)]
    ];
    const metadata = {};
    for (const [key, value] of entries) {
        if (value === undefined || value === '' || Number.isNaN(value))
            continue;
        metadata[key] = String(value).slice(0, MetadataLimits.valueLength);
    }
    return metadata;
}
/** Run ids and attempts are written as the numbers they are ('42', never '042' or '42 '). */
function wholeNumber(text) {
    return text === undefined ? undefined : Number.parseInt(text, 10);
}
/**
 * The metadata sent with the batch: the user's pairs win over traceability keys they also set;
 * the idempotency keys and the batch's place in its job are always the action's own.
 */
function buildBatchMetadata(user, trace, identity) {
    const metadata = { ...trace, ...user };
    metadata[MetadataKeys.IdempotencyKey] = identity.key;
    metadata[MetadataKeys.FileSha256] = identity.fileSha256;
    if (identity.part !== undefined)
        metadata[MetadataKeys.Part] = identity.part;
    else
        delete metadata[MetadataKeys.Part];
    if ((identity.round ?? 0) >= 1)
        metadata[MetadataKeys.Round] = String(identity.round);
    else
        delete metadata[MetadataKeys.Round];
    checkMetadataLimits(metadata);
    return metadata;
}
/** The keys the action writes, with the reason for each group, for the count and its message. */
function actionKeysOf(needs) {
    const keys = [MetadataKeys.IdempotencyKey, MetadataKeys.FileSha256];
    const reasons = ['2 for idempotency (batch_action_key, input_sha256)'];
    if (needs.inActions) {
        keys.push(MetadataKeys.Repository, MetadataKeys.Workflow, MetadataKeys.Job, MetadataKeys.Step, MetadataKeys.RunId, MetadataKeys.RunAttempt, MetadataKeys.Sha, MetadataKeys.Ref);
        reasons.push('8 for the run in GitHub Actions (github_repository to github_ref)');
        if (needs.pullRequest) {
            keys.push(MetadataKeys.PullRequest);
            reasons.push('1 for the pull request (github_pr)');
        }
    }
    if (needs.multiBatch) {
        keys.push(MetadataKeys.Part);
        reasons.push('1 for the part of the job (batch_part)');
    }
    if (needs.retries) {
        keys.push(MetadataKeys.Round);
        reasons.push('1 for the retry round (batch_round, retry-failed > 0)');
    }
    return { keys, reasons };
}
/** How many of the 16 pairs the action writes itself: 10 in Actions, 11 on pull requests, +1 +1. */
function actionPairCount(needs) {
    return actionKeysOf(needs).keys.length;
}
/**
 * Fails, before anything is uploaded, when the user's pairs and the action's do not fit the API's
 * 16. A user's pair with one of the action's keys takes that key's place and costs nothing more.
 */
function checkUserPairsFit(user, needs) {
    const { keys, reasons } = actionKeysOf(needs);
    const own = new Set(keys);
    const given = Object.keys(user).length;
    const extra = Object.keys(user).filter((key) => !own.has(key)).length;
    const left = MetadataLimits.pairs - keys.length;
    if (extra <= left)
        return;
    throw new Error(`metadata has ${given} pairs of yours, and the action needs ${keys.length} of the API's ${MetadataLimits.pairs} ` +
        `(${reasons.join('; ')}), so ${left} are left for yours; remove ${extra - left}`);
}
/** Every key the action writes: what is not one of them is the user's. */
const ACTION_KEYS = new Set(Object.values(MetadataKeys));
/** Whether `key` is one the action writes itself (the summary and `jobs` leave them out). */
function isActionKey(key) {
    return ACTION_KEYS.has(key);
}
function tagOf(batch, key) {
    const value = batch.metadata?.[key];
    return typeof value === 'string' ? value : undefined;
}
/**
 * The job a batch belongs to: its `batch_action_key` up to the first '.'; undefined without one,
 * and for a key with nothing before the '.' (no key the action writes): such a batch is no job's.
 */
function jobIdOf(batch) {
    const id = tagOf(batch, MetadataKeys.IdempotencyKey)?.split('.')[0];
    return id === undefined || id === '' ? undefined : id;
}
/** A batch's place in its job, from `batch_part` ("i/n") and `batch_round`: 1/1, round 0 without them. */
function partOf(batch) {
    const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(tagOf(batch, MetadataKeys.Part) ?? '');
    const part = match ? Number(match[1]) : 1;
    const parts = match ? Number(match[2]) : 1;
    const roundText = tagOf(batch, MetadataKeys.Round)?.trim() ?? '';
    const round = /^\d+$/.test(roundText) ? Number(roundText) : 0;
    const valid = part >= 1 && parts >= part;
    return { part: valid ? part : 1, parts: valid ? parts : 1, round };
}
/** The user's metadata of a batch: every string pair but the action's own. */
function userMetadataOf(batch) {
    const user = {};
    for (const [key, value] of Object.entries(batch.metadata ?? {}))
        if (!isActionKey(key) && typeof value === 'string')
            user[key] = value;
    return user;
}


/***/ }),

/***/ 3214:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  SD: () => (/* binding */ PollError),
  pP: () => (/* binding */ pollDelayMs),
  nr: () => (/* binding */ waitForBatch)
});

// UNUSED EXPORTS: JITTER

// EXTERNAL MODULE: ./src/net/abort.ts
var abort = __nccwpck_require__(3961);
// EXTERNAL MODULE: ./src/net/retry.ts
var retry = __nccwpck_require__(7893);
// EXTERNAL MODULE: ./src/batch/document.ts
var batch_document = __nccwpck_require__(2543);
;// CONCATENATED MODULE: ./src/batch/progress.ts
// Polling by progress: while a batch's request counts move, their rate says when it will end, so
// the wait can poll at about half the predicted remaining time instead of a backoff that knows
// nothing of the batch. Measured in the polling benchmark (bench/polling.mjs): with backoff alone a
// wait of 1 to 5 hours saw the end about 30 s late on median; polling by progress brings that under
// 10 s for the same number of requests an hour, because the polls bunch up where the end is.
/**
 * `ending` once the batch is finalizing or every request has ended: it will end soon, but how soon
 * the counts cannot say. `running` while requests are being processed, `waiting` before (validating,
 * no counts yet).
 */
function pollPhase(status, sample) {
    if (status === 'finalizing' || status === 'cancelling')
        return 'ending';
    if (sample && sample.total > 0 && sample.done >= sample.total)
        return 'ending';
    return status === 'in_progress' && sample !== undefined && sample.total > 0
        ? 'running'
        : 'waiting';
}
/**
 * Predicts when the counts will be complete from the rate between the first sample of this run and
 * the latest one. Using the first sample, not the previous one, keeps the estimate steady against
 * providers that update the counts in bursts; a stall lowers the rate, so the prediction grows and
 * the polls spread out again. Only two samples are kept, whatever the wait's length.
 */
class ProgressPredictor {
    first;
    latest;
    observe(sample) {
        // A total that changes, or counts that go back, start a new estimate.
        if (!this.first ||
            sample.total !== this.first.total ||
            sample.done < (this.latest?.done ?? 0)) {
            this.first = sample;
        }
        this.latest = sample;
    }
    /** Milliseconds from the latest sample until every request is predicted to have ended. */
    remainingMs() {
        const { first, latest } = this;
        if (!first || !latest || latest.at <= first.at || latest.done <= first.done)
            return undefined;
        const rate = (latest.done - first.done) / (latest.at - first.at);
        return (latest.total - latest.done) / rate;
    }
}
/**
 * The delay before the next poll of a running batch with a prediction: half the predicted
 * remaining time, so the polls close in on the predicted end geometrically, within the bounds.
 */
function progressDelayMs(remainingMs, options) {
    // Within one longest delay of the predicted end, poll at the end itself: halving again would
    // spend a poll or two more per wait for a few seconds of detection.
    const wanted = remainingMs <= options.maxMs ? remainingMs : remainingMs / 2;
    return Math.round(Math.min(options.maxMs, Math.max(options.minMs, wanted)));
}
/** The counts of a batch answer as a sample, when it reports any. */
function countsSample(counts, at) {
    if (!counts || !counts.total)
        return undefined;
    return { at, done: (counts.completed ?? 0) + (counts.failed ?? 0), total: counts.total };
}
/**
 * Chooses the delay before each poll:
 * - while the batch runs and its counts move: half the predicted remaining time (within
 *   initialMs and maxMs), so the polls close in on the end;
 * - otherwise the backoff of `backoff(step)`, restarted when the batch's end comes near (its counts
 *   complete, or it finalizes): a restarted backoff finds the end within seconds when finalizing is
 *   short and costs only a few polls more when it is long.
 * No delay is longer than maxMs, so a failure is never seen later than max-poll-interval.
 */
class PollPlanner {
    options;
    backoff;
    jitter;
    predictor = new ProgressPredictor();
    // Stryker disable next-line StringLiteral: only a change to 'ending' is acted on, and the first phase is never compared with anything else (equivalent).
    phase = 'waiting';
    step = 0;
    /** Whether the last delay by progress was at the cap (and the run's jitter already drawn). */
    // Stryker disable next-line BooleanLiteral: the first answer gives no rate, so a backoff delay, which sets it false, always comes before the first delay at the cap (equivalent).
    atCap = false;
    constructor(options, backoff, jitter) {
        this.options = options;
        this.backoff = backoff;
        this.jitter = jitter;
    }
    /** The delay before the first poll. */
    first() {
        return this.backoff(this.step++);
    }
    /** The delay after an answer with this status and these counts, received at `at`. */
    afterAnswer(status, counts, at) {
        const sample = countsSample(counts ?? null, at);
        if (sample)
            this.predictor.observe(sample);
        const phase = pollPhase(status, sample);
        // Only the end's approach restarts the backoff: a batch that starts running says nothing of
        // when it will end, and restarting then would cost polls while the counts give no rate yet.
        if (phase !== this.phase && phase === 'ending')
            this.step = 0;
        this.phase = phase;
        const remaining = phase === 'running' ? this.predictor.remainingMs() : undefined;
        if (remaining !== undefined) {
            const delay = progressDelayMs(remaining, this.bounds());
            if (delay < this.options.maxMs) {
                // Aimed at the predicted end: a shortened delay would only land before it, one more poll.
                this.atCap = false;
                return delay;
            }
            // At the cap, only the first delay of a run is jittered: runners started together take
            // different phases and keep them, at the cap's period. Jittering every delay (15% off at
            // most) cost about 5 polls an hour more for no more spread (bench/polling.mjs).
            if (this.atCap)
                return delay;
            this.atCap = true;
            return this.jitter(delay);
        }
        this.atCap = false;
        return this.backoff(this.step++);
    }
    /** The delay after a failed poll: the backoff goes on. */
    afterError() {
        return this.backoff(this.step++);
    }
    bounds() {
        return { minMs: this.options.initialMs, maxMs: this.options.maxMs };
    }
}

;// CONCATENATED MODULE: ./src/batch/poll.ts




/** Jitter takes off up to this share of a delay, never adds: the cap stays a true upper bound. */
const JITTER = 0.15;
/**
 * The delay before poll number `poll` (0-based): `initialMs` first, then doubling up to `maxMs`,
 * each lowered by up to 15% of jitter so that many runners started together spread out.
 */
function pollDelayMs(poll, options, random = Math.random) {
    const base = Math.min(options.maxMs, options.initialMs * 2 ** Math.max(0, poll));
    if (poll === 0)
        return options.initialMs;
    return Math.max(1, Math.round(base * (1 - JITTER * random())));
}
class PollError extends Error {
    lastBatch;
    cause;
    constructor(message, lastBatch, cause) {
        super(message);
        this.lastBatch = lastBatch;
        this.cause = cause;
        this.name = 'PollError';
    }
}
/**
 * Polls until the batch is terminal or `timeoutMs` has passed since the call, by progress while
 * the request counts move and by backoff otherwise (see PollPlanner). Transient failures
 * (network, 429, 5xx) are tolerated up to `maxConsecutiveErrors` in a row; a 429's Retry-After
 * stretches the next delay up to `maxMs`. Anything else ends the wait with the error. A status
 * the action does not know is not terminal: the wait goes on, and the outcome decides later.
 */
async function waitForBatch(start, deps, options) {
    const now = deps.now ?? Date.now;
    const sleep = deps.sleep ?? abort/* sleep */.yy;
    const deadline = now() + options.timeoutMs;
    let batch = start;
    let polls = 0;
    let consecutiveErrors = 0;
    const random = deps.random ?? Math.random;
    const planner = new PollPlanner(options, (step) => pollDelayMs(step, options, random), (ms) => Math.max(1, Math.round(ms * (1 - JITTER * random()))));
    /** The delay before the next poll, drawn once: the one logged is the one slept. */
    let next = planner.first();
    const unknown = new Set();
    const noticeStatus = (status) => {
        if ((0,batch_document/* isKnownStatus */.ih)(status) || unknown.has(status))
            return;
        unknown.add(status);
        deps.onUnknownStatus?.(status);
    };
    noticeStatus(batch.status);
    while (!(0,batch_document/* isTerminal */.Hd)(batch.status)) {
        const remaining = deadline - now();
        if (remaining <= 0)
            return { batch, timedOut: true, polls };
        await sleep(Math.min(next, remaining), options.signal);
        polls++;
        try {
            batch = await deps.retrieve(options.signal);
            consecutiveErrors = 0;
            next = planner.afterAnswer(batch.status, batch.request_counts, now());
            deps.onBatch?.(batch);
            noticeStatus(batch.status);
        }
        catch (error) {
            if (options.signal?.aborted || !(0,retry/* isTransientApiError */.f0)(error))
                throw error;
            consecutiveErrors++;
            if (consecutiveErrors >= options.maxConsecutiveErrors) {
                throw new PollError(`${consecutiveErrors} polls in a row failed (last: ${error.message}); ` +
                    'the provider may be down: collect the batch later with command: status, or raise max-consecutive-errors', batch, error);
            }
            // A 429's Retry-After stretches the next delay, never shortens it, and never past
            // max-poll-interval: the user's bound on how stale the step's view of the batch may get.
            next = Math.min(options.maxMs, Math.max(planner.afterError(), (0,retry/* retryAfterMs */.Vs)(error) ?? 0));
            deps.onPollError?.(error, consecutiveErrors, next);
        }
    }
    return { batch, timedOut: false, polls };
}


/***/ }),

/***/ 5852:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   AW: () => (/* binding */ lookupEarlierAttempt),
/* harmony export */   BD: () => (/* binding */ belongingOf),
/* harmony export */   G9: () => (/* binding */ settle),
/* harmony export */   IO: () => (/* binding */ settleWindowMs),
/* harmony export */   jI: () => (/* binding */ byAge),
/* harmony export */   m2: () => (/* binding */ rerunCutoff),
/* harmony export */   mj: () => (/* binding */ findOwnBatches),
/* harmony export */   p9: () => (/* binding */ decideReuse),
/* harmony export */   yV: () => (/* binding */ CLOCK_SKEW_S)
/* harmony export */ });
/* unused harmony export RERUN_MARGIN_S */
/* harmony import */ var _net_abort_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3961);
/* harmony import */ var _net_retry_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7893);
/* harmony import */ var _document_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(2543);
/* harmony import */ var _metadata_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(8055);
// Which batches are this step's, found by the idempotency key in their metadata; and a create
// that is sent at most once in effect, however its answer is lost.




/** Clocks of the runner and the provider may differ by this much (seconds). */
const CLOCK_SKEW_S = 5 * 60;
/** An earlier attempt's batch is searched for back to completion-window plus this (seconds). */
const RERUN_MARGIN_S = 60 * 60;
/** The first pause between two lists while a create settles; it doubles after each list. */
const FIRST_SETTLE_PAUSE_MS = 500;
/**
 * How long an ambiguous create is given to show up in `list` before it is sent again: three
 * request timeouts (a create slower than one timeout may still commit), between 5 s and 30 s.
 */
function settleWindowMs(requestTimeoutMs) {
    return Math.min(30_000, Math.max(5_000, 3 * requestTimeoutMs));
}
function belongingOf(batch, mark) {
    const metadata = batch.metadata ?? {};
    if (metadata[_metadata_js__WEBPACK_IMPORTED_MODULE_3__/* .MetadataKeys */ .yg.IdempotencyKey] !== mark.key)
        return 'other';
    const sha = metadata[_metadata_js__WEBPACK_IMPORTED_MODULE_3__/* .MetadataKeys */ .yg.FileSha256];
    if (sha !== undefined && sha !== mark.fileSha256)
        return 'mismatch';
    if (mark.inputFileId && batch.input_file_id && batch.input_file_id !== mark.inputFileId)
        return 'mismatch';
    return 'ours';
}
const byAge = (a, b) => (a.created_at ?? 0) - (b.created_at ?? 0);
/** This step's batches created since `since` (Unix seconds), oldest first; one pass, no retry. */
async function findOwnBatches(api, mark, since, log, signal, timeoutMs) {
    const own = [];
    for (const batch of await api.listSince(since, signal, timeoutMs)) {
        const belonging = belongingOf(batch, mark);
        if (belonging === 'ours')
            own.push(batch);
        else if (belonging === 'mismatch')
            log.warning(`Batch ${batch.id} carries this step's key but not its input (input_sha256 or input_file_id differs); it is not this step's and is left alone`);
    }
    return own.sort(byAge);
}
/** A running batch is adopted, else a completed one collected, else a new one created. */
function decideReuse(own) {
    const running = own.find((batch) => !(0,_document_js__WEBPACK_IMPORTED_MODULE_2__/* .isTerminal */ .Hd)(batch.status));
    if (running)
        return { kind: 'adopt', batch: running };
    const completed = own.filter((batch) => batch.status === 'completed').at(-1);
    if (completed)
        return { kind: 'collect', batch: completed };
    return { kind: 'create', ended: own.at(-1) };
}
/** The oldest a re-run's batch can be and still matter: completion window plus a margin. */
function rerunCutoff(nowMs, completionWindowMs) {
    return Math.floor((nowMs - completionWindowMs) / 1000) - RERUN_MARGIN_S;
}
/** Looks for the batch an earlier attempt of this step made; also the pre-upload check of the key. */
function lookupEarlierAttempt(api, mark, since, log, signal) {
    return api.retry("Looking for this step's batch", async () => decideReuse(await findOwnBatches(api, mark, since, log, signal)), signal);
}
/** Lists again, with pauses that double, until this step's batch shows up or the window is over. */
async function settle(api, mark, log, options) {
    const now = options.now ?? Date.now;
    const pause = options.sleep ?? _net_abort_js__WEBPACK_IMPORTED_MODULE_0__/* .sleep */ .yy;
    const deadline = now() + options.windowMs;
    let anyAnswer = false;
    let lastError;
    for (let wait = FIRST_SETTLE_PAUSE_MS;; wait *= 2) {
        let asked;
        try {
            const own = await findOwnBatches(api, mark, options.since, log, options.signal);
            anyAnswer = true;
            if (own.length > 0)
                return { own, unknown: false };
        }
        catch (error) {
            if ((0,_net_abort_js__WEBPACK_IMPORTED_MODULE_0__/* .isAbort */ .rV)(error, options.signal))
                throw error;
            lastError = error;
            asked = (0,_net_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .retryAfterMs */ .Vs)(error);
        }
        const left = deadline - now();
        if (left <= 0)
            return { own: [], unknown: !anyAnswer, lastError };
        // A provider that asked for a pause (429 Retry-After) gets it, within the window.
        await pause(Math.min(Math.max(wait, asked ?? 0), left), options.signal);
    }
}


/***/ }),

/***/ 9776:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ StepFailure)
/* harmony export */ });
/** A failure whose message is already written for the user. */
class StepFailure extends Error {
    constructor(message) {
        super(message);
        this.name = 'StepFailure';
    }
}


/***/ }),

/***/ 8786:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ln: () => (/* binding */ failureCounts),
/* harmony export */   dl: () => (/* binding */ decideOutcome),
/* harmony export */   ug: () => (/* binding */ failsStep)
/* harmony export */ });
/* unused harmony exports unknownStatusMessage, batchIdValue */
/* harmony import */ var _batch_document_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2543);
/* harmony import */ var _lib_failure_limit_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(4163);


/** The step fails for these outcomes; 'left running' is a success the user asked for. */
function failsStep(outcome) {
    return outcome === 'failed' || outcome === 'cancelled' || outcome === 'timed out';
}
/** Why a batch in a status the action does not know cannot count as a success. */
function unknownStatusMessage(batch) {
    return (`Batch ${batch.id} has the status "${batch.status}", which the action does not know ` +
        `(it knows ${_batch_document_js__WEBPACK_IMPORTED_MODULE_0__/* .KNOWN_STATUSES */ .Do.join(', ')}), so it cannot tell how the batch is doing. ` +
        `Check it with the provider, or later with command: status and batch-id: ${batch.id}`);
}
/** What `batch-id` takes to collect it later: the id, or a job's ids as the batch-ids output gives them. */
function batchIdValue(batch, batchIds) {
    return batchIds && batchIds.length > 1 ? `'${JSON.stringify(batchIds)}'` : batch.id;
}
/** The one place that decides how the step ended, from what the command found. */
function decideOutcome(ending, rules) {
    switch (ending.kind) {
        case 'done':
            return { outcome: 'succeeded', notes: [] };
        case 'error':
            return { outcome: 'failed', message: ending.message, notes: [] };
        case 'aborted':
            return { outcome: 'cancelled', message: ending.message, notes: [] };
        case 'not waiting': {
            if (!(0,_batch_document_js__WEBPACK_IMPORTED_MODULE_0__/* .isKnownStatus */ .ih)(ending.batch.status))
                return { outcome: 'failed', message: unknownStatusMessage(ending.batch), notes: [] };
            const { id } = ending.batch;
            const ids = ending.batchIds && ending.batchIds.length > 1 ? ending.batchIds : undefined;
            return {
                outcome: 'left running',
                notes: [
                    {
                        level: 'info',
                        text: `wait is false: ${ids ? `batches ${ids.join(', ')} run` : `batch ${id} runs`} on; collect ${ids ? 'them' : 'it'} later with command: status and batch-id: ${batchIdValue(ending.batch, ids)}`
                    }
                ]
            };
        }
        case 'already ended': {
            const { id, status } = ending.batch;
            const notes = status === 'cancelled'
                ? []
                : [
                    {
                        level: 'notice',
                        text: `Batch ${id} is already ${status}; there is nothing to cancel`
                    }
                ];
            return { outcome: 'succeeded', message: `already ${status}`, notes };
        }
        case 'timed out':
            return timedOut(ending.batch, ending.then, rules, ending.batchIds);
        case 'ended':
            return judgeEnded(ending, rules);
    }
}
function timedOut(batch, then, rules, batchIds) {
    const several = batchIds !== undefined && batchIds.length > 1;
    const which = several ? `the job's batches ${batchIds.join(', ')}` : `batch ${batch.id}`;
    const waited = `The wait timed out (wait-timeout ${rules.waitTimeoutMs / 1000}s) with ${which} ${batch.status}`;
    const later = `command: status and batch-id: ${batchIdValue(batch, batchIds)}`;
    // Whatever on-timeout says, a batch in a status the action cannot read is not left as a success.
    if (!(0,_batch_document_js__WEBPACK_IMPORTED_MODULE_0__/* .isKnownStatus */ .ih)(batch.status)) {
        const cancelled = then === 'cancel' ? '; it was cancelled (on-timeout: cancel)' : '';
        return {
            outcome: 'timed out',
            message: `The wait timed out (wait-timeout ${rules.waitTimeoutMs / 1000}s)${cancelled}. ${unknownStatusMessage(batch)}`,
            notes: []
        };
    }
    switch (then) {
        case 'leave': {
            const message = `${waited}; ${several ? 'they were' : 'it was'} left running. Collect ${several ? 'them' : 'it'} later with ${later}`;
            return { outcome: 'left running', message, notes: [{ level: 'notice', text: message }] };
        }
        case 'cancel':
            return {
                outcome: 'timed out',
                message: `${waited}; ${several ? 'they were' : 'it was'} cancelled (on-timeout: cancel)`,
                notes: []
            };
        case 'fail':
            return {
                outcome: 'timed out',
                message: `${waited}; failing as on-timeout: fail asks. ${several ? 'The batches run on: collect them' : 'The batch runs on: collect it'} with ${later}`,
                notes: []
            };
    }
}
/** Success or failure from the final status, as the command and inputs define it. */
function judgeEnded(ending, rules) {
    const { batch, results } = ending;
    const counts = (0,_batch_document_js__WEBPACK_IMPORTED_MODULE_0__/* .requestCounts */ .q3)(batch);
    const failure = (message, outcome = 'failed') => ({
        outcome,
        message,
        notes: []
    });
    switch (batch.status) {
        case 'completed': {
            const { failed, total } = failureCounts(batch, results);
            if ((0,_lib_failure_limit_js__WEBPACK_IMPORTED_MODULE_1__/* .exceedsFailureLimit */ .v)(rules.maxFailedRequests, failed, total)) {
                return failure(`${failed} of ${total} requests failed, more than max-failed-requests allows; see ${ending.errorFile ?? 'the error file'}`);
            }
            const notes = failed > 0 ? [{ level: 'warning', text: `${failed} of ${total} requests failed` }] : [];
            return { outcome: 'succeeded', notes };
        }
        case 'cancelled':
            if (rules.command === 'cancel')
                return { outcome: 'succeeded', notes: [] };
            return failure(`Batch ${batch.id} was cancelled before it finished (${counts.completed} of ${counts.total} requests completed)`, 'cancelled');
        case 'expired':
            return failure(`Batch ${batch.id} expired: the completion window (${rules.completionWindow}) passed with ${counts.completed} of ${counts.total} requests completed; partial results were kept`);
        case 'failed':
            return failure(`Batch ${batch.id} failed: ${(0,_batch_document_js__WEBPACK_IMPORTED_MODULE_0__/* .describeBatchErrors */ .zE)(batch)}`);
        default:
            if (!(0,_batch_document_js__WEBPACK_IMPORTED_MODULE_0__/* .isKnownStatus */ .ih)(batch.status))
                return failure(unknownStatusMessage(batch));
            return { outcome: 'succeeded', notes: [] };
    }
}
/** The failed and total requests the step judges by: the joined results when there are some. */
function failureCounts(batch, results) {
    const counts = (0,_batch_document_js__WEBPACK_IMPORTED_MODULE_0__/* .requestCounts */ .q3)(batch);
    if (!results)
        return counts;
    const total = results.total || counts.total;
    return { total, completed: results.ok, failed: results.error + results.missing };
}


/***/ }),

/***/ 7134:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ requireApi),
/* harmony export */   F: () => (/* binding */ Findings)
/* harmony export */ });
/* harmony import */ var _batch_document_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2543);

/** Request counts are logged when they change, but not more often than this. */
const PROGRESS_EVERY_MS = 60_000;
function requireApi(env) {
    if (!env.api)
        throw new Error('No API client: an API key is needed for this command');
    return env.api;
}
/**
 * What the step has learned so far, kept so that however it ends (even by an error or a signal)
 * the summary and the abort handler know it. It holds facts only: the outcome is decided
 * elsewhere (outcome.ts), from what a command returns.
 */
class Findings {
    log;
    outputs;
    now;
    /** The latest answer about the step's batch. */
    batch;
    /** The model of the requests file, once validated. */
    model;
    /** The check of the requests file, for the summary of validate-only or of a file with problems. */
    validation;
    files = {};
    results;
    /** The idempotency key of a create in flight, whose outcome the step may not learn. */
    creating;
    /** The batches of a job of several; `batch` is then the job seen as one batch (job-view.ts). */
    job;
    /** Batches of earlier runs this run cancelled before creating its own. */
    superseded = [];
    lastProgressAt = 0;
    constructor(log, outputs, now = Date.now) {
        this.log = log;
        this.outputs = outputs;
        this.now = now;
    }
    /** Keeps outputs current; logs each status change, and progress at most once a minute. */
    track(batch) {
        const previous = this.batch;
        this.batch = batch;
        this.outputs.setBatch(batch);
        const line = `Batch ${batch.id} is ${(0,_batch_document_js__WEBPACK_IMPORTED_MODULE_0__/* .describeProgress */ .vk)(batch)}`;
        const now = this.now();
        const progressed = previous !== undefined && (0,_batch_document_js__WEBPACK_IMPORTED_MODULE_0__/* .describeProgress */ .vk)(previous) !== (0,_batch_document_js__WEBPACK_IMPORTED_MODULE_0__/* .describeProgress */ .vk)(batch);
        if (previous?.status !== batch.status ||
            (progressed && now - this.lastProgressAt >= PROGRESS_EVERY_MS)) {
            this.lastProgressAt = now;
            this.log.info(line);
        }
        else
            this.log.debug(line);
    }
}


/***/ }),

/***/ 7594:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ commentMarker),
/* harmony export */   q: () => (/* binding */ isMarkedComment)
/* harmony export */ });
// The plain data the pull-request comment is rendered from, and the hidden marker that finds the
// comment again: one comment per workflow, job and step, edited in place on every update.
const MARKER_PREFIX = 'batch-inference-action:';
/**
 * A part of the marker: trimmed and percent-encoded, so no value can close the HTML comment ('-->'
 * needs '>', which is encoded), and distinct names stay distinct ('a b' and 'a-b' do not collide).
 */
function markerPart(text) {
    const trimmed = (text ?? '').trim();
    return trimmed === '' ? '_' : encodeURIComponent(trimmed);
}
/** `<!-- batch-inference-action:{workflow}/{job}/{step} -->`, with `/{variant}` when one is given. */
function commentMarker(parts) {
    const path = [parts.workflow, parts.job, parts.step].map(markerPart);
    if (parts.variant !== undefined && parts.variant.trim() !== '')
        path.push(markerPart(parts.variant));
    return `<!-- ${MARKER_PREFIX}${path.join('/')} -->`;
}
/**
 * True when `body` is the comment of this marker. The marker must open the body: a person quoting the
 * comment, or a comment of another step, never matches (the trailing ' -->' keeps one marker from
 * matching a longer one that begins the same way).
 */
function isMarkedComment(body, marker) {
    return typeof body === 'string' && body.startsWith(marker);
}


/***/ }),

/***/ 7318:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ox: () => (/* binding */ parseCommentMode),
/* harmony export */   lB: () => (/* binding */ upsertComment),
/* harmony export */   lt: () => (/* binding */ commentTarget),
/* harmony export */   pB: () => (/* binding */ targetFromContext)
/* harmony export */ });
/* unused harmony exports shouldComment, markerPartsOf, isRetryableCommentError, describeCommentFailure */
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9556);
/* harmony import */ var _comment_model_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(7594);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(5566);
/* harmony import */ var _net_http_fetch_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5488);




/** Parses the `comment` input. */
function parseCommentMode(text) {
    const mode = text.trim().toLowerCase();
    if (mode === '')
        return 'auto';
    if (mode === 'auto' || mode === 'always' || mode === 'never')
        return mode;
    throw new Error(`comment must be auto, always or never, got ${JSON.stringify(text)}`);
}
/**
 * The pull request to comment on, or undefined for none. `auto` comments on pull-request events, and
 * on a pull request named by the batch's tags (`collect` finishing a job submitted from one); `always`
 * whenever a pull request is known; `never` never.
 */
function commentTarget(mode, context, taggedPullRequest) {
    if (mode === 'never')
        return undefined;
    const fromEvent = context.pullRequestNumber;
    if (mode === 'always')
        return fromEvent ?? taggedPullRequest;
    if (fromEvent !== undefined && _context_js__WEBPACK_IMPORTED_MODULE_0__/* .PULL_REQUEST_EVENTS */ .m_.has(context.eventName))
        return fromEvent;
    return taggedPullRequest;
}
/** True when the step writes a comment on this event. */
function shouldComment(mode, context) {
    return commentTarget(mode, context) !== undefined;
}
/** The marker parts of this step: workflow, job and step as the runner names them. */
function markerPartsOf(context, variant) {
    return { workflow: context.workflow, job: context.job, step: context.step, variant };
}
/** Where this step's comment goes, or undefined when the repository is not known. */
function targetFromContext(context, token, issueNumber, variant) {
    if (!context.owner || !context.repo)
        return undefined;
    return {
        token,
        apiUrl: context.apiUrl,
        owner: context.owner,
        repo: context.repo,
        issueNumber,
        marker: (0,_comment_model_js__WEBPACK_IMPORTED_MODULE_2__/* .commentMarker */ .Q)(markerPartsOf(context, variant))
    };
}
/**
 * The HTTP status and GitHub's message of a failed call. Octokit reports a request that got no answer
 * (refused, reset, timed out) as status 500 without a response: only a response's status counts here.
 */
function failureOf(error) {
    const response = error
        ?.response;
    const data = response?.data;
    const message = typeof data?.message === 'string'
        ? data.message
        : error instanceof Error
            ? error.message
            : String(error);
    return { status: typeof response?.status === 'number' ? response.status : undefined, message };
}
/** Server errors, rate limits and failures without an answer (network, timeout) may pass on retry. */
function isRetryableCommentError(failure) {
    return failure.status === undefined || failure.status === 429 || failure.status >= 500;
}
function place(target) {
    return `pull request #${target.issueNumber} of ${target.owner}/${target.repo}`;
}
/** The sentence a notice or warning gives, by what GitHub answered. */
function describeCommentFailure(failure, target) {
    // An error page (a proxy's HTML, say) must not flood the log.
    const message = (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .oneLine */ .TN)(failure.message, 300);
    const answer = failure.status === undefined
        ? `GitHub could not be reached (${message})`
        : `GitHub answered ${failure.status} (${message})`;
    const permissions = 'the workflow needs `permissions: pull-requests: write`';
    if (failure.status === 403 && !/rate limit/i.test(failure.message)) {
        return {
            notice: `The comment on ${place(target)} was not written: ${answer}. A pull request from a fork gets a read-only token, so no comment is possible there; otherwise ${permissions}.`
        };
    }
    if (failure.status === 404) {
        return {
            notice: `The comment on ${place(target)} was not written: ${answer}. The token cannot see the pull request; ${permissions}.`
        };
    }
    if (failure.status === 401) {
        return {
            warning: `The comment on ${place(target)} was not written: ${answer}; check the github-token input.`
        };
    }
    return { warning: `The comment on ${place(target)} was not written: ${answer}.` };
}
const PER_PAGE = 100;
// A bound on the pages read, so a server that always announces a next page cannot loop forever.
const MAX_PAGES = 300;
/**
 * The first comment of the issue that carries the marker, reading page by page until found.
 * Pages are asked for by number rather than by following the Link header: Octokit's paginate drops
 * the abort signal of the request, and the token then never follows a URL the server chose.
 */
async function findMarkedComment(octokit, target, signal) {
    for (let page = 1; page <= MAX_PAGES; page++) {
        const response = await octokit.rest.issues.listComments({
            owner: target.owner,
            repo: target.repo,
            issue_number: target.issueNumber,
            per_page: PER_PAGE,
            page,
            request: { signal }
        });
        const found = response.data.find((comment) => (0,_comment_model_js__WEBPACK_IMPORTED_MODULE_2__/* .isMarkedComment */ .q)(comment.body, target.marker));
        if (found)
            return { id: found.id, body: found.body ?? '', html_url: found.html_url };
        if (!/rel="next"/.test(response.headers.link ?? ''))
            return undefined;
    }
    return undefined;
}
/**
 * One attempt: look for the marked comment, then edit or create it. Looking first on every attempt
 * is what keeps a retry from adding a second comment when an earlier create went through unanswered.
 */
async function upsertOnce(octokit, target, body, signal) {
    const { owner, repo } = target;
    const existing = await findMarkedComment(octokit, target, signal);
    if (existing && existing.body === body) {
        return { ok: true, action: 'unchanged', commentId: existing.id, url: existing.html_url };
    }
    if (existing) {
        const { data } = await octokit.rest.issues.updateComment({
            owner,
            repo,
            comment_id: existing.id,
            body,
            request: { signal }
        });
        return { ok: true, action: 'updated', commentId: data.id, url: data.html_url };
    }
    const { data } = await octokit.rest.issues.createComment({
        owner,
        repo,
        issue_number: target.issueNumber,
        body,
        request: { signal }
    });
    return { ok: true, action: 'created', commentId: data.id, url: data.html_url };
}
const defaultSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * Creates or edits the comment of `target.marker` on the pull request, so that it reads `body`.
 * `body` must begin with the marker (renderComment() writes it so). Never throws.
 */
async function upsertComment(target, body, options = {}) {
    const redact = options.redact ?? ((text) => text);
    if (!(0,_comment_model_js__WEBPACK_IMPORTED_MODULE_2__/* .isMarkedComment */ .q)(body, target.marker)) {
        // A body without the marker could never be found again: the next update would add a second one.
        return { ok: false, warning: 'The comment body does not begin with its marker; not written.' };
    }
    if (target.token.trim() === '') {
        return {
            ok: false,
            notice: `The comment on ${place(target)} was not written: no github-token.`
        };
    }
    const sleep = options.sleep ?? defaultSleep;
    const attempts = Math.max(1, options.attempts ?? 4);
    const baseDelayMs = options.baseDelayMs ?? 1000;
    const timeoutMs = options.attemptTimeoutMs ?? 30_000;
    let octokit;
    try {
        const { getOctokit } = await Promise.all(/* import() */[__nccwpck_require__.e(413), __nccwpck_require__.e(213)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2413));
        octokit = getOctokit(target.token, {
            baseUrl: target.apiUrl.replace(/\/+$/, ''),
            // The action's own fetch on node:http, which goes through the runner's proxy (net/proxy.ts):
            // @actions/github's default goes through undici, which the bundle leaves out
            // (src/stubs/undici.ts), so in dist/ it is no function at all.
            request: { fetch: (0,_net_http_fetch_js__WEBPACK_IMPORTED_MODULE_1__/* .createNodeFetch */ .l)({ idleTimeoutMs: timeoutMs }) }
        });
    }
    catch (error) {
        return {
            ok: false,
            warning: redact(`The comment was not written: ${failureOf(error).message}`)
        };
    }
    let failure = { message: 'no attempt made' };
    for (let attempt = 1; attempt <= attempts; attempt++) {
        try {
            return await upsertOnce(octokit, target, body, AbortSignal.timeout(timeoutMs));
        }
        catch (error) {
            failure = failureOf(error);
        }
        if (!isRetryableCommentError(failure) || attempt === attempts)
            break;
        await sleep(baseDelayMs * 3 ** (attempt - 1));
    }
    const described = describeCommentFailure(failure, target);
    return 'notice' in described
        ? { ok: false, notice: redact(described.notice) }
        : { ok: false, warning: redact(described.warning) };
}


/***/ }),

/***/ 9556:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Oe: () => (/* binding */ gitHubContextOf),
/* harmony export */   Vp: () => (/* binding */ runUrl),
/* harmony export */   m_: () => (/* reexport safe */ _lib_event_payload_js__WEBPACK_IMPORTED_MODULE_1__.m_)
/* harmony export */ });
/* unused harmony export parseGitHubContext */
/* harmony import */ var _lib_run_context_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8596);
/* harmony import */ var _lib_event_payload_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3928);
// What the pull-request comment needs to know about the workflow run: a view of the one run context
// (lib/run-context.ts), which action/context.ts reads from the environment and the event payload.


/**
 * What the comment needs of the run, from the one run context (lib/run-context.ts): the same
 * reading of the environment as every other part of the action.
 */
function gitHubContextOf(run) {
    const [owner, repo, ...rest] = (run.repository ?? '').split('/');
    const validRepository = owner && repo && rest.length === 0;
    return {
        ...(validRepository ? { owner, repo } : {}),
        eventName: run.eventName ?? '',
        pullRequestNumber: run.pullRequest,
        serverUrl: run.serverUrl ?? _lib_run_context_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_SERVER_URL */ .UM,
        apiUrl: run.apiUrl ?? _lib_run_context_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_API_URL */ .rK,
        runId: run.runId,
        runAttempt: run.runAttempt ?? '1',
        workflow: run.workflow ?? '',
        job: run.job ?? '',
        step: run.action ?? ''
    };
}
/** Parses the context from an environment and the text of the event payload (GITHUB_EVENT_PATH). */
function parseGitHubContext(env, eventJson) {
    return gitHubContextOf(runContextFrom(env, eventJson));
}
/** The link to this attempt of the run, or undefined when the run is not known. */
function runUrl(context) {
    if (!context.owner || !context.repo || !context.runId)
        return undefined;
    const parts = [context.owner, context.repo, 'actions', 'runs', context.runId, 'attempts'];
    return `${context.serverUrl}/${[...parts, context.runAttempt].map(encodeURIComponent).join('/')}`;
}


/***/ }),

/***/ 5566:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   CE: () => (/* binding */ formatRate),
/* harmony export */   SS: () => (/* binding */ codeSpan),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   tp: () => (/* binding */ table)
/* harmony export */ });
// Number formats and markdown escaping for the pull-request comment.
//
// Numbers are formatted by hand: toLocaleString loads ICU data, which costs start-up time in every
// step, and a comment needs only thousands separators. Every value that comes from the API, the
// results or the user goes into a code span: GitHub then renders it literally (no HTML, no links, no
// @mentions that would notify people, no #references).
/** 1234567 -> '1,234,567': the one number format of the action (see lib/format.ts). */

/** failed / total as a percentage: '0%', '<0.1%', '0.4%', '12.5%', '100%'. */
function formatRate(failed, total) {
    if (!(total > 0) || !(failed > 0))
        return '0%';
    const percent = (failed / total) * 100;
    if (percent < 0.1)
        return '<0.1%';
    // One decimal, without a trailing '.0'; never round a partial failure up to 100%.
    const rounded = Math.round(percent * 10) / 10;
    const shown = rounded >= 100 && failed < total ? 99.9 : rounded;
    return `${String(shown)}%`;
}
/** '42s', '3m 05s', '2h 03m': the one duration format of the action (see lib/format.ts). */

/** One line, at most `max` characters (an ellipsis marks the cut). */
function oneLine(text, max = Infinity) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > max ? `${flat.slice(0, Math.max(0, max - 1))}…` : flat;
}
/**
 * A code span holding `text` literally: the fence is longer than any run of backticks inside, and a
 * space pads text that starts or ends with a backtick. In a table cell a pipe must be escaped even
 * inside a code span (GFM splits cells before it parses inline code).
 */
function codeSpan(text, options = {}) {
    let content = oneLine(text, options.max);
    if (content === '')
        return '-';
    if (options.inTable)
        content = content.replace(/\|/g, '\\|');
    const longestRun = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longestRun + 1);
    const pad = content.startsWith('`') || content.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${content}${pad}${fence}`;
}
/** A markdown table; cells must already be escaped. */
function table(header, rows) {
    const line = (cells) => `| ${cells.join(' | ')} |`;
    return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}


/***/ }),

/***/ 9407:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7410);

await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 2881:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   O0: () => (/* binding */ jobCounts),
/* harmony export */   P: () => (/* binding */ inJobOrder),
/* harmony export */   WB: () => (/* binding */ jobStatus),
/* harmony export */   XJ: () => (/* binding */ batchBehindStatus)
/* harmony export */ });
/* unused harmony exports counted, decidingBatches */
/* harmony import */ var _batch_document_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2543);
// How a job of several batches stands, from the batches as last seen: pure, so the outputs, the
// summary and the outcome all read the same thing.

/** Worst first: the status a job takes when one of its batches ended so. */
const ENDED_RANK = ['failed', 'expired', 'cancelled', 'completed'];
/** The batches that count: every one but those sent again after a token-limit refusal. */
function counted(batches) {
    return batches.filter((entry) => !entry.replaced);
}
/** The batches that decide the job's status: the last round's, and any earlier one that failed outright. */
function decidingBatches(all) {
    const batches = counted(all);
    const last = Math.max(0, ...batches.map((entry) => entry.round));
    // A batch of an earlier round that expired or was cancelled had its unfinished requests sent
    // again in the next round; one that failed outright (its input refused) had none sent again.
    return batches.filter((entry) => entry.round === last || entry.batch.status === 'failed');
}
/**
 * The job's status: the status of its batch when it has one; otherwise running while any batch
 * runs, else the worst way a deciding batch ended (failed, expired, cancelled), else completed.
 */
function jobStatus(all) {
    const batches = counted(all);
    // Every batch so far was refused and is to be sent again: the job is still under way.
    if (batches.length === 0)
        return 'in_progress';
    if (batches.length === 1)
        return batches[0].batch.status;
    const running = batches.find((entry) => !(0,_batch_document_js__WEBPACK_IMPORTED_MODULE_0__/* .isTerminal */ .Hd)(entry.batch.status));
    if (running)
        return running.batch.status === 'cancelling' ? 'cancelling' : 'in_progress';
    const statuses = new Set(decidingBatches(batches).map((entry) => entry.batch.status));
    return ENDED_RANK.find((status) => statuses.has(status)) ?? 'completed';
}
/** The batch the job's status comes from: for messages that name a batch. */
function batchBehindStatus(batches) {
    const status = jobStatus(batches);
    return (decidingBatches(batches).find((entry) => entry.batch.status === status) ??
        batches.find((entry) => entry.batch.status === status) ??
        batches[0]);
}
/** Request counts over the job's round-0 batches (each request once), as the batch outputs give them. */
function jobCounts(batches) {
    const sum = { total: 0, completed: 0, failed: 0 };
    for (const entry of counted(batches)) {
        if (entry.round !== 0)
            continue;
        const counts = (0,_batch_document_js__WEBPACK_IMPORTED_MODULE_0__/* .requestCounts */ .q3)(entry.batch);
        sum.total += counts.total;
        sum.completed += counts.completed;
        sum.failed += counts.failed;
    }
    return sum;
}
/** The batches in part and round order: round 0's parts first, then each later round's. */
function inJobOrder(batches) {
    return [...batches].sort((a, b) => a.round - b.round || a.part - b.part);
}


/***/ }),

/***/ 7268:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ describeApiError)
/* harmony export */ });
/* unused harmony export keySourceName */
/* harmony import */ var openai_core_error__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7922);

function keySourceName(source) {
    if (source === 'input')
        return 'the api-key input';
    if (source)
        return `the ${source} environment variable`;
    return 'no key';
}
/** One readable sentence for any failure of an API call, never containing the key. */
function describeApiError(error, context) {
    const host = safeHost(context.baseUrl);
    if (error instanceof openai_core_error__WEBPACK_IMPORTED_MODULE_0__/* .APIError */ .LG && (error.status === 401 || error.status === 403)) {
        return (`${host} rejected the API key from ${keySourceName(context.keySource)} (HTTP ${error.status}: ${apiMessage(error)}). ` +
            'Check that the secret is set, current, and meant for this base-url');
    }
    if (error instanceof openai_core_error__WEBPACK_IMPORTED_MODULE_0__/* .APIConnectionTimeoutError */ .qA) {
        return `${host} did not answer in time; raise request-timeout if the provider is slow`;
    }
    if (error instanceof openai_core_error__WEBPACK_IMPORTED_MODULE_0__/* .APIConnectionError */ .xX) {
        const cause = error.cause;
        const detail = cause instanceof Error ? cause.message : error.message;
        return `could not reach ${host} (${detail}); check base-url and the runner's network`;
    }
    if (error instanceof openai_core_error__WEBPACK_IMPORTED_MODULE_0__/* .APIError */ .LG && error.status === 404 && looksLikeWrongBase(error, context)) {
        return (`${host} answered HTTP 404 (${apiMessage(error)}): base-url ${context.baseUrl} probably lacks its /v1, ` +
            `or names a different API. base-url is the root that /files and /batches are under, such as ${EXPECTED_BASE}`);
    }
    if (error instanceof openai_core_error__WEBPACK_IMPORTED_MODULE_0__/* .APIError */ .LG) {
        return `${host} answered HTTP ${error.status ?? '?'}: ${apiMessage(error)}`;
    }
    return error instanceof Error ? error.message : String(error);
}
const EXPECTED_BASE = 'https://api.studio.nebius.com/v1/ or https://api.openai.com/v1';
/** What servers answer for a path they do not serve, rather than for a batch or file they lack. */
const NO_SUCH_PATH = /invalid url|^not found$|no route|unknown (url|route|path|endpoint)|cannot (get|post)/i;
/**
 * A 404 that means the path is wrong, not the id: the base URL has no version segment, or the
 * answer is not an API error naming what is missing (an HTML page, "Invalid URL (POST /files)").
 */
function looksLikeWrongBase(error, context) {
    let pathname;
    try {
        pathname = new URL(context.baseUrl).pathname;
    }
    catch {
        return false;
    }
    // A version segment anywhere in the path: /v1, /openai/v1, /v1beta, /v10.
    if (!/\/v\d/i.test(pathname))
        return true;
    const body = error.error;
    if (!body || typeof body.message !== 'string' || body.message === '')
        return true;
    return NO_SUCH_PATH.test(body.message);
}
/**
 * The SDK's message without its status: "404 No such batch" is the body's message (or the body as
 * JSON, or "status code (no body)") after the status, which the sentence around it names.
 */
function apiMessage(error) {
    return error.message.replace(/^\d{3}\s*/, '') || 'no message';
}
function safeHost(baseUrl) {
    try {
        return new URL(baseUrl).host;
    }
    catch {
        return 'the API';
    }
}


/***/ }),

/***/ 3928:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Bn: () => (/* binding */ pullRequestNumberOf),
/* harmony export */   JG: () => (/* binding */ namesPullRequest),
/* harmony export */   m_: () => (/* binding */ PULL_REQUEST_EVENTS)
/* harmony export */ });
// The event payload (the JSON file at GITHUB_EVENT_PATH): only what the action reads of it.
/** Events whose payload is a pull request; `comment: auto` comments on these only. */
const PULL_REQUEST_EVENTS = new Set([
    'pull_request',
    'pull_request_target'
]);
/** Events whose payload may name a pull request, and so is worth reading. */
function namesPullRequest(eventName) {
    // pull_request and pull_request_target among them.
    return (eventName !== undefined &&
        (eventName.startsWith('pull_request') || eventName === 'issue_comment'));
}
function positiveInteger(raw) {
    return typeof raw === 'number' && Number.isSafeInteger(raw) && raw > 0 ? raw : undefined;
}
function record(raw) {
    return typeof raw === 'object' && raw !== null ? raw : undefined;
}
/**
 * The pull request number in an event payload: `pull_request.number` (pull_request, pull_request_target,
 * pull_request_review, ...), or `issue.number` when the issue is a pull request (issue_comment on one).
 * A payload that is not JSON yields undefined: the comment is an extra, never a reason to fail the step.
 */
function pullRequestNumberOf(eventJson) {
    if (!eventJson)
        return undefined;
    let payload;
    try {
        payload = JSON.parse(eventJson);
    }
    catch {
        return undefined;
    }
    const event = record(payload);
    const pullRequest = positiveInteger(record(event?.pull_request)?.number);
    if (pullRequest !== undefined)
        return pullRequest;
    const issue = record(event?.issue);
    return issue && record(issue.pull_request) ? positiveInteger(issue.number) : undefined;
}


/***/ }),

/***/ 4163:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ parseFailureLimit),
/* harmony export */   v: () => (/* binding */ exceedsFailureLimit)
/* harmony export */ });
// The max-failed-requests limit: how many failed requests a batch may have and still succeed.
/** Parses max-failed-requests: '' (no limit), '5' (requests), '5%' or '0.5%' (of all requests). */
function parseFailureLimit(text) {
    const trimmed = text.trim();
    if (trimmed === '')
        return { kind: 'none' };
    const count = /^\d+$/.exec(trimmed);
    if (count) {
        const value = Number(trimmed);
        if (Number.isSafeInteger(value))
            return { kind: 'count', value };
    }
    const percent = /^(\d+(?:\.\d+)?|\.\d+)\s*%$/.exec(trimmed);
    if (percent?.[1] !== undefined) {
        const value = Number(percent[1]);
        if (Number.isFinite(value) && value <= 100)
            return { kind: 'percent', value };
    }
    throw new Error(`max-failed-requests must be a number or a percentage such as 5%, got ${JSON.stringify(text)}`);
}
/** True when more requests failed than the limit allows. */
function exceedsFailureLimit(limit, failed, total) {
    switch (limit.kind) {
        case 'none':
            return false;
        case 'count':
            return failed > limit.value;
        case 'percent': {
            if (total <= 0)
                return false;
            // failed / total > value / 100, without the rounding of a division (e.g. 0.7% of 10,000 is 70).
            const allowed = Math.round(limit.value * total * 1e6) / 1e6;
            return failed * 100 > allowed;
        }
    }
}


/***/ }),

/***/ 432:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ey: () => (/* binding */ formatTimestamp),
/* harmony export */   Yb: () => (/* binding */ unixSeconds),
/* harmony export */   ZV: () => (/* binding */ formatNumber),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   l9: () => (/* binding */ formatPercent),
/* harmony export */   z3: () => (/* binding */ formatBytes)
/* harmony export */ });
// How the action writes numbers for people: byte sizes, durations, timestamps and counts.
const DISPLAY_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
/** Formats a byte count with decimal SI units and at most one decimal: '512 B', '200 MB', '1.5 GB'. */
function formatBytes(n) {
    if (!Number.isFinite(n))
        return `${n} B`;
    if (n < 0)
        return `-${formatBytes(-n)}`;
    if (n < 1000)
        return `${Math.round(n)} B`;
    let unit = 0;
    let value = n;
    while (unit < DISPLAY_UNITS.length - 1 && Math.round(value * 10) / 10 >= 1000) {
        value /= 1000;
        unit++;
    }
    const rounded = Math.round(value * 10) / 10;
    return `${Number.isInteger(rounded) ? rounded.toFixed(0) : rounded.toFixed(1)} ${DISPLAY_UNITS[unit]}`;
}
/** '42s', '3m 05s', '2h 03m'. */
function formatDuration(seconds) {
    const total = Number.isFinite(seconds) ? Math.max(0, Math.round(seconds)) : 0;
    if (total < 60)
        return `${total}s`;
    if (total < 3600)
        return `${Math.floor(total / 60)}m ${String(total % 60).padStart(2, '0')}s`;
    return `${Math.floor(total / 3600)}h ${String(Math.floor((total % 3600) / 60)).padStart(2, '0')}m`;
}
/** A finite, positive unix timestamp, or undefined (absent, null, 0 from some providers). */
function unixSeconds(value) {
    return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}
/** A unix timestamp in seconds as ISO 8601 (`2023-11-14T22:13:20.000Z`); undefined when absent or invalid. */
function formatTimestamp(value) {
    const seconds = unixSeconds(value);
    if (seconds === undefined)
        return undefined;
    const date = new Date(seconds * 1000);
    return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
/**
 * '12,345', '-1,234.5'; a non-finite number as JavaScript writes it. Written by hand: toLocaleString
 * loads ICU's locale data on first use, which costs the action about 19 ms at start-up.
 */
function formatNumber(value) {
    if (!Number.isFinite(value))
        return String(value);
    const sign = value < 0 ? '-' : '';
    const [whole = '0', fraction] = String(Math.abs(value)).split('.');
    if (whole.includes('e'))
        return String(value);
    const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
    return `${sign}${grouped}${fraction !== undefined ? `.${fraction}` : ''}`;
}
/** A share as a percentage for people: '0.4%', '12%', '<0.1%' for a small non-zero share. */
function formatPercent(part, whole) {
    if (!(whole > 0) || !Number.isFinite(part))
        return '-';
    const percent = (part / whole) * 100;
    if (percent > 0 && percent < 0.1)
        return '<0.1%';
    const rounded = percent >= 10 ? Math.round(percent) : Math.round(percent * 10) / 10;
    return `${rounded}%`;
}


/***/ }),

/***/ 7452:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ isLoopbackHost)
/* harmony export */ });
/** A host on the runner itself (a URL's `hostname`: IPv6 in brackets). */
function isLoopbackHost(hostname) {
    return /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i.test(hostname);
}


/***/ }),

/***/ 2104:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ kindOf),
/* harmony export */   u: () => (/* binding */ isRecord)
/* harmony export */ });
// What a parsed JSON value is, for the readers that accept only some shapes and for messages that
// say what was found instead. Without zod: the batch answer and the inputs use it at start-up.
/** A JSON object: not null, not an array. */
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** The kind of a value in a message: `found an array`, `got null`. */
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


/***/ }),

/***/ 6225:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ parseDuration),
/* harmony export */   Y: () => (/* binding */ formatDurationInput)
/* harmony export */ });
const UNIT_SECONDS = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 };
const DURATION = /^(?:(\d+(?:\.\d+)?)(ms|s|m|h|d))+$/;
/**
 * Parses a duration such as `90s`, `45m`, `5h30m` or `1h 5m` into milliseconds. A bare number
 * is refused: `wait-timeout: 10` could mean seconds or minutes, and a wrong guess can turn a
 * nightly job green with no results.
 */
function parseDuration(text) {
    const compact = text.trim().toLowerCase().replace(/\s+/g, '');
    if (/^\d+(?:\.\d+)?$/.test(compact)) {
        throw new Error(`"${text.trim()}" has no unit; add a unit: ${compact}s, ${compact}m, ${compact}h`);
    }
    if (!DURATION.test(compact)) {
        throw new Error(`"${text}" is not a duration: use units such as 90s, 45m, 5h30m`);
    }
    let seconds = 0;
    for (const [, amount, unit] of compact.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)) {
        seconds += Number(amount) * (UNIT_SECONDS[unit] ?? 0);
    }
    return Math.round(seconds * 1000);
}
/** A duration as the inputs write it: `90s`, `45m`, `5h30m`, `2d`, `250ms`. */
function formatDurationInput(ms) {
    const units = [
        ['d', 86_400_000],
        ['h', 3_600_000],
        ['m', 60_000],
        ['s', 1000]
    ];
    if (ms < 1000)
        return `${ms}ms`;
    let rest = ms;
    let text = '';
    for (const [unit, size] of units) {
        const amount = Math.floor(rest / size);
        if (amount > 0)
            text += `${amount}${unit}`;
        rest -= amount * size;
    }
    return rest > 0 ? `${text}${rest}ms` : text;
}


/***/ }),

/***/ 9927:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ relativeInside),
/* harmony export */   L: () => (/* binding */ resolveInside)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/**
 * Resolves a path input against the workspace and refuses one that leads outside it (or the
 * runner's temp dir), by `..` or through a symlink, so an input cannot read or write elsewhere.
 */
async function resolveInside(input, inputName, roots) {
    const absolute = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(roots.workspace, input);
    const real = await realpathOfNearest(absolute);
    const allowed = await Promise.all([roots.workspace, roots.temp]
        .filter((root) => !!root)
        .map((root) => realpathOfNearest(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(root))));
    if (!allowed.some((root) => isWithin(real, root))) {
        throw new Error(`${inputName}: "${input}" leads to ${real}, outside the workspace (${allowed[0]}); ` +
            'use a path inside the workspace (or the runner temp dir)');
    }
    return absolute;
}
/**
 * `child` relative to `parent` ('' for `parent` itself), or undefined when it lies outside it.
 * Both are absolute. '..' counts as a whole first segment only: '..data.jsonl' is a file inside.
 */
function relativeInside(parent, child) {
    const relative = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(parent, child);
    const up = relative === '..' || relative.startsWith(`..${(node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)}`);
    return up || node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(relative) ? undefined : relative;
}
function isWithin(child, parent) {
    return relativeInside(parent, child) !== undefined;
}
/** realpath of the path, or of its nearest existing ancestor joined with the rest. */
async function realpathOfNearest(absolute) {
    let current = absolute;
    const rest = [];
    for (;;) {
        try {
            return node_path__WEBPACK_IMPORTED_MODULE_1___default().join(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(current), ...rest.reverse());
        }
        catch (error) {
            if (error.code !== 'ENOENT')
                throw error;
            const parent = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(current);
            if (parent === current)
                return absolute;
            rest.push(node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(current));
            current = parent;
        }
    }
}


/***/ }),

/***/ 310:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ redact)
/* harmony export */ });
/** Replaces every secret in `text`; secrets shorter than 4 characters would mask too much to be useful. */
function redact(text, secrets) {
    let out = text;
    for (const secret of secrets) {
        if (secret.length >= 4)
            out = out.split(secret).join('***');
    }
    return out;
}


/***/ }),

/***/ 8596:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B_: () => (/* binding */ runContextFrom),
/* harmony export */   UM: () => (/* binding */ DEFAULT_SERVER_URL),
/* harmony export */   rK: () => (/* binding */ DEFAULT_API_URL)
/* harmony export */ });
/* harmony import */ var _event_payload_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3928);

const DEFAULT_SERVER_URL = 'https://github.com';
const DEFAULT_API_URL = 'https://api.github.com';
/** A variable's value, trimmed; undefined when it is unset or blank. */
function value(env, name) {
    const text = env[name]?.trim();
    return text ? text : undefined;
}
/** A URL without trailing slashes, so paths can be appended with '/'. */
function baseUrl(env, name, fallback) {
    return (value(env, name) ?? fallback).replace(/\/+$/, '');
}
/**
 * The run context from the runner's variables and the text of the event payload, when it was
 * read (action/context.ts does the reading). Pure, so every reader of the context sees the same.
 */
function runContextFrom(env, eventJson, cwd = '.') {
    return {
        inActions: env.GITHUB_ACTIONS === 'true',
        repository: value(env, 'GITHUB_REPOSITORY'),
        runId: value(env, 'GITHUB_RUN_ID'),
        runAttempt: value(env, 'GITHUB_RUN_ATTEMPT'),
        workflow: value(env, 'GITHUB_WORKFLOW'),
        job: value(env, 'GITHUB_JOB'),
        action: value(env, 'GITHUB_ACTION'),
        sha: value(env, 'GITHUB_SHA'),
        ref: value(env, 'GITHUB_REF'),
        eventName: value(env, 'GITHUB_EVENT_NAME'),
        pullRequest: (0,_event_payload_js__WEBPACK_IMPORTED_MODULE_0__/* .pullRequestNumberOf */ .Bn)(eventJson),
        workspace: value(env, 'GITHUB_WORKSPACE') ?? cwd,
        temp: value(env, 'RUNNER_TEMP'),
        serverUrl: baseUrl(env, 'GITHUB_SERVER_URL', DEFAULT_SERVER_URL),
        apiUrl: baseUrl(env, 'GITHUB_API_URL', DEFAULT_API_URL)
    };
}


/***/ }),

/***/ 7410:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

// UNUSED EXPORTS: runnerDeps

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: ./src/lib/event-payload.ts
var event_payload = __nccwpck_require__(3928);
// EXTERNAL MODULE: ./src/lib/run-context.ts
var run_context = __nccwpck_require__(8596);
;// CONCATENATED MODULE: ./src/action/context.ts



/**
 * Reads the run context once, from the variables the runner sets for every step and, on events
 * that can name a pull request, the event payload (the only file read here).
 */
function readRunContext(env = process.env) {
    const eventJson = (0,event_payload/* namesPullRequest */.JG)(env.GITHUB_EVENT_NAME)
        ? readEvent(env.GITHUB_EVENT_PATH)
        : undefined;
    return (0,run_context/* runContextFrom */.B_)(env, eventJson, process.cwd());
}
/** The payload's text; undefined when it cannot be read (the context then names no pull request). */
function readEvent(eventPath) {
    if (!eventPath)
        return undefined;
    try {
        return (0,external_node_fs_.readFileSync)(eventPath, 'utf8');
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: external "os"
var external_os_ = __nccwpck_require__(857);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/utils.js
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function utils_toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/command.js


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function command_issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + external_os_.EOL);
}
function command_issue(name, message = '') {
    command_issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map
;// CONCATENATED MODULE: external "crypto"
const external_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");
// EXTERNAL MODULE: external "fs"
var external_fs_ = __nccwpck_require__(9896);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/file-command.js
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function file_command_issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!external_fs_.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    external_fs_.appendFileSync(filePath, `${utils_toCommandValue(message)}${external_os_.EOL}`, {
        encoding: 'utf8'
    });
}
function file_command_prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${external_crypto_namespaceObject.randomUUID()}`;
    const convertedValue = utils_toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${external_os_.EOL}${convertedValue}${external_os_.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map
;// CONCATENATED MODULE: external "path"
const external_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");
// EXTERNAL MODULE: external "http"
var external_http_ = __nccwpck_require__(8611);
// EXTERNAL MODULE: external "https"
var external_https_ = __nccwpck_require__(5692);
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/proxy.js
function getProxyUrl(reqUrl) {
    const usingSsl = reqUrl.protocol === 'https:';
    if (checkBypass(reqUrl)) {
        return undefined;
    }
    const proxyVar = (() => {
        if (usingSsl) {
            return process.env['https_proxy'] || process.env['HTTPS_PROXY'];
        }
        else {
            return process.env['http_proxy'] || process.env['HTTP_PROXY'];
        }
    })();
    if (proxyVar) {
        try {
            return new DecodedURL(proxyVar);
        }
        catch (_a) {
            if (!proxyVar.startsWith('http://') && !proxyVar.startsWith('https://'))
                return new DecodedURL(`http://${proxyVar}`);
        }
    }
    else {
        return undefined;
    }
}
function checkBypass(reqUrl) {
    if (!reqUrl.hostname) {
        return false;
    }
    const reqHost = reqUrl.hostname;
    if (isLoopbackAddress(reqHost)) {
        return true;
    }
    const noProxy = process.env['no_proxy'] || process.env['NO_PROXY'] || '';
    if (!noProxy) {
        return false;
    }
    // Determine the request port
    let reqPort;
    if (reqUrl.port) {
        reqPort = Number(reqUrl.port);
    }
    else if (reqUrl.protocol === 'http:') {
        reqPort = 80;
    }
    else if (reqUrl.protocol === 'https:') {
        reqPort = 443;
    }
    // Format the request hostname and hostname with port
    const upperReqHosts = [reqUrl.hostname.toUpperCase()];
    if (typeof reqPort === 'number') {
        upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
    }
    // Compare request host against noproxy
    for (const upperNoProxyItem of noProxy
        .split(',')
        .map(x => x.trim().toUpperCase())
        .filter(x => x)) {
        if (upperNoProxyItem === '*' ||
            upperReqHosts.some(x => x === upperNoProxyItem ||
                x.endsWith(`.${upperNoProxyItem}`) ||
                (upperNoProxyItem.startsWith('.') &&
                    x.endsWith(`${upperNoProxyItem}`)))) {
            return true;
        }
    }
    return false;
}
function isLoopbackAddress(host) {
    const hostLower = host.toLowerCase();
    return (hostLower === 'localhost' ||
        hostLower.startsWith('127.') ||
        hostLower.startsWith('[::1]') ||
        hostLower.startsWith('[0:0:0:0:0:0:0:1]'));
}
class DecodedURL extends URL {
    constructor(url, base) {
        super(url, base);
        this._decodedUsername = decodeURIComponent(super.username);
        this._decodedPassword = decodeURIComponent(super.password);
    }
    get username() {
        return this._decodedUsername;
    }
    get password() {
        return this._decodedPassword;
    }
}
//# sourceMappingURL=proxy.js.map
// EXTERNAL MODULE: ./node_modules/tunnel/index.js
var node_modules_tunnel = __nccwpck_require__(770);
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/index.js
/* eslint-disable @typescript-eslint/no-explicit-any */
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};





var HttpCodes;
(function (HttpCodes) {
    HttpCodes[HttpCodes["OK"] = 200] = "OK";
    HttpCodes[HttpCodes["MultipleChoices"] = 300] = "MultipleChoices";
    HttpCodes[HttpCodes["MovedPermanently"] = 301] = "MovedPermanently";
    HttpCodes[HttpCodes["ResourceMoved"] = 302] = "ResourceMoved";
    HttpCodes[HttpCodes["SeeOther"] = 303] = "SeeOther";
    HttpCodes[HttpCodes["NotModified"] = 304] = "NotModified";
    HttpCodes[HttpCodes["UseProxy"] = 305] = "UseProxy";
    HttpCodes[HttpCodes["SwitchProxy"] = 306] = "SwitchProxy";
    HttpCodes[HttpCodes["TemporaryRedirect"] = 307] = "TemporaryRedirect";
    HttpCodes[HttpCodes["PermanentRedirect"] = 308] = "PermanentRedirect";
    HttpCodes[HttpCodes["BadRequest"] = 400] = "BadRequest";
    HttpCodes[HttpCodes["Unauthorized"] = 401] = "Unauthorized";
    HttpCodes[HttpCodes["PaymentRequired"] = 402] = "PaymentRequired";
    HttpCodes[HttpCodes["Forbidden"] = 403] = "Forbidden";
    HttpCodes[HttpCodes["NotFound"] = 404] = "NotFound";
    HttpCodes[HttpCodes["MethodNotAllowed"] = 405] = "MethodNotAllowed";
    HttpCodes[HttpCodes["NotAcceptable"] = 406] = "NotAcceptable";
    HttpCodes[HttpCodes["ProxyAuthenticationRequired"] = 407] = "ProxyAuthenticationRequired";
    HttpCodes[HttpCodes["RequestTimeout"] = 408] = "RequestTimeout";
    HttpCodes[HttpCodes["Conflict"] = 409] = "Conflict";
    HttpCodes[HttpCodes["Gone"] = 410] = "Gone";
    HttpCodes[HttpCodes["TooManyRequests"] = 429] = "TooManyRequests";
    HttpCodes[HttpCodes["InternalServerError"] = 500] = "InternalServerError";
    HttpCodes[HttpCodes["NotImplemented"] = 501] = "NotImplemented";
    HttpCodes[HttpCodes["BadGateway"] = 502] = "BadGateway";
    HttpCodes[HttpCodes["ServiceUnavailable"] = 503] = "ServiceUnavailable";
    HttpCodes[HttpCodes["GatewayTimeout"] = 504] = "GatewayTimeout";
})(HttpCodes || (HttpCodes = {}));
var Headers;
(function (Headers) {
    Headers["Accept"] = "accept";
    Headers["ContentType"] = "content-type";
})(Headers || (Headers = {}));
var MediaTypes;
(function (MediaTypes) {
    MediaTypes["ApplicationJson"] = "application/json";
})(MediaTypes || (MediaTypes = {}));
/**
 * Returns the proxy URL, depending upon the supplied url and proxy environment variables.
 * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
 */
function lib_getProxyUrl(serverUrl) {
    const proxyUrl = pm.getProxyUrl(new URL(serverUrl));
    return proxyUrl ? proxyUrl.href : '';
}
const HttpRedirectCodes = [
    HttpCodes.MovedPermanently,
    HttpCodes.ResourceMoved,
    HttpCodes.SeeOther,
    HttpCodes.TemporaryRedirect,
    HttpCodes.PermanentRedirect
];
const HttpResponseRetryCodes = [
    HttpCodes.BadGateway,
    HttpCodes.ServiceUnavailable,
    HttpCodes.GatewayTimeout
];
const RetryableHttpVerbs = (/* unused pure expression or super */ null && (['OPTIONS', 'GET', 'DELETE', 'HEAD']));
const ExponentialBackoffCeiling = 10;
const ExponentialBackoffTimeSlice = 5;
class HttpClientError extends Error {
    constructor(message, statusCode) {
        super(message);
        this.name = 'HttpClientError';
        this.statusCode = statusCode;
        Object.setPrototypeOf(this, HttpClientError.prototype);
    }
}
class HttpClientResponse {
    constructor(message) {
        this.message = message;
    }
    readBody() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                let output = Buffer.alloc(0);
                this.message.on('data', (chunk) => {
                    output = Buffer.concat([output, chunk]);
                });
                this.message.on('end', () => {
                    resolve(output.toString());
                });
            }));
        });
    }
    readBodyBuffer() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                const chunks = [];
                this.message.on('data', (chunk) => {
                    chunks.push(chunk);
                });
                this.message.on('end', () => {
                    resolve(Buffer.concat(chunks));
                });
            }));
        });
    }
}
function isHttps(requestUrl) {
    const parsedUrl = new URL(requestUrl);
    return parsedUrl.protocol === 'https:';
}
class lib_HttpClient {
    constructor(userAgent, handlers, requestOptions) {
        this._ignoreSslError = false;
        this._allowRedirects = true;
        this._allowRedirectDowngrade = false;
        this._maxRedirects = 50;
        this._allowRetries = false;
        this._maxRetries = 1;
        this._keepAlive = false;
        this._disposed = false;
        this.userAgent = this._getUserAgentWithOrchestrationId(userAgent);
        this.handlers = handlers || [];
        this.requestOptions = requestOptions;
        if (requestOptions) {
            if (requestOptions.ignoreSslError != null) {
                this._ignoreSslError = requestOptions.ignoreSslError;
            }
            this._socketTimeout = requestOptions.socketTimeout;
            if (requestOptions.allowRedirects != null) {
                this._allowRedirects = requestOptions.allowRedirects;
            }
            if (requestOptions.allowRedirectDowngrade != null) {
                this._allowRedirectDowngrade = requestOptions.allowRedirectDowngrade;
            }
            if (requestOptions.maxRedirects != null) {
                this._maxRedirects = Math.max(requestOptions.maxRedirects, 0);
            }
            if (requestOptions.keepAlive != null) {
                this._keepAlive = requestOptions.keepAlive;
            }
            if (requestOptions.allowRetries != null) {
                this._allowRetries = requestOptions.allowRetries;
            }
            if (requestOptions.maxRetries != null) {
                this._maxRetries = requestOptions.maxRetries;
            }
        }
    }
    options(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('OPTIONS', requestUrl, null, additionalHeaders || {});
        });
    }
    get(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('GET', requestUrl, null, additionalHeaders || {});
        });
    }
    del(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('DELETE', requestUrl, null, additionalHeaders || {});
        });
    }
    post(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('POST', requestUrl, data, additionalHeaders || {});
        });
    }
    patch(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PATCH', requestUrl, data, additionalHeaders || {});
        });
    }
    put(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PUT', requestUrl, data, additionalHeaders || {});
        });
    }
    head(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('HEAD', requestUrl, null, additionalHeaders || {});
        });
    }
    sendStream(verb, requestUrl, stream, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request(verb, requestUrl, stream, additionalHeaders);
        });
    }
    /**
     * Gets a typed object from an endpoint
     * Be aware that not found returns a null.  Other errors (4xx, 5xx) reject the promise
     */
    getJson(requestUrl_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, additionalHeaders = {}) {
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            const res = yield this.get(requestUrl, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    postJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.post(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    putJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.put(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    patchJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.patch(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    /**
     * Makes a raw http request.
     * All other methods such as get, post, patch, and request ultimately call this.
     * Prefer get, del, post and patch
     */
    request(verb, requestUrl, data, headers) {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._disposed) {
                throw new Error('Client has already been disposed.');
            }
            const parsedUrl = new URL(requestUrl);
            let info = this._prepareRequest(verb, parsedUrl, headers);
            // Only perform retries on reads since writes may not be idempotent.
            const maxTries = this._allowRetries && RetryableHttpVerbs.includes(verb)
                ? this._maxRetries + 1
                : 1;
            let numTries = 0;
            let response;
            do {
                response = yield this.requestRaw(info, data);
                // Check if it's an authentication challenge
                if (response &&
                    response.message &&
                    response.message.statusCode === HttpCodes.Unauthorized) {
                    let authenticationHandler;
                    for (const handler of this.handlers) {
                        if (handler.canHandleAuthentication(response)) {
                            authenticationHandler = handler;
                            break;
                        }
                    }
                    if (authenticationHandler) {
                        return authenticationHandler.handleAuthentication(this, info, data);
                    }
                    else {
                        // We have received an unauthorized response but have no handlers to handle it.
                        // Let the response return to the caller.
                        return response;
                    }
                }
                let redirectsRemaining = this._maxRedirects;
                while (response.message.statusCode &&
                    HttpRedirectCodes.includes(response.message.statusCode) &&
                    this._allowRedirects &&
                    redirectsRemaining > 0) {
                    const redirectUrl = response.message.headers['location'];
                    if (!redirectUrl) {
                        // if there's no location to redirect to, we won't
                        break;
                    }
                    const parsedRedirectUrl = new URL(redirectUrl);
                    if (parsedUrl.protocol === 'https:' &&
                        parsedUrl.protocol !== parsedRedirectUrl.protocol &&
                        !this._allowRedirectDowngrade) {
                        throw new Error('Redirect from HTTPS to HTTP protocol. This downgrade is not allowed for security reasons. If you want to allow this behavior, set the allowRedirectDowngrade option to true.');
                    }
                    // we need to finish reading the response before reassigning response
                    // which will leak the open socket.
                    yield response.readBody();
                    // strip authorization header if redirected to a different hostname
                    if (parsedRedirectUrl.hostname !== parsedUrl.hostname) {
                        for (const header in headers) {
                            // header names are case insensitive
                            if (header.toLowerCase() === 'authorization') {
                                delete headers[header];
                            }
                        }
                    }
                    // let's make the request with the new redirectUrl
                    info = this._prepareRequest(verb, parsedRedirectUrl, headers);
                    response = yield this.requestRaw(info, data);
                    redirectsRemaining--;
                }
                if (!response.message.statusCode ||
                    !HttpResponseRetryCodes.includes(response.message.statusCode)) {
                    // If not a retry code, return immediately instead of retrying
                    return response;
                }
                numTries += 1;
                if (numTries < maxTries) {
                    yield response.readBody();
                    yield this._performExponentialBackoff(numTries);
                }
            } while (numTries < maxTries);
            return response;
        });
    }
    /**
     * Needs to be called if keepAlive is set to true in request options.
     */
    dispose() {
        if (this._agent) {
            this._agent.destroy();
        }
        this._disposed = true;
    }
    /**
     * Raw request.
     * @param info
     * @param data
     */
    requestRaw(info, data) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => {
                function callbackForResult(err, res) {
                    if (err) {
                        reject(err);
                    }
                    else if (!res) {
                        // If `err` is not passed, then `res` must be passed.
                        reject(new Error('Unknown error'));
                    }
                    else {
                        resolve(res);
                    }
                }
                this.requestRawWithCallback(info, data, callbackForResult);
            });
        });
    }
    /**
     * Raw request with callback.
     * @param info
     * @param data
     * @param onResult
     */
    requestRawWithCallback(info, data, onResult) {
        if (typeof data === 'string') {
            if (!info.options.headers) {
                info.options.headers = {};
            }
            info.options.headers['Content-Length'] = Buffer.byteLength(data, 'utf8');
        }
        let callbackCalled = false;
        function handleResult(err, res) {
            if (!callbackCalled) {
                callbackCalled = true;
                onResult(err, res);
            }
        }
        const req = info.httpModule.request(info.options, (msg) => {
            const res = new HttpClientResponse(msg);
            handleResult(undefined, res);
        });
        let socket;
        req.on('socket', sock => {
            socket = sock;
        });
        // If we ever get disconnected, we want the socket to timeout eventually
        req.setTimeout(this._socketTimeout || 3 * 60000, () => {
            if (socket) {
                socket.end();
            }
            handleResult(new Error(`Request timeout: ${info.options.path}`));
        });
        req.on('error', function (err) {
            // err has statusCode property
            // res should have headers
            handleResult(err);
        });
        if (data && typeof data === 'string') {
            req.write(data, 'utf8');
        }
        if (data && typeof data !== 'string') {
            data.on('close', function () {
                req.end();
            });
            data.pipe(req);
        }
        else {
            req.end();
        }
    }
    /**
     * Gets an http agent. This function is useful when you need an http agent that handles
     * routing through a proxy server - depending upon the url and proxy environment variables.
     * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
     */
    getAgent(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        return this._getAgent(parsedUrl);
    }
    getAgentDispatcher(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        const proxyUrl = pm.getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (!useProxy) {
            return;
        }
        return this._getProxyAgentDispatcher(parsedUrl, proxyUrl);
    }
    _prepareRequest(method, requestUrl, headers) {
        const info = {};
        info.parsedUrl = requestUrl;
        const usingSsl = info.parsedUrl.protocol === 'https:';
        info.httpModule = usingSsl ? https : http;
        const defaultPort = usingSsl ? 443 : 80;
        info.options = {};
        info.options.host = info.parsedUrl.hostname;
        info.options.port = info.parsedUrl.port
            ? parseInt(info.parsedUrl.port)
            : defaultPort;
        info.options.path =
            (info.parsedUrl.pathname || '') + (info.parsedUrl.search || '');
        info.options.method = method;
        info.options.headers = this._mergeHeaders(headers);
        if (this.userAgent != null) {
            info.options.headers['user-agent'] = this.userAgent;
        }
        info.options.agent = this._getAgent(info.parsedUrl);
        // gives handlers an opportunity to participate
        if (this.handlers) {
            for (const handler of this.handlers) {
                handler.prepareRequest(info.options);
            }
        }
        return info;
    }
    _mergeHeaders(headers) {
        if (this.requestOptions && this.requestOptions.headers) {
            return Object.assign({}, lowercaseKeys(this.requestOptions.headers), lowercaseKeys(headers || {}));
        }
        return lowercaseKeys(headers || {});
    }
    /**
     * Gets an existing header value or returns a default.
     * Handles converting number header values to strings since HTTP headers must be strings.
     * Note: This returns string | string[] since some headers can have multiple values.
     * For headers that must always be a single string (like Content-Type), use the
     * specialized _getExistingOrDefaultContentTypeHeader method instead.
     */
    _getExistingOrDefaultHeader(additionalHeaders, header, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[header];
            if (headerValue) {
                clientHeader =
                    typeof headerValue === 'number' ? headerValue.toString() : headerValue;
            }
        }
        const additionalValue = additionalHeaders[header];
        if (additionalValue !== undefined) {
            return typeof additionalValue === 'number'
                ? additionalValue.toString()
                : additionalValue;
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    /**
     * Specialized version of _getExistingOrDefaultHeader for Content-Type header.
     * Always returns a single string (not an array) since Content-Type should be a single value.
     * Converts arrays to comma-separated strings and numbers to strings to ensure type safety.
     * This was split from _getExistingOrDefaultHeader to provide stricter typing for callers
     * that assign the result to places expecting a string (e.g., additionalHeaders[Headers.ContentType]).
     */
    _getExistingOrDefaultContentTypeHeader(additionalHeaders, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[Headers.ContentType];
            if (headerValue) {
                if (typeof headerValue === 'number') {
                    clientHeader = String(headerValue);
                }
                else if (Array.isArray(headerValue)) {
                    clientHeader = headerValue.join(', ');
                }
                else {
                    clientHeader = headerValue;
                }
            }
        }
        const additionalValue = additionalHeaders[Headers.ContentType];
        // Return the first non-undefined value, converting numbers or arrays to strings if necessary
        if (additionalValue !== undefined) {
            if (typeof additionalValue === 'number') {
                return String(additionalValue);
            }
            else if (Array.isArray(additionalValue)) {
                return additionalValue.join(', ');
            }
            else {
                return additionalValue;
            }
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    _getAgent(parsedUrl) {
        let agent;
        const proxyUrl = pm.getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (this._keepAlive && useProxy) {
            agent = this._proxyAgent;
        }
        if (!useProxy) {
            agent = this._agent;
        }
        // if agent is already assigned use that agent.
        if (agent) {
            return agent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        let maxSockets = 100;
        if (this.requestOptions) {
            maxSockets = this.requestOptions.maxSockets || http.globalAgent.maxSockets;
        }
        // This is `useProxy` again, but we need to check `proxyURl` directly for TypeScripts's flow analysis.
        if (proxyUrl && proxyUrl.hostname) {
            const agentOptions = {
                maxSockets,
                keepAlive: this._keepAlive,
                proxy: Object.assign(Object.assign({}, ((proxyUrl.username || proxyUrl.password) && {
                    proxyAuth: `${proxyUrl.username}:${proxyUrl.password}`
                })), { host: proxyUrl.hostname, port: proxyUrl.port })
            };
            let tunnelAgent;
            const overHttps = proxyUrl.protocol === 'https:';
            if (usingSsl) {
                tunnelAgent = overHttps ? tunnel.httpsOverHttps : tunnel.httpsOverHttp;
            }
            else {
                tunnelAgent = overHttps ? tunnel.httpOverHttps : tunnel.httpOverHttp;
            }
            agent = tunnelAgent(agentOptions);
            this._proxyAgent = agent;
        }
        // if tunneling agent isn't assigned create a new agent
        if (!agent) {
            const options = { keepAlive: this._keepAlive, maxSockets };
            agent = usingSsl ? new https.Agent(options) : new http.Agent(options);
            this._agent = agent;
        }
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            agent.options = Object.assign(agent.options || {}, {
                rejectUnauthorized: false
            });
        }
        return agent;
    }
    _getProxyAgentDispatcher(parsedUrl, proxyUrl) {
        let proxyAgent;
        if (this._keepAlive) {
            proxyAgent = this._proxyAgentDispatcher;
        }
        // if agent is already assigned use that agent.
        if (proxyAgent) {
            return proxyAgent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        proxyAgent = new ProxyAgent(Object.assign({ uri: proxyUrl.href, pipelining: !this._keepAlive ? 0 : 1 }, ((proxyUrl.username || proxyUrl.password) && {
            token: `Basic ${Buffer.from(`${proxyUrl.username}:${proxyUrl.password}`).toString('base64')}`
        })));
        this._proxyAgentDispatcher = proxyAgent;
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            proxyAgent.options = Object.assign(proxyAgent.options.requestTls || {}, {
                rejectUnauthorized: false
            });
        }
        return proxyAgent;
    }
    _getUserAgentWithOrchestrationId(userAgent) {
        const baseUserAgent = userAgent || 'actions/http-client';
        const orchId = process.env['ACTIONS_ORCHESTRATION_ID'];
        if (orchId) {
            // Sanitize the orchestration ID to ensure it contains only valid characters
            // Valid characters: 0-9, a-z, _, -, .
            const sanitizedId = orchId.replace(/[^a-z0-9_.-]/gi, '_');
            return `${baseUserAgent} actions_orchestration_id/${sanitizedId}`;
        }
        return baseUserAgent;
    }
    _performExponentialBackoff(retryNumber) {
        return __awaiter(this, void 0, void 0, function* () {
            retryNumber = Math.min(ExponentialBackoffCeiling, retryNumber);
            const ms = ExponentialBackoffTimeSlice * Math.pow(2, retryNumber);
            return new Promise(resolve => setTimeout(() => resolve(), ms));
        });
    }
    _processResponse(res, options) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => __awaiter(this, void 0, void 0, function* () {
                const statusCode = res.message.statusCode || 0;
                const response = {
                    statusCode,
                    result: null,
                    headers: {}
                };
                // not found leads to null obj returned
                if (statusCode === HttpCodes.NotFound) {
                    resolve(response);
                }
                // get the result from the body
                function dateTimeDeserializer(key, value) {
                    if (typeof value === 'string') {
                        const a = new Date(value);
                        if (!isNaN(a.valueOf())) {
                            return a;
                        }
                    }
                    return value;
                }
                let obj;
                let contents;
                try {
                    contents = yield res.readBody();
                    if (contents && contents.length > 0) {
                        if (options && options.deserializeDates) {
                            obj = JSON.parse(contents, dateTimeDeserializer);
                        }
                        else {
                            obj = JSON.parse(contents);
                        }
                        response.result = obj;
                    }
                    response.headers = res.message.headers;
                }
                catch (err) {
                    // Invalid resource (contents not json);  leaving result obj null
                }
                // note that 3xx redirects are handled by the http layer.
                if (statusCode > 299) {
                    let msg;
                    // if exception/error in body, attempt to get better error
                    if (obj && obj.message) {
                        msg = obj.message;
                    }
                    else if (contents && contents.length > 0) {
                        // it may be the case that the exception is in the body message as string
                        msg = contents;
                    }
                    else {
                        msg = `Failed request: (${statusCode})`;
                    }
                    const err = new HttpClientError(msg, statusCode);
                    err.result = response.result;
                    reject(err);
                }
                else {
                    resolve(response);
                }
            }));
        });
    }
}
const lowercaseKeys = (obj) => Object.keys(obj).reduce((c, k) => ((c[k.toLowerCase()] = obj[k]), c), {});
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/auth.js
var auth_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
class BasicCredentialHandler {
    constructor(username, password) {
        this.username = username;
        this.password = password;
    }
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`${this.username}:${this.password}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return auth_awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
class auth_BearerCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Bearer ${this.token}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return auth_awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
class PersonalAccessTokenCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`PAT:${this.token}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return auth_awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
//# sourceMappingURL=auth.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/oidc-utils.js
var oidc_utils_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



class oidc_utils_OidcClient {
    static createHttpClient(allowRetry = true, maxRetry = 10) {
        const requestOptions = {
            allowRetries: allowRetry,
            maxRetries: maxRetry
        };
        return new HttpClient('actions/oidc-client', [new BearerCredentialHandler(oidc_utils_OidcClient.getRequestToken())], requestOptions);
    }
    static getRequestToken() {
        const token = process.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
        if (!token) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_TOKEN env variable');
        }
        return token;
    }
    static getIDTokenUrl() {
        const runtimeUrl = process.env['ACTIONS_ID_TOKEN_REQUEST_URL'];
        if (!runtimeUrl) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable');
        }
        return runtimeUrl;
    }
    static getCall(id_token_url) {
        return oidc_utils_awaiter(this, void 0, void 0, function* () {
            var _a;
            const httpclient = oidc_utils_OidcClient.createHttpClient();
            const res = yield httpclient
                .getJson(id_token_url)
                .catch(error => {
                throw new Error(`Failed to get ID Token. \n 
        Error Code : ${error.statusCode}\n 
        Error Message: ${error.message}`);
            });
            const id_token = (_a = res.result) === null || _a === void 0 ? void 0 : _a.value;
            if (!id_token) {
                throw new Error('Response json body do not have ID Token field');
            }
            return id_token;
        });
    }
    static getIDToken(audience) {
        return oidc_utils_awaiter(this, void 0, void 0, function* () {
            try {
                // New ID Token is requested from action service
                let id_token_url = oidc_utils_OidcClient.getIDTokenUrl();
                if (audience) {
                    const encodedAudience = encodeURIComponent(audience);
                    id_token_url = `${id_token_url}&audience=${encodedAudience}`;
                }
                debug(`ID token url is ${id_token_url}`);
                const id_token = yield oidc_utils_OidcClient.getCall(id_token_url);
                setSecret(id_token);
                return id_token;
            }
            catch (error) {
                throw new Error(`Error message: ${error.message}`);
            }
        });
    }
}
//# sourceMappingURL=oidc-utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/summary.js
var summary_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { access, appendFile, writeFile } = external_fs_.promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
const SUMMARY_DOCS_URL = 'https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return summary_awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, external_fs_.constants.R_OK | external_fs_.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return summary_awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return summary_awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(external_os_.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
/**
 * @deprecated use `core.summary`
 */
const markdownSummary = (/* unused pure expression or super */ null && (_summary));
const summary = _summary;
//# sourceMappingURL=summary.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/path-utils.js

/**
 * toPosixPath converts the given path to the posix form. On Windows, \\ will be
 * replaced with /.
 *
 * @param pth. Path to transform.
 * @return string Posix path.
 */
function toPosixPath(pth) {
    return pth.replace(/[\\]/g, '/');
}
/**
 * toWin32Path converts the given path to the win32 form. On Linux, / will be
 * replaced with \\.
 *
 * @param pth. Path to transform.
 * @return string Win32 path.
 */
function toWin32Path(pth) {
    return pth.replace(/[/]/g, '\\');
}
/**
 * toPlatformPath converts the given path to a platform-specific path. It does
 * this by replacing instances of / and \ with the platform-specific path
 * separator.
 *
 * @param pth The path to platformize.
 * @return string The platform-specific path.
 */
function toPlatformPath(pth) {
    return pth.replace(/[/\\]/g, path.sep);
}
//# sourceMappingURL=path-utils.js.map
;// CONCATENATED MODULE: external "string_decoder"
const external_string_decoder_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");
// EXTERNAL MODULE: external "events"
var external_events_ = __nccwpck_require__(4434);
;// CONCATENATED MODULE: external "child_process"
const external_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");
// EXTERNAL MODULE: external "assert"
var external_assert_ = __nccwpck_require__(2613);
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io-util.js
var io_util_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { chmod, copyFile, lstat, mkdir, open: io_util_open, readdir, rename, rm, rmdir, stat, symlink, unlink } = external_fs_.promises;
// export const {open} = 'fs'
const IS_WINDOWS = process.platform === 'win32';
/**
 * Custom implementation of readlink to ensure Windows junctions
 * maintain trailing backslash for backward compatibility with Node.js < 24
 *
 * In Node.js 20, Windows junctions (directory symlinks) always returned paths
 * with trailing backslashes. Node.js 24 removed this behavior, which breaks
 * code that relied on this format for path operations.
 *
 * This implementation restores the Node 20 behavior by adding a trailing
 * backslash to all junction results on Windows.
 */
function readlink(fsPath) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        const result = yield fs.promises.readlink(fsPath);
        // On Windows, restore Node 20 behavior: add trailing backslash to all results
        // since junctions on Windows are always directory links
        if (IS_WINDOWS && !result.endsWith('\\')) {
            return `${result}\\`;
        }
        return result;
    });
}
// See https://github.com/nodejs/node/blob/d0153aee367422d0858105abec186da4dff0a0c5/deps/uv/include/uv/win.h#L691
const UV_FS_O_EXLOCK = 0x10000000;
const READONLY = external_fs_.constants.O_RDONLY;
function exists(fsPath) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        try {
            yield stat(fsPath);
        }
        catch (err) {
            if (err.code === 'ENOENT') {
                return false;
            }
            throw err;
        }
        return true;
    });
}
function isDirectory(fsPath_1) {
    return io_util_awaiter(this, arguments, void 0, function* (fsPath, useStat = false) {
        const stats = useStat ? yield stat(fsPath) : yield lstat(fsPath);
        return stats.isDirectory();
    });
}
/**
 * On OSX/Linux, true if path starts with '/'. On Windows, true for paths like:
 * \, \hello, \\hello\share, C:, and C:\hello (and corresponding alternate separator cases).
 */
function isRooted(p) {
    p = normalizeSeparators(p);
    if (!p) {
        throw new Error('isRooted() parameter "p" cannot be empty');
    }
    if (IS_WINDOWS) {
        return (p.startsWith('\\') || /^[A-Z]:/i.test(p) // e.g. \ or \hello or \\hello
        ); // e.g. C: or C:\hello
    }
    return p.startsWith('/');
}
/**
 * Best effort attempt to determine whether a file exists and is executable.
 * @param filePath    file path to check
 * @param extensions  additional file extensions to try
 * @return if file exists and is executable, returns the file path. otherwise empty string.
 */
function tryGetExecutablePath(filePath, extensions) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        let stats = undefined;
        try {
            // test file exists
            stats = yield stat(filePath);
        }
        catch (err) {
            if (err.code !== 'ENOENT') {
                // eslint-disable-next-line no-console
                console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
            }
        }
        if (stats && stats.isFile()) {
            if (IS_WINDOWS) {
                // on Windows, test for valid extension
                const upperExt = external_path_namespaceObject.extname(filePath).toUpperCase();
                if (extensions.some(validExt => validExt.toUpperCase() === upperExt)) {
                    return filePath;
                }
            }
            else {
                if (isUnixExecutable(stats)) {
                    return filePath;
                }
            }
        }
        // try each extension
        const originalFilePath = filePath;
        for (const extension of extensions) {
            filePath = originalFilePath + extension;
            stats = undefined;
            try {
                stats = yield stat(filePath);
            }
            catch (err) {
                if (err.code !== 'ENOENT') {
                    // eslint-disable-next-line no-console
                    console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
                }
            }
            if (stats && stats.isFile()) {
                if (IS_WINDOWS) {
                    // preserve the case of the actual file (since an extension was appended)
                    try {
                        const directory = external_path_namespaceObject.dirname(filePath);
                        const upperName = external_path_namespaceObject.basename(filePath).toUpperCase();
                        for (const actualName of yield readdir(directory)) {
                            if (upperName === actualName.toUpperCase()) {
                                filePath = external_path_namespaceObject.join(directory, actualName);
                                break;
                            }
                        }
                    }
                    catch (err) {
                        // eslint-disable-next-line no-console
                        console.log(`Unexpected error attempting to determine the actual case of the file '${filePath}': ${err}`);
                    }
                    return filePath;
                }
                else {
                    if (isUnixExecutable(stats)) {
                        return filePath;
                    }
                }
            }
        }
        return '';
    });
}
function normalizeSeparators(p) {
    p = p || '';
    if (IS_WINDOWS) {
        // convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // remove redundant slashes
        return p.replace(/\\\\+/g, '\\');
    }
    // remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
// on Mac/Linux, test the execute bit
//     R   W  X  R  W X R W X
//   256 128 64 32 16 8 4 2 1
function isUnixExecutable(stats) {
    return ((stats.mode & 1) > 0 ||
        ((stats.mode & 8) > 0 &&
            process.getgid !== undefined &&
            stats.gid === process.getgid()) ||
        ((stats.mode & 64) > 0 &&
            process.getuid !== undefined &&
            stats.uid === process.getuid()));
}
// Get the path of cmd.exe in windows
function getCmdPath() {
    var _a;
    return (_a = process.env['COMSPEC']) !== null && _a !== void 0 ? _a : `cmd.exe`;
}
//# sourceMappingURL=io-util.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io.js
var io_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



/**
 * Copies a file or folder.
 * Based off of shelljs - https://github.com/shelljs/shelljs/blob/9237f66c52e5daa40458f94f9565e18e8132f5a6/src/cp.js
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See CopyOptions.
 */
function cp(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        const { force, recursive, copySourceDirectory } = readCopyOptions(options);
        const destStat = (yield ioUtil.exists(dest)) ? yield ioUtil.stat(dest) : null;
        // Dest is an existing file, but not forcing
        if (destStat && destStat.isFile() && !force) {
            return;
        }
        // If dest is an existing directory, should copy inside.
        const newDest = destStat && destStat.isDirectory() && copySourceDirectory
            ? path.join(dest, path.basename(source))
            : dest;
        if (!(yield ioUtil.exists(source))) {
            throw new Error(`no such file or directory: ${source}`);
        }
        const sourceStat = yield ioUtil.stat(source);
        if (sourceStat.isDirectory()) {
            if (!recursive) {
                throw new Error(`Failed to copy. ${source} is a directory, but tried to copy without recursive flag.`);
            }
            else {
                yield cpDirRecursive(source, newDest, 0, force);
            }
        }
        else {
            if (path.relative(source, newDest) === '') {
                // a file cannot be copied to itself
                throw new Error(`'${newDest}' and '${source}' are the same file`);
            }
            yield io_copyFile(source, newDest, force);
        }
    });
}
/**
 * Moves a path.
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See MoveOptions.
 */
function mv(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        if (yield ioUtil.exists(dest)) {
            let destExists = true;
            if (yield ioUtil.isDirectory(dest)) {
                // If dest is directory copy src into dest
                dest = path.join(dest, path.basename(source));
                destExists = yield ioUtil.exists(dest);
            }
            if (destExists) {
                if (options.force == null || options.force) {
                    yield rmRF(dest);
                }
                else {
                    throw new Error('Destination already exists');
                }
            }
        }
        yield mkdirP(path.dirname(dest));
        yield ioUtil.rename(source, dest);
    });
}
/**
 * Remove a path recursively with force
 *
 * @param inputPath path to remove
 */
function rmRF(inputPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (ioUtil.IS_WINDOWS) {
            // Check for invalid characters
            // https://docs.microsoft.com/en-us/windows/win32/fileio/naming-a-file
            if (/[*"<>|]/.test(inputPath)) {
                throw new Error('File path must not contain `*`, `"`, `<`, `>` or `|` on Windows');
            }
        }
        try {
            // note if path does not exist, error is silent
            yield ioUtil.rm(inputPath, {
                force: true,
                maxRetries: 3,
                recursive: true,
                retryDelay: 300
            });
        }
        catch (err) {
            throw new Error(`File was unable to be removed ${err}`);
        }
    });
}
/**
 * Make a directory.  Creates the full path with folders in between
 * Will throw if it fails
 *
 * @param   fsPath        path to create
 * @returns Promise<void>
 */
function mkdirP(fsPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        ok(fsPath, 'a path argument must be provided');
        yield ioUtil.mkdir(fsPath, { recursive: true });
    });
}
/**
 * Returns path of a tool had the tool actually been invoked.  Resolves via paths.
 * If you check and the tool does not exist, it will throw.
 *
 * @param     tool              name of the tool
 * @param     check             whether to check if tool exists
 * @returns   Promise<string>   path to tool
 */
function which(tool, check) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // recursive when check=true
        if (check) {
            const result = yield which(tool, false);
            if (!result) {
                if (IS_WINDOWS) {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file.`);
                }
                else {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`);
                }
            }
            return result;
        }
        const matches = yield findInPath(tool);
        if (matches && matches.length > 0) {
            return matches[0];
        }
        return '';
    });
}
/**
 * Returns a list of all occurrences of the given tool on the system path.
 *
 * @returns   Promise<string[]>  the paths of the tool
 */
function findInPath(tool) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // build the list of extensions to try
        const extensions = [];
        if (IS_WINDOWS && process.env['PATHEXT']) {
            for (const extension of process.env['PATHEXT'].split(external_path_namespaceObject.delimiter)) {
                if (extension) {
                    extensions.push(extension);
                }
            }
        }
        // if it's rooted, return it if exists. otherwise return empty.
        if (isRooted(tool)) {
            const filePath = yield tryGetExecutablePath(tool, extensions);
            if (filePath) {
                return [filePath];
            }
            return [];
        }
        // if any path separators, return empty
        if (tool.includes(external_path_namespaceObject.sep)) {
            return [];
        }
        // build the list of directories
        //
        // Note, technically "where" checks the current directory on Windows. From a toolkit perspective,
        // it feels like we should not do this. Checking the current directory seems like more of a use
        // case of a shell, and the which() function exposed by the toolkit should strive for consistency
        // across platforms.
        const directories = [];
        if (process.env.PATH) {
            for (const p of process.env.PATH.split(external_path_namespaceObject.delimiter)) {
                if (p) {
                    directories.push(p);
                }
            }
        }
        // find all matches
        const matches = [];
        for (const directory of directories) {
            const filePath = yield tryGetExecutablePath(external_path_namespaceObject.join(directory, tool), extensions);
            if (filePath) {
                matches.push(filePath);
            }
        }
        return matches;
    });
}
function readCopyOptions(options) {
    const force = options.force == null ? true : options.force;
    const recursive = Boolean(options.recursive);
    const copySourceDirectory = options.copySourceDirectory == null
        ? true
        : Boolean(options.copySourceDirectory);
    return { force, recursive, copySourceDirectory };
}
function cpDirRecursive(sourceDir, destDir, currentDepth, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        // Ensure there is not a run away recursive copy
        if (currentDepth >= 255)
            return;
        currentDepth++;
        yield mkdirP(destDir);
        const files = yield ioUtil.readdir(sourceDir);
        for (const fileName of files) {
            const srcFile = `${sourceDir}/${fileName}`;
            const destFile = `${destDir}/${fileName}`;
            const srcFileStat = yield ioUtil.lstat(srcFile);
            if (srcFileStat.isDirectory()) {
                // Recurse
                yield cpDirRecursive(srcFile, destFile, currentDepth, force);
            }
            else {
                yield io_copyFile(srcFile, destFile, force);
            }
        }
        // Change the mode for the newly created directory
        yield ioUtil.chmod(destDir, (yield ioUtil.stat(sourceDir)).mode);
    });
}
// Buffered file copy
function io_copyFile(srcFile, destFile, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        if ((yield ioUtil.lstat(srcFile)).isSymbolicLink()) {
            // unlink/re-link it
            try {
                yield ioUtil.lstat(destFile);
                yield ioUtil.unlink(destFile);
            }
            catch (e) {
                // Try to override file permission
                if (e.code === 'EPERM') {
                    yield ioUtil.chmod(destFile, '0666');
                    yield ioUtil.unlink(destFile);
                }
                // other errors = it doesn't exist, no work to do
            }
            // Copy over symlink
            const symlinkFull = yield ioUtil.readlink(srcFile);
            yield ioUtil.symlink(symlinkFull, destFile, ioUtil.IS_WINDOWS ? 'junction' : null);
        }
        else if (!(yield ioUtil.exists(destFile)) || force) {
            yield ioUtil.copyFile(srcFile, destFile);
        }
    });
}
//# sourceMappingURL=io.js.map
;// CONCATENATED MODULE: external "timers"
const external_timers_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/toolrunner.js
var toolrunner_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};







/* eslint-disable @typescript-eslint/unbound-method */
const toolrunner_IS_WINDOWS = process.platform === 'win32';
/*
 * Class for running command line tools. Handles quoting and arg parsing in a platform agnostic way.
 */
class ToolRunner extends external_events_.EventEmitter {
    constructor(toolPath, args, options) {
        super();
        if (!toolPath) {
            throw new Error("Parameter 'toolPath' cannot be null or empty.");
        }
        this.toolPath = toolPath;
        this.args = args || [];
        this.options = options || {};
    }
    _debug(message) {
        if (this.options.listeners && this.options.listeners.debug) {
            this.options.listeners.debug(message);
        }
    }
    _getCommandString(options, noPrefix) {
        const toolPath = this._getSpawnFileName();
        const args = this._getSpawnArgs(options);
        let cmd = noPrefix ? '' : '[command]'; // omit prefix when piped to a second tool
        if (toolrunner_IS_WINDOWS) {
            // Windows + cmd file
            if (this._isCmdFile()) {
                cmd += toolPath;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows + verbatim
            else if (options.windowsVerbatimArguments) {
                cmd += `"${toolPath}"`;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows (regular)
            else {
                cmd += this._windowsQuoteCmdArg(toolPath);
                for (const a of args) {
                    cmd += ` ${this._windowsQuoteCmdArg(a)}`;
                }
            }
        }
        else {
            // OSX/Linux - this can likely be improved with some form of quoting.
            // creating processes on Unix is fundamentally different than Windows.
            // on Unix, execvp() takes an arg array.
            cmd += toolPath;
            for (const a of args) {
                cmd += ` ${a}`;
            }
        }
        return cmd;
    }
    _processLineBuffer(data, strBuffer, onLine) {
        try {
            let s = strBuffer + data.toString();
            let n = s.indexOf(external_os_.EOL);
            while (n > -1) {
                const line = s.substring(0, n);
                onLine(line);
                // the rest of the string ...
                s = s.substring(n + external_os_.EOL.length);
                n = s.indexOf(external_os_.EOL);
            }
            return s;
        }
        catch (err) {
            // streaming lines to console is best effort.  Don't fail a build.
            this._debug(`error processing line. Failed with error ${err}`);
            return '';
        }
    }
    _getSpawnFileName() {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                return process.env['COMSPEC'] || 'cmd.exe';
            }
        }
        return this.toolPath;
    }
    _getSpawnArgs(options) {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                let argline = `/D /S /C "${this._windowsQuoteCmdArg(this.toolPath)}`;
                for (const a of this.args) {
                    argline += ' ';
                    argline += options.windowsVerbatimArguments
                        ? a
                        : this._windowsQuoteCmdArg(a);
                }
                argline += '"';
                return [argline];
            }
        }
        return this.args;
    }
    _endsWith(str, end) {
        return str.endsWith(end);
    }
    _isCmdFile() {
        const upperToolPath = this.toolPath.toUpperCase();
        return (this._endsWith(upperToolPath, '.CMD') ||
            this._endsWith(upperToolPath, '.BAT'));
    }
    _windowsQuoteCmdArg(arg) {
        // for .exe, apply the normal quoting rules that libuv applies
        if (!this._isCmdFile()) {
            return this._uvQuoteCmdArg(arg);
        }
        // otherwise apply quoting rules specific to the cmd.exe command line parser.
        // the libuv rules are generic and are not designed specifically for cmd.exe
        // command line parser.
        //
        // for a detailed description of the cmd.exe command line parser, refer to
        // http://stackoverflow.com/questions/4094699/how-does-the-windows-command-interpreter-cmd-exe-parse-scripts/7970912#7970912
        // need quotes for empty arg
        if (!arg) {
            return '""';
        }
        // determine whether the arg needs to be quoted
        const cmdSpecialChars = [
            ' ',
            '\t',
            '&',
            '(',
            ')',
            '[',
            ']',
            '{',
            '}',
            '^',
            '=',
            ';',
            '!',
            "'",
            '+',
            ',',
            '`',
            '~',
            '|',
            '<',
            '>',
            '"'
        ];
        let needsQuotes = false;
        for (const char of arg) {
            if (cmdSpecialChars.some(x => x === char)) {
                needsQuotes = true;
                break;
            }
        }
        // short-circuit if quotes not needed
        if (!needsQuotes) {
            return arg;
        }
        // the following quoting rules are very similar to the rules that by libuv applies.
        //
        // 1) wrap the string in quotes
        //
        // 2) double-up quotes - i.e. " => ""
        //
        //    this is different from the libuv quoting rules. libuv replaces " with \", which unfortunately
        //    doesn't work well with a cmd.exe command line.
        //
        //    note, replacing " with "" also works well if the arg is passed to a downstream .NET console app.
        //    for example, the command line:
        //          foo.exe "myarg:""my val"""
        //    is parsed by a .NET console app into an arg array:
        //          [ "myarg:\"my val\"" ]
        //    which is the same end result when applying libuv quoting rules. although the actual
        //    command line from libuv quoting rules would look like:
        //          foo.exe "myarg:\"my val\""
        //
        // 3) double-up slashes that precede a quote,
        //    e.g.  hello \world    => "hello \world"
        //          hello\"world    => "hello\\""world"
        //          hello\\"world   => "hello\\\\""world"
        //          hello world\    => "hello world\\"
        //
        //    technically this is not required for a cmd.exe command line, or the batch argument parser.
        //    the reasons for including this as a .cmd quoting rule are:
        //
        //    a) this is optimized for the scenario where the argument is passed from the .cmd file to an
        //       external program. many programs (e.g. .NET console apps) rely on the slash-doubling rule.
        //
        //    b) it's what we've been doing previously (by deferring to node default behavior) and we
        //       haven't heard any complaints about that aspect.
        //
        // note, a weakness of the quoting rules chosen here, is that % is not escaped. in fact, % cannot be
        // escaped when used on the command line directly - even though within a .cmd file % can be escaped
        // by using %%.
        //
        // the saving grace is, on the command line, %var% is left as-is if var is not defined. this contrasts
        // the line parsing rules within a .cmd file, where if var is not defined it is replaced with nothing.
        //
        // one option that was explored was replacing % with ^% - i.e. %var% => ^%var^%. this hack would
        // often work, since it is unlikely that var^ would exist, and the ^ character is removed when the
        // variable is used. the problem, however, is that ^ is not removed when %* is used to pass the args
        // to an external program.
        //
        // an unexplored potential solution for the % escaping problem, is to create a wrapper .cmd file.
        // % can be escaped within a .cmd file.
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\'; // double the slash
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '"'; // double the quote
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _uvQuoteCmdArg(arg) {
        // Tool runner wraps child_process.spawn() and needs to apply the same quoting as
        // Node in certain cases where the undocumented spawn option windowsVerbatimArguments
        // is used.
        //
        // Since this function is a port of quote_cmd_arg from Node 4.x (technically, lib UV,
        // see https://github.com/nodejs/node/blob/v4.x/deps/uv/src/win/process.c for details),
        // pasting copyright notice from Node within this function:
        //
        //      Copyright Joyent, Inc. and other Node contributors. All rights reserved.
        //
        //      Permission is hereby granted, free of charge, to any person obtaining a copy
        //      of this software and associated documentation files (the "Software"), to
        //      deal in the Software without restriction, including without limitation the
        //      rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
        //      sell copies of the Software, and to permit persons to whom the Software is
        //      furnished to do so, subject to the following conditions:
        //
        //      The above copyright notice and this permission notice shall be included in
        //      all copies or substantial portions of the Software.
        //
        //      THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
        //      IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
        //      FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
        //      AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
        //      LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
        //      FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
        //      IN THE SOFTWARE.
        if (!arg) {
            // Need double quotation for empty argument
            return '""';
        }
        if (!arg.includes(' ') && !arg.includes('\t') && !arg.includes('"')) {
            // No quotation needed
            return arg;
        }
        if (!arg.includes('"') && !arg.includes('\\')) {
            // No embedded double quotes or backslashes, so I can just wrap
            // quote marks around the whole thing.
            return `"${arg}"`;
        }
        // Expected input/output:
        //   input : hello"world
        //   output: "hello\"world"
        //   input : hello""world
        //   output: "hello\"\"world"
        //   input : hello\world
        //   output: hello\world
        //   input : hello\\world
        //   output: hello\\world
        //   input : hello\"world
        //   output: "hello\\\"world"
        //   input : hello\\"world
        //   output: "hello\\\\\"world"
        //   input : hello world\
        //   output: "hello world\\" - note the comment in libuv actually reads "hello world\"
        //                             but it appears the comment is wrong, it should be "hello world\\"
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\';
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '\\';
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _cloneExecOptions(options) {
        options = options || {};
        const result = {
            cwd: options.cwd || process.cwd(),
            env: options.env || process.env,
            silent: options.silent || false,
            windowsVerbatimArguments: options.windowsVerbatimArguments || false,
            failOnStdErr: options.failOnStdErr || false,
            ignoreReturnCode: options.ignoreReturnCode || false,
            delay: options.delay || 10000
        };
        result.outStream = options.outStream || process.stdout;
        result.errStream = options.errStream || process.stderr;
        return result;
    }
    _getSpawnOptions(options, toolPath) {
        options = options || {};
        const result = {};
        result.cwd = options.cwd;
        result.env = options.env;
        result['windowsVerbatimArguments'] =
            options.windowsVerbatimArguments || this._isCmdFile();
        if (options.windowsVerbatimArguments) {
            result.argv0 = `"${toolPath}"`;
        }
        return result;
    }
    /**
     * Exec a tool.
     * Output will be streamed to the live console.
     * Returns promise with return code
     *
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See ExecOptions
     * @returns   number
     */
    exec() {
        return toolrunner_awaiter(this, void 0, void 0, function* () {
            // root the tool path if it is unrooted and contains relative pathing
            if (!isRooted(this.toolPath) &&
                (this.toolPath.includes('/') ||
                    (toolrunner_IS_WINDOWS && this.toolPath.includes('\\')))) {
                // prefer options.cwd if it is specified, however options.cwd may also need to be rooted
                this.toolPath = external_path_namespaceObject.resolve(process.cwd(), this.options.cwd || process.cwd(), this.toolPath);
            }
            // if the tool is only a file name, then resolve it from the PATH
            // otherwise verify it exists (add extension on Windows if necessary)
            this.toolPath = yield which(this.toolPath, true);
            return new Promise((resolve, reject) => toolrunner_awaiter(this, void 0, void 0, function* () {
                this._debug(`exec tool: ${this.toolPath}`);
                this._debug('arguments:');
                for (const arg of this.args) {
                    this._debug(`   ${arg}`);
                }
                const optionsNonNull = this._cloneExecOptions(this.options);
                if (!optionsNonNull.silent && optionsNonNull.outStream) {
                    optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + external_os_.EOL);
                }
                const state = new ExecState(optionsNonNull, this.toolPath);
                state.on('debug', (message) => {
                    this._debug(message);
                });
                if (this.options.cwd && !(yield exists(this.options.cwd))) {
                    return reject(new Error(`The cwd: ${this.options.cwd} does not exist!`));
                }
                const fileName = this._getSpawnFileName();
                const cp = external_child_process_namespaceObject.spawn(fileName, this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(this.options, fileName));
                let stdbuffer = '';
                if (cp.stdout) {
                    cp.stdout.on('data', (data) => {
                        if (this.options.listeners && this.options.listeners.stdout) {
                            this.options.listeners.stdout(data);
                        }
                        if (!optionsNonNull.silent && optionsNonNull.outStream) {
                            optionsNonNull.outStream.write(data);
                        }
                        stdbuffer = this._processLineBuffer(data, stdbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.stdline) {
                                this.options.listeners.stdline(line);
                            }
                        });
                    });
                }
                let errbuffer = '';
                if (cp.stderr) {
                    cp.stderr.on('data', (data) => {
                        state.processStderr = true;
                        if (this.options.listeners && this.options.listeners.stderr) {
                            this.options.listeners.stderr(data);
                        }
                        if (!optionsNonNull.silent &&
                            optionsNonNull.errStream &&
                            optionsNonNull.outStream) {
                            const s = optionsNonNull.failOnStdErr
                                ? optionsNonNull.errStream
                                : optionsNonNull.outStream;
                            s.write(data);
                        }
                        errbuffer = this._processLineBuffer(data, errbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.errline) {
                                this.options.listeners.errline(line);
                            }
                        });
                    });
                }
                cp.on('error', (err) => {
                    state.processError = err.message;
                    state.processExited = true;
                    state.processClosed = true;
                    state.CheckComplete();
                });
                cp.on('exit', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    this._debug(`Exit code ${code} received from tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                cp.on('close', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    state.processClosed = true;
                    this._debug(`STDIO streams have closed for tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                state.on('done', (error, exitCode) => {
                    if (stdbuffer.length > 0) {
                        this.emit('stdline', stdbuffer);
                    }
                    if (errbuffer.length > 0) {
                        this.emit('errline', errbuffer);
                    }
                    cp.removeAllListeners();
                    if (error) {
                        reject(error);
                    }
                    else {
                        resolve(exitCode);
                    }
                });
                if (this.options.input) {
                    if (!cp.stdin) {
                        throw new Error('child process missing stdin');
                    }
                    cp.stdin.end(this.options.input);
                }
            }));
        });
    }
}
/**
 * Convert an arg string to an array of args. Handles escaping
 *
 * @param    argString   string of arguments
 * @returns  string[]    array of arguments
 */
function argStringToArray(argString) {
    const args = [];
    let inQuotes = false;
    let escaped = false;
    let arg = '';
    function append(c) {
        // we only escape double quotes.
        if (escaped && c !== '"') {
            arg += '\\';
        }
        arg += c;
        escaped = false;
    }
    for (let i = 0; i < argString.length; i++) {
        const c = argString.charAt(i);
        if (c === '"') {
            if (!escaped) {
                inQuotes = !inQuotes;
            }
            else {
                append(c);
            }
            continue;
        }
        if (c === '\\' && escaped) {
            append(c);
            continue;
        }
        if (c === '\\' && inQuotes) {
            escaped = true;
            continue;
        }
        if (c === ' ' && !inQuotes) {
            if (arg.length > 0) {
                args.push(arg);
                arg = '';
            }
            continue;
        }
        append(c);
    }
    if (arg.length > 0) {
        args.push(arg.trim());
    }
    return args;
}
class ExecState extends external_events_.EventEmitter {
    constructor(options, toolPath) {
        super();
        this.processClosed = false; // tracks whether the process has exited and stdio is closed
        this.processError = '';
        this.processExitCode = 0;
        this.processExited = false; // tracks whether the process has exited
        this.processStderr = false; // tracks whether stderr was written to
        this.delay = 10000; // 10 seconds
        this.done = false;
        this.timeout = null;
        if (!toolPath) {
            throw new Error('toolPath must not be empty');
        }
        this.options = options;
        this.toolPath = toolPath;
        if (options.delay) {
            this.delay = options.delay;
        }
    }
    CheckComplete() {
        if (this.done) {
            return;
        }
        if (this.processClosed) {
            this._setResult();
        }
        else if (this.processExited) {
            this.timeout = (0,external_timers_namespaceObject.setTimeout)(ExecState.HandleTimeout, this.delay, this);
        }
    }
    _debug(message) {
        this.emit('debug', message);
    }
    _setResult() {
        // determine whether there is an error
        let error;
        if (this.processExited) {
            if (this.processError) {
                error = new Error(`There was an error when attempting to execute the process '${this.toolPath}'. This may indicate the process failed to start. Error: ${this.processError}`);
            }
            else if (this.processExitCode !== 0 && !this.options.ignoreReturnCode) {
                error = new Error(`The process '${this.toolPath}' failed with exit code ${this.processExitCode}`);
            }
            else if (this.processStderr && this.options.failOnStdErr) {
                error = new Error(`The process '${this.toolPath}' failed because one or more lines were written to the STDERR stream`);
            }
        }
        // clear the timeout
        if (this.timeout) {
            clearTimeout(this.timeout);
            this.timeout = null;
        }
        this.done = true;
        this.emit('done', error, this.processExitCode);
    }
    static HandleTimeout(state) {
        if (state.done) {
            return;
        }
        if (!state.processClosed && state.processExited) {
            const message = `The STDIO streams did not close within ${state.delay / 1000} seconds of the exit event from process '${state.toolPath}'. This may indicate a child process inherited the STDIO streams and has not yet exited.`;
            state._debug(message);
        }
        state._setResult();
    }
}
//# sourceMappingURL=toolrunner.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/exec.js
var exec_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


/**
 * Exec a command.
 * Output will be streamed to the live console.
 * Returns promise with return code
 *
 * @param     commandLine        command to execute (can include additional args). Must be correctly escaped.
 * @param     args               optional arguments for tool. Escaping is handled by the lib.
 * @param     options            optional exec options.  See ExecOptions
 * @returns   Promise<number>    exit code
 */
function exec_exec(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        const commandArgs = tr.argStringToArray(commandLine);
        if (commandArgs.length === 0) {
            throw new Error(`Parameter 'commandLine' cannot be null or empty.`);
        }
        // Path to tool to execute should be first arg
        const toolPath = commandArgs[0];
        args = commandArgs.slice(1).concat(args || []);
        const runner = new tr.ToolRunner(toolPath, args, options);
        return runner.exec();
    });
}
/**
 * Exec a command and get the output.
 * Output will be streamed to the live console.
 * Returns promise with the exit code and collected stdout and stderr
 *
 * @param     commandLine           command to execute (can include additional args). Must be correctly escaped.
 * @param     args                  optional arguments for tool. Escaping is handled by the lib.
 * @param     options               optional exec options.  See ExecOptions
 * @returns   Promise<ExecOutput>   exit code, stdout, and stderr
 */
function getExecOutput(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        var _a, _b;
        let stdout = '';
        let stderr = '';
        //Using string decoder covers the case where a mult-byte character is split
        const stdoutDecoder = new StringDecoder('utf8');
        const stderrDecoder = new StringDecoder('utf8');
        const originalStdoutListener = (_a = options === null || options === void 0 ? void 0 : options.listeners) === null || _a === void 0 ? void 0 : _a.stdout;
        const originalStdErrListener = (_b = options === null || options === void 0 ? void 0 : options.listeners) === null || _b === void 0 ? void 0 : _b.stderr;
        const stdErrListener = (data) => {
            stderr += stderrDecoder.write(data);
            if (originalStdErrListener) {
                originalStdErrListener(data);
            }
        };
        const stdOutListener = (data) => {
            stdout += stdoutDecoder.write(data);
            if (originalStdoutListener) {
                originalStdoutListener(data);
            }
        };
        const listeners = Object.assign(Object.assign({}, options === null || options === void 0 ? void 0 : options.listeners), { stdout: stdOutListener, stderr: stdErrListener });
        const exitCode = yield exec_exec(commandLine, args, Object.assign(Object.assign({}, options), { listeners }));
        //flush any remaining characters
        stdout += stdoutDecoder.end();
        stderr += stderrDecoder.end();
        return {
            exitCode,
            stdout,
            stderr
        };
    });
}
//# sourceMappingURL=exec.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/platform.js
var platform_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const getWindowsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout: version } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Version"', undefined, {
        silent: true
    });
    const { stdout: name } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Caption"', undefined, {
        silent: true
    });
    return {
        name: name.trim(),
        version: version.trim()
    };
});
const getMacOsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    var _a, _b, _c, _d;
    const { stdout } = yield exec.getExecOutput('sw_vers', undefined, {
        silent: true
    });
    const version = (_b = (_a = stdout.match(/ProductVersion:\s*(.+)/)) === null || _a === void 0 ? void 0 : _a[1]) !== null && _b !== void 0 ? _b : '';
    const name = (_d = (_c = stdout.match(/ProductName:\s*(.+)/)) === null || _c === void 0 ? void 0 : _c[1]) !== null && _d !== void 0 ? _d : '';
    return {
        name,
        version
    };
});
const getLinuxInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout } = yield exec.getExecOutput('lsb_release', ['-i', '-r', '-s'], {
        silent: true
    });
    const [name, version] = stdout.trim().split('\n');
    return {
        name,
        version
    };
});
const platform = external_os_.platform();
const arch = external_os_.arch();
const isWindows = platform === 'win32';
const isMacOS = platform === 'darwin';
const isLinux = platform === 'linux';
function getDetails() {
    return platform_awaiter(this, void 0, void 0, function* () {
        return Object.assign(Object.assign({}, (yield (isWindows
            ? getWindowsInfo()
            : isMacOS
                ? getMacOsInfo()
                : getLinuxInfo()))), { platform,
            arch,
            isWindows,
            isMacOS,
            isLinux });
    });
}
//# sourceMappingURL=platform.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/core.js
var core_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};






/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
//-----------------------------------------------------------------------
// Variables
//-----------------------------------------------------------------------
/**
 * Sets env variable for this action and future actions in the job
 * @param name the name of the variable to set
 * @param val the value of the variable. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function exportVariable(name, val) {
    const convertedVal = toCommandValue(val);
    process.env[name] = convertedVal;
    const filePath = process.env['GITHUB_ENV'] || '';
    if (filePath) {
        return issueFileCommand('ENV', prepareKeyValueMessage(name, val));
    }
    issueCommand('set-env', { name }, convertedVal);
}
/**
 * Registers a secret which will get masked from logs
 *
 * @param secret - Value of the secret to be masked
 * @remarks
 * This function instructs the Actions runner to mask the specified value in any
 * logs produced during the workflow run. Once registered, the secret value will
 * be replaced with asterisks (***) whenever it appears in console output, logs,
 * or error messages.
 *
 * This is useful for protecting sensitive information such as:
 * - API keys
 * - Access tokens
 * - Authentication credentials
 * - URL parameters containing signatures (SAS tokens)
 *
 * Note that masking only affects future logs; any previous appearances of the
 * secret in logs before calling this function will remain unmasked.
 *
 * @example
 * ```typescript
 * // Register an API token as a secret
 * const apiToken = "abc123xyz456";
 * setSecret(apiToken);
 *
 * // Now any logs containing this value will show *** instead
 * console.log(`Using token: ${apiToken}`); // Outputs: "Using token: ***"
 * ```
 */
function core_setSecret(secret) {
    command_issueCommand('add-mask', {}, secret);
}
/**
 * Prepends inputPath to the PATH (for this action and future actions)
 * @param inputPath
 */
function addPath(inputPath) {
    const filePath = process.env['GITHUB_PATH'] || '';
    if (filePath) {
        issueFileCommand('PATH', inputPath);
    }
    else {
        issueCommand('add-path', {}, inputPath);
    }
    process.env['PATH'] = `${inputPath}${path.delimiter}${process.env['PATH']}`;
}
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    if (options && options.required && !val) {
        throw new Error(`Input required and not supplied: ${name}`);
    }
    if (options && options.trimWhitespace === false) {
        return val;
    }
    return val.trim();
}
/**
 * Gets the values of an multiline input.  Each value is also trimmed.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string[]
 *
 */
function getMultilineInput(name, options) {
    const inputs = getInput(name, options)
        .split('\n')
        .filter(x => x !== '');
    if (options && options.trimWhitespace === false) {
        return inputs;
    }
    return inputs.map(input => input.trim());
}
/**
 * Gets the input value of the boolean type in the YAML 1.2 "core schema" specification.
 * Support boolean input list: `true | True | TRUE | false | False | FALSE` .
 * The return value is also in boolean type.
 * ref: https://yaml.org/spec/1.2/spec.html#id2804923
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   boolean
 */
function getBooleanInput(name, options) {
    const trueValue = ['true', 'True', 'TRUE'];
    const falseValue = ['false', 'False', 'FALSE'];
    const val = getInput(name, options);
    if (trueValue.includes(val))
        return true;
    if (falseValue.includes(val))
        return false;
    throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}\n` +
        `Support boolean input list: \`true | True | TRUE | false | False | FALSE\``);
}
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return file_command_issueFileCommand('OUTPUT', file_command_prepareKeyValueMessage(name, value));
    }
    process.stdout.write(external_os_.EOL);
    command_issueCommand('set-output', { name }, utils_toCommandValue(value));
}
/**
 * Enables or disables the echoing of commands into stdout for the rest of the step.
 * Echoing is disabled by default if ACTIONS_STEP_DEBUG is not set.
 *
 */
function setCommandEcho(enabled) {
    issue('echo', enabled ? 'on' : 'off');
}
//-----------------------------------------------------------------------
// Results
//-----------------------------------------------------------------------
/**
 * Sets the action status to failed.
 * When the action exits it will be with an exit code of 1
 * @param message add error issue message
 */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    error(message);
}
//-----------------------------------------------------------------------
// Logging Commands
//-----------------------------------------------------------------------
/**
 * Gets whether Actions Step Debug is on or not
 */
function isDebug() {
    return process.env['RUNNER_DEBUG'] === '1';
}
/**
 * Writes debug message to user log
 * @param message debug message
 */
function core_debug(message) {
    command_issueCommand('debug', {}, message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    command_issueCommand('error', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    command_issueCommand('warning', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a notice issue
 * @param message notice issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function notice(message, properties = {}) {
    command_issueCommand('notice', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + external_os_.EOL);
}
/**
 * Begin an output group.
 *
 * Output until the next `groupEnd` will be foldable in this group
 *
 * @param name The name of the output group
 */
function startGroup(name) {
    command_issue('group', name);
}
/**
 * End an output group.
 */
function endGroup() {
    command_issue('endgroup');
}
/**
 * Wrap an asynchronous function call in a group.
 *
 * Returns the same type as the function itself.
 *
 * @param name The name of the group
 * @param fn The function to wrap in the group
 */
function group(name, fn) {
    return core_awaiter(this, void 0, void 0, function* () {
        startGroup(name);
        let result;
        try {
            result = yield fn();
        }
        finally {
            endGroup();
        }
        return result;
    });
}
//-----------------------------------------------------------------------
// Wrapper action state
//-----------------------------------------------------------------------
/**
 * Saves state for current action, the state can only be retrieved by this action's post job execution.
 *
 * @param     name     name of the state to store
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function saveState(name, value) {
    const filePath = process.env['GITHUB_STATE'] || '';
    if (filePath) {
        return file_command_issueFileCommand('STATE', file_command_prepareKeyValueMessage(name, value));
    }
    command_issueCommand('save-state', { name }, utils_toCommandValue(value));
}
/**
 * Gets the value of an state set by this action's main execution.
 *
 * @param     name     name of the state to get
 * @returns   string
 */
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}
function getIDToken(aud) {
    return core_awaiter(this, void 0, void 0, function* () {
        return yield OidcClient.getIDToken(aud);
    });
}
/**
 * Summary exports
 */

/**
 * @deprecated use core.summary
 */

/**
 * Path exports
 */

/**
 * Platform utilities exports
 */

//# sourceMappingURL=core.js.map
// EXTERNAL MODULE: ./src/batch/metadata.ts
var metadata = __nccwpck_require__(8055);
;// CONCATENATED MODULE: ./src/lib/parse-size.ts
// Byte sizes as people write them in workflow inputs (`max-file-size: 200MB`).
//
// Units: decimal SI for kB/MB/GB/TB (200MB = 200,000,000 bytes), binary for
// KiB/MiB/GiB/TiB (1 MiB = 1,048,576 bytes), case-insensitive. Providers state
// their limits in decimal units ("200 MB", "10 GB"); reading them as decimal is
// also the safe side (200 MB < 200 MiB), so a file we accept is never over a
// limit the provider meant in either sense.
const UNITS = {
    '': 1n,
    b: 1n,
    byte: 1n,
    bytes: 1n,
    k: 1000n,
    kb: 1000n,
    m: 1000n ** 2n,
    mb: 1000n ** 2n,
    g: 1000n ** 3n,
    gb: 1000n ** 3n,
    t: 1000n ** 4n,
    tb: 1000n ** 4n,
    p: 1000n ** 5n,
    pb: 1000n ** 5n,
    ki: 1024n,
    kib: 1024n,
    mi: 1024n ** 2n,
    mib: 1024n ** 2n,
    gi: 1024n ** 3n,
    gib: 1024n ** 3n,
    ti: 1024n ** 4n,
    tib: 1024n ** 4n,
    pi: 1024n ** 5n,
    pib: 1024n ** 5n
};
const SIZE = /^(\d(?:[\d_,]*\d)?)?(?:\.(\d+))?\s*([a-z]*)$/i;
/**
 * Parses '512', '200MB', '10 GB', '1.5GiB', '64kib' into a whole number of bytes.
 * A fraction of a larger unit is rounded down to a whole byte; a fraction of a
 * byte ('1.5B') is an error. Throws an Error naming the text on bad input.
 */
function parseByteSize(text) {
    const trimmed = text.trim();
    const fail = (why) => {
        throw new Error(`invalid size ${JSON.stringify(text)}: ${why}; write a number of bytes or a number with a unit, such as 512, 200MB, 10GB or 1.5GiB`);
    };
    if (trimmed === '')
        fail('it is empty');
    if (trimmed.startsWith('-'))
        fail('a size cannot be negative');
    const m = SIZE.exec(trimmed);
    if (!m || (m[1] === undefined && m[2] === undefined))
        return fail('not a number with an optional unit');
    const rawInt = m[1] ?? '0';
    // '1,5GB' is a European decimal, not 15 GB: commas only as thousands separators.
    if (rawInt.includes(',') && !/^\d{1,3}(?:,\d{3})+$/.test(rawInt))
        fail('use "." for a decimal point; "," only separates thousands');
    const intPart = rawInt.replace(/[_,]/g, '');
    const fraction = m[2] ?? '';
    const unit = (m[3] ?? '').toLowerCase();
    const multiplier = UNITS[unit];
    if (multiplier === undefined)
        return fail(`unknown unit "${m[3]}" (use B, kB, MB, GB, TB, PB, KiB, MiB, GiB, TiB or PiB)`);
    const scaled = BigInt(intPart + fraction) * multiplier;
    const divisor = 10n ** BigInt(fraction.length);
    if (multiplier === 1n && scaled % divisor !== 0n)
        fail('a size in bytes must be a whole number');
    const bytes = scaled / divisor;
    if (bytes > BigInt(Number.MAX_SAFE_INTEGER))
        fail('it is too large');
    return Number(bytes);
}

// EXTERNAL MODULE: ./src/lib/failure-limit.ts
var failure_limit = __nccwpck_require__(4163);
// EXTERNAL MODULE: ./src/lib/hosts.ts
var hosts = __nccwpck_require__(7452);
// EXTERNAL MODULE: ./src/github/comment.ts
var comment = __nccwpck_require__(7318);
// EXTERNAL MODULE: ./src/lib/parse-duration.ts
var parse_duration = __nccwpck_require__(6225);
;// CONCATENATED MODULE: ./src/action/input-fields.ts
// The kinds of value the inputs take: each a function from the text the runner passes to the
// value, throwing an Error whose message says what is wrong. Plain functions, not zod schemas:
// every command reads its inputs first, and zod took about a fifth of the start-up of `list`
// (bench/startup.mjs; see README, Performance).

/** The text, spaces around it removed. */
const trimmed = (text) => text.trim();
/** One of `values`, as written (no trimming, no case folding), or `message`. */
function oneOf(values, message) {
    return (text) => {
        if (!values.includes(text))
            throw new Error(message);
        return text;
    };
}
/** One of `values`, spaces around it and case ignored (`True`, ` auto `). */
function oneOfAnyCase(values, message) {
    const choice = oneOf(values, message);
    return (text) => choice(text.trim().toLowerCase());
}
/** The text, spaces around it removed, when `pattern` matches it; else `message`. */
function matching(pattern, message) {
    return (text) => {
        const value = text.trim();
        if (!pattern.test(value))
            throw new Error(message);
        return value;
    };
}
const trueOrFalse = oneOfAnyCase(['true', 'false'], 'must be true or false');
const booleanText = (text) => trueOrFalse(text) === 'true';
/** A number within [min, max], each bound with its own message. */
function within(value, min, max, unit = '') {
    if (value < min)
        throw new Error(`must be at least ${min}${unit}`);
    if (value > max)
        throw new Error(`must be at most ${max}${unit}`);
    return value;
}
/** A bare number of seconds within [min, max]; `0.05` is fine, `0.0004` (under a millisecond) is not. */
const bareSeconds = matching(/^\d+(\.\d+)?$/, 'must be a number of seconds, such as 5 or 0.5');
const secondsIn = (min, max) => (text) => within(Number(bareSeconds(text)), min, max, ' seconds');
const wholeNumber = matching(/^\d+$/, 'must be a whole number');
const integerIn = (min, max) => (text) => within(Number(wholeNumber(text)), min, max);
/** A duration with units (see parseDuration) within [minMs, maxMs], in milliseconds. */
const duration = (minMs, maxMs, why = '') => (text) => {
    const ms = (0,parse_duration/* parseDuration */.E)(text);
    if (ms < minMs)
        throw new Error(`must be at least ${(0,parse_duration/* formatDurationInput */.Y)(minMs)}`);
    if (ms > maxMs)
        throw new Error(`must be at most ${(0,parse_duration/* formatDurationInput */.Y)(maxMs)}${why}`);
    return ms;
};
/** A completion window as the Batch APIs write it: a whole number of hours or days (`24h`). */
const hoursOrDays = matching(/^\d+[hd]$/, 'must be a whole number of hours or days, such as 24h');
const completionWindow = (minHours, maxHours) => (text) => {
    const value = hoursOrDays(text);
    const hours = Number(value.slice(0, -1)) * (value.endsWith('d') ? 24 : 1);
    if (hours < minHours || hours > maxHours)
        throw new Error(`must be between ${minHours}h and ${maxHours / 24}d (the APIs take 24h)`);
    return value;
};
/** The field, or undefined for a text of only spaces. */
const optional = (field) => (text) => text.trim() === '' ? undefined : field(text);
const baseUrl = (text) => {
    let url;
    try {
        url = new URL(text.trim());
    }
    catch {
        throw new Error(`"${text}" is not a URL; use the API's base URL, such as https://api.studio.nebius.com/v1/`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        throw new Error(`must be an https:// URL, got ${url.protocol}`);
    if (url.username || url.password)
        throw new Error('must not carry credentials; pass the key in api-key');
    return url.href;
};
/** The default of github-token in action.yml; the runner expands it, nothing else does. */
const GITHUB_TOKEN_DEFAULT = '${{ github.token }}';
/** A token; the unexpanded default (a run outside the runner) is no token. */
const githubToken = (text) => {
    const value = text.trim();
    return value === GITHUB_TOKEN_DEFAULT ? '' : value;
};

;// CONCATENATED MODULE: ./src/action/input-parsers.ts
// The text of the inputs that name several things: batch ids, error codes, metadata pairs to match.

const BATCH_ID = /^[A-Za-z0-9._:-]+$/;
/**
 * One batch id, or several: a JSON array (the `batch-ids` output) or one per line. Duplicates are
 * dropped, the order is kept.
 */
function parseBatchIds(text) {
    const trimmed = text.trim();
    let ids;
    if (trimmed.startsWith('[')) {
        try {
            ids = JSON.parse(trimmed);
        }
        catch {
            throw new Error('is not a valid JSON array; give one id, a JSON array such as ["batch_a","batch_b"] (the batch-ids output), or one id per line');
        }
    }
    else
        ids = trimmed
            .split(/\r?\n/)
            .map((line) => line.trim())
            .filter((line) => line !== '');
    for (const id of ids) {
        if (typeof id !== 'string' || !BATCH_ID.test(id))
            throw new Error(`${JSON.stringify(id)} is not a batch id such as batch_abc123 (letters, digits, . _ : -)`);
    }
    return [...new Set(ids)];
}
/** Error codes as comma- or newline-separated words; empty: undefined (the default list). */
function parseCodeList(text) {
    // Split on every separator, so the words need no trim; runs of them leave empty words.
    const codes = text.split(/[\s,]/).filter((code) => code !== '');
    for (const code of codes) {
        if (!/^[A-Za-z0-9_.-]+$/.test(code))
            throw new Error(`"${code}" is not an error code; list codes such as rate_limit_exceeded, 429, batch_expired, separated by commas or lines`);
    }
    return codes.length > 0 ? codes : undefined;
}
/** The pairs collect matches: `key=value` lines or a JSON object, as metadata takes them. */
function parseMatch(text) {
    try {
        return (0,metadata/* parseMetadata */.jR)(text);
    }
    catch (error) {
        throw new Error(error.message.replace(/^metadata/, 'match'), { cause: error });
    }
}

// EXTERNAL MODULE: ./src/action/names.ts
var names = __nccwpck_require__(2814);
;// CONCATENATED MODULE: ./src/action/inputs.ts










/** Every input problem at once, so a misconfigured step is fixed in one go. */
class InputError extends Error {
    problems;
    constructor(problems) {
        super(problems.length === 1
            ? `Invalid input: ${problems[0]}`
            : `${problems.length} invalid inputs:\n${problems.map((p) => `- ${p}`).join('\n')}`);
        this.problems = problems;
        this.name = 'InputError';
    }
}
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/**
 * The ranges of the duration and interval inputs (README, Inputs). Each stays well within what
 * Node's timers can wait (2^31-1 ms, about 24.8 days: longer fires at once) and above what a
 * millisecond timer can tell apart from 0.
 */
const Ranges = {
    /** One API call; longer than an hour is a provider that will not answer. */
    requestTimeoutMs: { min: 1000, max: HOUR_MS },
    /** Five days: the longest a job runs, on a self-hosted runner (GitHub-hosted: 6 hours). */
    waitTimeoutMs: { min: 1000, max: 5 * DAY_MS },
    /** Seconds between polls: 10 ms to an hour. */
    pollIntervalSeconds: { min: 0.01, max: 3600 },
    /** The completion window, in hours: an hour to 30 days. */
    completionWindowHours: { min: 1, max: 30 * 24 },
    /** How far back collect looks: a minute to 30 days (providers keep batches about that long). */
    sinceMs: { min: 60_000, max: 30 * DAY_MS }
};
/** How each input is read; the names are the action's interface. */
const fields = {
    [names/* Inputs */.G0.Command]: oneOf(['run', 'status', 'cancel', 'list', 'collect'], 'must be one of run, status, cancel, list, collect'),
    [names/* Inputs */.G0.File]: trimmed,
    [names/* Inputs */.G0.Endpoint]: matching(/^\/\S+$/, 'must be an API path such as /v1/chat/completions'),
    [names/* Inputs */.G0.CompletionWindow]: completionWindow(Ranges.completionWindowHours.min, Ranges.completionWindowHours.max),
    [names/* Inputs */.G0.Metadata]: metadata/* parseMetadata */.jR,
    [names/* Inputs */.G0.BatchId]: parseBatchIds,
    [names/* Inputs */.G0.BaseUrl]: baseUrl,
    [names/* Inputs */.G0.ApiKey]: trimmed,
    [names/* Inputs */.G0.Wait]: booleanText,
    [names/* Inputs */.G0.PollInterval]: secondsIn(Ranges.pollIntervalSeconds.min, Ranges.pollIntervalSeconds.max),
    [names/* Inputs */.G0.MaxPollInterval]: secondsIn(Ranges.pollIntervalSeconds.min, Ranges.pollIntervalSeconds.max),
    [names/* Inputs */.G0.WaitTimeout]: duration(Ranges.waitTimeoutMs.min, Ranges.waitTimeoutMs.max, ', the longest a job can run'),
    [names/* Inputs */.G0.OnTimeout]: oneOf(['leave', 'cancel', 'fail'], 'must be one of leave, cancel, fail'),
    [names/* Inputs */.G0.CancelOnAbort]: booleanText,
    [names/* Inputs */.G0.ListLimit]: integerIn(1, 100),
    [names/* Inputs */.G0.ValidateOnly]: booleanText,
    [names/* Inputs */.G0.MaxRequests]: optional(integerIn(1, Number.MAX_SAFE_INTEGER)),
    [names/* Inputs */.G0.MaxFileSize]: optional(parseByteSize),
    [names/* Inputs */.G0.Download]: booleanText,
    [names/* Inputs */.G0.ResultsDir]: matching(/\S/, 'must name a directory, such as batch-results'),
    [names/* Inputs */.G0.MaxFailedRequests]: failure_limit/* parseFailureLimit */.r,
    [names/* Inputs */.G0.MaxConsecutiveErrors]: integerIn(1, 1000),
    [names/* Inputs */.G0.MaxAttempts]: integerIn(1, 20),
    [names/* Inputs */.G0.RequestTimeout]: duration(Ranges.requestTimeoutMs.min, Ranges.requestTimeoutMs.max),
    [names/* Inputs */.G0.AllowInsecureHttp]: booleanText,
    [names/* Inputs */.G0.Reuse]: oneOf(['attempts', 'never'], 'must be attempts or never'),
    [names/* Inputs */.G0.Comment]: comment/* parseCommentMode */.Ox,
    [names/* Inputs */.G0.GitHubToken]: githubToken,
    [names/* Inputs */.G0.MaxBatchRequests]: optional(integerIn(1, Number.MAX_SAFE_INTEGER)),
    [names/* Inputs */.G0.MaxBatchBytes]: optional(parseByteSize),
    [names/* Inputs */.G0.MaxBatchTokens]: optional(integerIn(1, Number.MAX_SAFE_INTEGER)),
    [names/* Inputs */.G0.MaxConcurrentBatches]: integerIn(1, 100),
    [names/* Inputs */.G0.RetryFailed]: integerIn(0, 10),
    [names/* Inputs */.G0.RetryErrors]: parseCodeList,
    [names/* Inputs */.G0.Match]: parseMatch,
    [names/* Inputs */.G0.Since]: duration(Ranges.sinceMs.min, Ranges.sinceMs.max),
    [names/* Inputs */.G0.CancelSuperseded]: oneOfAnyCase(['auto', 'true', 'false'], 'must be auto, true or false')
};
/** The defaults of action.yml, used when an input is empty (as when run outside the runner). */
const Defaults = {
    [names/* Inputs */.G0.Command]: 'run',
    [names/* Inputs */.G0.File]: '',
    [names/* Inputs */.G0.Endpoint]: '/v1/chat/completions',
    [names/* Inputs */.G0.CompletionWindow]: '24h',
    [names/* Inputs */.G0.Metadata]: '',
    [names/* Inputs */.G0.BatchId]: '',
    [names/* Inputs */.G0.BaseUrl]: 'https://api.studio.nebius.com/v1/',
    [names/* Inputs */.G0.ApiKey]: '',
    [names/* Inputs */.G0.Wait]: 'true',
    [names/* Inputs */.G0.PollInterval]: '5',
    [names/* Inputs */.G0.MaxPollInterval]: '60',
    [names/* Inputs */.G0.WaitTimeout]: '5h30m',
    [names/* Inputs */.G0.OnTimeout]: 'leave',
    [names/* Inputs */.G0.CancelOnAbort]: 'true',
    [names/* Inputs */.G0.ListLimit]: '20',
    [names/* Inputs */.G0.ValidateOnly]: 'false',
    [names/* Inputs */.G0.MaxRequests]: '',
    [names/* Inputs */.G0.MaxFileSize]: '',
    [names/* Inputs */.G0.Download]: 'true',
    [names/* Inputs */.G0.ResultsDir]: 'batch-results',
    [names/* Inputs */.G0.MaxFailedRequests]: '',
    [names/* Inputs */.G0.MaxConsecutiveErrors]: '10',
    [names/* Inputs */.G0.MaxAttempts]: '5',
    [names/* Inputs */.G0.RequestTimeout]: '2m',
    [names/* Inputs */.G0.AllowInsecureHttp]: 'false',
    [names/* Inputs */.G0.Reuse]: 'attempts',
    [names/* Inputs */.G0.Comment]: 'auto',
    [names/* Inputs */.G0.GitHubToken]: GITHUB_TOKEN_DEFAULT,
    [names/* Inputs */.G0.MaxBatchRequests]: '',
    [names/* Inputs */.G0.MaxBatchBytes]: '',
    [names/* Inputs */.G0.MaxBatchTokens]: '',
    [names/* Inputs */.G0.MaxConcurrentBatches]: '4',
    [names/* Inputs */.G0.RetryFailed]: '0',
    [names/* Inputs */.G0.RetryErrors]: '',
    [names/* Inputs */.G0.Match]: '',
    [names/* Inputs */.G0.Since]: '48h',
    [names/* Inputs */.G0.CancelSuperseded]: 'auto'
};
/** Reads, validates and cross-checks every input. Throws InputError naming each bad one. */
function getInputs(read = (name) => getInput(name), env = process.env, 
/** The post step only cancels: what each command requires does not apply to it. */
purpose = 'main') {
    const problems = [];
    const parsed = {};
    for (const [name, field] of Object.entries(fields)) {
        const raw = read(name);
        const text = raw.trim() === '' ? Defaults[name] : raw;
        try {
            parsed[name] = field(text);
        }
        catch (error) {
            problems.push(`${name}: ${error.message}`);
        }
    }
    const p = parsed;
    if (problems.length === 0) {
        const url = new URL(p[names/* Inputs */.G0.BaseUrl]);
        if (url.protocol === 'http:' && !(0,hosts/* isLoopbackHost */.c)(url.hostname) && !p[names/* Inputs */.G0.AllowInsecureHttp]) {
            problems.push(`base-url: ${url.origin} is plain http and not a loopback host, so the API key would travel in clear text; ` +
                'use https://, or set allow-insecure-http: true if you accept that');
        }
        if (p[names/* Inputs */.G0.MaxPollInterval] < p[names/* Inputs */.G0.PollInterval]) {
            problems.push(`max-poll-interval (${p[names/* Inputs */.G0.MaxPollInterval]}) must not be less than poll-interval (${p[names/* Inputs */.G0.PollInterval]})`);
        }
        const command = p[names/* Inputs */.G0.Command];
        const needsFile = command === 'run' || p[names/* Inputs */.G0.ValidateOnly];
        if (purpose === 'main' && needsFile && p[names/* Inputs */.G0.File] === '') {
            problems.push(`file: is required for command: ${command}${p[names/* Inputs */.G0.ValidateOnly] ? ' with validate-only' : ''}; give the path of the JSONL of requests`);
        }
        if (purpose === 'main' &&
            (command === 'status' || command === 'cancel') &&
            p[names/* Inputs */.G0.BatchId].length === 0 &&
            !p[names/* Inputs */.G0.ValidateOnly]) {
            problems.push(`batch-id: is required for command: ${command}`);
        }
        if (p[names/* Inputs */.G0.RetryFailed] > 0 && !p[names/* Inputs */.G0.Download]) {
            problems.push('retry-failed: needs download: true, since the requests to send again are found in the downloaded results; set download: true or retry-failed: 0');
        }
        try {
            (0,metadata/* checkMetadataLimits */.CT)(p[names/* Inputs */.G0.Metadata]);
        }
        catch (error) {
            problems.push(`metadata: ${error.message}`);
        }
    }
    let apiKey = '';
    let keySource;
    if (problems.length === 0) {
        if (p[names/* Inputs */.G0.ApiKey] !== '') {
            apiKey = p[names/* Inputs */.G0.ApiKey];
            keySource = 'input';
        }
        else {
            for (const name of names/* KeyEnvironment */.Xb) {
                const value = env[name]?.trim();
                if (value) {
                    apiKey = value;
                    keySource = name;
                    break;
                }
            }
        }
        if (!keySource && (purpose === 'post' || !p[names/* Inputs */.G0.ValidateOnly])) {
            problems.push('api-key: no API key was given; set the api-key input (for example api-key: ${{ secrets.NEBIUS_API_KEY }}) ' +
                'or the NEBIUS_API_KEY or OPENAI_API_KEY environment variable');
        }
    }
    if (problems.length > 0)
        throw new InputError(problems);
    return {
        command: p[names/* Inputs */.G0.Command],
        file: p[names/* Inputs */.G0.File],
        endpoint: p[names/* Inputs */.G0.Endpoint],
        completionWindow: p[names/* Inputs */.G0.CompletionWindow],
        metadata: p[names/* Inputs */.G0.Metadata],
        batchId: p[names/* Inputs */.G0.BatchId][0] ?? '',
        batchIds: p[names/* Inputs */.G0.BatchId],
        baseUrl: p[names/* Inputs */.G0.BaseUrl],
        apiKey,
        keySource,
        wait: p[names/* Inputs */.G0.Wait],
        pollIntervalMs: Math.round(p[names/* Inputs */.G0.PollInterval] * 1000),
        maxPollIntervalMs: Math.round(p[names/* Inputs */.G0.MaxPollInterval] * 1000),
        waitTimeoutMs: p[names/* Inputs */.G0.WaitTimeout],
        onTimeout: p[names/* Inputs */.G0.OnTimeout],
        cancelOnAbort: p[names/* Inputs */.G0.CancelOnAbort],
        listLimit: p[names/* Inputs */.G0.ListLimit],
        validateOnly: p[names/* Inputs */.G0.ValidateOnly],
        maxRequests: p[names/* Inputs */.G0.MaxRequests],
        maxFileBytes: p[names/* Inputs */.G0.MaxFileSize],
        download: p[names/* Inputs */.G0.Download],
        resultsDir: p[names/* Inputs */.G0.ResultsDir],
        maxFailedRequests: p[names/* Inputs */.G0.MaxFailedRequests],
        maxConsecutiveErrors: p[names/* Inputs */.G0.MaxConsecutiveErrors],
        maxAttempts: p[names/* Inputs */.G0.MaxAttempts],
        requestTimeoutMs: p[names/* Inputs */.G0.RequestTimeout],
        allowInsecureHttp: p[names/* Inputs */.G0.AllowInsecureHttp],
        reuse: p[names/* Inputs */.G0.Reuse],
        comment: p[names/* Inputs */.G0.Comment],
        githubToken: p[names/* Inputs */.G0.GitHubToken],
        maxBatchRequests: p[names/* Inputs */.G0.MaxBatchRequests],
        maxBatchBytes: p[names/* Inputs */.G0.MaxBatchBytes],
        maxBatchTokens: p[names/* Inputs */.G0.MaxBatchTokens],
        maxConcurrentBatches: p[names/* Inputs */.G0.MaxConcurrentBatches],
        retryFailed: p[names/* Inputs */.G0.RetryFailed],
        retryErrors: p[names/* Inputs */.G0.RetryErrors],
        match: p[names/* Inputs */.G0.Match],
        sinceMs: p[names/* Inputs */.G0.Since],
        cancelSuperseded: p[names/* Inputs */.G0.CancelSuperseded]
    };
}

// EXTERNAL MODULE: ./src/batch/document.ts
var batch_document = __nccwpck_require__(2543);
;// CONCATENATED MODULE: ./src/action/outputs.ts



/**
 * Sets outputs as soon as they are known and remembers them, so a step that fails or is cancelled
 * later still reports what it had, and each value is written only when it changes.
 */
class OutputWriter {
    redact;
    write;
    values = new Map();
    constructor(redact = (text) => text, write = setOutput) {
        this.redact = redact;
        this.write = write;
    }
    set(name, value) {
        const text = this.redact(value == null ? '' : String(value));
        if (this.values.get(name) === text)
            return;
        this.values.set(name, text);
        this.write(name, text);
    }
    setBatch(batch) {
        const counts = (0,batch_document/* requestCounts */.q3)(batch);
        this.set(names/* Outputs */.tY.BatchId, batch.id);
        this.set(names/* Outputs */.tY.Status, batch.status);
        this.set(names/* Outputs */.tY.InputFileId, batch.input_file_id);
        this.set(names/* Outputs */.tY.OutputFileId, batch.output_file_id);
        this.set(names/* Outputs */.tY.ErrorFileId, batch.error_file_id);
        this.set(names/* Outputs */.tY.Total, counts.total);
        this.set(names/* Outputs */.tY.Completed, counts.completed);
        this.set(names/* Outputs */.tY.Failed, counts.failed);
        this.set(names/* Outputs */.tY.Batch, JSON.stringify(batch));
        this.set(names/* Outputs */.tY.BatchIds, JSON.stringify([batch.id]));
    }
}

;// CONCATENATED MODULE: ./src/action/runner.ts
// The runner's side of a step: its log, masking, failing. Everything else reaches the runner
// through the functions here, so the commands can run against a spy in tests.

/**
 * A log whose groups open only when something is written in them: a group with nothing in it
 * is a fold the reader opens for nothing. Debug lines do not open a group (the log viewer hides
 * them). Groups do not nest on GitHub; an inner group's lines go to the outer one.
 */
function lazyGroupLog(base, runner) {
    let pending;
    let depth = 0;
    const open = () => {
        if (pending === undefined)
            return;
        runner.startGroup(pending);
        pending = undefined;
    };
    const shown = (write) => (...args) => {
        open();
        write(...args);
    };
    return {
        debug: (message) => base.debug(message),
        info: shown((message) => base.info(message)),
        notice: shown((message) => base.notice(message)),
        warning: shown((message) => base.warning(message)),
        error: shown((message, where) => base.error(message, where)),
        group: async (name, work) => {
            if (depth++ > 0) {
                try {
                    return await work();
                }
                finally {
                    depth--;
                }
            }
            pending = name;
            try {
                return await work();
            }
            finally {
                depth--;
                if (pending === undefined)
                    runner.endGroup();
                pending = undefined;
            }
        }
    };
}
const runnerLog = lazyGroupLog({
    debug: (message) => core_debug(message),
    info: (message) => info(message),
    notice: (message) => notice(message),
    warning: (message) => warning(message),
    error: (message, where) => (where ? error(message, where) : error(message))
}, { startGroup: (name) => startGroup(name), endGroup: () => endGroup() });
/** Masks `secret` in everything the runner logs from now on. */
function maskSecret(secret) {
    if (secret)
        core_setSecret(secret);
}
/** Fails the step with `message` (exit code 1). */
function failStep(message) {
    setFailed(message);
}
/** Step debug logging is on (ACTIONS_STEP_DEBUG). */
function runner_isDebug() {
    return isDebug();
}

;// CONCATENATED MODULE: ./src/action/state.ts


/** The runner's own store: written by the main step (GITHUB_STATE), read by the post step. */
const runnerStore = {
    save: (name, value) => saveState(name, value),
    get: (name) => getState(name)
};
/** A store in memory; `through` also writes every value to another store (the runner's). */
function memoryStore(through) {
    const values = new Map();
    return {
        save(name, value) {
            values.set(name, value);
            through?.save(name, value);
        },
        get: (name) => values.get(name) ?? ''
    };
}
function parseIds(text) {
    if (text === '')
        return [];
    try {
        const ids = JSON.parse(text);
        return Array.isArray(ids) ? ids.filter((id) => typeof id === 'string') : [];
    }
    catch {
        return [];
    }
}
/**
 * What the main step leaves for the post step: the batch it is responsible for, and whether it
 * finished with it. The post step cancels a saved batch that was never settled.
 */
class StepState {
    store;
    constructor(store) {
        this.store = store;
    }
    /** Saved before a create is sent, so a batch created by a killed step can still be found. */
    saveCreateKey(key, fileSha256, searchSince) {
        this.store.save(names/* State */.Uw.IdempotencyKey, key);
        this.store.save(names/* State */.Uw.InputSha256, fileSha256);
        this.store.save(names/* State */.Uw.SearchSince, String(searchSince));
        this.store.save(names/* State */.Uw.Settled, 'false');
    }
    /** The batch this step is now responsible for (cancelled on abort unless settled). */
    saveBatch(batchId) {
        this.store.save(names/* State */.Uw.BatchId, batchId);
        this.store.save(names/* State */.Uw.Settled, 'false');
    }
    /**
     * One more batch of the step's job (created, or taken up from an earlier attempt). The first is
     * also `batchId`; a create whose batch is now known is no longer pending.
     */
    saveJobBatch(batchId) {
        const ids = parseIds(this.store.get(names/* State */.Uw.BatchIds));
        if (!ids.includes(batchId))
            ids.push(batchId);
        this.store.save(names/* State */.Uw.BatchIds, JSON.stringify(ids));
        if (this.store.get(names/* State */.Uw.BatchId) === '')
            this.store.save(names/* State */.Uw.BatchId, batchId);
        this.store.save(names/* State */.Uw.IdempotencyKey, '');
        this.store.save(names/* State */.Uw.Settled, 'false');
    }
    /** The step is done with its batch: it ended, was cancelled, or is left running on purpose. */
    markSettled() {
        this.store.save(names/* State */.Uw.Settled, 'true');
    }
    read() {
        return {
            batchId: this.store.get(names/* State */.Uw.BatchId),
            pendingKey: this.store.get(names/* State */.Uw.IdempotencyKey),
            fileSha256: this.store.get(names/* State */.Uw.InputSha256),
            searchSince: Number.parseInt(this.store.get(names/* State */.Uw.SearchSince), 10) || 0,
            settled: this.store.get(names/* State */.Uw.Settled) === 'true',
            batchIds: parseIds(this.store.get(names/* State */.Uw.BatchIds))
        };
    }
}

// EXTERNAL MODULE: ./src/job/status.ts
var job_status = __nccwpck_require__(2881);
// EXTERNAL MODULE: ./src/lib/format.ts
var format = __nccwpck_require__(432);
// EXTERNAL MODULE: ./src/report/model.ts + 1 modules
var model = __nccwpck_require__(8835);
;// CONCATENATED MODULE: ./src/report/job-table.ts
// The table of a job's batches in the job summary: one row per batch, in part and round order.




/** The rows of the batches table; undefined for a job of one batch (the summary says it all). */
function jobBatchRows(batches) {
    if (!batches || batches.length < 2)
        return undefined;
    return (0,job_status/* inJobOrder */.P)(batches).map((entry) => {
        const counts = (0,batch_document/* requestCounts */.q3)(entry.batch);
        const total = (0,model/* batchDurations */.w5)(entry.batch).total;
        return {
            part: `${entry.part}/${entry.parts}`,
            round: entry.round,
            id: entry.batch.id,
            status: entry.replaced
                ? `${entry.batch.status} (token limit; sent again)`
                : entry.batch.status,
            requests: `${(0,format/* formatNumber */.ZV)(counts.completed)} done, ${(0,format/* formatNumber */.ZV)(counts.failed)} failed of ${(0,format/* formatNumber */.ZV)(counts.total)}`,
            duration: total === undefined ? '-' : (0,format/* formatDuration */.a3)(total)
        };
    });
}

// EXTERNAL MODULE: ./src/lib/redact.ts
var redact = __nccwpck_require__(310);
// EXTERNAL MODULE: ./src/report/counts.ts
var counts = __nccwpck_require__(5132);
;// CONCATENATED MODULE: ./src/report/jobs.ts


/** One row per job; paths relative to the workspace. */
function jobRows(jobs, workspace) {
    return jobs.map((job) => {
        const pairs = Object.entries(job.metadata).map(([key, value]) => `${key}=${value}`);
        return {
            batch: job.batch_ids[0] ?? job.job,
            batches: job.batch_ids.length,
            status: job.status,
            metadata: pairs.length > 0 ? pairs.join(', ') : undefined,
            counts: `${(0,format/* formatNumber */.ZV)(job.total)} / ${(0,format/* formatNumber */.ZV)(job.completed)} / ${(0,format/* formatNumber */.ZV)(job.failed)}`,
            tokens: job.tokens.total > 0 ? (0,format/* formatNumber */.ZV)(job.tokens.total) : undefined,
            results: job.results_path ? (0,counts/* workspacePath */.X5)(job.results_path, workspace) : undefined
        };
    });
}
/** The heading of the summary: how many jobs, how many collected. */
function jobsHeading(jobs) {
    const running = jobs.filter((job) => job.status === 'running').length;
    const word = (n) => `${n} job${n === 1 ? '' : 's'}`;
    if (jobs.length === 0)
        return 'No matching jobs';
    return running > 0 ? `${word(jobs.length)}, ${running} still running` : word(jobs.length);
}

;// CONCATENATED MODULE: ./src/report/list.ts


/** One row per batch of `list`. */
function listReport(batches) {
    return batches.map((batch) => {
        const counts = batch.request_counts;
        return {
            id: batch.id,
            status: (0,model/* statusText */.qS)(batch),
            endpoint: batch.endpoint,
            created: (0,format/* formatTimestamp */.Ey)(batch.created_at),
            counts: counts
                ? `${(0,model/* count */.U9)(counts.total)} / ${(0,model/* count */.U9)(counts.completed)} / ${(0,model/* count */.U9)(counts.failed)}`
                : undefined
        };
    });
}

;// CONCATENATED MODULE: ./src/report/validation.ts
// What the job summary says about the check of a requests file: for a validate-only run, and for
// a run stopped by problems in the file (nothing was uploaded). Plain data, escaped by render.ts.

/** Problems listed in the summary; the rest are counted. */
const MAX_PROBLEMS_SHOWN = 20;
function lineText(problem) {
    return problem.line > 0 ? (0,format/* formatNumber */.ZV)(problem.line) : 'file';
}
function validationView(data) {
    const { report } = data;
    const total = Math.max(report.problemCount, report.problems.length);
    const facts = [
        { label: 'Requests', value: (0,format/* formatNumber */.ZV)(report.requests) },
        { label: 'Size', value: (0,format/* formatBytes */.z3)(report.bytes) },
        { label: 'Model', value: report.model, code: true },
        { label: 'Endpoint', value: data.endpoint, code: true }
    ];
    if (total === 0) {
        return {
            title: `File is valid: ${data.file}`,
            tone: 'good',
            facts,
            problems: undefined,
            note: data.validateOnly
                ? 'validate-only: the file was checked and nothing was uploaded.'
                : 'The file was checked before upload.'
        };
    }
    const shown = report.problems.slice(0, MAX_PROBLEMS_SHOWN);
    const notShown = total - shown.length;
    const problemWord = total === 1 ? 'problem' : 'problems';
    return {
        title: `Validation failed: ${data.file}, ${(0,format/* formatNumber */.ZV)(total)} ${problemWord}`,
        tone: 'bad',
        facts,
        ...(data.hint ? { hint: data.hint } : {}),
        problems: {
            heading: notShown > 0 ? `Problems (first ${shown.length} of ${(0,format/* formatNumber */.ZV)(total)})` : 'Problems',
            lines: shown.map((problem) => ({ line: lineText(problem), message: problem.message }))
        },
        ...(notShown > 0
            ? {
                more: `${(0,format/* formatNumber */.ZV)(notShown)} more ${notShown === 1 ? 'problem is' : 'problems are'} not listed here; fix these and run again to see them.`
            }
            : {}),
        note: `Nothing was uploaded. The first ${(0,format/* formatNumber */.ZV)(data.annotated)} ${data.annotated === 1 ? 'problem is' : 'problems are'} annotated on ${data.annotated === 1 ? 'its line' : 'their lines'} (GitHub shows at most 10 annotations per step); the log lists the rest.`
    };
}

;// CONCATENATED MODULE: ./src/report/render.ts





const EMPTY = '-';
const MAX_MESSAGE = 300;
const ICONS = { good: '✅', warn: '⚠️', bad: '❌', running: '⏳' };
/** Escapes text for HTML, and flattens line breaks (a blank line would end the HTML block in markdown). */
function escapeHtml(text) {
    return escapeKeepingLines(text).replace(/\s*[\r\n]+\s*/g, ' ');
}
/** Escapes text for a <pre> block, keeping its lines (it must have no blank line: that ends the block). */
function escapeKeepingLines(text) {
    return text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;');
}
function cell(value, maxLength = Infinity) {
    if (value === undefined || value === null)
        return EMPTY;
    let text = typeof value === 'number' ? (0,format/* formatNumber */.ZV)(value) : value;
    if (text.length > maxLength)
        text = `${text.slice(0, maxLength - 3)}...`;
    return text.trim() === '' ? EMPTY : escapeHtml(text);
}
function code(value) {
    return typeof value === 'string' && value.trim() !== ''
        ? `<code>${escapeHtml(value)}</code>`
        : EMPTY;
}
function fieldCell(field) {
    return field.code ? code(field.value) : cell(field.value, field.maxLength);
}
/** A table from cells that are already HTML; the first row is the header when `head` is given. */
function table(head, rows) {
    const headRow = head ? `<tr>${head.map((title) => `<th>${title}</th>`).join('')}</tr>` : '';
    const body = rows.map((row) => `<tr>${row.map((data) => `<td>${data}</td>`).join('')}</tr>`);
    return `<table>${headRow}${body.join('')}</table>`;
}
/** A table of labelled values, the labels as header cells. */
function fieldTable(fields) {
    const rows = fields.map((field) => `<tr><th>${field.label}</th><td>${fieldCell(field)}</td></tr>`);
    return `<table>${rows.join('')}</table>`;
}
function facts(fields) {
    return fields.map((field) => `<b>${field.label}</b> ${fieldCell(field)}`).join(' · ');
}
function block(summary, html) {
    summary.addRaw(html).addEOL();
}
function details(title, content) {
    return `<details><summary>${escapeHtml(title)}</summary>${content}</details>`;
}
/** Adds the summary of one batch run to `summary` (does not write it). */
function renderBatchSummary(summary, data) {
    const report = (0,model/* batchReport */.nJ)(data);
    summary.addHeading(`${ICONS[report.tone]} ${escapeHtml(report.title)}`, 2);
    if (report.facts.length > 0)
        block(summary, `<p>${facts(report.facts)}</p>`);
    if (report.counts)
        block(summary, `<p><strong>${escapeHtml(report.counts)}</strong></p>`);
    if (report.message)
        block(summary, `<p>${cell(report.message, 1000)}</p>`);
    if (data.jobBatches) {
        summary.addHeading(`Batches of the job (${data.jobBatches.length})`, 3);
        block(summary, table(['Part', 'Round', 'Batch', 'Status', 'Requests', 'Duration'], data.jobBatches.map((row) => [
            cell(row.part),
            cell(row.round),
            code(row.id),
            cell(row.status),
            cell(row.requests),
            cell(row.duration)
        ])));
    }
    if (report.failureCodes) {
        summary.addHeading('Failed requests by error code', 3);
        block(summary, table(['Code', 'Requests', 'Example'], report.failureCodes.map((group) => [
            group.code ? code(group.code) : '(none)',
            (0,format/* formatNumber */.ZV)(group.count),
            cell(group.example.message, MAX_MESSAGE)
        ])));
    }
    if (report.failures) {
        summary.addHeading(escapeHtml(report.failures.heading), 3);
        block(summary, table(['custom_id', 'Code', 'Status', 'Error'], report.failures.lines.map((failure) => [
            code(failure.custom_id),
            failure.code ? code(failure.code) : EMPTY,
            cell(failure.status_code),
            cell(failure.message, MAX_MESSAGE)
        ])));
    }
    if (report.samples) {
        const rows = report.samples.lines.map((sample) => [code(sample.custom_id), cell(sample.text)]);
        block(summary, details(report.samples.heading, table(['custom_id', 'Response'], rows)));
    }
    if (report.files.length > 0) {
        summary.addHeading('Files', 3);
        block(summary, fieldTable(report.files.map((f) => ({ label: f.label, value: f.path, code: true }))));
    }
    if (report.superseded) {
        summary.addHeading(escapeHtml(report.superseded.heading), 3);
        const items = report.superseded.lines.map((line) => `<li>${escapeHtml(line)}</li>`);
        block(summary, `<ul>${items.join('')}</ul>`);
    }
    if (report.uploadHint) {
        const yaml = `<pre lang="yaml"><code>${escapeKeepingLines(report.uploadHint)}</code></pre>`;
        block(summary, details('Keep the results: add an upload-artifact step', yaml));
    }
    summary.addHeading('Details', 3);
    block(summary, fieldTable(report.details));
}
/** Adds the summary of a requests file check (validate-only, or problems found) to `summary`. */
function renderValidationSummary(summary, data) {
    const view = validationView(data);
    summary.addHeading(`${ICONS[view.tone]} ${escapeHtml(view.title)}`, 2);
    block(summary, `<p>${facts(view.facts)}</p>`);
    if (view.hint)
        block(summary, `<p><strong>${escapeHtml(view.hint)}</strong></p>`);
    if (view.problems) {
        summary.addHeading(escapeHtml(view.problems.heading), 3);
        block(summary, table(['Line', 'Problem'], view.problems.lines.map((problem) => [problem.line, cell(problem.message, MAX_MESSAGE)])));
    }
    if (view.more)
        block(summary, `<p>${escapeHtml(view.more)}</p>`);
    block(summary, `<p>${escapeHtml(view.note)}</p>`);
}
/** Adds the table of `list` to `summary` (does not write it). */
function renderListSummary(summary, batches) {
    summary.addHeading('Batches', 2);
    if (batches.length === 0) {
        block(summary, '<p>No batches found.</p>');
        return;
    }
    block(summary, table(['ID', 'Status', 'Endpoint', 'Created', 'Requests (total / completed / failed)'], listReport(batches).map((row) => [
        code(row.id),
        cell(row.status),
        cell(row.endpoint),
        cell(row.created),
        row.counts ?? EMPTY
    ])));
}
/** Adds the table of `collect` to `summary`: one row per job (does not write it). */
function renderJobsSummary(summary, jobs, workspace) {
    summary.addHeading(`Jobs: ${escapeHtml(jobsHeading(jobs))}`, 2);
    if (jobs.length === 0) {
        block(summary, '<p>No batches of this repository matched.</p>');
        return;
    }
    block(summary, table([
        'Job (first batch)',
        'Batches',
        'Status',
        'Metadata',
        'Requests (total / completed / failed)',
        'Tokens',
        'Results'
    ], jobRows(jobs, workspace).map((row) => [
        code(row.batch),
        cell(row.batches),
        cell(row.status),
        code(row.metadata),
        cell(row.counts),
        cell(row.tokens),
        code(row.results)
    ])));
}

;// CONCATENATED MODULE: ./src/action/summary.ts



function isPlain(value) {
    const prototype = Object.getPrototypeOf(value);
    return prototype === Object.prototype || prototype === null;
}
/**
 * `value` with the secrets masked in every string it holds. Done on what the summary shows, before
 * it is rendered: a message cut to fit a table cell, or escaped for HTML, could hide part of a key
 * from a search of the text.
 */
function redactValues(value, secrets) {
    if (typeof value === 'string')
        return (0,redact/* redact */.E)(value, secrets);
    if (Array.isArray(value))
        return value.map((item) => redactValues(item, secrets));
    if (value !== null && typeof value === 'object' && isPlain(value)) {
        return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactValues(item, secrets)]));
    }
    return value;
}
/**
 * The one place the job summary is written. The secrets (the API key) are masked in the data it
 * shows and once more in the text written: the messages of a provider's error file can carry the
 * key, and the summary is not masked by the runner.
 */
async function writeSummary(render, secrets) {
    if (!process.env['GITHUB_STEP_SUMMARY'])
        return;
    try {
        render(summary);
        const text = (0,redact/* redact */.E)(summary.stringify(), secrets);
        await summary.emptyBuffer().addRaw(text).write();
    }
    catch (error) {
        summary.emptyBuffer();
        const message = error instanceof Error ? error.message : String(error);
        warning(`Could not write the job summary: ${(0,redact/* redact */.E)(message, secrets)}`);
    }
}
/** Appends the summary of a batch run to the job summary; does nothing when GITHUB_STEP_SUMMARY is unset. */
async function writeBatchSummary(data, secrets) {
    await writeSummary((summary) => renderBatchSummary(summary, redactValues(data, secrets)), secrets);
}
/** Appends the table of `list` to the job summary; does nothing when GITHUB_STEP_SUMMARY is unset. */
async function writeListSummary(batches, secrets) {
    await writeSummary((summary) => renderListSummary(summary, redactValues(batches, secrets)), secrets);
}
/** Appends the table of `collect`, one row per job; does nothing when GITHUB_STEP_SUMMARY is unset. */
async function writeJobsSummary(jobs, secrets, workspace) {
    await writeSummary((summary) => renderJobsSummary(summary, redactValues(jobs, secrets), workspace), secrets);
}
/** Appends the account of a requests file check (validate-only, or problems that stopped the run). */
async function writeValidationSummary(data, secrets) {
    await writeSummary((summary) => renderValidationSummary(summary, redactValues(data, secrets)), secrets);
}

// EXTERNAL MODULE: ./src/batch/poll.ts + 1 modules
var poll = __nccwpck_require__(3214);
// EXTERNAL MODULE: ./src/batch/reconcile.ts
var reconcile = __nccwpck_require__(5852);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __nccwpck_require__(7268);
// EXTERNAL MODULE: ./src/net/abort.ts
var abort = __nccwpck_require__(3961);
// EXTERNAL MODULE: ./src/commands/failure.ts
var failure = __nccwpck_require__(9776);
;// CONCATENATED MODULE: ./src/commands/abort.ts






/**
 * Time from SIGINT to the process's exit: the runner sends SIGTERM at 7.5 s and kills at 10 s.
 * The API calls of the abort path get what is left after the wind-down (the outcome, the summary,
 * and the exit), so the whole path fits in the budget.
 */
const ABORT_BUDGET_MS = 6000;
const WIND_DOWN_MS = 300;
/**
 * A signal that aborts after `ms`, on a timer of its own. AbortSignal.timeout was measured to fire
 * about 0.7 s late with a request hanging on it, which pushed the exit past the budget.
 */
function deadline(ms) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new DOMException('The cancel ran out of time', 'TimeoutError')), ms);
    return { signal: controller.signal, clear: () => clearTimeout(timer) };
}
/** Turns any error a command threw into how the step ended; on a stop signal, cancels first. */
async function explainFailure(env, error, received) {
    if (error instanceof failure/* StepFailure */.p)
        return { kind: 'error', message: error.message };
    if (received || (0,abort/* isAbort */.rV)(error, env.signal))
        return { kind: 'aborted', message: await cancelOnAbort(env, received) };
    if (error instanceof poll/* PollError */.SD) {
        return {
            kind: 'error',
            message: `${error.message}. Batch ${error.lastBatch.id} was ${error.lastBatch.status} when last seen`
        };
    }
    const described = (0,errors/* describeApiError */.g)(error, env.inputs);
    const batch = env.findings.batch;
    return { kind: 'error', message: batch ? `${described} (batch ${batch.id})` : described };
}
/** The step was cancelled: cancel its batch at once, within the time the runner allows. */
async function cancelOnAbort(env, received, budgetMs = ABORT_BUDGET_MS - WIND_DOWN_MS) {
    const { inputs, findings, state, api } = env;
    const how = `The step was cancelled (${received ?? 'aborted'})`;
    if (!inputs.cancelOnAbort || !api) {
        return findings.batch
            ? `${how}; batch ${findings.batch.id} was left ${findings.batch.status} (cancel-on-abort is false)`
            : how;
    }
    const timer = deadline(budgetMs);
    const budget = timer.signal;
    if (findings.job && findings.job.size > 0) {
        try {
            return await cancelJobOnAbort(env, how, budget, budgetMs);
        }
        finally {
            timer.clear();
        }
    }
    try {
        const owned = state.read().batchId !== '';
        let target = owned ? findings.batch : undefined;
        if (!target && findings.creating) {
            const saved = state.read();
            const mark = { key: findings.creating, fileSha256: saved.fileSha256 };
            const since = saved.searchSince - reconcile/* CLOCK_SKEW_S */.yV;
            const own = await (0,reconcile/* findOwnBatches */.mj)(api, mark, since, env.log, budget, budgetMs);
            target = own.find((batch) => !(0,batch_document/* isTerminal */.Hd)(batch.status)) ?? own[0];
            // Not found yet: a create may still commit, so the key stays unsettled for the post step.
            if (!target)
                return `${how} while creating the batch; no batch was listed for this step yet, so the post step looks for it again (idempotency key ${findings.creating})`;
            state.saveBatch(target.id);
            findings.track(target);
        }
        if (!target)
            return `${how} before a batch was created; nothing was created`;
        if ((0,batch_document/* isTerminal */.Hd)(target.status))
            return `${how}; batch ${target.id} had already ended ${target.status}`;
        findings.track(await api.cancel(target.id, budget, budgetMs));
        state.markSettled();
        return `${how}; batch ${target.id} was cancelled (now ${findings.batch?.status})`;
    }
    catch (error) {
        const id = findings.batch?.id;
        const why = budget.aborted
            ? `no answer within the ${(budgetMs / 1000).toFixed(1)}s a cancelled step has`
            : (0,errors/* describeApiError */.g)(error, inputs);
        return `${how}; cancelling batch ${id ?? '(unknown)'} failed: ${why}. ${id ? `Cancel it by hand: command: cancel, batch-id: ${id}` : ''}`.trim();
    }
    finally {
        timer.clear();
    }
}
/**
 * The step of a job was cancelled: every batch of it still running is cancelled at once, in
 * parallel, so that the whole job fits in the time one batch's cancel has; a create in flight is
 * looked for by its key, as for one batch.
 */
async function cancelJobOnAbort(env, how, budget, budgetMs) {
    const { findings, state } = env;
    const api = env.api;
    const job = findings.job;
    const pending = findings.creating;
    const saved = state.read();
    const lookup = pending
        ? (0,reconcile/* findOwnBatches */.mj)(api, { key: pending, fileSha256: saved.fileSha256 }, saved.searchSince - reconcile/* CLOCK_SKEW_S */.yV, env.log, budget, budgetMs).catch(() => [])
        : Promise.resolve([]);
    const cancelOne = async (id) => {
        const cancelled = await api.cancel(id, budget, budgetMs);
        const entry = job.get(id);
        if (entry)
            job.track(entry, cancelled);
    };
    const running = job.running().map((entry) => entry.batch.id);
    const first = await Promise.allSettled(running.map(cancelOne));
    const late = (await lookup).filter((batch) => !(0,batch_document/* isTerminal */.Hd)(batch.status)).map((batch) => batch.id);
    for (const id of late)
        state.saveJobBatch(id);
    const second = await Promise.allSettled(late.map(cancelOne));
    findings.batch = job.asBatch();
    const outcomes = [...running, ...late].map((id, index) => ({
        id,
        result: [...first, ...second][index]
    }));
    const failed = outcomes.filter(({ result }) => result?.status === 'rejected');
    const unfound = pending !== undefined && late.length === 0;
    if (failed.length === 0 && !unfound)
        state.markSettled();
    const parts = [];
    if (outcomes.length === 0)
        parts.push('no batch of the job was running');
    const cancelled = outcomes
        .filter(({ result }) => result?.status === 'fulfilled')
        .map(({ id }) => id);
    if (cancelled.length > 0)
        parts.push(`cancelled ${cancelled.join(', ')}`);
    for (const { id, result } of failed) {
        const why = budget.aborted
            ? `no answer within the ${(budgetMs / 1000).toFixed(1)}s a cancelled step has`
            : (0,errors/* describeApiError */.g)(result.reason, env.inputs);
        parts.push(`cancelling batch ${id} failed: ${why}; cancel it with command: cancel, batch-id: ${id}`);
    }
    if (unfound)
        parts.push(`a create was in flight and its batch was not listed yet; the post step looks for it (idempotency key ${pending})`);
    return `${how}; ${parts.join('; ')}`;
}

;// CONCATENATED MODULE: ./src/commands/dispatch.ts
/** Whether the command talks to the API: every one but `validate-only`, which checks a local file. */
function callsApi(inputs) {
    return !inputs.validateOnly;
}
/**
 * The API client, for a command that calls the API and a step that has a key; the SDK is imported
 * here, on first use, and not at start-up.
 */
async function openApi(inputs, log, options) {
    if (!callsApi(inputs) || !inputs.apiKey)
        return undefined;
    const { createBatchApi } = await Promise.all(/* import() */[__nccwpck_require__.e(626), __nccwpck_require__.e(373)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6373));
    return createBatchApi(inputs, log, options);
}
/** Runs the command the inputs ask for. */
async function runCommand(env) {
    const { inputs } = env;
    if (inputs.validateOnly) {
        const { validateOnly } = await Promise.all(/* import() */[__nccwpck_require__.e(491), __nccwpck_require__.e(293), __nccwpck_require__.e(603)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3603));
        return { ending: await validateOnly(env) };
    }
    switch (inputs.command) {
        case 'run': {
            const { runBatch } = await Promise.all(/* import() */[__nccwpck_require__.e(491), __nccwpck_require__.e(626), __nccwpck_require__.e(293), __nccwpck_require__.e(672), __nccwpck_require__.e(603), __nccwpck_require__.e(335)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1335));
            return { ending: await runBatch(env) };
        }
        case 'status': {
            const { statusOf } = await Promise.all(/* import() */[__nccwpck_require__.e(491), __nccwpck_require__.e(293), __nccwpck_require__.e(190)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8190));
            return { ending: await statusOf(env) };
        }
        case 'cancel': {
            const { cancelBatch } = await Promise.all(/* import() */[__nccwpck_require__.e(491), __nccwpck_require__.e(293), __nccwpck_require__.e(90)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6090));
            return { ending: await cancelBatch(env) };
        }
        case 'list': {
            const { listBatches } = await __nccwpck_require__.e(/* import() */ 664).then(__nccwpck_require__.bind(__nccwpck_require__, 9664));
            const { ending, batches } = await listBatches(env);
            return { ending, listed: batches };
        }
        case 'collect': {
            const { collectJobs } = await Promise.all(/* import() */[__nccwpck_require__.e(491), __nccwpck_require__.e(293), __nccwpck_require__.e(672), __nccwpck_require__.e(351)]).then(__nccwpck_require__.bind(__nccwpck_require__, 4351));
            const { ending, jobs } = await collectJobs(env);
            return { ending, jobs };
        }
    }
}

// EXTERNAL MODULE: ./src/commands/outcome.ts
var outcome = __nccwpck_require__(8786);
// EXTERNAL MODULE: ./src/commands/step.ts
var step = __nccwpck_require__(7134);
;// CONCATENATED MODULE: ./src/main.ts
// The main step: inputs, then a command, then a result that becomes outputs, summary and exit.













/** The runner's own: its log, inputs, environment and state. */
function runnerDeps() {
    return {
        log: runnerLog,
        env: process.env,
        context: readRunContext(process.env),
        state: new StepState(memoryStore(runnerStore)),
        fail: failStep,
        mask: maskSecret,
        verbose: runner_isDebug()
    };
}
async function run(deps = runnerDeps()) {
    const scope = (0,abort/* createAbortScope */.bA)(deps.signals);
    try {
        let inputs;
        try {
            inputs = getInputs(deps.readInput, deps.env);
        }
        catch (error) {
            // A failure before the step could start: no batch, no summary.
            return deps.fail(describeInputFailure(error));
        }
        deps.mask(inputs.apiKey);
        deps.mask(inputs.githubToken);
        const hide = (text) => (0,redact/* redact */.E)(text, [inputs.apiKey, inputs.githubToken]);
        const outputs = new OutputWriter(hide, deps.writeOutput);
        const env = {
            inputs,
            api: await openApi(inputs, deps.log, { verbose: deps.verbose }),
            log: deps.log,
            outputs,
            state: deps.state,
            context: deps.context,
            signal: scope.signal,
            findings: new step/* Findings */.F(deps.log, outputs),
            redact: hide
        };
        let result;
        try {
            result = await runCommand(env);
        }
        catch (error) {
            result = { ending: await explainFailure(env, error, scope.received) };
        }
        const verdict = (0,outcome/* decideOutcome */.dl)(result.ending, inputs);
        report(env, verdict);
        if ((0,outcome/* failsStep */.ug)(verdict.outcome))
            deps.fail(hide(verdict.message ?? 'The step failed'));
        await main_writeSummary(env, result, verdict);
    }
    finally {
        scope.dispose();
    }
}
function report(env, verdict) {
    for (const note of verdict.notes)
        env.log[note.level](env.redact(note.text));
}
async function main_writeSummary(env, result, verdict) {
    const { inputs, findings } = env;
    const secrets = [inputs.apiKey, inputs.githubToken];
    if (result.listed)
        return writeListSummary(result.listed, secrets);
    if (result.jobs)
        return writeJobsSummary(result.jobs, secrets, env.context.workspace);
    const validation = findings.validation;
    // validate-only, or a file whose problems stopped the run: the check is the whole story.
    if (validation && (inputs.validateOnly || validation.report.problemCount > 0))
        return writeValidationSummary(validation, secrets);
    if (inputs.command === 'list' || inputs.command === 'collect')
        return;
    if (inputs.validateOnly || !findings.batch)
        return;
    await writeBatchSummary({
        command: inputs.command,
        batch: findings.batch,
        model: findings.model,
        outcome: verdict.outcome,
        message: verdict.message ? env.redact(verdict.message) : undefined,
        file: validation?.file ?? (inputs.file || undefined),
        // status and cancel name a batch made elsewhere: its own endpoint and metadata tell about it.
        ...(inputs.command === 'run' ? { endpoint: inputs.endpoint, metadata: inputs.metadata } : {}),
        failureLimit: inputs.maxFailedRequests,
        files: findings.files,
        usage: findings.results?.usage,
        failures: findings.results?.failures ?? [],
        results: findings.results,
        workspace: env.context.workspace,
        now: Date.now(),
        jobBatches: jobBatchRows(findings.job?.list()),
        superseded: findings.superseded
    }, secrets);
}
/** A failure before the step could start; its message is already written for the user. */
function describeInputFailure(error) {
    if (error instanceof InputError)
        return error.message;
    return error instanceof Error ? error.message : String(error);
}


/***/ }),

/***/ 3961:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Eu: () => (/* binding */ untilAborted),
/* harmony export */   Js: () => (/* binding */ abortReason),
/* harmony export */   bA: () => (/* binding */ createAbortScope),
/* harmony export */   rV: () => (/* binding */ isAbort),
/* harmony export */   yy: () => (/* binding */ sleep)
/* harmony export */ });
/* unused harmony export AbortedError */
/* harmony import */ var openai_core_error__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7922);

/** Resolves after `ms`, or rejects at once with the signal's reason when it is aborted. */
const sleep = (ms, signal) => new Promise((resolve, reject) => {
    if (signal?.aborted)
        return reject(abortReason(signal));
    const onAbort = () => {
        clearTimeout(timer);
        reject(abortReason(signal));
    };
    const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
});
class AbortedError extends Error {
    constructor(message = 'The step was cancelled') {
        super(message);
        this.name = 'AbortedError';
    }
}
function abortReason(signal) {
    return signal.reason instanceof Error ? signal.reason : new AbortedError();
}
function isAbort(error, signal) {
    return (error instanceof AbortedError ||
        error instanceof openai_core_error__WEBPACK_IMPORTED_MODULE_0__/* .APIUserAbortError */ .cH ||
        (error instanceof Error && error.name === 'AbortError') ||
        signal?.aborted === true);
}
/**
 * The runner cancels a step with SIGINT, then SIGTERM 7.5 s later, then SIGKILL. Both signals
 * abort one controller that every request and sleep listens to, so nothing waits behind them.
 */
function createAbortScope(target = process) {
    const controller = new AbortController();
    let received;
    const handlers = ['SIGINT', 'SIGTERM'].map((name) => {
        const handler = () => {
            received ??= name;
            if (!controller.signal.aborted)
                controller.abort(new AbortedError(`The step was cancelled (${name})`));
        };
        target.on(name, handler);
        return [name, handler];
    });
    return {
        signal: controller.signal,
        get received() {
            return received;
        },
        dispose() {
            for (const [name, handler] of handlers)
                target.off(name, handler);
        }
    };
}
/** Stops waiting for local work (validation of a large file) as soon as the signal aborts. */
function untilAborted(work, signal) {
    return new Promise((resolve, reject) => {
        if (signal.aborted)
            return reject(signal.reason);
        const onAbort = () => reject(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
}


/***/ }),

/***/ 5488:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  l: () => (/* binding */ createNodeFetch)
});

;// CONCATENATED MODULE: external "node:http"
const external_node_http_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");
var external_node_http_default = /*#__PURE__*/__nccwpck_require__.n(external_node_http_namespaceObject);
;// CONCATENATED MODULE: external "node:https"
const external_node_https_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");
var external_node_https_default = /*#__PURE__*/__nccwpck_require__.n(external_node_https_namespaceObject);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __nccwpck_require__(7075);
// EXTERNAL MODULE: ./src/lib/hosts.ts
var hosts = __nccwpck_require__(7452);
;// CONCATENATED MODULE: ./src/net/proxy.ts
// The runner's proxy. A self-hosted runner behind a company proxy sets HTTP_PROXY, HTTPS_PROXY and
// NO_PROXY (or their lower-case forms) for every step; the API calls and the pull-request comment go
// through it. Node's agents read those variables themselves (`proxyEnv`, Node 24.5 and later):
// https goes through a CONNECT tunnel, so the proxy sees the host and never the key. A loopback
// host never goes through the proxy, as with @actions/http-client: a server on the runner itself
// is not behind it.



const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];
/** Whether the environment names a proxy at all. */
function namesProxy(env) {
    return PROXY_VARIABLES.some((name) => (env[name] ?? '').trim() !== '');
}
/** Keep-alive agents for http and https, direct and (when the environment names one) through the proxy. */
function agentPool(env = process.env) {
    const direct = {
        'http:': new (external_node_http_default()).Agent({ keepAlive: true }),
        'https:': new (external_node_https_default()).Agent({ keepAlive: true })
    };
    // Copied: a later change to process.env changes nothing for agents already made.
    const proxyEnv = { ...env };
    const proxied = namesProxy(env)
        ? {
            'http:': new (external_node_http_default()).Agent({ keepAlive: true, proxyEnv }),
            'https:': new (external_node_https_default()).Agent({ keepAlive: true, proxyEnv })
        }
        : direct;
    return {
        for(url) {
            const protocol = url.protocol === 'https:' ? 'https:' : 'http:';
            return ((0,hosts/* isLoopbackHost */.c)(url.hostname) ? direct : proxied)[protocol];
        }
    };
}

;// CONCATENATED MODULE: ./src/net/http-fetch.ts




/**
 * A `fetch` on node:http for the SDK. The global fetch holds a streamed multipart upload in memory
 * as it sends it; this one writes the SDK's body stream to the socket with backpressure, so memory
 * stays flat whatever the file size, and it drops connections that go silent. It goes through the
 * runner's proxy, if one is set (net/proxy.ts).
 */
function createNodeFetch(options) {
    const agents = agentPool(options.env);
    return (input, init) => new Promise((resolve, reject) => {
        const url = new URL(input instanceof Request ? input.url : String(input));
        const protocol = url.protocol;
        if (protocol !== 'http:' && protocol !== 'https:') {
            reject(new TypeError(`Unsupported protocol ${url.protocol}`));
            return;
        }
        const signal = init?.signal ?? undefined;
        if (signal?.aborted) {
            reject(abortError(signal));
            return;
        }
        const headers = {};
        new Headers(init?.headers).forEach((value, key) => {
            headers[key] = value;
        });
        const body = init?.body;
        if (typeof body === 'string' || body instanceof Uint8Array) {
            headers['content-length'] = String(Buffer.byteLength(body));
        }
        const request = (protocol === 'https:' ? (external_node_https_default()) : (external_node_http_default())).request(url, {
            method: init?.method ?? 'GET',
            headers,
            agent: agents.for(url)
        });
        let settled = false;
        const onAbort = () => request.destroy(abortError(signal));
        signal?.addEventListener('abort', onAbort, { once: true });
        const cleanup = () => signal?.removeEventListener('abort', onAbort);
        request.setTimeout(options.idleTimeoutMs, () => {
            request.destroy(new Error(`No data for ${Math.round(options.idleTimeoutMs / 1000)}s from ${url.host}`));
        });
        request.on('error', (error) => {
            cleanup();
            if (!settled) {
                settled = true;
                reject(error);
            }
        });
        request.on('response', (response) => {
            settled = true;
            response.on('close', cleanup);
            const status = response.statusCode ?? 0;
            const responseHeaders = new Headers();
            for (const [key, value] of Object.entries(response.headers)) {
                if (Array.isArray(value))
                    for (const item of value)
                        responseHeaders.append(key, item);
                else if (value !== undefined)
                    responseHeaders.set(key, value);
            }
            // A body cut off before its end must reach the reader as an error, never as a short success.
            response.on('aborted', () => response.destroy(new Error(`Connection to ${url.host} closed mid-response`)));
            const hasBody = !(status === 204 || status === 304 || init?.method === 'HEAD');
            if (!hasBody)
                response.resume();
            resolve(new Response(hasBody ? external_node_stream_.Readable.toWeb(response) : null, {
                status,
                statusText: response.statusMessage ?? '',
                headers: responseHeaders
            }));
        });
        if (body == null) {
            request.end();
        }
        else if (typeof body === 'string' || body instanceof Uint8Array) {
            request.end(body);
        }
        else if (body instanceof ReadableStream) {
            sendStream(request, body);
        }
        else {
            reject(new TypeError('Unsupported request body'));
            request.destroy();
        }
    });
}
/**
 * Writes a streamed body one chunk at a time, taking the next chunk only once the previous one
 * has been handed to the socket. Memory stays bounded by a chunk or two, and a source may reuse
 * its buffers (see fileChunks in upload.ts).
 */
async function sendStream(request, body) {
    const reader = body.getReader();
    try {
        for (;;) {
            const { done, value } = await reader.read();
            if (done)
                break;
            if (request.destroyed)
                return;
            await new Promise((resolve, reject) => request.write(value, (error) => (error ? reject(error) : resolve())));
        }
        request.end();
    }
    catch (error) {
        request.destroy(error instanceof Error ? error : new Error(String(error)));
    }
    finally {
        // Stops the source (and closes its file) when the request ended early.
        reader.cancel().catch(() => undefined);
    }
}
function abortError(signal) {
    const error = new Error(signal.reason instanceof Error ? signal.reason.message : 'The request was aborted');
    error.name = 'AbortError';
    return error;
}


/***/ }),

/***/ 7893:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Vs: () => (/* binding */ retryAfterMs),
/* harmony export */   ak: () => (/* binding */ DefaultRetry),
/* harmony export */   am: () => (/* binding */ isTransientTransferError),
/* harmony export */   bD: () => (/* binding */ withRetry),
/* harmony export */   f0: () => (/* binding */ isTransientApiError),
/* harmony export */   qO: () => (/* binding */ retryDelayMs)
/* harmony export */ });
/* harmony import */ var openai_core_error__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7922);
/* harmony import */ var _transfer_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(9118);
/* harmony import */ var _abort_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(3961);



/** The classifier of API calls made through the SDK. Transient: the same request may succeed later. */
function isTransientApiError(error) {
    if (error instanceof openai_core_error__WEBPACK_IMPORTED_MODULE_0__/* .APIUserAbortError */ .cH)
        return false;
    if (error instanceof openai_core_error__WEBPACK_IMPORTED_MODULE_0__/* .APIConnectionError */ .xX)
        return true;
    if (error instanceof openai_core_error__WEBPACK_IMPORTED_MODULE_0__/* .APIError */ .LG) {
        const status = error.status ?? 0;
        return status === 0 || status === 408 || status === 409 || status === 429 || status >= 500;
    }
    return false;
}
const LOCAL_FS_ERRORS = new Set([
    'ENOSPC',
    'EDQUOT',
    'EACCES',
    'EPERM',
    'EROFS',
    'EISDIR',
    'ENOTDIR',
    'ENAMETOOLONG'
]);
/**
 * Whether another attempt at a streamed transfer (a file download) could succeed. It differs from
 * isTransientApiError on purpose: a body cut off mid-stream surfaces as an error the SDK does not
 * type (a reset socket, "terminated"), so an error it does not know is retried; a 409 is final for
 * a file's content; and errors of the local disk are not retried, as a second try would not help.
 */
function isTransientTransferError(error) {
    const status = error instanceof openai_core_error__WEBPACK_IMPORTED_MODULE_0__/* .APIError */ .LG || error instanceof _transfer_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .HttpStatusError */ .F9
        ? error.status
        : undefined;
    if (typeof status === 'number') {
        if (status === 408 || status === 429)
            return true;
        return !(status >= 400 && status < 500);
    }
    if (error instanceof Error) {
        // The SDK's abort error is named 'Error': it is known by its class (or a name given by hand).
        if (error.name === 'AbortError' ||
            error.name === 'APIUserAbortError' ||
            error instanceof openai_core_error__WEBPACK_IMPORTED_MODULE_0__/* .APIUserAbortError */ .cH)
            return false;
        const code = error.code;
        // Errors of the local disk: trying the download again would not help.
        if (typeof code === 'string' && LOCAL_FS_ERRORS.has(code))
            return false;
    }
    return true;
}
/** The wait a 429 or 503 asks for, in ms, from `retry-after-ms` or `retry-after` (seconds or a date). */
function retryAfterMs(error, now = Date.now()) {
    if (!(error instanceof openai_core_error__WEBPACK_IMPORTED_MODULE_0__/* .APIError */ .LG) || !error.headers)
        return undefined;
    const headers = error.headers;
    const ms = Number(headers.get('retry-after-ms'));
    if (Number.isFinite(ms) && ms > 0)
        return ms;
    const after = headers.get('retry-after');
    if (!after)
        return undefined;
    const seconds = Number(after);
    if (Number.isFinite(seconds) && seconds >= 0)
        return seconds * 1000;
    const date = Date.parse(after);
    return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}
const DefaultRetry = {
    baseMs: 500,
    maxMs: 8000,
    maxRetryAfterMs: 60_000
};
/**
 * Delay before retry number `retry` (1-based): Retry-After when the server gave one, else
 * exponential with equal jitter: half the ceiling for sure, plus a random share of the other half.
 * The guaranteed half keeps a crowd of retrying clients from coming back at once on a rate limit.
 */
function retryDelayMs(retry, error, policy, random = Math.random) {
    const asked = retryAfterMs(error);
    if (asked !== undefined)
        return Math.min(asked, policy.maxRetryAfterMs);
    const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** (retry - 1));
    return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
/** Runs `call` until it succeeds, fails for good, runs out of attempts or is aborted. */
async function withRetry(call, options) {
    const { policy, signal } = options;
    const wait = options.sleep ?? _abort_js__WEBPACK_IMPORTED_MODULE_2__/* .sleep */ .yy;
    const retryable = options.retryable ?? isTransientApiError;
    for (let attempt = 1;; attempt++) {
        if (signal?.aborted)
            throw (0,_abort_js__WEBPACK_IMPORTED_MODULE_2__/* .abortReason */ .Js)(signal);
        try {
            return await call(attempt);
        }
        catch (error) {
            if (signal?.aborted)
                throw (0,_abort_js__WEBPACK_IMPORTED_MODULE_2__/* .abortReason */ .Js)(signal);
            if (attempt >= policy.attempts || !retryable(error))
                throw error;
            const delay = options.delayMs?.(attempt, error) ?? retryDelayMs(attempt, error, policy, options.random);
            options.onRetry?.(attempt, error, delay);
            try {
                await wait(delay, signal);
            }
            catch (sleepError) {
                throw signal?.aborted ? (0,_abort_js__WEBPACK_IMPORTED_MODULE_2__/* .abortReason */ .Js)(signal) : sleepError;
            }
        }
    }
}


/***/ }),

/***/ 9118:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   CL: () => (/* binding */ DownloadFailedError),
/* harmony export */   F9: () => (/* binding */ HttpStatusError),
/* harmony export */   T$: () => (/* binding */ TruncatedBodyError)
/* harmony export */ });
// Failures of a streamed transfer (a file download) that the SDK does not raise itself.
/** An HTTP answer that was not 2xx, when open() hands back such a Response instead of throwing. */
class HttpStatusError extends Error {
    status;
    constructor(status, statusText, detail) {
        super(`HTTP ${status}${statusText ? ` ${statusText}` : ''}${detail ? `: ${detail}` : ''}`);
        this.name = 'HttpStatusError';
        this.status = status;
    }
}
/**
 * The body ended before the number of bytes the server announced, or the connection closed while
 * it was being read (`expected` unknown without a Content-Length). `cause` is the read's own error
 * ("terminated", "aborted"), which alone does not say what happened.
 */
class TruncatedBodyError extends Error {
    received;
    expected;
    constructor(received, expected, cause) {
        super(`the connection closed after ${received}${expected === undefined ? '' : ` of ${expected}`} bytes`, cause === undefined ? undefined : { cause });
        this.name = 'TruncatedBodyError';
        this.received = received;
        this.expected = expected;
    }
}
/** A download that failed on its last attempt: how many were made, and the last one's error. */
class DownloadFailedError extends Error {
    attempts;
    constructor(attempts, cause) {
        const reason = cause instanceof Error ? cause.message : String(cause);
        super(`${reason} (attempt ${attempts} of ${attempts})`, { cause });
        this.name = 'DownloadFailedError';
        this.attempts = attempts;
    }
}


/***/ }),

/***/ 5132:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   X5: () => (/* binding */ workspacePath),
/* harmony export */   gH: () => (/* binding */ failureRateText),
/* harmony export */   l_: () => (/* binding */ progressText),
/* harmony export */   sv: () => (/* binding */ tallyOf)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _batch_document_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2543);
/* harmony import */ var _lib_failure_limit_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(4163);
/* harmony import */ var _lib_format_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(432);
/* harmony import */ var _lib_paths_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(9927);
// The sentences of the summary about numbers: how many requests failed against the limit, how far
// a running batch has come, and the workspace-relative form of a path. Pure: no I/O, no clock.





function tallyOf(batch, results) {
    if (results && results.total > 0) {
        return {
            total: results.total,
            succeeded: results.ok,
            failed: results.error + results.missing,
            missing: results.missing
        };
    }
    if (!batch?.request_counts)
        return undefined;
    const { total, completed, failed } = (0,_batch_document_js__WEBPACK_IMPORTED_MODULE_1__/* .requestCounts */ .q3)(batch);
    return { total, succeeded: completed, failed, missing: 0 };
}
function limitText(limit) {
    return limit.kind === 'percent'
        ? `the ${(0,_lib_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatNumber */ .ZV)(limit.value)}% limit`
        : `the limit of ${(0,_lib_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatNumber */ .ZV)(limit.kind === 'count' ? limit.value : 0)}`;
}
/** "40 of 10,000 failed, 0.4%, within the 5% limit"; "All 6 requests succeeded". */
function failureRateText(tally, limit) {
    const { total, failed } = tally;
    if (total > 0 && failed === 0)
        return total === 1 ? 'The request succeeded' : `All ${(0,_lib_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatNumber */ .ZV)(total)} requests succeeded`;
    let text = `${(0,_lib_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatNumber */ .ZV)(failed)} of ${(0,_lib_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatNumber */ .ZV)(total)} failed, ${(0,_lib_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatPercent */ .l9)(failed, total)}`;
    if (limit && limit.kind !== 'none') {
        const over = (0,_lib_failure_limit_js__WEBPACK_IMPORTED_MODULE_4__/* .exceedsFailureLimit */ .v)(limit, failed, total);
        text += `, ${over ? 'over' : 'within'} ${limitText(limit)}`;
    }
    if (tally.missing > 0)
        text += ` (${(0,_lib_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatNumber */ .ZV)(tally.missing)} without any result)`;
    return text;
}
/** "4,000 of 10,000 requests done (40%), 12 failed; running for 12m 05s". */
function progressText(batch, nowMs) {
    const { total, completed, failed } = (0,_batch_document_js__WEBPACK_IMPORTED_MODULE_1__/* .requestCounts */ .q3)(batch);
    const done = completed + failed;
    let text = total > 0
        ? `${(0,_lib_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatNumber */ .ZV)(done)} of ${(0,_lib_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatNumber */ .ZV)(total)} requests done (${(0,_lib_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatPercent */ .l9)(done, total)}), ${(0,_lib_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatNumber */ .ZV)(failed)} failed`
        : `No request has finished yet (status ${batch.status})`;
    const started = (0,_lib_format_js__WEBPACK_IMPORTED_MODULE_3__/* .unixSeconds */ .Yb)(batch.created_at);
    if (started !== undefined && nowMs !== undefined && nowMs / 1000 >= started)
        text += `; running for ${(0,_lib_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)(nowMs / 1000 - started)}`;
    return text;
}
/** A path inside the workspace relative to it; any other path as it is. */
function workspacePath(file, workspace) {
    if (!workspace || !node_path__WEBPACK_IMPORTED_MODULE_0___default().isAbsolute(file))
        return file;
    const relative = (0,_lib_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .relativeInside */ .J)(workspace, file);
    return relative === undefined || relative === '' ? file : relative;
}


/***/ }),

/***/ 8835:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  w5: () => (/* binding */ batchDurations),
  nJ: () => (/* binding */ batchReport),
  U9: () => (/* binding */ count),
  qS: () => (/* binding */ statusText)
});

// UNUSED EXPORTS: uploadHintFor

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/batch/document.ts
var batch_document = __nccwpck_require__(2543);
// EXTERNAL MODULE: ./src/batch/metadata.ts
var metadata = __nccwpck_require__(8055);
// EXTERNAL MODULE: ./src/lib/format.ts
var format = __nccwpck_require__(432);
;// CONCATENATED MODULE: ./src/report/superseded.ts
// The batches of earlier runs a run cancelled as superseded, as the job summary lists them.
/** "batch_x of run 41, on pull request #7": what was cancelled, and why it was this run's to cancel. */
function supersededOf(list) {
    if (!list || list.length === 0)
        return {};
    const lines = list.map((item) => {
        const where = item.pullRequest !== undefined
            ? `pull request #${item.pullRequest}`
            : (item.ref ?? 'this ref');
        return `${item.id} of run ${item.runId}, on ${where}`;
    });
    const heading = `Cancelled ${list.length === 1 ? 'a batch' : `${list.length} batches`} of earlier runs (superseded by this run)`;
    return { superseded: { heading, lines } };
}

// EXTERNAL MODULE: ./src/report/counts.ts
var report_counts = __nccwpck_require__(5132);
;// CONCATENATED MODULE: ./src/report/model.ts
// What the job summary says about a batch run and about `list`, as plain data. Nothing here is
// HTML: render.ts escapes every value when it writes the summary.






const DURATION_LABELS = {
    queued: 'Queued',
    running: 'Running',
    finalizing: 'Finalizing',
    total: 'Total time'
};
function span(start, end) {
    const from = (0,format/* unixSeconds */.Yb)(start);
    const to = (0,format/* unixSeconds */.Yb)(end);
    if (from === undefined || to === undefined || to < from)
        return undefined;
    return to - from;
}
/** Durations in seconds from the batch timestamps; undefined where a timestamp is missing. */
function batchDurations(batch) {
    const end = (0,format/* unixSeconds */.Yb)(batch.completed_at) ??
        (0,format/* unixSeconds */.Yb)(batch.failed_at) ??
        (0,format/* unixSeconds */.Yb)(batch.expired_at) ??
        (0,format/* unixSeconds */.Yb)(batch.cancelled_at);
    const durations = {
        queued: span(batch.created_at, batch.in_progress_at),
        running: span(batch.in_progress_at, batch.finalizing_at),
        finalizing: span(batch.finalizing_at, batch.completed_at),
        total: span(batch.created_at, end)
    };
    return Object.fromEntries(Object.entries(durations).filter(([, value]) => value !== undefined));
}
/** The status as shown; the batch document already holds it in lower case. */
function statusText(batch) {
    return batch?.status ? batch.status : 'unknown';
}
function count(value) {
    return typeof value === 'number' ? (0,format/* formatNumber */.ZV)(value) : '?';
}
function requestCountsText(batch) {
    const counts = batch?.request_counts;
    if (!counts)
        return undefined;
    return `${count(counts.total)} total, ${count(counts.completed)} completed, ${count(counts.failed)} failed`;
}
/** Tokens only once there are some to count: a running batch has none to show yet. */
function tokensText(data) {
    const usage = data.usage ?? (data.batch ? (0,batch_document/* batchUsage */.MS)(data.batch) : undefined);
    if (!usage || (usage.total === 0 && !(0,batch_document/* isTerminal */.Hd)(data.batch?.status)))
        return undefined;
    return `${(0,format/* formatNumber */.ZV)(usage.prompt)} prompt, ${(0,format/* formatNumber */.ZV)(usage.completion)} completion, ${(0,format/* formatNumber */.ZV)(usage.total)} total`;
}
/** The outcome in words, and how it reads: the word a person looks for first. */
function outcomeWords(data, failed) {
    const status = data.batch?.status;
    switch (data.outcome) {
        case 'succeeded':
            if (status === 'cancelled')
                return { words: 'Batch cancelled', tone: 'good' };
            if (status && !(0,batch_document/* isTerminal */.Hd)(status))
                return { words: `Batch ${status}`, tone: 'running' };
            return failed > 0
                ? { words: 'Batch succeeded, with failed requests', tone: 'warn' }
                : { words: 'Batch succeeded', tone: 'good' };
        case 'left running':
            return { words: 'Batch still running', tone: 'running' };
        case 'timed out':
            return { words: 'Wait timed out', tone: 'bad' };
        case 'cancelled':
            return { words: 'Batch cancelled', tone: 'bad' };
        case 'failed':
            if (status === 'expired')
                return { words: 'Batch expired', tone: 'bad' };
            if (status === 'completed')
                return { words: 'Too many requests failed', tone: 'bad' };
            if (status === 'failed')
                return { words: 'Batch failed', tone: 'bad' };
            return { words: data.batch ? 'Step failed' : 'Batch not created', tone: 'bad' };
    }
}
const ACTION_KEYS = new Set(Object.values(metadata/* MetadataKeys */.yg));
/** The user's metadata: as given, else the batch's without the keys the action adds itself. */
function metadataText(data) {
    const given = Object.entries(data.metadata ?? {});
    const pairs = given.length > 0
        ? given
        : Object.entries(data.batch?.metadata ?? {})
            .filter(([key, value]) => !ACTION_KEYS.has(key) && typeof value === 'string')
            .map(([key, value]) => [key, String(value)]);
    // No pairs give '', which the facts leave out as they do an absent value.
    return pairs.map(([key, value]) => `${key}=${value}`).join(', ');
}
function durationFields(batch) {
    const durations = batchDurations(batch);
    const fields = [];
    for (const key of ['queued', 'running', 'finalizing', 'total']) {
        const seconds = durations[key];
        if (seconds !== undefined)
            fields.push({ label: DURATION_LABELS[key], value: (0,format/* formatDuration */.a3)(seconds) });
    }
    return fields;
}
/** The upload-artifact step for the results folder, named after the batch so two never clash. */
function uploadHintFor(folder, batchId) {
    return [
        '- uses: actions/upload-artifact@v4',
        '  with:',
        `    name: ${batchId}-results`,
        `    path: ${folder}`
    ].join('\n');
}
function filesOf(data) {
    const files = [
        ['Results', data.files.results],
        ['Output file', data.files.output],
        ['Error file', data.files.error]
    ];
    const shown = [];
    for (const [label, file] of files)
        if (file)
            shown.push({ label, path: (0,report_counts/* workspacePath */.X5)(file, data.workspace) });
    return shown;
}
/** The summary of one batch run. */
function batchReport(data) {
    const { batch } = data;
    const running = batch !== undefined && !(0,batch_document/* isTerminal */.Hd)(batch.status);
    const tally = (0,report_counts/* tallyOf */.sv)(batch, data.results);
    const { words, tone } = outcomeWords(data, tally?.failed ?? 0);
    const file = data.file ? (0,report_counts/* workspacePath */.X5)(data.file, data.workspace) : undefined;
    const facts = [
        { label: 'File', value: file, code: true },
        { label: 'Metadata', value: metadataText(data), code: true },
        { label: 'Model', value: data.model ?? batch?.model, code: true },
        { label: 'Endpoint', value: data.endpoint ?? batch?.endpoint, code: true },
        { label: 'Batch', value: batch?.id, code: true }
    ].filter((fact) => fact.value !== undefined && fact.value !== null && fact.value !== '');
    const details = [{ label: 'Status', value: batch ? statusText(batch) : undefined }];
    // A batch still validating counts 0 of 0: the progress line says it better.
    if (!running || (batch.request_counts?.total ?? 0) > 0)
        details.push({ label: 'Requests', value: requestCountsText(batch) });
    const tokens = tokensText(data);
    if (tokens)
        details.push({ label: 'Tokens', value: tokens });
    if (batch)
        details.push(...durationFields(batch));
    details.push({ label: 'Command', value: data.command });
    const files = filesOf(data);
    const results = data.files.results ?? data.files.output ?? data.files.error;
    const counts = running
        ? (0,report_counts/* progressText */.l_)(batch, data.now)
        : tally && tally.total > 0
            ? (0,report_counts/* failureRateText */.gH)(tally, data.failureLimit)
            : undefined;
    return {
        title: `${words}: ${file ?? batch?.id ?? `command ${data.command}`}`,
        tone,
        facts,
        ...(data.message ? { message: data.message } : {}),
        ...(counts ? { counts } : {}),
        details,
        failureCodes: failureCodesOf(data),
        failures: data.failures.length > 0 ? failuresOf(tally?.failed, data.failures) : undefined,
        samples: samplesOf(data.results, tally?.succeeded),
        files,
        ...supersededOf(data.superseded),
        ...(results && batch
            ? {
                uploadHint: uploadHintFor(external_node_path_default().dirname((0,report_counts/* workspacePath */.X5)(results, data.workspace)), batch.id)
            }
            : {})
    };
}
/** The failures by code, with the requests that got no result as a group of their own. */
function failureCodesOf(data) {
    const groups = [...(data.results?.failureCodes ?? [])];
    const missing = data.results?.missing ?? 0;
    if (missing > 0) {
        groups.push({
            code: '(no result)',
            count: missing,
            example: {
                custom_id: '',
                message: 'the batch returned neither a response nor an error for the request'
            }
        });
    }
    return groups.length > 0 ? groups : undefined;
}
function failuresOf(failed, lines) {
    const shown = lines.length;
    const heading = (failed ?? 0) > shown
        ? `First failed requests (${shown} of ${(0,format/* formatNumber */.ZV)(failed ?? 0)})`
        : 'Failed requests';
    return { heading, lines };
}
function samplesOf(results, succeeded) {
    const lines = results?.samples ?? [];
    if (lines.length === 0)
        return undefined;
    const of = (succeeded ?? 0) > lines.length ? ` of ${(0,format/* formatNumber */.ZV)(succeeded ?? 0)}` : '';
    return { heading: `Sample results (first ${lines.length}${of})`, lines };
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 6466:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 7922:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Is: () => (/* binding */ UnprocessableEntityError),
/* harmony export */   JA: () => (/* binding */ SubjectTokenProviderError),
/* harmony export */   LG: () => (/* binding */ APIError),
/* harmony export */   Ll: () => (/* binding */ PermissionDeniedError),
/* harmony export */   OE: () => (/* binding */ RateLimitError),
/* harmony export */   PO: () => (/* binding */ InternalServerError),
/* harmony export */   RA: () => (/* binding */ InvalidWebhookSignatureError),
/* harmony export */   W5: () => (/* binding */ OAuthError),
/* harmony export */   cH: () => (/* binding */ APIUserAbortError),
/* harmony export */   fK: () => (/* binding */ ConflictError),
/* harmony export */   k5: () => (/* binding */ LengthFinishReasonError),
/* harmony export */   m_: () => (/* binding */ NotFoundError),
/* harmony export */   pf: () => (/* binding */ ContentFilterFinishReasonError),
/* harmony export */   qA: () => (/* binding */ APIConnectionTimeoutError),
/* harmony export */   v3: () => (/* binding */ AuthenticationError),
/* harmony export */   v7: () => (/* binding */ BadRequestError),
/* harmony export */   vc: () => (/* binding */ OpenAIError),
/* harmony export */   xX: () => (/* binding */ APIConnectionError)
/* harmony export */ });
/* harmony import */ var _internal_errors_mjs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7367);

class OpenAIError extends Error {
}
class APIError extends OpenAIError {
    constructor(status, error, message, headers) {
        super(`${APIError.makeMessage(status, error, message)}`);
        this.status = status;
        this.headers = headers;
        this.requestID = headers?.get('x-request-id');
        this.error = error;
        const data = error;
        this.code = data?.['code'];
        this.param = data?.['param'];
        this.type = data?.['type'];
    }
    static makeMessage(status, error, message) {
        const msg = error?.message
            ? typeof error.message === 'string'
                ? error.message
                : JSON.stringify(error.message)
            : error
                ? JSON.stringify(error)
                : message;
        if (status && msg) {
            return `${status} ${msg}`;
        }
        if (status) {
            return `${status} status code (no body)`;
        }
        if (msg) {
            return msg;
        }
        return '(no status code or body)';
    }
    static generate(status, errorResponse, message, headers) {
        if (!status || !headers) {
            return new APIConnectionError({ message, cause: (0,_internal_errors_mjs__WEBPACK_IMPORTED_MODULE_0__/* .castToError */ .r)(errorResponse) });
        }
        const error = errorResponse?.['error'];
        if (status === 400) {
            return new BadRequestError(status, error, message, headers);
        }
        if (status === 401) {
            return new AuthenticationError(status, error, message, headers);
        }
        if (status === 403) {
            return new PermissionDeniedError(status, error, message, headers);
        }
        if (status === 404) {
            return new NotFoundError(status, error, message, headers);
        }
        if (status === 409) {
            return new ConflictError(status, error, message, headers);
        }
        if (status === 422) {
            return new UnprocessableEntityError(status, error, message, headers);
        }
        if (status === 429) {
            return new RateLimitError(status, error, message, headers);
        }
        if (status >= 500) {
            return new InternalServerError(status, error, message, headers);
        }
        return new APIError(status, error, message, headers);
    }
}
class APIUserAbortError extends APIError {
    constructor({ message } = {}) {
        super(undefined, undefined, message || 'Request was aborted.', undefined);
    }
}
class APIConnectionError extends APIError {
    constructor({ message, cause }) {
        super(undefined, undefined, message || 'Connection error.', undefined);
        // in some environments the 'cause' property is already declared
        // @ts-ignore
        if (cause)
            this.cause = cause;
    }
}
class APIConnectionTimeoutError extends APIConnectionError {
    constructor({ message } = {}) {
        super({ message: message ?? 'Request timed out.' });
    }
}
class BadRequestError extends APIError {
}
class AuthenticationError extends APIError {
}
class PermissionDeniedError extends APIError {
}
class NotFoundError extends APIError {
}
class ConflictError extends APIError {
}
class UnprocessableEntityError extends APIError {
}
class RateLimitError extends APIError {
}
class InternalServerError extends APIError {
}
class LengthFinishReasonError extends OpenAIError {
    constructor() {
        super(`Could not parse response content as the length limit was reached`);
    }
}
class ContentFilterFinishReasonError extends OpenAIError {
    constructor() {
        super(`Could not parse response content as the request was rejected by the content filter`);
    }
}
class InvalidWebhookSignatureError extends Error {
    constructor(message) {
        super(message);
    }
}
/**
 * Error thrown by the API server during OAuth token exchange.
 * Can have status codes 400, 401, or 403.
 * Other status codes from OAuth endpoints are raised as normal APIError types.
 */
class OAuthError extends APIError {
    constructor(status, error, headers) {
        let finalMessage = 'OAuth2 authentication error';
        let error_code = undefined;
        if (error && typeof error === 'object') {
            const errorData = error;
            error_code = errorData['error'];
            const description = errorData['error_description'];
            if (description && typeof description === 'string') {
                finalMessage = description;
            }
            else if (error_code) {
                finalMessage = error_code;
            }
        }
        super(status, error, finalMessage, headers);
        this.error_code = error_code;
    }
}
class SubjectTokenProviderError extends OpenAIError {
    constructor(message, provider, cause) {
        super(message);
        this.provider = provider;
        this.cause = cause;
    }
}
//# sourceMappingURL=error.mjs.map

/***/ }),

/***/ 7367:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ castToError),
/* harmony export */   z: () => (/* binding */ isAbortError)
/* harmony export */ });
function isAbortError(err) {
    return (typeof err === 'object' &&
        err !== null &&
        // Spec-compliant fetch implementations
        (('name' in err && err.name === 'AbortError') ||
            // Expo fetch
            ('message' in err && String(err.message).includes('FetchRequestCanceledException'))));
}
const castToError = (err) => {
    if (err instanceof Error)
        return err;
    if (typeof err === 'object' && err !== null) {
        try {
            if (Object.prototype.toString.call(err) === '[object Error]') {
                const hasCause = 'cause' in err;
                // @ts-ignore - not all envs have native support for cause yet
                const error = new Error(err.message, hasCause ? { cause: err.cause } : {});
                if (err.stack)
                    error.stack = err.stack;
                // @ts-ignore - not all envs have native support for cause yet
                if (hasCause && !Object.prototype.hasOwnProperty.call(error, 'cause'))
                    error.cause = err.cause;
                if (err.name)
                    error.name = err.name;
                return error;
            }
        }
        catch { }
        try {
            return new Error(JSON.stringify(err));
        }
        catch { }
    }
    return new Error(err);
};
//# sourceMappingURL=errors.mjs.map

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		id: moduleId,
/******/ 		loaded: false,
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Flag the module as loaded
/******/ 	module.loaded = true;
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/node module decorator */
/******/ (() => {
/******/ 	__nccwpck_require__.nmd = (module) => {
/******/ 		module.paths = [];
/******/ 		if (!module.children) module.children = [];
/******/ 		return module;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(9407);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 

//# sourceMappingURL=index.js.map