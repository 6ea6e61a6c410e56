/** The default and the ceiling of READ_CACHE_TTL, in seconds. */
export const DEFAULT_READ_CACHE_TTL_S = 10
export const MAX_READ_CACHE_TTL_S = 60

const parsed = new WeakMap<object, number>()

/**
 * How long a public read may be served from isolate memory or the location's Cache
 * API, from the READ_CACHE_TTL var (seconds, 0 turns both off, at most 60). A publish,
 * edit or unpublish shows on the public API within TTL + min(TTL, 5 s), never over
 * 60 s (see middleware/read-cache.ts, docs/read-cache.md).
 */
export function readCacheTtlMs(env: Env): number {
  let ms = parsed.get(env)
  if (ms === undefined) {
    const raw = env.READ_CACHE_TTL
    const seconds = raw === undefined || raw === '' ? DEFAULT_READ_CACHE_TTL_S : Number(raw)
    if (!Number.isFinite(seconds) || seconds < 0 || seconds > MAX_READ_CACHE_TTL_S) {
      throw new Error(`READ_CACHE_TTL "${raw}" must be a number of seconds from 0 to ${MAX_READ_CACHE_TTL_S}`)
    }
    ms = seconds * 1000
    parsed.set(env, ms)
  }
  return ms
}
