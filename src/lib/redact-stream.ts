import { Transform } from 'node:stream'

/** What a secret becomes in a file the action writes: the runner's own mask in logs. */
export const MASK = '***'

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

/** The secrets worth searching for: non-empty, as bytes, longest first (a key that contains another). */
export function secretBytes(secrets: readonly (string | undefined)[]): Buffer[] {
  return [...new Set(secrets.filter((s): s is string => !!s))]
    .sort((a, b) => b.length - a.length)
    .map((s) => Buffer.from(s))
}

/**
 * A stream that masks secrets in the bytes passing through, also where a secret is split across
 * two chunks: the last (longest secret - 1) bytes of each chunk are held back until the next one
 * shows whether they begin a secret. Files the provider wrote (output and error files) can carry
 * a key it echoed into a message, and artifacts are not masked by the runner.
 */
export function createRedactingStream(secrets: readonly (string | undefined)[]): Transform {
  const needles = secretBytes(secrets)
  const hold = needles.reduce((most, s) => Math.max(most, s.length - 1), 0)
  let carry = Buffer.alloc(0)
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (needles.length === 0) return done(null, chunk)
      const joined = redactBytes(carry.length ? Buffer.concat([carry, chunk]) : chunk, needles)
      const keep = Math.min(hold, joined.length)
      carry = Buffer.from(joined.subarray(joined.length - keep))
      done(null, joined.subarray(0, joined.length - keep))
    },
    flush(done) {
      done(null, carry.length ? carry : null)
    }
  })
}
