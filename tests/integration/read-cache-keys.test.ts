import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test'
import { Hono } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { beforeEach, describe, expect, it } from 'vitest'
import type { CacheScopeEnv } from '../../worker/middleware/cache-scope'
import { readCache } from '../../worker/middleware/read-cache'
import { anotherIsolate, forgetCachedReads } from '../helpers/cached-reads'

/**
 * What both read cache layers key and keep, on a small app around the real
 * `readCache()` (memory and the real Cache API). Its first middleware plays the part
 * partner-key authentication will play: it sets the caller's verified scope.
 */
const ORIGIN = 'http://localhost'

function scopedApp() {
  const handled: string[] = []
  const app = new Hono<{ Bindings: Env } & CacheScopeEnv>()
    .use('*', async function verifiedScope(c, next) {
      const scope = c.req.header('X-Verified-Scope')
      if (scope !== undefined) c.set('cacheScope', scope)
      await next()
    })
    .get('/status/:code', readCache(), (c) => {
      const code = Number(c.req.param('code'))
      handled.push(c.req.path)
      if (code === 301) return c.redirect('/elsewhere', 301)
      return c.json({ code }, code as ContentfulStatusCode)
    })
    .get('/articles', readCache(), (c) => {
      const scope = c.get('cacheScope') ?? 'anonymous'
      handled.push(scope)
      return c.json({ data: `articles visible to ${scope}` }, 200)
    })
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const ctx = createExecutionContext()
    const res = await app.request(path, { headers }, { ...env, READ_CACHE_TTL: '30' }, ctx)
    await waitOnExecutionContext(ctx)
    return { status: res.status, text: await res.text() }
  }
  return { get, handled }
}

beforeEach(() => forgetCachedReads(ORIGIN))

describe('read cache keys', () => {
  it('never serves one scope’s answer to another, from memory or from the location’s cache', async () => {
    const { get, handled } = scopedApp()
    const partner = { 'X-Verified-Scope': 'key:summary:thoi-su' }
    const other = { 'X-Verified-Scope': 'key:full' }
    expect((await get('/articles', partner)).text).toContain('key:summary:thoi-su')
    expect((await get('/articles', other)).text).toContain('key:full')
    expect((await get('/articles')).text).toContain('anonymous')
    expect(handled).toEqual(['key:summary:thoi-su', 'key:full', 'anonymous'])

    // Each scope now hits its own entry, in memory and, from another isolate, in the Cache API.
    for (let i = 0; i < 2; i++) {
      expect((await get('/articles', other)).text).toContain('key:full')
      expect((await get('/articles', partner)).text).toContain('key:summary:thoi-su')
      expect((await get('/articles')).text).toContain('anonymous')
      anotherIsolate()
    }
    expect(handled).toHaveLength(3)
  })

  it('keeps 200, 301 and 404 answers in both layers and never an error', async () => {
    const { get, handled } = scopedApp()
    const codes = [200, 301, 404, 400, 401, 403, 409, 410, 429, 500, 502, 503]
    for (const code of codes) {
      const first = await get(`/status/${code}`)
      expect(first.status).toBe(code)
      await get(`/status/${code}`) // this isolate's memory
      anotherIsolate()
      await get(`/status/${code}`) // the location's Cache API
    }
    const runs = (code: number) => handled.filter((p) => p === `/status/${code}`).length
    expect(codes.map((code) => [code, runs(code)])).toEqual(codes.map((code) => [code, [200, 301, 404].includes(code) ? 1 : 3]))
  })
})
