// The batches of earlier runs a run cancelled as superseded, as the job summary lists them.

/** A batch of an earlier run, cancelled because this run replaces it. */
export interface SupersededBatch {
  id: string
  runId: string
  pullRequest?: number
  ref?: string
}

/** "batch_x of run 41, on pull request #7": what was cancelled, and why it was this run's to cancel. */
export function supersededOf(list: SupersededBatch[] | undefined): {
  superseded?: { heading: string; lines: string[] }
} {
  if (!list || list.length === 0) return {}
  const lines = list.map((item) => {
    const where =
      item.pullRequest !== undefined
        ? `pull request #${item.pullRequest}`
        : (item.ref ?? 'this ref')
    return `${item.id} of run ${item.runId}, on ${where}`
  })
  const heading = `Cancelled ${list.length === 1 ? 'a batch' : `${list.length} batches`} of earlier runs (superseded by this run)`
  return { superseded: { heading, lines } }
}
