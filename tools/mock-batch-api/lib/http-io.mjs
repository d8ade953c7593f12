// @ts-check
// Reading requests and sending answers, including the transport faults that act on the answer
// (drop-after, stall-after, cut).
import fs from 'node:fs'
import { ApiError, EMPTY } from './util.mjs'

/** @import { Ctx, FileRec, ServerState } from './types.mjs' */

const MAX_JSON_BYTES = 4 << 20

/** @param {Ctx} ctx */
export function destroy(ctx) {
  ctx.entry.status = 0
  ctx.req.socket.destroy()
}

/** @param {Ctx} ctx @param {number} limit */
export async function readBody(ctx, limit = MAX_JSON_BYTES) {
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

/** @param {Ctx} ctx */
export async function readJson(ctx) {
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

/** @param {Ctx} ctx */
export async function discardBody(ctx) {
  for await (const chunk of ctx.req) ctx.entry.requestBytes += chunk.length
}

/** Sleep, ending early if the client goes away or the server closes. @param {ServerState} st @param {number} ms @param {Ctx} ctx */
export function sleep(st, ms, ctx) {
  return new Promise((resolve) => {
    const sock = ctx.req.socket
    const done = () => {
      clearTimeout(timer)
      st.wakers.delete(done)
      sock.off('close', done)
      resolve(undefined)
    }
    const timer = setTimeout(done, ms)
    st.wakers.add(done)
    sock.once('close', done)
  })
}

/** Send the headers and at most afterBytes of the body, then destroy the socket. @param {Ctx} ctx @param {Buffer} part */
export function cutNow(ctx, part) {
  const { res } = ctx
  const sock = res.socket
  if (part.length > 0) res.write(part, () => sock?.destroy())
  else {
    res.flushHeaders()
    sock?.write('', () => sock.destroy())
  }
}

/** @param {Ctx} ctx @param {number} status @param {Record<string, string | number>} headers @param {Buffer} body */
export function sendBuffer(ctx, status, headers, body) {
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
  if (fault?.fault === 'cut') return cutNow(ctx, body.subarray(0, Number(fault.afterBytes)))
  res.end(body)
}

/** @param {Ctx} ctx @param {number} status @param {unknown} obj @param {Record<string, string>} [headers] */
export const sendJson = (ctx, status, obj, headers = {}) =>
  sendBuffer(
    ctx,
    status,
    { 'content-type': 'application/json', ...headers },
    Buffer.from(JSON.stringify(obj))
  )

/** @param {Ctx} ctx @param {ApiError} e */
export const sendError = (ctx, e) =>
  sendJson(
    ctx,
    e.status,
    { error: { message: e.message, type: e.type, param: e.param, code: e.code } },
    e.headers
  )

/** Streams a stored file, answering single `Range: bytes=` ranges with 206. @param {ServerState} st @param {Ctx} ctx @param {FileRec} f */
export function sendFile(st, ctx, f) {
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
  const limit = fault?.fault === 'cut' ? Math.min(Number(fault.afterBytes), length) : length
  if (limit === 0) return fault?.fault === 'cut' ? cutNow(ctx, EMPTY) : res.end()
  const rs = st.own(
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
