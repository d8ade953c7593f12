// The messages of a split that cannot be made, whole: each names the line, the limit and what to do.
import { describe, expect, it } from '@jest/globals'
import {
  lineTooLargeMessage,
  lineTooManyTokensMessage,
  notJsonMessage
} from '../../src/job/split-messages.js'
import { MAX_LINE_BYTES } from '../../src/validate/types.js'

describe('the split messages', () => {
  it('names the part limit a line is over, and what to change', () => {
    expect(lineTooLargeMessage(3, 30, 25)).toBe(
      "line 3 is 30 B (30 bytes), more than the 25 B (25 bytes) one batch of the job may hold (max-batch-bytes, or the provider's limit when it is empty); a batch never splits a line: shorten the request, or raise max-batch-bytes if the provider takes larger files"
    )
    // Just under the longest line read: still the part limit.
    expect(lineTooLargeMessage(3, MAX_LINE_BYTES, MAX_LINE_BYTES - 1)).toMatch(
      /^line 3 is 67.1 MB \(67,108,864 bytes\), more than the 67.1 MB \(67,108,863 bytes\) one batch/
    )
  })

  it('says no provider takes a line as long as the longest line read, whatever the limit', () => {
    const message =
      'line 9 is longer than 67.1 MB; no provider takes a request this large: shorten it'
    expect(lineTooLargeMessage(9, MAX_LINE_BYTES + 1, MAX_LINE_BYTES)).toBe(message)
    expect(lineTooLargeMessage(9, MAX_LINE_BYTES * 2, MAX_LINE_BYTES * 2 - 1)).toBe(message)
  })

  it('names the token limit and the line that cannot be estimated', () => {
    expect(lineTooManyTokensMessage(4, 12_345, 10_000)).toBe(
      'line 4 is estimated at 12,345 tokens, more than max-batch-tokens (10,000); a batch never splits a line: shorten the request or its max_tokens, or raise max-batch-tokens'
    )
    expect(notJsonMessage(2)).toBe(
      'line 2 is not a JSON request, so its tokens cannot be estimated; check the file with validate-only: true'
    )
  })
})
