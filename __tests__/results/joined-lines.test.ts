import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { closeSync, openSync } from 'node:fs'
import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeBuffered } from '../../src/jsonl/output-buffer.js'
import { ResultFileIndexer } from '../../src/results/indexing.js'
import { JoinedLines } from '../../src/results/joined-lines.js'
import { ResultIndex, SOURCE_ERROR, SOURCE_OUTPUT } from '../../src/results/output-index.js'
import { BATCH_BYTES, BATCH_LINES } from '../../src/results/reader.js'
import { emptyJoinResult, MAX_SAMPLES, type JoinResult } from '../../src/results/types.js'

let dir: string
let fds: (number | undefined)[]

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'joined-lines-test-'))
  fds = [undefined, undefined]
})

afterEach(async () => {
  for (const fd of fds) if (fd !== undefined) closeSync(fd)
  await rm(dir, { recursive: true, force: true })
})

/** Writes `lines` as the result file of `source`, indexes it, and opens it for the reads. */
async function indexed(index: ResultIndex, source: number, lines: string[]): Promise<string> {
  const path = join(dir, source === SOURCE_OUTPUT ? 'output.jsonl' : 'errors.jsonl')
  await writeFile(path, lines.join('\n') + '\n')
  const indexer = new ResultFileIndexer(index, source, 'file', [])
  let offset = 0
  for (const [i, line] of lines.entries()) {
    indexer.line(Buffer.from(line), offset, i + 1)
    offset += Buffer.byteLength(line) + 1
  }
  fds[source] = openSync(path, 'r')
  return path
}

/** Joins `ids` in batches as join.ts does; the text written and the counts. */
async function joined(
  index: ResultIndex,
  ids: string[]
): Promise<{ text: string; result: JoinResult; writes: number }> {
  const path = join(dir, 'results.jsonl')
  const result = emptyJoinResult(path)
  const lines = new JoinedLines(index, fds, result)
  let writes = 0
  const file = await open(path, 'w')
  try {
    await writeBuffered(file, async (out) => {
      for (const id of ids) {
        if (!lines.add(id)) continue
        writes++
        await lines.write(out)
      }
      if (lines.pending > 0) await lines.write(out)
    })
  } finally {
    await file.close()
  }
  return { text: await readFile(path, 'utf8'), result, writes }
}

const ok = (id: string, body: unknown): string =>
  JSON.stringify({ id: `b-${id}`, custom_id: id, response: { status_code: 200, body } })

