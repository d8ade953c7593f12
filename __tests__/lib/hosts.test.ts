// The hosts on the runner itself: http is allowed to them without allow-insecure-http, and the
// runner's proxy is not used for them.
import { describe, expect, it } from '@jest/globals'
import { isLoopbackHost } from '../../src/lib/hosts.js'

describe('isLoopbackHost', () => {
  it('is true for localhost, any 127.x.y.z and [::1], in any case', () => {
    for (const host of ['localhost', 'LOCALHOST', '127.0.0.1', '127.1.22.255', '[::1]'])
      expect(isLoopbackHost(host)).toBe(true)
  })

  it('is false for every other host, and for hosts that only contain a loopback name', () => {
    for (const host of [
      'example.com',
      'localhost.example.com',
      'mylocalhost',
      '127.0.0.1.example.com',
      'x127.0.0.1',
      '127.0.0',
      '127.0.0.1000',
      '127.a.b.c',
      '10.0.0.1',
      '::1',
      '[::2]',
      ''
    ])
      expect(isLoopbackHost(host)).toBe(false)
  })
})
