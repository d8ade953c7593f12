// Validation in worker threads, for bench/validate-workers.mjs: the main thread reads the file,
// hashes it and cuts it into chunks of whole lines (1 MiB), which it hands (the ArrayBuffer
// transferred, not copied) to N worker threads; each worker decodes, parses and checks the shape of
// its lines (the fast path, zod for the lines it refuses, the same messages) and sends back its
// problems, the custom_ids and the models it saw. The main thread takes the chunks back in file
// order and makes the checks across lines (duplicate ids, one model, the request limit) with the
// Validator's own methods (private in TypeScript, reachable from JavaScript), so the messages are
// the same by construction. Not covered, as they do not change the cost: a UTF-16 file, lines
// longer than a chunk (the chunk grows), the max-requests and max-file-size inputs.
import { createHash } from 'node:crypto'
import { isUtf8 } from 'node:buffer'
import { open } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads'

const self = fileURLToPath(import.meta.url)
export const ENDPOINT = '/v1/chat/completions'
const CHUNK_BYTES = 1 << 20
const NEWLINE = 10
const cpuMs = (u) => (u.user + u.system) / 1000
const isRecord = (value) => value !== null && typeof value === 'object' && !Array.isArray(value)
const load = (buildDir, file) => import(pathToFileURL(path.join(buildDir, file)).href)

// Line kinds a worker reports, one byte per line.
const BLANK = 0
const REQUEST = 1
const BAD_UTF8 = 2 // a request whose only problem is its bytes (the worker's message)
const BOM = 4 // flag: the line starts with a byte order mark

// ---------------------------------------------------------------------------------------------
// The worker: the per-line checks of Validator.line, without the checks across lines.
// ---------------------------------------------------------------------------------------------
async function workerMain({ buildDir, endpoint }) {
  const { fastShapeFor } = await load(buildDir, 'validate/fast-shape.js')
  const { schemasFor, hasStoredPrompt } = await load(buildDir, 'validate/schemas.js')
  const m = await load(buildDir, 'validate/messages.js')
  const certainlyValid = fastShapeFor(endpoint)
  const schemas = schemasFor(endpoint)
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
  const issuesOf = (parsed) => {
    if (certainlyValid(parsed)) return undefined
    const issues = schemas.line(parsed)
    if (issues && schemas.alternative && hasStoredPrompt(parsed)) return schemas.alternative(parsed)
    return issues
  }

  parentPort.on('message', (msg) => {
    if (msg.done) {
      parentPort.postMessage({ cpuMs: cpuMs(process.threadCpuUsage()) })
      return
    }
    const bytes = Buffer.from(msg.buffer, 0, msg.length)
    const texts = []
    const utf8 = isUtf8(bytes)
    if (utf8) {
      const text = bytes.toString('utf8')
      let from = 0
      for (;;) {
        const to = text.indexOf('\n', from)
        texts.push(to === -1 ? text.slice(from) : text.slice(from, to))
        if (to === -1) break
        from = to + 1
      }
    } else {
      let from = 0
      for (;;) {
        const to = bytes.indexOf(NEWLINE, from)
        const line = bytes.subarray(from, to === -1 ? bytes.length : to)
        try {
          texts.push(decoder.decode(line))
        } catch {
          texts.push({ bad: m.invalidUtf8Message(line) })
        }
        if (to === -1) break
        from = to + 1
      }
    }
    const kinds = new Uint8Array(texts.length)
    const ids = new Array(texts.length).fill('')
    const models = [] // [index, model] where the line's model differs from the line before's
    const messages = [] // [index, messages]
    // One line: its kind, its problems, its id; returns its model ('' when it has none).
    const check = (i, text) => {
      if (typeof text !== 'string') {
        kinds[i] = BAD_UTF8
        messages.push([i, [text.bad]])
        return ''
      }
      if (text.length === 0 || (text.charCodeAt(0) <= 0x20 && /^[ \t\r]*$/.test(text))) {
        kinds[i] = BLANK
        return ''
      }
      kinds[i] = REQUEST
      if (text.charCodeAt(0) === 0xfeff) {
        kinds[i] |= BOM
        text = text.slice(1)
      }
      let parsed
      try {
        parsed = JSON.parse(text)
      } catch (error) {
        messages.push([i, [m.describeJsonError(error, text)]])
        return ''
      }
      const issues = issuesOf(parsed)
      if (issues)
        messages.push([i, issues.map((issue) => m.describeIssue(issue, parsed, endpoint))])
      if (!isRecord(parsed)) return ''
      if (typeof parsed.custom_id === 'string') ids[i] = parsed.custom_id
      const model = isRecord(parsed.body) ? parsed.body.model : undefined
      return typeof model === 'string' ? model : ''
    }
    let lastModel = ''
    for (let i = 0; i < texts.length; i++) {
      const model = check(i, texts[i])
      if (model !== lastModel) models.push([i, model])
      lastModel = model
    }
    parentPort.postMessage({ seq: msg.seq, kinds, ids, models, messages }, [kinds.buffer])
  })
}

