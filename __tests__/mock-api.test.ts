/* eslint-disable @typescript-eslint/no-explicit-any -- the server's JSON answers are checked with toMatchObject */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import OpenAI, { toFile } from 'openai'
import {
  MultipartParser,
  startMockBatchApi,
  type MockBatchApi
} from '../tools/mock-batch-api/server.mjs'

type Batch = OpenAI.Batches.Batch
type Endpoint = OpenAI.Batches.BatchCreateParams['endpoint']
type RequestLine = { custom_id: string; method: string; url: string; body: Record<string, unknown> }
type OutputLine = {
  id: string
  custom_id: string
  response: { status_code: number; request_id: string; body: any } | null
  error: { code: string; message: string } | null
}

const FAST = { validatingMs: 10, inProgressMs: 40, finalizingMs: 10, cancellingMs: 20 }
const TERMINAL = new Set(['completed', 'failed', 'expired', 'cancelled'])

let tmp = ''
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function writeTemp(name: string, content: string | Buffer): string {
  const p = path.join(tmp, `${crypto.randomUUID()}-${name}`)
  fs.writeFileSync(p, content)
  return p
}

const chat = (id: string, text: string, extra: Record<string, unknown> = {}): RequestLine => ({
  custom_id: id,
  method: 'POST',
  url: '/v1/chat/completions',
  body: {
    model: 'mock-model',
    messages: [
      { role: 'system', content: 'be brief' },
      { role: 'user', content: text }
    ],
    ...extra
  }
})
const jsonl = (lines: unknown[]) => lines.map((l) => JSON.stringify(l)).join('\n') + '\n'
const newClient = (
  api: MockBatchApi,
  opts: Partial<ConstructorParameters<typeof OpenAI>[0]> = {}
) => new OpenAI({ baseURL: api.url, apiKey: 'test-key', maxRetries: 0, ...opts })

async function upload(client: OpenAI, lines: unknown[], name = 'input.jsonl') {
  return client.files.create({
    file: fs.createReadStream(writeTemp(name, jsonl(lines))),
    purpose: 'batch'
  })
}

async function createBatch(
  client: OpenAI,
  lines: unknown[],
  opts: { endpoint?: string; metadata?: Record<string, string> } = {}
): Promise<Batch> {
  const file = await upload(client, lines)
  return client.batches.create({
    input_file_id: file.id,
    endpoint: (opts.endpoint ?? '/v1/chat/completions') as Endpoint,
    completion_window: '24h',
    ...(opts.metadata ? { metadata: opts.metadata } : {})
  })
}

/** Poll until `done` holds; returns the last batch and every batch seen. */
async function waitFor(
  client: OpenAI,
  id: string,
  done = (b: Batch) => TERMINAL.has(b.status.toLowerCase()),
  timeoutMs = 5000
) {
  const seen: Batch[] = []
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const b = await client.batches.retrieve(id)
    seen.push(b)
    if (done(b)) return { batch: b, seen }
    if (Date.now() > deadline)
      throw new Error(`batch ${id} still ${b.status} after ${timeoutMs} ms`)
    await sleep(3)
  }
}

async function readResults(
  client: OpenAI,
  fileId: string | null | undefined
): Promise<OutputLine[]> {
  expect(fileId).toBeTruthy()
  const text = await (await client.files.content(fileId as string)).text()
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as OutputLine)
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mock-api-test-'))
})
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

