import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test'
import { beforeEach, describe, expect, it } from 'vitest'
import worker from '../../worker/index'
import { lookupShared, purgeShared, storeShared } from '../../worker/lib/location-cache'
import { captureRead } from '../../worker/lib/cached-read'
import { BASE, tokenFor } from '../helpers/auth'
import { anotherIsolate, forgetCachedReads, readCached as read } from '../helpers/cached-reads'
import { createArticle, createCategory, db } from '../helpers/fixtures'

/**
 * The second read cache layer: the Cache API of the location (`caches.default`,
 * real in workerd), shared by the isolates there. "Another isolate" is this one
 * with its memory cleared: the same Cache API, nothing in memory.
 */
const README_CACHE_CONTROL = 'public, max-age=0, s-maxage=60, stale-while-revalidate=300'
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const setTitle = (id: number, title: string) => db().updateTable('articles').set({ title }).where('id', '=', id).execute()
const headerNames = (h: Headers) => [...h.keys()].sort()

beforeEach(() => forgetCachedReads())

describe('the location’s Cache API behind isolate memory', () => {
  it('answers another isolate of the location without D1: same status, body, ETag, Cache-Control and headers', async () => {
    const cat = await createCategory('Giáo dục')
    const a = await createArticle({ title: 'Tuyển sinh lớp 10 tại Hà Nội', categoryId: cat.id, tags: ['Tuyển sinh'] })
    await db().insertInto('slug_history').values({ slug: 'tuyen-sinh-cu', article_id: a.id, created_at: new Date().toISOString() }).execute()
    const paths = [
      `/api/v1/articles/${a.id}`,
      `/api/v1/articles/slug/${a.slug}`,
      '/api/v1/articles?category=giao-duc',
      '/api/v1/articles?fields=id,title&limit=5',
      '/api/v1/articles/slug/tuyen-sinh-cu',
      '/api/v1/articles/slug/khong-co-bai-nay',
      '/api/v1/categories',
      '/api/v1/most-read?window=7d',
      '/api/v1/search?q=tuyen+sinh',
      `/api/v1/articles/${a.id}/related`,
    ]
    for (const path of paths) {
      const fromD1 = await read(path, { ttl: '30' })
      expect(fromD1.queries, path).toBeGreaterThan(0)
      anotherIsolate()
      const shared = await read(path, { ttl: '30' })
      expect(shared.queries, path).toBe(0)
      expect([shared.status, shared.text], path).toEqual([fromD1.status, fromD1.text])
      expect(headerNames(shared.headers), path).toEqual(headerNames(fromD1.headers))
      for (const name of ['ETag', 'Cache-Control', 'Location', 'Content-Type']) expect(shared.headers.get(name), `${path} ${name}`).toBe(fromD1.headers.get(name))
    }
    const statuses = await Promise.all(paths.map(async (p) => (await read(p, { ttl: '30' })).status))
    expect(statuses).toEqual([200, 200, 200, 200, 301, 404, 200, 200, 200, 200])
  })

  it('keeps the Cache-Control the README documents, and answers If-None-Match with 304 from the shared copy', async () => {
    const a = await createArticle({ title: 'Giá xăng giảm từ 15 giờ chiều nay' })
    const path = `/api/v1/articles/${a.id}`
    const fromD1 = await read(path, { ttl: '30' })
    expect(fromD1.headers.get('Cache-Control')).toBe(README_CACHE_CONTROL)
    anotherIsolate()
    const revalidated = await read(path, { ttl: '30', headers: { 'If-None-Match': fromD1.headers.get('ETag')! } })
    expect([revalidated.status, revalidated.queries, revalidated.text]).toEqual([304, 0, ''])
    expect(revalidated.headers.get('ETag')).toBe(fromD1.headers.get('ETag'))
    expect(revalidated.headers.get('Cache-Control')).toBe(README_CACHE_CONTROL)
    anotherIsolate()
    const full = await read(path, { ttl: '30', headers: { 'If-None-Match': '"something-else"' } })
    expect([full.status, full.queries, full.headers.get('Cache-Control')]).toEqual([200, 0, README_CACHE_CONTROL])
  })

  it('stores in the Cache API after the response, through waitUntil, never before answering', async () => {
    const a = await createArticle({ title: 'Khai mạc hội chợ xuân' })
    const cache = caches.default
    const put = cache.put
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const puts: string[] = []
    cache.put = async (key, response) => {
      puts.push(String(key instanceof Request ? key.url : key))
      await held
      return put.call(cache, key, response)
    }
    try {
      const ctx = createExecutionContext()
      const res = await worker.fetch(new Request(`${BASE}/api/v1/articles/${a.id}`), { ...env, READ_CACHE_TTL: '30' }, ctx)
      // The answer is complete while the put is still held.
      expect([res.status, (await res.json<{ data: { title: string } }>()).data.title]).toEqual([200, 'Khai mạc hội chợ xuân'])
      expect(puts).toHaveLength(1)
      release()
      await waitOnExecutionContext(ctx)
    } finally {
      cache.put = put
    }
    anotherIsolate()
    expect((await read(`/api/v1/articles/${a.id}`, { ttl: '30' })).queries).toBe(0)
  })

  it('is purged by an editor’s save: every URL variant of the location reads D1 again and shows the edit', async () => {
    const a = await createArticle({ title: 'Tiêu đề trước khi biên tập viên sửa' })
    const { headers } = await tokenFor('editor')
    const paths = [`/api/v1/articles/${a.id}`, `/api/v1/articles/${a.id}?fields=id,title`, '/api/v1/articles?fields=id,title&limit=100']
    for (const path of paths) await read(path, { ttl: '60' })
    const saved = await read(`/api/admin/articles/${a.id}`, {
      ttl: '60',
      method: 'PATCH',
      headers: { ...headers, 'If-Match': `"${a.version}"` },
      body: JSON.stringify({ title: 'Tiêu đề sau khi biên tập viên sửa' }),
    })
    expect(saved.status).toBe(200)
    for (const path of paths) {
      anotherIsolate()
      const after = await read(path, { ttl: '60' })
      expect(after.queries, path).toBeGreaterThan(0)
      const article = Array.isArray(after.json.data) ? after.json.data.find((x: { id: number }) => x.id === a.id) : after.json.data
      expect(article.title, path).toBe('Tiêu đề sau khi biên tập viên sửa')
    }
  })

  it('serves a change no editor saved here (another location, the cron) once the TTL has passed, not before', async () => {
    // TTL 1.5 s: the Cache API may keep the entry 2 s (max-age in whole seconds); it is not served past 1.5 s.
    const a = await createArticle({ title: 'Bản tin trước khi đổi' })
    const path = `/api/v1/articles/${a.id}?fields=title`
    await read(path, { ttl: '1.5' })
    await setTitle(a.id, 'Bản tin sau khi đổi')
    anotherIsolate()
    const early = await read(path, { ttl: '1.5' })
    expect([early.json.data.title, early.queries]).toEqual(['Bản tin trước khi đổi', 0])
    await sleep(1_600)
    anotherIsolate()
    const late = await read(path, { ttl: '1.5' })
    expect(late.json.data.title).toBe('Bản tin sau khi đổi')
    expect(late.queries).toBeGreaterThan(0)
  })

  it('never serves a read that began before a save after it (its generation is gone)', async () => {
    const origin = 'https://race.test'
    const answer = async (text: string) => (await captureRead(new Response(text, { headers: { 'Content-Type': 'text/plain' } }), Date.now()))!
    // Control: looked up, stored under that generation, found.
    const before = await lookupShared(origin, '/anon/a', 30_000, Date.now())
    await storeShared(origin, '/anon/a', await answer('cũ'), before.generation!, 30_000)
    expect((await lookupShared(origin, '/anon/a', 30_000, Date.now())).hit).not.toBeNull()
    // A read looks up, a save purges meanwhile, the read then stores what it read before the save.
    const racing = await lookupShared(origin, '/anon/b', 30_000, Date.now())
    await purgeShared(origin)
    await storeShared(origin, '/anon/b', await answer('cũ'), racing.generation!, 30_000)
    expect((await lookupShared(origin, '/anon/b', 30_000, Date.now())).hit).toBeNull()
    expect((await lookupShared(origin, '/anon/a', 30_000, Date.now())).hit).toBeNull()
  })
})

