// What the summary shows of a successful response and of the failures: the reply text of the
// first few, and the failures counted by error code. Both stay small whatever the batch size.
import { isRecord } from '../lib/json-kind.js'
import {
  MAX_FAILURE_CODES,
  MAX_SAMPLE_CHARS,
  OTHER_CODES,
  type FailedRequest,
  type FailureGroup
} from './types.js'

function firstOf(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : undefined
}

/** The text of a Responses API output: its output_text parts, joined. */
function responsesText(output: unknown): string | undefined {
  if (!Array.isArray(output)) return undefined
  const parts: string[] = []
  for (const item of output) {
    if (!isRecord(item) || !Array.isArray(item['content'])) continue
    for (const part of item['content'])
      if (isRecord(part) && typeof part['text'] === 'string') parts.push(part['text'])
  }
  return parts.length > 0 ? parts.join('\n') : undefined
}

/** The reply of a response body as a person reads it: chat, completions, responses, embeddings. */
export function replyText(body: unknown): string {
  let text: string | undefined
  if (isRecord(body)) {
    const choice = firstOf(body['choices'])
    if (isRecord(choice)) {
      const message = choice['message']
      if (isRecord(message) && typeof message['content'] === 'string') text = message['content']
      else if (typeof choice['text'] === 'string') text = choice['text']
    }
    if (text === undefined && typeof body['output_text'] === 'string') text = body['output_text']
    text ??= responsesText(body['output'])
    const embedding = firstOf(body['data'])
    if (text === undefined && isRecord(embedding) && Array.isArray(embedding['embedding'])) {
      const count = Array.isArray(body['data']) ? body['data'].length : 1
      text = `${count === 1 ? 'an embedding' : `${count} embeddings`} of ${embedding['embedding'].length} dimensions`
    }
  }
  if (text === undefined) text = JSON.stringify(body) ?? String(body)
  return text.length > MAX_SAMPLE_CHARS ? `${text.slice(0, MAX_SAMPLE_CHARS - 1)}…` : text
}

/** Counts failures by error code with one example each; memory bounded by MAX_FAILURE_CODES. */
export class FailureCounter {
  private readonly groups = new Map<string, FailureGroup>()

  add(failure: FailedRequest): void {
    let code = failure.code ?? ''
    if (!this.groups.has(code) && this.groups.size >= MAX_FAILURE_CODES - 1) code = OTHER_CODES
    const group = this.groups.get(code)
    if (group) group.count++
    else this.groups.set(code, { code, count: 1, example: failure })
  }

  /** The groups, most failures first (ties in the order first seen). */
  list(): FailureGroup[] {
    return [...this.groups.values()].sort((a, b) => b.count - a.count)
  }
}
