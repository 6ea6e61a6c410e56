import type { MiddlewareHandler } from 'hono'
import { purgeShared } from '../lib/location-cache'
import { readCacheTtlMs } from '../lib/read-cache-ttl'
import { clearReadCache } from './read-cache'

const READS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * After a successful admin write, drops the cached public reads it can reach, so the
 * editor who just published sees it at once from this location: this isolate's
 * memory, and every Cache API entry of this location (a new generation, one put,
 * awaited so it is done when the save answers). Other isolates' memory and other
 * locations keep their copies until READ_CACHE_TTL (+ grace) runs out (README,
 * "Caching", states the bound).
 */
export function invalidateReadsOnWrite(): MiddlewareHandler<{ Bindings: Env }> {
  return async function invalidateReadsOnWrite(c, next) {
    await next()
    if (READS.has(c.req.method) || c.res.status >= 400) return
    clearReadCache()
    if (readCacheTtlMs(c.env) > 0) await purgeShared(new URL(c.req.url).origin)
  }
}
