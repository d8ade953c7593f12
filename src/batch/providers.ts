// What the validator knows about the provider behind a base URL: its per-file
// limits and the batch endpoints it offers. Sources: ../shared/reference/batch-api-facts.md
// (OpenAI's Batch guide and API reference; Nebius AI Studio's batch-inference docs).
// Sizes are decimal (200 MB = 200,000,000 bytes), the safe reading of "200 MB".
// An unknown host gets no limits and any endpoint: the action then checks only
// the file's own consistency, and the provider has the last word.

export interface Provider {
  /** Display name used in messages: 'OpenAI', 'Nebius AI Studio', or 'unknown'. */
  name: string
  /** Most requests (lines) in one batch input file. */
  maxRequests?: number
  /** Largest batch input file, in bytes. */
  maxFileBytes?: number
  /** The batch endpoints the provider offers; absent means any. */
  endpoints?: readonly string[]
}

const OPENAI: Provider = Object.freeze({
  name: 'OpenAI',
  maxRequests: 50_000,
  maxFileBytes: 200_000_000,
  endpoints: Object.freeze([
    '/v1/responses',
    '/v1/chat/completions',
    '/v1/embeddings',
    '/v1/completions',
    '/v1/moderations',
    '/v1/images/generations',
    '/v1/images/edits',
    '/v1/videos'
  ])
})

const NEBIUS: Provider = Object.freeze({
  name: 'Nebius AI Studio',
  maxRequests: 5_000_000,
  maxFileBytes: 10_000_000_000,
  endpoints: Object.freeze(['/v1/chat/completions', '/v1/embeddings'])
})

const BY_HOST: ReadonlyMap<string, Provider> = new Map([
  ['api.openai.com', OPENAI],
  ['api.studio.nebius.com', NEBIUS],
  ['api.tokenfactory.nebius.com', NEBIUS],
  // The host Nebius AI Studio's first docs used; kept for workflows that still name it.
  ['api.studio.nebius.ai', NEBIUS]
])

function hostOf(baseUrl: string): string | undefined {
  const text = baseUrl.trim()
  for (const candidate of [text, `https://${text}`]) {
    try {
      const host = new URL(candidate).hostname
      if (host) return host.toLowerCase().replace(/\.$/, '')
    } catch {
      // try the next form
    }
  }
  return undefined
}

/**
 * The provider behind a base URL, by its host name ('https://api.openai.com/v1' -> OpenAI).
 * Unknown or unparsable URLs give `{ name: 'unknown' }`: no limits, any endpoint.
 */
export function providerFor(baseUrl: string): Provider {
  const host = hostOf(baseUrl)
  return (host !== undefined && BY_HOST.get(host)) || { name: 'unknown' }
}
