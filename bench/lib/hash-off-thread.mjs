// SHA-256 of a stream of chunks in a worker thread: what was measured for the validating pass
// (src/validate/file.ts checkAllLines) and not used there (see bench/README.md, hash-off-thread).
// The chunks are copied into batches of 1 MiB whose memory is transferred to the worker and handed
// back once hashed; a caller that runs ahead waits (caughtUp), so at most 4 batches are in flight.
// The worker's code is an inline string with node: built-ins only, so a bundle needs no file of
// its own; the worker is unref'd except while the caller waits on it, and close() terminates it.
import { Worker } from 'node:worker_threads'

const BATCH_BYTES = 1024 * 1024
const MAX_IN_FLIGHT = 4

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads')
const { createHash } = require('node:crypto')
const hash = createHash('sha256')
parentPort.on('message', (batch) => {
  if (batch === null) {
    parentPort.postMessage(hash.digest('hex'))
    parentPort.close()
    return
  }
  hash.update(new Uint8Array(batch.buffer, 0, batch.length))
  parentPort.postMessage(batch.buffer, [batch.buffer])
})
`

export class OffThreadHash {
  #worker
  #free = []
  #current
  #filled = 0
  #inFlight = 0
  #failure
  #failed
  #rejectFailed = () => {}
  #wake
  #digest
  #ended = false
  /** The worker thread's exit code, once it has exited. */
  exited

  constructor() {
    this.#failed = new Promise((_, reject) => (this.#rejectFailed = reject))
    this.#failed.catch(() => {})
    this.#worker = new Worker(WORKER_SOURCE, { eval: true })
    this.#worker.unref()
    this.#worker.on('message', (message) => {
      if (typeof message === 'string') return this.#digest?.(message)
      this.#inFlight--
      this.#free.push(message)
      this.#wakeUp()
    })
    this.#worker.on('error', (error) => this.#fail(error))
    this.exited = new Promise((resolve) =>
      this.#worker.on('exit', (code) => {
        if (!this.#ended) this.#fail(new Error(`the SHA-256 worker stopped (exit code ${code})`))
        resolve(code)
      })
    )
  }

  /** Adds the chunk's bytes (copied: the chunk may be reused once this returns). */
  update(chunk) {
    this.#usable()
    for (let from = 0; from < chunk.length;) {
      this.#current ??= new Uint8Array(this.#free.pop() ?? new ArrayBuffer(BATCH_BYTES))
      const take = Math.min(this.#current.length - this.#filled, chunk.length - from)
      this.#current.set(chunk.subarray(from, from + take), this.#filled)
      this.#filled += take
      from += take
      if (this.#filled === this.#current.length) this.#post()
    }
  }

  get behind() {
    return this.#inFlight >= MAX_IN_FLIGHT
  }

  async caughtUp() {
    while (this.behind && !this.#failure) {
      await this.#whileRefd(new Promise((resolve) => (this.#wake = resolve)))
    }
    if (this.#failure) throw this.#failure
  }

  /** The hex digest of every byte added; the worker is stopped once it is known. */
  async finish() {
    try {
      this.#usable()
      if (this.#filled > 0) this.#post()
      const hex = new Promise((resolve) => (this.#digest = resolve))
      this.#worker.postMessage(null)
      return await this.#whileRefd(hex)
    } finally {
      await this.close()
    }
  }

  async close() {
    this.#ended = true
    await this.#worker.terminate()
  }

  #usable() {
    if (this.#failure) throw this.#failure
    if (this.#ended) throw new Error('the SHA-256 worker was stopped')
  }

  #post() {
    const buffer = this.#current.buffer
    this.#worker.postMessage({ buffer, length: this.#filled }, [buffer])
    this.#inFlight++
    this.#current = undefined
    this.#filled = 0
  }

  #fail(error) {
    if (this.#failure) return
    this.#failure = error
    this.#rejectFailed(error)
    this.#wakeUp()
  }

  #wakeUp() {
    const wake = this.#wake
    this.#wake = undefined
    wake?.()
  }

  async #whileRefd(event) {
    this.#worker.ref()
    try {
      return await Promise.race([event, this.#failed])
    } finally {
      this.#worker.unref()
    }
  }
}
