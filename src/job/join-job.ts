// The job's results.jsonl: the results.jsonl of every batch of every round, joined into one line
// per input request, in input order, with each request's final outcome.
//
// Round 0's parts, read one after the other, hold one line per input request in input order. A
// later round resubmitted some of those requests, still in input order, so its lines come in the
// same order too: the files are walked side by side, one line of each round at hand, and a round's
// line replaces the line of round 0 (and of the rounds before it) with the same custom_id. Nothing
// is kept per request: memory stays the same whatever the number of lines.
import { writeAtomically } from '../jsonl/atomic.js'
import { writeBuffered, type OutputBuffer } from '../jsonl/output-buffer.js'
import { redact } from '../lib/redact.js'
import { abortReason } from '../net/abort.js'
import { FailureCounter, replyText } from '../results/samples.js'
import {
  emptyJoinResult,
  MAX_FAILURES_LISTED,
  MAX_SAMPLES,
  type FailedRequest,
  type JoinResult
} from '../results/types.js'
import { addUsage } from '../results/usage.js'
import { parseJoinedLine } from './joined-line.js'
import { RoundLines, type HeadLine } from './round-lines.js'

/** One batch's results.jsonl and what its join returned. */
export interface JobPart {
  resultsPath: string
  result: JoinResult
}

export interface JoinJobOptions {
  /** Ends every line with `"attempts":N`, the number of rounds its request was sent in. */
  withAttempts: boolean
  /** Masked in the job's results.jsonl (the API key), and in the failures and samples returned. */
  secrets?: readonly (string | undefined)[]
  /** The step's abort signal: the join stops between lines and leaves no file behind. */
  signal?: AbortSignal
}

const NEWLINE = Buffer.from('\n')
const CLOSE_BRACE = 0x7d

/** A JoinResult with the inputs' sums (usage, malformed, warnings) and no lines counted yet. */
function startResult(parts: readonly JobPart[], dest: string): JoinResult {
  // Every batch was billed, a retried request in each round it ran in: usage sums them all.
  const result = emptyJoinResult(dest)
  for (const { result: part } of parts) {
    addUsage(result.usage, part.usage)
    result.malformed += part.malformed
    result.warnings.push(...part.warnings)
  }
  return result
}

/** Counts the final lines: totals, the first failures and successes, failures by code. */
class FinalCounts {
  private readonly codes = new FailureCounter()
  private readonly result: JoinResult
  constructor(result: JoinResult) {
    this.result = result
  }

  add(line: HeadLine): void {
    const result = this.result
    result.total++
    if (line.status === 'missing') result.missing++
    else if (line.status === 'ok') {
      result.ok++
      if (result.samples.length < MAX_SAMPLES) {
        const parsed = parseJoinedLine(line.bytes)
        result.samples.push({ custom_id: parsed.custom_id, text: replyText(parsed.response) })
      }
    } else {
      result.error++
      const parsed = parseJoinedLine(line.bytes)
      const error = parsed.error ?? { message: 'request failed' }
      const failure: FailedRequest = {
        custom_id: parsed.custom_id,
        message: error.message,
        ...(error.code !== undefined ? { code: String(error.code) } : {}),
        ...(typeof error.status_code === 'number' ? { status_code: error.status_code } : {})
      }
      if (result.failures.length < MAX_FAILURES_LISTED) result.failures.push(failure)
      this.codes.add(failure)
    }
  }

  /** Fills in the failure groups, secrets masked in every text that is returned. */
  finish(secrets: readonly string[]): void {
    const result = this.result
    result.failureCodes = this.codes.list()
    if (secrets.length === 0) return
    const mask = (failure: FailedRequest) => {
      failure.message = redact(failure.message, secrets)
      failure.custom_id = redact(failure.custom_id, secrets)
    }
    result.failures.forEach(mask)
    for (const group of result.failureCodes) mask(group.example)
    for (const sample of result.samples) sample.text = redact(sample.text, secrets)
  }
}

/** Writes a line, with its attempts as the last member when `attempts` is given. */
function writeLine(out: OutputBuffer, line: HeadLine, attempts: number | undefined): void {
  const bytes = line.bytes
  if (attempts === undefined) {
    out.bytes(bytes, 0, bytes.length)
    out.bytes(NEWLINE, 0, 1)
    return
  }
  let end = bytes.length - 1
  while (end > 0 && bytes[end] !== CLOSE_BRACE) end--
  if (bytes[end] !== CLOSE_BRACE)
    throw new Error(`${line.path} line ${line.number}: not a line of results.jsonl`)
  out.bytes(bytes, 0, end)
  out.text(`,"attempts":${attempts}}\n`)
}

/** The first line of a later round that round 0 has no place for, as an error. */
function strayLine(round: number, line: HeadLine): Error {
  return new Error(
    `${line.path} line ${line.number} (round ${round}) is the result of custom_id ` +
      `${JSON.stringify(line.customId.slice(0, 100))}, which is not a request of the job at that ` +
      'place in input order: the rounds do not belong to one job'
  )
}

/**
 * Writes the job's results.jsonl to `dest` atomically from `rounds` (round 0 first, each round's
 * parts in part order) and returns the job's JoinResult: counts, failures and samples of the final
 * lines; usage, malformed lines and warnings summed over every part of every round. One part in
 * one round without attempts gives a copy of that part's file, byte for byte.
 */
export async function joinJob(
  rounds: readonly (readonly JobPart[])[],
  dest: string,
  options: JoinJobOptions
): Promise<JoinResult> {
  const [first, ...retries] = rounds
  if (!first || first.length === 0) throw new Error('internal error: a job without batches')
  const result = startResult(rounds.flat(), dest)
  const counts = new FinalCounts(result)
  const secrets = (options.secrets ?? []).filter((s): s is string => !!s)
  const signal = options.signal
  await writeAtomically(dest, (file) =>
    writeBuffered(
      file,
      async (out) => {
        const base = new RoundLines(first.map((part) => part.resultsPath))
        const later = retries.map((parts) => new RoundLines(parts.map((part) => part.resultsPath)))
        try {
          let head = await base.next()
          const heads = await Promise.all(later.map((round) => round.next()))
          while (head) {
            // An abort removes the temporary file (writeAtomically): no half results.jsonl appears.
            if (signal?.aborted) throw abortReason(signal)
            let final = head
            let attempts = 1
            for (const retried of heads) {
              if (retried?.customId !== head.customId) continue
              final = retried
              attempts++
            }
            counts.add(final)
            writeLine(out, final, options.withAttempts ? attempts : undefined)
            if (out.full) await out.flush()
            // The lines just written are views of the readers' buffers: only now move on.
            for (let r = 0; r < heads.length; r++) {
              if (heads[r]?.customId === head.customId) heads[r] = await later[r]!.next()
            }
            head = await base.next()
          }
          const stray = heads.findIndex((line) => line !== undefined)
          if (stray !== -1) throw strayLine(stray + 1, heads[stray]!)
        } finally {
          await Promise.all([base, ...later].map((round) => round.close()))
        }
      },
      { secrets }
    )
  )
  counts.finish(secrets)
  return result
}
