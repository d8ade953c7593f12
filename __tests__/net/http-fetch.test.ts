import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createNodeFetch } from '../../src/net/http-fetch.js'

describe('createNodeFetch', () => {
  let server: http.Server
  let base: string
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/echo') {
        const chunks: Buffer[] = []
        req.on('data', (c: Buffer) => chunks.push(c))
        req.on('end', () => {
          res.setHeader('x-method', req.method ?? '')
          res.end(Buffer.concat(chunks))
        })
      } else if (req.url === '/cut') {
        res.writeHead(200, { 'content-length': '1000' })
        res.write('x'.repeat(100), () => res.socket?.destroy())
      } else if (req.url === '/silent') {
        // never answers
      } else {
        res.writeHead(204).end()
      }
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  })
  const fetchImpl = createNodeFetch({ idleTimeoutMs: 300 })

  it('sends string and streamed bodies and reads the answer', async () => {
    const answer = await fetchImpl(`${base}/echo`, {
      method: 'POST',
      body: 'hello',
      headers: { 'content-type': 'text/plain' }
    })
    expect(answer.status).toBe(200)
    expect(answer.headers.get('x-method')).toBe('POST')
    expect(await answer.text()).toBe('hello')
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 5; i++) controller.enqueue(new TextEncoder().encode(`part${i};`))
        controller.close()
      }
    })
    const streamed = await fetchImpl(`${base}/echo`, {
      method: 'POST',
      body: stream,
      duplex: 'half'
    } as RequestInit)
    expect(await streamed.text()).toBe('part0;part1;part2;part3;part4;')
    expect((await fetchImpl(`${base}/empty`)).status).toBe(204)
  })

  it('turns a body cut short into an error, never a short success', async () => {
    const answer = await fetchImpl(`${base}/cut`)
    await expect(answer.text()).rejects.toThrow()
  })

  it('drops a silent connection after the idle timeout', async () => {
    await expect(fetchImpl(`${base}/silent`)).rejects.toThrow(/No data for/)
  })

  it('aborts at once on the signal', async () => {
    const controller = new AbortController()
    const pending = fetchImpl(`${base}/silent`, { signal: controller.signal })
    controller.abort()
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
  })
})
