// The join on result lines that reach its less travelled paths: bodies the layout walk leaves to the
// general search (repeated keys, invalid UTF-8, spaces around many-byte text), blank and malformed
// lines between held ones, long reasons, and the files it opens.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { fstatSync, openSync, readdirSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { closeFiles, openResultFiles } from '../../src/results/join.js'
import { OutputPass } from '../../src/results/one-pass.js'
import { SOURCE_OUTPUT } from '../../src/results/output-index.js'
import type { JoinOptions, JoinResult } from '../../src/results/types.js'
import { feed, JOINS } from './one-pass-join.js'
import { openFds } from '../../__fixtures__/fds.js'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'join-edges-test-'))
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const inputOf = (ids: string[]): string =>
  ids
    .map((id) => JSON.stringify({ custom_id: id, method: 'POST', url: '/v1/x', body: {} }))
    .join('\n') + '\n'

/** Writes the files and joins them; the lines of results.jsonl as text, and the result. */
async function joined(
  run: (options: JoinOptions) => Promise<JoinResult>,
  ids: string[],
  output: Buffer | string,
  errors?: string
): Promise<{ lines: string[]; bytes: Buffer; result: JoinResult }> {
  const options: JoinOptions = {
    inputPath: join(dir, 'input.jsonl'),
    outputPath: join(dir, 'output.jsonl'),
    destPath: join(dir, 'results.jsonl')
  }
  await writeFile(options.inputPath!, inputOf(ids))
  await writeFile(options.outputPath!, output)
  if (errors !== undefined) {
    options.errorPath = join(dir, 'errors.jsonl')
    await writeFile(options.errorPath, errors)
  }
  const result = await run(options)
  const bytes = await readFile(options.destPath)
  return { lines: bytes.toString('utf8').split('\n').slice(0, -1), bytes, result }
}

/** The line results.jsonl holds for a success: JSON.stringify of what JSON.parse read. */
const okText = (id: string, resultLine: string): string =>
  JSON.stringify({
    custom_id: id,
    status: 'ok',
    response: (JSON.parse(resultLine) as { response: { body: unknown } }).response.body
  })

