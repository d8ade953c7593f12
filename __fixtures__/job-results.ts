// Real files of a batch for the job tests: an input file, the output and error files a provider
// writes (the shapes of batch-api-facts.md and the local Batch API), and the batch's results.jsonl
// from the action's own join.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { joinResults } from '../src/results/join.js'
import type { JoinResult } from '../src/results/types.js'

/** What became of a request: answered, failed with an HTTP status (and code), expired, or nothing. */
export type Outcome =
  | { ok: true; prompt?: number; completion?: number; text?: string }
  | { status: number; code?: string | null; message?: string }
  | 'batch_expired'
  | 'missing'

export const OK: Outcome = { ok: true }

export function requestLine(id: string, text = `question ${id}`): string {
  return JSON.stringify({
    custom_id: id,
    method: 'POST',
    url: '/v1/chat/completions',
    body: { model: 'm', messages: [{ role: 'user', content: text }] }
  })
}

function resultLine(id: string, outcome: Outcome): { line: string; file: 'output' | 'errors' } {
  if (outcome === 'missing') throw new Error('a missing request has no line')
  if (outcome === 'batch_expired') {
    const error = {
      code: 'batch_expired',
      message: 'This request could not be executed before the completion window expired.'
    }
    return {
      line: JSON.stringify({ id: `batch_req_${id}`, custom_id: id, response: null, error }),
      file: 'errors'
    }
  }
  if ('ok' in outcome) {
    const prompt = outcome.prompt ?? 3
    const completion = outcome.completion ?? 2
    const body = {
      id: `chatcmpl-${id}`,
      object: 'chat.completion',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: outcome.text ?? `answer ${id}` },
          finish_reason: 'stop'
        }
      ],
      usage: {
        prompt_tokens: prompt,
        completion_tokens: completion,
        total_tokens: prompt + completion
      }
    }
    const response = { status_code: 200, request_id: `req_${id}`, body }
    return {
      line: JSON.stringify({ id: `batch_req_${id}`, custom_id: id, response, error: null }),
      file: 'output'
    }
  }
  // As OpenAI and the local Batch API write a failed request: the error in the response body.
  const type =
    outcome.status === 429
      ? 'requests'
      : outcome.status >= 500
        ? 'server_error'
        : 'invalid_request_error'
  const code =
    outcome.code === undefined
      ? outcome.status === 429
        ? 'rate_limit_exceeded'
        : null
      : outcome.code
  const body = {
    error: { message: outcome.message ?? `failed with ${outcome.status}`, type, param: null, code }
  }
  const response = { status_code: outcome.status, request_id: `req_${id}`, body }
  return {
    line: JSON.stringify({ id: `batch_req_${id}`, custom_id: id, response, error: null }),
    file: 'errors'
  }
}

export interface JoinedPart {
  inputPath: string
  resultsPath: string
  result: JoinResult
}

/**
 * Writes `dir`/input.jsonl (the given lines, or a request line per id), the output and error files
 * of the outcomes (in reverse order, as providers do not keep input order), and joins them.
 */
export async function joinedPart(
  dir: string,
  requests: readonly string[],
  outcome: (id: string) => Outcome,
  options: { inputLines?: readonly string[]; secrets?: string[] } = {}
): Promise<JoinedPart> {
  await mkdir(dir, { recursive: true })
  const inputPath = join(dir, 'input.jsonl')
  const outputPath = join(dir, 'output.jsonl')
  const errorPath = join(dir, 'errors.jsonl')
  const resultsPath = join(dir, 'results.jsonl')
  const lines = options.inputLines ?? requests.map((id) => requestLine(id))
  await writeFile(inputPath, lines.map((line) => `${line}\n`).join(''))
  const files = { output: [] as string[], errors: [] as string[] }
  for (const id of [...requests].reverse()) {
    const kind = outcome(id)
    if (kind === 'missing') continue
    const { line, file } = resultLine(id, kind)
    files[file].push(`${line}\n`)
  }
  await writeFile(outputPath, files.output.join(''))
  await writeFile(errorPath, files.errors.join(''))
  const result = await joinResults({
    inputPath,
    outputPath,
    errorPath,
    destPath: resultsPath,
    ...(options.secrets ? { secrets: options.secrets } : {})
  })
  return { inputPath, resultsPath, result }
}

export const ids = (prefix: string, count: number, from = 0): string[] =>
  Array.from({ length: count }, (_, i) => `${prefix}${from + i}`)
