// The kinds of value the inputs take: each a function from the text the runner passes to the
// value, throwing an Error whose message says what is wrong. Plain functions, not zod schemas:
// every command reads its inputs first, and zod took about a fifth of the start-up of `list`
// (bench/startup.mjs; see README, Performance).
import { formatDurationInput, parseDuration } from '../lib/parse-duration.js'

/** Reads one input's text; throws an Error with the message to show after the input's name. */
export type Field<T> = (text: string) => T

/** The text, spaces around it removed. */
export const trimmed: Field<string> = (text) => text.trim()

/** One of `values`, as written (no trimming, no case folding), or `message`. */
export function oneOf<const T extends string>(values: readonly T[], message: string): Field<T> {
  return (text) => {
    if (!(values as readonly string[]).includes(text)) throw new Error(message)
    return text as T
  }
}

/** One of `values`, spaces around it and case ignored (`True`, ` auto `). */
export function oneOfAnyCase<const T extends string>(
  values: readonly T[],
  message: string
): Field<T> {
  const choice = oneOf(values, message)
  return (text) => choice(text.trim().toLowerCase())
}

/** The text, spaces around it removed, when `pattern` matches it; else `message`. */
export function matching(pattern: RegExp, message: string): Field<string> {
  return (text) => {
    const value = text.trim()
    if (!pattern.test(value)) throw new Error(message)
    return value
  }
}

const trueOrFalse = oneOfAnyCase(['true', 'false'], 'must be true or false')
export const booleanText: Field<boolean> = (text) => trueOrFalse(text) === 'true'

/** A number within [min, max], each bound with its own message. */
function within(value: number, min: number, max: number, unit = ''): number {
  if (value < min) throw new Error(`must be at least ${min}${unit}`)
  if (value > max) throw new Error(`must be at most ${max}${unit}`)
  return value
}

/** A bare number of seconds within [min, max]; `0.05` is fine, `0.0004` (under a millisecond) is not. */
const bareSeconds = matching(/^\d+(\.\d+)?$/, 'must be a number of seconds, such as 5 or 0.5')
export const secondsIn =
  (min: number, max: number): Field<number> =>
  (text) =>
    within(Number(bareSeconds(text)), min, max, ' seconds')

const wholeNumber = matching(/^\d+$/, 'must be a whole number')
export const integerIn =
  (min: number, max: number): Field<number> =>
  (text) =>
    within(Number(wholeNumber(text)), min, max)

/** A duration with units (see parseDuration) within [minMs, maxMs], in milliseconds. */
export const duration =
  (minMs: number, maxMs: number, why = ''): Field<number> =>
  (text) => {
    const ms = parseDuration(text)
    if (ms < minMs) throw new Error(`must be at least ${formatDurationInput(minMs)}`)
    if (ms > maxMs) throw new Error(`must be at most ${formatDurationInput(maxMs)}${why}`)
    return ms
  }

/** A completion window as the Batch APIs write it: a whole number of hours or days (`24h`). */
const hoursOrDays = matching(/^\d+[hd]$/, 'must be a whole number of hours or days, such as 24h')
export const completionWindow =
  (minHours: number, maxHours: number): Field<string> =>
  (text) => {
    const value = hoursOrDays(text)
    const hours = Number(value.slice(0, -1)) * (value.endsWith('d') ? 24 : 1)
    if (hours < minHours || hours > maxHours)
      throw new Error(`must be between ${minHours}h and ${maxHours / 24}d (the APIs take 24h)`)
    return value
  }

/** The field, or undefined for a text of only spaces. */
export const optional =
  <T>(field: Field<T>): Field<T | undefined> =>
  (text) =>
    text.trim() === '' ? undefined : field(text)

export const baseUrl: Field<string> = (text) => {
  let url: URL
  try {
    url = new URL(text.trim())
  } catch {
    throw new Error(
      `"${text}" is not a URL; use the API's base URL, such as https://api.studio.nebius.com/v1/`
    )
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`must be an https:// URL, got ${url.protocol}`)
  if (url.username || url.password)
    throw new Error('must not carry credentials; pass the key in api-key')
  return url.href
}

/** The default of github-token in action.yml; the runner expands it, nothing else does. */
export const GITHUB_TOKEN_DEFAULT = '${{ github.token }}'

/** A token; the unexpanded default (a run outside the runner) is no token. */
export const githubToken: Field<string> = (text) => {
  const value = text.trim()
  return value === GITHUB_TOKEN_DEFAULT ? '' : value
}
