// `status` with several batch ids (the batch-ids output of a job): retrieves them all, waits for them
// together when asked, and collects and joins their results into one results.jsonl.
import path from 'node:path'
import { Outputs } from '../action/names.js'
import { isTerminal, type BatchInfo } from '../batch/document.js'
import { collectJobResults, placeOf } from './job-results.js'
import { JobView, type BatchPlace } from './job-view.js'
import { waitForAny } from './job-wait.js'
import { checkResultsDir, insideWorkspace, setResultOutputs } from './collect.js'
import type { Ending } from './outcome.js'
import { requireApi, type StepEnv } from './step.js'

export async function statusOfJob(env: StepEnv, now: () => number = Date.now): Promise<Ending> {
  const { inputs, findings, state } = env
  const api = requireApi(env)
  await checkResultsDir(env)
  const ids = inputs.batchIds
  const batches = await Promise.all(ids.map((id) => api.retrieve(id, env.signal)))
  const view = new JobView(env.log, env.outputs)
  findings.job = view
  const places = new Map<string, BatchPlace>()
  batches.forEach((batch, index) => {
    const place = placeOf(batch, { part: index + 1, parts: ids.length })
    places.set(batch.id, place)
    view.track(place, batch)
  })
  findings.batch = view.asBatch()
  const deadline = now() + inputs.waitTimeoutMs
  if (inputs.wait) {
    // Waiting makes the step responsible for the batches: cancelled with the step.
    for (const entry of view.running()) state.saveJobBatch(entry.batch.id)
    for (;;) {
      const running = new Map(
        view.running().map((entry) => [entry.batch.id, places.get(entry.batch.id) as BatchPlace])
      )
      if (running.size === 0) break
      const waited = await env.log.group(`Wait for batches ${[...running.keys()].join(', ')}`, () =>
        waitForAny(env, view, running, deadline, now)
      )
      findings.batch = view.asBatch()
      if (waited.timedOut) {
        if (inputs.onTimeout === 'cancel')
          await Promise.all(
            view
              .running()
              .map(async (entry) => view.track(entry, await api.cancel(entry.batch.id, env.signal)))
          )
        state.markSettled()
        findings.batch = view.asBatch()
        return {
          kind: 'timed out',
          batch: findings.batch as BatchInfo,
          then: inputs.onTimeout,
          batchIds: view.ids()
        }
      }
    }
  }
  state.markSettled()
  const batch = view.asBatch() as BatchInfo
  findings.batch = batch
  if (view.running().length > 0) return { kind: 'not waiting', batch, batchIds: view.ids() }
  if (!inputs.download) return { kind: 'ended', batch }
  const first = view.first()?.batch.id as string
  const dir = await insideWorkspace(env, path.join(inputs.resultsDir, first), 'results-dir')
  const inputPath = inputs.file ? await insideWorkspace(env, inputs.file, 'file') : undefined
  const collected = await env.log.group('Download results', () =>
    collectJobResults(
      env,
      { batches: view.list().filter((entry) => isTerminal(entry.batch.status)) },
      dir,
      inputPath
    )
  )
  const firstFiles = collected.files.get(first)
  findings.files = {
    output: firstFiles?.output,
    error: firstFiles?.error,
    results: collected.joined.path
  }
  env.outputs.set(Outputs.OutputPath, firstFiles?.output ?? '')
  env.outputs.set(Outputs.ErrorPath, firstFiles?.error ?? '')
  findings.results = collected.joined
  setResultOutputs(env, collected.joined)
  env.outputs.set(Outputs.Total, collected.joined.total)
  env.outputs.set(Outputs.Completed, collected.joined.ok)
  env.outputs.set(Outputs.Failed, collected.joined.error + collected.joined.missing)
  return { kind: 'ended', batch, results: collected.joined }
}
