// The jest configuration Stryker runs (see stryker.config.json): only the in-process unit tests.
// Process tests run the bundled dist/, which Stryker does not mutate, so they cannot kill a
// mutant of src/ and would only make every run slower. New unit test files under __tests__ are
// picked up by the pattern; a new process test must be added to the list below by name.
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
    `/__tests__/(.*/)?(${processTests.join('|')})\\.test\\.ts$`
  ]
}
