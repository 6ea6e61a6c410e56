import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { CACHEABLE_STATUSES, type CachedRead } from './cached-read'

/**
 * The second read cache layer: `caches.default`, the Cache API of the Cloudflare
 * location (data center) serving the request, shared by every isolate there and
 * never copied to other locations. Entries live under
 * `<origin>/__read-cache/v1/read/<scope>/<path>?<query>` (the request's own host:
 * Cloudflare advises against foreign hostnames in cache keys).
 *
 * Purging: a location-wide generation, itself a Cache API entry
 * (`…/v1/generation`), that an editor's write replaces with a new random value.
 * Every entry records the generation current when its lookup began, before its D1
 * read, and is served only while that is still the current one, so one put drops
 * every URL variant (`?fields=`, filters, pages) at once, and a read that raced the
 * write cannot be served past it. Entries are also served only until
 * readAt + TTL, whatever the cache's own expiry does: if the generation entry is
 * ever evicted, the TTL alone still bounds staleness.
 */
const ROOT = '/__read-cache/v1'
const GENERATION_PATH = `${ROOT}/generation`
/** The generation before any write in this location (or after the cache evicted it). */
const FIRST_GENERATION = '0'
const GENERATION_LIFETIME_S = 7 * 86_400

/** Stored beside the body; the client's own headers travel as one encoded value so the cache cannot alter them. */
const META = { status: 'x-read-status', readAt: 'x-read-at', generation: 'x-read-generation', headers: 'x-read-headers' } as const

const entryUrl = (origin: string, key: string) => `${origin}${ROOT}/read${key}`

export interface SharedLookup {
  hit: CachedRead | null
  /** The current generation, under which a read made now is stored; null if the cache failed (then store nothing). */
  generation: string | null
}

function logFailure(op: string, error: unknown) {
  console.error(JSON.stringify({ level: 'warn', msg: 'read cache: Cache API failed, answering from D1', op, error: String(error) }))
}

/**
 * The entry for `key` if it is of the current generation and younger than `ttl`
 * ms, and the current generation. Two Cache API matches, made in parallel. Never
 * throws: a cache failure is a miss.
 */
export async function lookupShared(origin: string, key: string, ttl: number, now: number): Promise<SharedLookup> {
  try {
    const [current, entry] = await Promise.all([caches.default.match(origin + GENERATION_PATH), caches.default.match(entryUrl(origin, key))])
    const generation = current ? await current.text() : FIRST_GENERATION
    if (!entry) return { hit: null, generation }
    const status = Number(entry.headers.get(META.status))
    const readAt = Number(entry.headers.get(META.readAt))
    if (entry.headers.get(META.generation) !== generation || !(now - readAt < ttl) || !CACHEABLE_STATUSES.has(status)) {
      await entry.body?.cancel()
      return { hit: null, generation }
    }
    const headers = JSON.parse(decodeURIComponent(entry.headers.get(META.headers) ?? '%7B%7D')) as Record<string, string>
    return { hit: { status: status as ContentfulStatusCode, body: await entry.arrayBuffer(), headers, readAt }, generation }
  } catch (error) {
    logFailure('match', error)
    return { hit: null, generation: null }
  }
}

/**
 * Stores `read` for the location under `generation`; the cache may drop it after
 * `ttl` (rounded up to a second). Meant for `ctx.waitUntil`: never throws.
 */
export async function storeShared(origin: string, key: string, read: CachedRead, generation: string, ttl: number): Promise<void> {
  const headers = new Headers({
    'Cache-Control': `public, max-age=${Math.max(1, Math.ceil(ttl / 1000))}`,
    [META.status]: String(read.status),
    [META.readAt]: String(read.readAt),
    [META.generation]: generation,
    [META.headers]: encodeURIComponent(JSON.stringify(read.headers)),
  })
  try {
    await caches.default.put(entryUrl(origin, key), new Response(read.body, { status: 200, headers }))
  } catch (error) {
    logFailure('put', error)
  }
}

/** Makes every entry of this location stale at once (an editor's write). Never throws. */
export async function purgeShared(origin: string): Promise<void> {
  const generation = `${Date.now().toString(36)}-${crypto.randomUUID()}`
  try {
    await caches.default.put(origin + GENERATION_PATH, new Response(generation, { headers: { 'Cache-Control': `public, max-age=${GENERATION_LIFETIME_S}` } }))
  } catch (error) {
    logFailure('purge', error)
  }
}
