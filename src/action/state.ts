import * as core from '@actions/core'
import { State } from './names.js'

/** Where state is kept between the main and post steps; replaced by a map in tests. */
export interface StateStore {
  save(name: string, value: string): void
  get(name: string): string
}

/** The runner's own store: written by the main step (GITHUB_STATE), read by the post step. */
export const runnerStore: StateStore = {
  save: (name, value) => core.saveState(name, value),
  get: (name) => core.getState(name)
}

/** A store in memory; `through` also writes every value to another store (the runner's). */
export function memoryStore(through?: StateStore): StateStore {
  const values = new Map<string, string>()
  return {
    save(name, value) {
      values.set(name, value)
      through?.save(name, value)
    },
    get: (name) => values.get(name) ?? ''
  }
}

export interface SavedState {
  batchId: string
  /** The idempotency key of a create that was sent; finds the batch if the step died before learning its id. */
  pendingKey: string
  /** The SHA-256 of the step's input: a batch carrying the key but another input is not cancelled. */
  fileSha256: string
  /** When the create was first sent (Unix seconds); 0 when unknown. */
  searchSince: number
  settled: boolean
  /** Every batch of a job of several, in the order they were created or taken up. */
  batchIds: string[]
}

function parseIds(text: string): string[] {
  if (text === '') return []
  try {
    const ids: unknown = JSON.parse(text)
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : []
  } catch {
    return []
  }
}

/**
 * What the main step leaves for the post step: the batch it is responsible for, and whether it
 * finished with it. The post step cancels a saved batch that was never settled.
 */
export class StepState {
  constructor(private readonly store: StateStore) {}

  /** Saved before a create is sent, so a batch created by a killed step can still be found. */
  saveCreateKey(key: string, fileSha256: string, searchSince: number): void {
    this.store.save(State.IdempotencyKey, key)
    this.store.save(State.InputSha256, fileSha256)
    this.store.save(State.SearchSince, String(searchSince))
    this.store.save(State.Settled, 'false')
  }

  /** The batch this step is now responsible for (cancelled on abort unless settled). */
  saveBatch(batchId: string): void {
    this.store.save(State.BatchId, batchId)
    this.store.save(State.Settled, 'false')
  }

  /**
   * One more batch of the step's job (created, or taken up from an earlier attempt). The first is
   * also `batchId`; a create whose batch is now known is no longer pending.
   */
  saveJobBatch(batchId: string): void {
    const ids = parseIds(this.store.get(State.BatchIds))
    if (!ids.includes(batchId)) ids.push(batchId)
    this.store.save(State.BatchIds, JSON.stringify(ids))
    if (this.store.get(State.BatchId) === '') this.store.save(State.BatchId, batchId)
    this.store.save(State.IdempotencyKey, '')
    this.store.save(State.Settled, 'false')
  }

  /** The step is done with its batch: it ended, was cancelled, or is left running on purpose. */
  markSettled(): void {
    this.store.save(State.Settled, 'true')
  }

  read(): SavedState {
    return {
      batchId: this.store.get(State.BatchId),
      pendingKey: this.store.get(State.IdempotencyKey),
      fileSha256: this.store.get(State.InputSha256),
      searchSince: Number.parseInt(this.store.get(State.SearchSince), 10) || 0,
      settled: this.store.get(State.Settled) === 'true',
      batchIds: parseIds(this.store.get(State.BatchIds))
    }
  }
}
