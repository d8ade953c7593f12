// What the job summary says about the check of a requests file: for a validate-only run, and for
// a run stopped by problems in the file (nothing was uploaded). Plain data, escaped by render.ts.
import { formatBytes, formatNumber } from '../lib/format.js'
import type { Problem, ValidationReport } from '../validate/types.js'
import type { Field, Tone } from './model.js'

/** Problems listed in the summary; the rest are counted. */
export const MAX_PROBLEMS_SHOWN = 20

export interface ValidationSummaryData {
  /** The requests file, relative to the workspace. */
  file: string
  endpoint: string
  report: Pick<ValidationReport, 'requests' | 'bytes' | 'model' | 'problems' | 'problemCount'>
  /** The one sentence that applies to the whole file (an endpoint mismatch on every line). */
  hint?: string
  validateOnly: boolean
  /** How many problems were annotated on their lines (GitHub shows at most 10 per step). */
  annotated: number
}

export interface ValidationView {
  title: string
  tone: Tone
  facts: Field[]
  hint?: string
  problems: { heading: string; lines: { line: string; message: string }[] } | undefined
  /** Problems found but not listed. */
  more?: string
  note: string
}

function lineText(problem: Problem): string {
  return problem.line > 0 ? formatNumber(problem.line) : 'file'
}

export function validationView(data: ValidationSummaryData): ValidationView {
  const { report } = data
  const total = Math.max(report.problemCount, report.problems.length)
  const facts: Field[] = [
    { label: 'Requests', value: formatNumber(report.requests) },
    { label: 'Size', value: formatBytes(report.bytes) },
    { label: 'Model', value: report.model, code: true },
    { label: 'Endpoint', value: data.endpoint, code: true }
  ]
  if (total === 0) {
    return {
      title: `File is valid: ${data.file}`,
      tone: 'good',
      facts,
      problems: undefined,
      note: data.validateOnly
        ? 'validate-only: the file was checked and nothing was uploaded.'
        : 'The file was checked before upload.'
    }
  }
  const shown = report.problems.slice(0, MAX_PROBLEMS_SHOWN)
  const notShown = total - shown.length
  const problemWord = total === 1 ? 'problem' : 'problems'
  return {
    title: `Validation failed: ${data.file}, ${formatNumber(total)} ${problemWord}`,
    tone: 'bad',
    facts,
    ...(data.hint ? { hint: data.hint } : {}),
    problems: {
      heading:
        notShown > 0 ? `Problems (first ${shown.length} of ${formatNumber(total)})` : 'Problems',
      lines: shown.map((problem) => ({ line: lineText(problem), message: problem.message }))
    },
    ...(notShown > 0
      ? {
          more: `${formatNumber(notShown)} more ${notShown === 1 ? 'problem is' : 'problems are'} not listed here; fix these and run again to see them.`
        }
      : {}),
    note: `Nothing was uploaded. The first ${formatNumber(data.annotated)} ${data.annotated === 1 ? 'problem is' : 'problems are'} annotated on ${data.annotated === 1 ? 'its line' : 'their lines'} (GitHub shows at most 10 annotations per step); the log lists the rest.`
  }
}
