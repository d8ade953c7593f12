// The request schemas. A line is checked with one zod schema (envelope + endpoint body), built
// once per endpoint, when the fast path (fast-shape.ts, the same rules by hand) does not vouch
// for it: zod's issues are what the messages are built from (see messages.ts).
import { z } from 'zod'

const nonEmptyString = z.string().min(1)
const tokenArray = z.array(z.int()).min(1)

const embeddingsInput = z.union(
  [nonEmptyString, z.array(nonEmptyString).min(1), tokenArray, z.array(tokenArray).min(1)],
  {
    error:
      'must be a non-empty string, or a non-empty array of non-empty strings, of integers (tokens) or of non-empty integer arrays'
  }
)

const completionsPrompt = z.union(
  [z.string(), z.array(z.string()), tokenArray, z.array(tokenArray).min(1), z.null()],
  {
    error:
      'must be a string, an array of strings, an array of integers (tokens) or an array of integer arrays'
  }
)

/** Body fields each endpoint needs, beyond `model`. Other fields pass through unchecked. */
const BODY_SHAPES: Readonly<Record<string, z.core.$ZodLooseShape>> = {
  '/v1/chat/completions': {
    messages: z.array(z.looseObject({ role: z.string() })).min(1)
  },
  '/v1/embeddings': { input: embeddingsInput },
  '/v1/completions': { prompt: completionsPrompt },
  // `input` may be left out when the request names a stored prompt (`prompt: {id}`),
  // which carries its own input; that case is handled by RESPONSES_WITH_PROMPT below.
  '/v1/responses': {
    input: z.union([z.string(), z.array(z.unknown())], {
      error: 'must be a string or an array of input items'
    })
  }
}

/** The endpoints whose body shape is checked. */
export const CHECKED_ENDPOINTS: readonly string[] = Object.keys(BODY_SHAPES)

const RESPONSES_WITH_PROMPT = z.looseObject({
  model: nonEmptyString,
  prompt: z.looseObject({ id: nonEmptyString }),
  input: z
    .union([z.string(), z.array(z.unknown())], {
      error: 'must be a string or an array of input items'
    })
    .optional()
})

export type Check = (value: unknown) => readonly z.core.$ZodIssue[] | undefined

/**
 * A schema's check, through zod's Standard Schema interface (`~standard.validate`): its
 * result is a plain `{ value }` or `{ issues }` (zod's own finalized issues). `safeParse`
 * returns, on failure, a lazy result object with accessors that V8 handles badly: over a
 * file of bad lines it grew the young generation to 128 MB (peak RSS 223 MB on 200 MB)
 * and ran slower.
 */
function checker(schema: z.ZodType): Check {
  const standard = schema['~standard']
  return (value) => {
    const result = standard.validate(value)
    if (result instanceof Promise)
      throw new Error('internal error: a request schema is asynchronous')
    return result.issues as readonly z.core.$ZodIssue[] | undefined
  }
}

export interface LineSchemas {
  line: Check
  /** Alternative for the responses endpoint with a stored prompt. */
  alternative?: Check
  bodyChecked: boolean
}

const schemaCache = new Map<string, LineSchemas>()

export function schemasFor(endpoint: string): LineSchemas {
  let cached = schemaCache.get(endpoint)
  if (cached) return cached
  const shape = BODY_SHAPES[endpoint]
  const envelope = (body: z.ZodType) =>
    z.looseObject({
      custom_id: nonEmptyString,
      method: z.literal('POST'),
      url: z.literal(endpoint),
      body
    })
  cached = {
    line: checker(envelope(z.looseObject({ model: nonEmptyString, ...shape }))),
    alternative:
      endpoint === '/v1/responses' ? checker(envelope(RESPONSES_WITH_PROMPT)) : undefined,
    bodyChecked: shape !== undefined
  }
  schemaCache.set(endpoint, cached)
  return cached
}

/** Whether the line's body names a stored prompt (the responses endpoint's other shape). */
export function hasStoredPrompt(parsed: unknown): boolean {
  const body = (parsed as { body?: unknown } | null)?.body
  return body !== null && typeof body === 'object' && 'prompt' in body
}
