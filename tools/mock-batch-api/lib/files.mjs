// @ts-check
// The files store: stored files as the API answers them.
import { ApiError, DAY_MS, sec } from './util.mjs'

/** @import { FileRec, ServerState } from './types.mjs' */

const OUTPUT_TTL_MS = 30 * DAY_MS

/** @param {FileRec} f */
export const fileObject = (f) => ({
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

/** @param {ServerState} st @param {string} id */
export function getFile(st, id) {
  const f = st.files.get(id)
  if (!f) throw new ApiError(404, `No such File object: ${id}`, { param: 'id', code: 'not_found' })
  return f
}

/** @param {ServerState} st */
export const fileInfos = (st) =>
  [...st.files.values()].map((f) => ({
    id: f.id,
    filename: f.filename,
    purpose: f.purpose,
    bytes: f.bytes
  }))
