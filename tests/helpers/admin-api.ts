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

/**
 * Row counts of every table a content write touches, and the sum of versions of
 * the versioned ones (so an UPDATE shows too): equal before and after means a
 * refused write changed nothing.
 */
export async function contentFingerprint() {
  const counted = ['articles', 'revisions', 'tags', 'article_tags', 'article_authors', 'slug_history', 'categories', 'authors', 'audit_log', 'app_meta']
  const versioned = ['articles', 'categories', 'tags', 'authors']
  const rows = await env.DB.batch([
    ...counted.map((t) => env.DB.prepare(`SELECT '${t}' AS k, count(*) AS n FROM ${t}`)),
    ...versioned.map((t) => env.DB.prepare(`SELECT '${t}.versions' AS k, coalesce(sum(version), 0) AS n FROM ${t}`)),
    env.DB.prepare("SELECT 'articles.trashed' AS k, count(*) AS n FROM articles WHERE deleted_at IS NOT NULL"),
  ])
  return Object.fromEntries(rows.map((r) => [(r.results[0] as { k: string }).k, (r.results[0] as { n: number }).n]))
}