describe('mock batch api', () => {
  let api: MockBatchApi
  let client: OpenAI

  beforeAll(async () => {
    api = await startMockBatchApi({ timings: FAST })
    client = newClient(api)
  })
  afterEach(() => {
    api.clearFaults()
    api.configure({ timings: { ...FAST, expireMs: null }, statusCase: 'lower' })
  })
  afterAll(async () => {
    await api.close()
  })

  describe('files', () => {
    it('round-trips a multibyte UTF-8 upload byte for byte', async () => {
      const text = jsonl([
        chat('ü-1', 'grüße 😀 日本語 — “quotes”'),
        chat('2', '\r\n--boundary-ish\r\n--')
      ])
      const src = writeTemp('multibyte ✓.jsonl', text)
      const file = await client.files.create({ file: fs.createReadStream(src), purpose: 'batch' })
      expect(file).toMatchObject({
        object: 'file',
        purpose: 'batch',
        status: 'processed',
        bytes: Buffer.byteLength(text)
      })
      expect(file.id).toMatch(/^file-/)
      expect(file.filename).toBe(path.basename(src))
      expect(api.fileBytes(file.id).equals(fs.readFileSync(src))).toBe(true)
      expect(await client.files.retrieve(file.id)).toEqual(file)
      const down = Buffer.from(await (await client.files.content(file.id)).arrayBuffer())
      expect(down.equals(fs.readFileSync(src))).toBe(true)
      expect(api.files()).toContainEqual({
        id: file.id,
        filename: file.filename,
        purpose: 'batch',
        bytes: file.bytes
      })
      const entry = api.log.find((e) => e.op === 'upload' && e.fileId === file.id)
      expect(entry?.requestBytes).toBeGreaterThan(file.bytes)
    })

    it('round-trips a ~5 MB upload streamed from disk', async () => {
      const parts: string[] = []
      let size = 0
      for (let i = 0; size < 5 * 1024 * 1024; i++) {
        const line =
          JSON.stringify(chat(`req-${i}`, `line ${i} ${'é😀x'.repeat(i % 50)} \r\n`)) + '\n'
        parts.push(line)
        size += Buffer.byteLength(line)
      }
      const src = writeTemp('big.jsonl', parts.join(''))
      const file = await client.files.create({ file: fs.createReadStream(src), purpose: 'batch' })
      expect(file.bytes).toBe(fs.statSync(src).size)
      const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex')
      expect(sha(api.fileBytes(file.id))).toBe(sha(fs.readFileSync(src)))
      const res = await client.files.content(file.id)
      expect(res.headers.get('content-length')).toBe(String(file.bytes))
      expect(sha(Buffer.from(await res.arrayBuffer()))).toBe(sha(fs.readFileSync(src)))
    })

    it('takes in-memory uploads (toFile) and answers ranges', async () => {
      const file = await client.files.create({
        file: await toFile(Buffer.from('0123456789'), 'digits.jsonl'),
        purpose: 'batch'
      })
      expect(api.fileBytes(file.id).toString()).toBe('0123456789')
      const res = await fetch(`${api.url}/files/${file.id}/content`, {
        headers: { authorization: 'Bearer test-key', range: 'bytes=3-5' }
      })
      expect(res.status).toBe(206)
      expect(res.headers.get('content-range')).toBe('bytes 3-5/10')
      expect(await res.text()).toBe('345')
      expect(await client.files.delete(file.id)).toMatchObject({ id: file.id, deleted: true })
      await expect(client.files.retrieve(file.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError)
    })

    it('answers 404 for unknown files and 400 for a missing purpose or file', async () => {
      await expect(client.files.retrieve('file-nope')).rejects.toMatchObject({ status: 404 })
      await expect(client.files.content('file-nope')).rejects.toMatchObject({ status: 404 })
      const form = new FormData()
      form.append('file', new Blob(['x']), 'x.jsonl')
      const noPurpose = await fetch(`${api.url}/files`, {
        method: 'POST',
        body: form,
        headers: { authorization: 'Bearer test-key' }
      })
      expect(noPurpose.status).toBe(400)
      expect(((await noPurpose.json()) as any).error.param).toBe('purpose')
      const form2 = new FormData()
      form2.append('purpose', 'batch')
      const noFile = await fetch(`${api.url}/files`, {
        method: 'POST',
        body: form2,
        headers: { authorization: 'Bearer test-key' }
      })
      expect(noFile.status).toBe(400)
      expect(((await noFile.json()) as any).error.param).toBe('file')
    })

    it('survives a client that disconnects mid-upload and leaves no partial file', async () => {
      const own = await startMockBatchApi({ timings: FAST })
      await new Promise<void>((resolve) => {
        const req = http.request(`${own.url}/files`, {
          method: 'POST',
          headers: {
            authorization: 'Bearer test-key',
            'content-type': 'multipart/form-data; boundary=XyZ',
            'content-length': '100000'
          }
        })
        req.on('error', () => resolve())
        req.write('--XyZ\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nbatch\r\n')
        req.write(
          '--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.jsonl"\r\n\r\n'
        )
        req.write(Buffer.alloc(20000, 'a'), () => setTimeout(() => req.destroy(), 20))
      })
      try {
        while (own.log.at(-1)?.status === 0 && fs.readdirSync(own.dataDir).length > 0)
          await sleep(10)
        expect(fs.readdirSync(own.dataDir)).toEqual([])
        expect(own.files()).toEqual([])
        const file = await upload(newClient(own), [chat('a', 'q')])
        expect(own.files().map((f) => f.id)).toEqual([file.id])
      } finally {
        await own.close()
      }
    })

    it('parses multipart bodies split at any byte (streaming boundary search)', () => {
      const boundary = '----formdata-mock-7d1'
      const frag = fc.constantFrom(
        'a',
        'é',
        '\r',
        '\n',
        '-',
        '--',
        '\r\n',
        `\r\n--${boundary.slice(0, 5)}`,
        `\r\n--${boundary.slice(0, -1)}`,
        `--${boundary}`
      )
      fc.assert(
        fc.property(
          fc.array(frag, { maxLength: 60 }),
          fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 30 }),
          (pieces, cuts) => {
            const content = Buffer.from(pieces.join(''))
            fc.pre(!content.includes(`\r\n--${boundary}`)) // a real sender picks a boundary absent from the content
            const body = Buffer.concat([
              Buffer.from(
                `preamble\r\n--${boundary}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nbatch\r\n`
              ),
              Buffer.from(
                `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="f.jsonl"\r\nContent-Type: application/jsonl\r\n\r\n`
              ),
              content,
              Buffer.from(`\r\n--${boundary}--\r\nepilogue`)
            ])
            const got: Record<string, Buffer[]> = {}
            let current = ''
            const parser = new MultipartParser(boundary, {
              onPartBegin: (h) => {
                current = `${h.name}:${h.filename ?? ''}`
                got[current] = []
              },
              onPartData: (b) => got[current]!.push(Buffer.from(b)),
              onPartEnd: () => {
                current = ''
              }
            })
            for (let at = 0, i = 0; at < body.length; i++) {
              const n = cuts[i % cuts.length]!
              parser.write(body.subarray(at, at + n))
              at += n
            }
            expect(parser.finished).toBe(true)
            expect(Buffer.concat(got['purpose:'] ?? []).toString()).toBe('batch')
            expect(Buffer.concat(got['file:f.jsonl'] ?? []).equals(content)).toBe(true)
          }
        ),
        { numRuns: 300 }
      )
    })
  })

  describe('batch lifecycle', () => {
    it('runs validating -> in_progress -> completed with growing counts and joinable results', async () => {
      const inputs = Array.from({ length: 10 }, (_, i) =>
        chat(`c-${i}`, `question ${i} ✓`, i === 3 ? { mock_error: 'nope: bad input' } : {})
      )
      const created = await createBatch(client, inputs, {
        metadata: { mock_in_progress_ms: '300', purpose: 'test' }
      })
      expect(created.status).toBe('validating')
      expect(created).toMatchObject({
        object: 'batch',
        endpoint: '/v1/chat/completions',
        errors: null,
        completion_window: '24h',
        output_file_id: null,
        error_file_id: null,
        in_progress_at: null,
        finalizing_at: null,
        completed_at: null,
        failed_at: null,
        expired_at: null,
        cancelling_at: null,
        cancelled_at: null,
        request_counts: { total: 0, completed: 0, failed: 0 },
        metadata: { mock_in_progress_ms: '300', purpose: 'test' }
      })
      expect(created.id).toMatch(/^batch_/)
      expect(created.expires_at).toBe(created.created_at + 86400)

      const { batch, seen } = await waitFor(client, created.id)
      expect(batch.status).toBe('completed')
      expect(batch.request_counts).toEqual({ total: 10, completed: 9, failed: 1 })
      expect(batch.model).toBe('mock-model')
      const statuses = seen.map((b) => b.status)
      expect(statuses).toContain('in_progress')
      expect(
        seen.some(
          (b) =>
            b.status === 'in_progress' &&
            b.request_counts!.completed + b.request_counts!.failed > 0 &&
            b.request_counts!.completed < 9
        )
      ).toBe(true)
      for (const b of seen)
        expect(b.request_counts!.completed + b.request_counts!.failed).toBeLessThanOrEqual(
          b.request_counts!.total
        )
      expect(batch.in_progress_at).toBeGreaterThanOrEqual(batch.created_at)
      expect(batch.finalizing_at).toBeGreaterThanOrEqual(batch.in_progress_at!)
      expect(batch.completed_at).toBeGreaterThanOrEqual(batch.finalizing_at!)
      expect(batch.usage?.total_tokens).toBeGreaterThan(0)

      const output = await readResults(client, batch.output_file_id)
      expect(output).toHaveLength(9)
      expect(output.map((o) => o.custom_id)).not.toEqual(
        inputs.filter((_, i) => i !== 3).map((l) => l.custom_id)
      )
      const byId = new Map(output.map((o) => [o.custom_id, o]))
      for (const [i, line] of inputs.entries()) {
        if (i === 3) continue
        const o = byId.get(line.custom_id)!
        expect(o.id).toMatch(/^batch_req_/)
        expect(o.error).toBeNull()
        expect(o.response).toMatchObject({
          status_code: 200,
          body: { object: 'chat.completion', model: 'mock-model' }
        })
        expect(o.response!.body.choices[0]).toMatchObject({
          index: 0,
          finish_reason: 'stop',
          message: { role: 'assistant', content: `echo: question ${i} ✓` }
        })
        const u = o.response!.body.usage
        expect(u.total_tokens).toBe(u.prompt_tokens + u.completion_tokens)
        expect(u.prompt_tokens).toBe(Math.ceil((`question ${i} ✓`.length + 'be brief'.length) / 4))
      }
      const errors = await readResults(client, batch.error_file_id)
      expect(errors).toEqual([
        {
          id: expect.stringMatching(/^batch_req_/),
          custom_id: 'c-3',
          response: {
            status_code: 400,
            request_id: expect.any(String),
            body: {
              error: {
                message: 'nope: bad input',
                type: 'invalid_request_error',
                param: null,
                code: null
              }
            }
          },
          error: null
        }
      ])
      const outFile = await client.files.retrieve(batch.output_file_id!)
      expect(outFile.purpose).toBe('batch_output')
      expect(api.batches().find((b) => b.id === batch.id)?.status).toBe('completed')
    })

    it.each([
      [
        '/v1/embeddings',
        { input: 'hello world' },
        (b: any) => {
          expect(b).toMatchObject({
            object: 'list',
            model: 'mock-model',
            usage: { prompt_tokens: 3, total_tokens: 3 }
          })
          expect(b.data[0].embedding).toHaveLength(8)
        }
      ],
      [
        '/v1/completions',
        { prompt: 'say hi' },
        (b: any) =>
          expect(b).toMatchObject({
            object: 'text_completion',
            choices: [{ text: 'echo: say hi' }]
          })
      ],
      [
        '/v1/responses',
        { input: 'hi there' },
        (b: any) => {
          expect(b).toMatchObject({
            object: 'response',
            status: 'completed',
            output: [
              { type: 'message', content: [{ type: 'output_text', text: 'echo: hi there' }] }
            ]
          })
          expect(b.usage.total_tokens).toBe(b.usage.input_tokens + b.usage.output_tokens)
        }
      ],
      ['/v1/moderations', { input: 'x' }, (b: any) => expect(b).toEqual({ ok: true })]
    ] as const)('answers %s requests with a plausible body', async (endpoint, body, check) => {
      const lines = ['a', 'b'].map((id) => ({
        custom_id: id,
        method: 'POST',
        url: endpoint,
        body: { model: 'mock-model', ...body }
      }))
      const created = await createBatch(client, lines, { endpoint })
      const { batch } = await waitFor(client, created.id)
      expect(batch.status).toBe('completed')
      const out = await readResults(client, batch.output_file_id)
      expect(out).toHaveLength(2)
      for (const o of out) check(o.response!.body)
      if (endpoint === '/v1/embeddings')
        expect(out[0]!.response!.body.data[0].embedding).toEqual(
          out[1]!.response!.body.data[0].embedding
        )
    })

    it('truncates the echo to 200 characters without splitting a surrogate pair', async () => {
      const text = 'x'.repeat(199) + '😀' + 'tail'
      const { batch } = await waitFor(client, (await createBatch(client, [chat('long', text)])).id)
      const [o] = await readResults(client, batch.output_file_id)
      expect(o!.response!.body.choices[0].message.content).toBe(`echo: ${'x'.repeat(199)}`)
    })

    it('completes a batch whose requests all failed with an error file only', async () => {
      const lines = [1, 2, 3].map((i) => chat(`f${i}`, 'q', { mock_error: `bad ${i}` }))
      const { batch } = await waitFor(client, (await createBatch(client, lines)).id)
      expect(batch.status).toBe('completed')
      expect(batch.output_file_id).toBeNull()
      expect(batch.request_counts).toEqual({ total: 3, completed: 0, failed: 3 })
      const errors = await readResults(client, batch.error_file_id)
      expect(new Set(errors.map((e) => e.custom_id))).toEqual(new Set(['f1', 'f2', 'f3']))
      expect(errors.every((e) => e.response?.status_code === 400)).toBe(true)
    })

    it('cancels: cancelling, then cancelled with the partial output', async () => {
      const lines = Array.from({ length: 10 }, (_, i) => chat(`s${i}`, `q${i}`))
      const created = await createBatch(client, lines, { metadata: { mock_scenario: 'stuck' } })
      const { batch: stuck } = await waitFor(
        client,
        created.id,
        (b) => b.request_counts?.completed === 5
      )
      await sleep(30)
      expect((await client.batches.retrieve(created.id)).status).toBe('in_progress')
      const cancelling = await client.batches.cancel(created.id)
      expect(cancelling.status).toBe('cancelling')
      expect(cancelling.cancelling_at).toBeGreaterThanOrEqual(stuck.created_at)
      const { batch } = await waitFor(client, created.id)
      expect(batch.status).toBe('cancelled')
      expect(batch.cancelled_at).not.toBeNull()
      expect(batch.request_counts).toEqual({ total: 10, completed: 5, failed: 0 })
      const out = await readResults(client, batch.output_file_id)
      expect(out.map((o) => o.custom_id).sort()).toEqual(['s0', 's1', 's2', 's3', 's4'])
      expect(batch.error_file_id).toBeNull()
      expect((await client.batches.cancel(created.id)).status).toBe('cancelled') // repeated cancel: as is
    })

    it('cancels a batch still validating (no files) and refuses to cancel a completed one', async () => {
      api.configure({ timings: { validatingMs: 5000 } })
      const created = await createBatch(client, [chat('v1', 'q')])
      const cancelling = await client.batches.cancel(created.id)
      expect(cancelling.status).toBe('cancelling')
      const { batch } = await waitFor(client, created.id)
      expect(batch).toMatchObject({
        status: 'cancelled',
        output_file_id: null,
        error_file_id: null,
        request_counts: { total: 0, completed: 0, failed: 0 }
      })

      api.configure({ timings: FAST })
      const done = (await waitFor(client, (await createBatch(client, [chat('d1', 'q')])).id)).batch
      expect(done.status).toBe('completed')
      const err = await client.batches.cancel(done.id).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(OpenAI.BadRequestError)
      expect((err as InstanceType<typeof OpenAI.BadRequestError>).message).toMatch(/completed/)
    })

    it('expires after half the requests with the mock_scenario expire', async () => {
      const lines = Array.from({ length: 10 }, (_, i) => chat(`e${i}`, `q${i}`))
      const { batch } = await waitFor(
        client,
        (await createBatch(client, lines, { metadata: { mock_scenario: 'expire' } })).id
      )
      expect(batch.status).toBe('expired')
      expect(batch.expired_at).not.toBeNull()
      expect(batch.request_counts).toEqual({ total: 10, completed: 5, failed: 0 })
      const out = await readResults(client, batch.output_file_id)
      expect(out.map((o) => o.custom_id).sort()).toEqual(['e0', 'e1', 'e2', 'e3', 'e4'])
      const errors = await readResults(client, batch.error_file_id)
      expect(errors.map((o) => o.custom_id).sort()).toEqual(['e5', 'e6', 'e7', 'e8', 'e9'])
      for (const e of errors) {
        expect(e.response).toBeNull()
        expect(e.error).toEqual({
          code: 'batch_expired',
          message: 'This request could not be executed before the completion window expired.'
        })
      }
    })

    it('expires unfinished batches after timings.expireMs', async () => {
      api.configure({ timings: { expireMs: 400 } }) // after validation and the first half, even on a slow machine
      const lines = Array.from({ length: 4 }, (_, i) => chat(`x${i}`, `q${i}`))
      const created = await createBatch(client, lines, { metadata: { mock_scenario: 'stuck' } })
      const { batch } = await waitFor(client, created.id)
      expect(batch.status).toBe('expired')
      expect(batch.request_counts).toEqual({ total: 4, completed: 2, failed: 0 })
      expect(
        (await readResults(client, batch.error_file_id)).every(
          (e) => e.error?.code === 'batch_expired'
        )
      ).toBe(true)
    })

    it('fails validation with mock_scenario fail_validation', async () => {
      const { batch } = await waitFor(
        client,
        (
          await createBatch(client, [chat('m1', 'q')], {
            metadata: { mock_scenario: 'fail_validation' }
          })
        ).id
      )
      expect(batch.status).toBe('failed')
      expect(batch.failed_at).not.toBeNull()
      expect(batch.output_file_id).toBeNull()
      expect(batch.error_file_id).toBeNull()
      expect(batch.errors?.data?.[0]).toMatchObject({ code: 'model_not_found', line: 1 })
    })

    it('fails a batch whose input file is invalid, with line numbers', async () => {
      const good = chat('ok', 'q')
      const text = [
        JSON.stringify(good),
        '{not json',
        JSON.stringify({ ...chat('m', 'q'), method: 'GET' }),
        JSON.stringify({ ...chat('u', 'q'), url: '/v1/embeddings' }),
        JSON.stringify({ method: 'POST', url: '/v1/chat/completions', body: {} }),
        JSON.stringify(good),
        JSON.stringify({ ...chat('arr', 'q'), body: [] }),
        JSON.stringify(chat('model', 'q', { model: 'other-model' })),
        ''
      ].join('\n')
      const file = await client.files.create({
        file: fs.createReadStream(writeTemp('bad.jsonl', text)),
        purpose: 'batch'
      })
      const created = await client.batches.create({
        input_file_id: file.id,
        endpoint: '/v1/chat/completions',
        completion_window: '24h'
      })
      const { batch } = await waitFor(client, created.id)
      expect(batch.status).toBe('failed')
      expect(batch.errors?.object).toBe('list')
      const data = batch.errors?.data ?? []
      expect(data.map((e) => e.line)).toEqual([2, 3, 4, 5, 6, 7, 8])
      for (const e of data)
        expect(e).toMatchObject({
          code: 'invalid_request',
          param: null,
          message: expect.any(String)
        })
      expect(data[4]?.message).toMatch(/duplicate/)
      expect(batch.output_file_id).toBeNull()
    })

    it('fails an empty input file', async () => {
      const file = await client.files.create({
        file: await toFile(Buffer.from('\n'), 'empty.jsonl'),
        purpose: 'batch'
      })
      const created = await client.batches.create({
        input_file_id: file.id,
        endpoint: '/v1/chat/completions',
        completion_window: '24h'
      })
      expect((await waitFor(client, created.id)).batch.status).toBe('failed')
    })

    it('validates create requests', async () => {
      const file = await upload(client, [chat('a', 'q')])
      const base = {
        input_file_id: file.id,
        endpoint: '/v1/chat/completions' as const,
        completion_window: '24h' as const
      }
      const bad = async (params: Record<string, unknown>) => {
        const err = await client.batches
          .create({ ...base, ...params } as OpenAI.Batches.BatchCreateParams)
          .catch((e: unknown) => e)
        expect(err).toBeInstanceOf(OpenAI.APIError)
        return err as InstanceType<typeof OpenAI.APIError>
      }
      expect((await bad({ completion_window: '1h' })).status).toBe(400)
      expect((await bad({ endpoint: '/v1/nope' })).status).toBe(400)
      expect((await bad({ input_file_id: 'file-missing' })).status).toBe(400)
      expect(
        (
          await bad({
            metadata: Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, 'v']))
          })
        ).status
      ).toBe(400)
      expect((await bad({ metadata: { ['k'.repeat(65)]: 'v' } })).status).toBe(400)
      expect((await bad({ metadata: { k: 'v'.repeat(513) } })).status).toBe(400)
      expect((await bad({ metadata: { k: 1 } })).message).toMatch(/metadata/)
      const ok = await client.batches.create({
        ...base,
        metadata: Object.fromEntries(
          Array.from({ length: 16 }, (_, i) => [`k${i}`.padEnd(64, 'x'), 'v'.repeat(512)])
        )
      })
      expect(ok.status).toBe('validating')

      const { batch } = await waitFor(client, ok.id)
      expect((await bad({ input_file_id: batch.output_file_id })).message).toMatch(/purpose/)

      const raw = await fetch(`${api.url}/batches`, {
        method: 'POST',
        headers: { authorization: 'Bearer test-key', 'content-type': 'application/json' },
        body: '{oops'
      })
      expect(raw.status).toBe(400)
      expect(((await raw.json()) as any).error.type).toBe('invalid_request_error')
      await expect(client.batches.retrieve('batch_missing')).rejects.toBeInstanceOf(
        OpenAI.NotFoundError
      )
      const unknown = await fetch(`${api.url}/nothing/here`, {
        headers: { authorization: 'Bearer test-key' }
      })
      expect(unknown.status).toBe(404)
      expect(((await unknown.json()) as any).error.message).toMatch(/Invalid URL/)
    })
  })

  describe('auth', () => {
    it('answers 401 for a wrong or missing key and redacts it in the log', async () => {
      const bad = newClient(api, { apiKey: 'wrong-key' })
      const err = await bad.batches.list().catch((e: unknown) => e)
      expect(err).toBeInstanceOf(OpenAI.AuthenticationError)
      expect((err as any).error).toEqual({
        message: 'Incorrect API key provided',
        type: 'invalid_request_error',
        param: null,
        code: 'invalid_api_key'
      })
      const entry = api.log.at(-1)!
      expect(entry).toMatchObject({ op: 'list', status: 401, authorized: false })
      expect(entry.headers.authorization).toBe('REDACTED')
      const none = await fetch(`${api.url}/batches`)
      expect(none.status).toBe(401)
    })

    it('accepts anything when apiKey is null', async () => {
      const open = await startMockBatchApi({ apiKey: null })
      try {
        expect((await newClient(open, { apiKey: 'whatever' }).batches.list()).data).toEqual([])
        expect((await fetch(`${open.url}/batches`)).status).toBe(200)
      } finally {
        await open.close()
      }
    })
  })

  describe('faults', () => {
    it('drop-before: the request is not carried out', async () => {
      const file = await upload(client, [chat('a', 'q')])
      const count = api.batches().length
      api.addFault({ op: 'create', fault: 'drop-before' })
      const err = await client.batches
        .create({
          input_file_id: file.id,
          endpoint: '/v1/chat/completions',
          completion_window: '24h'
        })
        .catch((e: unknown) => e)
      expect(err).toBeInstanceOf(OpenAI.APIConnectionError)
      expect(api.batches()).toHaveLength(count)
      expect(api.log.at(-1)).toMatchObject({ op: 'create', fault: 'drop-before', status: 0 })
      const ok = await client.batches.create({
        input_file_id: file.id,
        endpoint: '/v1/chat/completions',
        completion_window: '24h'
      })
      expect(api.batches()).toHaveLength(count + 1)
      expect(ok.status).toBe('validating')
    })

    it('drop-after: the batch is created but the client sees a connection error', async () => {
      const file = await upload(client, [chat('a', 'q')])
      const count = api.batches().length
      api.addFault({ op: 'create', fault: 'drop-after' })
      const err = await client.batches
        .create({
          input_file_id: file.id,
          endpoint: '/v1/chat/completions',
          completion_window: '24h'
        })
        .catch((e: unknown) => e)
      expect(err).toBeInstanceOf(OpenAI.APIConnectionError)
      expect(api.batches()).toHaveLength(count + 1)
      const entry = api.log.at(-1)!
      expect(entry).toMatchObject({ op: 'create', fault: 'drop-after', status: 0 })
      expect(api.batches().at(-1)?.id).toBe(entry.batchId)
    })

    it('drop-before and drop-after on uploads', async () => {
      const src = writeTemp('up.jsonl', jsonl([chat('a', 'q')]))
      const stored = () => api.files().filter((f) => f.filename === path.basename(src))
      api.addFault({ op: 'upload', fault: 'drop-before' })
      await expect(
        client.files.create({ file: fs.createReadStream(src), purpose: 'batch' })
      ).rejects.toBeInstanceOf(OpenAI.APIConnectionError)
      expect(stored()).toEqual([])
      api.addFault({ op: 'upload', fault: 'drop-after' })
      await expect(
        client.files.create({ file: fs.createReadStream(src), purpose: 'batch' })
      ).rejects.toBeInstanceOf(OpenAI.APIConnectionError)
      expect(stored()).toHaveLength(1)
      const entry = api.log.at(-1)!
      expect(entry).toMatchObject({ op: 'upload', fault: 'drop-after' })
      expect(entry.fileId).toBe(stored()[0]?.id)
      expect(api.fileBytes(entry.fileId!).equals(fs.readFileSync(src))).toBe(true)
    })

    it('status: 429 with Retry-After, used up after `times`', async () => {
      const created = await createBatch(client, [chat('a', 'q')])
      api.addFault({ op: 'retrieve', fault: 'status', status: 429, retryAfter: 2, times: 2 })
      for (let i = 0; i < 2; i++) {
        const err = await client.batches.retrieve(created.id).catch((e: unknown) => e)
        expect(err).toBeInstanceOf(OpenAI.RateLimitError)
        expect(
          (err as InstanceType<typeof OpenAI.RateLimitError>).headers?.get('retry-after')
        ).toBe('2')
      }
      expect((await client.batches.retrieve(created.id)).id).toBe(created.id)
      expect(api.log.slice(-3).map((e) => [e.status, e.fault])).toEqual([
        [429, 'status'],
        [429, 'status'],
        [200, undefined]
      ])
    })

    it('status: 503 on an upload stores nothing; the op "*" matches any call', async () => {
      const src = writeTemp('503.jsonl', jsonl([chat('a', 'q')]))
      api.addFault({ op: 'upload', fault: 'status', status: 503 })
      await expect(
        client.files.create({ file: fs.createReadStream(src), purpose: 'batch' })
      ).rejects.toBeInstanceOf(OpenAI.InternalServerError)
      expect(api.files().filter((f) => f.filename === path.basename(src))).toEqual([])
      expect(api.log.at(-1)).toMatchObject({ op: 'upload', status: 503, fault: 'status' })
      expect(api.log.at(-1)?.fileId).toBeUndefined()
      api.addFault({ op: '*', fault: 'status', status: 500 })
      await expect(client.batches.list()).rejects.toMatchObject({ status: 500 })
      expect((await client.batches.list()).data).toEqual(expect.any(Array))
    })

    it('delay: answers normally after delayMs', async () => {
      api.addFault({ op: 'list', fault: 'delay', delayMs: 150 })
      const t0 = Date.now()
      expect((await client.batches.list()).data).toEqual(expect.any(Array))
      expect(Date.now() - t0).toBeGreaterThanOrEqual(140)
      expect(api.log.at(-1)).toMatchObject({ op: 'list', fault: 'delay', status: 200 })
    })

    it('stall: never answers, so the client times out', async () => {
      api.addFault({ op: 'list', fault: 'stall' })
      const t0 = Date.now()
      // Under jest's VM realm the SDK cannot recognise its own AbortError (it becomes Error('{}')), so a timeout
      // surfaces as the parent APIConnectionError here; plain Node gives APIConnectionTimeoutError.
      await expect(client.batches.list({}, { timeout: 150 })).rejects.toBeInstanceOf(
        OpenAI.APIConnectionError
      )
      expect(Date.now() - t0).toBeGreaterThanOrEqual(140)
      expect(api.log.at(-1)).toMatchObject({ op: 'list', fault: 'stall', status: 0 })
    })

    it('cut: a download stops after afterBytes', async () => {
      const payload = jsonl(Array.from({ length: 200 }, (_, i) => chat(`k${i}`, 'some text')))
      const file = await client.files.create({
        file: fs.createReadStream(writeTemp('cut.jsonl', payload)),
        purpose: 'batch'
      })
      api.addFault({ op: 'download', fault: 'cut', afterBytes: 1000 })
      const res = await client.files.content(file.id)
      expect(res.headers.get('content-length')).toBe(String(Buffer.byteLength(payload)))
      const reader = res.body!.getReader()
      let got = 0
      let failure: unknown = null
      try {
        for (;;) {
          const { done, value } = await reader.read()
          if (done) break
          got += value.length
        }
      } catch (e) {
        failure = e
      }
      expect(failure).not.toBeNull()
      expect(got).toBe(1000)
      expect(api.log.at(-1)).toMatchObject({ op: 'download', fault: 'cut', status: 200 })
      const whole = await (await client.files.content(file.id)).text()
      expect(whole).toBe(payload)
    })

    it('cut with afterBytes 0 sends only the headers', async () => {
      api.addFault({ op: 'list', fault: 'cut' })
      const res = await fetch(`${api.url}/batches`, {
        headers: { authorization: 'Bearer test-key' }
      })
      expect(res.status).toBe(200)
      await expect(res.text()).rejects.toThrow()
    })

    it('rejects malformed fault rules', () => {
      expect(() => api.addFault({ op: 'nope' as 'list', fault: 'stall' })).toThrow(TypeError)
      expect(() => api.addFault({ op: 'list', fault: 'boom' as 'stall' })).toThrow(TypeError)
      expect(() => api.addFault({ op: 'list', fault: 'status', status: 200 })).toThrow(TypeError)
      expect(api.faults()).toEqual([])
    })
  })

  describe('HTTP control surface', () => {
    const control = (p: string, init: RequestInit = {}) =>
      fetch(`${api.url.replace(/\/v1$/, '')}/_mock${p}`, init)

    it('adds and clears faults, configures, and reports state without auth', async () => {
      const created = await createBatch(client, [chat('a', 'q')])
      const added = await control('/faults', {
        method: 'POST',
        body: JSON.stringify([
          { op: 'retrieve', fault: 'status', status: 500, times: 5 },
          { op: 'list', fault: 'status', status: 502 }
        ])
      })
      expect(added.status).toBe(200)
      expect(((await added.json()) as any).faults).toHaveLength(2)
      await expect(client.batches.retrieve(created.id)).rejects.toMatchObject({ status: 500 })
      expect((await control('/faults', { method: 'DELETE' })).status).toBe(200)
      expect(api.faults()).toEqual([])
      expect((await client.batches.retrieve(created.id)).id).toBe(created.id)

      const badRule = await control('/faults', {
        method: 'POST',
        body: JSON.stringify({ op: 'retrieve', fault: 'explode' })
      })
      expect(badRule.status).toBe(400)
      expect((await control('/faults', { method: 'POST', body: '{x' })).status).toBe(400)

      const cfg = await control('/config', {
        method: 'POST',
        body: JSON.stringify({ statusCase: 'upper', timings: { finalizingMs: 15 } })
      })
      expect(await cfg.json()).toMatchObject({
        statusCase: 'upper',
        timings: { finalizingMs: 15, validatingMs: 10 }
      })
      expect((await client.batches.retrieve(created.id)).status).toMatch(/^[A-Z_]+$/)
      expect(
        (
          await control('/config', {
            method: 'POST',
            body: JSON.stringify({ statusCase: 'sideways' })
          })
        ).status
      ).toBe(400)

      const state = (await (await control('/state')).json()) as any
      expect(state.batches.some((b: any) => b.id === created.id)).toBe(true)
      expect(state.files.some((f: any) => f.id === created.input_file_id)).toBe(true)
      expect(state.log.length).toBeGreaterThan(0)
      expect(
        state.log.every(
          (e: any) =>
            e.headers.authorization === undefined || e.headers.authorization === 'REDACTED'
        )
      ).toBe(true)
      expect((await control('/nothing')).status).toBe(404)
    })
  })

  describe('upper-case statuses', () => {
    it('answers every status in upper case', async () => {
      api.configure({ statusCase: 'upper' })
      const created = await createBatch(client, [chat('a', 'q'), chat('b', 'q')], {
        metadata: { mock_in_progress_ms: '200' }
      })
      expect(created.status).toBe('VALIDATING')
      const { batch, seen } = await waitFor(client, created.id)
      expect(batch.status).toBe('COMPLETED')
      expect(seen.map((b) => b.status)).toContain('IN_PROGRESS')
      expect(seen.every((b) => b.status === b.status.toUpperCase())).toBe(true)
      expect(api.batches().find((b) => b.id === created.id)?.status).toBe('COMPLETED')
    })
  })
})

