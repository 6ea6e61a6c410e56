/**
 * What the newsroom screens need from the admin API: the staff list filtered by
 * category, byline and time range and ordered by update, publication or views with
 * a keyset cursor per order; merging tags; a renamed category's old slug redirecting.
 */
import { SELF, env } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { staffClient, type StaffClient } from '../helpers/admin-api'
import { createArticle, createAuthor, createCategory, db, getJson } from '../helpers/fixtures'

let editor: StaffClient
let author: StaffClient

beforeAll(async () => {
  ;[editor, author] = await Promise.all([staffClient('editor'), staffClient('author')])
})

/** Every page of a list, following next_cursor. */
async function allPages(path: string) {
  const ids: number[] = []
  let cursor: string | null = null
  for (let i = 0; i < 20; i++) {
    const sep = path.includes('?') ? '&' : '?'
    const page = await editor.get(`${path}${sep}limit=2${cursor ? `&cursor=${cursor}` : ''}`)
    expect(page.status).toBe(200)
    ids.push(...page.body.data.map((a: { id: number }) => a.id))
    cursor = page.body.next_cursor
    if (!cursor) return ids
  }
  throw new Error('more than 20 pages')
}

describe('the staff article list: filters and orders', () => {
  const ids: Record<string, number> = {}
  let cat = 0
  let other = 0
  let byline = 0

  beforeAll(async () => {
    cat = (await createCategory('Pháp luật newsroom')).id
    other = (await createCategory('Giải trí newsroom')).id
    byline = (await createAuthor('Trần Thị Bình newsroom')).id
    const rows = [
      { key: 'old', publishedAt: '2017-04-18T02:35:00Z', updatedAt: '2024-01-05T00:00:00Z', views: 50, categoryId: cat },
      { key: 'mid', publishedAt: '2020-06-01T00:00:00Z', updatedAt: '2024-01-03T00:00:00Z', views: 900, categoryId: cat, authorIds: [byline] },
      { key: 'new', publishedAt: '2023-09-09T00:00:00Z', updatedAt: '2024-01-01T00:00:00Z', views: 0, categoryId: other, authorIds: [byline] },
      { key: 'same-views', publishedAt: '2021-01-01T00:00:00Z', updatedAt: '2024-01-02T00:00:00Z', views: 50, categoryId: cat },
    ]
    for (const r of rows) {
      const a = await createArticle({ title: `Bài lọc ${r.key}`, publishedAt: r.publishedAt, updatedAt: r.updatedAt, categoryId: r.categoryId, authorIds: r.authorIds ?? [] })
      ids[r.key] = a.id
      if (r.views) await db().insertInto('article_views').values({ article_id: a.id, category_id: r.categoryId, total: r.views, updated_at: r.updatedAt }).execute()
    }
    ids.draft = (await createArticle({ title: 'Bài lọc nháp', status: 'draft', categoryId: cat, updatedAt: '2024-01-04T00:00:00Z' })).id
  })

  it('filters by category and byline, newest updated first, across pages', async () => {
    expect(await allPages(`/articles?category_id=${cat}`)).toEqual([ids.old, ids.draft, ids.mid, ids['same-views']])
    expect(await allPages(`/articles?author_id=${byline}`)).toEqual([ids.mid, ids.new])
    expect(await allPages(`/articles?category_id=${cat}&author_id=${byline}`)).toEqual([ids.mid])
  })

  it('orders by publication time (never-published left out) and bounds it by since/until', async () => {
    expect(await allPages(`/articles?category_id=${cat}&sort=-published_at`)).toEqual([ids['same-views'], ids.mid, ids.old])
    const range = await allPages(`/articles?category_id=${cat}&sort=-published_at&since=2017-04-18T09:35:00%2B07:00&until=2021-01-01T00:00:00Z`)
    expect(range).toEqual([ids.mid, ids.old])
  })

  it('orders by views, ties broken by id, and a cursor stays in its order', async () => {
    const byViews = await allPages(`/articles?category_id=${cat}&sort=-views`)
    expect(byViews).toEqual([ids.mid, ids['same-views'], ids.old])
    const first = await editor.get(`/articles?category_id=${cat}&sort=-views&limit=1`)
    const wrongSort = await editor.get(`/articles?category_id=${cat}&sort=-published_at&cursor=${first.body.next_cursor}`)
    expect(wrongSort.status).toBe(400)
    expect((await editor.get('/articles?sort=title')).status).toBe(400)
    expect((await editor.get('/articles?author_id=abc')).status).toBe(400)
  })
})

describe('merging tags', () => {
  it('moves every article link to the target in one batch and deletes the merged tag', async () => {
    const a = await editor.post('/articles', { title: 'Ngập ở Đà Nẵng', tags: ['Da Nang newsroom', 'Mưa lũ newsroom'] })
    const b = await editor.post('/articles', { title: 'Cầu Rồng', tags: ['Da Nang newsroom', 'Đà Nẵng thành phố'] })
    const c = await editor.post('/articles', { title: 'Phố cổ', tags: ['Đà Nẵng thành phố'] })
    const tagId = async (name: string) => (await db().selectFrom('tags').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id
    const from = await tagId('Da Nang newsroom')
    const into = await tagId('Đà Nẵng thành phố')

    expect((await author.post(`/tags/${from}/merge`, { into })).status).toBe(403)
    expect((await editor.post(`/tags/${from}/merge`, { into: from })).status).toBe(400)
    expect((await editor.post(`/tags/${from}/merge`, { into: 999_999 })).status).toBe(404)

    const merged = await editor.post(`/tags/${from}/merge`, { into })
    expect(merged.status).toBe(200)
    expect(merged.body.data).toMatchObject({ id: into, article_count: 3, version: 2 })
    expect((await editor.get(`/tags/${from}`)).status).toBe(404)
    for (const [art, tags] of [
      [a, ['Đà Nẵng thành phố', 'Mưa lũ newsroom']],
      [b, ['Đà Nẵng thành phố']],
      [c, ['Đà Nẵng thành phố']],
    ] as const) {
      expect((await editor.get(`/articles/${art.body.data.id}`)).body.data.tags.sort()).toEqual([...tags].sort())
    }
    const audit = await env.DB.prepare("SELECT details FROM audit_log WHERE action = 'tag.merged' ORDER BY id DESC").first<{ details: string }>()
    expect(JSON.parse(audit!.details)).toMatchObject({ from: { id: from }, into: { id: into }, articles: 2 })
  })
})

describe('renaming a category', () => {
  it('keeps answering on the old slug with a 301, until another category takes it', async () => {
    const created = await editor.post('/categories', { name: 'Xã hội newsroom' })
    const { id, slug } = created.body.data
    const renamed = await editor.patch(`/categories/${id}`, { name: 'Đời sống newsroom', slug: 'doi-song-newsroom' }, 1)
    expect(renamed.status).toBe(200)
    const old = await SELF.fetch(`http://127.0.0.1:8787/api/v1/categories/${slug}`, { redirect: 'manual' })
    expect(old.status).toBe(301)
    expect(old.headers.get('Location')).toBe('/api/v1/categories/doi-song-newsroom')
    expect((await getJson('/api/v1/categories/doi-song-newsroom')).body.data.name).toBe('Đời sống newsroom')

    // A new category with the old slug wins: the redirect stops.
    expect((await editor.post('/categories', { name: 'Xã hội newsroom' })).body.data.slug).toBe(slug)
    expect((await getJson(`/api/v1/categories/${slug}`)).status).toBe(200)
    expect((await getJson('/api/v1/categories/khong-co-newsroom')).status).toBe(404)
  })
})
