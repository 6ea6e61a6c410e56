/**
 * Small request helpers for the auth tests: JSON calls against the worker under
 * test and direct reads of the auth tables in its D1.
 */
import { env, SELF } from 'cloudflare:test'
import { createDb } from '../../worker/db/client'
import { BASE, ORIGIN } from './auth'

export interface Call {
  status: number
  body: any
  headers: Headers
}

/** A request to the worker, parsed; JSON bodies are sent as given (strings raw, the rest stringified). */
export async function call(method: string, path: string, opts: { headers?: Record<string, string>; body?: unknown } = {}): Promise<Call> {
  const body = opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body)
  const res = await SELF.fetch(`${BASE}${path}`, { method, headers: opts.headers ?? {}, body, redirect: 'manual' })
  const text = await res.text()
  let parsed: unknown = null
  if (text) {
    try {
      parsed = JSON.parse(text)
    } catch {
      throw new Error(`${method} ${path}: expected JSON, got ${res.status}: ${text.slice(0, 200)}`)
    }
  }
  return { status: res.status, body: parsed, headers: res.headers }
}

/** `POST /api/admin/session` as a browser on this site would send it, from a given client IP. */
export const login = (email: string, password: string, ip = '198.51.100.1') =>
  call('POST', '/api/admin/session', {
    headers: { 'Content-Type': 'application/json', Origin: ORIGIN, 'CF-Connecting-IP': ip },
    body: { email, password },
  })

export const db = () => createDb(env.DB)

/** Row counts of every table the accounts API writes. */
export async function authRowCounts() {
  const tables = ['users', 'sessions', 'personal_access_tokens', 'login_throttle', 'audit_log'] as const
  const counts: Record<string, number> = {}
  for (const table of tables) {
    const row = await db().selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    counts[table] = Number(row.n)
  }
  return counts
}

export const auditFor = (action: string) =>
  db().selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id', 'desc').execute()
