import type { MiddlewareHandler } from 'hono'
import { clearReadCache } from './read-cache'

const READS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * After a successful admin write, drops this isolate's cached public reads so the
 * editor who just published sees it at once from this location. Other isolates
 * keep their copies until READ_CACHE_TTL runs out (docs/views.md states the bound).
 */
export function invalidateReadsOnWrite(): MiddlewareHandler {
  return async function invalidateReadsOnWrite(c, next) {
    await next()
    if (!READS.has(c.req.method) && c.res.status < 400) clearReadCache()
  }
}
