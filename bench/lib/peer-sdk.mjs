// The peer of the transfer benchmarks: what users paste into a workflow step today, with the
// official openai SDK and no validation at all.
//   node bench/lib/peer-sdk.mjs upload FILE         uploads FILE (purpose batch) and creates a batch
//   node bench/lib/peer-sdk.mjs download ID OUT     writes the content of file ID to OUT
// OPENAI_BASE_URL and OPENAI_API_KEY name the API, as the SDK reads them.
import { createReadStream } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import OpenAI from 'openai'

const client = new OpenAI({ maxRetries: 0 })
const [what, ...args] = process.argv.slice(2)
if (what === 'upload') {
  const file = await client.files.create({ file: createReadStream(args[0]), purpose: 'batch' })
  const batch = await client.batches.create({
    input_file_id: file.id,
    endpoint: '/v1/chat/completions',
    completion_window: '24h'
  })
  console.log(JSON.stringify({ file: file.id, bytes: file.bytes, batch: batch.id }))
} else if (what === 'download') {
  const content = await client.files.content(args[0])
  await writeFile(args[1], await content.text())
} else {
  console.error('usage: peer-sdk.mjs upload FILE | download FILE_ID OUT')
  process.exit(2)
}
