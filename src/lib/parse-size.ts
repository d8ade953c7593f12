// Byte sizes as people write them in workflow inputs (`max-file-size: 200MB`).
//
// Units: decimal SI for kB/MB/GB/TB (200MB = 200,000,000 bytes), binary for
// KiB/MiB/GiB/TiB (1 MiB = 1,048,576 bytes), case-insensitive. Providers state
// their limits in decimal units ("200 MB", "10 GB"); reading them as decimal is
// also the safe side (200 MB < 200 MiB), so a file we accept is never over a
// limit the provider meant in either sense.

const UNITS: Readonly<Record<string, bigint>> = {
  '': 1n,
  b: 1n,
  byte: 1n,
  bytes: 1n,
  k: 1000n,
  kb: 1000n,
  m: 1000n ** 2n,
  mb: 1000n ** 2n,
  g: 1000n ** 3n,
  gb: 1000n ** 3n,
  t: 1000n ** 4n,
  tb: 1000n ** 4n,
  p: 1000n ** 5n,
  pb: 1000n ** 5n,
  ki: 1024n,
  kib: 1024n,
  mi: 1024n ** 2n,
  mib: 1024n ** 2n,
  gi: 1024n ** 3n,
  gib: 1024n ** 3n,
  ti: 1024n ** 4n,
  tib: 1024n ** 4n,
  pi: 1024n ** 5n,
  pib: 1024n ** 5n
}

const SIZE = /^(\d(?:[\d_,]*\d)?)?(?:\.(\d+))?\s*([a-z]*)$/i

/**
 * Parses '512', '200MB', '10 GB', '1.5GiB', '64kib' into a whole number of bytes.
 * A fraction of a larger unit is rounded down to a whole byte; a fraction of a
 * byte ('1.5B') is an error. Throws an Error naming the text on bad input.
 */
export function parseByteSize(text: string): number {
  const trimmed = text.trim()
  const fail = (why: string): never => {
    throw new Error(
      `invalid size ${JSON.stringify(text)}: ${why}; write a number of bytes or a number with a unit, such as 512, 200MB, 10GB or 1.5GiB`
    )
  }
  if (trimmed === '') fail('it is empty')
  if (trimmed.startsWith('-')) fail('a size cannot be negative')
  const m = SIZE.exec(trimmed)
  if (!m || (m[1] === undefined && m[2] === undefined))
    return fail('not a number with an optional unit')
  const rawInt = m[1] ?? '0'
  // '1,5GB' is a European decimal, not 15 GB: commas only as thousands separators.
  if (rawInt.includes(',') && !/^\d{1,3}(?:,\d{3})+$/.test(rawInt))
    fail('use "." for a decimal point; "," only separates thousands')
  const intPart = rawInt.replace(/[_,]/g, '')
  const fraction = m[2] ?? ''
  const unit = (m[3] ?? '').toLowerCase()
  const multiplier = UNITS[unit]
  if (multiplier === undefined)
    return fail(`unknown unit "${m[3]}" (use B, kB, MB, GB, TB, PB, KiB, MiB, GiB, TiB or PiB)`)
  const scaled = BigInt(intPart + fraction) * multiplier
  const divisor = 10n ** BigInt(fraction.length)
  if (multiplier === 1n && scaled % divisor !== 0n) fail('a size in bytes must be a whole number')
  const bytes = scaled / divisor
  if (bytes > BigInt(Number.MAX_SAFE_INTEGER)) fail('it is too large')
  return Number(bytes)
}
