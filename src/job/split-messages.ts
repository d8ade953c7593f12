// The messages of a split that cannot be made: each names the line, the limit and what to do.
import { Inputs } from '../action/names.js'
import { formatBytes, formatNumber } from '../lib/format.js'
import { MAX_LINE_BYTES } from '../validate/types.js'

function sizeText(bytes: number): string {
  return `${formatBytes(bytes)} (${formatNumber(bytes)} bytes)`
}

/** A line over the part byte limit (`limit`), or over the longest line read at all. */
export function lineTooLargeMessage(line: number, size: number, limit: number): string {
  if (limit >= MAX_LINE_BYTES) {
    return `line ${line} is longer than ${formatBytes(MAX_LINE_BYTES)}; no provider takes a request this large: shorten it`
  }
  return (
    `line ${line} is ${sizeText(size)}, more than the ${sizeText(limit)} one batch of the job may hold ` +
    `(${Inputs.MaxBatchBytes}, or the provider's limit when it is empty); a batch never splits a line: ` +
    `shorten the request, or raise ${Inputs.MaxBatchBytes} if the provider takes larger files`
  )
}

export function lineTooManyTokensMessage(line: number, tokens: number, limit: number): string {
  return (
    `line ${line} is estimated at ${formatNumber(tokens)} tokens, more than ${Inputs.MaxBatchTokens} (${formatNumber(limit)}); ` +
    `a batch never splits a line: shorten the request or its max_tokens, or raise ${Inputs.MaxBatchTokens}`
  )
}

export function notJsonMessage(line: number): string {
  return `line ${line} is not a JSON request, so its tokens cannot be estimated; check the file with validate-only: true`
}
