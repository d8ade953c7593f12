// Warnings about lines the join skips: the first few in detail, the rest counted.
import { z } from 'zod'

/** Skipped lines of one file that are named one by one in the warnings. */
export const MAX_LINE_WARNINGS = 5

/** Why a line could not be read, for a warning. */
export function describeError(error: unknown): string {
  if (error instanceof z.ZodError) {
    return error.issues
      .map((issue) => `${issue.path.join('.') || '(line)'}: ${issue.message}`)
      .join('; ')
  }
  return error instanceof Error ? error.message : String(error)
}
