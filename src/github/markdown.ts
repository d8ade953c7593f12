// Number formats and markdown escaping for the pull-request comment.
//
// Numbers are formatted by hand: toLocaleString loads ICU data, which costs start-up time in every
// step, and a comment needs only thousands separators. Every value that comes from the API, the
// results or the user goes into a code span: GitHub then renders it literally (no HTML, no links, no
// @mentions that would notify people, no #references).

/** 1234567 -> '1,234,567': the one number format of the action (see lib/format.ts). */
export { formatNumber as formatCount } from '../lib/format.js'

/** failed / total as a percentage: '0%', '<0.1%', '0.4%', '12.5%', '100%'. */
export function formatRate(failed: number, total: number): string {
  if (!(total > 0) || !(failed > 0)) return '0%'
  const percent = (failed / total) * 100
  if (percent < 0.1) return '<0.1%'
  // One decimal, without a trailing '.0'; never round a partial failure up to 100%.
  const rounded = Math.round(percent * 10) / 10
  const shown = rounded >= 100 && failed < total ? 99.9 : rounded
  return `${String(shown)}%`
}

/** '42s', '3m 05s', '2h 03m': the one duration format of the action (see lib/format.ts). */
export { formatDuration as formatSeconds } from '../lib/format.js'

/** One line, at most `max` characters (an ellipsis marks the cut). */
export function oneLine(text: string, max = Infinity): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, Math.max(0, max - 1))}…` : flat
}

/**
 * A code span holding `text` literally: the fence is longer than any run of backticks inside, and a
 * space pads text that starts or ends with a backtick. In a table cell a pipe must be escaped even
 * inside a code span (GFM splits cells before it parses inline code).
 */
export function codeSpan(text: string, options: { inTable?: boolean; max?: number } = {}): string {
  let content = oneLine(text, options.max)
  if (content === '') return '-'
  if (options.inTable) content = content.replace(/\|/g, '\\|')
  const longestRun = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longestRun + 1)
  const pad = content.startsWith('`') || content.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${content}${pad}${fence}`
}

/** A markdown table; cells must already be escaped. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}
