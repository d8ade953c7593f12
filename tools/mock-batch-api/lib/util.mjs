// @ts-check
// Small helpers shared by the mock's modules: the OpenAI-style error, ids, time and type checks.
import crypto from 'node:crypto'

export const DAY_MS = 86_400_000
export const EMPTY = Buffer.alloc(0)
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
export const noop = () => {}

/** An error answered as OpenAI does: `{error: {message, type, param, code}}` with an HTTP status. */
export class ApiError extends Error {
  /**
   * @param {number} status
   * @param {string} message
   * @param {{ type?: string, code?: string | null, param?: string | null, headers?: Record<string, string> }} [o]
   */
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
export function randomId(prefix, n = 24) {
  let s = prefix
  for (const b of crypto.randomBytes(n)) s += ALNUM[b % 62]
  return s
}

/** @param {string} prefix @param {string} input */
export function hashId(prefix, input, n = 24) {
  return prefix + crypto.createHash('sha256').update(input).digest('hex').slice(0, n)
}

/** Unix seconds. @param {number | null | undefined} ms */
export const sec = (ms) => (ms == null ? null : Math.floor(ms / 1000))

/** @param {unknown} v @returns {v is Record<string, unknown>} */
export const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v)

/** @param {string} s */
export function decodeSegment(s) {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/** Wait until a writable can take more, or fail if it errors or closes first. @param {import('node:fs').WriteStream} ws */
export function drained(ws) {
  return new Promise((resolve, reject) => {
    /** @param {unknown} err */
    const done = (err) => {
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

/** @param {unknown} e */
export const messageOf = (e) => (e instanceof Error ? e.message : String(e))
