// Re-exports of the validation modules under their former path, so that importers compile
// unchanged while they move to ./validate/.
export { IdTable } from './validate/id-table.js'
export { validateRequestsFile } from './validate/file.js'
export { summarizeProblems } from './validate/summary.js'
export {
  MAX_LINE_BYTES,
  type Problem,
  type ValidationOptions,
  type ValidationReport
} from './validate/types.js'
