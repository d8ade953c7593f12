// Token usage: read from a response body while indexing, summed over the joined results.
import { isRecord } from '../lib/json-kind.js'
import type { TokenUsage } from './types.js'

/** A token count as the usage schema of old read it: a finite number, anything else absent. */
function tokenCount(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

/**
 * The token usage of a response body (chat: prompt/completion, responses: input/output), with plain
 * checks: the line it comes from was validated with ResultLineSchema, and a body or usage of another
 * shape, or a count that is not a number, counts as no usage.
 */
export function usageOf(body: unknown): TokenUsage | undefined {
  if (!isRecord(body)) return undefined
  const usage = body['usage']
  if (!isRecord(usage)) return undefined
  const prompt = tokenCount(usage['prompt_tokens']) ?? tokenCount(usage['input_tokens']) ?? 0
  const completion =
    tokenCount(usage['completion_tokens']) ?? tokenCount(usage['output_tokens']) ?? 0
  return { prompt, completion, total: tokenCount(usage['total_tokens']) ?? prompt + completion }
}

/** Adds one result's usage to the sum. */
export function addUsage(sum: TokenUsage, usage: TokenUsage): void {
  sum.prompt += usage.prompt
  sum.completion += usage.completion
  sum.total += usage.total
}
