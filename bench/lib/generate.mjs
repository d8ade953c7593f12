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
