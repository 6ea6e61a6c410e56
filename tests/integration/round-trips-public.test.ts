/**
 * D1 round trips per public request on a cache miss (READ_CACHE_TTL is 0 in the
 * tests): every D1 call is a network round trip in production, so each route has a
 * budget (docs/performance.md). Counted on the real local D1 through platformD1
 * (each all/first/run/raw and each batch is one). Each answer is checked too, so a
 * route cannot meet its budget by failing early.
 */
import { env } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { ViewCounter } from '../../worker/services/views/counter'
import { rollupShards } from '../../worker/services/views/rollup'
import { createArticle, createAuthor, createCategory, db } from '../helpers/fixtures'
import { staffClient } from '../helpers/admin-api'
import { countedFetch } from '../helpers/round-trips'
import { BROWSER_UA, runCron } from '../helpers/views'

let main: { id: number; slug: string; categoryId: number }

beforeAll(async () => {
  const news = await createCategory('Thời sự')
  await createCategory('Giao thông', { parentId: news.id })
  const [hoa, nam] = [await createAuthor('Đặng Thị Hoa'), await createAuthor('Lý Hoàng Nam')]
  const cover = await db()
    .insertInto('media')
    .values({ key: '2026/ngap.jpg', filename: 'ngap.jpg', content_type: 'image/jpeg', size: 1000, width: 1200, height: 800, alt: 'Ngập', caption: 'Phố ngập', credit: 'TTXVN', created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' })
    .returning('id')
    .executeTakeFirstOrThrow()
  const article = await createArticle({
    title: 'Đà Nẵng: Đường phố ngập sâu sau trận mưa lớn kỷ lục',
    categoryId: news.id,
    tags: ['Đà Nẵng', 'Mưa lớn'],
    authorIds: [hoa.id, nam.id],
    extra: { cover_media_id: cover.id },
  })
  main = { ...article, categoryId: news.id }
  for (let i = 0; i < 25; i++) {
    await createArticle({ title: `Đà Nẵng mưa lớn: bản tin số ${i + 1}`, categoryId: news.id, tags: ['Mưa lớn'], authorIds: [hoa.id] })
  }
  await db().insertInto('slug_history').values({ slug: 'da-nang-ngap-sau', article_id: main.id, created_at: '2026-01-01T00:00:00Z' }).execute()
  await db().insertInto('redirects').values({ path: '/?p=123', article_id: main.id }).execute()
  // Totals in D1 and shards this isolate wrote but the rollup has not seen yet: the
  // read then adds "which of my shards are rolled up" to its batch.
  const counter = new ViewCounter(env.VIEWS)
  for (let i = 0; i < 3; i++) counter.record(main.id)
  await counter.flush()
  await rollupShards(env.DB, env.VIEWS)
  for (let i = 0; i < 2; i++) await countedFetch(`/api/v1/articles/${main.id}/views`, { method: 'POST', headers: { 'User-Agent': BROWSER_UA } })
})

/** Route -> the most D1 round trips one cache miss may make (docs/performance.md). */
const reads: [path: () => string, status: number, budget: number][] = [
  [() => `/api/v1/articles/${main.id}`, 200, 1],
  [() => `/api/v1/articles/slug/${main.slug}`, 200, 1],
  [() => '/api/v1/articles/slug/khong-co-bai-nay', 404, 1],
  [() => '/api/v1/articles/987654', 404, 1],
  [() => '/api/v1/articles', 200, 1],
  [() => '/api/v1/articles?limit=5&category=thoi-su&tag=mua-lon&author=dang-thi-hoa', 200, 1],
  [() => '/api/v1/articles?tag=mua-lon&limit=3', 200, 1],
  [() => '/api/v1/articles?author=ly-hoang-nam', 200, 1],
  [() => '/api/v1/articles?sort=title&featured=false&fields=id,title,views', 200, 1],
  [() => '/api/v1/articles?category=khong-co', 404, 1],
  [() => '/api/v1/articles?tag=khong-co', 404, 1],
  [() => '/api/v1/articles?author=khong-co', 404, 1],
  [() => '/api/v1/most-read?window=all', 200, 1],
  [() => '/api/v1/most-read?window=24h&category=thoi-su', 200, 1],
  [() => '/api/v1/most-read?category=khong-co', 404, 1],
  [() => '/api/v1/search?q=da+nang', 200, 1],
  [() => '/api/v1/search?q=mưa+lớn&category=thoi-su&limit=3', 200, 1],
  [() => '/api/v1/search?q=mua&category=khong-co', 404, 1],
  [() => '/api/v1/search?q=%21%21', 200, 0],
  [() => `/api/v1/articles/${main.id}/related`, 200, 1],
  [() => '/api/v1/articles/987654/related', 404, 1],
  [() => '/api/v1/categories', 200, 1],
  [() => '/api/v1/categories/thoi-su', 200, 1],
  [() => '/api/v1/categories/khong-co', 404, 1],
  [() => '/api/v1/tags', 200, 1],
  [() => '/api/v1/authors', 200, 1],
  [() => '/api/v1/health', 200, 0],
  [() => '/feeds/rss.xml', 200, 1],
  [() => '/feeds/atom.xml', 200, 1],
  [() => '/feeds/feed.json', 200, 1],
  [() => '/feeds/rss.xml?category=thoi-su', 200, 1],
  [() => '/feeds/feed.json?category=khong-co', 404, 1],
  [() => '/sitemap.xml', 200, 1],
  [() => '/sitemaps/articles-1.xml', 200, 1],
  [() => '/sitemaps/articles-99.xml', 404, 1],
  [() => '/sitemap-news.xml', 200, 1],
  [() => '/robots.txt', 200, 0],
  [() => '/api/v1/redirects?path=%2F%3Fp%3D123', 301, 1],
  [() => '/api/v1/redirects?path=%2Fkhong-co', 404, 1],
]

describe('D1 round trips of a public read that misses the caches', () => {
  it.each(reads)('%s answers %i within %i round trip(s)', async (path, status, budget) => {
    const res = await countedFetch(path())
    expect(res.status, res.text.slice(0, 300)).toBe(status)
    expect(res.calls, JSON.stringify(res.calls.map((c) => c.kind))).toHaveLength(budget)
  })

  it('reads an article with its category, tags, authors, cover and views in one round trip', async () => {
    const res = await countedFetch(`/api/v1/articles/${main.id}`)
    expect(res.calls).toHaveLength(1)
    expect(res.calls[0]!.kind).toBe('batch')
    expect(res.body.data).toMatchObject({
      category: { slug: 'thoi-su', name: 'Thời sự' },
      tags: [{ slug: 'da-nang' }, { slug: 'mua-lon' }],
      authors: [{ slug: 'dang-thi-hoa' }, { slug: 'ly-hoang-nam' }],
      cover: { width: 1200, height: 800, caption: 'Phố ngập', credit: 'TTXVN' },
      views: 5,
    })
  })

  it('answers the sitemap index (past the page size, lowered to 10) and its children in one round trip each', async () => {
    const vars = { SITEMAP_PAGE_SIZE: '10' }
    const index = await countedFetch('/sitemap.xml', {}, vars)
    expect(index.status).toBe(200)
    expect(index.calls).toHaveLength(1)
    for (const n of [1, 2, 3]) {
      const child = await countedFetch(`/sitemaps/articles-${n}.xml`, {}, vars)
      expect([child.status, child.calls.length], `articles-${n}.xml`).toEqual([200, 1])
    }
  })

  it('answers an old slug with a 301 in one round trip', async () => {
    const res = await countedFetch('/api/v1/articles/slug/da-nang-ngap-sau')
    expect(res.status).toBe(301)
    expect(res.headers.get('Location')).toBe(`/api/v1/articles/slug/${main.slug}`)
    expect(res.calls).toHaveLength(1)
  })

  it('counts a beacon and a pixel view with no D1 call', async () => {
    const headers = { 'User-Agent': BROWSER_UA }
    const post = await countedFetch(`/api/v1/articles/${main.id}/views`, { method: 'POST', headers })
    const gif = await countedFetch(`/api/v1/articles/${main.id}/views.gif`, { headers })
    const unknown = await countedFetch('/api/v1/articles/987654/views', { method: 'POST', headers })
    expect([post.status, gif.status, unknown.status]).toEqual([204, 200, 204])
    expect([...post.calls, ...gif.calls, ...unknown.calls]).toEqual([])
    expect((await countedFetch(`/api/v1/articles/${main.id}`)).body.data.views).toBe(7)
  })

  it('pages through a list by cursor at one round trip a page', async () => {
    let path = '/api/v1/articles?limit=10&tag=mua-lon'
    const seen: number[] = []
    for (let page = 0; page < 5 && path; page++) {
      const res = await countedFetch(path)
      expect(res.calls).toHaveLength(1)
      seen.push(...res.body.data.map((a: { id: number }) => a.id))
      path = res.body.next_cursor ? `/api/v1/articles?limit=10&tag=mua-lon&cursor=${res.body.next_cursor}` : ''
    }
    expect(seen).toHaveLength(26)
    expect(new Set(seen).size).toBe(26)
  })

  it('ranks related articles of an article without stored title pairs the same, in two round trips until the cron fills them', async () => {
    const source = await createArticle({ title: 'Quảng Ninh: Bão số 3 gây mưa lớn', extra: { title_pairs: null } })
    const alike = await createArticle({ title: 'Quảng Ninh khắc phục hậu quả bão số 3' })
    await createArticle({ title: 'Giá vàng tăng kỷ lục' })
    const before = await countedFetch(`/api/v1/articles/${source.id}/related`)
    expect(before.calls).toHaveLength(2)
    expect(before.body.data.map((a: { id: number }) => a.id)).toContain(alike.id)
    await runCron()
    const after = await countedFetch(`/api/v1/articles/${source.id}/related`)
    expect(after.calls).toHaveLength(1)
    expect(after.text).toBe(before.text)
  })

  it('opens a draft through a preview link in two round trips (signing key, article)', async () => {
    const editor = await staffClient('editor')
    const draft = (await editor.post('/articles', { title: 'Bản nháp xem trước', tags: ['Đà Nẵng'] })).body.data
    const { token } = (await editor.post(`/articles/${draft.id}/preview-link`, {})).body.data
    const res = await countedFetch(`/api/v1/preview/${token}`)
    expect(res.status).toBe(200)
    expect(res.body.data).toMatchObject({ id: draft.id, tags: [{ slug: 'da-nang' }] })
    expect(res.calls).toHaveLength(2)
  })
})

describe('D1 round trips of a read with a partner key (cache miss)', () => {
  it('costs the key look-up (1, on the primary) plus the route’s own budget; a refused key 1; a malformed one 0', async () => {
    const admin = await staffClient('admin')
    const full = (await admin.post('/api-keys', { name: 'Đối tác', body: 'full' })).body.data.key as string
    const scoped = (await admin.post('/api-keys', { name: 'Thời sự', body: 'summary', category_ids: [main.categoryId] })).body.data.key as string
    const keyedReads: [path: string, key: string, status: number, budget: number][] = [
      [`/api/v1/articles/${main.id}`, full, 200, 2],
      [`/api/v1/articles/${main.id}`, scoped, 200, 2],
      [`/api/v1/articles/slug/${main.slug}`, scoped, 200, 2],
      ['/api/v1/articles?limit=5&category=thoi-su', scoped, 200, 2],
      ['/api/v1/search?q=da+nang', scoped, 200, 2],
      [`/api/v1/articles/${main.id}/related`, scoped, 200, 2],
      ['/api/v1/most-read?window=all', scoped, 200, 2],
      ['/feeds/rss.xml', scoped, 200, 2],
      ['/api/v1/categories', scoped, 200, 2],
      [`/api/v1/articles/${main.id}`, `tin_key_${'Z'.repeat(43)}`, 401, 1],
      [`/api/v1/articles/${main.id}`, 'not-a-key', 401, 0],
    ]
    for (const [path, key, status, budget] of keyedReads) {
      const res = await countedFetch(path, { headers: { 'X-Api-Key': key } })
      expect(res.status, `${path} ${res.text.slice(0, 200)}`).toBe(status)
      expect(res.calls, path).toHaveLength(budget)
    }
  })
})
