import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { mkdtemp, readFile, readdir, rm, writeFile, stat } from 'node:fs/promises'
import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { APIError, NotFoundError } from 'openai'
import {
  downloadToFile,
  exceedsFailureLimit,
  HttpStatusError,
  joinResults,
  parseFailureLimit,
  TruncatedBodyError,
  type FailureLimit
} from '../src/results.js'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'results-test-'))
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const noSleep = async (): Promise<void> => undefined

// -------------------------------------------------------------------------------------------------
// downloadToFile against a real HTTP server
// -------------------------------------------------------------------------------------------------

describe('downloadToFile', () => {
  const payload = randomBytes(3 * 1024 * 1024 + 17)
  let server: Server
  let base: string
  const hits = new Map<string, number>()
  const openResponses = new Set<ServerResponse>()

  function cut(res: ServerResponse, chunked: boolean): void {
    res.writeHead(
      200,
      chunked
        ? { 'content-type': 'application/octet-stream' }
        : { 'content-length': String(payload.length) }
    )
    res.write(payload.subarray(0, 1024 * 1024), () => {
      setTimeout(() => res.socket?.destroy(), 20)
    })
  }

  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = req.url ?? '/'
      const hit = (hits.get(path) ?? 0) + 1
      hits.set(path, hit)
      switch (path) {
        case '/file':
          res.writeHead(200, { 'content-length': String(payload.length) })
          res.end(payload)
          return
        case '/chunked':
          res.writeHead(200)
          res.write(payload.subarray(0, 1000))
          res.end(payload.subarray(1000))
          return
        case '/empty':
          res.writeHead(200, { 'content-length': '0' })
          res.end()
          return
        case '/cut-once':
          if (hit === 1) return cut(res, false)
          res.writeHead(200, { 'content-length': String(payload.length) })
          res.end(payload)
          return
        case '/cut-once-chunked':
          if (hit === 1) return cut(res, true)
          res.writeHead(200)
          res.end(payload)
          return
        case '/cut-always':
          return cut(res, false)
        case '/503-once':
          if (hit === 1) {
            res.writeHead(503, { 'content-type': 'application/json' })
            res.end('{"error":{"message":"busy"}}')
            return
          }
          res.writeHead(200)
          res.end(payload)
          return
        case '/hang':
          // Sends part of the body, then nothing until the client goes away.
          res.writeHead(200, { 'content-length': String(payload.length) })
          res.write(payload.subarray(0, 64 * 1024))
          openResponses.add(res)
          res.on('close', () => openResponses.delete(res))
          return
        default:
          res.writeHead(404, { 'content-type': 'application/json' })
          res.end('{"error":{"message":"No such File object"}}')
      }
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })

  afterAll(async () => {
    for (const res of openResponses) res.destroy()
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  })

  beforeEach(() => hits.clear())

  const leftovers = async (): Promise<string[]> =>
    (await readdir(dir)).filter((name) => name.includes('.part'))

  it('downloads a file byte-exact', async () => {
    const dest = join(dir, 'output.jsonl')
    const { bytes } = await downloadToFile(() => fetch(`${base}/file`), dest, {
      attempts: 3,
      sleep: noSleep
    })
    expect(bytes).toBe(payload.length)
    expect((await readFile(dest)).equals(payload)).toBe(true)
    expect(await readdir(dir)).toEqual(['output.jsonl'])
  })

  it('downloads a chunked body without Content-Length and an empty body', async () => {
    const dest = join(dir, 'a.jsonl')
    await downloadToFile(() => fetch(`${base}/chunked`), dest, { attempts: 1 })
    expect((await readFile(dest)).equals(payload)).toBe(true)
    const empty = join(dir, 'empty.jsonl')
    expect(await downloadToFile(() => fetch(`${base}/empty`), empty, { attempts: 1 })).toEqual({
      bytes: 0
    })
    expect((await stat(empty)).size).toBe(0)
    expect(await leftovers()).toEqual([])
  })

  it('creates missing parent directories and replaces an existing file', async () => {
    const dest = join(dir, 'sub', 'dir', 'out.jsonl')
    await downloadToFile(() => fetch(`${base}/file`), dest, { attempts: 1 })
    await writeFile(dest, 'old')
    await downloadToFile(() => fetch(`${base}/file`), dest, { attempts: 1 })
    expect((await readFile(dest)).equals(payload)).toBe(true)
  })

  it.each(['/cut-once', '/cut-once-chunked'])(
    'retries a body cut off mid-stream (%s)',
    async (path) => {
      const dest = join(dir, 'output.jsonl')
      const retries: [number, unknown][] = []
      const delays: number[] = []
      const { bytes } = await downloadToFile(() => fetch(`${base}${path}`), dest, {
        attempts: 3,
        sleep: async (ms) => {
          delays.push(ms)
        },
        backoffMs: (attempt) => attempt * 10,
        onRetry: (attempt, error) => retries.push([attempt, error])
      })
      expect(hits.get(path)).toBe(2)
      expect(retries).toHaveLength(1)
      expect(retries[0]?.[0]).toBe(1)
      expect(delays).toEqual([10])
      expect(bytes).toBe(payload.length)
      expect((await readFile(dest)).equals(payload)).toBe(true)
      expect(await leftovers()).toEqual([])
    }
  )

  it('leaves nothing behind when every attempt is cut off', async () => {
    const dest = join(dir, 'output.jsonl')
    const retries: number[] = []
    await expect(
      downloadToFile(() => fetch(`${base}/cut-always`), dest, {
        attempts: 3,
        sleep: noSleep,
        onRetry: (attempt) => retries.push(attempt)
      })
    ).rejects.toThrow()
    expect(hits.get('/cut-always')).toBe(3)
    expect(retries).toEqual([1, 2])
    expect(await readdir(dir)).toEqual([])
  })

  it('retries a 503 answer', async () => {
    const dest = join(dir, 'output.jsonl')
    await downloadToFile(() => fetch(`${base}/503-once`), dest, { attempts: 2, sleep: noSleep })
    expect(hits.get('/503-once')).toBe(2)
    expect((await readFile(dest)).equals(payload)).toBe(true)
  })

  it('fails at once on a 404, without retrying', async () => {
    const dest = join(dir, 'output.jsonl')
    const retries: number[] = []
    const error = await downloadToFile(() => fetch(`${base}/missing`), dest, {
      attempts: 5,
      sleep: noSleep,
      onRetry: (attempt) => retries.push(attempt)
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(HttpStatusError)
    expect((error as HttpStatusError).status).toBe(404)
    expect((error as Error).message).toContain('No such File object')
    expect(hits.get('/missing')).toBe(1)
    expect(retries).toEqual([])
    expect(await readdir(dir)).toEqual([])
  })

  it('fails at once on an SDK 4xx error but retries 429 and connection errors', async () => {
    const dest = join(dir, 'output.jsonl')
    let calls = 0
    const notFound = new NotFoundError(404, { message: 'gone' }, 'gone', new Headers())
    await expect(
      downloadToFile(
        async () => {
          calls++
          throw notFound
        },
        dest,
        { attempts: 4, sleep: noSleep }
      )
    ).rejects.toBe(notFound)
    expect(calls).toBe(1)

    calls = 0
    const errors = [
      APIError.generate(429, { message: 'slow down' }, undefined, new Headers()),
      APIError.generate(408, { message: 'timeout' }, undefined, new Headers()),
      Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })
    ]
    await downloadToFile(
      async () => {
        const error = errors[calls++]
        if (error) throw error
        return fetch(`${base}/file`)
      },
      dest,
      { attempts: 4, sleep: noSleep }
    )
    expect(calls).toBe(4)
    expect((await readFile(dest)).equals(payload)).toBe(true)
  })

  it('treats a body shorter than Content-Length as cut off', async () => {
    const dest = join(dir, 'output.jsonl')
    let calls = 0
    const short = (): Response =>
      new Response(new Blob([payload.subarray(0, 100)]).stream(), {
        headers: { 'content-length': '200' }
      })
    const error = await downloadToFile(
      async () => {
        calls++
        return short()
      },
      dest,
      { attempts: 2, sleep: noSleep }
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TruncatedBodyError)
    expect(calls).toBe(2)
    expect(await readdir(dir)).toEqual([])
  })

  it('stops and cleans up when the signal is aborted mid-body', async () => {
    const dest = join(dir, 'output.jsonl')
    const controller = new AbortController()
    const retries: number[] = []
    const started = Date.now()
    const pending = downloadToFile(
      async () => {
        const response = await fetch(`${base}/hang`, { signal: controller.signal })
        setTimeout(() => controller.abort(new Error('cancelled by the test')), 50)
        return response
      },
      dest,
      {
        attempts: 5,
        signal: controller.signal,
        sleep: noSleep,
        onRetry: (attempt) => retries.push(attempt)
      }
    )
    await expect(pending).rejects.toThrow('cancelled by the test')
    expect(Date.now() - started).toBeLessThan(5000)
    expect(hits.get('/hang')).toBe(1)
    expect(retries).toEqual([])
    expect(await readdir(dir)).toEqual([])
  })

  it('stops a stalled body on abort even when open() did not pass the signal to fetch', async () => {
    const dest = join(dir, 'output.jsonl')
    const controller = new AbortController()
    setTimeout(() => controller.abort(new Error('gave up')), 100)
    await expect(
      downloadToFile(() => fetch(`${base}/hang`), dest, {
        attempts: 3,
        signal: controller.signal,
        sleep: noSleep
      })
    ).rejects.toThrow('gave up')
    expect(hits.get('/hang')).toBe(1)
    expect(await readdir(dir)).toEqual([])
  })

  it('does not start when the signal is already aborted, and stops a backoff sleep on abort', async () => {
    const dest = join(dir, 'output.jsonl')
    let calls = 0
    await expect(
      downloadToFile(
        async () => {
          calls++
          return fetch(`${base}/file`)
        },
        dest,
        { attempts: 2, signal: AbortSignal.abort(new Error('already')) }
      )
    ).rejects.toThrow('already')
    expect(calls).toBe(0)

    const controller = new AbortController()
    const pending = downloadToFile(
      async () => {
        setTimeout(() => controller.abort(new Error('stop waiting')), 20)
        return fetch(`${base}/cut-always`)
      },
      dest,
      { attempts: 3, signal: controller.signal, backoffMs: () => 60_000 }
    )
    await expect(pending).rejects.toThrow('stop waiting')
    expect(await readdir(dir)).toEqual([])
  })
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

