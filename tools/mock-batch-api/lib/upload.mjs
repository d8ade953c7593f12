// @ts-check
// Streaming upload (POST /v1/files): the file part goes to disk as it arrives, never into memory.
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import { finished } from 'node:stream/promises'
import { fileObject } from './files.mjs'
import { discardBody, sendJson } from './http-io.mjs'
import { MultipartParser, multipartBoundary } from './multipart.mjs'
import { ApiError, drained, noop, randomId } from './util.mjs'

/** @import { Ctx, FileRec, ServerState } from './types.mjs' */
/** @typedef {{ filename: string, ws: fs.WriteStream, bytes: number, complete: boolean }} UploadFile */

const MAX_FIELD_BYTES = 64 << 10

/** Streaming upload: the file part goes to disk as it arrives. @param {ServerState} st @param {Ctx} ctx */
export async function handleUpload(st, ctx) {
  const { req, entry } = ctx
  const boundary = multipartBoundary(req.headers['content-type'])
  if (!boundary) {
    await discardBody(ctx)
    throw new ApiError(400, "Expected a 'multipart/form-data' body with a boundary.", {
      code: 'invalid_content_type'
    })
  }
  const id = randomId('file-')
  const filePath = path.join(st.dataDir, id)
  /** @type {Record<string, string>} */
  const fields = {}
  /** @type {UploadFile | null} */
  let file = null
  /** The part callbacks set `file`; read it through this so the checker does not assume it is still null. */
  const uploaded = () => file
  /** @type {{ kind: 'file' } | { kind: 'field', name: string, chunks: Buffer[], size: number } | { kind: 'skip' } | null} */
  let part = null
  let needDrain = false
  const parser = new MultipartParser(boundary, {
    onPartBegin(h) {
      if (h.name === 'file' && h.filename !== undefined && !file) {
        const ws = st.own(fs.createWriteStream(filePath, { highWaterMark: 4 << 20 }))
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
      const f = uploaded()
      if (needDrain && f) {
        needDrain = false
        await drained(f.ws)
      }
    }
    if (failure) throw failure
    if (!parser.finished) throw new ApiError(400, 'The multipart body is incomplete or malformed.')
    const f = uploaded()
    if (!f || !f.complete) {
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
    f.ws.end()
    await finished(f.ws)
    if (st.closed) throw new Error('mock batch api closed')
    /** @type {FileRec} */
    const rec = {
      id,
      filename: f.filename,
      purpose,
      bytes: f.bytes,
      createdMs: Date.now(),
      path: filePath
    }
    st.files.set(id, rec)
    stored = true
    entry.fileId = id
    sendJson(ctx, 200, fileObject(rec))
  } finally {
    const f = uploaded()
    if (!stored && f) {
      f.ws.destroy()
      await fsp.rm(filePath, { force: true }).catch(noop)
    }
  }
}
