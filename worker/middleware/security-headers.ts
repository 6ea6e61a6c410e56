import type { MiddlewareHandler } from 'hono'
import { siteSettings } from '../lib/settings'

/** One year, with subdomains: the figure HSTS preload lists ask for. */
export const HSTS = 'max-age=31536000; includeSubDomains'

/**
 * Headers every answer carries, errors included (it runs around the error handler
 * and the 404 handler, so a 401 thrown by requireStaff gets them too):
 * - `/api/admin/*`: `Cache-Control: no-store`, whatever the route set (a shared
 *   cache must never keep a draft, a token list or a "who am I");
 * - `X-Content-Type-Options: nosniff` on every answer (JSON above all: a browser
 *   must never sniff an error envelope echoing input into HTML);
 * - `Strict-Transport-Security` when the request came over HTTPS or the site's
 *   public URL (SITE_URL) is HTTPS; browsers ignore it over plain HTTP anyway.
 *
 * @example
 * app.use('*', securityHeaders())
 */
export function securityHeaders(): MiddlewareHandler {
  return async function securityHeaders(c, next) {
    await next()
    // A response passed through from fetch() or the Cache API has immutable headers: copy it once.
    if (!mutable(c.res.headers)) c.res = new Response(c.res.body, c.res)
    const headers = c.res.headers
    if (c.req.path === '/api/admin' || c.req.path.startsWith('/api/admin/')) headers.set('Cache-Control', 'no-store')
    headers.set('X-Content-Type-Options', 'nosniff')
    if (new URL(c.req.url).protocol === 'https:' || siteSettings(c.env).url.startsWith('https://')) headers.set('Strict-Transport-Security', HSTS)
  }
}

function mutable(headers: Headers): boolean {
  try {
    headers.set('X-Content-Type-Options', 'nosniff')
    return true
  } catch {
    return false
  }
}
