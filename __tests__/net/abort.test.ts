import { describe, expect, it } from '@jest/globals'
import { APIError, APIUserAbortError } from 'openai'
import { AbortedError, isAbort, sleep } from '../../src/net/abort.js'
import { isTransientApiError, isTransientTransferError } from '../../src/net/retry.js'

describe('isAbort', () => {
  it('knows the step abort, the SDK user abort and a DOM AbortError', () => {
    expect(isAbort(new AbortedError())).toBe(true)
    expect(isAbort(new APIUserAbortError())).toBe(true)
    const domAbort = new Error('aborted')
    domAbort.name = 'AbortError'
    expect(isAbort(domAbort)).toBe(true)
  })

  it('treats any error as an abort once the signal has fired, and no other error as one', () => {
    const controller = new AbortController()
    const error = new Error('socket hang up')
    expect(isAbort(error, controller.signal)).toBe(false)
    controller.abort()
    expect(isAbort(error, controller.signal)).toBe(true)
    expect(isAbort(new APIError(500, {}, 'x', new Headers()))).toBe(false)
  })

  it('is never retried: a user abort is an APIError without a status', () => {
    expect(new APIUserAbortError()).toBeInstanceOf(APIError)
    expect(isTransientApiError(new APIUserAbortError())).toBe(false)
    // Its name is 'Error': a transfer aborted by the SDK is not tried again either.
    expect(new APIUserAbortError().name).toBe('Error')
    expect(isTransientTransferError(new APIUserAbortError())).toBe(false)
  })
})

describe('sleep', () => {
  it('rejects at once with the reason when the signal fires', async () => {
    const controller = new AbortController()
    const reason = new AbortedError('stop')
    // Ten minutes: a sleep that ignored the signal would outlast the test's timeout.
    const pending = sleep(600_000, controller.signal)
    controller.abort(reason)
    await expect(pending).rejects.toBe(reason)
  })
})
