import * as core from '@actions/core'
import { requestCounts, type BatchInfo } from '../batch/document.js'
import { Outputs } from './names.js'

export type OutputName = (typeof Outputs)[keyof typeof Outputs]

/**
 * Sets outputs as soon as they are known and remembers them, so a step that fails or is cancelled
 * later still reports what it had, and each value is written only when it changes.
 */
export class OutputWriter {
  private readonly values = new Map<OutputName, string>()

  constructor(
    private readonly redact: (text: string) => string = (text) => text,
    private readonly write: (name: string, value: string) => void = core.setOutput
  ) {}

  set(name: OutputName, value: string | number | undefined | null): void {
    const text = this.redact(value == null ? '' : String(value))
    if (this.values.get(name) === text) return
    this.values.set(name, text)
    this.write(name, text)
  }

  setBatch(batch: BatchInfo): void {
    const counts = requestCounts(batch)
    this.set(Outputs.BatchId, batch.id)
    this.set(Outputs.Status, batch.status)
    this.set(Outputs.InputFileId, batch.input_file_id)
    this.set(Outputs.OutputFileId, batch.output_file_id)
    this.set(Outputs.ErrorFileId, batch.error_file_id)
    this.set(Outputs.Total, counts.total)
    this.set(Outputs.Completed, counts.completed)
    this.set(Outputs.Failed, counts.failed)
    this.set(Outputs.Batch, JSON.stringify(batch))
    this.set(Outputs.BatchIds, JSON.stringify([batch.id]))
  }
}