describe('mock batch api: listing', () => {
  it('lists newest first with cursor pagination and SDK auto-pagination', async () => {
    const api = await startMockBatchApi({ timings: FAST })
    try {
      const client = newClient(api)
      const file = await upload(client, [chat('a', 'q')])
      const ids: string[] = []
      for (let i = 0; i < 5; i++) {
        ids.push(
          (
            await client.batches.create({
              input_file_id: file.id,
              endpoint: '/v1/chat/completions',
              completion_window: '24h'
            })
          ).id
        )
      }
      const newest = [...ids].reverse()
      const first = await client.batches.list({ limit: 2 })
      expect(first.data.map((b) => b.id)).toEqual(newest.slice(0, 2))
      expect(first.has_more).toBe(true)
      const second = await client.batches.list({ limit: 2, after: first.data.at(-1)!.id })
      expect(second.data.map((b) => b.id)).toEqual(newest.slice(2, 4))
      const last = await client.batches.list({ limit: 2, after: second.data.at(-1)!.id })
      expect(last.data.map((b) => b.id)).toEqual(newest.slice(4))
      expect(last.has_more).toBe(false)
      const raw = (await (
        await fetch(`${api.url}/batches?limit=3`, { headers: { authorization: 'Bearer test-key' } })
      ).json()) as any
      expect(raw).toMatchObject({
        object: 'list',
        first_id: newest[0],
        last_id: newest[2],
        has_more: true
      })

      const all: string[] = []
      for await (const b of client.batches.list({ limit: 2 })) all.push(b.id)
      expect(all).toEqual(newest)
      expect(api.log.filter((e) => e.op === 'list').at(-1)?.query).toEqual({
        limit: '2',
        after: newest[3]
      })
      expect((await client.batches.list()).data).toHaveLength(5)
      await expect(client.batches.list({ limit: 101 })).rejects.toMatchObject({ status: 400 })
      await expect(client.batches.list({ limit: 0 })).rejects.toMatchObject({ status: 400 })
    } finally {
      await api.close()
    }
  })
})