if (!isMainThread && workerData?.role === 'validate-worker') await workerMain(workerData)

// ---------------------------------------------------------------------------------------------
// The main thread of a parallel validation: read, hash, cut, merge in order.
// ---------------------------------------------------------------------------------------------
export async function validateInWorkers(buildDir, file, workerCount, maxProblems) {
  const { Validator } = await load(buildDir, 'validate/validator.js')
  const { BLANK_LINE, byteOrderMarkMessage } = await load(buildDir, 'validate/messages.js')
  const v = new Validator({ endpoint: ENDPOINT, provider: { name: 'unknown' }, maxProblems })
  const workers = Array.from(
    { length: workerCount },
    () =>
      new Worker(self, { workerData: { role: 'validate-worker', buildDir, endpoint: ENDPOINT } })
  )
  const results = new Map()
  let wake
  let workerError
  for (const w of workers) {
    w.on('message', (r) => {
      if (r.seq !== undefined) results.set(r.seq, r)
      wake?.()
    })
    w.on('error', (error) => {
      workerError = error
      wake?.()
    })
  }

  let lineNo = 1
  let merged = 0
  // The chunks' results in file order; the checks across lines as Validator.line makes them.
  const mergeReady = () => {
    for (let r = results.get(merged); r; r = results.get(merged)) {
      results.delete(merged++)
      const perLine = new Map(r.messages)
      let modelAt = 0
      let model = ''
      for (let i = 0; i < r.kinds.length; i++, lineNo++) {
        while (modelAt < r.models.length && r.models[modelAt][0] === i)
          model = r.models[modelAt++][1]
        const kind = r.kinds[i]
        if (kind === BLANK) {
          v.addLineProblem(lineNo, BLANK_LINE)
          continue
        }
        v.countRequest(lineNo)
        if (kind === BAD_UTF8) {
          v.addLineProblem(lineNo, perLine.get(i)[0])
          continue
        }
        let messages = perLine.get(i)
        if (kind & BOM) messages = [byteOrderMarkMessage(lineNo), ...(messages ?? [])]
        if (messages && !v.wantDetail) messages = [] // not kept: only counted
        let failed = messages !== undefined
        const duplicate = v.checkCustomId(r.ids[i], lineNo)
        if (duplicate !== undefined) {
          failed = true
          ;(messages ??= []).push(duplicate)
        }
        const newModel = model === '' ? undefined : v.checkModel({ model }, lineNo)
        if (newModel) {
          failed = true
          ;(messages ??= []).push(newModel.message)
        }
        if (failed) {
          const problem = v.finishLine(lineNo, messages ?? ['invalid request'])
          if (newModel) newModel.seen.problem = problem
        }
      }
    }
  }

  // Merges what has come back; waits for more until `done` holds (or a worker fails).
  const mergeUntil = async (done) => {
    for (mergeReady(); !done(); mergeReady()) {
      if (workerError) throw workerError
      await new Promise((resolve) => (wake = resolve))
    }
  }

  const hash = createHash('sha256')
  const handle = await open(file)
  let carry = new Uint8Array(0)
  let position = 0
  let seq = 0
  const post = (buffer, length) => {
    workers[seq % workers.length].postMessage({ seq: seq++, buffer, length }, [buffer])
  }
  for (;;) {
    // Bounded memory: at most two chunks in flight per worker.
    await mergeUntil(() => seq - merged < 2 * workerCount)
    const buffer = new ArrayBuffer(carry.length + CHUNK_BYTES)
    const bytes = new Uint8Array(buffer)
    bytes.set(carry)
    const { bytesRead } = await handle.read(bytes, carry.length, CHUNK_BYTES, position)
    position += bytesRead
    hash.update(bytes.subarray(carry.length, carry.length + bytesRead))
    const end = carry.length + bytesRead
    if (bytesRead === 0) {
      if (end > 0) post(buffer, end) // the last line, without a final newline
      break
    }
    const lastNewline = bytes.lastIndexOf(NEWLINE, end - 1)
    if (lastNewline === -1) {
      carry = bytes.slice(0, end)
      continue
    }
    carry = bytes.slice(lastNewline + 1, end)
    post(buffer, lastNewline)
  }
  await handle.close()
  await mergeUntil(() => merged === seq)
  const workerCpu = await Promise.all(
    workers.map(
      (w) =>
        new Promise((resolve) => {
          w.on('message', (r) => r.cpuMs !== undefined && resolve(r.cpuMs))
          w.postMessage({ done: true })
        })
    )
  )
  await Promise.all(workers.map((w) => w.terminate()))
  v.finish()
  const problems = [...v.pinned, ...v.lineProblems]
    .sort((a, b) => a.line - b.line)
    .slice(0, maxProblems)
  return {
    requests: v.requests,
    problemCount: v.problemCount,
    problems,
    model: v.model,
    bytes: position,
    sha256: hash.digest('hex'),
    workerCpuMs: workerCpu
  }
}
