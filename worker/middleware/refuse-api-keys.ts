import type { MiddlewareHandler } from 'hono'
import { presentedApiKey } from '../lib/api-key-header'
import { ApiError } from '../lib/errors'

/**
 * A partner key never works on the admin API: a request presenting one (X-Api-Key,
 * or `Authorization: Bearer tin_key_…`) is a 401 saying so, before any sign-in is
 * looked at, rather than a confusing "sign in first".
 *
 * @example
 * adminApi.use('*', refuseApiKeys())
 */
export function refuseApiKeys(): MiddlewareHandler {
  return async function refuseApiKeys(c, next) {
    if (presentedApiKey(c.req.raw.headers) !== null) {
      throw new ApiError(401, 'unauthorized', 'API keys are for the public API and feeds only; the admin API needs a staff sign-in or personal access token', [
        { path: 'header.x-api-key', message: 'not accepted here' },
      ])
    }
    await next()
  }
}