describe('mock batch api: shutdown', () => {
  it('close() resolves promptly with a stalled and a delayed request, and removes its temp dir', async () => {
    const api = await startMockBatchApi({ timings: FAST })
    const client = newClient(api, { timeout: 30_000 })
    api.addFault({ op: 'list', fault: 'stall' })
    api.addFault({ op: 'retrieve', fault: 'delay', delayMs: 30_000 })
    const stalled = client.batches.list().catch((e: unknown) => e)
    const delayed = client.batches.retrieve('batch_x').catch((e: unknown) => e)
    while (api.log.length < 2) await sleep(5)
    expect(fs.existsSync(api.dataDir)).toBe(true)
    const t0 = Date.now()
    await api.close()
    expect(Date.now() - t0).toBeLessThan(1000)
    expect(await stalled).toBeInstanceOf(OpenAI.APIConnectionError)
    expect(await delayed).toBeInstanceOf(OpenAI.APIConnectionError)
    expect(fs.existsSync(api.dataDir)).toBe(false)
    await api.close() // idempotent
  })

  it('keeps a given dataDir and closes while a batch is running', async () => {
    const dataDir = path.join(tmp, 'kept')
    const api = await startMockBatchApi({ dataDir, timings: { ...FAST, inProgressMs: 10_000 } })
    const client = newClient(api)
    const created = await createBatch(client, [chat('a', 'q')])
    await waitFor(client, created.id, (b) => b.status === 'in_progress')
    const t0 = Date.now()
    await api.close()
    expect(Date.now() - t0).toBeLessThan(1000)
    expect(fs.readdirSync(dataDir)).toContain(created.input_file_id)
  })
})

