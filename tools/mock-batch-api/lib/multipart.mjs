// @ts-check
import { ApiError, EMPTY } from './util.mjs'

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
export function multipartBoundary(contentType) {
  if (!contentType || !/^\s*multipart\/form-data\s*(;|$)/i.test(contentType)) return null
  const m = /;\s*boundary\s*=\s*(?:"([^"]+)"|([^;\s]+))/i.exec(contentType)
  const b = m ? (m[1] ?? m[2]) : undefined
  return b && b.length <= 200 ? b : null
}
