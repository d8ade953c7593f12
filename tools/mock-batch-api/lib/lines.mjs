// @ts-check
// The mock's own line scanner over a stored file. It deliberately shares no code with the action's
// src/: the mock is the test oracle for the action, so a bug in the action's JSONL reader must not
// be able to hide by being reproduced here.
import fs from 'node:fs'

/** @import { ServerState } from './types.mjs' */

/**
 * Lines of a file, one array per read chunk, numbered from 1 (the last line may lack its newline).
 * @param {ServerState} st @param {string} filePath
 * @returns {AsyncGenerator<Array<{ lineNo: number, text: string }>>}
 */
export async function* readLines(st, filePath) {
  const rs = st.own(fs.createReadStream(filePath, { highWaterMark: 1 << 20 }))
  /** @type {Buffer[]} */
  let pieces = []
  let lineNo = 0
  try {
    for await (const raw of rs) {
      const chunk = /** @type {Buffer} */ (raw)
      if (st.closed) throw new Error('mock batch api closed')
      /** @type {Array<{ lineNo: number, text: string }>} */
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
    if (st.closed) throw new Error('mock batch api closed')
    if (pieces.length > 0)
      yield [{ lineNo: ++lineNo, text: Buffer.concat(pieces).toString('utf8') }]
  } finally {
    rs.destroy()
  }
}
