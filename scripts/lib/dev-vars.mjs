// The local variables `wrangler dev` reads besides wrangler.toml's [vars], read the
// same way here so the scripts see what the worker will see.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** KEY=VALUE lines of a dotenv file (quotes optional, # comments); {} when it does not exist. */
export function readDevVars(path) {
  let text
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    return {}
  }
  const vars = {}
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line)
    if (!m || line.trimStart().startsWith('#')) continue
    const raw = m[2]
    vars[m[1]] = /^(['"]).*\1$/.test(raw) ? raw.slice(1, -1) : raw.replace(/\s+#.*$/, '')
  }
  return vars
}

/** What wrangler dev loads in `root`, in its order: .dev.vars, or when there is none, .env then .env.local. */
export function localVarFiles(root) {
  const devVars = join(root, '.dev.vars')
  if (existsSync(devVars)) return readDevVars(devVars)
  return { ...readDevVars(join(root, '.env')), ...readDevVars(join(root, '.env.local')) }
}
