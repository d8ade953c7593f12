// @ts-check
// Routing: which call a request is, and carrying it out.
import fsp from 'node:fs/promises'
import {
  batchObject,
  cancelBatch,
  commitBatch,
  current,
  getBatch,
  misshape,
  newestFirst
} from './batches.mjs'
import { handleControl } from './control.mjs'
import { checkCreate } from './create-request.mjs'
import { takeBatchFaults } from './faults.mjs'
import { fileObject, getFile } from './files.mjs'
import { destroy, discardBody, readJson, sendFile, sendJson } from './http-io.mjs'
import { limitParam, page } from './pagination.mjs'
import { handleUpload } from './upload.mjs'
import { ApiError, decodeSegment } from './util.mjs'

/** @import { ActiveFault, Batch, Ctx, MockOp, ServerState } from './types.mjs' */
/** @import { CreateParams } from './create-request.mjs' */
/** @typedef {{ op: MockOp, sub?: string, fileId?: string, batchId?: string }} Route */

/** @param {string} method @param {string} p @returns {Route} */
export function route(method, p) {
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

/** The batch answer, misshapen when an odd-shape fault applies. @param {Ctx} ctx @param {Batch} batch */
const shaped = (ctx, batch) =>
  ctx.fault?.fault === 'odd-shape' && ctx.fault.shape ? misshape(batch, ctx.fault.shape) : batch

/**
 * The create is read and checked, the answer is an error (or none), and the batch appears
 * commitAfterMs later: the client cannot tell that its create succeeded.
 * @param {ServerState} st @param {Ctx} ctx @param {CreateParams} params @param {ActiveFault[]} shaping @param {ActiveFault} fault
 */
function lateCommit(st, ctx, params, shaping, fault) {
  const timer = setTimeout(() => {
    st.timers.delete(timer)
    if (st.closed) return
    ctx.entry.batchId = commitBatch(st, params, shaping).id
  }, Number(fault.commitAfterMs))
  timer.unref()
  st.timers.add(timer)
  if (fault.answer === 'drop') return destroy(ctx)
  if (fault.answer === 'stall') return
  const status = Number(fault.status)
  throw new ApiError(status, `Mock fault: HTTP ${status}.`)
}

/** @param {ServerState} st @param {Ctx} ctx @param {Route} r @param {URL} url */
export async function dispatch(st, ctx, r, url) {
  const { req, entry } = ctx
  const q = url.searchParams
  switch (r.op) {
    case 'upload':
      return handleUpload(st, ctx)
    case 'file-list': {
      await discardBody(ctx)
      const purpose = q.get('purpose')
      const order = q.get('order') === 'asc' ? 1 : -1
      const items = [...st.files.values()]
        .filter((f) => !purpose || f.purpose === purpose)
        .sort((a, b) => order * (a.createdMs - b.createdMs))
      return sendJson(
        ctx,
        200,
        page(items, q.get('after'), limitParam(q, 10000, 10000), fileObject)
      )
    }
    case 'file-retrieve':
      await discardBody(ctx)
      return sendJson(ctx, 200, fileObject(getFile(st, String(r.fileId))))
    case 'file-delete': {
      await discardBody(ctx)
      const f = getFile(st, String(r.fileId))
      st.files.delete(f.id)
      await fsp.rm(f.path, { force: true })
      return sendJson(ctx, 200, { id: f.id, object: 'file', deleted: true })
    }
    case 'download':
      await discardBody(ctx)
      return sendFile(st, ctx, getFile(st, String(r.fileId)))
    case 'create': {
      const params = checkCreate(await readJson(ctx), st.files)
      const shaping = takeBatchFaults(st)
      entry.fileId = params.input.id
      if (ctx.fault?.fault === 'late-commit') return lateCommit(st, ctx, params, shaping, ctx.fault)
      const b = commitBatch(st, params, shaping)
      entry.batchId = b.id
      return sendJson(ctx, 200, shaped(ctx, batchObject(st, b)))
    }
    case 'retrieve':
      await discardBody(ctx)
      return sendJson(ctx, 200, shaped(ctx, current(st, getBatch(st, String(r.batchId)))))
    case 'cancel':
      await discardBody(ctx)
      return sendJson(ctx, 200, shaped(ctx, cancelBatch(st, getBatch(st, String(r.batchId)))))
    case 'list': {
      await discardBody(ctx)
      const limit = limitParam(q, 20, 100)
      const toJson = (/** @type {import('./types.mjs').BatchRec} */ b) => current(st, b)
      return sendJson(ctx, 200, page(newestFirst(st), q.get('after'), limit, toJson))
    }
    case 'control':
      return handleControl(st, ctx, String(r.sub))
    default:
      await discardBody(ctx)
      throw new ApiError(404, `Invalid URL (${req.method} ${entry.path})`)
  }
}
