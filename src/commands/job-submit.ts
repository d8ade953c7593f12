// Submitting one batch of a job: take up the batch an earlier attempt of the step left for the
// same place (part and round), or upload the part and create its batch at most once. The rules are
// the single batch's (run.ts), per batch: the key finds it, the input's SHA-256 must match.
import { buildBatchMetadata, MetadataKeys, traceabilityMetadata } from '../batch/metadata.js'
import { createExactlyOnce, UnsettledCreate } from '../batch/create-once.js'
import type { BatchInfo } from '../batch/document.js'
import { belongingOf, decideReuse, settleWindowMs, type StepMark } from '../batch/reconcile.js'
import { batchKey, jobKeyOf, partTag } from '../job/keys.js'
import { describeApiError } from '../lib/errors.js'
import { formatBytes } from '../lib/format.js'
import { StepFailure } from './failure.js'
import { batchLabel } from './job-view.js'
import { requireApi, type StepEnv } from './step.js'

/** A part's input file, as the split wrote it. */
export interface PartInput {
  path: string
  requests: number
  bytes: number
  sha256: string
}

/** One batch the job has to run: a part of a round. */
export interface Plan {
  round: number
  /** 1-based. */
  part: number
  parts: number
  input: PartInput
  /** The key of the place; a resubmission after a token-limit refusal adds `.t<n>`. */
  key: string
  /** How many times the part was resubmitted after the provider's enqueued-token limit refused it. */
  resubmits: number
  /** Not submitted before this time (ms): the backoff after a token-limit refusal. */
  notBefore: number
}

/** The key a plan's next create carries. */
export function attemptKey(plan: Pick<Plan, 'key' | 'resubmits'>): string {
  return plan.resubmits === 0 ? plan.key : `${plan.key}.t${plan.resubmits}`
}

/** The resubmission a key names: 0 for the place's own key, n for `.t<n>`. */
function resubmitOf(key: string, placeKey: string): number | undefined {
  if (key === placeKey) return 0
  const match = /^\.t(\d+)$/.exec(key.slice(placeKey.length))
  return key.startsWith(placeKey) && match ? Number(match[1]) : undefined
}

export function makePlans(
  jobKey: string,
  round: number,
  inputs: readonly PartInput[],
  multiBatch: boolean
): Plan[] {
  return inputs.map((input, index) => {
    const place = { round, part: index + 1, parts: inputs.length, sha256: input.sha256 }
    return {
      ...place,
      input,
      key: batchKey(jobKey, place, multiBatch),
      resubmits: 0,
      notBefore: 0
    }
  })
}

/** The batches an earlier attempt of the step created for this job, as one list found them. */
export class EarlierBatches {
  constructor(private readonly batches: readonly BatchInfo[]) {}

  static ofJob(jobKey: string, listed: readonly BatchInfo[]): EarlierBatches {
    return new EarlierBatches(
      listed.filter((batch) => {
        const key = batch.metadata?.[MetadataKeys.IdempotencyKey]
        return typeof key === 'string' && jobKeyOf(key) === jobKey
      })
    )
  }

  /** The batches of a plan's place carrying its input, oldest first, with their resubmission. */
  of(plan: Plan): Array<{ batch: BatchInfo; resubmit: number }> {
    const found: Array<{ batch: BatchInfo; resubmit: number }> = []
    for (const batch of this.batches) {
      const key = String(batch.metadata?.[MetadataKeys.IdempotencyKey] ?? '')
      const resubmit = resubmitOf(key, plan.key)
      if (resubmit === undefined) continue
      if (belongingOf(batch, { key, fileSha256: plan.input.sha256 }) !== 'ours') continue
      found.push({ batch, resubmit })
    }
    return found.sort((a, b) => (a.batch.created_at ?? 0) - (b.batch.created_at ?? 0))
  }
}

export interface SubmitContext {
  jobKey: string
  multiBatch: boolean
  retries: boolean
  earlier: EarlierBatches
  now: () => number
  log: { info(text: string): void; warning(text: string): void }
  /** Creates that failed ambiguously: swept for late duplicates once the wait is over. */
  sweeps: Array<{ mark: StepMark; since: number; keep: string }>
}

