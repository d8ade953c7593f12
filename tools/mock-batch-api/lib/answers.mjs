// @ts-check
// Fake but plausible per-request answers, with token counts of ceil(chars / 4).
import crypto from 'node:crypto'
import { hashId, isObject } from './util.mjs'

/** @param {unknown} content */
function textOf(content) {
  if (typeof content === 'string') return content
  if (!Array.isArray(content)) return ''
  return content
    .map((p) =>
      typeof p === 'string' ? p : isObject(p) && typeof p.text === 'string' ? p.text : ''
    )
    .join('')
}

/** @param {number} chars */
export const tokens = (chars) => Math.ceil(chars / 4)

/** @param {string} text */
function echo(text) {
  let s = text.slice(0, 200)
  const last = s.charCodeAt(s.length - 1)
  if (last >= 0xd800 && last <= 0xdbff) s = s.slice(0, -1) // never split a surrogate pair
  return `echo: ${s}`
}

/** @param {string} text */
function fakeVector(text) {
  const h = crypto.createHash('sha256').update(text).digest()
  return Array.from(
    { length: 8 },
    (_, i) => Math.round((h.readUInt16BE(i * 2) / 65535) * 2e6 - 1e6) / 1e6
  )
}

/**
 * @param {string} endpoint @param {Record<string, unknown>} body @param {number} created @param {string} seed
 * @returns {{ body: object, input: number, output: number }}
 */
export function fakeAnswer(endpoint, body, created, seed) {
  const model = typeof body.model === 'string' ? body.model : 'mock-model'
  switch (endpoint) {
    case '/v1/chat/completions': {
      const messages = Array.isArray(body.messages) ? body.messages.filter(isObject) : []
      const lastUser = messages.findLast((m) => m.role === 'user')
      const content = echo(textOf(lastUser?.content))
      const input = tokens(messages.reduce((n, m) => n + textOf(m.content).length, 0))
      const output = tokens(content.length)
      return {
        input,
        output,
        body: {
          id: hashId('chatcmpl-', `c${seed}`, 29),
          object: 'chat.completion',
          created,
          model,
          choices: [
            {
              index: 0,
              message: { role: 'assistant', content, refusal: null },
              logprobs: null,
              finish_reason: 'stop'
            }
          ],
          usage: { prompt_tokens: input, completion_tokens: output, total_tokens: input + output }
        }
      }
    }
    case '/v1/embeddings': {
      const raw = body.input
      /** @type {string[]} */
      let inputs
      if (typeof raw === 'string') inputs = [raw]
      else if (Array.isArray(raw) && raw.every((x) => typeof x === 'number'))
        inputs = [raw.join(' ')]
      else if (Array.isArray(raw))
        inputs = raw.map((x) => (Array.isArray(x) ? x.join(' ') : String(x)))
      else inputs = ['']
      const input = tokens(inputs.reduce((n, s) => n + s.length, 0))
      return {
        input,
        output: 0,
        body: {
          object: 'list',
          data: inputs.map((s, index) => ({
            object: 'embedding',
            index,
            embedding: fakeVector(s)
          })),
          model,
          usage: { prompt_tokens: input, total_tokens: input }
        }
      }
    }
    case '/v1/completions': {
      const prompt = Array.isArray(body.prompt)
        ? body.prompt.map(String).join('')
        : String(body.prompt ?? '')
      const text = echo(prompt)
      const input = tokens(prompt.length)
      const output = tokens(text.length)
      return {
        input,
        output,
        body: {
          id: hashId('cmpl-', `c${seed}`, 29),
          object: 'text_completion',
          created,
          model,
          choices: [{ text, index: 0, logprobs: null, finish_reason: 'stop' }],
          usage: { prompt_tokens: input, completion_tokens: output, total_tokens: input + output }
        }
      }
    }
    case '/v1/responses': {
      const items =
        typeof body.input === 'string' ? [{ role: 'user', content: body.input }] : body.input
      const list = Array.isArray(items) ? items.filter(isObject) : []
      const lastUser = list.findLast((m) => m.role === 'user')
      const text = echo(textOf(lastUser?.content))
      const instructions = typeof body.instructions === 'string' ? body.instructions.length : 0
      const input = tokens(list.reduce((n, m) => n + textOf(m.content).length, instructions))
      const output = tokens(text.length)
      return {
        input,
        output,
        body: {
          id: hashId('resp_', `c${seed}`, 32),
          object: 'response',
          created_at: created,
          status: 'completed',
          error: null,
          model,
          output: [
            {
              type: 'message',
              id: hashId('msg_', `m${seed}`, 32),
              status: 'completed',
              role: 'assistant',
              content: [{ type: 'output_text', text, annotations: [] }]
            }
          ],
          usage: {
            input_tokens: input,
            input_tokens_details: { cached_tokens: 0 },
            output_tokens: output,
            output_tokens_details: { reasoning_tokens: 0 },
            total_tokens: input + output
          }
        }
      }
    }
    default:
      return { input: 0, output: 0, body: { ok: true } }
  }
}

/** @param {{input: number, output: number} | null} u */
export function usageObject(u) {
  const input = u?.input ?? 0
  const output = u?.output ?? 0
  return {
    input_tokens: input,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: output,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: input + output
  }
}
