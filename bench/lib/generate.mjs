// Generated request files: valid chat-completion JSONL of a given size, deterministic.
import { createWriteStream, existsSync, statSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'

const isLow = (c) => c >= 0xdc00 && c <= 0xdfff

/** A small deterministic PRNG (mulberry32): the same seed gives the same sequence. */
export function seededRandom(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const WORDS =
  'the of batch model request token inference provider result latency throughput summary classify extract translate review answer context evaluate dataset prompt completion'.split(
    ' '
  )

/** About `bytes` of prose (one text in ten has non-ASCII characters). */
function corpus(bytes, rand) {
  let text = ''
  while (text.length < bytes) {
    text += WORDS[Math.floor(rand() * WORDS.length)] + (rand() < 0.08 ? '. ' : ' ')
    if (rand() < 0.002) text += 'Résumé en français, 日本語のテキスト, emoji 🙂🚀. '
  }
  return text
}

/**
 * Writes a valid JSONL of chat requests to `file`: `lineBytes` per line on average (a system
 * prompt, one user message whose length varies by ±25%, sampling parameters), until the file
 * holds `totalBytes` or `requests` lines, whichever is given. `model` defaults to a typical name.
 * Reuses the file when it already has the asked size (the same parameters give the same bytes).
 */
export async function writeRequests(
  file,
  { totalBytes, requests, lineBytes = 4096, model = 'meta-llama/Llama-3.3-70B-Instruct', seed = 42 }
) {
  if (
    existsSync(file) &&
    totalBytes !== undefined &&
    Math.abs(statSync(file).size - totalBytes) < lineBytes * 2
  )
    return statSync(file).size
  await mkdir(path.dirname(file), { recursive: true })
  const rand = seededRandom(seed)
  const text = corpus(1 << 20, rand)
  const overhead = JSON.stringify({
    custom_id: 'request-0000000',
    method: 'POST',
    url: '/v1/chat/completions',
    body: {
      model,
      messages: [
        { role: 'system', content: 'You are a careful assistant. Answer in one short paragraph.' },
        { role: 'user', content: 'Summarize: ' }
      ],
      max_tokens: 256,
      temperature: 0.2
    }
  }).length
  const contentChars = Math.max(16, lineBytes - overhead - 1)
  const out = createWriteStream(file, { highWaterMark: 1 << 20 })
  let written = 0
  let lines = 0
  let chunk = []
  let chunkBytes = 0
  const done = () => (requests !== undefined ? lines >= requests : written >= totalBytes)
  while (!done()) {
    const n = Math.round(contentChars * (0.75 + rand() * 0.5))
    let start = Math.floor(rand() * (text.length - n - 2))
    let end = start + n
    if (isLow(text.charCodeAt(start))) start++ // never split a surrogate pair
    if (isLow(text.charCodeAt(end))) end++
    const line =
      JSON.stringify({
        custom_id: `request-${lines}`,
        method: 'POST',
        url: '/v1/chat/completions',
        body: {
          model,
          messages: [
            {
              role: 'system',
              content: 'You are a careful assistant. Answer in one short paragraph.'
            },
            { role: 'user', content: `Summarize: ${text.slice(start, end)}` }
          ],
          max_tokens: 256,
          temperature: 0.2
        }
      }) + '\n'
    lines++
    const bytes = Buffer.byteLength(line)
    written += bytes
    chunk.push(line)
    chunkBytes += bytes
    if (chunkBytes >= 1 << 20 || done()) {
      if (!out.write(chunk.join(''))) await new Promise((r) => out.once('drain', r))
      chunk = []
      chunkBytes = 0
    }
  }
  await new Promise((resolve, reject) => out.end((e) => (e ? reject(e) : resolve())))
  return written
}

/**
 * Writes `requests` short chat requests to `input` and their results to `output` (~300 bytes a
 * line, as a provider writes them), the output in input order except every 100th result, which
 * comes at the end (as retried requests do). For the join's memory with millions of lines.
 */
export async function writeShortResults(input, output, requests) {
  await mkdir(path.dirname(input), { recursive: true })
  const id = (i) => `request-${String(i).padStart(8, '0')}`
  const inLine = (i) =>
    JSON.stringify({
      custom_id: id(i),
      method: 'POST',
      url: '/v1/chat/completions',
      body: { model: 'm', messages: [{ role: 'user', content: `question ${i}` }] }
    })
  const outLine = (i) =>
    JSON.stringify({
      id: `batch_req_${i}`,
      custom_id: id(i),
      response: {
        status_code: 200,
        request_id: `req_${i}`,
        body: {
          id: `chatcmpl-${i}`,
          object: 'chat.completion',
          created: 1764547200,
          model: 'm',
          choices: [
            {
              index: 0,
              message: { role: 'assistant', content: `answer ${i}` },
              finish_reason: 'stop'
            }
          ],
          usage: { prompt_tokens: 12, completion_tokens: 3, total_tokens: 15 }
        }
      },
      error: null
    })
  const write = async (file, lines) => {
    const stream = createWriteStream(file)
    let chunk = []
    for (const line of lines) {
      chunk.push(line)
      if (chunk.length === 10_000) {
        if (!stream.write(chunk.join('\n') + '\n'))
          await new Promise((resolve) => stream.once('drain', resolve))
        chunk = []
      }
    }
    if (chunk.length) stream.write(chunk.join('\n') + '\n')
    await new Promise((resolve, reject) => stream.end((e) => (e ? reject(e) : resolve())))
  }
  function* inputs() {
    for (let i = 0; i < requests; i++) yield inLine(i)
  }
  function* outputs() {
    for (let i = 0; i < requests; i++) if (i % 100 !== 99) yield outLine(i)
    for (let i = 99; i < requests; i += 100) yield outLine(i)
  }
  await write(input, inputs())
  await write(output, outputs())
}
