// A loopback HTTP proxy between the action and the local Batch API, for faults the local API cannot
// produce: answers rewritten (status, headers, body, a given string echoed into them), bodies stalled
// or cut, calls that hang. It records every request it sees, with its authorization header.
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export type ProxyOp =
  'upload' | 'download' | 'file-retrieve' | 'create' | 'retrieve' | 'list' | 'cancel' | 'other'

/** Which call a request is, from its method and path (as the OpenAI API lays them out). */
export function opOf(method: string, pathname: string): ProxyOp {
  const p = pathname.replace(/^\/v1/, '')
  if (method === 'POST' && p === '/files') return 'upload'
  if (method === 'GET' && /^\/files\/[^/]+\/content$/.test(p)) return 'download'
  if (method === 'GET' && /^\/files\/[^/]+$/.test(p)) return 'file-retrieve'
  if (method === 'POST' && p === '/batches') return 'create'
  if (method === 'GET' && p === '/batches') return 'list'
  if (method === 'GET' && /^\/batches\/[^/]+$/.test(p)) return 'retrieve'
  if (method === 'POST' && /^\/batches\/[^/]+\/cancel$/.test(p)) return 'cancel'
  return 'other'
}

export interface ProxiedResponse {
  status: number
  headers: Record<string, string>
  body: Buffer
}

export type ProxyAction =
  /** Forward unchanged (a rule that only takes its turn in a sequence). */
  | { forward: true }
  /** Answer without forwarding. */
  | { answer: { status: number; headers?: Record<string, string>; body?: unknown } }
  /** Forward, then change the whole answer (content-length follows the new body). */
  | { rewrite: (response: ProxiedResponse) => Partial<ProxiedResponse> }
  /** Forward, send the headers and `afterBytes` of the body, then hold until `release()`. */
  | { stall: { afterBytes: number } }
  /** Forward, send the headers and `afterBytes` of the body, then destroy the socket. */
  | { cut: { afterBytes: number } }
  /** Never answer (until the client gives up or the proxy closes). */
  | { hang: true }
  /** Forward, passing the request's body on at this rate: a slow link up, for a long upload. */
  | { slowBody: { bytesPerSecond: number } }

export interface ProxyRule {
  op: ProxyOp
  /** How many matching requests it applies to (default: every one). */
  times?: number
  action: ProxyAction
}

export interface ProxiedRequest {
  op: ProxyOp
  method: string
  path: string
  at: number
  authorization: string | undefined
  /** Index of the rule applied, if any. */
  rule?: number
}

export interface FaultProxy {
  /** What `base-url` points at: 'http://127.0.0.1:PORT/v1'. */
  url: string
  requests: ProxiedRequest[]
  add(rule: ProxyRule): number
  /** How many times rule `index` was applied. */
  applied(index: number): number
  /** Forgets every rule and every recorded request. */
  clear(): void
  /** Lets every stalled answer go: its socket is destroyed, as a body cut off. */
  release(): void
  close(): Promise<void>
}

/** Starts a proxy forwarding to `target` (an origin such as 'http://127.0.0.1:1234'). */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const rules: Array<ProxyRule & { used: number }> = []
  const requests: ProxiedRequest[] = []
  const stalled = new Set<http.ServerResponse>()
  const upstream = new URL(target)

  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://proxy').pathname
    const op = opOf(req.method ?? 'GET', pathname)
    const index = rules.findIndex((r) => r.op === op && r.used < (r.times ?? Infinity))
    requests.push({
      op,
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      at: Date.now(),
      authorization: req.headers.authorization,
      rule: index < 0 ? undefined : index
    })
    const rule = index < 0 ? undefined : rules[index]
    if (rule) rule.used++
    const action = rule?.action
    if (action && 'hang' in action) return void req.resume()
    if (action && 'answer' in action) {
      req.resume()
      const { status, headers = {}, body } = action.answer
      const text = typeof body === 'string' ? body : JSON.stringify(body ?? {})
      res.writeHead(status, { 'content-type': 'application/json', ...headers })
      return void res.end(text)
    }

    const forwarded = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host }
      },
      (answer) => {
        const headers = flatHeaders(answer.headers)
        if (action && 'rewrite' in action) {
          const chunks: Buffer[] = []
          answer.on('data', (chunk: Buffer) => chunks.push(chunk))
          answer.on('end', () => {
            const original = {
              status: answer.statusCode ?? 502,
              headers,
              body: Buffer.concat(chunks)
            }
            const changed = { ...original, ...action.rewrite(original) }
            const out: Record<string, string> = {
              ...changed.headers,
              'content-length': String(changed.body.length)
            }
            delete out['transfer-encoding']
            res.writeHead(changed.status, out)
            res.end(changed.body)
          })
          return
        }
        if (action && ('stall' in action || 'cut' in action)) {
          const limit = 'stall' in action ? action.stall.afterBytes : action.cut.afterBytes
          res.writeHead(answer.statusCode ?? 502, headers)
          if ('stall' in action) stalled.add(res)
          let sent = 0
          answer.on('data', (chunk: Buffer) => {
            if (sent >= limit) return
            const part = chunk.subarray(0, limit - sent)
            sent += part.length
            res.write(part)
          })
          answer.on('end', () => {
            // Destroyed only once the headers and the bytes are on the wire, so the client sees
            // a body cut short, not a connection that never answered.
            if ('cut' in action) res.write('', () => setTimeout(() => res.destroy(), 20))
          })
          return
        }
        res.writeHead(answer.statusCode ?? 502, headers)
        answer.pipe(res)
      }
    )
    forwarded.on('error', () => res.destroy())
    if (action && 'slowBody' in action) return void paceBody(req, forwarded, action.slowBody)
    req.pipe(forwarded)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    add(rule) {
      return rules.push({ ...rule, used: 0 }) - 1
    },
    applied: (index) => rules[index]?.used ?? 0,
    clear() {
      rules.length = 0
      requests.length = 0
    },
    release() {
      for (const res of stalled) res.destroy()
      stalled.clear()
    },
    async close() {
      for (const res of stalled) res.destroy()
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  }
}

/** Passes `from` on to `to` at `bytesPerSecond`: reading pauses for as long as each chunk takes. */
function paceBody(
  from: http.IncomingMessage,
  to: http.ClientRequest,
  { bytesPerSecond }: { bytesPerSecond: number }
): void {
  from.on('data', (chunk: Buffer) => {
    from.pause()
    to.write(chunk)
    setTimeout(() => from.resume(), (chunk.length / bytesPerSecond) * 1000)
  })
  from.on('end', () => to.end())
  // The client gave up mid-body: the server must see the body cut off, as it would be.
  from.on('close', () => {
    if (!from.complete) to.destroy()
  })
}

function flatHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {}
  for (const [key, value] of Object.entries(headers)) {
    if (value !== undefined) flat[key] = Array.isArray(value) ? value.join(', ') : value
  }
  return flat
}

/** An OpenAI-style error body. */
export function apiError(message: string, type = 'invalid_request_error'): unknown {
  return { error: { message, type, param: null, code: null } }
}

/** Resolves once `condition` holds; polls every 5 ms. */
export async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition never held')
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}
