import type { Context, MiddlewareHandler } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { readCacheTtlMs } from '../lib/read-cache-ttl'
import { TtlCache } from '../lib/ttl-cache'

interface CachedResponse {
  status: ContentfulStatusCode
  body: ArrayBuffer
  headers: Record<string, string>
  /** Served as is until then; after it, one request refreshes while others get this copy. */
  freshUntil: number
  refreshing: boolean
}

/** A found article or list, a moved slug, a missing one: all are worth reusing briefly. */
const CACHEABLE = new Set([200, 301, 404])
const KEPT_HEADERS = ['content-type', 'etag', 'location', 'cache-control']

/** Per isolate (128 MB): a few thousand URLs, at most 32 MB of bodies. */
const store = new TtlCache<string, CachedResponse>({ maxEntries: 5_000, maxSize: 32 << 20 })

/**
 * How long past its TTL an entry may still be served while one request refreshes
 * it: min(TTL, 5 s), and never so long that TTL + grace passes 60 s (the bound on
 * how late a publish shows).
 */
const graceMs = (ttl: number) => Math.max(0, Math.min(ttl, 5_000, 60_000 - ttl))

const hex = (bytes: ArrayBuffer) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('')

/**
 * Serves public reads from isolate memory for READ_CACHE_TTL seconds, so a hot
 * article or list does not touch D1 on every request; a publish, edit or unpublish
 * shows once its entries expire. When an entry expires, the first request refreshes
 * it from D1 and requests arriving meanwhile get the old copy (for at most
 * graceMs more), so a hot URL never sends a burst of identical queries. Keyed
 * by path and query; GET only (admin routes never use it). Place it after
 * `publicCache()`: a stored 200 keeps its ETag (the same SHA-1 hex that hono/etag
 * computes), so If-None-Match still answers 304 and no body is hashed on a hit.
 *
 * @example
 * app.get('/articles/:id', validate('param', IdParam), publicCache(), readCache(), handler)
 */
export function readCache(): MiddlewareHandler<{ Bindings: Env }> {
  return async function readCache(c, next) {
    const ttl = readCacheTtlMs(c.env)
    if (ttl === 0 || c.req.method !== 'GET') return next()
    const url = c.req.url
    const key = url.slice(url.indexOf('/', url.indexOf('//') + 2))
    const now = Date.now()
    const hit = store.get(key, now)
    if (hit && (now < hit.freshUntil || hit.refreshing)) return c.body(hit.body, hit.status, hit.headers)
    if (hit) hit.refreshing = true

    let stored = false
    try {
      await next()
      stored = await remember(c, key, ttl)
    } finally {
      // Replaced when stored; otherwise the next request tries the refresh again.
      if (hit && !stored) hit.refreshing = false
    }
  }
}

/** Stores a cacheable response (adding its ETag) and hands the client a copy. */
async function remember(c: Context, key: string, ttl: number): Promise<boolean> {
  if (!CACHEABLE.has(c.res.status)) return false
  const body = await c.res.arrayBuffer()
  const headers: Record<string, string> = {}
  for (const name of KEPT_HEADERS) {
    const value = c.res.headers.get(name)
    if (value !== null) headers[name] = value
  }
  if (c.res.status === 200 && !headers.etag) headers.etag = `"${hex(await crypto.subtle.digest('SHA-1', body))}"`
  const status = c.res.status as ContentfulStatusCode
  store.set(key, { status, body, headers, freshUntil: Date.now() + ttl, refreshing: false }, ttl + graceMs(ttl), body.byteLength)
  c.res = new Response(body, { status, headers })
  return true
}

/** Drops every cached read of this isolate (e.g. after an editor's write in the same isolate). */
export function clearReadCache(): void {
  store.clear()
}
