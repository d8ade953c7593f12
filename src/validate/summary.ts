// The one-line account of a validation report, for logs and errors.
import { plural } from './messages.js'
import type { ValidationReport } from './types.js'

/**
 * One line for logs and errors: "3 problems in requests.jsonl: line 2: ...; line 5: ...;
 * line 9: ...", the first few in detail, then "and N more".
 */
export function summarizeProblems(
  report: ValidationReport,
  displayName: string,
  shown = 5
): string {
  const total = Math.max(report.problemCount, report.problems.length)
  if (total === 0) return `no problems in ${displayName}`
  const head = report.problems
    .slice(0, shown)
    .map((p) => (p.line > 0 ? `line ${p.line}: ${p.message}` : p.message))
  const more = total - head.length
  return `${plural(total, 'problem')} in ${displayName}: ${head.join('; ')}${more > 0 ? `; and ${more.toLocaleString('en-US')} more` : ''}`
}
