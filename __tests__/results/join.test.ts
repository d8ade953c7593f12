import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { cases } from '../../__fixtures__/mutation-run.js'
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { JOINS } from './one-pass-join.js'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'join-test-'))
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

// -------------------------------------------------------------------------------------------------
// joinResults
// -------------------------------------------------------------------------------------------------

type Json = Record<string, unknown>

const jsonl = (lines: unknown[], eol = '\n'): string =>
  lines.map((line) => JSON.stringify(line)).join(eol) + eol

const inputLine = (id: string, url = '/v1/chat/completions'): Json => ({
  custom_id: id,
  method: 'POST',
  url,
  body: { model: 'm', messages: [{ role: 'user', content: `hello ${id}` }] }
})

const chatBody = (id: string, prompt: number, completion: number): Json => ({
  id: `chatcmpl-${id}`,
  object: 'chat.completion',
  choices: [
    { index: 0, message: { role: 'assistant', content: `answer ${id}` }, finish_reason: 'stop' }
  ],
  usage: { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion }
})

const okLine = (id: string, body: unknown): Json => ({
  id: `batch_req_${id}`,
  custom_id: id,
  response: { status_code: 200, request_id: `req_${id}`, body },
  error: null
})

async function readJsonl(path: string): Promise<Json[]> {
  const text = await readFile(path, 'utf8')
  expect(text.endsWith('\n')).toBe(true)
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Json)
}

