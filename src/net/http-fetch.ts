import http from 'node:http'
import https from 'node:https'
import { Readable } from 'node:stream'
import { agentPool } from './proxy.js'

export interface NodeFetchOptions {
  /** The longest a connection may stay silent, in either direction, before it is dropped. */
  idleTimeoutMs: number
  /** Where HTTP_PROXY, HTTPS_PROXY and NO_PROXY are read (net/proxy.ts); process.env by default. */
  env?: NodeJS.ProcessEnv
}

/**
 * A `fetch` on node:http for the SDK. The global fetch holds a streamed multipart upload in memory
 * as it sends it; this one writes the SDK's body stream to the socket with backpressure, so memory
 * stays flat whatever the file size, and it drops connections that go silent. It goes through the
 * runner's proxy, if one is set (net/proxy.ts).
 */
export function createNodeFetch(options: NodeFetchOptions): typeof fetch {
  const agents = agentPool(options.env)

  return (input, init) =>
    new Promise<Response>((resolve, reject) => {
      const url = new URL(input instanceof Request ? input.url : String(input))
      const protocol = url.protocol as 'http:' | 'https:'
      if (protocol !== 'http:' && protocol !== 'https:') {
        reject(new TypeError(`Unsupported protocol ${url.protocol}`))
        return
      }
      const signal = init?.signal ?? undefined
      if (signal?.aborted) {
        reject(abortError(signal))
        return
      }
      const headers: Record<string, string> = {}
      new Headers(init?.headers).forEach((value, key) => {
        headers[key] = value
      })
      const body = init?.body
      if (typeof body === 'string' || body instanceof Uint8Array) {
        headers['content-length'] = String(Buffer.byteLength(body))
      }

      const request = (protocol === 'https:' ? https : http).request(url, {
        method: init?.method ?? 'GET',
        headers,
        agent: agents.for(url)
      })
      let settled = false
      const onAbort = () => request.destroy(abortError(signal!))
      signal?.addEventListener('abort', onAbort, { once: true })
      const cleanup = () => signal?.removeEventListener('abort', onAbort)

      request.setTimeout(options.idleTimeoutMs, () => {
        request.destroy(
          new Error(`No data for ${Math.round(options.idleTimeoutMs / 1000)}s from ${url.host}`)
        )
      })
      request.on('error', (error) => {
        cleanup()
        if (!settled) {
          settled = true
          reject(error)
        }
      })
      request.on('response', (response) => {
        settled = true
        response.on('close', cleanup)
        const status = response.statusCode ?? 0
        const responseHeaders = new Headers()
        for (const [key, value] of Object.entries(response.headers)) {
          if (Array.isArray(value)) for (const item of value) responseHeaders.append(key, item)
          else if (value !== undefined) responseHeaders.set(key, value)
        }
        // A body cut off before its end must reach the reader as an error, never as a short success.
        response.on('aborted', () =>
          response.destroy(new Error(`Connection to ${url.host} closed mid-response`))
        )
        const hasBody = !(status === 204 || status === 304 || init?.method === 'HEAD')
        if (!hasBody) response.resume()
        resolve(
          new Response(
            hasBody ? (Readable.toWeb(response) as unknown as ReadableStream<Uint8Array>) : null,
            {
              status,
              statusText: response.statusMessage ?? '',
              headers: responseHeaders
            }
          )
        )
      })

      if (body == null) {
        request.end()
      } else if (typeof body === 'string' || body instanceof Uint8Array) {
        request.end(body)
      } else if (body instanceof ReadableStream) {
        sendStream(request, body as ReadableStream<Uint8Array>)
      } else {
        reject(new TypeError('Unsupported request body'))
        request.destroy()
      }
    })
}

/**
 * Writes a streamed body one chunk at a time, taking the next chunk only once the previous one
 * has been handed to the socket. Memory stays bounded by a chunk or two, and a source may reuse
 * its buffers (see fileChunks in upload.ts).
 */
async function sendStream(
  request: http.ClientRequest,
  body: ReadableStream<Uint8Array>
): Promise<void> {
  const reader = body.getReader()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      if (request.destroyed) return
      await new Promise<void>((resolve, reject) =>
        request.write(value, (error) => (error ? reject(error) : resolve()))
      )
    }
    request.end()
  } catch (error) {
    request.destroy(error instanceof Error ? error : new Error(String(error)))
  } finally {
    // Stops the source (and closes its file) when the request ended early.
    reader.cancel().catch(() => undefined)
  }
}

function abortError(signal: AbortSignal): Error {
  const error = new Error(
    signal.reason instanceof Error ? signal.reason.message : 'The request was aborted'
  )
  error.name = 'AbortError'
  return error
}
