// The idempotency keys of a job's batches. A job of one batch keeps the step's key, so a step whose
// input fits in one batch makes exactly the batch it made before jobs existed; every other batch's
// key starts with the step's key, so the job's batches can be told apart from any other step's and
// grouped again from the provider's list alone (see README, Jobs).

/** Where a batch sits in its job: its round (0: the input) and its part (1-based) of `parts`. */
export interface BatchPlace {
  round: number
  part: number
  parts: number
  /** The SHA-256 of the bytes the batch uploads. */
  sha256: string
}

/** The key of one batch of the job whose step key is `jobKey`. */
export function batchKey(jobKey: string, place: BatchPlace, multiBatch: boolean): string {
  if (!multiBatch) return jobKey
  return `${jobKey}.${place.round}.${place.part}.${place.sha256.slice(0, 16)}`
}

/** The job a batch key belongs to: the step key it starts with. */
export function jobKeyOf(batchKey: string): string {
  const dot = batchKey.indexOf('.')
  return dot < 0 ? batchKey : batchKey.slice(0, dot)
}

/** The `batch_part` tag: `2/3`. */
export function partTag(place: Pick<BatchPlace, 'part' | 'parts'>): string {
  return `${place.part}/${place.parts}`
}
