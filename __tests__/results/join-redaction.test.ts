// results.jsonl holds no key even when the result files spell it in a way a search of their bytes
// cannot see: JSON escapes (`\u0073k-...`) that parsing turns back into the key, in an error message
// and in a response body the join writes again; through every join (see JOINS).
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { JOINS } from './one-pass-join.js'

const KEY = 'sk-join-key-5e8c1b'
let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'join-redaction-test-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** The key as JSON can spell it without any of its bytes in plain text. */
const escaped = [...KEY].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')

function errorLine(id: string): string {
  return `{"id":"e-${id}","custom_id":"${id}","response":{"status_code":401,"body":{"error":{"message":"the key ${escaped} was refused"}}},"error":null}\n`
}

function okLine(id: string, content: string): string {
  return `${JSON.stringify({ id: `o-${id}`, custom_id: id, response: { status_code: 200, body: { content } }, error: null })}\n`
}

async function setUp(count: number) {
  const ids = Array.from({ length: count }, (_, i) => `req-${i}`)
  const input = join(dir, 'input.jsonl')
  const output = join(dir, 'output.jsonl')
  const errors = join(dir, 'errors.jsonl')
  await writeFile(input, ids.map((id) => `${JSON.stringify({ custom_id: id })}\n`).join(''))
  // Every third request failed with the escaped key; an ok body carries the key escaped too, and
  // some bodies are long enough that the key falls across the writer's 1 MiB writes somewhere.
  await writeFile(
    output,
    ids
      .filter((_, i) => i % 3 !== 0)
      .map((id, i) =>
        okLine(id, i % 50 === 0 ? `echo ${KEY.replace('s', '\\u0073')}` : 'y'.repeat(i % 997))
      )
      .join('')
      .replaceAll('\\\\u0073', '\\u0073')
  )
  await writeFile(
    errors,
    ids
      .filter((_, i) => i % 3 === 0)
      .map(errorLine)
      .join('')
  )
  return { input, output, errors, dest: join(dir, 'results.jsonl') }
}

describe.each(JOINS)('joinResults %s, with secrets', (_name, joinResults) => {
  it('masks the key in results.jsonl and in the listed failures', async () => {
    const files = await setUp(6000)
    expect(await readFile(files.errors, 'utf8')).not.toContain(KEY)
    const result = await joinResults({
      inputPath: files.input,
      outputPath: files.output,
      errorPath: files.errors,
      destPath: files.dest,
      secrets: [KEY]
    })
    expect([result.total, result.ok, result.error]).toEqual([6000, 4000, 2000])
    const text = await readFile(files.dest, 'utf8')
    expect(text.length).toBeGreaterThan(2 * 1024 * 1024)
    expect(text).not.toContain(KEY)
    expect(text).toContain('"message":"the key *** was refused"')
    expect(text).toContain('"response":{"content":"echo ***"}')
  })

  it('without secrets, writes what the files say (the test above is not vacuous)', async () => {
    const files = await setUp(30)
    await joinResults({
      inputPath: files.input,
      outputPath: files.output,
      errorPath: files.errors,
      destPath: files.dest
    })
    expect(await readFile(files.dest, 'utf8')).toContain(`"message":"the key ${KEY} was refused"`)
  })
})
