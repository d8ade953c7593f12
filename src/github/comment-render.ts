// Renders the pull-request comment from a CommentModel: pure, no I/O.
//
// Redaction happens twice: on every value before it is escaped or cut (escaping or truncating could
// split a secret so that the final pass no longer finds it), and on the whole body at the end.
import { commentMarker, type CommentFailure, type CommentModel } from './comment-model.js'
import { codeSpan, formatCount, formatRate, formatSeconds, table } from './markdown.js'

export type Redact = (text: string) => string

/** Limits that keep the body far below GitHub's 65,536 characters whatever the model holds. */
export const COMMENT_LIMITS = {
  failures: 10,
  message: 200,
  customId: 100,
  batchIds: 20,
  metadataPairs: 16,
  metadataValue: 200
} as const

const TITLES = {
  submitted: 'submitted',
  running: 'running',
  finished: 'finished'
} as const

interface Cells {
  /** Inline code of a redacted value, '-' when empty. */
  code(text: string | undefined, max?: number): string
  /** The same inside a table cell (pipes escaped). */
  cell(text: string | undefined, max?: number): string
}

function cellsFor(redact: Redact): Cells {
  const code = (text: string | undefined, max?: number, inTable = false): string =>
    text === undefined ? '-' : codeSpan(redact(text), { max, inTable })
  return {
    code: (text, max) => code(text, max),
    cell: (text, max) => code(text, max, true)
  }
}

function heading(model: CommentModel, c: Cells): string {
  const where = [model.marker.workflow, model.marker.job].filter((part) => part.trim() !== '')
  const scope = where.length > 0 ? ` · ${where.map((part) => c.code(part, 100)).join(' / ')}` : ''
  const status = model.phase === 'finished' && model.status ? `: ${c.code(model.status, 40)}` : ''
  return `### Batch inference ${TITLES[model.phase]}${status}${scope}`
}

function batchLine(model: CommentModel, c: Cells): string | undefined {
  const ids = model.batchIds
  if (ids.length === 0) return undefined
  const shown = ids.slice(0, COMMENT_LIMITS.batchIds).map((id) => c.code(id, 100))
  const more =
    ids.length > shown.length ? ` and ${formatCount(ids.length - shown.length)} more` : ''
  return `**${ids.length === 1 ? 'Batch' : 'Batches'}:** ${shown.join(', ')}${more}`
}

function setupLine(model: CommentModel, c: Cells): string | undefined {
  const parts: string[] = []
  if (model.model) parts.push(`model ${c.code(model.model, 100)}`)
  if (model.endpoint) parts.push(`endpoint ${c.code(model.endpoint, 100)}`)
  if (model.inputFile) parts.push(`input ${c.code(model.inputFile, 200)}`)
  if (model.phase !== 'finished' && model.status) parts.push(`status ${c.code(model.status, 40)}`)
  return parts.length > 0 ? parts.join(' · ') : undefined
}

/** 'within the 5% limit' / 'over the limit of 100 failed requests'. */
function limitText(model: CommentModel): string | undefined {
  const limit = model.failureLimit
  if (!limit) return undefined
  const verdict = limit.exceeded ? 'over' : 'within'
  return limit.kind === 'percent'
    ? `${verdict} the ${formatCount(limit.value)}% limit`
    : `${verdict} the limit of ${formatCount(limit.value)} failed`
}

/** '9,960 of 10,000 completed; 40 of 10,000 failed, 0.4%, within the 5% limit'. */
export function countsLine(model: CommentModel): string | undefined {
  const counts = model.counts
  if (!counts) {
    return model.requestCount === undefined
      ? undefined
      : `**Requests:** ${formatCount(model.requestCount)}`
  }
  const total = formatCount(counts.total)
  const failed = [
    `${formatCount(counts.failed)} of ${total} failed`,
    formatRate(counts.failed, counts.total),
    limitText(model)
  ].filter((part) => part !== undefined)
  return `**Requests:** ${formatCount(counts.completed)} of ${total} completed; ${failed.join(', ')}`
}

function tokensLine(model: CommentModel): string | undefined {
  const t = model.tokens
  if (!t) return undefined
  return `**Tokens:** ${formatCount(t.prompt)} prompt, ${formatCount(t.completion)} completion, ${formatCount(t.total)} total`
}

function durationsLine(model: CommentModel): string | undefined {
  const d = model.durations
  if (!d) return undefined
  const parts = (['queued', 'running', 'finalizing', 'total'] as const)
    .filter((key) => typeof d[key] === 'number')
    .map((key) => `${key} ${formatSeconds(d[key] as number)}`)
  return parts.length > 0 ? `**Time:** ${parts.join(', ')}` : undefined
}

function failuresSection(model: CommentModel, c: Cells): string | undefined {
  const failures = model.failures ?? []
  if (failures.length === 0) return undefined
  const shown = failures.slice(0, COMMENT_LIMITS.failures)
  const all = Math.max(model.counts?.failed ?? 0, failures.length)
  const title =
    all > shown.length
      ? `#### Failed requests (first ${formatCount(shown.length)} of ${formatCount(all)})`
      : '#### Failed requests'
  const row = (f: CommentFailure): string[] => [
    c.cell(f.custom_id, COMMENT_LIMITS.customId),
    c.cell(f.code, 60),
    typeof f.status_code === 'number' ? formatCount(f.status_code) : '-',
    c.cell(f.message, COMMENT_LIMITS.message)
  ]
  return `${title}\n\n${table(['custom_id', 'Error', 'Status', 'Message'], shown.map(row))}`
}

function metadataSection(model: CommentModel, c: Cells): string | undefined {
  const pairs = Object.entries(model.metadata ?? {}).slice(0, COMMENT_LIMITS.metadataPairs)
  if (pairs.length === 0) return undefined
  const rows = pairs.map(([key, value]) => [
    c.cell(key, 64),
    c.cell(value, COMMENT_LIMITS.metadataValue)
  ])
  return `<details><summary>Metadata</summary>\n\n${table(['Key', 'Value'], rows)}\n\n</details>`
}

function footer(model: CommentModel, redact: Redact): string {
  // The run URL is built from the runner's environment; a URL that is not http(s) is left out rather
  // than escaped, so nothing but a plain link can end up in the markdown.
  const url =
    model.runUrl && /^https?:\/\/[^\s()<>]+$/.test(model.runUrl) ? model.runUrl : undefined
  const link = url ? `[Workflow run](${redact(url)}) · ` : ''
  return `<sub>${link}updated by batch-inference-action</sub>`
}

/** The comment body for `model`, beginning with its hidden marker; `redact` masks every secret. */
export function renderComment(model: CommentModel, redact: Redact): string {
  const c = cellsFor(redact)
  const summary = [
    batchLine(model, c),
    setupLine(model, c),
    countsLine(model),
    tokensLine(model),
    durationsLine(model)
  ].filter((line): line is string => line !== undefined)
  const blocks = [
    commentMarker(model.marker),
    heading(model, c),
    summary.join('  \n'),
    failuresSection(model, c),
    metadataSection(model, c),
    footer(model, redact)
  ].filter((block): block is string => block !== undefined && block !== '')
  return redact(`${blocks.join('\n\n')}\n`)
}
