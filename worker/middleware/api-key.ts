import type { Context, MiddlewareHandler } from 'hono'
import { createDb } from '../db/client'
import { presentedApiKey } from '../lib/api-key-header'
import { ApiError } from '../lib/errors'
import { publicAccess } from '../lib/public-access'
import { keyCacheScope, readerScope } from '../services/api-keys/key-scope'
import { KEY_TIERS, withinRateLimit } from '../services/api-keys/tiers'
import { countKeyUsage } from '../services/api-keys/usage'
import { verifyApiKey, type KeyCheck } from '../services/api-keys/verify'
import type { AppEnv } from './database'

/** Public paths that are not content: never need a key, never count one (docs/partners.md). */
const OPEN_PATHS = /^\/api\/v1\/(?:health|preview\/[^/]+|articles\/[^/]+\/views(?:\.gif)?)\/?$/

const REFUSALS: Record<Exclude<KeyCheck, { ok: true }>['reason'] | 'missing', string> = {
  unknown: 'The API key is not valid',
  revoked: 'The API key has been revoked',
  expired: 'The API key has expired',
  missing: 'This API needs a key: send X-Api-Key: <key> or Authorization: Bearer <key>',
}

const unauthorized = (reason: keyof typeof REFUSALS) =>
  new ApiError(401, 'unauthorized', REFUSALS[reason], [{ path: 'header.x-api-key', message: reason }], { 'WWW-Authenticate': 'Bearer realm="api"' })

function waitUntilOf(c: Context): Pick<ExecutionContext, 'waitUntil'> | undefined {
  try {
    return c.executionCtx
  } catch {
    return undefined
  }
}

/**
 * Partner keys on `/api/v1` and the feeds. A presented key is checked with one
 * indexed D1 statement on the primary (no isolate cache: a revocation holds on the
 * next request), counted against its tier's rate limit (429 with Retry-After), its
 * use counted in the isolate (no D1 write), and its scope set for the read cache
 * (`cacheScope`) and for the reads (`feedScope`: body and categories). A bad,
 * revoked or expired key is a 401, never a silent anonymous read; no key is
 * anonymous, or a 401 when PUBLIC_API_ACCESS is `key`. Keyed answers are sent
 * `Cache-Control: private`, so no shared cache outside hands them to anyone else.
 * Place it after CORS, so browsers can read its refusals.
 *
 * @example
 * publicApi.use('*', publicCors()).use('*', apiKeyAccess())
 */
export function apiKeyAccess(): MiddlewareHandler<AppEnv> {
  return async function apiKeyAccess(c, next) {
    if (c.req.method === 'OPTIONS' || OPEN_PATHS.test(c.req.path)) return next()
    const secret = presentedApiKey(c.req.raw.headers)
    if (secret === null) {
      if (publicAccess(c.env) === 'key') throw unauthorized('missing')
      return next()
    }
    const check = await verifyApiKey(createDb(c.env.DB), secret)
    if (!check.ok) throw unauthorized(check.reason)
    const { key } = check
    const allowed = await withinRateLimit(c.env, key.tier, key.id)
    countKeyUsage(c.env.VIEWS, key.id, !allowed, waitUntilOf(c))
    if (!allowed) {
      const period = KEY_TIERS[key.tier].period
      throw new ApiError(429, 'too_many_requests', `Rate limit of this key reached: ${KEY_TIERS[key.tier].limit} requests per ${period} s`, [], { 'Retry-After': String(period) })
    }
    c.set('feedScope', readerScope(key))
    c.set('cacheScope', await keyCacheScope(key))
    await next()
    if (c.res.headers.get('Cache-Control')?.startsWith('public')) c.header('Cache-Control', 'private, max-age=0')
  }
}
