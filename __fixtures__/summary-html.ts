// The job summary as GitHub shows it: the step summary file is GitHub-flavoured Markdown with
// HTML allowed, so it is rendered with a GFM renderer (marked) and read back with a real HTML
// parser (parse5). Tests check the structure a reader sees, not the bytes core.summary wrote.
import { marked } from 'marked'
import { parse } from 'parse5'

export interface HtmlNode {
  nodeName: string
  tagName?: string
  value?: string
  attrs?: { name: string; value: string }[]
  childNodes?: HtmlNode[]
}

/** The summary file rendered as GitHub renders it. */
export function renderSummaryMarkdown(markdown: string): string {
  return marked.parse(markdown, { gfm: true, async: false })
}

/** The body of the rendered summary, parsed. */
export function parseSummary(markdown: string): HtmlNode {
  const document = parse(renderSummaryMarkdown(markdown)) as unknown as HtmlNode
  const html = document.childNodes?.find((node) => node.tagName === 'html')
  const body = html?.childNodes?.find((node) => node.tagName === 'body')
  if (!body) throw new Error('no body in the rendered summary')
  return body
}

/** Every element named `tag` under `node`, in document order. */
export function all(node: HtmlNode, tag: string): HtmlNode[] {
  const found: HtmlNode[] = []
  const visit = (current: HtmlNode) => {
    for (const child of current.childNodes ?? []) {
      if (child.tagName === tag) found.push(child)
      visit(child)
    }
  }
  visit(node)
  return found
}

/** The text of a node as a reader sees it, spaces collapsed. */
export function text(node: HtmlNode): string {
  const parts: string[] = []
  const visit = (current: HtmlNode) => {
    if (current.nodeName === '#text') parts.push(current.value ?? '')
    for (const child of current.childNodes ?? []) visit(child)
    // Cells and rows read apart, as a browser lays them out.
    if (current.tagName === 'td' || current.tagName === 'th' || current.tagName === 'tr')
      parts.push(' ')
  }
  visit(node)
  return parts.join('').replace(/\s+/g, ' ').trim()
}

/** The cells of a table as text, row by row (header row included). */
export function tableRows(table: HtmlNode): string[][] {
  return all(table, 'tr').map((row) =>
    (row.childNodes ?? [])
      .filter((cell) => cell.tagName === 'td' || cell.tagName === 'th')
      .map((cell) => text(cell))
  )
}

/** The top-level blocks of the summary: tag and text, to check what comes in which order. */
export function outline(body: HtmlNode): { tag: string; text: string }[] {
  return (body.childNodes ?? [])
    .filter((node) => node.tagName !== undefined)
    .map((node) => ({ tag: node.tagName as string, text: text(node) }))
}

/** The element under `node` that follows the heading whose text matches, among its siblings. */
export function sectionAfter(body: HtmlNode, heading: RegExp): HtmlNode | undefined {
  const blocks = (body.childNodes ?? []).filter((node) => node.tagName !== undefined)
  const at = blocks.findIndex(
    (node) => /^h[1-6]$/.test(node.tagName ?? '') && heading.test(text(node))
  )
  return at >= 0 ? blocks[at + 1] : undefined
}
