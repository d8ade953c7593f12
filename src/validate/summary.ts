// The account of a validation report for logs and errors: one line, and the one sentence for a
// mistake that shows on every line.
import { formatNumber } from '../lib/format.js'
import { BLANK_LINE, mismatchedUrl, plural } from './messages.js'
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
  return `${plural(total, 'problem')} in ${displayName}: ${head.join('; ')}${more > 0 ? `; and ${formatNumber(more)} more` : ''}`
}

/**
 * When every line checked names the same url other than the endpoint, the endpoint input is the
 * likelier mistake: one sentence that says so, instead of only a problem on each line. Undefined
 * otherwise. Only problems kept in detail are seen: for a long file, "every line" means every one
 * of those, and no fewer problems than requests.
 */
export function endpointHint(report: ValidationReport, endpoint: string): string | undefined {
  const lineProblems = report.problems.filter(
    (problem) => problem.line > 0 && problem.message !== BLANK_LINE
  )
  // On a file of one line, that line's own message says it all.
  if (lineProblems.length < 2 || report.problemCount < report.requests) return undefined
  const urls = new Set(lineProblems.map((problem) => mismatchedUrl(problem.message)))
  const [url] = urls
  if (urls.size !== 1 || url === undefined) return undefined
  const lines = lineProblems.length === report.requests ? 'Every line' : 'Every line checked'
  return `${lines} has url ${url} but the endpoint input is ${JSON.stringify(endpoint)}; the endpoint input may be what is wrong: if the file is right, set endpoint: ${url.replace(/^"|"$/g, '')}`
}
