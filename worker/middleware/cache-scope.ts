import type { Context } from 'hono'

/** Every caller without credentials: all public readers today. */
export const ANONYMOUS_SCOPE = 'anon'

/** Request headers that say who is calling: an answer to such a request may be theirs alone. */
const CREDENTIAL_HEADERS = ['authorization', 'x-api-key']

/** The variable an authenticating middleware sets once it knows what a caller may see. */
export type CacheScopeEnv = { Variables: { cacheScope?: string } }

/**
 * Whose cached public reads a request may be served, and fill: part of every read
 * cache key (read-cache.ts), in isolate memory and in the location's Cache API alike,
 * so one scope's answer is never served to another.
 *
 * - the scope an authenticating middleware set (`c.set('cacheScope', …)`), e.g. a
 *   partner key's access level (`key:summary:3.4`): callers who may see exactly the same share entries;
 * - `anon` for a request without credentials;
 * - null, meaning "do not cache", for a request that carries credentials nothing has
 *   verified (an `Authorization` that is no partner key, e.g. a staff token): it is
 *   answered from D1 and its answer is stored for no one.
 *
 * @example
 * c.set('cacheScope', await keyCacheScope(key)) // middleware/api-key.ts
 */
export function cacheScope<E extends CacheScopeEnv>(c: Context<E>): string | null {
  const verified = c.get('cacheScope')
  if (verified !== undefined) return verified
  return CREDENTIAL_HEADERS.some((name) => c.req.header(name) !== undefined) ? null : ANONYMOUS_SCOPE
}
