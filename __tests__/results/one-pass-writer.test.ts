// The one pass's writer driven directly, through the WriteSpec the pass gives it: when it looks at
// the signal and the pass's state, and that it lets the event loop run while it writes. The pass
// (one-pass.test.ts, one-pass.edges.test.ts) cannot show these: its state and progress are its own.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HeldLineStore } from '../../src/results/held-lines.js'
import { ResultFileIndexer } from '../../src/results/indexing.js'
import { writeResults, type WriteSpec } from '../../src/results/one-pass-writer.js'
import { ResultIndex, SOURCE_OUTPUT } from '../../src/results/output-index.js'
import { BATCH_LINES } from '../../src/results/reader.js'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'one-pass-writer-test-'))
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const id = (i: number): string => `r${i}`

/** An input of `count` requests, and their results indexed and held in memory, as the pass holds them. */
async function prepared(count: number): Promise<Pick<WriteSpec, 'index' | 'held' | 'inputPath'>> {
  const inputPath = join(dir, 'input.jsonl')
  await writeFile(
    inputPath,
    Array.from({ length: count }, (_, i) => `{"custom_id":"${id(i)}"}\n`).join('')
  )
  const index = new ResultIndex()
  const held = new HeldLineStore(64 << 20)
  const indexer = new ResultFileIndexer(index, SOURCE_OUTPUT, 'output file', [])
  let offset = 0
  for (let i = 0; i < count; i++) {
    const bytes = Buffer.from(
      JSON.stringify({ custom_id: id(i), response: { status_code: 200, body: {} } })
    )
    const slot = indexer.line(bytes, offset, i + 1)
    held.hold(slot, bytes)
    offset += bytes.length + 1
  }
  return { index, held, inputPath }
}

type State = ReturnType<WriteSpec['state']>

/** A spec over `prepared`, its state and progress given by the test; counts the state's reads. */
function specOf(
  base: Pick<WriteSpec, 'index' | 'held' | 'inputPath'>,
  state: (reads: number) => State,
  options: { signal?: AbortSignal; progress?: () => Promise<void> } = {}
): WriteSpec & { reads: () => number } {
  let reads = 0
  return {
    ...base,
    fds: [undefined, undefined],
    destPath: join(dir, 'results.jsonl'),
    secrets: [],
    signal: options.signal,
    inputWarnings: [],
    state: () => state(++reads),
    progress: options.progress ?? (() => new Promise<void>((resolve) => setImmediate(resolve))),
    reads: () => reads
  }
}

const reason = new Error('the step was cancelled')

async function leftInDir(): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name !== 'input.jsonl').sort()
}

describe('writeResults', () => {
  it('writes every request of the input when the downloads are complete', async () => {
    const spec = specOf(await prepared(1500), () => 'complete')
    const result = await writeResults(spec)
    expect([result.total, result.ok, result.missing]).toEqual([1500, 1500, 0])
    expect(await leftInDir()).toEqual(['results.jsonl'])
  })

  it('lets timers and signals run while it writes: an abort from the event loop stops it within a few batches', async () => {
    // 20,000 requests held: with no turn of the event loop the writer would read them all (its reads
    // of held lines are synchronous, and its output of short lines is flushed only at 1 MiB).
    const controller = new AbortController()
    let scheduled = false
    const spec = specOf(
      await prepared(20_000),
      () => {
        if (!scheduled) {
          scheduled = true
          setImmediate(() => controller.abort(reason))
        }
        return 'complete'
      },
      { signal: controller.signal }
    )
    await expect(writeResults(spec)).rejects.toBe(reason)
    // Two reads of the state per request (the check, then the loop's test): the abort was seen
    // within the four batches written between two turns of the event loop, not at the end.
    expect(spec.reads() / 2).toBeLessThanOrEqual(4 * BATCH_LINES + 2)
    expect(await leftInDir()).toEqual([])
  })

  it('stops at the next request once aborted, without reading the rest of the input', async () => {
    const controller = new AbortController()
    const spec = specOf(
      await prepared(3000),
      (reads) => {
        if (reads === 100) controller.abort(reason)
        return 'complete'
      },
      { signal: controller.signal }
    )
    await expect(writeResults(spec)).rejects.toBe(reason)
    // The read that aborted, and none after: the next request's check sees the signal first.
    expect(spec.reads()).toBe(100)
    expect(await leftInDir()).toEqual([])
  })

  it('stops when an abort comes while it waits for a request still to come', async () => {
    const base = await prepared(10)
    // Request 5's line has not arrived: the writer waits for progress there.
    base.held.release(base.index.slotOf(id(5)))
    const controller = new AbortController()
    let waits = 0
    let stopped = false
    const spec = specOf(base, () => (stopped ? 'stop' : 'downloading'), {
      signal: controller.signal,
      progress: async () => {
        waits++
        if (waits === 1) controller.abort(reason)
        // A writer that did not look at the signal would wait again; the pass then stops it.
        else stopped = true
        await new Promise((resolve) => setImmediate(resolve))
      }
    })
    await expect(writeResults(spec)).rejects.toBe(reason)
    expect(waits).toBe(1)
    expect(await leftInDir()).toEqual([])
  })

  it('leaves no results.jsonl when the abort comes as the downloads complete, while the last lines are written', async () => {
    const controller = new AbortController()
    const base = await prepared(40)
    // Ordered by custom_id (no input): the writer waits for the end, then writes everything at once.
    const spec = specOf(
      { ...base, inputPath: undefined },
      (reads) => {
        // The second read is the one that finds the downloads complete.
        if (reads === 2) controller.abort(reason)
        return 'complete'
      },
      { signal: controller.signal }
    )
    await expect(writeResults(spec)).rejects.toBe(reason)
    expect(spec.reads()).toBe(2)
    expect(await leftInDir()).toEqual([])
  })
})
