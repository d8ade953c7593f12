import { run } from './backstop.js'

await run()
