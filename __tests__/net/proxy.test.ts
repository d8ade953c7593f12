import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { startForwardProxy, type ForwardProxy } from '../../__fixtures__/forward-proxy.js'
import { createNodeFetch } from '../../src/net/http-fetch.js'
import { agentPool, namesProxy } from '../../src/net/proxy.js'

let target: http.Server
let proxy: ForwardProxy
let port: number

beforeAll(async () => {
  target = http.createServer((request, response) => response.end(`answered ${request.url}`))
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve))
  port = (target.address() as AddressInfo).port
  proxy = await startForwardProxy({ 'api.batch.test': port })
})
afterAll(async () => {
  await proxy.close()
  await new Promise<void>((resolve) => target.close(() => resolve()))
})

describe('namesProxy', () => {
  it.each([
    [{}, false],
    [{ HTTPS_PROXY: 'http://proxy:3128' }, true],
    [{ https_proxy: 'http://proxy:3128' }, true],
    [{ HTTP_PROXY: 'http://proxy:3128' }, true],
    [{ http_proxy: 'http://proxy:3128' }, true],
    [{ HTTPS_PROXY: '  ' }, false],
    [{ NO_PROXY: '*' }, false]
  ])('%j: %s', (env, expected) => {
    expect(namesProxy(env)).toBe(expected)
  })
})

describe('agentPool', () => {
  it('gives a loopback host the direct agent, whatever the environment says', () => {
    const pool = agentPool({ HTTP_PROXY: 'http://127.0.0.1:9', HTTPS_PROXY: 'http://127.0.0.1:9' })
    const direct = agentPool({})
    for (const url of ['http://127.0.0.1:1/v1', 'http://localhost:1/', 'https://[::1]:1/']) {
      expect(pool.for(new URL(url))).not.toBe(pool.for(new URL('https://api.example.com/')))
      expect(pool.for(new URL(url)).constructor).toBe(direct.for(new URL(url)).constructor)
    }
    // http and https have their own agents.
    expect(pool.for(new URL('http://api.example.com/'))).not.toBe(
      pool.for(new URL('https://api.example.com/'))
    )
  })

  it('without a proxy, every host gets the same direct agent', () => {
    const pool = agentPool({})
    expect(pool.for(new URL('https://api.example.com/'))).toBe(pool.for(new URL('https://[::1]/')))
  })
})

describe('createNodeFetch through a proxy', () => {
  it('sends a request for a non-loopback host to the proxy, in absolute form', async () => {
    const fetch = createNodeFetch({ idleTimeoutMs: 5000, env: { HTTP_PROXY: proxy.url } })
    const seen = proxy.seen.length
    const response = await fetch('http://api.batch.test/v1/batches?limit=1')
    expect(await response.text()).toBe('answered /v1/batches?limit=1')
    expect(proxy.seen.slice(seen).map((request) => request.line)).toEqual([
      'GET http://api.batch.test/v1/batches?limit=1'
    ])
  })

  it('reads the environment it is given once, when it is made', async () => {
    const env: NodeJS.ProcessEnv = { HTTP_PROXY: proxy.url }
    const fetch = createNodeFetch({ idleTimeoutMs: 5000, env })
    delete env['HTTP_PROXY']
    const seen = proxy.seen.length
    await (await fetch('http://api.batch.test/x')).text()
    expect(proxy.seen.length - seen).toBe(1)
  })

  it('skips the proxy for a host NO_PROXY names, and for a loopback host', async () => {
    const fetch = createNodeFetch({
      idleTimeoutMs: 5000,
      env: { HTTP_PROXY: proxy.url, NO_PROXY: 'api.batch.test' }
    })
    const seen = proxy.seen.length
    await expect(fetch('http://api.batch.test/x')).rejects.toThrow(/api\.batch\.test/)
    const local = await fetch(`http://127.0.0.1:${port}/direct`)
    expect(await local.text()).toBe('answered /direct')
    expect(proxy.seen.length).toBe(seen)
  })
})
