import { cors } from 'hono/cors'
import type { MiddlewareHandler } from 'hono'
import { siteSettings } from '../lib/settings'

/**
 * CORS for the public API only (never the admin API): any origin by default, or the
 * CORS_ORIGINS allowlist. Exposes ETag so browser clients can revalidate.
 */
export function publicCors(): MiddlewareHandler<{ Bindings: Env }> {
  return async function publicCors(c, next) {
    const allowed = siteSettings(c.env).corsOrigins
    const handler = cors({
      origin: allowed.includes('*') ? '*' : (origin) => (allowed.includes(origin) ? origin : null),
      allowMethods: ['GET', 'HEAD', 'POST', 'OPTIONS'],
      allowHeaders: ['Content-Type', 'If-None-Match', 'Authorization', 'X-Api-Key'],
      exposeHeaders: ['ETag', 'Location'],
      maxAge: 86400,
    })
    return handler(c, next)
  }
}
