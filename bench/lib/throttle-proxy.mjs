// A loopback TCP proxy that limits the link to a rate, both directions, for the transfer
// benchmarks: node bench/lib/throttle-proxy.mjs --target 127.0.0.1:PORT --rate BYTES_PER_S --port-file F
//
// Every connection to it is piped to the target. All connections share one link per direction,
// each a token bucket: a chunk leaves when the link has sent the bytes before it at the rate, with
// a burst of BURST_MS worth of bytes, so that neither the action nor curl nor the SDK script can go
// faster than the rate on average. It runs as its own process, so that its timers never share an
// event loop with what is measured.
import { writeFileSync, rmSync } from 'node:fs'
import net from 'node:net'
import { parseArgs } from 'node:util'

/** The bucket's depth: at 100 MB/s about 200 kB may go at once. */
const BURST_MS = 2
/** Chunks larger than this are cut, so that one read never takes the whole burst several times over. */
const SLICE_BYTES = 64 << 10

const { values } = parseArgs({
  options: {
    target: { type: 'string' },
    rate: { type: 'string' },
    'port-file': { type: 'string' }
  },
  strict: true
})
const [targetHost, targetPort] = (values.target ?? '').split(':')
const rate = Number(values.rate)
if (!targetHost || !Number(targetPort) || !(rate > 0)) {
  console.error('usage: throttle-proxy.mjs --target HOST:PORT --rate BYTES_PER_S [--port-file F]')
  process.exit(2)
}

/** One direction of the link: when it is free again, in ms of performance.now(). */
function link() {
  return { freeAt: 0 }
}

/**
 * Carries `from` to `to` over `lane`: chunks are queued in order; each is written once the link
 * has room for it (and `to` takes more), reading from `from` pauses while the queue waits.
 */
function pipeThrottled(from, to, lane) {
  const queue = []
  let timer
  let ended = false
  const pump = () => {
    timer = undefined
    while (queue.length > 0) {
      const now = performance.now()
      const chunk = queue[0]
      const start = Math.max(now - BURST_MS, lane.freeAt)
      if (start > now) {
        timer = setTimeout(pump, Math.max(1, start - now))
        return
      }
      queue.shift()
      lane.freeAt = start + (chunk.length / rate) * 1000
      if (!to.write(chunk)) {
        to.once('drain', pump)
        timer = true
        return
      }
    }
    if (ended) to.end()
    else from.resume()
  }
  from.on('data', (data) => {
    for (let at = 0; at < data.length; at += SLICE_BYTES)
      queue.push(data.subarray(at, at + SLICE_BYTES))
    from.pause()
    if (timer === undefined) pump()
  })
  from.on('end', () => {
    ended = true
    if (timer === undefined && queue.length === 0) to.end()
  })
}

const up = link()
const down = link()
const server = net.createServer((client) => {
  const upstream = net.connect(Number(targetPort), targetHost)
  client.setNoDelay(true)
  upstream.setNoDelay(true)
  const close = () => {
    client.destroy()
    upstream.destroy()
  }
  client.on('error', close)
  upstream.on('error', close)
  client.on('close', () => upstream.destroy())
  upstream.on('close', () => client.destroy())
  pipeThrottled(client, upstream, up)
  pipeThrottled(upstream, client, down)
})
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address()
  if (values['port-file']) writeFileSync(values['port-file'], String(port))
  else console.log(port)
})
const stop = () => {
  if (values['port-file']) rmSync(values['port-file'], { force: true })
  process.exit(0)
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
