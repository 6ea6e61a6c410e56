/**
 * Read-your-own-writes with D1 read replicas: every admin answer carries the D1
 * bookmark of the database state it saw (`X-D1-Bookmark`), and every admin request
 * sends back the newest one this browser has seen, so the worker reads from a replica
 * at least that recent (or the primary). Kept in localStorage so a second tab reads
 * what the first one saved; in memory where storage is unavailable.
 */
const HEADER = 'X-D1-Bookmark'
const STORAGE_KEY = 'tin-admin-d1-bookmark'

/** The newer of two bookmarks: D1 bookmarks sort oldest to newest as plain strings. */
export const newerBookmark = (a: string | null, b: string | null): string | null => (a === null || (b !== null && b > a) ? b : a)

let inMemory: string | null = null

function stored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY)
  } catch {
    return null
  }
}

/** The newest bookmark this browser has seen: what the next request sends. */
export const currentBookmark = (): string | null => newerBookmark(inMemory, stored())

/** Keeps the bookmark an answer carried, if it is newer (for requests made without withBookmark: uploads use XMLHttpRequest). */
export function remember(bookmark: string | null) {
  const newest = newerBookmark(newerBookmark(inMemory, stored()), bookmark)
  if (newest === null || newest === inMemory) return
  inMemory = newest
  try {
    localStorage.setItem(STORAGE_KEY, newest)
  } catch {
    // Private mode or no storage: this page keeps it in memory.
  }
}

/**
 * `send` (the browser's fetch by default) sending the newest bookmark and keeping
 * the one each answer returns.
 *
 * @example
 * const client = hc<AppType>(location.origin, { fetch: withBookmark() })
 */
export function withBookmark(send: typeof fetch = (input, init) => fetch(input, init)): typeof fetch {
  return async function bookmarkedFetch(input, init = {}) {
    const headers = new Headers(init.headers ?? (input instanceof Request ? input.headers : undefined))
    const current = currentBookmark()
    if (current !== null) headers.set(HEADER, current)
    const res = await send(input, { ...init, headers })
    remember(res.headers.get(HEADER))
    return res
  }
}
