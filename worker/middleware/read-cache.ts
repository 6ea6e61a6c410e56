import type { Context, MiddlewareHandler } from 'hono'
import { captureRead, type CachedRead } from '../lib/cached-read'
import { lookupShared, storeShared } from '../lib/location-cache'
import { readCacheTtlMs } from '../lib/read-cache-ttl'
import { TtlCache } from '../lib/ttl-cache'
import { cacheScope, type CacheScopeEnv } from './cache-scope'

interface MemoryEntry {
  read: CachedRead
  /** readAt + TTL: served as is until then; after it, one request refreshes while others get this copy. */
  freshUntil: number
  refreshing: boolean
}

/** Per isolate (128 MB): a few thousand URLs, at most 32 MB of bodies. */
const memory = new TtlCache<string, MemoryEntry>({ maxEntries: 5_000, maxSize: 32 << 20 })

/**
 * How long past its TTL an entry may still be served from memory while one request
 * refreshes it: min(TTL, 5 s), and never so long that TTL + grace passes 60 s (the
 * bound on how late a publish shows).
 */
const graceMs = (ttl: number) => Math.max(0, Math.min(ttl, 5_000, 60_000 - ttl))

/** The cache key of a request: its scope, then path and query (the host is left to the layers). */
const readKey = (scope: string, url: string) => `/${encodeURIComponent(scope)}${url.slice(url.indexOf('/', url.indexOf('//') + 2))}`

const serve = (c: Context, read: CachedRead) => c.body(read.body, read.status, read.headers)

function remember(key: string, read: CachedRead, ttl: number) {
  const freshUntil = read.readAt + ttl
  memory.set(key, { read, freshUntil, refreshing: false }, freshUntil - Date.now() + graceMs(ttl), read.body.byteLength)
}

/** `ctx.waitUntil` when the request has an execution context (always, in the Workers runtime). */
function waitUntil(c: Context, work: () => Promise<void>) {
  let ctx: ExecutionContext | undefined
  try {
    ctx = c.executionCtx as ExecutionContext
  } catch {
    return
  }
  ctx.waitUntil(work())
}

/**
 * Serves public reads from two caches before D1, each for READ_CACHE_TTL seconds
 * from the moment the D1 read behind an answer began:
 * 1. isolate memory (L1): a hot URL costs nothing; when an entry expires the first
 *    request refreshes it and requests arriving meanwhile get the old copy (for at
 *    most graceMs more), so a hot URL never sends a burst of identical reads;
 * 2. the location's Cache API (L2, lib/location-cache.ts), shared by its isolates;
 *    a miss there reads D1, and the answer is stored in both, the Cache API put
 *    through `ctx.waitUntil` so it never delays the response.
 * A publish therefore shows within TTL + grace everywhere (≤ 60 s); an editor's
 * write clears their isolate's memory and their location's Cache API at once
 * (invalidate-reads.ts). Keys are the caller's scope (cache-scope.ts) plus path and
 * query: a request whose credentials nothing verified is neither served nor stored.
 * 200, 301 and 404 are cached, never an error. GET only (admin routes never use it).
 * Place it after `publicCache()`: a stored 200 keeps its ETag, so If-None-Match
 * still answers 304 and no body is hashed on a hit.
 *
 * @example
 * app.get('/articles/:id', validate('param', IdParam), publicCache(), readCache(), handler)
 */
export function readCache(): MiddlewareHandler<{ Bindings: Env } & CacheScopeEnv> {
  return async function readCache(c, next) {
    const ttl = readCacheTtlMs(c.env)
    const scope = ttl > 0 && c.req.method === 'GET' ? cacheScope(c) : null
    if (scope === null) return next()
    const key = readKey(scope, c.req.url)
    const now = Date.now()
    const hit = memory.get(key, now)
    if (hit && (now < hit.freshUntil || hit.refreshing)) return serve(c, hit.read)
    if (hit) hit.refreshing = true

    let replaced = false
    try {
      const origin = new URL(c.req.url).origin
      const shared = await lookupShared(origin, key, ttl, now)
      if (shared.hit) {
        remember(key, shared.hit, ttl)
        replaced = true
        return serve(c, shared.hit)
      }
      const readAt = Date.now()
      await next()
      const read = await captureRead(c.res, readAt)
      if (!read) return
      c.res = new Response(read.body, { status: read.status, headers: read.headers })
      remember(key, read, ttl)
      replaced = true
      const { generation } = shared
      if (generation !== null) waitUntil(c, () => storeShared(origin, key, read, generation, ttl))
    } finally {
      // Replaced when stored; otherwise the next request tries the refresh again.
      if (hit && !replaced) hit.refreshing = false
    }
  }
}

/** Drops every cached read of this isolate's memory (e.g. after an editor's write in the same isolate). */
export function clearReadCache(): void {
  memory.clear()
}
