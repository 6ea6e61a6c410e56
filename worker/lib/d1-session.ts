/** The header an admin answer carries its D1 bookmark in, and a client sends it back in. */
export const D1_BOOKMARK_HEADER = 'X-D1-Bookmark'

/**
 * D1's bookmark format (`00000085-0000024c-00004c6d-8e61117bf38d7adb71b934ebbf891683`:
 * three 8-digit and one 32-digit hex groups, as production and local workerd both
 * make them). Anything else is ignored, never passed to D1: a request without a
 * usable bookmark starts on the primary, which is always consistent, only slower.
 */
const BOOKMARK = /^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{32}$/

/** A well-formed bookmark from a request header, or null. */
export function parseBookmark(value: string | undefined | null): string | null {
  const trimmed = value?.trim()
  return trimmed && BOOKMARK.test(trimmed) ? trimmed : null
}

export interface SessionStart {
  /** What `env.DB.withSession()` is given: a bookmark or a constraint. */
  start: string
  /** Whether the answer carries the session's bookmark (X-D1-Bookmark) back. */
  returnsBookmark: boolean
}

const isAdmin = (path: string) => path === '/api/admin' || path.startsWith('/api/admin/')

/**
 * Where a request's D1 session starts (D1 read replication, docs/read-replicas.md):
 * - the admin API: at the editor's bookmark when they send one (any replica at least
 *   that recent: they read their own writes), else on the primary; the answer
 *   carries the new bookmark;
 * - preview links: on the primary, so an editor previews the draft they just saved;
 * - everything else (public reads): the nearest replica, whatever its lag.
 *
 * @example
 * env.DB.withSession(sessionStart('/api/admin/articles', req.headers.get('X-D1-Bookmark')).start)
 */
export function sessionStart(path: string, bookmarkHeader: string | undefined | null): SessionStart {
  if (isAdmin(path)) return { start: parseBookmark(bookmarkHeader) ?? 'first-primary', returnsBookmark: true }
  if (path.startsWith('/api/v1/preview/')) return { start: 'first-primary', returnsBookmark: false }
  return { start: 'first-unconstrained', returnsBookmark: false }
}
