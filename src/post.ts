import { runPost } from './backstop.js'

await runPost()
