import { createHash } from 'node:crypto'
import type { RunContext } from '../lib/run-context.js'

/**
 * The key that makes `create` idempotent: the same workflow step, run attempt and file always give
 * the same key, so a create re-sent after an ambiguous failure can find the batch the first one made.
 * Outside GitHub Actions there is no run to tie it to, so the key is unique to this attempt.
 */
export function idempotencyKey(context: RunContext, fileSha256: string, now: number): string {
  const parts =
    context.inActions && context.runId
      ? [
          'actions',
          context.repository ?? '',
          context.runId,
          context.runAttempt ?? '1',
          context.job ?? '',
          context.action ?? '',
          fileSha256
        ]
      : ['local', fileSha256, String(now)]
  return createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 32)
}
