// What the action reads of the event payload: which events may name a pull request, and the
// number of that pull request in a payload of any shape.
import { describe, expect, it } from '@jest/globals'
import { namesPullRequest, pullRequestNumberOf } from '../../src/lib/event-payload.js'

describe('namesPullRequest', () => {
  it('is true for the pull-request events and comments on issues, and nothing else', () => {
    for (const name of [
      'pull_request',
      'pull_request_target',
      'pull_request_review',
      'pull_request_review_comment',
      'issue_comment'
    ])
      expect(namesPullRequest(name)).toBe(true)
    for (const name of [undefined, '', 'push', 'schedule', 'my_pull_request', 'issues'])
      expect(namesPullRequest(name)).toBe(false)
  })
})

describe('pullRequestNumberOf', () => {
  it('reads pull_request.number, or issue.number when the issue is a pull request', () => {
    expect(pullRequestNumberOf('{"pull_request": {"number": 7}}')).toBe(7)
    expect(pullRequestNumberOf('{"issue": {"number": 9, "pull_request": {"url": "u"}}}')).toBe(9)
    expect(
      pullRequestNumberOf(
        '{"pull_request": {"number": 7}, "issue": {"number": 9, "pull_request": {}}}'
      )
    ).toBe(7)
  })

  it('gives nothing for an issue that is no pull request', () => {
    expect(pullRequestNumberOf('{"issue": {"number": 9}}')).toBeUndefined()
    expect(pullRequestNumberOf('{"issue": {"number": 9, "pull_request": null}}')).toBeUndefined()
    expect(pullRequestNumberOf('{"issue": {"number": 9, "pull_request": "yes"}}')).toBeUndefined()
  })

  it('gives nothing for a number that is not a whole positive number', () => {
    for (const number of ['0', '-1', '1.5', '"7"', '9007199254740993', 'null', 'true'])
      expect(pullRequestNumberOf(`{"pull_request": {"number": ${number}}}`)).toBeUndefined()
  })

  it('gives nothing for no payload, one that is not JSON, or JSON of another shape', () => {
    for (const payload of [
      undefined,
      '',
      'not json',
      'null',
      '7',
      '"text"',
      '[1, 2]',
      '{"pull_request": 7}'
    ])
      expect(pullRequestNumberOf(payload)).toBeUndefined()
  })
})
