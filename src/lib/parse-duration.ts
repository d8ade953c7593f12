const UNIT_SECONDS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 }
const DURATION = /^(?:(\d+(?:\.\d+)?)(ms|s|m|h|d))+$/

/**
 * Parses a duration such as `90s`, `45m`, `5h30m` or `1h 5m` into milliseconds.
 * A bare number is taken as seconds, the unit the other interval inputs use.
 */
export function parseDuration(text: string): number {
  const compact = text.trim().toLowerCase().replace(/\s+/g, '')
  if (/^\d+(?:\.\d+)?$/.test(compact)) return Math.round(Number(compact) * 1000)
  if (!DURATION.test(compact)) {
    throw new Error(
      `"${text}" is not a duration: use a number of seconds or units such as 90s, 45m, 5h30m`
    )
  }
  let seconds = 0
  for (const [, amount, unit] of compact.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)) {
    seconds += Number(amount) * (UNIT_SECONDS[unit as string] ?? 0)
  }
  return Math.round(seconds * 1000)
}
