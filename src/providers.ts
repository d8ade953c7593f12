// The provider table lives in batch/providers.ts; this path is kept for modules that still import it here.
export { providerFor, type Provider } from './batch/providers.js'
