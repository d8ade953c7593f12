// The token estimate that splits a job by max-batch-tokens. Providers count the tokens of the
// batches in flight against an enqueued-token limit; the action cannot run the provider's
// tokenizer, so it uses a rule that is simple to state and errs on the large side for English text.

import { isRecord } from '../lib/json-kind.js'

/** Text and token-id counts of a request, added up as they are found. */
interface Tally {
  chars: number
  tokenIds: number
}

/** A message's or item's `content`: a string, or content parts whose `text` is a string. */
function addContent(content: unknown, tally: Tally): void {
  if (typeof content === 'string') {
    tally.chars += content.length
    return
  }
  if (!Array.isArray(content)) return
  for (const part of content) {
    if (typeof part === 'string') tally.chars += part.length
    else if (isRecord(part) && typeof part['text'] === 'string') tally.chars += part['text'].length
  }
}

/**
 * `input` or `prompt`: a string; or an array of strings, of token ids (numbers), of arrays of
 * token ids, or of items (objects) whose `content` counts as a message's does.
 */
function addInput(input: unknown, tally: Tally): void {
  if (typeof input === 'string') {
    tally.chars += input.length
    return
  }
  if (!Array.isArray(input)) return
  for (const item of input) {
    if (typeof item === 'string') tally.chars += item.length
    else if (typeof item === 'number') tally.tokenIds++
    else if (Array.isArray(item)) tally.tokenIds += item.filter((t) => typeof t === 'number').length
    else if (isRecord(item)) addContent(item['content'], tally)
  }
}

const ANSWER_LIMITS = ['max_tokens', 'max_completion_tokens', 'max_output_tokens'] as const

/**
 * The estimated tokens of one request body (a line's `body`), the rule the README states:
 *
 * - Text: the characters (UTF-16 code units, as JavaScript counts `length`) of `instructions`
 *   when it is a string; of every message's `content` in `messages`, when it is a string, else
 *   of each of its content parts (the part's `text`, or the part itself when it is a string); of `input` and `prompt`, when a string, else of
 *   each string in the array and of each item's `content` as for a message. Nothing else counts
 *   as text: roles, names, tool definitions, image or file parts, a stored prompt's id.
 * - Estimate: the text's characters over four, rounded up, plus one token per token id (numbers
 *   in an `input` or `prompt` array, or in its arrays), plus the largest of `max_tokens`,
 *   `max_completion_tokens` and `max_output_tokens` that is a positive number (0 when none is).
 *
 * Not a JSON object: 0.
 */
export function estimateTokens(body: unknown): number {
  if (!isRecord(body)) return 0
  const tally: Tally = { chars: 0, tokenIds: 0 }
  if (typeof body['instructions'] === 'string') tally.chars += body['instructions'].length
  const messages = body['messages']
  if (Array.isArray(messages)) {
    for (const message of messages) if (isRecord(message)) addContent(message['content'], tally)
  }
  addInput(body['input'], tally)
  addInput(body['prompt'], tally)
  let answer = 0
  for (const key of ANSWER_LIMITS) {
    const value = body[key]
    if (typeof value === 'number' && Number.isFinite(value) && value > answer) answer = value
  }
  return Math.ceil(tally.chars / 4) + tally.tokenIds + Math.ceil(answer)
}