describe('cache keys carry the caller’s scope', () => {
  it('never serves a request with credentials from a cached answer, nor stores its answer for anyone', async () => {
    const a = await createArticle({ title: 'Tin dành cho đối tác' })
    const path = `/api/v1/articles/${a.id}`
    // An Authorization that is no partner key is read as anonymous but never cached;
    // an X-Api-Key that is no valid key is refused (401) before any cache (api-key.ts).
    const withCredentials: Record<string, string>[] = [{ Authorization: 'Bearer doi-tac-1' }]
    for (const headers of withCredentials) {
      expect((await read(path, { ttl: '30', headers })).queries).toBeGreaterThan(0)
    }
    expect((await read(path, { ttl: '30', headers: { 'X-Api-Key': 'khoa-doi-tac' } })).status).toBe(401)
    // Their answers filled nothing: the first anonymous read goes to D1, then fills both layers.
    expect((await read(path, { ttl: '30' })).queries).toBeGreaterThan(0)
    expect((await read(path, { ttl: '30' })).queries).toBe(0)
    for (const headers of withCredentials) {
      expect((await read(path, { ttl: '30', headers })).queries).toBeGreaterThan(0)
      anotherIsolate()
      expect((await read(path, { ttl: '30', headers })).queries).toBeGreaterThan(0)
    }
    expect((await read(path, { ttl: '30', headers: { 'X-Api-Key': 'khoa-doi-tac' } })).status).toBe(401)
    anotherIsolate()
    expect((await read(path, { ttl: '30' })).queries).toBe(0)
  })
})