describe('mock batch api: cli', () => {
  it('starts, prints its URL, writes the port file and exits cleanly on SIGTERM', async () => {
    const portFile = path.join(tmp, 'port')
    const child = spawn(
      process.execPath,
      [
        'tools/mock-batch-api/cli.mjs',
        '--port',
        '0',
        '--no-auth',
        '--upper',
        '--status-name',
        'validating=queued',
        '--max-requests-per-file',
        '5',
        '--validating-ms',
        '5',
        '--port-file',
        portFile
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe']
      }
    )
    let stdout = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code))
    )
    for (let i = 0; i < 1000 && !stdout.includes('\n'); i++) await sleep(10)
    const m = /^mock batch api listening on (http:\/\/127\.0\.0\.1:(\d+)\/v1)\n$/.exec(stdout)
    expect(m).not.toBeNull()
    expect(fs.readFileSync(portFile, 'utf8').trim()).toBe(m![2])
    const client = new OpenAI({ baseURL: m![1], apiKey: 'anything', maxRetries: 0 })
    const file = await client.files.create({
      file: await toFile(Buffer.from(jsonl([chat('a', 'q')])), 'in.jsonl'),
      purpose: 'batch'
    })
    const created = await client.batches.create({
      input_file_id: file.id,
      endpoint: '/v1/chat/completions',
      completion_window: '24h'
    })
    expect(created.status).toBe('QUEUED')
    const config = (await (await fetch(m![1]!.replace(/\/v1$/, '/_mock/config'))).json()) as any
    expect(config.limits.maxRequestsPerFile).toBe(5)
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(fs.existsSync(portFile)).toBe(false)
  })
})

