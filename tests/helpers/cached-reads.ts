/**
 * The worker with the read caches on (READ_CACHE_TTL in seconds; the suite runs with
 * them off) and every D1 round trip counted, real bindings otherwise; and a way to
 * stand in for another isolate of the same location.
 *
 * @example
 * const first = await readCached('/api/v1/articles')   // D1, then both caches
 * anotherIsolate()
 * expect((await readCached('/api/v1/articles')).queries).toBe(0)   // the location's Cache API
 */
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test'
import worker from '../../worker/index'
import { purgeShared } from '../../worker/lib/location-cache'
import { clearReadCache } from '../../worker/middleware/read-cache'
import { BASE } from './auth'
import { platformD1 } from './platform-d1'

export async function readCached(path: string, init: RequestInit & { ttl?: string } = {}) {
  const { d1, calls } = platformD1()
  const ctx = createExecutionContext()
  const res = await worker.fetch(new Request(BASE + path, { redirect: 'manual', ...init }), { ...env, DB: d1, READ_CACHE_TTL: init.ttl ?? '1' }, ctx)
  // A view beacon's waitUntil is its flush timer (seconds): the cron flushes instead.
  if (!init.method) await waitOnExecutionContext(ctx)
  const text = await res.text()
  const json = text && res.headers.get('Content-Type')?.includes('json') ? JSON.parse(text) : null
  return { status: res.status, headers: res.headers, text, json, queries: calls.length }
}

/**
 * The next request lands in another isolate of this location: nothing in memory,
 * the same Cache API (workerd's `caches.default` is per process, as it is per
 * location in production).
 */
export const anotherIsolate = clearReadCache

/** Every cached read of this test's location forgotten (what an editor's write does), so tests start clean. */
export async function forgetCachedReads(origin = BASE) {
  clearReadCache()
  await purgeShared(origin)
}
