// How large one part (one batch) of a job may be: the max-batch-* inputs, or the provider's
// per-file limits when they are empty.
import type { ActionInputs } from '../action/inputs.js'
import type { Provider } from '../batch/providers.js'
import { Inputs } from '../action/names.js'
import { formatBytes, formatNumber } from '../lib/format.js'

/** The most one part of a job may hold; an absent limit is no limit. */
export interface PartLimits {
  /** Most requests (lines) in one part. */
  maxRequests?: number
  /** Largest part file, in bytes (line breaks included). */
  maxBytes?: number
  /** Most estimated tokens in one part (see tokens.ts). */
  maxTokens?: number
}

/** The limits, and the warnings for the log about user values over the provider's limits. */
export type ChosenPartLimits = PartLimits & { warnings: string[] }

type LimitInputs = Pick<ActionInputs, 'maxBatchRequests' | 'maxBatchBytes' | 'maxBatchTokens'>

function sizeText(bytes: number): string {
  return `${formatBytes(bytes)} (${formatNumber(bytes)} bytes)`
}

function overWarning(input: string, value: string, limit: string, provider: Provider): string {
  return (
    `${input} is ${value}, more than the ${limit} ${provider.name} accepts in one batch: ` +
    `the value is kept, and ${provider.name} may fail parts that large`
  )
}

/**
 * The part limits of a job: each max-batch-* input when set, else the provider's limit (an unknown
 * provider has none, so its input is one part unless an input is set). A value over the provider's
 * limit is kept (the table may be out of date, and the provider has the last word) with a warning.
 * There is no provider token limit: without max-batch-tokens, parts are not split by tokens.
 */
export function partLimitsFor(provider: Provider, inputs: LimitInputs): ChosenPartLimits {
  const warnings: string[] = []
  const maxRequests = inputs.maxBatchRequests ?? provider.maxRequests
  const maxBytes = inputs.maxBatchBytes ?? provider.maxFileBytes
  if (
    inputs.maxBatchRequests !== undefined &&
    provider.maxRequests !== undefined &&
    inputs.maxBatchRequests > provider.maxRequests
  ) {
    warnings.push(
      overWarning(
        Inputs.MaxBatchRequests,
        formatNumber(inputs.maxBatchRequests),
        `${formatNumber(provider.maxRequests)} requests`,
        provider
      )
    )
  }
  if (
    inputs.maxBatchBytes !== undefined &&
    provider.maxFileBytes !== undefined &&
    inputs.maxBatchBytes > provider.maxFileBytes
  ) {
    warnings.push(
      overWarning(
        Inputs.MaxBatchBytes,
        sizeText(inputs.maxBatchBytes),
        sizeText(provider.maxFileBytes),
        provider
      )
    )
  }
  const limits: ChosenPartLimits = { warnings }
  if (maxRequests !== undefined) limits.maxRequests = maxRequests
  if (maxBytes !== undefined) limits.maxBytes = maxBytes
  if (inputs.maxBatchTokens !== undefined) limits.maxTokens = inputs.maxBatchTokens
  return limits
}
