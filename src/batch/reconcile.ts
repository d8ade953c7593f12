import type { BatchApi, CreateParams } from './client.js'
import type { BatchInfo } from './document.js'
import { MetadataKeys } from './metadata.js'

/** How many recent batches are searched for one carrying our idempotency key. */
const RECONCILE_SCAN = 100

/** The newest batch whose metadata carries `key`, searched among the most recent ones. */
export function findBatchByKey(
  api: BatchApi,
  key: string,
  signal?: AbortSignal,
  timeoutMs?: number
): Promise<BatchInfo | undefined> {
  return api.findBatch(
    (batch) => batch.metadata?.[MetadataKeys.IdempotencyKey] === key,
    RECONCILE_SCAN,
    signal,
    timeoutMs
  )
}

export interface Created {
  batch: BatchInfo
  /** True when the batch came from an earlier attempt whose answer was lost. */
  adopted: boolean
}

/**
 * Creates the batch at most once. A create that failed ambiguously may have succeeded on the
 * server, so before sending it again the recent batches are searched for our key and a match is
 * adopted instead.
 */
export async function createOrAdopt(
  api: BatchApi,
  params: CreateParams,
  key: string,
  signal: AbortSignal | undefined,
  log: { info(message: string): void }
): Promise<Created> {
  let adopted = false
  const batch = await api.retry(
    'Create batch',
    async (attempt) => {
      if (attempt > 1) {
        const existing = await findBatchByKey(api, key, signal)
        if (existing) {
          adopted = true
          log.info(`Found batch ${existing.id} from the earlier attempt; not creating another`)
          return existing
        }
      }
      return api.createOnce(params, signal)
    },
    signal
  )
  return { batch, adopted }
}
