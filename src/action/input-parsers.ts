// The text of the inputs that name several things: batch ids, error codes, metadata pairs to match.
import { parseMetadata } from '../batch/metadata.js'

const BATCH_ID = /^[A-Za-z0-9._:-]+$/

/**
 * One batch id, or several: a JSON array (the `batch-ids` output) or one per line. Duplicates are
 * dropped, the order is kept.
 */
export function parseBatchIds(text: string): string[] {
  const trimmed = text.trim()
  let ids: unknown[]
  if (trimmed.startsWith('[')) {
    try {
      ids = JSON.parse(trimmed) as unknown[]
    } catch {
      throw new Error(
        'is not a valid JSON array; give one id, a JSON array such as ["batch_a","batch_b"] (the batch-ids output), or one id per line'
      )
    }
  } else
    ids = trimmed
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '')
  for (const id of ids) {
    if (typeof id !== 'string' || !BATCH_ID.test(id))
      throw new Error(
        `${JSON.stringify(id)} is not a batch id such as batch_abc123 (letters, digits, . _ : -)`
      )
  }
  return [...new Set(ids as string[])]
}

/** Error codes as comma- or newline-separated words; empty: undefined (the default list). */
export function parseCodeList(text: string): string[] | undefined {
  // Split on every separator, so the words need no trim; runs of them leave empty words.
  const codes = text.split(/[\s,]/).filter((code) => code !== '')
  for (const code of codes) {
    if (!/^[A-Za-z0-9_.-]+$/.test(code))
      throw new Error(
        `"${code}" is not an error code; list codes such as rate_limit_exceeded, 429, batch_expired, separated by commas or lines`
      )
  }
  return codes.length > 0 ? codes : undefined
}

/** The pairs collect matches: `key=value` lines or a JSON object, as metadata takes them. */
export function parseMatch(text: string): Record<string, string> {
  try {
    return parseMetadata(text)
  } catch (error) {
    throw new Error((error as Error).message.replace(/^metadata/, 'match'), { cause: error })
  }
}
