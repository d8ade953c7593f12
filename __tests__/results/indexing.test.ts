// What the indexer keeps of each result line: where its body's bytes are, so that the join copies
// them (README, Performance: the body is found from the line's layout, else by a general search)
// or REPARSE when copying them would not give what JSON.stringify writes.
import { describe, expect, it } from '@jest/globals'
import { ResultFileIndexer } from '../../src/results/indexing.js'
import { REPARSE, ResultIndex, SOURCE_OUTPUT } from '../../src/results/output-index.js'
import { MAX_LINE_WARNINGS } from '../../src/results/warnings.js'

/** Indexes one line; the body's bytes as the index places them, or 'reparse'. */
function bodyOf(line: string | Buffer): string {
  const bytes = Buffer.isBuffer(line) ? line : Buffer.from(line)
  const index = new ResultIndex()
  const slot = new ResultFileIndexer(index, SOURCE_OUTPUT, 'output file', []).line(bytes, 0, 1)
  expect(slot).toBe(0)
  const length = index.bodyLengths[slot] as number
  if (length === REPARSE) return 'reparse'
  const start = index.bodyStarts[slot] as number
  return bytes.toString('utf8', start, start + length)
}

describe('ResultFileIndexer', () => {
  it('places the body of a line written the canonical way, from its layout', () => {
    expect(bodyOf('{"custom_id":"a","response":{"status_code":200,"body":{"x":[1,"é"]}}}')).toBe(
      '{"x":[1,"é"]}'
    )
    // The same bytes earlier in the line are not the body: the layout says where the body is.
    for (const line of [
      '{"custom_id":"a","note":{},"response":{"body":{}},"error":null}',
      '{"custom_id":"a","note":{"x":"é"},"response":{"body":{"x":"é"}}}'
    ]) {
      const bytes = Buffer.from(line)
      const index = new ResultIndex()
      new ResultFileIndexer(index, SOURCE_OUTPUT, 'output file', []).line(bytes, 0, 1)
      expect([line, index.bodyStarts[0]]).toEqual([line, bytes.indexOf('"body":') + 7])
    }
  })

  it('places it by the general search when the layout has spaces, many-byte text included', () => {
    for (const line of [
      '{"custom_id": "a", "response": {"status_code": 200, "body": {"t":"x"}}}',
      '{"custom_id": "é", "response": {"body": {"t":"ü 表 😀"}}}',
      '{"custom_id": "a", "note": "ü", "response": {"body": [1,2]}, "error": null}'
    ]) {
      const parsed = JSON.parse(line) as { response: { body: unknown } }
      expect([line, bodyOf(line)]).toEqual([line, JSON.stringify(parsed.response.body)])
    }
  })

  it('leaves to a parse the lines whose bytes are not what JSON.stringify writes', () => {
    const lines: (string | Buffer)[] = [
      '{"custom_id": "a", "response": {"body": {"t": 1}}}',
      '{"custom_id":"a","response":{"body":{"a":1,"a":2}}}',
      '{"custom_id":"a","response":{"body":{"t":"\\u00e9"}}}',
      '{"custom_id": "a", "response": {"body": {"n":1.0}}}',
      Buffer.concat([
        Buffer.from('{"custom_id": "a", "response": {"body": {"t":"'),
        Buffer.from([0xc3, 0x28]),
        Buffer.from('"}}, "error": null, "note": "long enough to hold a wrong range"}')
      ]),
      Buffer.concat([
        Buffer.from('{"custom_id":"a","response":{"body":{"t":"'),
        Buffer.from([0xff]),
        Buffer.from('"}},"error":null}')
      ])
    ]
    for (const line of lines)
      expect([String(line), bodyOf(line)]).toEqual([String(line), 'reparse'])
  })

  it(`names the first ${MAX_LINE_WARNINGS} malformed lines, and counts the rest only when there are more`, () => {
    for (const bad of [MAX_LINE_WARNINGS, MAX_LINE_WARNINGS + 2]) {
      const warnings: string[] = []
      const indexer = new ResultFileIndexer(
        new ResultIndex(),
        SOURCE_OUTPUT,
        'output file',
        warnings
      )
      for (let i = 0; i < bad; i++) expect(indexer.line(Buffer.from('not json'), 0, i + 1)).toBe(-1)
      expect(indexer.line(Buffer.from('  '), 0, bad + 1)).toBe(-1)
      expect(indexer.end()).toEqual({ malformed: bad })
      expect(warnings.filter((warning) => warning.includes('skipped:'))).toHaveLength(
        MAX_LINE_WARNINGS
      )
      expect(warnings.filter((warning) => warning.includes('more malformed'))).toEqual(
        bad > MAX_LINE_WARNINGS
          ? [`output file: ${bad - MAX_LINE_WARNINGS} more malformed lines skipped (${bad} in all)`]
          : []
      )
    }
  })
})
