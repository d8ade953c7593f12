// Local OpenAI-compatible Batch API (Files + Batches) for the test-suite, the demo and the benchmarks.
// Plain ESM on Node built-ins only. Types: ./server.d.mts. Usage: ./README.md.
import crypto from 'node:crypto'
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { finished } from 'node:stream/promises'

/**
 * @typedef {{ validatingMs: number, inProgressMs: number, finalizingMs: number, cancellingMs: number, expireMs: number | null }} Timings
 * @typedef {'upload'|'file-list'|'file-retrieve'|'file-delete'|'download'|'create'|'retrieve'|'list'|'cancel'|'control'|'unknown'} Op
 * @typedef {{ op: Op | '*', fault: 'drop-before'|'drop-after'|'status'|'delay'|'stall'|'stall-after'|'cut', times?: number, status?: number, retryAfter?: number, delayMs?: number, afterBytes?: number }} FaultRule
 * @typedef {{ op: Op, method: string, path: string, query: Record<string, string>, status: number, fault?: string, at: number, requestBytes: number, authorized: boolean, batchId?: string, fileId?: string, headers: Record<string, string> }} LogEntry
 * @typedef {{ id: string, filename: string, purpose: string, bytes: number, createdMs: number, path: string }} FileRec
 * @typedef {{ ok: boolean, total: number, failIdx: number[], model: string | null, errors: object[], doneMs: number }} Scan
 * @typedef {{ outputFileId: string | null, errorFileId: string | null, usage: { input: number, output: number }, errors?: object, doneMs: number }} FinishResult
 * @typedef {{ target: 'completed'|'cancelled'|'expired', dueMs: number, processed: number, result: FinishResult | null }} Finish
 */

export const DEFAULT_TIMINGS = Object.freeze({
  validatingMs: 200,
  inProgressMs: 1000,
  finalizingMs: 200,
  cancellingMs: 300,
  expireMs: null
})

const ENDPOINTS = new Set([
  '/v1/responses',
  '/v1/chat/completions',
  '/v1/embeddings',
  '/v1/completions',
  '/v1/moderations',
  '/v1/images/generations',
  '/v1/images/edits',
  '/v1/videos'
])
const OPS = new Set([
  'upload',
  'file-list',
  'file-retrieve',
  'file-delete',
  'download',
  'create',
  'retrieve',
  'list',
  'cancel',
  'control',
  'unknown'
])
const FAULTS = new Set([
  'drop-before',
  'drop-after',
  'status',
  'delay',
  'stall',
  'stall-after',
  'cut'
])
const MAX_JSON_BYTES = 4 << 20
const MAX_FIELD_BYTES = 64 << 10
const MAX_LISTED_ERRORS = 50
const OUTPUT_BLOCK = 1000 // result lines are written in blocks, each block reversed: never input order
const DAY_MS = 86_400_000
const OUTPUT_TTL_MS = 30 * DAY_MS
const EXPIRED_MESSAGE = 'This request could not be executed before the completion window expired.'
const EMPTY = Buffer.alloc(0)
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const noop = () => {}

class ApiError extends Error {
  /** @param {number} status @param {string} message @param {{type?: string, code?: string|null, param?: string|null, headers?: Record<string,string>}} [o] */
  constructor(status, message, o = {}) {
    super(message)
    this.status = status
    this.type = o.type ?? (status >= 500 ? 'server_error' : 'invalid_request_error')
    this.code = o.code ?? null
    this.param = o.param ?? null
    this.headers = o.headers ?? {}
  }
}

/** @param {string} prefix */
function randomId(prefix, n = 24) {
  let s = prefix
  for (const b of crypto.randomBytes(n)) s += ALNUM[b % 62]
  return s
}

/** @param {string} prefix @param {string} input */
function hashId(prefix, input, n = 24) {
  return prefix + crypto.createHash('sha256').update(input).digest('hex').slice(0, n)
}

const sec = (/** @type {number|null|undefined} */ ms) => (ms == null ? null : Math.floor(ms / 1000))
const isObject = (/** @type {unknown} */ v) =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

// ---------------------------------------------------------------------------------------------
// Streaming multipart/form-data parser. Body bytes are handed on as they arrive (no buffering of
// parts); only a delimiter-sized tail is held back when a chunk ends inside a possible boundary.

export class MultipartParser {
  /**
   * @param {string} boundary
   * @param {{ onPartBegin(h: {name?: string, filename?: string, contentType?: string}): void, onPartData(b: Buffer): void, onPartEnd(): void }} handlers
   */
  constructor(boundary, handlers) {
    this.delim = Buffer.from(`\r\n--${boundary}`, 'latin1')
    this.handlers = handlers
    /** @type {'preamble'|'body'|'after'|'headers'|'done'} */
    this.state = 'preamble'
    this.pending = Buffer.from('\r\n') // lets a boundary at the very start match the delimiter
    this.head = EMPTY
    this.finished = false
  }

  /** @param {Buffer} chunk */
  write(chunk) {
    let data = chunk
    while (data.length > 0 && this.state !== 'done') {
      if (this.state === 'preamble' || this.state === 'body') data = this.#scanBody(data)
      else if (this.state === 'after') data = this.#afterDelimiter(data)
      else data = this.#headers(data)
    }
  }

  /** @param {Buffer} b */
  #emit(b) {
    if (b.length > 0 && this.state === 'body') this.handlers.onPartData(b)
  }

  #delimiterFound() {
    if (this.state === 'body') this.handlers.onPartEnd()
    this.state = 'after'
  }

  /** @param {Buffer} data */
  #scanBody(data) {
    const d = this.delim
    if (this.pending.length > 0) {
      const p = this.pending
      const combo = Buffer.concat([p, data.subarray(0, d.length - 1)])
      const i = combo.indexOf(d) // if found, it starts inside p (otherwise data alone holds it)
      if (i !== -1) {
        this.pending = EMPTY
        this.#emit(combo.subarray(0, i))
        this.#delimiterFound()
        return data.subarray(i + d.length - p.length)
      }
      if (data.length >= d.length - 1) {
        this.pending = EMPTY // no delimiter starts in p
        this.#emit(p)
      } else {
        const keep = prefixStart(combo, d)
        this.pending = Buffer.from(combo.subarray(keep))
        this.#emit(combo.subarray(0, keep))
        return EMPTY
      }
    }
    const i = data.indexOf(d)
    if (i !== -1) {
      this.#emit(data.subarray(0, i))
      this.#delimiterFound()
      return data.subarray(i + d.length)
    }
    const keep = prefixStart(data, d)
    this.#emit(data.subarray(0, keep))
    if (keep < data.length) this.pending = Buffer.from(data.subarray(keep))
    return EMPTY
  }

  /** @param {Buffer} data */
  #afterDelimiter(data) {
    const h = this.head.length > 0 ? Buffer.concat([this.head, data]) : data
    this.head = EMPTY
    if (h.length < 2) {
      this.head = Buffer.from(h)
      return EMPTY
    }
    if (h[0] === 0x2d && h[1] === 0x2d) {
      this.state = 'done' // closing delimiter; the epilogue is ignored
      this.finished = true
      return EMPTY
    }
    const i = h.indexOf('\r\n')
    if (i === -1) {
      if (h.length > 256) throw new ApiError(400, 'Malformed multipart body: bad boundary line.')
      this.head = Buffer.from(h)
      return EMPTY
    }
    this.state = 'headers'
    return h.subarray(i + 2)
  }

  /** @param {Buffer} data */
  #headers(data) {
    const h = this.head.length > 0 ? Buffer.concat([this.head, data]) : data
    this.head = EMPTY
    const bare = h.length >= 2 && h[0] === 13 && h[1] === 10 // part without headers
    const end = bare ? 0 : h.indexOf('\r\n\r\n')
    const skip = bare ? 2 : 4
    if (end === -1) {
      if (h.length > 16384)
        throw new ApiError(400, 'Malformed multipart body: part headers too large.')
      this.head = Buffer.from(h)
      return EMPTY
    }
    this.state = 'body'
    this.handlers.onPartBegin(parsePartHeaders(h.toString('utf8', 0, end)))
    return h.subarray(end + skip)
  }
}

