import { beforeEach, describe, expect, it } from 'vitest'
import { createArticle, createCategory, db } from '../helpers/fixtures'
import { tokenFor } from '../helpers/auth'
import { forgetCachedReads, readCached as read } from '../helpers/cached-reads'
import { BROWSER_UA, runCron, storedTotal } from '../helpers/views'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const setTitle = (id: number, title: string) => db().updateTable('articles').set({ title }).where('id', '=', id).execute()
const setStatus = (id: number, status: 'draft' | 'published') =>
  db().updateTable('articles').set({ status, published_at: new Date().toISOString() }).where('id', '=', id).execute()

describe('read cache for the public API', () => {
  beforeEach(() => forgetCachedReads())

  it('serves a hot article, list, taxonomy, search and related list from memory without querying D1', async () => {
    const cat = await createCategory('Kinh tế')
    const a = await createArticle({ title: 'Giá vàng hôm nay tăng mạnh', categoryId: cat.id, tags: ['Giá vàng'] })
    for (const path of [`/api/v1/articles/slug/${a.slug}`, `/api/v1/articles/${a.id}`, '/api/v1/articles?category=kinh-te&limit=20', '/api/v1/categories', '/api/v1/tags', '/api/v1/most-read?window=7d', '/api/v1/search?q=gia+vang', `/api/v1/articles/${a.id}/related`]) {
      const first = await read(path)
      expect(first.status, path).toBe(200)
      expect(first.queries, path).toBeGreaterThan(0)
      for (let i = 0; i < 3; i++) {
        const again = await read(path)
        expect(again.queries, path).toBe(0)
        expect(again.json).toEqual(first.json)
        expect(again.headers.get('ETag')).toBe(first.headers.get('ETag'))
        expect(again.headers.get('Cache-Control')).toBe(first.headers.get('Cache-Control'))
      }
    }
  })

  it('shows an edit, an unpublish and a publish once the TTL has passed, and not before', async () => {
    const a = await createArticle({ title: 'Tiêu đề ban đầu của bài' })
    const b = await createArticle({ title: 'Bài sẽ được đăng sau', status: 'draft' })
    const byId = `/api/v1/articles/${a.id}?fields=id,title`
    const list = '/api/v1/articles?limit=100&fields=id,title'
    expect((await read(byId)).json.data.title).toBe('Tiêu đề ban đầu của bài')
    expect((await read(list)).json.data.map((x: { id: number }) => x.id)).not.toContain(b.id)
    expect((await read(`/api/v1/articles/${b.id}`)).status).toBe(404)

    await setTitle(a.id, 'Tiêu đề đã sửa')
    await setStatus(b.id, 'published')
    expect((await read(byId)).json.data.title).toBe('Tiêu đề ban đầu của bài')
    expect((await read(`/api/v1/articles/${b.id}`)).status).toBe(404)

    await sleep(1_100)
    expect((await read(byId)).json.data.title).toBe('Tiêu đề đã sửa')
    expect((await read(list)).json.data.map((x: { id: number }) => x.id)).toContain(b.id)
    expect((await read(`/api/v1/articles/${b.id}`)).status).toBe(200)

    await setStatus(b.id, 'draft')
    expect((await read(`/api/v1/articles/${b.id}`)).status).toBe(200)
    await sleep(1_100)
    expect((await read(`/api/v1/articles/${b.id}`)).status).toBe(404)
    expect((await read(list)).json.data.map((x: { id: number }) => x.id)).not.toContain(b.id)
  })

  it('refreshes an expired entry once while concurrent readers get the previous copy', async () => {
    const a = await createArticle({ title: 'Trước khi sửa tiêu đề' })
    const path = `/api/v1/articles/${a.id}?fields=title`
    const first = await read(path)
    await setTitle(a.id, 'Sau khi sửa tiêu đề')
    await sleep(1_050)
    const burst = await Promise.all(Array.from({ length: 6 }, () => read(path)))
    expect(burst.reduce((n, r) => n + r.queries, 0)).toBe(first.queries)
    // One request refreshed (and saw the edit); the others, arriving meanwhile, got the previous copy.
    expect(burst.filter((r) => r.queries > 0)).toHaveLength(1)
    expect(burst.find((r) => r.queries > 0)!.json.data.title).toBe('Sau khi sửa tiêu đề')
    expect(burst.filter((r) => r.json.data.title === 'Trước khi sửa tiêu đề').length).toBeGreaterThan(0)
    const after = await read(path)
    expect([after.json.data.title, after.queries]).toEqual(['Sau khi sửa tiêu đề', 0])
  })

  it('keeps ETag and 304 the same whether the answer comes from memory, D1 or with the cache off', async () => {
    const a = await createArticle({ title: 'Khánh thành cầu Mỹ Thuận 2' })
    const path = `/api/v1/articles/slug/${a.slug}`
    const uncached = await read(path, { ttl: '0' })
    const miss = await read(path)
    const hit = await read(path)
    expect(uncached.headers.get('ETag')).toMatch(/^"[0-9a-f]{40}"$/)
    expect(miss.headers.get('ETag')).toBe(uncached.headers.get('ETag'))
    expect(hit.headers.get('ETag')).toBe(uncached.headers.get('ETag'))

    const etag = hit.headers.get('ETag')!
    const revalidated = await read(path, { headers: { 'If-None-Match': etag } })
    expect(revalidated.status).toBe(304)
    expect(revalidated.queries).toBe(0)
    expect(revalidated.headers.get('ETag')).toBe(etag)
    expect(revalidated.headers.get('Cache-Control')).toContain('s-maxage=')
    expect((await read(path, { headers: { 'If-None-Match': '"stale"' } })).status).toBe(200)

    await sleep(1_100)
    const missWithTag = await read(path, { headers: { 'If-None-Match': etag } })
    expect(missWithTag.status).toBe(304)
    expect(missWithTag.queries).toBeGreaterThan(0)
    expect((await read(path)).queries).toBe(0)
  })

  it('reuses a moved slug’s redirect and a not-found briefly, and never caches a 400', async () => {
    const a = await createArticle({ title: 'Bài đổi đường dẫn' })
    await db().insertInto('slug_history').values({ slug: 'duong-dan-cu', article_id: a.id, created_at: new Date().toISOString() }).execute()
    const moved = await read('/api/v1/articles/slug/duong-dan-cu')
    expect(moved.status).toBe(301)
    const movedAgain = await read('/api/v1/articles/slug/duong-dan-cu')
    expect([movedAgain.status, movedAgain.queries, movedAgain.headers.get('Location')]).toEqual([301, 0, moved.headers.get('Location')])
    await read('/api/v1/articles/slug/khong-ton-tai')
    expect((await read('/api/v1/articles/slug/khong-ton-tai')).queries).toBe(0)
    expect((await read('/api/v1/articles?limit=0')).status).toBe(400)
    expect((await read('/api/v1/articles?limit=0')).status).toBe(400)
  })

  it('drops this isolate\'s cached reads as soon as an editor saves through the admin API', async () => {
    const a = await createArticle({ title: 'Tiêu đề trước khi sửa' })
    const { headers } = await tokenFor('editor')
    expect((await read(`/api/v1/articles/${a.id}`, { ttl: '60' })).json.data.title).toBe('Tiêu đề trước khi sửa')
    const saved = await read(`/api/admin/articles/${a.id}`, {
      ttl: '60',
      method: 'PATCH',
      headers: { ...headers, 'Content-Type': 'application/json', 'If-Match': String(a.version) },
      body: JSON.stringify({ title: 'Tiêu đề sau khi sửa' }),
    })
    expect(saved.status).toBe(200)
    const after = await read(`/api/v1/articles/${a.id}`, { ttl: '60' })
    expect(after.json.data.title).toBe('Tiêu đề sau khi sửa')
    expect(after.queries).toBeGreaterThan(0)
  })

  it('counts views of an article that is published when the rollup runs, from its first beacon, with no D1 query', async () => {
    const a = await createArticle({ title: 'Bài được đăng sau khi có lượt xem', status: 'draft' })
    const view = () => read(`/api/v1/articles/${a.id}/views`, { method: 'POST', headers: { 'User-Agent': BROWSER_UA } })
    const first = await view()
    expect([first.status, first.queries]).toEqual([204, 0])
    await runCron()
    expect(await storedTotal(a.id)).toBe(0)
    await setStatus(a.id, 'published')
    await view()
    await view()
    await runCron()
    expect(await storedTotal(a.id)).toBe(2)
    await view()
    await setStatus(a.id, 'draft')
    await runCron()
    expect(await storedTotal(a.id)).toBe(2)
  })
})
