// A loopback forward proxy, as a self-hosted runner behind a company proxy sees one through
// HTTP_PROXY / HTTPS_PROXY: plain requests come in absolute form (`GET http://host:port/path`) and
// are forwarded; `CONNECT host:port` opens a tunnel it cannot read. It records what it sees. Like
// a real proxy it resolves names itself: `hosts` maps names (api.batch.test) to loopback ports,
// so a test can give the action an https URL with a name that resolves nowhere else.
import http from 'node:http'
import { readFile } from 'node:fs/promises'
import net from 'node:net'
import path from 'node:path'
import tls from 'node:tls'
import { fileURLToPath } from 'node:url'
import type { AddressInfo } from 'node:net'

export interface ForwardedRequest {
  /** `GET http://127.0.0.1:1234/v1/batches`, or `CONNECT 127.0.0.1:1234`. */
  line: string
  /** Whether an authorization header passed through the proxy in the clear. */
  authorization: string | undefined
  /** The proxy's own credentials, as the client sent them. */
  proxyAuthorization: string | undefined
}

export interface ForwardProxy {
  url: string
  seen: ForwardedRequest[]
  close(): Promise<void>
}

export async function startForwardProxy(hosts: Record<string, number> = {}): Promise<ForwardProxy> {
  const seen: ForwardedRequest[] = []
  const sockets = new Set<net.Socket>()
  const server = http.createServer((request, response) => {
    seen.push({
      line: `${request.method} ${request.url}`,
      authorization: request.headers.authorization,
      proxyAuthorization: request.headers['proxy-authorization']
    })
    let target: URL
    try {
      target = new URL(request.url ?? '')
    } catch {
      response.writeHead(400).end('absolute-form request expected')
      return
    }
    const headers = { ...request.headers }
    delete headers['proxy-connection']
    const mapped = hosts[target.hostname]
    const upstream = http.request(
      {
        host: mapped === undefined ? target.hostname : '127.0.0.1',
        port: mapped ?? target.port,
        path: `${target.pathname}${target.search}`,
        method: request.method,
        headers
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(response)
      }
    )
    upstream.on('error', () => response.destroy())
    request.pipe(upstream)
  })
  server.on('connect', (request: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    seen.push({
      line: `CONNECT ${request.url}`,
      authorization: request.headers.authorization,
      proxyAuthorization: request.headers['proxy-authorization']
    })
    const [host = '', port] = (request.url ?? '').split(':')
    const mapped = hosts[host]
    const upstream = net.connect(
      mapped ?? Number(port),
      mapped === undefined ? host : '127.0.0.1',
      () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
        if (head.length > 0) upstream.write(head)
        upstream.pipe(client)
        client.pipe(upstream)
      }
    )
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
  })
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}

/** A TLS front for a plain loopback server, with the test certificate of __fixtures__/tls/. */
export async function startTlsFront(
  targetPort: number
): Promise<{ port: number; close(): Promise<void> }> {
  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'tls')
  const [cert, key] = await Promise.all([
    readFile(path.join(dir, 'cert.pem')),
    readFile(path.join(dir, 'key.pem'))
  ])
  const sockets = new Set<net.Socket>()
  const server = tls.createServer({ cert, key }, (client) => {
    const upstream = net.connect(targetPort, '127.0.0.1')
    client.pipe(upstream).pipe(client)
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
    sockets.add(client)
    client.on('close', () => sockets.delete(client))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}

/** The certificate to trust (NODE_EXTRA_CA_CERTS) for api.batch.test and api.github.test. */
export const testCertificate = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'tls',
  'cert.pem'
)
