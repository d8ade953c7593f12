import { realpath } from 'node:fs/promises'
import path from 'node:path'

export interface PathRoots {
  workspace: string
  /** The runner's temp dir (RUNNER_TEMP), also allowed. */
  temp?: string
}

/**
 * Resolves a path input against the workspace and refuses one that leads outside it (or the
 * runner's temp dir), by `..` or through a symlink, so an input cannot read or write elsewhere.
 */
export async function resolveInside(
  input: string,
  inputName: string,
  roots: PathRoots
): Promise<string> {
  const absolute = path.resolve(roots.workspace, input)
  const real = await realpathOfNearest(absolute)
  const allowed = await Promise.all(
    [roots.workspace, roots.temp]
      .filter((root): root is string => !!root)
      .map((root) => realpathOfNearest(path.resolve(root)))
  )
  if (!allowed.some((root) => isWithin(real, root))) {
    throw new Error(
      `${inputName}: "${input}" leads to ${real}, outside the workspace (${allowed[0]}); ` +
        'use a path inside the workspace (or the runner temp dir)'
    )
  }
  return absolute
}

/**
 * `child` relative to `parent` ('' for `parent` itself), or undefined when it lies outside it.
 * Both are absolute. '..' counts as a whole first segment only: '..data.jsonl' is a file inside.
 */
export function relativeInside(parent: string, child: string): string | undefined {
  const relative = path.relative(parent, child)
  const up = relative === '..' || relative.startsWith(`..${path.sep}`)
  return up || path.isAbsolute(relative) ? undefined : relative
}

function isWithin(child: string, parent: string): boolean {
  return relativeInside(parent, child) !== undefined
}

/** realpath of the path, or of its nearest existing ancestor joined with the rest. */
async function realpathOfNearest(absolute: string): Promise<string> {
  let current = absolute
  const rest: string[] = []
  for (;;) {
    try {
      return path.join(await realpath(current), ...rest.reverse())
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      const parent = path.dirname(current)
      if (parent === current) return absolute
      rest.push(path.basename(current))
      current = parent
    }
  }
}
