// The jest configuration Stryker runs (see stryker.config.json): only the in-process unit tests.
// Process tests run the bundled dist/, which Stryker does not mutate, so they cannot kill a
// mutant of src/ and would only make every run slower. New unit test files under __tests__ are
// picked up by the pattern; a new process test goes in __tests__/process/ (or __tests__/dev/ for
// the development scripts), or into the list below by name.
//
// MUTATE_TESTS (comma-separated globs under the repository, e.g.
// `__tests__/validate/**/*.test.ts`) narrows the run to those test files: a module measured by
// its own tests runs in minutes instead of hours, since every mutant of a helper used everywhere
// is otherwise tried against every test that reaches it. Its score is then a lower bound.
import base from './jest.config.js'

// The tests that generate thousands of cases run a tenth of them here (__fixtures__/mutation-run.ts).
// Stryker runs jest in its own worker process, so the tests see this.
process.env.MUTATION_RUN = '1'

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

const only = (process.env.MUTATE_TESTS ?? '')
  .split(',')
  .map((glob) => glob.trim())
  .filter((glob) => glob !== '')

export default {
  ...base,
  ...(only.length > 0 ? { testMatch: only.map((glob) => `<rootDir>/${glob}`) } : {}),
  testPathIgnorePatterns: [
    '/node_modules/',
    '<rootDir>/__tests__/process/',
    '<rootDir>/__tests__/dev/',
    `/__tests__/(.*/)?(${processTests.join('|')})\\.test\\.ts$`
  ]
}
