// Byte formatting lives in lib/format.ts and parsing in lib/parse-size.ts; this path is kept for
// modules that still import them here.
export { formatBytes } from './lib/format.js'
export { parseByteSize } from './lib/parse-size.js'
