// One pass over the input for `run` when it makes one batch: a hash-only pre-pass gives the
// idempotency key (the look-up for an earlier attempt's batch needs it before any upload), and the
// upload validates the file as it sends it, holding back its last chunk until every line checked
// out and the bytes read are the bytes hashed. A job of several batches, retry-failed rounds and
// max-batch-tokens (which needs every line's tokens before the split) validate first instead.
import type OpenAI from 'openai'
import { providerFor } from '../batch/providers.js'
import { partLimitsFor, type PartLimits } from '../job/limits.js'
import { measureFile, type Measured } from '../jsonl/measure.js'
import { formatBytes, formatNumber } from '../lib/format.js'
import { checkedUpload } from '../net/checked-upload.js'
import { FileChangedError } from '../net/upload.js'
import { checkBeforeReading, ValidationFailedError } from '../validate/file.js'
import type { ValidationReport } from '../validate/types.js'
import type { ActionInputs } from '../action/inputs.js'
import { StepFailure } from './failure.js'
import { requireApi, type StepEnv } from './step.js'
import { acceptReport, validationOptions, type InputFile, type ValidFile } from './validate.js'

/** Whether the inputs allow the one pass at all, before the file is read. */
export function onePassAllowed(
  inputs: Pick<ActionInputs, 'retryFailed' | 'maxBatchTokens'>
): boolean {
  return inputs.retryFailed === 0 && inputs.maxBatchTokens === undefined
}

/** Whether a file of this size and line count is one batch under these limits. */
export function fitsOnePart(
  limits: PartLimits,
  measured: Pick<Measured, 'bytes' | 'lines'>
): boolean {
  if (limits.maxTokens !== undefined) return false
  if (limits.maxRequests !== undefined && measured.lines > limits.maxRequests) return false
  return limits.maxBytes === undefined || measured.bytes <= limits.maxBytes
}

/**
 * The pre-pass: the checks that need no line (a missing file, an endpoint the provider does not
 * offer, over max-file-size) fail the step as validation does, with no request made; then the
 * file's hash, size and lines. Undefined when the file is more than one batch: the caller then
 * validates first and splits, as before.
 */
export async function measureForOnePass(
  env: StepEnv,
  input: InputFile
): Promise<Measured | undefined> {
  const before = await checkBeforeReading(input.path, validationOptions(env))
  if (typeof before !== 'number') acceptReport(env, input, before)
  return env.log.group(`Hash ${input.display}`, async () => {
    const measured = await measureFile(input.path, env.signal)
    const limits = partLimitsFor(providerFor(env.inputs.baseUrl), env.inputs)
    const fits = fitsOnePart(limits, measured)
    // A job's split says these itself.
    if (fits) for (const warning of limits.warnings) env.log.warning(warning)
    env.log.info(
      `${input.display}: ${formatBytes(measured.bytes)}, ${formatNumber(measured.lines)} lines, SHA-256 ${measured.sha256}` +
        (fits
          ? ': one batch, validated while it is uploaded'
          : ': more than one batch holds, validated first and split')
    )
    return fits ? measured : undefined
  })
}

/**
 * Validates while uploading. A bad line fails the step with the annotations, messages, outputs
 * and summary of the validate-first path (acceptReport), and a file that changed since the
 * pre-pass fails it with what changed; either way the upload stopped before its end and the
 * provider stored nothing. Every attempt of the upload validates the file again.
 */
export async function uploadValidating(
  env: StepEnv,
  input: InputFile,
  measured: Measured
): Promise<{ uploaded: OpenAI.Files.FileObject; file: ValidFile }> {
  let report: ValidationReport | undefined
  const options = validationOptions(env)
  const hashed = { bytes: measured.bytes, sha256: measured.sha256 }
  try {
    const uploaded = await requireApi(env).uploadChecked(
      () => checkedUpload(input.path, options, hashed, (heard) => (report = heard)),
      env.signal
    )
    if (!report) throw new Error(`the upload of ${input.display} ended before the file was read`)
    return { uploaded, file: acceptReport(env, input, report) }
  } catch (error) {
    if (error instanceof ValidationFailedError) acceptReport(env, input, error.report)
    if (error instanceof FileChangedError) {
      throw new StepFailure(
        `${error.message}; the upload stopped before its end, so nothing was uploaded or created. Run again once nothing writes to the file`
      )
    }
    throw error
  }
}
