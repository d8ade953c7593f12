// @ts-check
// Local OpenAI-compatible Batch API (Files + Batches) for the test-suite, the demo and the benchmarks.
// Plain ESM on Node built-ins only, type-checked from JSDoc (`tsc -p tools`). Usage: ./README.md.
// This file starts the server and answers the public API; each concern lives in ./lib.
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { listBatches, current, seedBatches } from './lib/batches.mjs'
import { addFaults, listFaults, takeFault } from './lib/faults.mjs'
import { fileInfos } from './lib/files.mjs'
import { destroy, discardBody, sendError, sleep } from './lib/http-io.mjs'
import { initialConfig, patchConfig } from './lib/options.mjs'
import { dispatch, route } from './lib/router.mjs'
import { ApiError, noop, randomId } from './lib/util.mjs'

export { MultipartParser } from './lib/multipart.mjs'
export { DEFAULT_TIMINGS } from './lib/options.mjs'

/**
 * The public types, re-exported from ./lib/types.mjs (the one place they are written).
 * @typedef {import('./lib/types.mjs').MockBatchApi} MockBatchApi
 * @typedef {import('./lib/types.mjs').MockBatchApiOptions} MockBatchApiOptions
 * @typedef {import('./lib/types.mjs').MockConfigPatch} MockConfigPatch
 * @typedef {import('./lib/types.mjs').MockTimings} MockTimings
 * @typedef {import('./lib/types.mjs').MockLimits} MockLimits
 * @typedef {import('./lib/types.mjs').StatusCase} StatusCase
 * @typedef {import('./lib/types.mjs').StatusNames} StatusNames
 * @typedef {import('./lib/types.mjs').BatchStatus} BatchStatus
 * @typedef {import('./lib/types.mjs').MockOp} MockOp
 * @typedef {import('./lib/types.mjs').FaultKind} FaultKind
 * @typedef {import('./lib/types.mjs').FaultRule} FaultRule
 * @typedef {import('./lib/types.mjs').OddShape} OddShape
 * @typedef {import('./lib/types.mjs').SeedOptions} SeedOptions
 * @typedef {import('./lib/types.mjs').BatchFilter} BatchFilter
 * @typedef {import('./lib/types.mjs').LogEntry} LogEntry
 * @typedef {import('./lib/types.mjs').Batch} Batch
 * @typedef {import('./lib/types.mjs').BatchError} BatchError
 * @typedef {import('./lib/types.mjs').MockFileInfo} MockFileInfo
 */
/** @import { Ctx, ServerState } from './lib/types.mjs' */

/** @param {http.IncomingHttpHeaders} h */
function redactHeaders(h) {
  /** @type {Record<string, string>} */
  const out = {}
  for (const [k, v] of Object.entries(h)) {
    if (v === undefined) continue
    const secret = k === 'authorization' || k === 'proxy-authorization'
    out[k] = secret ? 'REDACTED' : Array.isArray(v) ? v.join(', ') : v
  }
  return out
}

