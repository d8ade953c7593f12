// The scenarios of __tests__/process/robustness.test.ts, counted in the README's Reliability table.
export const ROBUSTNESS = {
  'SIGINT during the download and join of a large result set':
    'exits within 2 s, summary written, no results.jsonl',
  'the requests file grows while it is uploaded': 'the upload is deleted, no batch is created',
  'the requests file grows while the one pass uploads it':
    'the upload stops before its end: nothing stored, no batch',
  'base-url without its /v1': 'the failure names the missing /v1 and the expected form',
  'a create answer with status null':
    'the batch id reaches the outputs and state, and it is collected',
  'a provider that spells statuses its own way':
    'succeeded, CANCELED, upper case: read as the API does',
  'a results-dir the action cannot write': 'an input error before anything is uploaded'
} as const

export type RobustnessScenario = keyof typeof ROBUSTNESS
