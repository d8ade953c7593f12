// A run of a push workflow as the runner describes it, for the tests of the metadata a batch
// carries and of the ledger read back from it.
import type { RunContext } from '../src/lib/run-context.js'

export const pushRun: RunContext = {
  inActions: true,
  workspace: '/w',
  repository: 'o/r',
  runId: '42',
  runAttempt: '2',
  workflow: 'nightly',
  job: 'eval',
  action: 'submit',
  sha: 'abc',
  ref: 'refs/heads/main',
  eventName: 'push'
}