describe('mock batch api: knobs for hostile providers', () => {
  let api: MockBatchApi
  let client: OpenAI

  beforeAll(async () => {
    api = await startMockBatchApi({ timings: FAST })
    client = newClient(api)
  })
  afterEach(() => {
    api.clearFaults()
    api.configure({
      timings: { ...FAST, expireMs: null },
      statusCase: 'lower',
      statusNames: {},
      limits: { maxRequestsPerFile: null, maxBytesPerFile: null, maxEnqueuedTokens: null }
    })
  })
  afterAll(async () => {
    await api.close()
  })

  const create = (fileId: string, metadata?: Record<string, string>) =>
    client.batches.create({
      input_file_id: fileId,
      endpoint: '/v1/chat/completions',
      completion_window: '24h',
      ...(metadata ? { metadata } : {})
    })
  const listedIds = async () => {
    const ids: string[] = []
    for await (const b of client.batches.list({ limit: 100 })) ids.push(b.id)
    return ids
  }
  const byFile = (fileId: string) => api.batches().filter((b) => b.input_file_id === fileId)

  describe('late commit', () => {
    it('answers 504 and commits the batch commitAfterMs later', async () => {
      const file = await upload(client, [chat('a', 'q')])
      api.addFault({ op: 'create', fault: 'late-commit', commitAfterMs: 300 })
      const t0 = Date.now()
      const err = await create(file.id).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(OpenAI.InternalServerError)
      expect((err as InstanceType<typeof OpenAI.APIError>).status).toBe(504)
      expect(byFile(file.id)).toEqual([])
      const entry = api.log.at(-1)!
      expect(entry).toMatchObject({ op: 'create', fault: 'late-commit', status: 504 })
      expect(entry.batchId).toBeUndefined()
      while (byFile(file.id).length === 0) await sleep(10)
      expect(Date.now() - t0).toBeGreaterThanOrEqual(290)
      const [late] = byFile(file.id)
      expect(entry.batchId).toBe(late!.id)
      expect(await listedIds()).toContain(late!.id)
      expect((await waitFor(client, late!.id)).batch.status).toBe('completed')
    })

    it('the SDK retrying a 504 makes a second batch once the first commits', async () => {
      const file = await upload(client, [chat('a', 'q')])
      api.addFault({ op: 'create', fault: 'late-commit', commitAfterMs: 1500 })
      const retrying = newClient(api, { maxRetries: 1 })
      const ok = await retrying.batches.create({
        input_file_id: file.id,
        endpoint: '/v1/chat/completions',
        completion_window: '24h'
      })
      expect(byFile(file.id).map((b) => b.id)).toEqual([ok.id])
      while (byFile(file.id).length < 2) await sleep(20)
      const ids = byFile(file.id).map((b) => b.id)
      expect(ids).toHaveLength(2)
      expect(ids[0]).toBe(ok.id) // the late one is newer: committed after the retry
    })

    it('variants: the connection dropped after the create was read, or no answer at all', async () => {
      const file = await upload(client, [chat('a', 'q')])
      api.addFault({ op: 'create', fault: 'late-commit', answer: 'drop', commitAfterMs: 100 })
      await expect(create(file.id)).rejects.toBeInstanceOf(OpenAI.APIConnectionError)
      expect(api.log.at(-1)).toMatchObject({ fault: 'late-commit', status: 0 })
      expect(byFile(file.id)).toEqual([])
      while (byFile(file.id).length === 0) await sleep(10)

      api.addFault({ op: 'create', fault: 'late-commit', answer: 'stall', commitAfterMs: 400 })
      await expect(
        client.batches.create(
          { input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h' },
          { timeout: 150 }
        )
      ).rejects.toBeInstanceOf(OpenAI.APIConnectionError)
      expect(byFile(file.id)).toHaveLength(1)
      while (byFile(file.id).length === 1) await sleep(10)
      expect(byFile(file.id)).toHaveLength(2)
    })

    it('an invalid create is refused at once and commits nothing', async () => {
      api.addFault({ op: 'create', fault: 'late-commit', commitAfterMs: 50 })
      const count = api.batches().length
      await expect(create('file-missing')).rejects.toMatchObject({ status: 400 })
      await sleep(150)
      expect(api.batches()).toHaveLength(count)
    })
  })

  describe('create answers of unexpected shape', () => {
    it.each([
      ['created-at-string', (b: any) => expect(typeof b.created_at).toBe('string')],
      ['errors-empty-array', (b: any) => expect(b.errors).toEqual([])],
      [
        'counts-strings',
        (b: any) => expect(b.request_counts).toEqual({ total: '0', completed: '0', failed: '0' })
      ],
      ['status-null', (b: any) => expect(b.status).toBeNull()]
    ] as const)('%s: the batch is committed, its answer is odd', async (shape, check) => {
      const file = await upload(client, [chat('a', 'q')])
      api.addFault({ op: 'create', fault: 'odd-shape', shape })
      const odd = await create(file.id)
      check(odd)
      expect(api.batch(odd.id)).toMatchObject({ id: odd.id, status: 'validating', errors: null })
      expect(typeof api.batch(odd.id)?.created_at).toBe('number')
      expect((await client.batches.retrieve(odd.id)).status).toBe('validating')
    })

    it('applies to retrieve too; rejects an unknown shape or op', async () => {
      const created = await createBatch(client, [chat('a', 'q')])
      api.addFault({ op: 'retrieve', fault: 'odd-shape', shape: 'status-null' })
      expect((await client.batches.retrieve(created.id)).status).toBeNull()
      expect((await client.batches.retrieve(created.id)).status).not.toBeNull()
      expect(() =>
        api.addFault({ op: 'create', fault: 'odd-shape', shape: 'wavy' as 'status-null' })
      ).toThrow(TypeError)
      expect(() => api.addFault({ op: 'list', fault: 'odd-shape', shape: 'status-null' })).toThrow(
        TypeError
      )
    })
  })

  describe('status spellings', () => {
    it('reports completed as succeeded and cancelled as canceled, in either case', async () => {
      api.configure({ statusNames: { completed: 'succeeded', cancelled: 'canceled' } })
      const done = (b: Batch) =>
        ['succeeded', 'canceled', 'SUCCEEDED', 'CANCELED'].includes(b.status)
      const ok = await createBatch(client, [chat('a', 'q')])
      expect((await waitFor(client, ok.id, done)).batch.status).toBe('succeeded')
      expect(api.batch(ok.id)?.status).toBe('succeeded')

      api.configure({ statusCase: 'upper' })
      const stuck = await createBatch(client, [chat('a', 'q'), chat('b', 'q')], {
        metadata: { mock_scenario: 'stuck' }
      })
      await waitFor(client, stuck.id, (b) => String(b.status) === 'IN_PROGRESS')
      expect((await client.batches.cancel(stuck.id)).status).toBe('CANCELLING')
      expect((await waitFor(client, stuck.id, done)).batch.status).toBe('CANCELED')
      expect((await client.batches.retrieve(ok.id)).status).toBe('SUCCEEDED')
      expect(() => api.configure({ statusNames: { done: 'x' } as never })).toThrow(TypeError)
    })
  })

  describe('provider limits', () => {
    it('fails a file over the request-count or byte limit with an errors list', async () => {
      api.configure({ limits: { maxRequestsPerFile: 2 } })
      const over = await createBatch(client, [chat('a', 'q'), chat('b', 'q'), chat('c', 'q')])
      const { batch } = await waitFor(client, over.id)
      expect(batch).toMatchObject({ status: 'failed', output_file_id: null, error_file_id: null })
      expect(batch.errors?.data).toEqual([
        {
          code: 'request_limit_exceeded',
          message: 'The input file has 3 requests; the limit is 2 requests per batch.',
          param: null,
          line: null
        }
      ])
      const fits = await createBatch(client, [chat('a', 'q'), chat('b', 'q')])
      expect((await waitFor(client, fits.id)).batch.status).toBe('completed')

      const lines = [chat('a', 'q'), chat('b', 'q')]
      api.configure({ limits: { maxRequestsPerFile: null, maxBytesPerFile: 100 } })
      const big = await createBatch(client, lines)
      const failed = (await waitFor(client, big.id)).batch
      expect(failed.status).toBe('failed')
      expect(failed.errors?.data?.[0]).toMatchObject({
        code: 'file_too_large',
        message: `The input file is ${Buffer.byteLength(jsonl(lines))} bytes; the limit is 100 bytes per batch file.`
      })
    })

    it('fails a batch that would pass the enqueued-token limit of the batches in flight', async () => {
      // Tokens per request: ceil(characters of the messages' content / 4) + max_tokens:
      // 'be brief' and 'q' are 9 characters, 3 tokens, + 1000.
      const lines = [chat('a', 'q', { max_tokens: 1000 }), chat('b', 'q', { max_tokens: 1000 })]
      const tokens = 2 * 1003
      api.configure({ limits: { maxEnqueuedTokens: tokens + 10 } })
      const first = await createBatch(client, lines, { metadata: { mock_in_progress_ms: '1500' } })
      await waitFor(client, first.id, (b) => b.status === 'in_progress')
      const second = await createBatch(client, lines)
      const { batch } = await waitFor(client, second.id)
      expect(batch.status).toBe('failed')
      expect(batch.errors?.data?.[0]?.code).toBe('token_limit_exceeded')
      expect(batch.errors?.data?.[0]?.message).toMatch(
        `Limit: ${tokens + 10} enqueued tokens. Please try submitting your batch again later.`
      )
      expect((await waitFor(client, first.id)).batch.status).toBe('completed')
      const third = await createBatch(client, lines) // nothing in flight any more
      expect((await waitFor(client, third.id)).batch.status).toBe('completed')

      api.configure({ limits: { maxEnqueuedTokens: tokens - 1 } })
      const alone = (await waitFor(client, (await createBatch(client, lines)).id)).batch
      expect(alone.errors?.data?.[0]?.code).toBe('token_limit_exceeded')
      expect(() => api.configure({ limits: { maxEnqueuedTokens: -1 } })).toThrow(TypeError)
    })
  })

  describe('per-request outcomes', () => {
    it('fails chosen requests (by list or pattern) with a status code and message', async () => {
      api.addFault({ op: 'create', fault: 'fail-requests', customIds: ['b'], status: 500 })
      api.addFault({
        op: 'create',
        fault: 'fail-requests',
        match: '^rl-',
        status: 429,
        message: 'Rate limit reached for requests.'
      })
      api.addFault({ op: 'create', fault: 'fail-requests', customIds: ['bad'], status: 400 })
      const ids = ['a', 'b', 'rl-1', 'rl-2', 'bad', 'c']
      const created = await createBatch(
        client,
        ids.map((id) => chat(id, `q ${id}`))
      )
      expect(api.faults()).toEqual([]) // all three applied to this one create
      const { batch } = await waitFor(client, created.id)
      expect(batch.status).toBe('completed')
      expect(batch.request_counts).toEqual({ total: 6, completed: 2, failed: 4 })
      const out = await readResults(client, batch.output_file_id)
      expect(out.map((o) => o.custom_id).sort()).toEqual(['a', 'c'])
      const errors = await readResults(client, batch.error_file_id)
      const got = Object.fromEntries(
        errors.map((e) => [e.custom_id, [e.response?.status_code, e.response?.body.error]])
      )
      expect(got).toEqual({
        b: [
          500,
          {
            message: 'Mock request failure: HTTP 500.',
            type: 'server_error',
            param: null,
            code: null
          }
        ],
        'rl-1': [
          429,
          {
            message: 'Rate limit reached for requests.',
            type: 'requests',
            param: null,
            code: 'rate_limit_exceeded'
          }
        ],
        'rl-2': [
          429,
          {
            message: 'Rate limit reached for requests.',
            type: 'requests',
            param: null,
            code: 'rate_limit_exceeded'
          }
        ],
        bad: [
          400,
          {
            message: 'Mock request failure: HTTP 400.',
            type: 'invalid_request_error',
            param: null,
            code: null
          }
        ]
      })
      expect(errors.every((e) => e.error === null)).toBe(true)
      // The next create is not affected.
      const clean = (await waitFor(client, (await createBatch(client, [chat('b', 'q')])).id)).batch
      expect(clean.request_counts).toEqual({ total: 1, completed: 1, failed: 0 })
    })

    it('expires with part of the requests done: batch_expired lines, or nothing, for the rest', async () => {
      const lines = Array.from({ length: 5 }, (_, i) => chat(`p${i}`, `q${i}`))
      api.addFault({ op: 'create', fault: 'expire-partial', doneRequests: 3 })
      const { batch } = await waitFor(client, (await createBatch(client, lines)).id)
      expect(batch.status).toBe('expired')
      expect(batch.request_counts).toEqual({ total: 5, completed: 3, failed: 0 })
      const out = await readResults(client, batch.output_file_id)
      expect(out.map((o) => o.custom_id).sort()).toEqual(['p0', 'p1', 'p2'])
      const errors = await readResults(client, batch.error_file_id)
      expect(errors.map((e) => [e.custom_id, e.error?.code]).sort()).toEqual([
        ['p3', 'batch_expired'],
        ['p4', 'batch_expired']
      ])

      api.addFault({
        op: 'create',
        fault: 'expire-partial',
        doneRequests: 2,
        unfinished: 'missing'
      })
      api.addFault({ op: 'create', fault: 'fail-requests', customIds: ['p1'], status: 500 })
      const quiet = (await waitFor(client, (await createBatch(client, lines)).id)).batch
      expect(quiet.status).toBe('expired')
      expect(quiet.request_counts).toEqual({ total: 5, completed: 1, failed: 1 })
      expect((await readResults(client, quiet.output_file_id)).map((o) => o.custom_id)).toEqual([
        'p0'
      ])
      const quietErrors = await readResults(client, quiet.error_file_id)
      expect(quietErrors.map((e) => [e.custom_id, e.response?.status_code])).toEqual([['p1', 500]])
    })

    it('rejects malformed outcome rules', () => {
      expect(() =>
        api.addFault({ op: 'retrieve', fault: 'fail-requests', customIds: ['a'] })
      ).toThrow(TypeError)
      expect(() => api.addFault({ op: 'create', fault: 'fail-requests' })).toThrow(TypeError)
      expect(() => api.addFault({ op: 'create', fault: 'fail-requests', match: '(' })).toThrow(
        SyntaxError
      )
      expect(() =>
        api.addFault({ op: 'create', fault: 'expire-partial', unfinished: 'gone' as 'missing' })
      ).toThrow(TypeError)
      expect(api.faults()).toEqual([])
    })
  })
})

describe('mock batch api: a busy account', () => {
  let api: MockBatchApi
  let client: OpenAI
  beforeAll(async () => {
    api = await startMockBatchApi({ timings: FAST })
    client = newClient(api)
  })
  afterAll(async () => {
    await api.close()
  })

  it('seeds foreign batches, so finding ours pages past 100, newest first', async () => {
    const mine = await createBatch(client, [chat('a', 'q')], { metadata: { job: 'mine' } })
    await waitFor(client, mine.id)
    const seeded = api.seedBatches({
      count: 250,
      metadata: (i) => ({ job: `other-${i}` }),
      status: 'in_progress',
      requests: 4
    })
    expect(seeded).toHaveLength(250)

    const pages: Array<{ ids: string[]; has_more: boolean }> = []
    let after: string | undefined
    for (;;) {
      const page = await client.batches.list({ limit: 100, ...(after ? { after } : {}) })
      pages.push({ ids: page.data.map((b) => b.id), has_more: page.has_more })
      if (!page.has_more) break
      after = page.data.at(-1)!.id
    }
    expect(pages.map((p) => [p.ids.length, p.has_more])).toEqual([
      [100, true],
      [100, true],
      [51, false]
    ])
    const all = pages.flatMap((p) => p.ids)
    expect(all.indexOf(mine.id)).toBe(250)
    expect(all.slice(0, 250)).toEqual([...seeded].reverse())

    const found: Batch[] = []
    for await (const b of client.batches.list({ limit: 100 })) {
      if (b.metadata?.job === 'mine') found.push(b)
    }
    expect(found.map((b) => b.id)).toEqual([mine.id])

    const foreign = await client.batches.retrieve(seeded[7]!)
    expect(foreign).toMatchObject({
      status: 'in_progress',
      metadata: { job: 'other-7' },
      request_counts: { total: 4, completed: 0, failed: 0 }
    })
    expect((await client.batches.cancel(seeded[7]!)).status).toBe('cancelling')
    expect((await waitFor(client, seeded[7]!)).batch.status).toBe('cancelled')
  })

  it('spreads created_at, lists by created_at, and filters batches() by metadata', async () => {
    const newest = Date.now() - 3_600_000
    const old = api.seedBatches({
      count: 3,
      newestAtMs: newest,
      spacingMs: 60_000,
      metadata: { team: 'old' },
      status: 'completed',
      requests: 2
    })
    const seen = api.batches({ metadata: { team: 'old' } })
    expect(seen.map((b) => b.id)).toEqual(old)
    expect(seen.map((b) => b.created_at)).toEqual(
      [2, 1, 0].map((k) => Math.floor((newest - k * 60_000) / 1000))
    )
    expect(seen[0]).toMatchObject({
      status: 'completed',
      request_counts: { total: 2, completed: 2, failed: 0 }
    })
    const listed: Batch[] = []
    for await (const b of client.batches.list({ limit: 100 })) listed.push(b)
    const createdAt = listed.map((b) => b.created_at)
    expect(createdAt).toEqual([...createdAt].sort((a, b) => b - a))
    expect(listed.slice(-3).map((b) => b.id)).toEqual([...old].reverse())
    expect(api.batch('batch_nope')).toBeUndefined()
    expect(() => api.seedBatches({ count: 1, status: 'done' as 'completed' })).toThrow(TypeError)
  })

  it('seeds and configures through the HTTP control surface', async () => {
    const control = (p: string, body: unknown) =>
      fetch(`${api.url.replace(/\/v1$/, '')}/_mock${p}`, {
        method: 'POST',
        body: JSON.stringify(body)
      })
    const res = await control('/seed', { count: 2, metadata: { via: 'http' }, status: 'failed' })
    expect(res.status).toBe(200)
    const { ids } = (await res.json()) as { ids: string[] }
    expect(api.batches({ metadata: { via: 'http' } }).map((b) => [b.id, b.status])).toEqual(
      ids.map((id) => [id, 'failed'])
    )
    expect((await control('/seed', { count: -1 })).status).toBe(400)
    const cfg = await control('/config', {
      statusNames: { failed: 'errored' },
      limits: { maxRequestsPerFile: 5 }
    })
    expect(await cfg.json()).toMatchObject({
      statusNames: { failed: 'errored' },
      limits: { maxRequestsPerFile: 5, maxBytesPerFile: null, maxEnqueuedTokens: null }
    })
    expect((await client.batches.retrieve(ids[0]!)).status).toBe('errored')
    expect((await control('/config', { limits: { maxBytesPerFile: 0 } })).status).toBe(400)
  })
})
