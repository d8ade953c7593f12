// How the action writes numbers for people: byte sizes, durations, timestamps and counts.

const DISPLAY_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'] as const

/** Formats a byte count with decimal SI units and at most one decimal: '512 B', '200 MB', '1.5 GB'. */
export function formatBytes(n: number): string {
  if (!Number.isFinite(n)) return `${n} B`
  if (n < 0) return `-${formatBytes(-n)}`
  if (n < 1000) return `${Math.round(n)} B`
  let unit = 0
  let value = n
  while (unit < DISPLAY_UNITS.length - 1 && Math.round(value * 10) / 10 >= 1000) {
    value /= 1000
    unit++
  }
  const rounded = Math.round(value * 10) / 10
  return `${Number.isInteger(rounded) ? rounded.toFixed(0) : rounded.toFixed(1)} ${DISPLAY_UNITS[unit]}`
}

/** '42s', '3m 05s', '2h 03m'. */
export function formatDuration(seconds: number): string {
  const total = Number.isFinite(seconds) ? Math.max(0, Math.round(seconds)) : 0
  if (total < 60) return `${total}s`
  if (total < 3600) return `${Math.floor(total / 60)}m ${String(total % 60).padStart(2, '0')}s`
  return `${Math.floor(total / 3600)}h ${String(Math.floor((total % 3600) / 60)).padStart(2, '0')}m`
}

/** A finite, positive unix timestamp, or undefined (absent, null, 0 from some providers). */
export function unixSeconds(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined
}

/** A unix timestamp in seconds as ISO 8601 (`2023-11-14T22:13:20.000Z`); undefined when absent or invalid. */
export function formatTimestamp(value: unknown): string | undefined {
  const seconds = unixSeconds(value)
  if (seconds === undefined) return undefined
  const date = new Date(seconds * 1000)
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString()
}

/**
 * '12,345', '-1,234.5'; a non-finite number as JavaScript writes it. Written by hand: toLocaleString
 * loads ICU's locale data on first use, which costs the action about 19 ms at start-up.
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value)
  const sign = value < 0 ? '-' : ''
  const [whole = '0', fraction] = String(Math.abs(value)).split('.')
  if (whole.includes('e')) return String(value)
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',')
  return `${sign}${grouped}${fraction !== undefined ? `.${fraction}` : ''}`
}

/** A share as a percentage for people: '0.4%', '12%', '<0.1%' for a small non-zero share. */
export function formatPercent(part: number, whole: number): string {
  if (!(whole > 0) || !Number.isFinite(part)) return '-'
  const percent = (part / whole) * 100
  if (percent > 0 && percent < 0.1) return '<0.1%'
  const rounded = percent >= 10 ? Math.round(percent) : Math.round(percent * 10) / 10
  return `${rounded}%`
}
