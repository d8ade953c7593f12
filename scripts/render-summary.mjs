// Writes a job summary file (GITHUB_STEP_SUMMARY) as an HTML page, rendered the way GitHub renders
// it (GitHub-flavoured Markdown with HTML allowed), to look at in a browser:
//
//   node scripts/render-summary.mjs .tmp/summary.md /tmp/summary.html
//
// The styles only approximate GitHub's; the structure is what GitHub shows.
import { readFile, writeFile } from 'node:fs/promises'
import { marked } from 'marked'

const [source, target = 'summary.html'] = process.argv.slice(2)
if (!source) {
  console.error('usage: node scripts/render-summary.mjs <summary.md> [page.html]')
  process.exit(2)
}

const STYLE = `
body { font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", Helvetica, Arial, sans-serif;
  color: #1f2328; max-width: 920px; margin: 24px auto; padding: 16px 32px;
  border: 1px solid #d1d9e0; border-radius: 6px; }
h2 { font-size: 1.5em; border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; }
h3 { font-size: 1.25em; margin-top: 24px; }
table { border-collapse: collapse; margin: 0 0 16px; display: block; overflow: auto; }
th, td { border: 1px solid #d1d9e0; padding: 6px 13px; text-align: left; vertical-align: top; }
tr:nth-child(2n) { background: #f6f8fa; }
code { background: rgba(129,139,152,.12); border-radius: 6px; padding: .2em .4em; font-size: 85%; }
pre { background: #f6f8fa; border-radius: 6px; padding: 16px; overflow: auto; }
pre code { background: none; padding: 0; }
details { margin: 0 0 16px; }
summary { cursor: pointer; }
`

const markdown = await readFile(source, 'utf8')
const body = marked.parse(markdown, { gfm: true, async: false })
const page = `<!doctype html>
<html><head><meta charset="utf-8"><title>Job summary</title><style>${STYLE}</style></head>
<body>
${body}
</body></html>
`
await writeFile(target, page)
console.log(`Wrote ${target}`)
