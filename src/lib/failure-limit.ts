// The max-failed-requests limit: how many failed requests a batch may have and still succeed.

export type FailureLimit =
  { kind: 'none' } | { kind: 'count'; value: number } | { kind: 'percent'; value: number }

/** Parses max-failed-requests: '' (no limit), '5' (requests), '5%' or '0.5%' (of all requests). */
export function parseFailureLimit(text: string): FailureLimit {
  const trimmed = text.trim()
  if (trimmed === '') return { kind: 'none' }
  const count = /^\d+$/.exec(trimmed)
  if (count) {
    const value = Number(trimmed)
    if (Number.isSafeInteger(value)) return { kind: 'count', value }
  }
  const percent = /^(\d+(?:\.\d+)?|\.\d+)\s*%$/.exec(trimmed)
  if (percent?.[1] !== undefined) {
    const value = Number(percent[1])
    if (Number.isFinite(value) && value <= 100) return { kind: 'percent', value }
  }
  throw new Error(
    `max-failed-requests must be a number or a percentage such as 5%, got ${JSON.stringify(text)}`
  )
}

/** True when more requests failed than the limit allows. */
export function exceedsFailureLimit(limit: FailureLimit, failed: number, total: number): boolean {
  switch (limit.kind) {
    case 'none':
      return false
    case 'count':
      return failed > limit.value
    case 'percent': {
      if (total <= 0) return false
      // failed / total > value / 100, without the rounding of a division (e.g. 0.7% of 10,000 is 70).
      const allowed = Math.round(limit.value * total * 1e6) / 1e6
      return failed * 100 > allowed
    }
  }
}