describe('JoinedLines', () => {
  it('writes ok, error and missing lines and counts each', async () => {
    const index = new ResultIndex()
    await indexed(index, SOURCE_OUTPUT, [
      ok('a', { choices: [{ message: { content: 'hi' } }], usage: { total_tokens: 5 } }),
      // Spaces: parsed again to be written, not copied.
      `{"custom_id": "b", "response": {"status_code": 200, "body": {"n": 1}}}`,
      JSON.stringify({
        custom_id: 'c',
        response: { status_code: 500, body: { error: { message: 'boom', code: 'x' } } }
      })
    ])
    await indexed(index, SOURCE_ERROR, [
      JSON.stringify({ custom_id: 'd', error: { code: 'e1', message: 'failed' } })
    ])
    const { text, result } = await joined(index, ['d', 'a', 'z', 'b', 'c'])
    expect(
      text
        .split('\n')
        .slice(0, -1)
        .map((line) => JSON.parse(line) as unknown)
    ).toEqual([
      { custom_id: 'd', status: 'error', error: { code: 'e1', message: 'failed' } },
      {
        custom_id: 'a',
        status: 'ok',
        response: { choices: [{ message: { content: 'hi' } }], usage: { total_tokens: 5 } }
      },
      { custom_id: 'z', status: 'missing' },
      { custom_id: 'b', status: 'ok', response: { n: 1 } },
      { custom_id: 'c', status: 'error', error: expect.objectContaining({ message: 'boom' }) }
    ])
    expect(result).toMatchObject({ total: 5, ok: 2, error: 2, missing: 1 })
    expect(result.usage.total).toBe(5)
    expect(result.samples.map((sample) => sample.custom_id)).toEqual(['a', 'b'])
    expect(result.failures.map((failure) => failure.custom_id)).toEqual(['d', 'c'])
    expect(result.failureCodes.length).toBeGreaterThan(0)
    // Each used entry is marked, for the warning about results not in the input.
    expect(Array.from(index.used.subarray(0, index.size))).toEqual([1, 1, 1, 1])
  })

  it('keeps the first MAX_SAMPLES successes as samples, copied or parsed again', async () => {
    const index = new ResultIndex()
    const lines = Array.from({ length: MAX_SAMPLES + 2 }, (_, i) =>
      i % 2 === 0
        ? ok(`r${i}`, { choices: [{ message: { content: `reply ${i}` } }] })
        : `{"custom_id": "r${i}", "response": {"body": {"choices": [{"message": {"content": "reply ${i}"}}]}}}`
    )
    await indexed(index, SOURCE_OUTPUT, lines)
    const { result } = await joined(
      index,
      lines.map((_, i) => `r${i}`)
    )
    expect(result.samples).toEqual(
      Array.from({ length: MAX_SAMPLES }, (_, i) => ({ custom_id: `r${i}`, text: `reply ${i}` }))
    )
  })

  it(`writes a batch once it holds ${BATCH_LINES} requests or ${BATCH_BYTES >> 20} MiB of result lines`, async () => {
    const index = new ResultIndex()
    const count = BATCH_LINES * 2 + 1
    await indexed(
      index,
      SOURCE_OUTPUT,
      Array.from({ length: count }, (_, i) => ok(`r${i}`, { n: i }))
    )
    const ids = Array.from({ length: count }, (_, i) => `r${i}`)
    const byCount = await joined(index, ids)
    // Full batches are written as they fill; the last part by the caller.
    expect(byCount.writes).toBe(2)
    expect(byCount.result.ok).toBe(count)

    const big = new ResultIndex()
    const pad = 'x'.repeat(BATCH_BYTES / 4)
    await indexed(
      big,
      SOURCE_OUTPUT,
      Array.from({ length: 9 }, (_, i) => ok(`b${i}`, { pad }))
    )
    const byBytes = await joined(
      big,
      Array.from({ length: 9 }, (_, i) => `b${i}`)
    )
    // A little over BATCH_BYTES / 4 a line: the fourth fills a batch.
    expect(byBytes.writes).toBe(2)
    expect(byBytes.text.split('\n')).toHaveLength(10)
    // Missing requests add no bytes.
    const missing = await joined(
      big,
      Array.from({ length: 9 }, (_, i) => `none-${i}`)
    )
    expect(missing.writes).toBe(0)
  })

  const failed = JSON.stringify({ custom_id: 'a', error: { message: 'failed for a long reason' } })
  const failedInOutput = JSON.stringify({
    custom_id: 'a',
    response: { status_code: 500, body: { error: { message: 'failed for a long reason' } } }
  })
  it.each([
    ['another custom_id', SOURCE_ERROR, failed, JSON.stringify({ custom_id: 'b', error: {} })],
    ['not an object', SOURCE_ERROR, failed, JSON.stringify(['a', { error: {} }])],
    [
      'a success now',
      SOURCE_OUTPUT,
      failedInOutput,
      JSON.stringify({ custom_id: 'a', response: { status_code: 200, body: {} } })
    ]
  ])(
    'says a result file changed when a line read back is not the one indexed: %s',
    async (_name, source, original, changed) => {
      const index = new ResultIndex()
      const path = await indexed(index, source, [original])
      expect(changed.length).toBeLessThanOrEqual(original.length)
      // Rewritten in place after the index was built: the same place, other bytes.
      await writeFile(path, changed.padEnd(original.length) + '\n')
      await expect(joined(index, ['a'])).rejects.toThrow(
        'a result file changed while it was being joined'
      )
    }
  )
})
