import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  ids,
  joinedPart,
  OK,
  type JoinedPart,
  type Outcome
} from '../../__fixtures__/job-results.js'
import { joinJob, type JobPart } from '../../src/job/join-job.js'
import { writeRetryInput } from '../../src/job/retry-input.js'
import { AbortedError } from '../../src/net/abort.js'
import { openFds } from '../../__fixtures__/fds.js'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'join-job-test-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

type Line = Record<string, unknown> & { custom_id: string; status: string }

async function readJsonl(path: string): Promise<Line[]> {
  const text = await readFile(path, 'utf8')
  expect(text.endsWith('\n')).toBe(true)
  return text
    .slice(0, -1)
    .split('\n')
    .map((line) => JSON.parse(line) as Line)
}

/**
 * The next round, as the job runs it: the transient failures of `previous` written by
 * writeRetryInput, run as one batch whose requests end as `outcome` says.
 */
async function nextRound(
  name: string,
  previous: readonly JoinedPart[],
  outcome: (id: string) => Outcome
): Promise<JoinedPart> {
  const retry = await writeRetryInput(
    previous.map((part) => ({ ...part, batchStatus: 'completed' })),
    undefined,
    join(dir, `${name}-input.jsonl`)
  )
  if (!retry) throw new Error('nothing to retry')
  const lines = (await readFile(retry.path, 'utf8')).slice(0, -1).split('\n')
  const requests = lines.map((line) => (JSON.parse(line) as { custom_id: string }).custom_id)
  return joinedPart(join(dir, name), requests, outcome, { inputLines: lines })
}

