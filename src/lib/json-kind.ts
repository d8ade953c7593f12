// What a parsed JSON value is, for the readers that accept only some shapes and for messages that
// say what was found instead. Without zod: the batch answer and the inputs use it at start-up.

/** A JSON object: not null, not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The kind of a value in a message: `found an array`, `got null`. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  switch (typeof value) {
    case 'object':
      return 'an object'
    case 'string':
      return 'a string'
    case 'number':
      return Number.isInteger(value) ? 'an integer' : 'a number'
    case 'boolean':
      return 'a boolean'
    default:
      return typeof value
  }
}
