// node bench/lib/parse-floor.mjs FILE... — reads each file line by line (one reused 1 MiB buffer,
// synchronous reads) and JSON.parses every line; prints {"ms": ..., "lines": ...}. The least CPU
// any join of those files must spend in one Node thread: a floor, not a join.
import { closeSync, openSync, readSync } from 'node:fs'

const started = performance.now()
let lines = 0
for (const file of process.argv.slice(2)) {
  const fd = openSync(file, 'r')
  const chunk = Buffer.allocUnsafe(1 << 20)
  let carry = Buffer.alloc(0)
  for (;;) {
    const n = readSync(fd, chunk, 0, chunk.length, null)
    if (n === 0) break
    let data = carry.length ? Buffer.concat([carry, chunk.subarray(0, n)]) : chunk.subarray(0, n)
    let start = 0
    for (let i = data.indexOf(10); i !== -1; i = data.indexOf(10, start)) {
      if (i > start) {
        JSON.parse(data.toString('utf8', start, i))
        lines++
      }
      start = i + 1
    }
    carry = Buffer.from(data.subarray(start))
  }
  if (carry.length) {
    JSON.parse(carry.toString('utf8'))
    lines++
  }
  closeSync(fd)
}
process.stdout.write(JSON.stringify({ ms: performance.now() - started, lines }))
