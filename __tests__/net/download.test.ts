import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { mkdtemp, readFile, readdir, rm, writeFile, stat } from 'node:fs/promises'
import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { APIError, NotFoundError } from 'openai'
import { downloadToFile } from '../../src/net/download.js'
import { isTransientTransferError } from '../../src/net/retry.js'
import {
  DownloadFailedError,
  HttpStatusError,
  TruncatedBodyError
} from '../../src/net/transfer-errors.js'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'download-test-'))
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
    const error = await downloadToFile(() => fetch(`${base}/cut-always`), dest, {
      attempts: 3,
      sleep: noSleep,
      onRetry: (attempt) => retries.push(attempt)
    }).catch((e: unknown) => e)
    // What happened, in numbers, and how many attempts were made: not the read's bare "terminated".
    expect(error).toBeInstanceOf(DownloadFailedError)
    expect((error as Error).message).toBe(
      `the connection closed after ${1024 * 1024} of ${payload.length} bytes (attempt 3 of 3)`
    )
    expect((error as Error).cause).toBeInstanceOf(TruncatedBodyError)
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
    expect(error).toBeInstanceOf(DownloadFailedError)
    expect((error as Error).cause).toBeInstanceOf(TruncatedBodyError)
    expect((error as Error).message).toBe(
      'the connection closed after 100 of 200 bytes (attempt 2 of 2)'
    )
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

describe('isTransientTransferError', () => {
  const apiError = (status: number): APIError =>
    APIError.generate(status, { message: 'x' }, undefined, new Headers())
  const withCode = (code: string): Error => Object.assign(new Error(code), { code })

  it.each<[string, unknown, boolean]>([
    ['HTTP 503', new HttpStatusError(503, 'Service Unavailable'), true],
    ['HTTP 500 from the SDK', apiError(500), true],
    ['HTTP 408', new HttpStatusError(408, 'Request Timeout'), true],
    ['HTTP 429 from the SDK', apiError(429), true],
    ['HTTP 404', new HttpStatusError(404, 'Not Found'), false],
    ['HTTP 400 from the SDK', apiError(400), false],
    // Unlike API calls, a conflict is not retried: the file is what it is.
    ['HTTP 409', new HttpStatusError(409, 'Conflict'), false],
    ['a cut-off body', new TruncatedBodyError(1, 2), true],
    ['a reset connection', withCode('ECONNRESET'), true],
    // An error of unknown kind is retried: a download attempt has no side effect.
    ['an unknown error', new Error('something odd'), true],
    ['a thrown string', 'odd', true],
    ['an abort', Object.assign(new Error('aborted'), { name: 'AbortError' }), false],
    ['a full disk', withCode('ENOSPC'), false],
    ['a read-only destination', withCode('EROFS'), false],
    ['a denied destination', withCode('EACCES'), false]
  ])('%s -> %s', (_, error, retryable) => {
    expect(isTransientTransferError(error)).toBe(retryable)
  })
})

describe('downloadToFile with secrets', () => {
  const KEY = 'sk-download-key-91b7e3'
  const MiB = 1024 * 1024

  /** A response whose body arrives in exactly these chunks, with the Content-Length of them all. */
  function chunked(chunks: Buffer[]): Response {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(new Uint8Array(chunk))
        controller.close()
      }
    })
    const length = chunks.reduce((sum, chunk) => sum + chunk.length, 0)
    return new Response(stream, { headers: { 'content-length': String(length) } })
  }

  it('masks the key in the file, also split across chunks and 1 MiB writes; Content-Length counts the bytes received', async () => {
    const dest = join(dir, 'errors.jsonl')
    const line = Buffer.from(`{"error":{"message":"bad key ${KEY}"}}\n`)
    // The first chunk fills a write buffer exactly and ends inside the key: the write of the first
    // MiB must hold those bytes back until the next chunk shows they are the key.
    const filler = Buffer.alloc(MiB - 7, 'a')
    const key = Buffer.from(KEY)
    const chunks = [
      Buffer.concat([filler, key.subarray(0, 7)]),
      Buffer.concat([key.subarray(7), Buffer.from('\n'), line.subarray(0, 20)]),
      Buffer.concat([line.subarray(20), line])
    ]
    const sent = Buffer.concat(chunks)
    const { bytes } = await downloadToFile(async () => chunked(chunks), dest, {
      attempts: 1,
      secrets: [KEY]
    })
    expect(bytes).toBe(sent.length)
    const written = await readFile(dest, 'latin1')
    expect(written).not.toContain(KEY)
    expect(written).toBe(sent.toString('latin1').split(KEY).join('***'))
  })

  it('keeps the bytes as sent when the key is not in them, and with no secret', async () => {
    const body = Buffer.from('{"id":"x","custom_id":"a"}\n'.repeat(50_000))
    for (const secrets of [[KEY], [], [undefined]]) {
      const dest = join(dir, `output-${secrets.length}.jsonl`)
      await downloadToFile(async () => chunked([body.subarray(0, 777), body.subarray(777)]), dest, {
        attempts: 1,
        secrets
      })
      expect((await readFile(dest)).equals(body)).toBe(true)
    }
  })
})
