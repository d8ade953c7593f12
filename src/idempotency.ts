import { createHash } from 'node:crypto'

/**
 * The key that makes `create` idempotent: the same workflow step, run attempt and file always give
 * the same key, so a create re-sent after an ambiguous failure can find the batch the first one made.
 * Outside GitHub Actions there is no run to tie it to, so the key is unique to this attempt.
 */
export function idempotencyKey(env: NodeJS.ProcessEnv, fileSha256: string, now: number): string {
  const parts =
    env.GITHUB_ACTIONS === 'true' && env.GITHUB_RUN_ID
      ? [
          'actions',
          env.GITHUB_REPOSITORY ?? '',
          env.GITHUB_RUN_ID,
          env.GITHUB_RUN_ATTEMPT ?? '1',
          env.GITHUB_JOB ?? '',
          env.GITHUB_ACTION ?? '',
          fileSha256
        ]
      : ['local', fileSha256, String(now)]
  return createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 32)
}
