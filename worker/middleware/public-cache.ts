import type { MiddlewareHandler } from 'hono'
import { etag } from 'hono/etag'

export interface PublicCacheOptions {
  /** Seconds a shared cache (CDN) may serve it fresh. */
  sMaxAge?: number
  /** Seconds a shared cache may serve it stale while it refetches. */
  staleWhileRevalidate?: number
}

/**
 * Published reads: a strong ETag over the body, 304 for a matching If-None-Match,
 * and Cache-Control letting shared caches keep it briefly and revalidate in the
 * background. Browsers always revalidate (max-age=0) so an edit shows on reload.
 *
 * @example
 * app.get('/articles', publicCache({ sMaxAge: 60 }), handler)
 */
export function publicCache({ sMaxAge = 60, staleWhileRevalidate = 300 }: PublicCacheOptions = {}): MiddlewareHandler {
  const tag = etag()
  return async function publicCache(c, next) {
    await tag(c, async () => {
      await next()
      if (c.res.status === 200 && !c.res.headers.has('Cache-Control')) {
        c.header('Cache-Control', `public, max-age=0, s-maxage=${sMaxAge}, stale-while-revalidate=${staleWhileRevalidate}`)
      }
    })
    if (c.res.status === 304) {
      c.header('Cache-Control', `public, max-age=0, s-maxage=${sMaxAge}, stale-while-revalidate=${staleWhileRevalidate}`)
    }
  }
}