describe('joinJob', () => {
  it('gives one part of one round without attempts byte for byte', async () => {
    // Ids the quick reading of a line does not take (escapes) and a line over the 1 MiB chunks.
    const requests = ['plain', 'quote"d', 'back\\slash', 'ünï 😀', 'new\nline', ...ids('r-', 50)]
    const part = await joinedPart(dir, requests, (id) =>
      id === 'r-3'
        ? { status: 500 }
        : id === 'r-7'
          ? 'missing'
          : { ok: true, text: id === 'r-9' ? 'y'.repeat(1_500_000) : `answer ${id}` }
    )
    const dest = join(dir, 'job', 'results.jsonl')
    const result = await joinJob([[part]], dest, { withAttempts: false })
    expect((await readFile(dest)).equals(await readFile(part.resultsPath))).toBe(true)
    expect(result).toEqual({ ...part.result, path: dest })
  })

  it('joins the parts of round 0 in part order, the counts and usage summed', async () => {
    const parts = await Promise.all(
      [ids('a-', 4), ids('b-', 3), ids('c-', 5)].map((requests, i) =>
        joinedPart(join(dir, `p${i}`), requests, (id) =>
          id === 'b-1' ? { status: 400 } : { ok: true, prompt: 10, completion: i + 1 }
        )
      )
    )
    const dest = join(dir, 'results.jsonl')
    const result = await joinJob([parts], dest, { withAttempts: false })
    const expected = (await Promise.all(parts.map((p) => readFile(p.resultsPath, 'utf8')))).join('')
    expect(await readFile(dest, 'utf8')).toBe(expected)
    expect(result).toMatchObject({
      path: dest,
      total: 12,
      ok: 11,
      error: 1,
      missing: 0,
      usage: { prompt: 110, completion: 4 * 1 + 2 * 2 + 5 * 3, total: 110 + 23 },
      failures: [
        {
          custom_id: 'b-1',
          message: 'failed with 400',
          code: 'invalid_request_error',
          status_code: 400
        }
      ],
      failureCodes: [{ code: 'invalid_request_error', count: 1 }],
      samples: [
        { custom_id: 'a-0', text: 'answer a-0' },
        { custom_id: 'a-1', text: 'answer a-1' },
        { custom_id: 'a-2', text: 'answer a-2' }
      ],
      malformed: 0,
      warnings: []
    })
  })

  it('replaces each retried request with its later outcome and counts its attempts', async () => {
    // Round 0: two parts; r-1, r-4 rate limited, r-6 a server error, r-2 a lasting 400.
    const round0Outcomes: Record<string, Outcome> = {
      'r-1': { status: 429 },
      'r-2': { status: 400 },
      'r-4': { status: 429 },
      'r-6': { status: 500 }
    }
    const round0 = [
      await joinedPart(join(dir, 'p1'), ids('r-', 4), (id) => round0Outcomes[id] ?? OK),
      await joinedPart(join(dir, 'p2'), ids('r-', 4, 4), (id) => round0Outcomes[id] ?? OK)
    ]
    // Round 1 (r-1, r-4, r-6): r-4 is rate limited again; round 2 (r-4): it succeeds.
    const round1 = await nextRound('round1', round0, (id) =>
      id === 'r-4' ? { status: 429 } : { ok: true, prompt: 100, completion: 50 }
    )
    const round2 = await nextRound('round2', [round1], () => ({
      ok: true,
      prompt: 1000,
      completion: 1
    }))
    expect([round1.result.total, round2.result.total]).toEqual([3, 1])

    const dest = join(dir, 'results.jsonl')
    const rounds: JobPart[][] = [round0, [round1], [round2]]
    const result = await joinJob(rounds, dest, { withAttempts: true })
    const lines = await readJsonl(dest)
    expect(lines.map((line) => [line.custom_id, line.status, line['attempts']])).toEqual([
      ['r-0', 'ok', 1],
      ['r-1', 'ok', 2],
      ['r-2', 'error', 1],
      ['r-3', 'ok', 1],
      ['r-4', 'ok', 3],
      ['r-5', 'ok', 1],
      ['r-6', 'ok', 2],
      ['r-7', 'ok', 1]
    ])
    // `attempts` is the last member; the rest of the line is the round's line as it was.
    const text = await readFile(dest, 'utf8')
    const round2Line = (await readFile(round2.resultsPath, 'utf8')).trimEnd()
    expect(text).toContain(`${round2Line.slice(0, -1)},"attempts":3}\n`)
    for (const line of lines) expect(Object.keys(line).at(-1)).toBe('attempts')
    expect(lines[4]?.['response']).toMatchObject({ usage: { prompt_tokens: 1000 } })

    expect(result).toMatchObject({ total: 8, ok: 7, error: 1, missing: 0 })
    expect(result.failures.map((f) => f.custom_id)).toEqual(['r-2'])
    expect(result.failureCodes).toEqual([
      expect.objectContaining({ code: 'invalid_request_error', count: 1 })
    ])
    // Every batch was billed: round 0's 4 answers, round 1's 2, round 2's 1.
    expect(result.usage).toEqual({
      prompt: 4 * 3 + 2 * 100 + 1000,
      completion: 4 * 2 + 2 * 50 + 1,
      total: 4 * 5 + 2 * 150 + 1001
    })

    // Without attempts, the lines are the final lines as the rounds wrote them.
    const plain = join(dir, 'plain.jsonl')
    await joinJob(rounds, plain, { withAttempts: false })
    expect(await readFile(plain, 'utf8')).toBe(text.replace(/,"attempts":\d+\}\n/g, '}\n'))
  })

  it('sums the warnings and malformed lines of every part', async () => {
    const a = await joinedPart(join(dir, 'a'), ['a'], () => OK)
    const b = await joinedPart(join(dir, 'b'), ['b'], () => OK)
    a.result.warnings.push('warning of a')
    a.result.malformed = 2
    b.result.warnings.push('warning of b')
    b.result.malformed = 3
    const one = await joinJob([[a]], join(dir, 'x.jsonl'), { withAttempts: false })
    expect([one.malformed, one.warnings]).toEqual([2, ['warning of a']])
    const both = await joinJob([[a, b]], join(dir, 'y.jsonl'), { withAttempts: false })
    expect([both.malformed, both.warnings]).toEqual([5, ['warning of a', 'warning of b']])
  })

  describe('fails clearly, writing nothing, when the rounds do not belong together', () => {
    async function expectRefused(laterIds: string[], message: RegExp) {
      const round0 = await joinedPart(join(dir, 'r0'), ids('r-', 5), () => ({ status: 500 }))
      const round1 = await joinedPart(join(dir, 'r1'), laterIds, () => OK)
      const dest = join(dir, 'out', 'results.jsonl')
      const before = openFds()
      await expect(joinJob([[round0], [round1]], dest, { withAttempts: true })).rejects.toThrow(
        message
      )
      expect(await readdir(join(dir, 'out')).catch(() => [])).toEqual([])
      // Every results file it was reading is closed.
      expect(openFds()).toBe(before)
    }

    it('a request round 0 does not have', () =>
      expectRefused(
        ['r-1', 'z-9', 'r-3'],
        /r1.results\.jsonl line 2 \(round 1\) is the result of custom_id "z-9", which is not a request of the job at that place in input order/
      ))

    it('a custom_id of over 100 characters, cut to 100 in the message', () =>
      expectRefused(
        ['r-1', `x${'y'.repeat(149)}`],
        new RegExp(`custom_id "x${'y'.repeat(99)}", which is not a request`)
      ))

    it('a line cut short that attempts cannot be added to', async () => {
      // The head is whole, so it reads as ok; the closing brace the attempts go before is gone.
      const part = await joinedPart(dir, ['a', 'b', 'c', 'd', 'e'], () => OK)
      const text = await readFile(part.resultsPath, 'utf8')
      await writeFile(part.resultsPath, `${text}{"custom_id":"f","status":"ok"\n`)
      await expect(
        joinJob([[part]], join(dir, 'job.jsonl'), { withAttempts: true })
      ).rejects.toThrow(/results\.jsonl line 6: not a line of results\.jsonl/)
    })

    it('requests out of input order', () =>
      expectRefused(['r-3', 'r-1'], /line 2 \(round 1\) is the result of custom_id "r-1"/))

    it('a line that is not a result', async () => {
      const part = await joinedPart(dir, ['a', 'b'], () => OK)
      await writeFile(part.resultsPath, (await readFile(part.resultsPath, 'utf8')) + 'oops\n')
      await expect(
        joinJob([[part]], join(dir, 'job.jsonl'), { withAttempts: false })
      ).rejects.toThrow(/results\.jsonl line 3: not a line of results\.jsonl/)
    })
  })

  it('masks a secret that appears in a result line, in the file and in what it returns', async () => {
    const KEY = 'sk-job-secret-7f3a'
    const requests = ids('r-', 20)
    const part = await joinedPart(dir, requests, (id) =>
      id === 'r-2'
        ? { status: 401, code: 'invalid_api_key', message: `Incorrect API key provided: ${KEY}` }
        : { ok: true, text: `echo ${KEY}` }
    )
    // The batch's own results.jsonl was joined without secrets: the key is in it.
    expect(await readFile(part.resultsPath, 'utf8')).toContain(KEY)
    const dest = join(dir, 'job.jsonl')
    const result = await joinJob([[part]], dest, { withAttempts: true, secrets: [KEY, undefined] })
    const text = await readFile(dest, 'utf8')
    expect(text).not.toContain(KEY)
    expect(text).toContain('Incorrect API key provided: ***')
    expect(JSON.stringify(result)).not.toContain(KEY)
    expect(result.failures[0]?.message).toBe('Incorrect API key provided: ***')
    expect(result.samples[0]?.text).toBe('echo ***')
    // Without secrets the key is written (the test above is not vacuous).
    const plain = await joinJob([[part]], join(dir, 'plain.jsonl'), { withAttempts: false })
    expect(plain.failures[0]?.message).toContain(KEY)
  })

  it('masks every failure listed and every code group example, the first ten failures listed', async () => {
    const KEY = 'sk-job-secret-9c1d'
    // 11 failures of one code, then one of another: the 12th is its group's example only.
    const requests = [...ids(`${KEY}-a-`, 11), 'b-0', 'ok-0']
    const part = await joinedPart(dir, requests, (id) =>
      id.startsWith(KEY)
        ? { status: 400, code: 'code_a', message: `bad ${KEY}` }
        : id === 'b-0'
          ? { status: 500, code: 'code_b', message: `worse ${KEY}` }
          : OK
    )
    const result = await joinJob([[part]], join(dir, 'job.jsonl'), {
      withAttempts: false,
      secrets: [KEY]
    })
    expect(result.failures).toHaveLength(10)
    expect(result.failures[1]).toEqual({
      custom_id: '***-a-1',
      message: 'bad ***',
      code: 'code_a',
      status_code: 400
    })
    expect(result.failureCodes.map((group) => [group.code, group.count, group.example])).toEqual([
      [
        'code_a',
        11,
        { custom_id: '***-a-0', message: 'bad ***', code: 'code_a', status_code: 400 }
      ],
      ['code_b', 1, { custom_id: 'b-0', message: 'worse ***', code: 'code_b', status_code: 500 }]
    ])
    expect(JSON.stringify(result)).not.toContain(KEY)
  })

  it('lists a failure without a code or a status code without them', async () => {
    const part = await joinedPart(dir, ['r-0'], () => ({ status: 500, code: null, message: 'm' }))
    const dest = join(dir, 'job.jsonl')
    const lines = (await readFile(part.resultsPath, 'utf8')).split('\n')
    // The same line without its code and status code, as an error line may come.
    const edited = lines.map((line) =>
      line.replace(/,"status_code":\d+/, '').replace(/"code":"[a-z_]+",?/, '')
    )
    await writeFile(part.resultsPath, edited.join('\n'))
    const result = await joinJob([[part]], dest, { withAttempts: false })
    expect(result.failures).toStrictEqual([{ custom_id: 'r-0', message: 'm' }])
  })

  describe('the abort signal', () => {
    it('does not start when it has fired', async () => {
      const part = await joinedPart(join(dir, 'p'), ids('r-', 10), () => OK)
      const controller = new AbortController()
      controller.abort(new AbortedError('The step was cancelled (SIGINT)'))
      await expect(
        joinJob([[part]], join(dir, 'out', 'job.jsonl'), {
          withAttempts: false,
          signal: controller.signal
        })
      ).rejects.toThrow('The step was cancelled (SIGINT)')
      expect(await readdir(join(dir, 'out'))).toEqual([])
    })

    it('stops midway, leaving neither the file nor its temporary', async () => {
      const parts = await Promise.all(
        [0, 1, 2].map((p) =>
          joinedPart(join(dir, `p${p}`), ids(`p${p}-`, 20_000), () => ({
            ok: true,
            text: 'z'.repeat(200)
          }))
        )
      )
      const started = Date.now()
      await joinJob([parts], join(dir, 'full.jsonl'), { withAttempts: true })
      const fullMs = Date.now() - started
      const controller = new AbortController()
      const abortAfter = Math.max(10, Math.round(fullMs / 4))
      const timer = setTimeout(() => controller.abort(new AbortedError()), abortAfter)
      const aborted = Date.now()
      await expect(
        joinJob([parts], join(dir, 'out', 'job.jsonl'), {
          withAttempts: true,
          signal: controller.signal
        })
      ).rejects.toBeInstanceOf(AbortedError)
      clearTimeout(timer)
      expect(Date.now() - aborted).toBeLessThan(fullMs + 1000)
      expect(await readdir(join(dir, 'out'))).toEqual([])
    }, 60_000)
  })
})
