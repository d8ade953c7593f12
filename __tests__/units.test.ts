import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, mkdir, symlink, writeFile, realpath } from 'node:fs/promises'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { APIConnectionError, AuthenticationError, PermissionDeniedError, APIError } from 'openai'
import { describeApiError, redact } from '../src/errors.js'
import { createNodeFetch } from '../src/http-fetch.js'
import { idempotencyKey } from '../src/idempotency.js'
import { buildBatchMetadata, parseMetadata, traceabilityMetadata } from '../src/metadata.js'
import { resolveInside } from '../src/paths.js'
import {
  describeBatchErrors,
  describeProgress,
  isTerminal,
  parseBatch,
  requestCounts
} from '../src/status.js'

describe('metadata', () => {
  it('parses JSON objects and key=value lines', () => {
    expect(parseMetadata('')).toEqual({})
    expect(parseMetadata('{"a": "1", "b": "x=y"}')).toEqual({ a: '1', b: 'x=y' })
    expect(parseMetadata('a=1\n\n# comment\n b = x=y \r\n')).toEqual({ a: '1', b: 'x=y' })
  })

  it('adds traceability, lets the user win, and always sets the idempotency keys', () => {
    const trace = traceabilityMetadata(
      {
        repo: { owner: 'o', repo: 'r' },
        runId: 42,
        runAttempt: 2,
        workflow: 'nightly',
        sha: 'abc'
      },
      true
    )
    expect(trace).toEqual({
      github_repository: 'o/r',
      github_run_id: '42',
      github_run_attempt: '2',
      github_workflow: 'nightly',
      github_sha: 'abc'
    })
    expect(traceabilityMetadata({ runId: 1 }, false)).toEqual({})
    const merged = buildBatchMetadata({ github_workflow: 'mine', suite: 's' }, trace, {
      key: 'k',
      fileSha256: 'h'
    })
    expect(merged).toMatchObject({
      github_workflow: 'mine',
      suite: 's',
      batch_action_key: 'k',
      input_sha256: 'h'
    })
  })

  it("counts the action's own keys within the 16 pairs", () => {
    const user = Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`k${i}`, 'v']))
    expect(() => buildBatchMetadata(user, {}, { key: 'k', fileSha256: 'h' })).toThrow(
      /17 pairs, more than the API's limit of 16 \(2 of them are added by the action/
    )
    expect(() =>
      buildBatchMetadata(
        Object.fromEntries(Object.entries(user).slice(0, 14)),
        {},
        { key: 'k', fileSha256: 'h' }
      )
    ).not.toThrow()
  })
})

describe('idempotencyKey', () => {
  const actions = {
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'o/r',
    GITHUB_RUN_ID: '42',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'eval',
    GITHUB_ACTION: 'submit'
  }
  it('is stable for one step and file in Actions, whatever the time', () => {
    expect(idempotencyKey(actions, 'sha', 1)).toBe(idempotencyKey(actions, 'sha', 2))
    expect(idempotencyKey(actions, 'sha', 1)).toMatch(/^[0-9a-f]{32}$/)
  })
  it('differs by attempt, step, job and file', () => {
    const base = idempotencyKey(actions, 'sha', 1)
    expect(idempotencyKey({ ...actions, GITHUB_RUN_ATTEMPT: '2' }, 'sha', 1)).not.toBe(base)
    expect(idempotencyKey({ ...actions, GITHUB_ACTION: 'other' }, 'sha', 1)).not.toBe(base)
    expect(idempotencyKey({ ...actions, GITHUB_JOB: 'other' }, 'sha', 1)).not.toBe(base)
    expect(idempotencyKey(actions, 'sha2', 1)).not.toBe(base)
  })
  it('uses the time of the attempt outside Actions', () => {
    expect(idempotencyKey({}, 'sha', 1)).not.toBe(idempotencyKey({}, 'sha', 2))
  })
})