/** The metadata of one batch of the job; throws when the user's pairs leave no room for the action's. */
export function planMetadata(env: StepEnv, ctx: SubmitContext, plan: Plan): Record<string, string> {
  return buildBatchMetadata(env.inputs.metadata, traceabilityMetadata(env.context), {
    key: attemptKey(plan),
    fileSha256: plan.input.sha256,
    ...(ctx.multiBatch ? { part: partTag(plan) } : {}),
    ...(plan.round > 0 ? { round: plan.round } : {})
  })
}

/** Takes up the place's batch from an earlier attempt, or uploads the part and creates its batch. */
export async function submitPlan(env: StepEnv, ctx: SubmitContext, plan: Plan): Promise<BatchInfo> {
  const { log, state, signal } = env
  const label = (id: string) => batchLabel({ ...plan, id })
  const earlier = ctx.earlier.of(plan)
  const reuse = decideReuse(earlier.map((entry) => entry.batch))
  if (reuse.kind !== 'create') {
    log.info(
      `Batch ${label(reuse.batch.id)} of an earlier attempt of this step is ${reuse.batch.status}: ` +
        `${reuse.kind === 'adopt' ? 'waiting on it' : 'collecting its results'}; nothing was uploaded or created for it`
    )
    state.saveJobBatch(reuse.batch.id)
    return reuse.batch
  }
  // Each batch an earlier attempt made for the place is a resubmission: the next key is new.
  plan.resubmits = Math.max(plan.resubmits, ...earlier.map((entry) => entry.resubmit + 1))
  const key = attemptKey(plan)
  const metadata = planMetadata(env, ctx, plan)
  const api = requireApi(env)
  const where = plan.parts > 1 ? ` part ${partTag(plan)}` : ''
  const uploaded = await log.group(
    `Upload${where}${plan.round > 0 ? ` of round ${plan.round}` : ''}`,
    async () => {
      const result = await api.upload(plan.input.path, signal, plan.input)
      log.info(
        `Uploaded ${formatBytes(result.bytes ?? 0)} (${plan.input.requests} requests) as ${result.id}`
      )
      return result
    }
  )
  if (signal.aborted) throw signal.reason
  const mark: StepMark = { key, fileSha256: plan.input.sha256, inputFileId: uploaded.id }
  env.findings.creating = key
  state.saveCreateKey(key, plan.input.sha256, Math.floor(ctx.now() / 1000))
  try {
    const created = await createExactlyOnce(
      api,
      {
        inputFileId: uploaded.id,
        endpoint: env.inputs.endpoint,
        completionWindow: env.inputs.completionWindow,
        metadata
      },
      {
        mark,
        maxAttempts: env.inputs.maxAttempts,
        settleWindowMs: settleWindowMs(env.inputs.requestTimeoutMs),
        log: ctx.log,
        signal,
        now: ctx.now
      }
    )
    state.saveJobBatch(created.batch.id)
    if (created.ambiguous) ctx.sweeps.push({ mark, since: created.since, keep: created.batch.id })
    log.info(
      `${created.adopted ? 'Adopted' : 'Created'} batch ${label(created.batch.id)} (idempotency key ${key})`
    )
    return created.batch
  } catch (error) {
    if (error instanceof UnsettledCreate) {
      throw new StepFailure(
        `Could not tell whether the batch of${where || ' the job'} was created: the create failed (${describeApiError(error.createError, env.inputs)}) ` +
          `and listing batches failed too (${describeApiError(error.listError, env.inputs)}). ` +
          `A batch may be running: look for metadata ${MetadataKeys.IdempotencyKey}=${error.key} with command: list and cancel it with command: cancel if it should not run. ` +
          `A re-run of the step takes up the batches that exist and creates only the missing ones.`
      )
    }
    throw error
  } finally {
    if (!signal.aborted) env.findings.creating = undefined
  }
}
