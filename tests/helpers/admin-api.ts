/**
 * Calling the admin content API as a signed-in staff member in integration tests.
 *
 * @example
 * const editor = await staffClient('editor')
 * const { status, body } = await editor.post('/articles', { title: 'Đà Nẵng' })
 */
import { SELF, env } from 'cloudflare:test'
import type { Role } from '../../schema/database'
import { BASE, loginAs } from './auth'

export interface ApiResult<T = any> {
  status: number
  body: T
  res: Response
}

export async function adminCall<T = any>(
  method: string,
  path: string,
  opts: { headers?: Record<string, string>; body?: unknown; ifMatch?: number | string } = {},
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { ...opts.headers }
  if (opts.ifMatch !== undefined) headers['If-Match'] = typeof opts.ifMatch === 'number' ? `"${opts.ifMatch}"` : opts.ifMatch
  const res = await SELF.fetch(`${BASE}/api/admin${path}`, {
    method,
    headers,
    body: opts.body === undefined ? (method === 'GET' || method === 'DELETE' ? undefined : '{}') : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body),
    redirect: 'manual',
  })
  const text = await res.text()
  let body: any = null
  if (text) {
    try {
      body = JSON.parse(text)
    } catch {
      throw new Error(`Expected JSON from ${method} ${path}, got ${res.status}: ${text.slice(0, 200)}`)
    }
  }
  return { status: res.status, body: body as T, res }
}

export type StaffClient = Awaited<ReturnType<typeof staffClient>>

/** A signed-in staff member of `role` with shorthand methods over `adminCall`. */
export async function staffClient(role: Role) {
  const { headers, user } = await loginAs(role)
  const call = (method: string) => (path: string, body?: unknown, ifMatch?: number | string) => adminCall(method, path, { headers, body, ifMatch })
  return { user, headers, get: call('GET'), post: call('POST'), patch: call('PATCH'), del: call('DELETE') }
}

/** Row counts of the tables a content write touches, to prove a refused write changed nothing. */
export async function contentCounts() {
  const tables = ['articles', 'revisions', 'tags', 'article_tags', 'article_authors', 'slug_history', 'categories', 'authors', 'audit_log']
  const out: Record<string, number> = {}
  for (const t of tables) {
    const row = await env.DB.prepare(`SELECT count(*) AS n FROM ${t}`).first<{ n: number }>()
    out[t] = row!.n
  }
  return out
}