describe('status', () => {
  it('compares statuses case-insensitively', () => {
    expect(isTerminal('COMPLETED')).toBe(true)
    expect(isTerminal('Cancelled')).toBe(true)
    expect(isTerminal('cancelling')).toBe(false)
    expect(isTerminal('IN_PROGRESS')).toBe(false)
    expect(parseBatch({ id: 'b', status: 'IN_PROGRESS' }).status).toBe('in_progress')
  })
  it('unwraps {job: ...} answers and tolerates nulls', () => {
    const batch = parseBatch({
      job: { id: 'b', status: 'validating', request_counts: null, output_file_id: null }
    })
    expect(batch.id).toBe('b')
    expect(requestCounts(batch)).toEqual({ total: 0, completed: 0, failed: 0 })
    expect(describeProgress(batch)).toBe('validating')
  })
  it('rejects an answer that is not a batch', () => {
    expect(() => parseBatch({ object: 'list' })).toThrow(/not a batch .*check base-url/)
  })
  it('describes the batch errors with their lines', () => {
    const batch = parseBatch({
      id: 'b',
      status: 'failed',
      errors: { data: [{ code: 'invalid_url', message: 'bad url', line: 3 }, { message: 'x' }] }
    })
    expect(describeBatchErrors(batch)).toBe('line 3: bad url (invalid_url); x')
    expect(
      describeProgress(
        parseBatch({
          id: 'b',
          status: 'in_progress',
          request_counts: { total: 10, completed: 4, failed: 1 }
        })
      )
    ).toBe('in_progress: 5/10 done, 1 failed')
  })
})

describe('errors', () => {
  const context = { baseUrl: 'https://api.example.com/v1', keySource: 'NEBIUS_API_KEY' as const }
  it('names the key source, never the key', () => {
    const error = new AuthenticationError(
      401,
      { message: 'Incorrect API key provided: sk-abcd1234' },
      undefined,
      new Headers()
    )
    const text = redact(describeApiError(error, context), ['sk-abcd1234'])
    expect(text).toContain('NEBIUS_API_KEY')
    expect(text).toContain('HTTP 401')
    expect(text).not.toContain('sk-abcd1234')
    expect(
      describeApiError(new PermissionDeniedError(403, {}, 'no', new Headers()), {
        ...context,
        keySource: 'input'
      })
    ).toContain('the api-key input')
  })
  it('describes connection problems and other statuses', () => {
    expect(
      describeApiError(
        new APIConnectionError({ message: 'x', cause: new Error('ECONNREFUSED') }),
        context
      )
    ).toContain('could not reach api.example.com (ECONNREFUSED)')
    expect(
      describeApiError(
        new APIError(404, { message: 'No batch found' }, undefined, new Headers()),
        context
      )
    ).toBe('api.example.com answered HTTP 404: No batch found')
  })
  it('redacts every occurrence', () => {
    expect(redact('key=secret1 and secret1', ['secret1'])).toBe('key=*** and ***')
  })
})

describe('resolveInside', () => {
  let workspace: string
  let outside: string
  beforeAll(async () => {
    workspace = await realpath(await mkdtemp(path.join(os.tmpdir(), 'ws-')))
    outside = await realpath(await mkdtemp(path.join(os.tmpdir(), 'out-')))
    await writeFile(path.join(workspace, 'a.jsonl'), '')
    await writeFile(path.join(outside, 'secret.jsonl'), '')
    await symlink(outside, path.join(workspace, 'escape'))
    await mkdir(path.join(workspace, 'sub'))
  })
  it('accepts paths inside the workspace, existing or not', async () => {
    await expect(resolveInside('a.jsonl', 'file', { workspace })).resolves.toBe(
      path.join(workspace, 'a.jsonl')
    )
    await expect(resolveInside('sub/new/dir', 'results-dir', { workspace })).resolves.toBe(
      path.join(workspace, 'sub/new/dir')
    )
    await expect(
      resolveInside(path.join(workspace, 'a.jsonl'), 'file', { workspace })
    ).resolves.toBe(path.join(workspace, 'a.jsonl'))
  })
  it('refuses .. and absolute paths outside', async () => {
    await expect(resolveInside('../x.jsonl', 'file', { workspace })).rejects.toThrow(
      /^file: "..\/x.jsonl" leads to .*outside the workspace/
    )
    await expect(resolveInside('/etc/passwd', 'file', { workspace })).rejects.toThrow(
      /outside the workspace/
    )
  })
  it('refuses symlinks that escape', async () => {
    await expect(resolveInside('escape/secret.jsonl', 'file', { workspace })).rejects.toThrow(
      /outside the workspace/
    )
    await expect(resolveInside('escape/new', 'results-dir', { workspace })).rejects.toThrow(
      /results-dir: .*outside the workspace/
    )
  })
  it('allows the runner temp dir', async () => {
    await expect(
      resolveInside(path.join(outside, 'secret.jsonl'), 'file', { workspace, temp: outside })
    ).resolves.toBe(path.join(outside, 'secret.jsonl'))
  })
})

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