describe.each(JOINS)('joinResults %s', (_name, run) => {
  it('writes each body as JSON.parse reads it, where copying its bytes would not', async () => {
    const lines = [
      // Repeated keys: JSON.parse keeps the last.
      '{"custom_id":"dup","response":{"status_code":200,"body":{"a":1,"b":{"c":2},"a":3}}}',
      // Spaces around many-byte text: found by the general search, at its byte offset.
      '{"custom_id": "é", "response": {"status_code": 200, "body": {"t":"ü 表 😀","n":[1,2]}}}',
      '{"custom_id": "x", "note": "ü表", "response": {"body": {"t":"ü"}}}',
      // Many-byte text the general search cannot find as JSON.stringify writes it.
      '{"custom_id": "esc", "response": {"body": {"t":"\\u00fc"}}}'
    ]
    const { lines: out } = await joined(run, ['dup', 'é', 'x', 'esc'], lines.join('\n') + '\n')
    expect(out).toEqual([
      okText('dup', lines[0]!),
      okText('é', lines[1]!),
      okText('x', lines[2]!),
      okText('esc', lines[3]!)
    ])
    expect(out[0]).toBe('{"custom_id":"dup","status":"ok","response":{"a":3,"b":{"c":2}}}')
  })

  it('writes a body with invalid UTF-8 as its decoded text, never the bytes as they were', async () => {
    const bad = Buffer.from([0xc3, 0x28, 0xff])
    const line = (id: string, spaced: boolean): Buffer =>
      Buffer.concat([
        Buffer.from(
          spaced
            ? `{"custom_id": "${id}", "response": {"body": {"t":"a`
            : `{"custom_id":"${id}","response":{"status_code":200,"body":{"t":"a`
        ),
        bad,
        // Members after the response: a range counted in decoded characters would still fit.
        Buffer.from('b"}},"error":null,"note":"some more text after the body"}\n')
      ])
    const output = Buffer.concat([line('canonical', false), line('spaced', true)])
    const { bytes } = await joined(run, ['canonical', 'spaced'], output)
    // Compared as bytes: decoding the file would turn copied invalid bytes into U+FFFD too.
    const expected = ['canonical', 'spaced'].map(
      (id) =>
        JSON.stringify({ custom_id: id, status: 'ok', response: { t: 'a\ufffd(\ufffdb' } }) + '\n'
    )
    expect(bytes.equals(Buffer.from(expected.join('')))).toBe(true)
  })

  it('keeps the lines held before blank and malformed lines of the output', async () => {
    // "last" comes at the end of the output, so every other request waits, held, until then.
    const y = '{"custom_id":"y","response":{"status_code":200,"body":{"v":"y"}}}'
    const x = '{"custom_id":"x","response":{"status_code":200,"body":{"v":"x"}}}'
    const last = '{"custom_id":"last","response":{"status_code":200,"body":{"v":"last"}}}'
    const output = [y, x, '', '   ', 'not json', '{"custom_id":5}', last].join('\n') + '\n'
    const { lines, result } = await joined(run, ['last', 'x', 'y'], output)
    expect(lines).toEqual([okText('last', last), okText('x', x), okText('y', y)])
    expect(result.malformed).toBe(2)
  })

  it('counts the malformed lines of the error file with those of the output', async () => {
    const output = 'not json\n{"custom_id":"a","response":{"status_code":200,"body":{}}}\n'
    const errors = '{"custom_id":"b","error":{"message":"failed"}}\n{broken\n[]\n'
    const { result } = await joined(run, ['a', 'b'], output, errors)
    expect(result.malformed).toBe(3)
    expect(result.warnings.filter((warning) => warning.startsWith('error file line'))).toHaveLength(
      2
    )
  })

  it('writes a line of the error file as a failure, even with a 200 response', async () => {
    const errors =
      '{"custom_id":"a","response":{"status_code":200,"request_id":"r","body":{}},"error":null}\n'
    const { lines, result } = await joined(run, ['a'], '', errors)
    expect(JSON.parse(lines[0]!)).toMatchObject({ custom_id: 'a', status: 'error' })
    expect(result).toMatchObject({ ok: 0, error: 1 })
  })

  it('cuts the reason for a skipped line to 300 characters', async () => {
    // Every field of the wrong type: zod's issues joined make a long reason.
    const bad = JSON.stringify({
      custom_id: 1,
      id: 2,
      response: { status_code: 'x', request_id: 3, body: null },
      error: 'e'
    })
    const output = `${bad}\n{"custom_id":"a","response":{"status_code":200,"body":{}}}\n`
    const { result } = await joined(run, ['a'], output)
    const warning = result.warnings.find((text) => text.startsWith('output file line 1 skipped: '))
    expect(warning).toBeDefined()
    const reason = warning!.slice('output file line 1 skipped: '.length)
    expect(reason).toHaveLength(300)
  })

  it('leaves no file open', async () => {
    const output = '{"custom_id":"a","response":{"status_code":200,"body":{}}}\n'
    const errors = '{"custom_id":"b","error":{"message":"failed"}}\n'
    const before = openFds()
    await joined(run, ['a', 'b'], output, errors)
    expect(openFds()).toBe(before)
  })
})

describe('the result files', () => {
  it('are closed by closeFiles, which passes over places without a file and files already closed', async () => {
    await writeFile(join(dir, 'a'), 'a')
    const a = openSync(join(dir, 'a'), 'r')
    const b = openSync(join(dir, 'a'), 'r')
    closeFiles([a, undefined, b])
    for (const fd of [a, b]) expect(() => fstatSync(fd)).toThrow(/EBADF/)
    expect(() => closeFiles([a, b])).not.toThrow()
  })

  it('are both closed again when the second cannot be opened', async () => {
    await writeFile(join(dir, 'output.jsonl'), '')
    const before = openFds()
    expect(() =>
      openResultFiles({ outputPath: join(dir, 'output.jsonl'), errorPath: join(dir, 'none.jsonl') })
    ).toThrow(/ENOENT/)
    expect(openFds()).toBe(before)
  })

  it('make the one pass fail at its end when one of them is gone', async () => {
    const output = '{"custom_id":"a","response":{"status_code":200,"body":{}}}\n'
    await writeFile(join(dir, 'output.jsonl'), output)
    await writeFile(join(dir, 'input.jsonl'), inputOf(['a']))
    // Counted before the pass opens its temporary file, which abandon() closes and removes.
    const before = openFds()
    const pass = new OutputPass({
      inputPath: join(dir, 'input.jsonl'),
      destPath: join(dir, 'results.jsonl')
    })
    await feed(pass, SOURCE_OUTPUT, join(dir, 'output.jsonl'))
    await expect(
      pass.finish({ outputPath: join(dir, 'output.jsonl'), errorPath: join(dir, 'none.jsonl') })
    ).rejects.toThrow(/ENOENT/)
    await pass.abandon()
    expect(openFds()).toBe(before)
    expect(readdirSync(dir).sort()).toEqual(['input.jsonl', 'output.jsonl'])
  })
})
