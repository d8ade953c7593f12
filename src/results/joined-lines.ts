// The lines of results.jsonl, written a batch of requests at a time: each request's result line is
// read back from the output or error file (BatchReader) and written as ok, error or missing.
import type { OutputBuffer } from '../jsonl/output-buffer.js'
import { classify } from './classify.js'
import { KIND_OK, REPARSE, SOURCE_ERROR, type ResultIndex } from './output-index.js'
import { BATCH_BYTES, BATCH_LINES, BatchReader, type HeldLines } from './reader.js'
import { isRecord } from '../lib/json-kind.js'
import type { ResultLine } from './schemas.js'
import { FailureCounter, replyText } from './samples.js'
import { MAX_FAILURES_LISTED, MAX_SAMPLES, type JoinResult } from './types.js'
import { addUsage } from './usage.js'

const CHANGED = 'a result file changed while it was being joined'

/** The line of a result that is not a plain copy: parsed again, with plain checks (validated while indexing). */
function reparsedLine(text: string, customId: string): ResultLine {
  const line: unknown = JSON.parse(text)
  if (!isRecord(line) || line['custom_id'] !== customId) throw new Error(CHANGED)
  return line as ResultLine
}

/** Gathers requests into batches and writes their lines, counting them into `result`. */
export class JoinedLines {
  private readonly ids: string[] = []
  private readonly slots = new Int32Array(BATCH_LINES)
  private bytes = 0
  private readonly index: ResultIndex
  private readonly reader: BatchReader
  private readonly result: JoinResult
  private readonly failureCodes = new FailureCounter()
  constructor(
    index: ResultIndex,
    fds: (number | undefined)[],
    result: JoinResult,
    held?: HeldLines
  ) {
    this.index = index
    this.reader = new BatchReader(fds, held)
    this.result = result
  }

  get pending(): number {
    return this.ids.length
  }

  /** Adds a request to the batch; true when the batch is full and should be written. */
  add(customId: string): boolean {
    const slot = this.index.slotOf(customId)
    this.slots[this.ids.length] = slot
    this.ids.push(customId)
    if (slot >= 0) this.bytes += this.index.lengths[slot] ?? 0
    return this.ids.length === BATCH_LINES || this.bytes >= BATCH_BYTES
  }

  /** Reads the batch's result lines, writes its lines and starts a new batch. */
  async write(out: OutputBuffer): Promise<void> {
    const count = this.ids.length
    this.reader.read(this.index, this.slots, count)
    for (let i = 0; i < count; i++) {
      const customId = this.ids[i] as string
      const slot = this.slots[i] ?? -1
      this.result.total++
      if (slot < 0) this.writeMissing(out, customId)
      else {
        if (this.index.kinds[slot] === KIND_OK) this.writeOk(out, customId, slot, i)
        else this.writeError(out, customId, slot, i)
        this.index.used[slot] = 1
      }
    }
    this.ids.length = 0
    this.bytes = 0
    if (this.result.error > 0) this.result.failureCodes = this.failureCodes.list()
    if (out.full) await out.flush()
  }

  private writeMissing(out: OutputBuffer, customId: string): void {
    this.result.missing++
    out.text(`${JSON.stringify({ custom_id: customId, status: 'missing' })}\n`)
  }

  /** The text of the result line of batch entry `i`, as read by the reader. */
  private lineText(slot: number, i: number): string {
    const start = this.reader.start(i)
    return this.reader.buffer.toString('utf8', start, start + (this.index.lengths[slot] ?? 0))
  }

  private writeOk(out: OutputBuffer, customId: string, slot: number, i: number): void {
    const index = this.index
    this.result.ok++
    addUsage(this.result.usage, index.usageAt(slot))
    const bodyLength = index.bodyLengths[slot] ?? REPARSE
    if (bodyLength !== REPARSE) {
      // The same bytes as JSON.stringify({ custom_id, status: 'ok', response: body }).
      out.text(`{"custom_id":${JSON.stringify(customId)},"status":"ok","response":`)
      const bodyStart = this.reader.start(i) + (index.bodyStarts[slot] ?? 0)
      out.bytes(this.reader.buffer, bodyStart, bodyStart + bodyLength)
      out.text('}\n')
      if (this.result.samples.length < MAX_SAMPLES) {
        const bodyText = this.reader.buffer.toString('utf8', bodyStart, bodyStart + bodyLength)
        this.keepSample(customId, JSON.parse(bodyText))
      }
    } else {
      const body = reparsedLine(this.lineText(slot, i), customId).response?.body ?? null
      out.text(`${JSON.stringify({ custom_id: customId, status: 'ok', response: body })}\n`)
      this.keepSample(customId, body)
    }
  }

  /** The first few successes are kept, as text, for the summary. */
  private keepSample(customId: string, body: unknown): void {
    if (this.result.samples.length < MAX_SAMPLES)
      this.result.samples.push({ custom_id: customId, text: replyText(body) })
  }

  private writeError(out: OutputBuffer, customId: string, slot: number, i: number): void {
    const classified = classify(
      reparsedLine(this.lineText(slot, i), customId),
      this.index.sources[slot] === SOURCE_ERROR
    )
    // Indexed as a failure: the same bytes classify the same way.
    if (classified.status !== 'error') throw new Error(CHANGED)
    const error = classified.error
    this.result.error++
    const failure = { custom_id: customId, ...error }
    if (this.result.failures.length < MAX_FAILURES_LISTED) this.result.failures.push(failure)
    this.failureCodes.add(failure)
    out.text(`${JSON.stringify({ custom_id: customId, status: 'error', error })}\n`)
  }
}
