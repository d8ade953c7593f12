// The zod schemas of a request line, per endpoint: built once, with the stored-prompt form only for
// /v1/responses, and a checked body only for the endpoints whose body the action knows.
import { describe, expect, it } from '@jest/globals'
import { schemasFor } from '../../src/validate/schemas.js'

const line = (url: string, body: Record<string, unknown>) => ({
  custom_id: 'r1',
  method: 'POST',
  url,
  body
})

describe('schemasFor', () => {
  it('builds the schemas of an endpoint once', () => {
    expect(schemasFor('/v1/embeddings')).toBe(schemasFor('/v1/embeddings'))
    expect(schemasFor('/v1/x-once')).toBe(schemasFor('/v1/x-once'))
  })

  it('has the stored-prompt form for /v1/responses only', () => {
    const responses = schemasFor('/v1/responses')
    const prompted = line('/v1/responses', { model: 'm', prompt: { id: 'pmpt_1' } })
    expect(responses.alternative?.(prompted)).toBeUndefined()
    expect(responses.alternative?.(line('/v1/responses', { model: 'm' }))).toBeDefined()
    expect(schemasFor('/v1/chat/completions').alternative).toBeUndefined()
    expect(schemasFor('').alternative).toBeUndefined()
  })

  it('checks the body of a known endpoint, and only the envelope and model of another', () => {
    expect(schemasFor('/v1/chat/completions').bodyChecked).toBe(true)
    expect(schemasFor('/v1/unknown-endpoint').bodyChecked).toBe(false)
    const unknown = schemasFor('/v1/unknown-endpoint')
    expect(unknown.line(line('/v1/unknown-endpoint', { model: 'm', anything: 1 }))).toBeUndefined()
    expect(unknown.line(line('/v1/unknown-endpoint', { anything: 1 }))).toBeDefined()
  })
})
