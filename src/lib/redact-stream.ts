import { Transform } from 'node:stream'

/** What a secret becomes in a file the action writes: the runner's own mask in logs. */
export const MASK = '***'

/** Shorter secrets would mask too much to be useful: the same bound as the log redaction (redact.ts). */
const MIN_SECRET = 4

/**
 * Replaces every secret in `bytes` with the mask. Returns the same buffer when nothing matched, so
 * the common case (no secret anywhere) copies nothing.
 */
export function redactBytes(bytes: Buffer, secrets: readonly Buffer[]): Buffer {
  let out = bytes
  for (const secret of secrets) {
    let at = out.indexOf(secret)
    if (at < 0) continue
    const parts: Buffer[] = []
    let from = 0
    const mask = Buffer.from(MASK)
    while (at >= 0) {
      parts.push(out.subarray(from, at), mask)
      from = at + secret.length
      at = out.indexOf(secret, from)
    }
    parts.push(out.subarray(from))
    out = Buffer.concat(parts)
  }
  return out
}

/** The secrets worth searching for: at least 4 bytes, as bytes, longest first (a key that contains another). */
export function secretBytes(secrets: readonly (string | undefined)[]): Buffer[] {
  return [...new Set(secrets.filter((s): s is string => !!s && s.length >= MIN_SECRET))]
    .sort((a, b) => b.length - a.length)
    .map((s) => Buffer.from(s))
}

/**
 * How many bytes at the end of `bytes` could be the beginning of a secret that the next bytes
 * complete: the longest suffix that is a proper prefix of a secret, 0 in the common case. Only
 * those bytes need holding back when a stream of bytes is redacted piece by piece.
 */
export function partialSecretLength(bytes: Uint8Array, secrets: readonly Buffer[]): number {
  let longest = 0
  for (const secret of secrets) {
    for (let length = Math.min(secret.length - 1, bytes.length); length > longest; length--) {
      const from = bytes.length - length
      let same = true
      for (let i = 0; i < length && same; i++) same = bytes[from + i] === secret[i]
      if (same) {
        longest = length
        break
      }
    }
  }
  return longest
}

/**
 * A stream that masks secrets in the bytes passing through, also where a secret is split across
 * two chunks: the end of a chunk that could begin a secret is held back until the next one shows
 * whether it does. Files the provider wrote (output and error files) can carry a key it echoed
 * into a message, and artifacts are not masked by the runner.
 */
export function createRedactingStream(secrets: readonly (string | undefined)[]): Transform {
  const needles = secretBytes(secrets)
  let carry = Buffer.alloc(0)
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (needles.length === 0) return done(null, chunk)
      const joined = redactBytes(carry.length ? Buffer.concat([carry, chunk]) : chunk, needles)
      const keep = partialSecretLength(joined, needles)
      carry = Buffer.from(joined.subarray(joined.length - keep))
      done(null, joined.subarray(0, joined.length - keep))
    },
    flush(done) {
      done(null, carry.length ? carry : null)
    }
  })
}
