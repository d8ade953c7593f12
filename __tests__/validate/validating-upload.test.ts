import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  DEFAULT_BASE_URL,
  DEFAULT_ENDPOINT,
  malformedCases,
  validCases,
  type JsonlCase,
  type ValidCase
} from '../../__fixtures__/jsonl-cases.js'
import { providerFor } from '../../src/batch/providers.js'
import {
  ValidationFailedError,
  validateRequestsFile,
  validatingChunks
} from '../../src/validate/file.js'
import type { ValidationOptions, ValidationReport } from '../../src/validate/types.js'

let dir: string
let counter = 0

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'validating-upload-test-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

function optionsFor(c: JsonlCase | ValidCase, readChunkBytes?: number): ValidationOptions {
  return {
    endpoint: c.endpoint ?? DEFAULT_ENDPOINT,
    provider: providerFor(c.baseUrl ?? DEFAULT_BASE_URL),
    maxRequests: c.maxRequests,
    maxFileBytes: c.maxFileBytes,
    readChunkBytes
  }
}

/** Read sizes that split lines across chunks; small ones only for small files. */
function chunkSizes(content: string | Buffer): Array<number | undefined> {
  return Buffer.byteLength(content) < 100_000 ? [undefined, 7, 4096] : [undefined, 65_536]
}

/** What an upload would send, the report, and the error that stopped it. */
async function send(
  path: string,
  options: ValidationOptions
): Promise<{ sent: Buffer; report?: ValidationReport; error?: unknown }> {
  const pieces: Buffer[] = []
  let report: ValidationReport | undefined
  try {
    for await (const chunk of validatingChunks(path, options, (r) => (report = r)))
      pieces.push(Buffer.from(chunk))
  } catch (error) {
    return { sent: Buffer.concat(pieces), report, error }
  }
  return { sent: Buffer.concat(pieces), report }
}

describe('validatingChunks (validate while uploading)', () => {
  it.each(validCases.map((c) => [c.name, c] as const))(
    'sends a valid file whole, with the report validateRequestsFile gives: %s',
    async (_name, c) => {
      const path = join(dir, `valid-${++counter}.jsonl`)
      await writeFile(path, c.content)
      for (const chunkBytes of chunkSizes(c.content)) {
        const options = optionsFor(c, chunkBytes)
        const { sent, report, error } = await send(path, options)
        expect(error).toBeUndefined()
        expect(sent.equals(Buffer.from(c.content))).toBe(true)
        expect(report).toEqual(await validateRequestsFile(path, options))
      }
    }
  )

  it.each(malformedCases.map((c) => [c.name, c] as const))(
    'never sends the whole of a bad file, and reports as validateRequestsFile does: %s',
    async (_name, c) => {
      const path = join(dir, `bad-${++counter}.jsonl`)
      await writeFile(path, c.content)
      for (const chunkBytes of chunkSizes(c.content)) {
        const options = optionsFor(c, chunkBytes)
        const { sent, report, error } = await send(path, options)
        const expected = await validateRequestsFile(path, options)
        expect(error).toBeInstanceOf(ValidationFailedError)
        expect((error as ValidationFailedError).report).toEqual(expected)
        expect(report).toEqual(expected)
        expect(report?.problems.map((p) => p.line)).toEqual(c.expectedLines)
        expect(sent.length).toBeLessThan(Buffer.byteLength(c.content) || 1)
      }
    }
  )
})
