const UNIT_SECONDS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 }
const DURATION = /^(?:(\d+(?:\.\d+)?)(ms|s|m|h|d))+$/

/**
 * Parses a duration such as `90s`, `45m`, `5h30m` or `1h 5m` into milliseconds. A bare number
 * is refused: `wait-timeout: 10` could mean seconds or minutes, and a wrong guess can turn a
 * nightly job green with no results.
 */
export function parseDuration(text: string): number {
  const compact = text.trim().toLowerCase().replace(/\s+/g, '')
  if (/^\d+(?:\.\d+)?$/.test(compact)) {
    throw new Error(
      `"${text.trim()}" has no unit; add a unit: ${compact}s, ${compact}m, ${compact}h`
    )
  }
  if (!DURATION.test(compact)) {
    throw new Error(`"${text}" is not a duration: use units such as 90s, 45m, 5h30m`)
  }
  let seconds = 0
  for (const [, amount, unit] of compact.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)) {
    seconds += Number(amount) * (UNIT_SECONDS[unit as string] ?? 0)
  }
  return Math.round(seconds * 1000)
}

/** A duration as the inputs write it: `90s`, `45m`, `5h30m`, `2d`, `250ms`. */
export function formatDurationInput(ms: number): string {
  const units: [string, number][] = [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1000]
  ]
  if (ms < 1000) return `${ms}ms`
  let rest = ms
  let text = ''
  for (const [unit, size] of units) {
    const amount = Math.floor(rest / size)
    if (amount > 0) text += `${amount}${unit}`
    rest -= amount * size
  }
  return rest > 0 ? `${text}${rest}ms` : text
}