/** Smallest index j in the last delim.length-1 bytes of buf such that buf[j..] is a prefix of delim. */
function prefixStart(/** @type {Buffer} */ buf, /** @type {Buffer} */ d) {
  let j = Math.max(0, buf.length - d.length + 1)
  while (j < buf.length) {
    j = buf.indexOf(13, j)
    if (j === -1) break
    if (buf.compare(d, 0, buf.length - j, j, buf.length) === 0) return j
    j += 1
  }
  return buf.length
}

/** @param {string} text */
function parsePartHeaders(text) {
  /** @type {{name?: string, filename?: string, contentType?: string}} */
  const out = {}
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':')
    if (colon === -1) continue
    const key = line.slice(0, colon).trim().toLowerCase()
    const value = line.slice(colon + 1).trim()
    if (key === 'content-type') out.contentType = value
    if (key !== 'content-disposition') continue
    /** @type {Record<string, string>} */
    const params = {}
    for (const m of value.matchAll(/;\s*([^\s=;]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g)) {
      params[(m[1] ?? '').toLowerCase()] =
        m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3] ?? '').trim()
    }
    if (params.name !== undefined) out.name = params.name
    if (params.filename !== undefined) out.filename = params.filename
    const star = params['filename*'] && /^[^']*'[^']*'(.*)$/.exec(params['filename*'])
    if (star) {
      try {
        out.filename = decodeURIComponent(star[1] ?? '')
      } catch {
        /* keep the plain filename */
      }
    }
  }
  return out
}

/** @param {string | undefined} contentType */
function multipartBoundary(contentType) {
  if (!contentType || !/^\s*multipart\/form-data\s*(;|$)/i.test(contentType)) return null
  const m = /;\s*boundary\s*=\s*(?:"([^"]+)"|([^;\s]+))/i.exec(contentType)
  const b = m ? (m[1] ?? m[2]) : undefined
  return b && b.length <= 200 ? b : null
}

// ---------------------------------------------------------------------------------------------
// Fake per-request answers.

/** @param {unknown} content */
function textOf(content) {
  if (typeof content === 'string') return content
  if (!Array.isArray(content)) return ''
  return content
    .map((p) =>
      typeof p === 'string' ? p : isObject(p) && typeof p.text === 'string' ? p.text : ''
    )
    .join('')
}

const tokens = (/** @type {number} */ chars) => Math.ceil(chars / 4)

/** @param {string} text */
function echo(text) {
  let s = text.slice(0, 200)
  const last = s.charCodeAt(s.length - 1)
  if (last >= 0xd800 && last <= 0xdbff) s = s.slice(0, -1) // never split a surrogate pair
  return `echo: ${s}`
}

/** @param {string} text */
function fakeVector(text) {
  const h = crypto.createHash('sha256').update(text).digest()
  return Array.from(
    { length: 8 },
    (_, i) => Math.round((h.readUInt16BE(i * 2) / 65535) * 2e6 - 1e6) / 1e6
  )
}

/**
 * @param {string} endpoint @param {Record<string, any>} body @param {number} created @param {string} seed
 * @returns {{ body: object, input: number, output: number }}
 */
function fakeAnswer(endpoint, body, created, seed) {
  const model = typeof body.model === 'string' ? body.model : 'mock-model'
  switch (endpoint) {
    case '/v1/chat/completions': {
      const messages = Array.isArray(body.messages) ? body.messages.filter(isObject) : []
      const lastUser = messages.findLast((m) => m.role === 'user')
      const content = echo(textOf(lastUser?.content))
      const input = tokens(messages.reduce((n, m) => n + textOf(m.content).length, 0))
      const output = tokens(content.length)
      return {
        input,
        output,
        body: {
          id: hashId('chatcmpl-', `c${seed}`, 29),
          object: 'chat.completion',
          created,
          model,
          choices: [
            {
              index: 0,
              message: { role: 'assistant', content, refusal: null },
              logprobs: null,
              finish_reason: 'stop'
            }
          ],
          usage: { prompt_tokens: input, completion_tokens: output, total_tokens: input + output }
        }
      }
    }
    case '/v1/embeddings': {
      const raw = body.input
      /** @type {string[]} */
      let inputs
      if (typeof raw === 'string') inputs = [raw]
      else if (Array.isArray(raw) && raw.every((x) => typeof x === 'number'))
        inputs = [raw.join(' ')]
      else if (Array.isArray(raw))
        inputs = raw.map((x) => (Array.isArray(x) ? x.join(' ') : String(x)))
      else inputs = ['']
      const input = tokens(inputs.reduce((n, s) => n + s.length, 0))
      return {
        input,
        output: 0,
        body: {
          object: 'list',
          data: inputs.map((s, index) => ({
            object: 'embedding',
            index,
            embedding: fakeVector(s)
          })),
          model,
          usage: { prompt_tokens: input, total_tokens: input }
        }
      }
    }
    case '/v1/completions': {
      const prompt = Array.isArray(body.prompt)
        ? body.prompt.map(String).join('')
        : String(body.prompt ?? '')
      const text = echo(prompt)
      const input = tokens(prompt.length)
      const output = tokens(text.length)
      return {
        input,
        output,
        body: {
          id: hashId('cmpl-', `c${seed}`, 29),
          object: 'text_completion',
          created,
          model,
          choices: [{ text, index: 0, logprobs: null, finish_reason: 'stop' }],
          usage: { prompt_tokens: input, completion_tokens: output, total_tokens: input + output }
        }
      }
    }
    case '/v1/responses': {
      const items =
        typeof body.input === 'string' ? [{ role: 'user', content: body.input }] : body.input
      const list = Array.isArray(items) ? items.filter(isObject) : []
      const lastUser = list.findLast((m) => m.role === 'user')
      const text = echo(textOf(lastUser?.content))
      const instructions = typeof body.instructions === 'string' ? body.instructions.length : 0
      const input = tokens(list.reduce((n, m) => n + textOf(m.content).length, instructions))
      const output = tokens(text.length)
      return {
        input,
        output,
        body: {
          id: hashId('resp_', `c${seed}`, 32),
          object: 'response',
          created_at: created,
          status: 'completed',
          error: null,
          model,
          output: [
            {
              type: 'message',
              id: hashId('msg_', `m${seed}`, 32),
              status: 'completed',
              role: 'assistant',
              content: [{ type: 'output_text', text, annotations: [] }]
            }
          ],
          usage: {
            input_tokens: input,
            input_tokens_details: { cached_tokens: 0 },
            output_tokens: output,
            output_tokens_details: { reasoning_tokens: 0 },
            total_tokens: input + output
          }
        }
      }
    }
    default:
      return { input: 0, output: 0, body: { ok: true } }
  }
}

/** @param {{input: number, output: number} | null} u */
function usageObject(u) {
  const input = u?.input ?? 0
  const output = u?.output ?? 0
  return {
    input_tokens: input,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: output,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: input + output
  }
}

// ---------------------------------------------------------------------------------------------
// Option checks.

/** @param {Timings} base @param {Partial<Timings> | undefined} patch @returns {Timings} */
function mergeTimings(base, patch) {
  if (patch === undefined) return { ...base }
  if (!isObject(patch)) throw new TypeError('timings must be an object')
  const out = { ...base }
  for (const [k, v] of Object.entries(patch)) {
    if (!(k in DEFAULT_TIMINGS)) throw new TypeError(`unknown timing '${k}'`)
    if (v === undefined) continue
    if (k === 'expireMs' && v === null) {
      out.expireMs = null
      continue
    }
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
      throw new TypeError(`timings.${k} must be a number >= 0`)
    Object.assign(out, { [k]: v })
  }
  return out
}

/** @param {unknown} v @returns {'lower'|'upper'} */
function checkStatusCase(v) {
  if (v !== 'lower' && v !== 'upper') throw new TypeError("statusCase must be 'lower' or 'upper'")
  return v
}

