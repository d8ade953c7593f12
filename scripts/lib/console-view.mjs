// What a person sees of a step, for `npm run demo`: the log as GitHub's log viewer shows it
// (groups as headings, annotations as labelled lines, debug lines hidden unless step debug is on),
// and the job summary as text rather than the HTML that @actions/core writes.

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' }

/** Decodes the entities core.summary and markdown renderers write. */
export function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, name) => {
    if (name[0] === '#')
      return String.fromCodePoint(
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1))
      )
    return ENTITIES[name.toLowerCase()] ?? match
  })
}

/** One line of a step's stdout as the log viewer shows it; undefined for a line it hides. */
export function viewLogLine(line, { debug = false } = {}) {
  const command = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line)
  if (!command) return line
  const [, name, props = '', message] = command
  switch (name) {
    case 'debug':
      return debug ? `  [debug] ${message}` : undefined
    case 'group':
      return `▸ ${message}`
    case 'endgroup':
    case 'add-mask':
    case 'save-state':
    case 'set-output':
      return undefined
    case 'error':
    case 'warning':
    case 'notice': {
      const where = /file=([^,]*)(?:,line=(\d+))?/.exec(props)
      const at = where ? ` (${where[1]}${where[2] ? `:${where[2]}` : ''})` : ''
      return `${name[0].toUpperCase()}${name.slice(1)}${at}: ${message.replaceAll('%0A', '\n')}`
    }
    default:
      return line
  }
}

/** The job summary's HTML as readable text: headings, aligned table rows, collapsed blocks. */
export function summaryAsText(html) {
  const tables = []
  let text = html.replace(/<table>([\s\S]*?)<\/table>/g, (_, body) => {
    const rows = [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
      [...row[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) =>
        decodeEntities(stripTags(cell[1])).trim()
      )
    )
    tables.push(rows)
    return `\uE000${tables.length - 1}\uE001`
  })
  text = text
    .replace(/<h([1-6])>([\s\S]*?)<\/h\1>/g, (_, level, title) => {
      const heading = decodeEntities(stripTags(title)).trim()
      return `\n${heading}\n${(level <= '2' ? '=' : '-').repeat(heading.length)}\n`
    })
    .replace(/<summary>([\s\S]*?)<\/summary>/g, (_, title) => `▸ ${stripTags(title)}\n`)
    .replace(/<li>/g, '• ')
    .replace(/<br\s*\/?>|<\/(p|li|details|pre|ul|ol)>/g, '\n')
  text = decodeEntities(stripTags(text))
  text = text.replace(/\uE000(\d+)\uE001/g, (_, index) => formatTable(tables[Number(index)]))
  return text.replace(/\n{3,}/g, '\n\n').trim()
}

function stripTags(html) {
  return html.replace(/<[^>]+>/g, '')
}

function formatTable(rows) {
  const widths = []
  for (const row of rows)
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)))
  return `\n${rows
    .map((row) =>
      row
        .map((cell, i) => cell.padEnd(widths[i]))
        .join('  ')
        .trimEnd()
    )
    .join('\n')}\n`
}
