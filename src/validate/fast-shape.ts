// The structural fast path of each line: a hand-written check that answers "certainly valid" for
// the lines zod would accept, without zod's parse and issue list (a third of the validation's CPU
// on a valid file). zod then runs only on the lines this refuses, to produce the messages, so the
// messages and line numbers are zod's. The one rule: never accept what the schemas of schemas.ts
// refuse. Refusing a line zod accepts would only cost a zod run; the checks below are the schemas'
// rules exactly, so none is refused. __tests__/validate/fast-shape.test.ts holds both, field by
// field and on generated lines.
import { schemasFor } from './schemas.js'

type Shape = (body: Record<string, unknown>) => boolean

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0
}

/** zod's `z.int()`: a number that is a safe integer (1e400 parses to Infinity, 2**53 is unsafe). */
function isTokenArray(value: unknown): boolean {
  if (!Array.isArray(value) || value.length === 0) return false
  for (const token of value) if (!Number.isSafeInteger(token)) return false
  return true
}

function every(value: unknown[], test: (item: unknown) => boolean): boolean {
  for (const item of value) if (!test(item)) return false
  return true
}

function isMessages(value: unknown): boolean {
  if (!Array.isArray(value) || value.length === 0) return false
  return every(value, (m) => isRecord(m) && typeof m['role'] === 'string')
}

function isEmbeddingsInput(value: unknown): boolean {
  if (isNonEmptyString(value)) return true
  if (!Array.isArray(value) || value.length === 0) return false
  return every(value, isNonEmptyString) || isTokenArray(value) || every(value, isTokenArray)
}

function isCompletionsPrompt(value: unknown): boolean {
  if (value === null || typeof value === 'string') return true
  if (!Array.isArray(value)) return false
  // An empty array is an array of strings (no minimum on that member of the union).
  return (
    every(value, (p) => typeof p === 'string') || isTokenArray(value) || every(value, isTokenArray)
  )
}

function isResponsesInput(value: unknown): boolean {
  return typeof value === 'string' || Array.isArray(value)
}

/** The body fields each endpoint needs beyond `model`: BODY_SHAPES of schemas.ts, by hand. */
const BODY_CHECKS: Readonly<Record<string, Shape>> = {
  '/v1/chat/completions': (body) => isMessages(body['messages']),
  '/v1/embeddings': (body) => isEmbeddingsInput(body['input']),
  '/v1/completions': (body) => isCompletionsPrompt(body['prompt']),
  '/v1/responses': (body) =>
    isResponsesInput(body['input']) ||
    // The stored-prompt alternative: `prompt: {id}`, with `input` left out.
    (body['input'] === undefined &&
      isRecord(body['prompt']) &&
      isNonEmptyString(body['prompt']['id']))
}

const anyBody: Shape = () => true
const askZod = () => false

/**
 * The fast check for one endpoint: true only when the parsed line certainly passes the schemas
 * (the envelope, a non-empty `body.model`, the endpoint's body shape); false means "ask zod".
 * An endpoint whose body zod checks and this file does not know always asks zod.
 */
export function fastShapeFor(endpoint: string): (parsed: unknown) => boolean {
  let bodyCheck = anyBody
  if (Object.hasOwn(BODY_CHECKS, endpoint)) bodyCheck = BODY_CHECKS[endpoint]!
  else if (schemasFor(endpoint).bodyChecked) return askZod
  return (parsed) => {
    if (!isRecord(parsed)) return false
    if (!isNonEmptyString(parsed['custom_id'])) return false
    if (parsed['method'] !== 'POST' || parsed['url'] !== endpoint) return false
    const body = parsed['body']
    return isRecord(body) && isNonEmptyString(body['model']) && bodyCheck(body)
  }
}
