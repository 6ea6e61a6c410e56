/**
 * The media library's admin API (docs/media.md), beside api.ts and through its
 * `send` (session cookie, D1 bookmark) and failure handling. Typed here from the
 * contract rather than from AppType: the routes are written on another branch, and
 * an upload is multipart with progress (media-upload-request.ts), which hc cannot do.
 */
import { ApiFailure, failureOf, send } from './api'
import type { MediaDetail, MediaItem, MediaPage, MediaText } from './media-types'

export type { MediaDetail, MediaItem, MediaPage, MediaText, UsedBy } from './media-types'

const BASE = '/api/admin/media'

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  let res: Response
  try {
    res = await send(path, { credentials: 'same-origin', ...init })
  } catch (cause) {
    throw ApiFailure.network(cause)
  }
  if (!res.ok) throw await failureOf(res)
  return (res.status === 204 ? undefined : await res.json()) as T
}

const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` })

export const mediaApi = {
  list: ({ q = '', cursor = null, limit = 24 }: { q?: string; cursor?: string | null; limit?: number }) => {
    const query = new URLSearchParams({ limit: String(limit) })
    if (q.trim()) query.set('q', q.trim())
    if (cursor) query.set('cursor', cursor)
    return call<MediaPage>(`${BASE}?${query}`)
  },
  get: (id: number) => call<{ data: MediaDetail }>(`${BASE}/${id}`),
  patch: (id: number, version: number, fields: Partial<MediaText>) =>
    call<{ data: MediaItem }>(`${BASE}/${id}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', ...ifMatch(version) },
      body: JSON.stringify(fields),
    }),
  remove: (id: number, version: number, { force = false } = {}) =>
    call<unknown>(`${BASE}/${id}${force ? '?force=true' : ''}`, { method: 'DELETE', headers: ifMatch(version) }),
}
