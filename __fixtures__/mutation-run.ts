// Stryker runs every test that reaches a mutant once per mutant: the validator's hot path is
// reached by nearly every validation test, so the few tests that generate thousands of cases or
// a 20 MB file set the pace of a mutation run (25 s a mutant on the 2-core machine, 840 mutants).
// jest.mutation.config.js sets MUTATION_RUN=1; there those tests run a tenth of their cases. A
// mutant they catch is almost always caught by the first few cases, and a score so measured
// can only be lower than with every case. `npm test` always runs them whole.
export const underMutation = process.env['MUTATION_RUN'] === '1'

/** `n` cases, or a tenth of them (at least `floor`) in a mutation run. */
export function cases(n: number, floor = 20): number {
  return underMutation ? Math.max(floor, Math.round(n / 10)) : n
}