describe('joinResults', () => {
  it('joins output and error files in input order', async () => {
    const input = join(dir, 'input.jsonl')
    const output = join(dir, 'output.jsonl')
    const errors = join(dir, 'errors.jsonl')
    const dest = join(dir, 'results.jsonl')
    await writeFile(input, jsonl(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => inputLine(id))))
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
        { custom_id: 'b', code: 'server_error', message: 'internal', status_code: 500 },
        { custom_id: 'd', code: 'batch_expired', message: 'expired' },
        {
          custom_id: 'e',
          code: 'invalid_request_error',
          message: 'Invalid <model> & stuff',
          status_code: 400
        },
        { custom_id: 'g', code: 'server_error', message: 'boom' }
      ],
      malformed: 0,
      warnings: []
    })
    expect(await readJsonl(dest)).toEqual([
      { custom_id: 'a', status: 'ok', response: chatBody('a', 7, 3) },
      {
        custom_id: 'b',
        status: 'error',
        error: { code: 'server_error', message: 'internal', status_code: 500 }
      },
      { custom_id: 'c', status: 'ok', response: chatBody('c', 10, 5) },
      { custom_id: 'd', status: 'error', error: { code: 'batch_expired', message: 'expired' } },
      {
        custom_id: 'e',
        status: 'error',
        error: {
          code: 'invalid_request_error',
          message: 'Invalid <model> & stuff',
          status_code: 400
        }
      },
      { custom_id: 'f', status: 'missing' },
      { custom_id: 'g', status: 'error', error: { code: 'server_error', message: 'boom' } }
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
    const n = 20_000
    const input = join(dir, 'input.jsonl')
    const output = join(dir, 'output.jsonl')
    const errors = join(dir, 'errors.jsonl')
    const dest = join(dir, 'results.jsonl')
    const ids = Array.from({ length: n }, (_, i) => `request-${String(i).padStart(6, '0')}`)
    await writeFile(input, jsonl(ids.map((id) => inputLine(id))))
    // Deterministic shuffle.
    const shuffled = [...ids]
    let seed = 42
    for (let i = shuffled.length - 1; i > 0; i--) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      const j = seed % (i + 1)
      ;[shuffled[i], shuffled[j]] = [shuffled[j] as string, shuffled[i] as string]
    }
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
    const expectedMissing = ids.filter((_, i) => i % 97 === 0).length
    expect(result).toMatchObject({
      total: n,
      ok: expectedOk,
      error: expectedError,
      missing: expectedMissing,
      usage: { prompt: 2 * expectedOk, completion: 3 * expectedOk, total: 5 * expectedOk },
      warnings: []
    })
    expect(result.failures).toHaveLength(10)
    expect(result.failures[0]?.custom_id).toBe('request-000013')
    const lines = await readJsonl(dest)
    expect(lines.map((line) => line['custom_id'])).toEqual(ids)
    expect(lines[1]).toEqual({
      custom_id: 'request-000001',
      status: 'ok',
      response: { ...chatBody('request-000001', 2, 3), filler }
    })
    expect(lines[0]).toEqual({ custom_id: 'request-000000', status: 'missing' })
  })
})

