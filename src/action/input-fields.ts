// The kinds of value the inputs take, as zod schemas from the text the runner passes.
import { z } from 'zod'
import { formatDurationInput, parseDuration } from '../lib/parse-duration.js'

export const booleanText = z
  .string()
  .transform((text) => text.trim().toLowerCase())
  .pipe(z.enum(['true', 'false'], { error: 'must be true or false' }))
  .transform((text) => text === 'true')

/** A bare number of seconds within [min, max]; `0.05` is fine, `0.0004` (under a millisecond) is not. */
export const secondsIn = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+(\.\d+)?$/, 'must be a number of seconds, such as 5 or 0.5')
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, `must be at least ${min} seconds`)
        .max(max, `must be at most ${max} seconds`)
    )

export const integerIn = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`))

/** A duration with units (see parseDuration) within [minMs, maxMs], in milliseconds. */
export const duration = (minMs: number, maxMs: number, why = '') =>
  z
    .string()
    .transform((text, ctx) => {
      try {
        return parseDuration(text)
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message })
        return z.NEVER
      }
    })
    .pipe(
      z
        .number()
        .min(minMs, `must be at least ${formatDurationInput(minMs)}`)
        .max(maxMs, `must be at most ${formatDurationInput(maxMs)}${why}`)
    )

/** A completion window as the Batch APIs write it: a whole number of hours or days (`24h`). */
export const completionWindow = (minHours: number, maxHours: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+[hd]$/, 'must be a whole number of hours or days, such as 24h')
    .refine(
      (text) => {
        const hours = Number(text.slice(0, -1)) * (text.endsWith('d') ? 24 : 1)
        return hours >= minHours && hours <= maxHours
      },
      `must be between ${minHours}h and ${maxHours / 24}d (the APIs take 24h)`
    )

export const fromParser = <T>(parse: (text: string) => T) =>
  z.string().transform((text, ctx) => {
    try {
      return parse(text)
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message })
      return z.NEVER
    }
  })

export const optional = <T extends z.ZodType>(schema: T) =>
  z.string().transform((text, ctx) => {
    if (text.trim() === '') return undefined
    const result = schema.safeParse(text)
    if (result.success) return result.data as z.output<T>
    for (const issue of result.error.issues)
      ctx.addIssue({ code: 'custom', message: issue.message })
    return z.NEVER
  })

export const baseUrl = z.string().transform((text, ctx) => {
  let url: URL
  try {
    url = new URL(text.trim())
  } catch {
    ctx.addIssue({
      code: 'custom',
      message: `"${text}" is not a URL; use the API's base URL, such as https://api.studio.nebius.com/v1/`
    })
    return z.NEVER
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    ctx.addIssue({ code: 'custom', message: `must be an https:// URL, got ${url.protocol}` })
    return z.NEVER
  }
  if (url.username || url.password) {
    ctx.addIssue({ code: 'custom', message: 'must not carry credentials; pass the key in api-key' })
    return z.NEVER
  }
  return url.href
})

/** The default of github-token in action.yml; the runner expands it, nothing else does. */
export const GITHUB_TOKEN_DEFAULT = '${{ github.token }}'

/** A token; the unexpanded default (a run outside the runner) is no token. */
export const githubToken = z
  .string()
  .trim()
  .transform((text) => (text === GITHUB_TOKEN_DEFAULT ? '' : text))