describe.each(JOINS)('joinResults %s', (_name, joinResults) => {
  it('joins output and error files in input order', async () => {
    const input = join(dir, 'input.jsonl')
    const output = join(dir, 'output.jsonl')
    const errors = join(dir, 'errors.jsonl')
    const dest = join(dir, 'results.jsonl')
    // Input order differs from the ids' sorted order and from the order of the output and error
    // files (c, e, a, g, then d, b): only a join in input order gives the lines below.
    await writeFile(input, jsonl(['f', 'd', 'a', 'g', 'b', 'e', 'c'].map((id) => inputLine(id))))
    await writeFile(
      output,
      jsonl([
        okLine('c', chatBody('c', 10, 5)),
        // A non-2xx response in the output file is a failure.
        {
          id: 'batch_req_e',
          custom_id: 'e',
          response: {
            status_code: 400,
            request_id: 'req_e',
            body: {
              error: {
                message: 'Invalid <model> & stuff',
                type: 'invalid_request_error',
                code: null
              }
            }
          },
          error: null
        },
        okLine('a', chatBody('a', 7, 3)),
        // An output line with a non-null error is a failure too.
        {
          id: 'batch_req_g',
          custom_id: 'g',
          response: null,
          error: { code: 'server_error', message: 'boom' }
        }
      ])
    )
    await writeFile(
      errors,
      jsonl([
        // Shape 1: error object, response null.
        {
          id: 'batch_req_d',
          custom_id: 'd',
          response: null,
          error: { code: 'batch_expired', message: 'expired' }
        },
        // Shape 2: response with a 5xx status and an error body.
        {
          id: 'batch_req_b',
          custom_id: 'b',
          response: {
            status_code: 500,
            request_id: 'req_b',
            body: { error: { message: 'internal', code: 'server_error' } }
          },
          error: null
        }
      ])
    )

    const result = await joinResults({
      inputPath: input,
      outputPath: output,
      errorPath: errors,
      destPath: dest
    })
    expect(result).toEqual({
      path: dest,
      total: 7,
      ok: 2,
      error: 4,
      missing: 1,
      usage: { prompt: 17, completion: 8, total: 25 },
      failures: [
        { custom_id: 'd', code: 'batch_expired', message: 'expired' },
        { custom_id: 'g', code: 'server_error', message: 'boom' },
        { custom_id: 'b', code: 'server_error', message: 'internal', status_code: 500 },
        {
          custom_id: 'e',
          code: 'invalid_request_error',
          message: 'Invalid <model> & stuff',
          status_code: 400
        }
      ],
      // Counted over every failure, most first, with the first failure of each code.
      failureCodes: [
        {
          code: 'server_error',
          count: 2,
          example: { custom_id: 'g', code: 'server_error', message: 'boom' }
        },
        {
          code: 'batch_expired',
          count: 1,
          example: { custom_id: 'd', code: 'batch_expired', message: 'expired' }
        },
        {
          code: 'invalid_request_error',
          count: 1,
          example: {
            custom_id: 'e',
            code: 'invalid_request_error',
            message: 'Invalid <model> & stuff',
            status_code: 400
          }
        }
      ],
      samples: [
        { custom_id: 'a', text: 'answer a' },
        { custom_id: 'c', text: 'answer c' }
      ],
      malformed: 0,
      warnings: []
    })
    expect(await readJsonl(dest)).toEqual([
      { custom_id: 'f', status: 'missing' },
      { custom_id: 'd', status: 'error', error: { code: 'batch_expired', message: 'expired' } },
      { custom_id: 'a', status: 'ok', response: chatBody('a', 7, 3) },
      { custom_id: 'g', status: 'error', error: { code: 'server_error', message: 'boom' } },
      {
        custom_id: 'b',
        status: 'error',
        error: { code: 'server_error', message: 'internal', status_code: 500 }
      },
      {
        custom_id: 'e',
        status: 'error',
        error: {
          code: 'invalid_request_error',
          message: 'Invalid <model> & stuff',
          status_code: 400
        }
      },
      { custom_id: 'c', status: 'ok', response: chatBody('c', 10, 5) }
    ])
    expect((await readdir(dir)).filter((name) => name.includes('.part'))).toEqual([])
  })

  it('sums usage of chat, embeddings and responses bodies, tolerating null and absent fields', async () => {
    const output = join(dir, 'output.jsonl')
    const dest = join(dir, 'results.jsonl')
    await writeFile(
      output,
      jsonl([
        okLine('chat', chatBody('chat', 100, 20)),
        okLine('emb', {
          object: 'list',
          data: [{ embedding: [0.1] }],
          usage: { prompt_tokens: 8, total_tokens: 8 }
        }),
        okLine('resp', {
          object: 'response',
          output: [],
          usage: {
            input_tokens: 30,
            output_tokens: 12,
            total_tokens: 42,
            output_tokens_details: { reasoning_tokens: 4 }
          }
        }),
        okLine('nototal', { usage: { prompt_tokens: 1, completion_tokens: 2 } }),
        okLine('nullusage', { usage: null }),
        okLine('weird', { usage: { prompt_tokens: 'many', total_tokens: 5 } }),
        okLine('nobody', null),
        { custom_id: 'bare', response: { body: { usage: { total_tokens: 1 } } } }
      ])
    )
    const result = await joinResults({ outputPath: output, destPath: dest })
    expect(result.usage).toEqual({ prompt: 139, completion: 34, total: 179 })
    expect(result.ok).toBe(8)
    const lines = await readJsonl(dest)
    expect(lines.find((line) => line['custom_id'] === 'nobody')).toEqual({
      custom_id: 'nobody',
      status: 'ok',
      response: null
    })
  })

  it('without an input file, orders results by custom_id', async () => {
    const output = join(dir, 'output.jsonl')
    const errors = join(dir, 'errors.jsonl')
    const dest = join(dir, 'results.jsonl')
    await writeFile(
      output,
      jsonl(['req-10', 'req-2', 'Req-3', 'req-1'].map((id) => okLine(id, chatBody(id, 1, 1))))
    )
    await writeFile(
      errors,
      jsonl([{ custom_id: 'a-err', response: null, error: { code: 'x', message: 'y' } }])
    )
    const result = await joinResults({ outputPath: output, errorPath: errors, destPath: dest })
    expect(result).toMatchObject({ total: 5, ok: 4, error: 1, missing: 0 })
    expect((await readJsonl(dest)).map((line) => [line['custom_id'], line['status']])).toEqual([
      ['Req-3', 'ok'],
      ['a-err', 'error'],
      ['req-1', 'ok'],
      ['req-10', 'ok'],
      ['req-2', 'ok']
    ])
  })

  it('handles a batch whose requests all failed (no output file)', async () => {
    const input = join(dir, 'input.jsonl')
    const errors = join(dir, 'errors.jsonl')
    const dest = join(dir, 'results.jsonl')
    const ids = Array.from({ length: 12 }, (_, i) => `id-${i}`)
    await writeFile(input, jsonl(ids.map((id) => inputLine(id))))
    await writeFile(
      errors,
      jsonl(
        [...ids].reverse().map((id) => ({
          custom_id: id,
          response: {
            status_code: 429,
            body: { error: { message: `quota ${id}`, code: 'rate_limit_exceeded' } }
          },
          error: null
        }))
      )
    )
    const result = await joinResults({ inputPath: input, errorPath: errors, destPath: dest })
    expect(result).toMatchObject({
      total: 12,
      ok: 0,
      error: 12,
      missing: 0,
      usage: { prompt: 0, completion: 0, total: 0 }
    })
    // The first 10, in results (input) order.
    expect(result.failures.map((failure) => failure.custom_id)).toEqual(ids.slice(0, 10))
    expect(result.failures[0]).toEqual({
      custom_id: 'id-0',
      code: 'rate_limit_exceeded',
      message: 'quota id-0',
      status_code: 429
    })
    // The counts by code cover all of them, not only the ten listed.
    expect(result.failureCodes).toEqual([
      { code: 'rate_limit_exceeded', count: 12, example: result.failures[0] }
    ])
  })

  it('marks everything missing when there is neither an output nor an error file', async () => {
    const input = join(dir, 'input.jsonl')
    const dest = join(dir, 'results.jsonl')
    await writeFile(input, jsonl([inputLine('x'), inputLine('y')]))
    const result = await joinResults({ inputPath: input, destPath: dest })
    expect(result).toMatchObject({ total: 2, ok: 0, error: 0, missing: 2 })
    expect(await readJsonl(dest)).toEqual([
      { custom_id: 'x', status: 'missing' },
      { custom_id: 'y', status: 'missing' }
    ])
  })

  it('skips malformed output lines with a warning and carries on', async () => {
    const input = join(dir, 'input.jsonl')
    const output = join(dir, 'output.jsonl')
    const dest = join(dir, 'results.jsonl')
    await writeFile(input, jsonl(['a', 'b', 'c'].map((id) => inputLine(id))))
    await writeFile(
      output,
      [
        JSON.stringify(okLine('a', chatBody('a', 1, 1))),
        '{"custom_id": "b", "response": {"status_code": 200, "bo', // cut-off JSON
        '',
        '   ',
        JSON.stringify({ no_custom_id: true }),
        JSON.stringify(okLine('c', chatBody('c', 2, 2)))
      ].join('\n') + '\n'
    )
    const result = await joinResults({ inputPath: input, outputPath: output, destPath: dest })
    expect(result).toMatchObject({ total: 3, ok: 2, error: 0, missing: 1, malformed: 2 })
    expect(result.warnings).toHaveLength(2)
    expect(result.warnings[0]).toMatch(/^output file line 2 skipped: /)
    expect(result.warnings[1]).toMatch(/^output file line 5 skipped: custom_id: /)
    expect((await readJsonl(dest)).map((line) => line['status'])).toEqual(['ok', 'missing', 'ok'])
  })

  it('summarises many malformed lines, duplicates and results not in the input', async () => {
    const input = join(dir, 'input.jsonl')
    const output = join(dir, 'output.jsonl')
    const errors = join(dir, 'errors.jsonl')
    const dest = join(dir, 'results.jsonl')
    await writeFile(input, jsonl([inputLine('a'), inputLine('b')]))
    await writeFile(
      errors,
      jsonl([{ custom_id: 'a', response: null, error: { code: 'x', message: 'first failure' } }])
    )
    await writeFile(
      output,
      Array.from({ length: 8 }, () => 'not json').join('\n') +
        '\n' +
        jsonl([
          okLine('a', chatBody('a', 1, 1)),
          okLine('b', chatBody('b', 1, 1)),
          { custom_id: 'b', response: null, error: { code: 'later', message: 'duplicate' } },
          okLine('zzz', chatBody('zzz', 1, 1))
        ])
    )
    const result = await joinResults({
      inputPath: input,
      outputPath: output,
      errorPath: errors,
      destPath: dest
    })
    // A success wins over a failure for the same id; otherwise the first line wins.
    expect(result).toMatchObject({ total: 2, ok: 2, error: 0, missing: 0, malformed: 8 })
    expect(result.warnings).toEqual([
      expect.stringMatching(/^output file line 1 skipped/),
      expect.stringMatching(/^output file line 2 skipped/),
      expect.stringMatching(/^output file line 3 skipped/),
      expect.stringMatching(/^output file line 4 skipped/),
      expect.stringMatching(/^output file line 5 skipped/),
      'output file: 3 more malformed lines skipped (8 in all)',
      'output file: 1 lines repeat a custom_id already seen; the first result (or a success) was kept',
      'error file: 1 lines repeat a custom_id already seen; the first result (or a success) was kept',
      '1 results have a custom_id that is not in the input file; they were left out of results.jsonl'
    ])
  })

  it('reads CRLF input and output, a BOM, and a missing final newline', async () => {
    const input = join(dir, 'input.jsonl')
    const output = join(dir, 'output.jsonl')
    const dest = join(dir, 'results.jsonl')
    await writeFile(
      input,
      '\ufeff' +
        [inputLine('a'), inputLine('b'), inputLine('c')]
          .map((l) => JSON.stringify(l))
          .join('\r\n\r\n')
    )
    await writeFile(
      output,
      '\ufeff' +
        jsonl(
          [okLine('c', chatBody('c', 1, 2)), okLine('a', chatBody('a', 3, 4))],
          '\r\n'
        ).trimEnd()
    )
    const result = await joinResults({ inputPath: input, outputPath: output, destPath: dest })
    expect(result).toMatchObject({
      total: 3,
      ok: 2,
      missing: 1,
      malformed: 0,
      warnings: [],
      usage: { total: 10 }
    })
    expect(await readJsonl(dest)).toEqual([
      { custom_id: 'a', status: 'ok', response: chatBody('a', 3, 4) },
      { custom_id: 'b', status: 'missing' },
      { custom_id: 'c', status: 'ok', response: chatBody('c', 1, 2) }
    ])
  })

  it('keeps unknown fields and unicode in response bodies', async () => {
    const output = join(dir, 'output.jsonl')
    const dest = join(dir, 'results.jsonl')
    const body = {
      ...chatBody('u', 1, 1),
      extra: { nested: [1, 'ü', '日本語', '\u2028'] },
      system_fingerprint: null
    }
    await writeFile(output, jsonl([okLine('u', body)]))
    await joinResults({ outputPath: output, destPath: dest })
    expect(await readJsonl(dest)).toEqual([{ custom_id: 'u', status: 'ok', response: body }])
  })

  it('writes each body as JSON.stringify would, whatever the spelling of the output line', async () => {
    const input = join(dir, 'input.jsonl')
    const output = join(dir, 'output.jsonl')
    const dest = join(dir, 'results.jsonl')
    // Input ids as Python writes them (spaces), escaped, repeated (JSON.parse keeps the last one).
    await writeFile(
      input,
      [
        '{"custom_id": "spaced", "method": "POST"}',
        '{"custom_id":"esc\\u0061ped","method":"POST"}',
        '{"custom_id":"first","custom_id":"repeated"}',
        '{ "custom_id" : "plain" }',
        '{"custom_id":"cut","method":"PO', // not JSON: skipped
        '{"custom_id":"nobody"}'
      ].join('\n') + '\n'
    )
    await writeFile(
      output,
      [
        // Escapes, spaces and number spellings that JSON.stringify writes differently.
        '{"custom_id":"spaced","response":{"status_code":200,"body":{"a": "\\u00e9\\/", "n": 1.50, "e": 1e2, "usage":{"prompt_tokens":1,"completion_tokens":2}}}}',
        '{"custom_id":"escaped","response":{"status_code":200,"body":{"k":"x","k":"y","1":true}}}',
        '{"custom_id":"repeated","response":{"status_code":200,"body":"\\ud83d\\ude00"}}',
        '{"custom_id":"plain","response":{"status_code":200,"body":{"t":"ü 日本 \\"q\\" \\\\ \\n"}}}',
        '{"custom_id":"nobody","response":{"status_code":200,"body":null}}'
      ].join('\n') + '\n'
    )
    const result = await joinResults({ inputPath: input, outputPath: output, destPath: dest })
    expect(result).toMatchObject({ total: 5, ok: 5, usage: { prompt: 1, completion: 2, total: 3 } })
    expect(result.warnings).toEqual([expect.stringMatching(/^input file line 5 skipped: /)])
    const expected = [
      {
        custom_id: 'spaced',
        status: 'ok',
        response: { a: 'é/', n: 1.5, e: 100, usage: { prompt_tokens: 1, completion_tokens: 2 } }
      },
      { custom_id: 'escaped', status: 'ok', response: { k: 'y', 1: true } },
      { custom_id: 'repeated', status: 'ok', response: '\ud83d\ude00' },
      { custom_id: 'plain', status: 'ok', response: { t: 'ü 日本 "q" \\ \n' } },
      { custom_id: 'nobody', status: 'ok', response: null }
    ]
    expect(await readFile(dest, 'utf8')).toBe(jsonl(expected))
  })

  it('joins a large file: 20,000 requests, shuffled, with failures and missing ones', async () => {
    const n = cases(20_000, 2_000)
    const input = join(dir, 'input.jsonl')
    const output = join(dir, 'output.jsonl')
    const errors = join(dir, 'errors.jsonl')
    const dest = join(dir, 'results.jsonl')
    const sorted = Array.from({ length: n }, (_, i) => `request-${String(i).padStart(6, '0')}`)
    // Deterministic shuffles: the input in one order, the output and error files in another, both
    // unlike the ids' sorted order.
    const shuffle = (list: string[], seed: number): string[] => {
      const out = [...list]
      for (let i = out.length - 1; i > 0; i--) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31
        const j = seed % (i + 1)
        ;[out[i], out[j]] = [out[j] as string, out[i] as string]
      }
      return out
    }
    const ids = shuffle(sorted, 7)
    await writeFile(input, jsonl(ids.map((id) => inputLine(id))))
    const shuffled = shuffle(sorted, 42)
    expect(ids).not.toEqual(sorted)
    expect(shuffled).not.toEqual(ids)
    const outputLines: string[] = []
    const errorLines: string[] = []
    let expectedOk = 0
    let expectedError = 0
    const filler = 'x'.repeat(400)
    for (const id of shuffled) {
      const i = Number(id.slice(8))
      if (i % 97 === 0) continue // missing
      if (i % 13 === 0) {
        expectedError++
        errorLines.push(
          JSON.stringify({
            custom_id: id,
            response: null,
            error: { code: 'batch_expired', message: 'expired' }
          })
        )
      } else {
        expectedOk++
        outputLines.push(JSON.stringify(okLine(id, { ...chatBody(id, 2, 3), filler })))
      }
    }
    await writeFile(output, outputLines.join('\n') + '\n')
    await writeFile(errors, errorLines.join('\n') + '\n')
    const result = await joinResults({
      inputPath: input,
      outputPath: output,
      errorPath: errors,
      destPath: dest
    })
    const indexOf = (id: string): number => Number(id.slice(8))
    const expectedMissing = sorted.filter((_, i) => i % 97 === 0).length
    expect(result).toMatchObject({
      total: n,
      ok: expectedOk,
      error: expectedError,
      missing: expectedMissing,
      usage: { prompt: 2 * expectedOk, completion: 3 * expectedOk, total: 5 * expectedOk },
      warnings: []
    })
    // The first failures and the lines come in input order.
    const failing = ids.filter((id) => indexOf(id) % 97 !== 0 && indexOf(id) % 13 === 0)
    expect(result.failures.map((failure) => failure.custom_id)).toEqual(failing.slice(0, 10))
    const lines = await readJsonl(dest)
    expect(lines.map((line) => line['custom_id'])).toEqual(ids)
    lines.forEach((line, at) => {
      const id = ids[at] as string
      if (indexOf(id) % 97 === 0) expect(line).toEqual({ custom_id: id, status: 'missing' })
      else if (indexOf(id) % 13 === 0) expect(line['status']).toBe('error')
      else
        expect(line).toEqual({
          custom_id: id,
          status: 'ok',
          response: { ...chatBody(id, 2, 3), filler }
        })
    })
  })
})
