// @ts-check
// Result files: a second streaming pass over the input answers the first `processed` requests and,
// for an expired batch, marks the rest. Lines are written in blocks of OUTPUT_BLOCK, each block
// reversed, so results are never in input order (clients must join on custom_id, as with OpenAI).
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import { finished } from 'node:stream/promises'
import { fakeAnswer } from './answers.mjs'
import { readLines } from './lines.mjs'
import { failureOf, requestErrorBody } from './outcomes.mjs'
import { drained, hashId, randomId } from './util.mjs'

/** @import { BatchRec, ServerState, TokenUsage } from './types.mjs' */

const OUTPUT_BLOCK = 1000
const EXPIRED_MESSAGE = 'This request could not be executed before the completion window expired.'

/** @param {ServerState} st @param {string} filePath */
function resultSink(st, filePath) {
  /** @type {import('node:fs').WriteStream | null} */
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
      ws ??= st.own(fs.createWriteStream(filePath, { highWaterMark: 1 << 20 }))
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

/**
 * @param {ServerState} st @param {BatchRec} b @param {number} processed @param {boolean} expireRest
 * @returns {Promise<{ outputFileId: string | null, errorFileId: string | null, usage: TokenUsage }>}
 */
export async function writeResults(st, b, processed, expireRest) {
  const input = st.files.get(b.inputFileId)
  if (!input) throw new Error('the input file was deleted')
  const out = resultSink(st, path.join(st.dataDir, randomId('file-')))
  const err = resultSink(st, path.join(st.dataDir, randomId('file-')))
  const created = Math.floor(Date.now() / 1000)
  const usage = { input: 0, output: 0 }
  let idx = 0
  try {
    scan: for await (const lines of readLines(st, input.path)) {
      for (const { text } of lines) {
        if (text.trim() === '') continue
        const i = idx++
        if (i >= processed && !expireRest) break scan
        const req = /** @type {{ custom_id: string, body: Record<string, unknown> }} */ (
          JSON.parse(text)
        )
        const seed = `${b.id}\0${req.custom_id}`
        const id = hashId('batch_req_', seed, 32)
        if (i >= processed) {
          if (b.outcomes.expireMissing) continue
          const error = { code: 'batch_expired', message: EXPIRED_MESSAGE }
          err.push(JSON.stringify({ id, custom_id: req.custom_id, response: null, error }))
          continue
        }
        const request_id = hashId('req_', `r${seed}`, 32)
        const failure = failureOf(b.outcomes, req.custom_id, req.body)
        if (failure) {
          const response = {
            status_code: failure.status,
            request_id,
            body: requestErrorBody(failure.status, failure.message)
          }
          err.push(JSON.stringify({ id, custom_id: req.custom_id, response, error: null }))
          continue
        }
        const a = fakeAnswer(b.endpoint, req.body, created, seed)
        usage.input += a.input
        usage.output += a.output
        const response = { status_code: 200, request_id, body: a.body }
        out.push(JSON.stringify({ id, custom_id: req.custom_id, response, error: null }))
      }
      await out.drain()
      await err.drain()
    }
    await out.close()
    await err.close()
    if (st.closed) throw new Error('mock batch api closed')
  } catch (e) {
    await Promise.all([out.discard(), err.discard()])
    throw e
  }
  const now = Date.now()
  /** @param {ReturnType<typeof resultSink>} sink @param {string} kind */
  const register = (sink, kind) => {
    if (sink.lines === 0) return null
    const id = path.basename(sink.path)
    st.files.set(id, {
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
