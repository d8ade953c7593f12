import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inputCustomIds, quickCustomId } from '../../src/results/input-ids.js'
import { MAX_LINE_WARNINGS } from '../../src/results/warnings.js'

const quick = (line: string): string | undefined => quickCustomId(Buffer.from(line))

describe('quickCustomId', () => {
  it('reads the id of a line that starts with it, spaces allowed', () => {
    expect(quick('{"custom_id":"req-1","method":"POST"}')).toBe('req-1')
    expect(quick(' \t{ \r"custom_id" :\t "req-2" , "body":{}} \t')).toBe('req-2')
    expect(quick('{"custom_id":"only"}')).toBe('only')
    expect(quick('{"custom_id":"é 表😀"}')).toBe('é 表😀')
    expect(quick('{"custom_id":""}')).toBe('')
  })

  it('leaves every other line to the full parse', () => {
    const lines = [
      '', // nothing
      '[{"custom_id":"a"}]', // not an object
      '{"method":"POST","custom_id":"a"}', // the id is not first
      '{"custom_xd":"a"}', // another key of the same length
      '{"kustom_id":"a","custom_id":"b"}',
      '{"custom_id":1}', // not a string
      '{"custom_id""a"}', // no colon
      '{"custom_id":"a\\"b"}', // an escape
      '{"custom_id":"a\\u0062"}',
      '{"custom_id":"a\tb"}', // a control character, which JSON.parse refuses
      '{"custom_id":"a"x}', // not followed by a member or the end
      '{"custom_id":"a"} x',
      '{"custom_id":"a","custom_id":"b"}', // JSON.parse keeps the last
      '{"custom_id":"a', // unterminated
      '{"custom_i', // the key cut short
      '{"custom_id"'
    ]
    for (const line of lines) expect([line, quick(line)]).toEqual([line, undefined])
  })

  it('agrees with JSON.parse whenever it gives an id', () => {
    const pieces = ['{', '}', ' ', '\t', '"custom_id"', ':', '"id-1"', '"x"', ',', '\\', '1', '"']
    let seed = 11
    let agreed = 0
    for (let i = 0; i < 20_000; i++) {
      let line = '{"custom_id":'
      const length = i % 7
      for (let j = 0; j < length; j++) {
        seed = (seed * 48271) % 2147483647
        line += pieces[seed % pieces.length] as string
      }
      const id = quick(line)
      if (id === undefined) continue
      // The line is taken to be JSON, as a validated input is: it is not checked here.
      let parsed: { custom_id: unknown }
      try {
        parsed = JSON.parse(line) as { custom_id: unknown }
      } catch {
        continue
      }
      expect([line, id]).toEqual([line, parsed.custom_id])
      agreed++
    }
    expect(agreed).toBeGreaterThan(10)
  })
})

describe('inputCustomIds', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'input-ids-test-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  async function ids(text: string): Promise<{ ids: string[]; warnings: string[] }> {
    const path = join(dir, 'input.jsonl')
    await writeFile(path, text)
    const warnings: string[] = []
    const found: string[] = []
    for await (const id of inputCustomIds(path, warnings)) found.push(id)
    return { ids: found, warnings }
  }

  it('gives every id in order, read quickly or parsed, and skips blank lines', async () => {
    const result = await ids(
      [
        '{"custom_id":"a","body":{}}',
        '',
        '   ',
        '{"body":{},"custom_id":"b"}',
        '{"custom_id":"c\\u0064"}',
        '{"custom_id":"e"}',
        // Not JSON, but read by the quick path, which does not check past the id (see input-ids.ts).
        '{"custom_id":"q","body":{}'
      ].join('\n')
    )
    expect(result).toEqual({ ids: ['a', 'b', 'cd', 'e', 'q'], warnings: [] })
  })

  it(`warns about the first ${MAX_LINE_WARNINGS} unreadable lines by number, then counts the rest`, async () => {
    const bad = MAX_LINE_WARNINGS + 3
    const lines = ['{"custom_id":"first"}']
    for (let i = 0; i < bad; i++) lines.push(i % 2 === 0 ? 'not json' : '{"custom_id":7}')
    lines.push('{"custom_id":"last"}')
    const result = await ids(lines.join('\n') + '\n')
    expect(result.ids).toEqual(['first', 'last'])
    expect(result.warnings).toHaveLength(MAX_LINE_WARNINGS + 1)
    expect(result.warnings[0]).toMatch(/^input file line 2 skipped: \S/)
    expect(result.warnings[1]).toMatch(/^input file line 3 skipped: \S/)
    expect(result.warnings[MAX_LINE_WARNINGS]).toBe('input file: 3 more malformed lines skipped')
  })

  it('adds no count of the rest when exactly that many lines are unreadable', async () => {
    const lines = Array.from({ length: MAX_LINE_WARNINGS }, () => 'not json')
    const result = await ids(lines.join('\n'))
    expect(result.warnings).toHaveLength(MAX_LINE_WARNINGS)
    expect(result.warnings.some((warning) => warning.includes('more malformed'))).toBe(false)
  })
})
