import { describe, expect, it } from '@jest/globals'
import { providerFor } from '../../src/batch/providers.js'

describe('providerFor', () => {
  it.each([
    'https://api.openai.com/v1',
    'https://api.openai.com/v1/',
    'https://API.OpenAI.com/v1',
    'https://api.openai.com.:443/v1',
    'api.openai.com/v1'
  ])('knows OpenAI at %s', (url) => {
    const provider = providerFor(url)
    expect(provider.name).toBe('OpenAI')
    expect(provider.maxRequests).toBe(50_000)
    expect(provider.maxFileBytes).toBe(200_000_000)
    expect(provider.endpoints).toEqual([
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

  it.each([
    'https://api.studio.nebius.com/v1/',
    'https://api.tokenfactory.nebius.com/v1/',
    'https://api.studio.nebius.ai/v1/'
  ])('knows Nebius AI Studio at %s', (url) => {
    expect(providerFor(url)).toEqual({
      name: 'Nebius AI Studio',
      maxRequests: 5_000_000,
      maxFileBytes: 10_000_000_000,
      endpoints: ['/v1/chat/completions', '/v1/embeddings']
    })
  })

  it.each([
    'https://api.together.xyz/v1',
    'http://localhost:8080/v1',
    'http://127.0.0.1:4010',
    'https://openai.com/v1',
    'https://api.openai.com.evil.example/v1',
    'https://evil.example/api.openai.com/v1',
    'https://studio.nebius.com/v1',
    '',
    'not a url at all',
    'http://[::1'
  ])('gives an unknown provider, without limits, for %j', (url) => {
    expect(providerFor(url)).toEqual({ name: 'unknown' })
  })

  it('hands out providers that cannot be changed by a caller', () => {
    const openai = providerFor('https://api.openai.com/v1')
    expect(Object.isFrozen(openai)).toBe(true)
    expect(Object.isFrozen(openai.endpoints)).toBe(true)
    const unknown = providerFor('https://x.example')
    ;(unknown as { maxRequests?: number }).maxRequests = 1
    expect(providerFor('https://x.example')).toEqual({ name: 'unknown' })
  })
})
