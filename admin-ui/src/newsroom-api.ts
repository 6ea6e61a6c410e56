/**
 * The admin API calls of the management screens (categories, tags, authors, users,
 * tokens, audit log, dashboard lists). The taxonomy routes come from a generic
 * factory hc cannot type, so these go through the same `send` (D1 bookmark) and
 * failure handling as api.ts, with types from the worker's own schemas.
 */
import type { InferOutput } from 'valibot'
import type { AdminCategory, AdminTag } from '../../schema/api/admin-taxonomies'
import type { AccessTokenView, AuditEntryView, StaffUserView } from '../../schema/api/auth'
import type { AdminSearchHit } from '../../schema/api/search'
import type { PublicArticle } from '../../schema/api/article'
import { failureOf, send, ApiFailure, type AdminArticle, type Author } from './api'

export type Category = InferOutput<typeof AdminCategory>
export type Tag = InferOutput<typeof AdminTag>
export type Staff = InferOutput<typeof StaffUserView>
export type AccessToken = InferOutput<typeof AccessTokenView>
export type AuditEntry = InferOutput<typeof AuditEntryView>
export type SearchHit = InferOutput<typeof AdminSearchHit>
export type MostRead = InferOutput<typeof PublicArticle>
export interface Page<T> {
  data: T[]
  next_cursor: string | null
}

/** A JSON call to the API; answers its body (undefined for 204) or throws ApiFailure. */
export async function call<T>(method: string, path: string, { body, ifMatch }: { body?: unknown; ifMatch?: number } = {}): Promise<T> {
  const headers: Record<string, string> = {}
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  if (ifMatch !== undefined) headers['If-Match'] = `"${ifMatch}"`
  let res: Response
  try {
    res = await send(path, { method, credentials: 'same-origin', headers, body: body === undefined ? undefined : JSON.stringify(body) })
  } catch (cause) {
    throw ApiFailure.network(cause)
  }
  if (!res.ok) throw await failureOf(res)
  return (res.status === 204 ? undefined : await res.json()) as T
}

/** `?a=1&b=2` of the defined, non-empty values. */
export const queryOf = (params: Record<string, string | number | undefined | null>) => {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v))
  const s = q.toString()
  return s ? `?${s}` : ''
}

const A = '/api/admin'

export const newsroomApi = {
  listArticles: (q: Record<string, string | number | undefined>) => call<Page<AdminArticle>>('GET', `${A}/articles${queryOf(q)}`),
  search: (q: Record<string, string | number | undefined>) => call<Page<SearchHit>>('GET', `${A}/search${queryOf(q)}`),
  restore: (id: number, version: number) => call<unknown>('POST', `${A}/articles/${id}/restore`, { body: {}, ifMatch: version }),
  purge: (id: number) => call<void>('POST', `${A}/articles/${id}/purge`, { body: {} }),
  mostRead: (window: '24h' | '7d') => call<{ data: MostRead[] }>('GET', `/api/v1/most-read${queryOf({ window, limit: 5 })}`),

  categories: () => call<{ data: Category[] }>('GET', `${A}/categories`),
  createCategory: (body: { name: string; parent_id?: number | null; position?: number }) => call<{ data: Category }>('POST', `${A}/categories`, { body }),
  updateCategory: (c: Category, body: Partial<Pick<Category, 'name' | 'slug' | 'position' | 'parent_id'>>) =>
    call<{ data: Category }>('PATCH', `${A}/categories/${c.id}`, { body, ifMatch: c.version }),

  tags: (cursor?: string | null) => call<Page<Tag>>('GET', `${A}/tags${queryOf({ limit: 100, cursor })}`),
  createTag: (name: string) => call<{ data: Tag }>('POST', `${A}/tags`, { body: { name } }),
  updateTag: (t: Tag, body: { name?: string; slug?: string }) => call<{ data: Tag }>('PATCH', `${A}/tags/${t.id}`, { body, ifMatch: t.version }),
  mergeTag: (from: number, into: number) => call<{ data: Tag }>('POST', `${A}/tags/${from}/merge`, { body: { into } }),

  authors: (cursor?: string | null) => call<Page<Author>>('GET', `${A}/authors${queryOf({ limit: 100, cursor })}`),
  createAuthor: (name: string) => call<{ data: Author }>('POST', `${A}/authors`, { body: { name } }),

  users: (cursor?: string | null) => call<Page<Staff>>('GET', `${A}/users${queryOf({ limit: 100, cursor })}`),
  createUser: (body: { email: string; name: string; role: Staff['role']; password: string }) => call<{ data: Staff }>('POST', `${A}/users`, { body }),
  updateUser: (u: Staff, body: { role?: Staff['role']; status?: Staff['status'] }) => call<{ data: Staff }>('PATCH', `${A}/users/${u.id}`, { body, ifMatch: u.version }),

  changePassword: (current_password: string, new_password: string) => call<{ data: Staff }>('POST', `${A}/me/password`, { body: { current_password, new_password } }),
  tokens: () => call<Page<AccessToken>>('GET', `${A}/tokens?limit=100`),
  createToken: (name: string, expires_in_days: number) => call<{ data: AccessToken & { token: string } }>('POST', `${A}/tokens`, { body: { name, expires_in_days } }),
  revokeToken: (id: number) => call<void>('DELETE', `${A}/tokens/${id}`),

  auditLog: (q: Record<string, string | undefined>) => call<Page<AuditEntry>>('GET', `${A}/audit-log${queryOf(q)}`),
}

/** Every page of a list read with a cursor (authors, tags: hundreds, not millions). */
export async function allPages<T>(read: (cursor: string | null) => Promise<Page<T>>, max = 20): Promise<T[]> {
  const items: T[] = []
  let cursor: string | null = null
  for (let i = 0; i < max; i++) {
    const page: Page<T> = await read(cursor)
    items.push(...page.data)
    cursor = page.next_cursor
    if (!cursor) break
  }
  return items
}

/** The API's PASSWORD_MIN_LENGTH (worker/services/password.ts), for the form's own hint; the API checks anyway. */
export const MIN_PASSWORD = 10
