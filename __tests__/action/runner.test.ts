import { describe, expect, it } from '@jest/globals'
import { lazyGroupLog } from '../../src/action/runner.js'

function recorder() {
  const lines: string[] = []
  const log = lazyGroupLog(
    {
      debug: (message) => lines.push(`debug ${message}`),
      info: (message) => lines.push(`info ${message}`),
      notice: (message) => lines.push(`notice ${message}`),
      warning: (message) => lines.push(`warning ${message}`),
      error: (message, where) => lines.push(`error ${message}${where ? ` @${where.file}` : ''}`)
    },
    { startGroup: (name) => lines.push(`group ${name}`), endGroup: () => lines.push('endgroup') }
  )
  return { lines, log }
}

describe('lazyGroupLog', () => {
  it('opens a group only when something is shown in it', async () => {
    const { lines, log } = recorder()
    await log.group('Empty', async () => log.debug('hidden by the viewer'))
    await log.group('Used', async () => {
      log.debug('before')
      log.info('shown')
      log.error('bad', { file: 'a.jsonl' })
    })
    expect(lines).toEqual([
      'debug hidden by the viewer',
      'debug before',
      'group Used',
      'info shown',
      'error bad @a.jsonl',
      'endgroup'
    ])
  })

  it('returns what the work returns and closes the group when it throws', async () => {
    const { lines, log } = recorder()
    await expect(log.group('Sum', async () => 1 + 1)).resolves.toBe(2)
    await expect(
      log.group('Fails', async () => {
        log.warning('about to fail')
        throw new Error('boom')
      })
    ).rejects.toThrow('boom')
    log.info('after')
    expect(lines).toEqual(['group Fails', 'warning about to fail', 'endgroup', 'info after'])
  })

  it('folds an inner group into the outer one (groups do not nest on GitHub)', async () => {
    const { lines, log } = recorder()
    await log.group('Outer', () => log.group('Inner', async () => log.notice('n')))
    expect(lines).toEqual(['group Outer', 'notice n', 'endgroup'])
  })
})