/** @param {unknown} rule @returns {Required<Pick<FaultRule,'op'|'fault'|'times'>> & FaultRule} */
function normalizeRule(rule) {
  if (!isObject(rule)) throw new TypeError('a fault rule must be an object')
  const r = /** @type {Record<string, any>} */ (rule)
  if (r.op !== '*' && !OPS.has(r.op)) throw new TypeError(`unknown fault op '${r.op}'`)
  if (!FAULTS.has(r.fault)) throw new TypeError(`unknown fault '${r.fault}'`)
  const times = r.times ?? 1
  if (!(times === Infinity || (Number.isInteger(times) && times > 0)))
    throw new TypeError('times must be a positive integer')
  const num = (/** @type {string} */ k, /** @type {number} */ min) => {
    if (r[k] !== undefined && (typeof r[k] !== 'number' || !Number.isFinite(r[k]) || r[k] < min))
      throw new TypeError(`${k} must be a number >= ${min}`)
  }
  num('retryAfter', 0)
  num('delayMs', 0)
  num('afterBytes', 0)
  if (r.status !== undefined && !(Number.isInteger(r.status) && r.status >= 400 && r.status <= 599))
    throw new TypeError('status must be an HTTP error status (400-599)')
  return {
    op: r.op,
    fault: r.fault,
    times,
    ...(r.fault === 'status' ? { status: r.status ?? 500 } : {}),
    ...(r.retryAfter !== undefined ? { retryAfter: r.retryAfter } : {}),
    ...(r.fault === 'delay' ? { delayMs: r.delayMs ?? 1000 } : {}),
    ...(r.fault === 'cut' ? { afterBytes: r.afterBytes ?? 0 } : {})
  }
}

/** @param {http.IncomingHttpHeaders} h */
function redactHeaders(h) {
  /** @type {Record<string, string>} */
  const out = {}
  for (const [k, v] of Object.entries(h)) {
    if (v === undefined) continue
    out[k] =
      k === 'authorization' || k === 'proxy-authorization'
        ? 'REDACTED'
        : Array.isArray(v)
          ? v.join(', ')
          : v
  }
  return out
}

