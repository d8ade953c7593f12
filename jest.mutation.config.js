// The jest configuration Stryker runs (see stryker.config.json): only the in-process unit tests.
// Process tests run the bundled dist/, which Stryker does not mutate, so they cannot kill a
// mutant of src/ and would only make every run slower. New unit test files under __tests__ are
// picked up by the pattern; a new process test goes in __tests__/process/ (or __tests__/dev/ for the development scripts), or
// into the list below by name.
import base from './jest.config.js'

const processTests = [
  'action',
  'bad-inputs',
  'contract',
  'faults',
  'mock-api',
  'preflight-action',
  'readme',
  'security',
  'workflows'
]

export default {
  ...base,
  testPathIgnorePatterns: [
    '/node_modules/',
    '<rootDir>/__tests__/process/',
    '<rootDir>/__tests__/dev/',
    `/__tests__/(.*/)?(${processTests.join('|')})\\.test\\.ts$`
  ]
}
