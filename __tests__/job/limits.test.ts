import { describe, expect, it } from '@jest/globals'
import { providerFor, type Provider } from '../../src/batch/providers.js'
import { partLimitsFor } from '../../src/job/limits.js'

const none = { maxBatchRequests: undefined, maxBatchBytes: undefined, maxBatchTokens: undefined }
const openai = providerFor('https://api.openai.com/v1')
const unknown = providerFor('http://127.0.0.1:8080/v1')

describe('partLimitsFor', () => {
  it("takes the provider's per-file limits when the inputs are empty", () => {
    expect(partLimitsFor(openai, none)).toEqual({
      maxRequests: 50_000,
      maxBytes: 200_000_000,
      warnings: []
    })
    const nebius = partLimitsFor(providerFor('https://api.studio.nebius.com/v1/'), none)
    expect(nebius).toEqual({ maxRequests: 5_000_000, maxBytes: 10_000_000_000, warnings: [] })
  })

  it('has no limit for an unknown provider unless an input sets one', () => {
    // Strict: an absent limit is no key at all, not a key holding undefined.
    expect(partLimitsFor(unknown, none)).toStrictEqual({ warnings: [] })
    expect(partLimitsFor(unknown, { ...none, maxBatchBytes: 1000 })).toStrictEqual({
      maxBytes: 1000,
      warnings: []
    })
  })

  it('keeps values within the provider limits without a warning', () => {
    const limits = partLimitsFor(openai, {
      maxBatchRequests: 10,
      maxBatchBytes: 5_000,
      maxBatchTokens: 90_000
    })
    expect(limits).toEqual({ maxRequests: 10, maxBytes: 5_000, maxTokens: 90_000, warnings: [] })
    const exact = partLimitsFor(openai, {
      ...none,
      maxBatchRequests: 50_000,
      maxBatchBytes: 200_000_000
    })
    expect(exact.warnings).toEqual([])
  })

  it('keeps a value over the provider limit, with a warning naming the input', () => {
    const limits = partLimitsFor(openai, {
      ...none,
      maxBatchRequests: 60_000,
      maxBatchBytes: 300_000_000
    })
    expect(limits.maxRequests).toBe(60_000)
    expect(limits.maxBytes).toBe(300_000_000)
    expect(limits.warnings).toEqual([
      'max-batch-requests is 60,000, more than the 50,000 requests OpenAI accepts in one batch: the value is kept, and OpenAI may fail parts that large',
      'max-batch-bytes is 300 MB (300,000,000 bytes), more than the 200 MB (200,000,000 bytes) OpenAI accepts in one batch: the value is kept, and OpenAI may fail parts that large'
    ])
  })

  it('never splits by tokens unless max-batch-tokens is set', () => {
    expect(partLimitsFor(openai, none).maxTokens).toBeUndefined()
    expect(partLimitsFor(unknown, { ...none, maxBatchTokens: 1 }).maxTokens).toBe(1)
  })

  it('takes a provider with only one of the limits', () => {
    const bytesOnly: Provider = { name: 'Bytes only', maxFileBytes: 100 }
    expect(partLimitsFor(bytesOnly, { ...none, maxBatchRequests: 7 })).toEqual({
      maxRequests: 7,
      maxBytes: 100,
      warnings: []
    })
  })
})
