// The whole comment, character for character, for one model of each kind: a check of each part
// (render.test.ts) says a part is there; this says nothing else is, and that each part is where it
// belongs, with its separators, its limits and its fallbacks.
import { describe, expect, it } from '@jest/globals'
import type { CommentModel } from '../../src/github/comment-model.js'
import { renderComment } from '../../src/github/comment-render.js'

const redact = (text: string): string => text.split('sk-secret').join('***')
const marker = { workflow: 'nightly', job: 'eval', step: 'submit' }
const render = (model: CommentModel): string => renderComment(model, redact)

describe('the comment, whole', () => {
  it('when submitted: one batch, the setup, the request count and the run link', () => {
    expect(
      render({
        marker,
        phase: 'submitted',
        batchIds: ['batch_1'],
        requestCount: 1200,
        model: 'gpt-x',
        endpoint: '/v1/chat/completions',
        inputFile: 'requests.jsonl',
        status: 'validating',
        runUrl: 'https://github.com/o/r/actions/runs/1'
      })
    ).toBe(
      [
        '<!-- batch-inference-action:nightly/eval/submit -->',
        '',
        '### Batch inference submitted · `nightly` / `eval`',
        '',
        '**Batch:** `batch_1`  ',
        'model `gpt-x` · endpoint `/v1/chat/completions` · input `requests.jsonl` · status `validating`  ',
        '**Requests:** 1,200',
        '',
        '<sub>[Workflow run](https://github.com/o/r/actions/runs/1) · updated by batch-inference-action</sub>',
        ''
      ].join('\n')
    )
  })

  it('while running: 20 batch ids of 23, counts so far, no scope without a workflow or job, no link that is not http(s)', () => {
    expect(
      render({
        marker: { workflow: ' ', job: '', step: 's' },
        phase: 'running',
        batchIds: Array.from({ length: 23 }, (_, i) => `b${i}`),
        counts: { total: 10, completed: 4, failed: 1 },
        status: 'in_progress',
        durations: { queued: 5 },
        runUrl: 'javascript:alert(1)'
      })
    ).toBe(
      [
        '<!-- batch-inference-action:_/_/s -->',
        '',
        '### Batch inference running',
        '',
        '**Batches:** `b0`, `b1`, `b2`, `b3`, `b4`, `b5`, `b6`, `b7`, `b8`, `b9`, `b10`, `b11`, `b12`, `b13`, `b14`, `b15`, `b16`, `b17`, `b18`, `b19` and 3 more  ',
        'status `in_progress`  ',
        '**Requests:** 4 of 10 completed; 1 of 10 failed, 10%  ',
        '**Time:** queued 5s',
        '',
        '<sub>updated by batch-inference-action</sub>',
        ''
      ].join('\n')
    )
  })

  it('when finished: the status in the heading, counts against the limit, tokens, times, the first 10 failures of 40, the metadata masked', () => {
    expect(
      render({
        marker,
        phase: 'finished',
        status: 'completed',
        batchIds: ['b1', 'b2'],
        model: 'm',
        counts: { total: 10000, completed: 9960, failed: 40 },
        failureLimit: { kind: 'percent', value: 5, exceeded: false },
        tokens: { prompt: 1000, completion: 2000, total: 3000 },
        durations: { queued: 10, running: 100, finalizing: 5, total: 115 },
        failures: Array.from({ length: 12 }, (_, i) => ({
          custom_id: `r${i}`,
          message: 'm|x',
          code: i % 2 ? 'c' : undefined,
          status_code: i % 3 ? 500 : undefined
        })),
        metadata: { suite: 'nightly', key: 'sk-secret' }
      })
    ).toBe(
      [
        '<!-- batch-inference-action:nightly/eval/submit -->',
        '',
        '### Batch inference finished: `completed` · `nightly` / `eval`',
        '',
        '**Batches:** `b1`, `b2`  ',
        'model `m`  ',
        '**Requests:** 9,960 of 10,000 completed; 40 of 10,000 failed, 0.4%, within the 5% limit  ',
        '**Tokens:** 1,000 prompt, 2,000 completion, 3,000 total  ',
        '**Time:** queued 10s, running 1m 40s, finalizing 5s, total 1m 55s',
        '',
        '#### Failed requests (first 10 of 40)',
        '',
        '| custom_id | Error | Status | Message |',
        '| --- | --- | --- | --- |',
        '| `r0` | - | - | `m\\|x` |',
        '| `r1` | `c` | 500 | `m\\|x` |',
        '| `r2` | - | 500 | `m\\|x` |',
        '| `r3` | `c` | - | `m\\|x` |',
        '| `r4` | - | 500 | `m\\|x` |',
        '| `r5` | `c` | 500 | `m\\|x` |',
        '| `r6` | - | - | `m\\|x` |',
        '| `r7` | `c` | 500 | `m\\|x` |',
        '| `r8` | - | 500 | `m\\|x` |',
        '| `r9` | `c` | - | `m\\|x` |',
        '',
        '<details><summary>Metadata</summary>',
        '',
        '| Key | Value |',
        '| --- | --- |',
        '| `suite` | `nightly` |',
        '| `key` | `***` |',
        '',
        '</details>',
        '',
        '<sub>updated by batch-inference-action</sub>',
        ''
      ].join('\n')
    )
  })

  it('when failed over a count limit: no batch line, no time or metadata section when empty', () => {
    expect(
      render({
        marker,
        phase: 'finished',
        status: 'failed',
        batchIds: [],
        counts: { total: 3, completed: 0, failed: 3 },
        failureLimit: { kind: 'count', value: 2, exceeded: true },
        failures: [{ custom_id: 'a', message: 'x' }],
        metadata: {},
        durations: {}
      })
    ).toBe(
      [
        '<!-- batch-inference-action:nightly/eval/submit -->',
        '',
        '### Batch inference finished: `failed` · `nightly` / `eval`',
        '',
        '**Requests:** 0 of 3 completed; 3 of 3 failed, 100%, over the limit of 2 failed',
        '',
        '#### Failed requests (first 1 of 3)',
        '',
        '| custom_id | Error | Status | Message |',
        '| --- | --- | --- | --- |',
        '| `a` | - | - | `x` |',
        '',
        '<sub>updated by batch-inference-action</sub>',
        ''
      ].join('\n')
    )
  })

  it('says only "Failed requests" when every failure is shown, and no status in the heading without one', () => {
    const body = render({
      marker,
      phase: 'finished',
      batchIds: ['b'],
      counts: { total: 20, completed: 18, failed: 2 },
      failures: [
        { custom_id: 'a', message: 'x' },
        { custom_id: 'b', message: 'y' }
      ]
    })
    expect(body).toContain('\n### Batch inference finished · `nightly` / `eval`\n')
    expect(body).toContain('\n#### Failed requests\n')
  })

  it('shows at most 16 metadata pairs, and no setup line without a model, endpoint, input or status', () => {
    const metadata = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, 'v']))
    const body = render({ marker, phase: 'submitted', batchIds: ['b'], metadata })
    expect(body.split('\n').filter((line) => line.startsWith('| `k'))).toHaveLength(16)
    expect(body).toContain('| `k15` | `v` |')
    expect(body).not.toContain('`k16`')
    expect(body).toContain('**Batch:** `b`\n\n<details>')
  })

  it('links a run URL of http or https that is one plain URL, and nothing else', () => {
    const footer = (runUrl: string): string =>
      render({ marker, phase: 'submitted', batchIds: ['b'], runUrl })
        .split('\n')
        .at(-2) ?? ''
    expect(footer('http://ghes.local/o/r/actions/runs/1')).toBe(
      '<sub>[Workflow run](http://ghes.local/o/r/actions/runs/1) · updated by batch-inference-action</sub>'
    )
    for (const runUrl of [
      'see https://github.com/o/r/actions/runs/1',
      'https://github.com/o/r/actions/runs/1 )[x](https://evil.example',
      'https://github.com/o/r/actions/runs/1<script>',
      'ftp://github.com/o/r'
    ])
      expect(footer(runUrl)).toBe('<sub>updated by batch-inference-action</sub>')
  })

  it('escapes pipes only inside tables, and writes no empty block when nothing is known yet', () => {
    expect(render({ marker, phase: 'submitted', batchIds: [], model: 'a|b' })).toBe(
      [
        '<!-- batch-inference-action:nightly/eval/submit -->',
        '',
        '### Batch inference submitted · `nightly` / `eval`',
        '',
        'model `a|b`',
        '',
        '<sub>updated by batch-inference-action</sub>',
        ''
      ].join('\n')
    )
    expect(render({ marker, phase: 'running', batchIds: [] })).toBe(
      [
        '<!-- batch-inference-action:nightly/eval/submit -->',
        '',
        '### Batch inference running · `nightly` / `eval`',
        '',
        '<sub>updated by batch-inference-action</sub>',
        ''
      ].join('\n')
    )
  })

  it('titles the failures by their own number when there are no counts', () => {
    const failures = Array.from({ length: 11 }, (_, i) => ({ custom_id: `r${i}`, message: 'm' }))
    expect(render({ marker, phase: 'finished', batchIds: ['b'], failures })).toContain(
      '\n#### Failed requests (first 10 of 11)\n'
    )
  })
})
