import { describe, expect, it } from '@jest/globals'
import { redact } from '../../src/lib/redact.js'

describe('redact', () => {
  it('masks every occurrence of each secret', () => {
    expect(redact('a sk-1234 b sk-1234 c tok-9', ['sk-1234', 'tok-9'])).toBe('a *** b *** c ***')
  })

  it('masks a secret of exactly four characters', () => {
    expect(redact('key abcd here', ['abcd'])).toBe('key *** here')
  })

  it('leaves secrets shorter than four characters, and empty ones, alone', () => {
    // An empty secret would put the mask between every character; a very short one would mask
    // ordinary words.
    expect(redact('the key is abc', ['abc'])).toBe('the key is abc')
    expect(redact('plain text', [''])).toBe('plain text')
  })
})