/** @param {string} s */
function decodeSegment(s) {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/** Wait until a writable can take more, or fail if it errors or closes first. @param {fs.WriteStream} ws */
function drained(ws) {
  return new Promise((resolve, reject) => {
    const done = (/** @type {unknown} */ err) => {
      ws.off('drain', onDrain)
      ws.off('error', done)
      ws.off('close', onClose)
      if (err) reject(err)
      else resolve(undefined)
    }
    const onDrain = () => done(null)
    const onClose = () => done(new Error('stream closed'))
    ws.on('drain', onDrain)
    ws.on('error', done)
    ws.on('close', onClose)
  })
}

// ---------------------------------------------------------------------------------------------

/** @param {import('./server.d.mts').MockBatchApiOptions} [options] */
export async function startMockBatchApi(options = {}) {
  const apiKey = options.apiKey === undefined ? 'test-key' : options.apiKey
  let timings = mergeTimings(DEFAULT_TIMINGS, options.timings)
  let statusCase = checkStatusCase(options.statusCase ?? 'lower')
  const ownDataDir = !options.dataDir
  const dataDir = options.dataDir
    ? path.resolve(options.dataDir)
    : await fsp.mkdtemp(path.join(os.tmpdir(), 'mock-batch-api-'))
  if (!ownDataDir) await fsp.mkdir(dataDir, { recursive: true })

  /** @type {LogEntry[]} */
  const log = []
  /** @type {Map<string, FileRec>} */
  const files = new Map()
  /** @type {Map<string, any>} */
  const batches = new Map()
  /** @type {Array<ReturnType<typeof normalizeRule> & { remaining: number }>} */
  let faults = []
  let batchSeq = 0
  let closed = false
  /** @type {Promise<void> | null} */
  let closing = null
  const sockets = new Set()
  /** @type {Set<Promise<unknown>>} */
  const pending = new Set()
  /** @type {Set<fs.ReadStream | fs.WriteStream>} */
  const streams = new Set()
  /** @type {Set<() => void>} */
  const wakers = new Set()

  /** @template T @param {Promise<T>} p */
  const track = (p) => {
    pending.add(p)
    p.then(
      () => pending.delete(p),
      () => pending.delete(p)
    )
    return p
  }
  /** @template {fs.ReadStream | fs.WriteStream} S @param {S} s @returns {S} */
  const own = (s) => {
    streams.add(s)
    s.on('close', () => streams.delete(s))
    return s
  }

  // ---- files ----

  /** @param {FileRec} f */
  const fileObject = (f) => ({
    id: f.id,
    object: 'file',
    bytes: f.bytes,
    created_at: sec(f.createdMs),
    expires_at: f.purpose === 'batch_output' ? sec(f.createdMs + OUTPUT_TTL_MS) : null,
    filename: f.filename,
    purpose: f.purpose,
    status: 'processed',
    status_details: null
  })

  /** @param {string} id */
  const getFile = (id) => {
    const f = files.get(id)
    if (!f)
      throw new ApiError(404, `No such File object: ${id}`, { param: 'id', code: 'not_found' })
    return f
  }

  /** @async generator of line batches: [{lineNo, text}] per read chunk. @param {string} filePath */
  async function* readLines(filePath) {
    const rs = own(fs.createReadStream(filePath, { highWaterMark: 1 << 20 }))
    /** @type {Buffer[]} */
    let pieces = []
    let lineNo = 0
    try {
      for await (const chunk of rs) {
        if (closed) throw new Error('mock batch api closed')
        /** @type {{lineNo: number, text: string}[]} */
        const lines = []
        let start = 0
        let nl
        while ((nl = chunk.indexOf(10, start)) !== -1) {
          let text
          if (pieces.length > 0) {
            pieces.push(chunk.subarray(start, nl))
            text = Buffer.concat(pieces).toString('utf8')
            pieces = []
          } else text = chunk.toString('utf8', start, nl)
          lines.push({ lineNo: ++lineNo, text })
          start = nl + 1
        }
        if (start < chunk.length) pieces.push(chunk.subarray(start))
        if (lines.length > 0) yield lines
      }
      if (closed) throw new Error('mock batch api closed')
      if (pieces.length > 0)
        yield [{ lineNo: ++lineNo, text: Buffer.concat(pieces).toString('utf8') }]
    } finally {
      rs.destroy()
    }
  }

  /** Result file writer: blocks of lines, each written reversed. @param {string} filePath */
  function resultSink(filePath) {
    /** @type {fs.WriteStream | null} */
    let ws = null
    /** @type {string[]} */
    let block = []
    const sink = {
      path: filePath,
      lines: 0,
      bytes: 0,
      /** @param {string} line */
      push(line) {
        block.push(line)
        sink.lines += 1
        if (block.length >= OUTPUT_BLOCK) sink.flush()
      },
      flush() {
        if (block.length === 0) return
        ws ??= own(fs.createWriteStream(filePath, { highWaterMark: 1 << 20 }))
        const text = block.reverse().join('\n') + '\n'
        sink.bytes += Buffer.byteLength(text)
        ws.write(text)
        block = []
      },
      async drain() {
        if (ws?.writableNeedDrain) await drained(ws)
      },
      async close() {
        sink.flush()
        if (ws) {
          ws.end()
          await finished(ws)
        }
      },
      async discard() {
        ws?.destroy()
        await fsp.rm(filePath, { force: true })
      }
    }
    return sink
  }

  // ---- batches: state is computed from timestamps on every read and by a timer per batch ----

  /** @param {any} b @param {number} t */
  function processedAt(b, t) {
    const n = b.total
    if (n === 0) return 0
    const ip = b.t.inProgressMs
    let k = ip <= 0 ? n : Math.floor(((t - b.inProgressAtMs) * n) / ip)
    k = Math.max(0, Math.min(n, k))
    if (b.scenario === 'stuck') k = Math.min(k, Math.floor(n / 2))
    return k
  }

  /** Failed requests among the first k (failIdx is sorted). @param {number[]} failIdx @param {number} k */
  function failedBelow(failIdx, k) {
    let lo = 0
    let hi = failIdx.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (/** @type {number} */ (failIdx[mid]) < k) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  /** @param {any} b */
  function inProgressDeadlines(b) {
    const n = b.total
    const ip = b.t.inProgressMs
    const endAt = b.scenario === 'stuck' ? Infinity : b.inProgressAtMs + ip
    let expAt = b.expiresAtMs ?? Infinity
    /** @type {number | null} */
    let expProcessed = null
    if (b.scenario === 'expire') {
      const half = Math.floor(n / 2)
      const at = b.inProgressAtMs + (n > 0 ? (ip * half) / n : 0)
      if (at <= expAt) {
        expAt = at
        expProcessed = half
      }
    }
    const expires = expAt < endAt || (expProcessed !== null && expAt <= endAt)
    return { endAt, expAt: expires ? expAt : Infinity, expProcessed }
  }

  /** @param {any} b @param {number} now */
  function advance(b, now) {
    for (;;) {
      switch (b.state) {
        case 'validating': {
          const due = b.createdMs + b.t.validatingMs
          if (now >= due && !b.validation) startValidation(b)
          const readyAt = b.scan ? Math.max(due, b.scan.doneMs) : Infinity
          if (b.expiresAtMs !== null && b.expiresAtMs <= now && b.expiresAtMs < readyAt) {
            b.state = 'expired' // nothing was processed: no files
            b.expiredAtMs = b.expiresAtMs
            return
          }
          if (readyAt > now) return
          if (!b.scan.ok) {
            b.state = 'failed'
            b.failedAtMs = readyAt
            b.errors = { object: 'list', data: b.scan.errors }
            return
          }
          b.state = 'in_progress'
          b.inProgressAtMs = readyAt
          b.total = b.scan.total
          b.model = b.scan.model
          continue
        }
        case 'in_progress': {
          const { endAt, expAt, expProcessed } = inProgressDeadlines(b)
          if (expAt <= now) {
            b.state = 'expiring' // shown as in_progress until the result files are written
            beginFinish(b, 'expired', expAt, expProcessed ?? processedAt(b, expAt))
            continue
          }
          if (endAt <= now) {
            b.state = 'finalizing'
            b.finalizingAtMs = endAt
            beginFinish(b, 'completed', endAt + b.t.finalizingMs, b.total)
            continue
          }
          return
        }
        case 'expiring':
        case 'finalizing':
        case 'cancelling': {
          /** @type {Finish} */
          const f = b.finish
          if (!f.result) return
          const at = Math.max(f.dueMs, f.result.doneMs)
          if (at > now) return
          if (f.result.errors) {
            b.state = 'failed'
            b.failedAtMs = at
            b.errors = f.result.errors
            return
          }
          b.state = f.target
          b.outputFileId = f.result.outputFileId
          b.errorFileId = f.result.errorFileId
          b.usage = f.result.usage
          if (f.target === 'completed') b.completedAtMs = at
          else if (f.target === 'cancelled') b.cancelledAtMs = at
          else b.expiredAtMs = at
          return
        }
        default:
          return
      }
    }
  }

  /** When the batch next changes without a read, or null. @param {any} b */
  function nextDue(b) {
    switch (b.state) {
      case 'validating': {
        const due = b.createdMs + b.t.validatingMs
        const exp = b.expiresAtMs ?? Infinity
        if (!b.validation) return Math.min(due, exp)
        return b.scan ? Math.min(Math.max(due, b.scan.doneMs), exp) : exp // scan completion advances itself
      }
      case 'in_progress': {
        const { endAt, expAt } = inProgressDeadlines(b)
        return Math.min(endAt, expAt)
      }
      case 'expiring':
      case 'finalizing':
      case 'cancelling':
        return b.finish.result ? Math.max(b.finish.dueMs, b.finish.result.doneMs) : Infinity
      default:
        return Infinity
    }
  }

  /** @param {any} b */
  function schedule(b) {
    clearTimeout(b.timer)
    b.timer = null
    if (closed) return
    const next = nextDue(b)
    if (next === Infinity) return
    const delay = Math.min(2 ** 31 - 1, Math.max(0, next - Date.now()) + 1)
    b.timer = setTimeout(() => {
      b.timer = null
      advance(b, Date.now())
      schedule(b)
    }, delay)
    b.timer.unref()
  }

  /** @param {any} b */
  function startValidation(b) {
    const f = files.get(b.inputFileId)
    b.validation = track(
      (async () => {
        if (!f)
          return failScan('The input file was deleted before the batch could be validated.', null)
        const scan = await scanInput(f.path, b.endpoint)
        if (scan.ok && b.scenario === 'fail_validation') {
          return failScan(
            `The model '${scan.model ?? 'mock-model'}' does not exist or you do not have access to it.`,
            1,
            'model_not_found'
          )
        }
        return scan
      })().then(
        (scan) => {
          b.scan = { ...scan, doneMs: Date.now() }
          if (closed) return
          advance(b, Date.now())
          schedule(b)
        },
        (err) => {
          if (closed) return
          b.scan = {
            ...failScan(`Validation failed: ${err?.message ?? err}`, null, 'internal_error'),
            doneMs: Date.now()
          }
          advance(b, Date.now())
          schedule(b)
        }
      )
    )
  }

  /** @param {string} message @param {number|null} line */
  function failScan(message, line, code = 'invalid_request') {
    return {
      ok: false,
      total: 0,
      failIdx: [],
      model: null,
      errors: [{ code, message, param: null, line }]
    }
  }

  /** Stream the input file once: check every line, count requests, note the ones that will fail. */
  async function scanInput(/** @type {string} */ filePath, /** @type {string} */ endpoint) {
    /** @type {Set<string>} */
    const seen = new Set()
    /** @type {number[]} */
    const failIdx = []
    /** @type {object[]} */
    const errors = []
    let total = 0
    /** @type {string | null} */
    let model = null
    let modelLine = 0
    const bad = (/** @type {number} */ line, /** @type {string} */ message) =>
      errors.push({ code: 'invalid_request', message, param: null, line })
    outer: for await (const lines of readLines(filePath)) {
      for (const { lineNo, text } of lines) {
        if (errors.length >= MAX_LISTED_ERRORS) break outer
        if (text.trim() === '') continue
        let req
        try {
          req = JSON.parse(text)
        } catch {
          bad(lineNo, `Line ${lineNo} is not valid JSON.`)
          continue
        }
        if (!isObject(req)) {
          bad(lineNo, `Line ${lineNo} must be a JSON object.`)
          continue
        }
        if (typeof req.custom_id !== 'string' || req.custom_id === '') {
          bad(lineNo, `Line ${lineNo}: 'custom_id' must be a non-empty string.`)
          continue
        }
        if (seen.has(req.custom_id)) {
          bad(
            lineNo,
            `Line ${lineNo}: duplicate custom_id '${req.custom_id}'; each custom_id must be unique.`
          )
          continue
        }
        seen.add(req.custom_id)
        if (req.method !== 'POST') {
          bad(
            lineNo,
            `Line ${lineNo}: 'method' must be 'POST' (got ${JSON.stringify(req.method)}).`
          )
          continue
        }
        if (req.url !== endpoint) {
          bad(
            lineNo,
            `Line ${lineNo}: 'url' ${JSON.stringify(req.url)} does not match the batch endpoint '${endpoint}'.`
          )
          continue
        }
        if (!isObject(req.body)) {
          bad(lineNo, `Line ${lineNo}: 'body' must be a JSON object.`)
          continue
        }
        if (typeof req.body.model === 'string') {
          if (model === null) {
            model = req.body.model
            modelLine = lineNo
          } else if (req.body.model !== model) {
            bad(
              lineNo,
              `Line ${lineNo}: model '${req.body.model}' differs from '${model}' (line ${modelLine}); a batch may use one model only.`
            )
            continue
          }
        }
        if (typeof req.body.mock_error === 'string') failIdx.push(total)
        total += 1
      }
    }
    if (errors.length === 0 && total === 0) bad(0, 'The input file contains no requests.')
    return { ok: errors.length === 0, total, failIdx, model, errors }
  }

  /** @param {any} b @param {'completed'|'cancelled'|'expired'} target @param {number} dueMs @param {number} processed */
  function beginFinish(b, target, dueMs, processed) {
    const expireRest = target === 'expired'
    /** @type {Finish} */
    const f = { target, dueMs, processed, result: null }
    b.finish = f
    if (processed === 0 && !(expireRest && b.total > 0)) {
      f.result = {
        outputFileId: null,
        errorFileId: null,
        usage: { input: 0, output: 0 },
        doneMs: Date.now()
      }
      return
    }
    track(
      writeResults(b, processed, expireRest)
        .then(
          (r) => {
            f.result = { ...r, doneMs: Date.now() }
          },
          (err) => {
            f.result = {
              outputFileId: null,
              errorFileId: null,
              usage: { input: 0, output: 0 },
              errors: {
                object: 'list',
                data: [
                  {
                    code: 'internal_error',
                    message: `Writing results failed: ${err?.message ?? err}`,
                    param: null,
                    line: null
                  }
                ]
              },
              doneMs: Date.now()
            }
          }
        )
        .then(() => {
          if (closed) return
          advance(b, Date.now())
          schedule(b)
        })
    )
  }

  /** Second streaming pass over the input: answer the first `processed` requests, expire the rest. */
  async function writeResults(
    /** @type {any} */ b,
    /** @type {number} */ processed,
    /** @type {boolean} */ expireRest
  ) {
    const input = files.get(b.inputFileId)
    if (!input) throw new Error('the input file was deleted')
    const out = resultSink(path.join(dataDir, randomId('file-')))
    const err = resultSink(path.join(dataDir, randomId('file-')))
    const created = Math.floor(Date.now() / 1000)
    const usage = { input: 0, output: 0 }
    let idx = 0
    try {
      scan: for await (const lines of readLines(input.path)) {
        for (const { text } of lines) {
          if (text.trim() === '') continue
          const i = idx++
          if (i >= processed && !expireRest) break scan
          const req = JSON.parse(text)
          const seed = `${b.id}\0${req.custom_id}`
          const id = hashId('batch_req_', seed, 32)
          if (i >= processed) {
            err.push(
              JSON.stringify({
                id,
                custom_id: req.custom_id,
                response: null,
                error: { code: 'batch_expired', message: EXPIRED_MESSAGE }
              })
            )
            continue
          }
          const request_id = hashId('req_', `r${seed}`, 32)
          if (typeof req.body.mock_error === 'string') {
            const body = {
              error: {
                message: req.body.mock_error,
                type: 'invalid_request_error',
                param: null,
                code: null
              }
            }
            err.push(
              JSON.stringify({
                id,
                custom_id: req.custom_id,
                response: { status_code: 400, request_id, body },
                error: null
              })
            )
            continue
          }
          const a = fakeAnswer(b.endpoint, req.body, created, seed)
          usage.input += a.input
          usage.output += a.output
          out.push(
            JSON.stringify({
              id,
              custom_id: req.custom_id,
              response: { status_code: 200, request_id, body: a.body },
              error: null
            })
          )
        }
        await out.drain()
        await err.drain()
      }
      await out.close()
      await err.close()
      if (closed) throw new Error('mock batch api closed')
    } catch (e) {
      await Promise.all([out.discard(), err.discard()])
      throw e
    }
    const now = Date.now()
    /** @param {ReturnType<typeof resultSink>} sink @param {string} kind */
    const register = (sink, kind) => {
      if (sink.lines === 0) return null
      const id = path.basename(sink.path)
      files.set(id, {
        id,
        filename: `${b.id}_${kind}.jsonl`,
        purpose: 'batch_output',
        bytes: sink.bytes,
        createdMs: now,
        path: sink.path
      })
      return id
    }
    return { outputFileId: register(out, 'output'), errorFileId: register(err, 'error'), usage }
  }

  /** The batch as the API answers it. @param {any} b */
  function batchObject(b) {
    let processed = 0
    if (b.state === 'in_progress') processed = processedAt(b, Date.now())
    else if (b.finish) processed = b.finish.processed
    const failed = b.scan && b.total > 0 ? failedBelow(b.scan.failIdx, processed) : 0
    const shown = b.state === 'expiring' ? 'in_progress' : b.state
    return {
      id: b.id,
      object: 'batch',
      endpoint: b.endpoint,
      ...(b.model ? { model: b.model } : {}),
      errors: b.errors,
      input_file_id: b.inputFileId,
      completion_window: b.completionWindow,
      status: statusCase === 'upper' ? shown.toUpperCase() : shown,
      output_file_id: b.outputFileId,
      error_file_id: b.errorFileId,
      created_at: sec(b.createdMs),
      in_progress_at: sec(b.inProgressAtMs),
      expires_at: sec(b.expiresAtMs ?? b.createdMs + DAY_MS),
      finalizing_at: sec(b.finalizingAtMs),
      completed_at: sec(b.completedAtMs),
      failed_at: sec(b.failedAtMs),
      expired_at: sec(b.expiredAtMs),
      cancelling_at: sec(b.cancellingAtMs),
      cancelled_at: sec(b.cancelledAtMs),
      request_counts: { total: b.total, completed: processed - failed, failed },
      usage: usageObject(b.usage),
      metadata: b.metadata
    }
  }

  /** @param {any} b */
  const current = (b) => {
    advance(b, Date.now())
    return batchObject(b)
  }

  /** @param {string} id */
  const getBatch = (id) => {
    const b = batches.get(id)
    if (!b)
      throw new ApiError(404, `No batch found with id '${id}'.`, {
        param: 'batch_id',
        code: 'not_found'
      })
    return b
  }

  /** @param {unknown} body */
  function createBatch(body) {
    if (!isObject(body)) throw new ApiError(400, 'The request body must be a JSON object.')
    const req = /** @type {Record<string, any>} */ (body)
    for (const k of ['input_file_id', 'endpoint', 'completion_window']) {
      if (req[k] === undefined || req[k] === null)
        throw new ApiError(400, `Missing required parameter: '${k}'.`, {
          param: k,
          code: 'missing_required_parameter'
        })
      if (typeof req[k] !== 'string')
        throw new ApiError(400, `Invalid type for '${k}': expected a string.`, {
          param: k,
          code: 'invalid_type'
        })
    }
    if (!ENDPOINTS.has(req.endpoint)) {
      throw new ApiError(
        400,
        `Invalid value for 'endpoint': '${req.endpoint}' is not supported. Supported: ${[...ENDPOINTS].join(', ')}.`,
        { param: 'endpoint', code: 'invalid_value' }
      )
    }
    if (req.completion_window !== '24h') {
      throw new ApiError(
        400,
        `Invalid value for 'completion_window': '${req.completion_window}'. Supported values are: '24h'.`,
        { param: 'completion_window', code: 'invalid_value' }
      )
    }
    const meta = req.metadata ?? null
    if (meta !== null) {
      if (!isObject(meta))
        throw new ApiError(400, "Invalid type for 'metadata': expected an object.", {
          param: 'metadata',
          code: 'invalid_type'
        })
      const entries = Object.entries(meta)
      if (entries.length > 16)
        throw new ApiError(
          400,
          `Invalid 'metadata': at most 16 key-value pairs are allowed (got ${entries.length}).`,
          { param: 'metadata', code: 'invalid_value' }
        )
      for (const [k, v] of entries) {
        if (k.length > 64)
          throw new ApiError(
            400,
            `Invalid 'metadata': key '${k.slice(0, 70)}…' is longer than 64 characters.`,
            { param: 'metadata', code: 'invalid_value' }
          )
        if (typeof v !== 'string')
          throw new ApiError(400, `Invalid 'metadata.${k}': values must be strings.`, {
            param: `metadata.${k}`,
            code: 'invalid_type'
          })
        if (v.length > 512)
          throw new ApiError(
            400,
            `Invalid 'metadata.${k}': values may be at most 512 characters.`,
            { param: `metadata.${k}`, code: 'invalid_value' }
          )
      }
    }
    const oea = req.output_expires_after
    if (oea !== undefined && oea !== null) {
      if (
        !isObject(oea) ||
        oea.anchor !== 'created_at' ||
        !Number.isInteger(oea.seconds) ||
        oea.seconds < 3600 ||
        oea.seconds > 2592000
      ) {
        throw new ApiError(
          400,
          "Invalid 'output_expires_after': expected {anchor: 'created_at', seconds: 3600..2592000}.",
          { param: 'output_expires_after', code: 'invalid_value' }
        )
      }
    }
    const input = files.get(req.input_file_id)
    if (!input)
      throw new ApiError(400, `Invalid 'input_file_id': file '${req.input_file_id}' not found.`, {
        param: 'input_file_id',
        code: 'invalid_value'
      })
    if (input.purpose !== 'batch') {
      throw new ApiError(
        400,
        `Invalid 'input_file_id': file '${input.id}' has purpose '${input.purpose}', expected 'batch'.`,
        { param: 'input_file_id', code: 'invalid_value' }
      )
    }
    const t = { ...timings }
    const ipOverride =
      meta?.mock_in_progress_ms !== undefined ? Number(meta.mock_in_progress_ms) : NaN
    if (Number.isFinite(ipOverride) && ipOverride >= 0) t.inProgressMs = ipOverride
    const now = Date.now()
    const b = {
      id: randomId('batch_'),
      seq: ++batchSeq,
      createdMs: now,
      t,
      scenario: meta?.mock_scenario ?? null,
      endpoint: req.endpoint,
      inputFileId: input.id,
      completionWindow: req.completion_window,
      metadata: meta,
      state: 'validating',
      model: null,
      validation: null,
      scan: null,
      total: 0,
      errors: null,
      finish: null,
      outputFileId: null,
      errorFileId: null,
      usage: null,
      expiresAtMs: t.expireMs === null ? null : now + t.expireMs,
      inProgressAtMs: null,
      finalizingAtMs: null,
      completedAtMs: null,
      failedAtMs: null,
      expiredAtMs: null,
      cancellingAtMs: null,
      cancelledAtMs: null,
      timer: /** @type {NodeJS.Timeout | null} */ (null)
    }
    batches.set(b.id, b)
    advance(b, now)
    schedule(b)
    return b
  }

  /** @param {any} b */
  function cancelBatch(b) {
    const now = Date.now()
    advance(b, now)
    if (b.state === 'validating' || b.state === 'in_progress') {
      const processed = b.state === 'in_progress' ? processedAt(b, now) : 0
      if (b.state === 'validating') b.total = 0
      b.state = 'cancelling'
      b.cancellingAtMs = now
      beginFinish(b, 'cancelled', now + b.t.cancellingMs, processed)
      schedule(b)
    } else if (!['cancelling', 'cancelled', 'expiring'].includes(b.state)) {
      throw new ApiError(400, `Cannot cancel a batch with status '${b.state}'.`, {
        code: 'batch_not_cancellable'
      })
    }
    return batchObject(b)
  }

  // ---- HTTP ----

  /** @param {any} ctx */
  function destroy(ctx) {
    ctx.entry.status = 0
    ctx.req.socket.destroy()
  }

  /** @param {any} ctx @param {number} limit */
  async function readBody(ctx, limit = MAX_JSON_BYTES) {
    /** @type {Buffer[]} */
    const chunks = []
    let size = 0
    for await (const chunk of ctx.req) {
      ctx.entry.requestBytes += chunk.length
      size += chunk.length
      if (size <= limit) chunks.push(chunk)
    }
    if (size > limit) throw new ApiError(413, `The request body is larger than ${limit} bytes.`)
    return Buffer.concat(chunks)
  }

  /** @param {any} ctx */
  async function readJson(ctx) {
    const buf = await readBody(ctx)
    if (buf.length === 0) return undefined
    try {
      return JSON.parse(buf.toString('utf8'))
    } catch {
      throw new ApiError(
        400,
        "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly.)"
      )
    }
  }

  /** @param {any} ctx */
  async function discardBody(ctx) {
    for await (const chunk of ctx.req) ctx.entry.requestBytes += chunk.length
  }

  /** Sleep, ending early if the client goes away or the server closes. @param {number} ms @param {any} ctx */
  function sleep(ms, ctx) {
    return new Promise((resolve) => {
      const sock = ctx.req.socket
      const done = () => {
        clearTimeout(timer)
        wakers.delete(done)
        sock.off('close', done)
        resolve(undefined)
      }
      const timer = setTimeout(done, ms)
      wakers.add(done)
      sock.once('close', done)
    })
  }

  /** Send the headers and at most afterBytes of the body, then destroy the socket. @param {any} ctx @param {Buffer} part */
  function cutNow(ctx, part) {
    const { res } = ctx
    const sock = res.socket
    if (part.length > 0) res.write(part, () => sock?.destroy())
    else {
      res.flushHeaders()
      sock?.write('', () => sock.destroy())
    }
  }

  /** @param {any} ctx @param {number} status @param {Record<string, string | number>} headers @param {Buffer} body */
  function sendBuffer(ctx, status, headers, body) {
    const { res, entry, fault } = ctx
    if (res.headersSent || res.destroyed || ctx.req.socket.destroyed) return
    if (fault?.fault === 'drop-after') return destroy(ctx)
    // Carried out, but the answer never comes: the client cannot tell whether it happened.
    if (fault?.fault === 'stall-after') return
    entry.status = status
    res.writeHead(status, {
      ...headers,
      'content-length': body.length,
      'x-request-id': ctx.requestId
    })
    if (fault?.fault === 'cut') return cutNow(ctx, body.subarray(0, fault.afterBytes))
    res.end(body)
  }

  /** @param {any} ctx @param {number} status @param {unknown} obj */
  const sendJson = (ctx, status, obj, headers = {}) =>
    sendBuffer(
      ctx,
      status,
      { 'content-type': 'application/json', ...headers },
      Buffer.from(JSON.stringify(obj))
    )

  /** @param {any} ctx @param {ApiError} e */
  const sendError = (ctx, e) =>
    sendJson(
      ctx,
      e.status,
      { error: { message: e.message, type: e.type, param: e.param, code: e.code } },
      e.headers
    )

  /** @param {any} ctx @param {FileRec} f */
  function sendFile(ctx, f) {
    const { req, res, entry, fault } = ctx
    const size = f.bytes
    let start = 0
    let end = size - 1
    let status = 200
    /** @type {Record<string, string | number>} */
    const headers = {
      'content-type': f.filename.endsWith('.jsonl')
        ? 'application/jsonl'
        : 'application/octet-stream',
      'content-disposition': `attachment; filename="${f.filename.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(f.filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
      'accept-ranges': 'bytes'
    }
    const range = /^bytes=(\d*)-(\d*)$/.exec(String(req.headers.range ?? '').trim())
    if (range && (range[1] || range[2])) {
      if (range[1]) {
        start = Number(range[1])
        if (range[2]) end = Math.min(Number(range[2]), size - 1)
      } else start = Math.max(0, size - Number(range[2]))
      if (start >= size || start > end) {
        throw new ApiError(416, `Range not satisfiable for a file of ${size} bytes.`, {
          headers: { 'content-range': `bytes */${size}` }
        })
      }
      status = 206
      headers['content-range'] = `bytes ${start}-${end}/${size}`
    }
    const length = Math.max(0, end - start + 1)
    if (fault?.fault === 'drop-after') return destroy(ctx)
    if (fault?.fault === 'stall-after') return
    entry.status = status
    res.writeHead(status, { ...headers, 'content-length': length, 'x-request-id': ctx.requestId })
    const limit = fault?.fault === 'cut' ? Math.min(fault.afterBytes, length) : length
    if (limit === 0) return fault?.fault === 'cut' ? cutNow(ctx, EMPTY) : res.end()
    const rs = own(
      fs.createReadStream(f.path, { start, end: start + limit - 1, highWaterMark: 1 << 20 })
    )
    rs.on('error', () => req.socket.destroy())
    res.on('close', () => rs.destroy())
    if (fault?.fault === 'cut') {
      rs.pipe(res, { end: false })
      rs.on('end', () => {
        const sock = res.socket
        sock?.write('', () => sock.destroy())
      })
    } else rs.pipe(res)
  }

  /** @param {string} method @param {string} p */
  function route(method, p) {
    /** @type {RegExpExecArray | null} */
    let m
    if (p === '/_mock' || p.startsWith('/_mock/'))
      return { op: 'control', sub: p.slice('/_mock'.length) }
    if (p === '/v1/files') {
      if (method === 'POST') return { op: 'upload' }
      if (method === 'GET') return { op: 'file-list' }
    } else if ((m = /^\/v1\/files\/([^/]+)$/.exec(p))) {
      const fileId = decodeSegment(m[1] ?? '')
      if (method === 'GET') return { op: 'file-retrieve', fileId }
      if (method === 'DELETE') return { op: 'file-delete', fileId }
    } else if ((m = /^\/v1\/files\/([^/]+)\/content$/.exec(p))) {
      if (method === 'GET') return { op: 'download', fileId: decodeSegment(m[1] ?? '') }
    } else if (p === '/v1/batches') {
      if (method === 'POST') return { op: 'create' }
      if (method === 'GET') return { op: 'list' }
    } else if ((m = /^\/v1\/batches\/([^/]+)$/.exec(p))) {
      if (method === 'GET') return { op: 'retrieve', batchId: decodeSegment(m[1] ?? '') }
    } else if ((m = /^\/v1\/batches\/([^/]+)\/cancel$/.exec(p))) {
      if (method === 'POST') return { op: 'cancel', batchId: decodeSegment(m[1] ?? '') }
    }
    return { op: 'unknown' }
  }

  /** @param {string | null} after @param {number} limit @param {any[]} items ordered newest first */
  function page(items, after, limit, toJson = (/** @type {any} */ x) => x) {
    let start = 0
    if (after) {
      const i = items.findIndex((x) => x.id === after)
      start = i === -1 ? items.length : i + 1
    }
    const slice = items.slice(start, start + limit)
    return {
      object: 'list',
      data: slice.map(toJson),
      first_id: slice[0]?.id ?? null,
      last_id: slice.at(-1)?.id ?? null,
      has_more: start + limit < items.length
    }
  }

  /** @param {URLSearchParams} q @param {number} def @param {number} max */
  function limitParam(q, def, max) {
    const raw = q.get('limit')
    if (raw === null || raw === '') return def
    const n = Number(raw)
    if (!Number.isInteger(n) || n < 1 || n > max) {
      throw new ApiError(
        400,
        `Invalid 'limit': ${raw}. It must be an integer between 1 and ${max}.`,
        { param: 'limit', code: 'invalid_value' }
      )
    }
    return n
  }

  /** @param {any} ctx @param {any} r @param {URL} url */
  async function dispatch(ctx, r, url) {
    const { req, entry } = ctx
    switch (r.op) {
      case 'upload':
        return handleUpload(ctx)
      case 'file-list': {
        await discardBody(ctx)
        const purpose = url.searchParams.get('purpose')
        const order = url.searchParams.get('order') === 'asc' ? 1 : -1
        const items = [...files.values()]
          .filter((f) => !purpose || f.purpose === purpose)
          .sort((a, b) => order * (a.createdMs - b.createdMs))
        return sendJson(
          ctx,
          200,
          page(
            items,
            url.searchParams.get('after'),
            limitParam(url.searchParams, 10000, 10000),
            fileObject
          )
        )
      }
      case 'file-retrieve':
        await discardBody(ctx)
        return sendJson(ctx, 200, fileObject(getFile(r.fileId)))
      case 'file-delete': {
        await discardBody(ctx)
        const f = getFile(r.fileId)
        files.delete(f.id)
        await fsp.rm(f.path, { force: true })
        return sendJson(ctx, 200, { id: f.id, object: 'file', deleted: true })
      }
      case 'download':
        await discardBody(ctx)
        return sendFile(ctx, getFile(r.fileId))
      case 'create': {
        const b = createBatch(await readJson(ctx))
        entry.batchId = b.id
        entry.fileId = b.inputFileId
        return sendJson(ctx, 200, batchObject(b))
      }
      case 'retrieve':
        await discardBody(ctx)
        return sendJson(ctx, 200, current(getBatch(r.batchId)))
      case 'cancel':
        await discardBody(ctx)
        return sendJson(ctx, 200, cancelBatch(getBatch(r.batchId)))
      case 'list': {
        await discardBody(ctx)
        const limit = limitParam(url.searchParams, 20, 100)
        const items = [...batches.values()].sort((a, b) => b.seq - a.seq)
        return sendJson(ctx, 200, page(items, url.searchParams.get('after'), limit, current))
      }
      case 'control':
        return handleControl(ctx, r.sub)
      default:
        await discardBody(ctx)
        throw new ApiError(404, `Invalid URL (${req.method} ${entry.path})`)
    }
  }

  /** @param {any} ctx @param {string} sub */
  async function handleControl(ctx, sub) {
    const method = ctx.req.method
    const guard = (/** @type {() => void} */ fn) => {
      try {
        fn()
      } catch (e) {
        throw e instanceof TypeError ? new ApiError(400, e.message) : e
      }
    }
    if (sub === '/faults' && method === 'POST') {
      const body = await readJson(ctx)
      const rules = Array.isArray(body) ? body : [body]
      guard(() => {
        const normalized = rules.map(normalizeRule) // all or nothing
        for (const r of normalized) faults.push({ ...r, remaining: r.times })
      })
      return sendJson(ctx, 200, { faults: listFaults() })
    }
    if (sub === '/faults' && method === 'DELETE') {
      await discardBody(ctx)
      faults = []
      return sendJson(ctx, 200, { faults: [] })
    }
    if (sub === '/faults' && method === 'GET') {
      await discardBody(ctx)
      return sendJson(ctx, 200, { faults: listFaults() })
    }
    if (sub === '/config' && method === 'POST') {
      const body = await readJson(ctx)
      guard(() => api.configure(body))
      return sendJson(ctx, 200, { timings, statusCase })
    }
    if (sub === '/config' && method === 'GET') {
      await discardBody(ctx)
      return sendJson(ctx, 200, { timings, statusCase })
    }
    if (sub === '/state' && method === 'GET') {
      await discardBody(ctx)
      return sendJson(ctx, 200, { batches: api.batches(), files: api.files(), log })
    }
    await discardBody(ctx)
    throw new ApiError(404, `Invalid URL (${method} /_mock${sub})`)
  }

  const listFaults = () => faults.map(({ remaining, ...r }) => ({ ...r, times: remaining }))

  /** @param {Op} op */
  function takeFault(op) {
    if (op === 'control') return null
    const i = faults.findIndex((r) => r.op === '*' || r.op === op)
    if (i === -1) return null
    const r = /** @type {(typeof faults)[number]} */ (faults[i])
    r.remaining -= 1
    if (r.remaining <= 0) faults.splice(i, 1)
    return r
  }

  /** Streaming upload: the file part goes to disk as it arrives. @param {any} ctx */
  async function handleUpload(ctx) {
    const { req, entry } = ctx
    const boundary = multipartBoundary(req.headers['content-type'])
    if (!boundary) {
      await discardBody(ctx)
      throw new ApiError(400, "Expected a 'multipart/form-data' body with a boundary.", {
        code: 'invalid_content_type'
      })
    }
    const id = randomId('file-')
    const filePath = path.join(dataDir, id)
    /** @type {Record<string, string>} */
    const fields = {}
    /** @type {{ filename: string, ws: fs.WriteStream, bytes: number, complete: boolean } | null} */
    let file = null
    /** @type {{ kind: 'file' } | { kind: 'field', name: string, chunks: Buffer[], size: number } | { kind: 'skip' } | null} */
    let part = null
    let needDrain = false
    const parser = new MultipartParser(boundary, {
      onPartBegin(h) {
        if (h.name === 'file' && h.filename !== undefined && !file) {
          const ws = own(fs.createWriteStream(filePath, { highWaterMark: 4 << 20 }))
          ws.on('error', noop) // surfaced through drained()/finished()
          file = { filename: h.filename || 'file', ws, bytes: 0, complete: false }
          part = { kind: 'file' }
        } else if (h.name !== undefined && h.filename === undefined) {
          part = { kind: 'field', name: h.name, chunks: [], size: 0 }
        } else part = { kind: 'skip' }
      },
      onPartData(buf) {
        if (part?.kind === 'file' && file) {
          file.bytes += buf.length
          if (!file.ws.write(buf)) needDrain = true
        } else if (part?.kind === 'field') {
          part.size += buf.length
          if (part.size > MAX_FIELD_BYTES)
            throw new ApiError(400, `Form field '${part.name}' is too large.`)
          part.chunks.push(buf)
        }
      },
      onPartEnd() {
        if (part?.kind === 'field') fields[part.name] = Buffer.concat(part.chunks).toString('utf8')
        else if (part?.kind === 'file' && file) file.complete = true
        part = null
      }
    })
    let stored = false
    /** @type {unknown} */
    let failure = null
    try {
      for await (const chunk of req) {
        entry.requestBytes += chunk.length
        if (failure) continue // read the rest so the client gets the answer (leaving the loop would destroy the socket)
        try {
          parser.write(chunk)
        } catch (e) {
          failure = e
          continue
        }
        if (needDrain && file) {
          needDrain = false
          await drained(file.ws)
        }
      }
      if (failure) throw failure
      if (!parser.finished)
        throw new ApiError(400, 'The multipart body is incomplete or malformed.')
      if (!file || !(/** @type {any} */ (file).complete)) {
        throw new ApiError(400, "Missing required parameter: 'file'.", {
          param: 'file',
          code: 'missing_required_parameter'
        })
      }
      const purpose = fields.purpose?.trim()
      if (!purpose)
        throw new ApiError(400, "Missing required parameter: 'purpose'.", {
          param: 'purpose',
          code: 'missing_required_parameter'
        })
      const f = /** @type {NonNullable<typeof file>} */ (file)
      f.ws.end()
      await finished(f.ws)
      if (closed) throw new Error('mock batch api closed')
      /** @type {FileRec} */
      const rec = {
        id,
        filename: f.filename,
        purpose,
        bytes: f.bytes,
        createdMs: Date.now(),
        path: filePath
      }
      files.set(id, rec)
      stored = true
      entry.fileId = id
      sendJson(ctx, 200, fileObject(rec))
    } finally {
      if (!stored && file) {
        ;/** @type {any} */ (file).ws.destroy()
        await fsp.rm(filePath, { force: true }).catch(noop)
      }
    }
  }

  /** @param {http.IncomingMessage} req @param {http.ServerResponse} res */
  async function handle(req, res) {
    req.on('error', noop)
    res.on('error', noop)
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    let pathname = url.pathname.replace(/\/{2,}/g, '/')
    if (pathname.length > 1 && pathname.endsWith('/')) pathname = pathname.slice(0, -1)
    const method = req.method ?? 'GET'
    const r = /** @type {any} */ (route(method, pathname))
    /** @type {LogEntry} */
    const entry = {
      op: r.op,
      method,
      path: pathname,
      query: Object.fromEntries(url.searchParams),
      status: 0,
      at: Date.now(),
      requestBytes: 0,
      authorized: false,
      headers: redactHeaders(req.headers)
    }
    if (r.batchId) entry.batchId = r.batchId
    if (r.fileId) entry.fileId = r.fileId
    log.push(entry)
    const ctx = {
      req,
      res,
      entry,
      fault: /** @type {any} */ (null),
      requestId: randomId('req_', 32)
    }
    try {
      if (r.op !== 'control') {
        const fault = takeFault(r.op)
        if (fault) {
          entry.fault = fault.fault
          ctx.fault = fault
          if (fault.fault === 'drop-before') return destroy(ctx)
          if (fault.fault === 'stall') {
            discardBody(ctx).catch(noop) // read the request, never answer
            return
          }
          if (fault.fault === 'status') {
            await discardBody(ctx)
            const status = /** @type {number} */ (fault.status)
            throw new ApiError(status, `Mock fault: HTTP ${status}.`, {
              type: status === 429 ? 'requests' : undefined,
              code: status === 429 ? 'rate_limit_exceeded' : null,
              headers:
                fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {}
            })
          }
          if (fault.fault === 'delay') {
            await sleep(/** @type {number} */ (fault.delayMs), ctx)
            if (closed || req.socket.destroyed) return
          }
        }
        const auth = /^Bearer\s+(.+)$/i.exec(String(req.headers.authorization ?? ''))
        entry.authorized = apiKey === null || auth?.[1]?.trim() === apiKey
        if (!entry.authorized) {
          await discardBody(ctx)
          throw new ApiError(401, 'Incorrect API key provided', { code: 'invalid_api_key' })
        }
      } else entry.authorized = true
      await dispatch(ctx, r, url)
    } catch (e) {
      if (e instanceof ApiError) sendError(ctx, e)
      else if (!req.socket.destroyed && !closed) {
        if (res.headersSent) req.socket.destroy()
        else {
          process.stderr.write(`mock batch api: ${/** @type {Error} */ (e)?.stack ?? e}\n`)
          sendError(
            ctx,
            new ApiError(500, 'The server had an error while processing your request.')
          )
        }
      }
    }
  }

  const server = http.createServer({ requestTimeout: 0 }, (req, res) => {
    track(handle(req, res))
  })
  server.on('connection', (s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  server.on('clientError', (_err, socket) => socket.destroy())

  try {
    await new Promise((resolve, reject) => {
      server.once('error', reject)
      server.listen(options.port ?? 0, '127.0.0.1', () => {
        server.off('error', reject)
        resolve(undefined)
      })
    })
  } catch (e) {
    if (ownDataDir) await fsp.rm(dataDir, { recursive: true, force: true })
    throw e
  }
  const port = /** @type {import('node:net').AddressInfo} */ (server.address()).port

  const api = {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    dataDir,
    log,
    /** @param {{ timings?: Partial<Timings>, statusCase?: 'lower'|'upper' }} patch */
    configure(patch) {
      if (!isObject(patch)) throw new TypeError('configure() takes an object')
      const nextTimings = mergeTimings(timings, patch.timings)
      const nextCase =
        patch.statusCase === undefined ? statusCase : checkStatusCase(patch.statusCase)
      timings = nextTimings
      statusCase = nextCase
    },
    /** @param {FaultRule} rule */
    addFault(rule) {
      const r = normalizeRule(rule)
      faults.push({ ...r, remaining: r.times })
    },
    clearFaults() {
      faults = []
    },
    faults: listFaults,
    batches() {
      const now = Date.now()
      return [...batches.values()].map((b) => {
        advance(b, now)
        return batchObject(b)
      })
    },
    /** @param {string} fileId */
    fileBytes(fileId) {
      const f = files.get(fileId)
      if (!f) throw new Error(`mock batch api: no file '${fileId}'`)
      return fs.readFileSync(f.path)
    },
    files() {
      return [...files.values()].map((f) => ({
        id: f.id,
        filename: f.filename,
        purpose: f.purpose,
        bytes: f.bytes
      }))
    },
    close() {
      closing ??= (async () => {
        closed = true
        for (const b of batches.values()) clearTimeout(b.timer)
        for (const wake of [...wakers]) wake()
        for (const s of streams) s.destroy()
        const serverClosed = new Promise((resolve) => server.close(() => resolve(undefined)))
        server.closeAllConnections()
        for (const s of sockets) /** @type {import('node:net').Socket} */ (s).destroy()
        await serverClosed
        while (pending.size > 0) await Promise.allSettled([...pending])
        if (ownDataDir) await fsp.rm(dataDir, { recursive: true, force: true })
      })()
      return closing
    }
  }
  return api
}