/** @param {ServerState} st @param {string | null} apiKey @param {http.IncomingMessage} req @param {http.ServerResponse} res */
async function handle(st, apiKey, req, res) {
  req.on('error', noop)
  res.on('error', noop)
  const url = new URL(req.url ?? '/', 'http://127.0.0.1')
  let pathname = url.pathname.replace(/\/{2,}/g, '/')
  if (pathname.length > 1 && pathname.endsWith('/')) pathname = pathname.slice(0, -1)
  const method = req.method ?? 'GET'
  const r = route(method, pathname)
  /** @type {import('./lib/types.mjs').LogEntry} */
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
  st.log.push(entry)
  /** @type {Ctx} */
  const ctx = { req, res, entry, fault: null, requestId: randomId('req_', 32) }
  try {
    if (r.op !== 'control') {
      const fault = takeFault(st, r.op)
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
          const status = Number(fault.status)
          throw new ApiError(status, `Mock fault: HTTP ${status}.`, {
            ...(status === 429 ? { type: 'requests', code: 'rate_limit_exceeded' } : {}),
            headers:
              fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {}
          })
        }
        if (fault.fault === 'delay') {
          await sleep(st, Number(fault.delayMs), ctx)
          if (st.closed || req.socket.destroyed) return
        }
      }
      const auth = /^Bearer\s+(.+)$/i.exec(String(req.headers.authorization ?? ''))
      entry.authorized = apiKey === null || auth?.[1]?.trim() === apiKey
      if (!entry.authorized) {
        await discardBody(ctx)
        throw new ApiError(401, 'Incorrect API key provided', { code: 'invalid_api_key' })
      }
    } else entry.authorized = true
    await dispatch(st, ctx, r, url)
  } catch (e) {
    if (e instanceof ApiError) sendError(ctx, e)
    else if (!req.socket.destroyed && !st.closed) {
      if (res.headersSent) req.socket.destroy()
      else {
        process.stderr.write(`mock batch api: ${e instanceof Error ? e.stack : e}\n`)
        sendError(ctx, new ApiError(500, 'The server had an error while processing your request.'))
      }
    }
  }
}

/** @param {MockBatchApiOptions} [options] @returns {Promise<MockBatchApi>} */
export async function startMockBatchApi(options = {}) {
  const apiKey = options.apiKey === undefined ? 'test-key' : options.apiKey
  const config = initialConfig(options)
  const ownDataDir = !options.dataDir
  const dataDir = options.dataDir
    ? path.resolve(options.dataDir)
    : await fsp.mkdtemp(path.join(os.tmpdir(), 'mock-batch-api-'))
  if (!ownDataDir) await fsp.mkdir(dataDir, { recursive: true })

  /** @type {Set<Promise<unknown>>} */
  const pending = new Set()
  /** @type {Set<fs.ReadStream | fs.WriteStream>} */
  const streams = new Set()
  /** @type {ServerState} */
  const st = {
    dataDir,
    files: new Map(),
    batches: new Map(),
    log: [],
    faults: [],
    config,
    seq: 0,
    closed: false,
    track(p) {
      pending.add(p)
      p.then(
        () => pending.delete(p),
        () => pending.delete(p)
      )
      return p
    },
    own(s) {
      const stream = /** @type {import('node:stream').Stream} */ (s)
      streams.add(s)
      stream.on('close', () => streams.delete(s))
      return s
    },
    wakers: new Set(),
    timers: new Set()
  }

  /** @type {Set<import('node:net').Socket>} */
  const sockets = new Set()
  const server = http.createServer({ requestTimeout: 0 }, (req, res) => {
    st.track(handle(st, apiKey, req, res))
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
  /** @type {Promise<void> | null} */
  let closing = null

  return {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    dataDir,
    log: st.log,
    configure(patch) {
      st.config = patchConfig(st.config, patch)
    },
    addFault(rule) {
      addFaults(st, [rule])
    },
    clearFaults() {
      st.faults = []
    },
    faults: () => listFaults(st),
    batches: (filter) => listBatches(st, filter),
    batch(id) {
      const b = st.batches.get(id)
      return b ? current(st, b) : undefined
    },
    seedBatches: (o) => seedBatches(st, o),
    fileBytes(fileId) {
      const f = st.files.get(fileId)
      if (!f) throw new Error(`mock batch api: no file '${fileId}'`)
      return fs.readFileSync(f.path)
    },
    files: () => fileInfos(st),
    close() {
      closing ??= (async () => {
        st.closed = true
        for (const b of st.batches.values()) if (b.timer) clearTimeout(b.timer)
        for (const t of st.timers) clearTimeout(t)
        for (const wake of [...st.wakers]) wake()
        for (const s of streams) s.destroy()
        const serverClosed = new Promise((resolve) => server.close(() => resolve(undefined)))
        server.closeAllConnections()
        for (const s of sockets) s.destroy()
        await serverClosed
        while (pending.size > 0) await Promise.allSettled([...pending])
        if (ownDataDir) await fsp.rm(dataDir, { recursive: true, force: true })
      })()
      return closing
    }
  }
}
