#!/usr/bin/env node
/**
 * Creates the first admin in the LOCAL D1 when it has no users (run by `npm start`
 * after local migrations and before `wrangler dev`; also runnable on its own:
 * `node scripts/bootstrap-admin.mjs`).
 *
 * - ADMIN_EMAIL / ADMIN_PASSWORD from the environment, else from .dev.vars, name the
 *   admin (the password is not printed: you chose it).
 * - Without ADMIN_PASSWORD the password is generated and printed once as
 *   "Admin login: <email> / <password>" (email: ADMIN_EMAIL or admin@localhost). It
 *   is stored only as a hash, so it is never shown again; once a user exists this
 *   script does nothing.
 *
 * The hash is computed here with the worker's own code (worker/services/password.ts,
 * dependency-free, loaded by Node 22's type stripping), so both sides share one format.
 */
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../worker/services/password.ts'
import { readDevVars } from './lib/dev-vars.mjs'

const DEFAULT_EMAIL = 'admin@localhost'

/** A SQL string literal: the only escape SQLite needs is doubling single quotes. */
export const sqlString = (value) => {
  if (/\0/.test(value)) throw new Error('NUL is not allowed in SQL text')
  return `'${String(value).replace(/'/g, "''")}'`
}

function d1Execute(cwd, sql, wranglerArgs) {
  const manifest = createRequire(resolve(cwd, 'package.json')).resolve('wrangler/package.json')
  const wrangler = resolve(dirname(manifest), JSON.parse(readFileSync(manifest, 'utf8')).bin.wrangler)
  const out = execFileSync(process.execPath, [wrangler, 'd1', 'execute', 'DB', '--local', '--json', ...wranglerArgs, '--command', sql], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return JSON.parse(out)
}

/** The SQL that inserts the admin only while no user exists, with its audit line. */
export function firstAdminSql({ email, passwordHash, source, now = new Date().toISOString() }) {
  const [e, h, t] = [sqlString(email), sqlString(passwordHash), sqlString(now)]
  const details = sqlString(JSON.stringify({ role: 'admin', source }))
  return [
    `INSERT INTO users (email, name, role, password_hash, created_at, updated_at) SELECT ${e}, 'Admin', 'admin', ${h}, ${t}, ${t} WHERE NOT EXISTS (SELECT 1 FROM users)`,
    `INSERT INTO audit_log (actor_id, action, resource_type, resource_id, details, ip, created_at) SELECT NULL, 'user.created', 'user', CAST(id AS TEXT), ${details}, NULL, ${t} FROM users WHERE password_hash = ${h}`,
  ].join('; ')
}

/**
 * Creates the first local admin if there is no user yet.
 * @param {{ cwd?: string, env?: Record<string, string | undefined>, wranglerArgs?: string[], log?: (line: string) => void }} [options]
 *   `wranglerArgs` are passed to `wrangler d1 execute` (e.g. `['--persist-to', dir]`).
 * @returns {Promise<{ created: boolean, email?: string, generatedPassword?: string }>}
 */
export async function bootstrapAdmin({ cwd = process.cwd(), env = process.env, wranglerArgs = [], log = console.log } = {}) {
  const [{ results }] = d1Execute(cwd, 'SELECT COUNT(*) AS n FROM users', wranglerArgs)
  if (Number(results[0]?.n) > 0) return { created: false }

  const devVars = readDevVars(resolve(cwd, '.dev.vars'))
  const email = (env.ADMIN_EMAIL || devVars.ADMIN_EMAIL || DEFAULT_EMAIL).trim().toLowerCase()
  const chosen = env.ADMIN_PASSWORD || devVars.ADMIN_PASSWORD
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new Error(`ADMIN_EMAIL "${email}" is not an email address`)
  if (chosen !== undefined && (chosen.length < PASSWORD_MIN_LENGTH || chosen.length > PASSWORD_MAX_LENGTH)) {
    throw new Error(`ADMIN_PASSWORD must be ${PASSWORD_MIN_LENGTH}..${PASSWORD_MAX_LENGTH} characters`)
  }
  const password = chosen ?? randomBytes(18).toString('base64url')
  const source = chosen === undefined ? 'generated' : 'ADMIN_EMAIL'
  d1Execute(cwd, firstAdminSql({ email, passwordHash: await hashPassword(password), source }), wranglerArgs)
  if (chosen !== undefined) {
    log(`Admin created: ${email} (password from ADMIN_PASSWORD)`)
    return { created: true, email }
  }
  log(`Admin login: ${email} / ${password}`)
  log('This password is shown once and stored only as a hash; change it after signing in (POST /api/admin/me/password).')
  return { created: true, email, generatedPassword: password }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  bootstrapAdmin().catch((err) => {
    console.error(`bootstrap-admin: ${err.message}`)
    process.exit(1)
  })
}
