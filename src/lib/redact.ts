/** Replaces every secret in `text`; secrets shorter than 4 characters would mask too much to be useful. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join('***')
  }
  return out
}
