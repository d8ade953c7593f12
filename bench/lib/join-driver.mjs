// Downloads one file from the local Batch API with the action's own download and fetch, and joins
// it with the input, in one pass (the action's way) or as before (download, then joinResults):
//   node bench/lib/join-driver.mjs BUILD URL FILE_ID INPUT DIR one-pass|two-pass
// BUILD is src/ compiled with tsc. Prints the join's counts as JSON.
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const [build, url, fileId, input, dir, mode] = process.argv.slice(2)
const load = (file) => import(pathToFileURL(path.join(build, file)).href)
const { downloadToFile } = await load('net/download.js')
const { createNodeFetch } = await load('net/http-fetch.js')
const { joinResults } = await load('results/join.js')
const { OutputPass } = await load('results/one-pass.js')

const fetch = createNodeFetch({ idleTimeoutMs: 60_000 })
const open = () =>
  fetch(`${url}/files/${fileId}/content`, {
    headers: { authorization: `Bearer ${process.env.BENCH_API_KEY}` }
  })
const outputPath = path.join(dir, 'output.jsonl')
const destPath = path.join(dir, 'results.jsonl')
const secrets = [process.env.BENCH_API_KEY]
let joined
if (mode === 'one-pass') {
  const pass = new OutputPass({ inputPath: input, destPath, secrets })
  await downloadToFile(open, outputPath, { attempts: 1, secrets, observe: pass.observer(0) })
  joined = await pass.finish({ outputPath })
} else {
  await downloadToFile(open, outputPath, { attempts: 1, secrets })
  joined = await joinResults({ inputPath: input, outputPath, destPath, secrets })
}
const { total, ok, error, missing, usage } = joined
console.log(JSON.stringify({ total, ok, error, missing, usage }))