// -------------------------------------------------------------------------------------------------
// max-failed-requests
// -------------------------------------------------------------------------------------------------

describe('parseFailureLimit', () => {
  it.each<[string, FailureLimit]>([
    ['', { kind: 'none' }],
    ['  ', { kind: 'none' }],
    ['0', { kind: 'count', value: 0 }],
    ['5', { kind: 'count', value: 5 }],
    [' 12 ', { kind: 'count', value: 12 }],
    ['5%', { kind: 'percent', value: 5 }],
    ['0.5%', { kind: 'percent', value: 0.5 }],
    ['.5%', { kind: 'percent', value: 0.5 }],
    ['5 %', { kind: 'percent', value: 5 }],
    ['100%', { kind: 'percent', value: 100 }],
    ['0%', { kind: 'percent', value: 0 }]
  ])('%j', (text, expected) => {
    expect(parseFailureLimit(text)).toEqual(expected)
  })

  it.each(['x', '-1', '5.5', '1e3', '%', '5%%', '101%', '-5%', '5 requests', 'abc%'])(
    'rejects %j',
    (text) => {
      expect(() => parseFailureLimit(text)).toThrow(
        `max-failed-requests must be a number or a percentage such as 5%, got ${JSON.stringify(text)}`
      )
    }
  )
})

describe('exceedsFailureLimit', () => {
  it.each<[string, number, number, boolean]>([
    ['', 1000, 1000, false],
    ['0', 0, 10, false],
    ['0', 1, 10, true],
    ['5', 5, 100, false],
    ['5', 6, 100, true],
    ['5%', 5, 100, false],
    ['5%', 6, 100, true],
    ['0.5%', 5, 1000, false],
    ['0.5%', 6, 1000, true],
    ['0.7%', 70, 10_000, false],
    ['0.7%', 71, 10_000, true],
    ['10%', 3, 30, false],
    ['10%', 4, 30, true],
    ['0%', 0, 10, false],
    ['0%', 1, 10, true],
    ['100%', 10, 10, false],
    ['5%', 0, 0, false]
  ])('limit %j, %i of %i failed -> %s', (text, failed, total, expected) => {
    expect(exceedsFailureLimit(parseFailureLimit(text), failed, total)).toBe(expected)
  })
})
