// @ts-check
// Cursor pagination as OpenAI answers lists: `{object: 'list', data, first_id, last_id, has_more}`.
import { ApiError } from './util.mjs'

/**
 * @template {{ id: string }} T @template U
 * @param {T[]} items in list order @param {string | null} after @param {number} limit @param {(x: T) => U} toJson
 */
export function page(items, after, limit, toJson) {
  let start = 0
  if (after) {
    const i = items.findIndex((x) => x.id === after)
    start = i === -1 ? items.length : i + 1
  }
  const slice = items.slice(start, start + limit)
  return {
    object: 'list',
    data: slice.map(toJson),
    first_id: slice[0]?.id ?? null,
    last_id: slice.at(-1)?.id ?? null,
    has_more: start + limit < items.length
  }
}

/** @param {URLSearchParams} q @param {number} def @param {number} max */
export function limitParam(q, def, max) {
  const raw = q.get('limit')
  if (raw === null || raw === '') return def
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new ApiError(
      400,
      `Invalid 'limit': ${raw}. It must be an integer between 1 and ${max}.`,
      {
        param: 'limit',
        code: 'invalid_value'
      }
    )
  }
  return n
}
