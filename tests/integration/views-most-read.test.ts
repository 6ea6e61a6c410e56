import { env } from 'cloudflare:test'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Compilable } from 'kysely'
import { MOST_READ_WINDOWS, type MostReadWindow } from '../../schema/api/views'
import { ViewCounter } from '../../worker/services/views/counter'
import { mostReadQuery } from '../../worker/services/views/most-read'
import { rollupShards } from '../../worker/services/views/rollup'
import { createArticle, createCategory, db, getJson } from '../helpers/fixtures'
import { storedHourSum, storedTotal } from '../helpers/views'

const HOUR = 3_600_000
type Item = { id: number; slug: string; views: number; category: { slug: string } | null }

/** Records views at given times in the past through the real counter, flush and rollup. */
async function viewsAt(plan: [articleId: number, hoursAgo: number, views: number][]) {
  let now = Date.now()
  const counter = new ViewCounter(env.VIEWS, { now: () => now })
  for (const [id, hoursAgo, n] of plan) {
    now = Date.now() - hoursAgo * HOUR
    for (let i = 0; i < n; i++) counter.record(id)
  }
  await counter.flush()
  await rollupShards(env.DB, env.VIEWS)
}

const ids = async (query: string) => {
  const { status, body } = await getJson(`/api/v1/most-read${query}`)
  expect(status).toBe(200)
  return (body.data as Item[]).map((a) => a.id)
}

describe('most-read', () => {
  const a: Record<string, { id: number }> = {}

  beforeAll(async () => {
    const news = await createCategory('Thời sự')
    const sport = await createCategory('Thể thao')
    a.A = await createArticle({ title: 'Quốc hội thông qua luật đất đai sửa đổi', categoryId: news.id })
    a.B = await createArticle({ title: 'Đội tuyển Việt Nam thắng Thái Lan 2-1', categoryId: sport.id })
    a.C = await createArticle({ title: 'Hà Nội điều chỉnh giờ làm việc mùa đông', categoryId: news.id })
    a.D = await createArticle({ title: 'Bão số 3 đổ bộ Quảng Ninh', categoryId: news.id })
    a.E = await createArticle({ title: 'Bài bị gỡ sau khi đăng', categoryId: news.id })
    await viewsAt([
      [a.A.id, 72, 50], [a.A.id, 0, 5],
      [a.B.id, 2, 30],
      [a.C.id, 240, 20], [a.C.id, 20, 10],
      [a.D.id, 40 * 24, 100],
      [a.E.id, 1, 500],
    ])
    await db().updateTable('articles').set({ status: 'draft' }).where('id', '=', a.E.id).execute()
  })

  it('ranks by the views of each window, ties newest id first, and leaves out unpublished articles', async () => {
    expect(await ids('?window=24h')).toEqual([a.B!.id, a.C!.id, a.A!.id])
    expect(await ids('')).toEqual([a.B!.id, a.C!.id, a.A!.id])
    expect(await ids('?window=7d')).toEqual([a.A!.id, a.B!.id, a.C!.id])
    expect(await ids('?window=30d')).toEqual([a.A!.id, a.C!.id, a.B!.id])
    expect(await ids('?window=all')).toEqual([a.D!.id, a.A!.id, a.C!.id, a.B!.id])
    expect(await ids('?window=all&limit=2')).toEqual([a.D!.id, a.A!.id])
  })

  it('keeps all-time totals while pruning buckets older than the longest window', async () => {
    expect(await storedTotal(a.D!.id)).toBe(100)
    expect(await storedHourSum(a.D!.id)).toBe(0)
    expect(await storedHourSum(a.C!.id)).toBe(30)
  })

  it('filters by category, and follows an article moved to another category', async () => {
    expect(await ids('?window=24h&category=thoi-su')).toEqual([a.C!.id, a.A!.id])
    expect(await ids('?window=all&category=thoi-su')).toEqual([a.D!.id, a.A!.id, a.C!.id])
    expect(await ids('?window=7d&category=the-thao')).toEqual([a.B!.id])
    const sport = await db().selectFrom('categories').select('id').where('slug', '=', 'the-thao').executeTakeFirstOrThrow()
    await db().updateTable('articles').set({ category_id: sport.id }).where('id', '=', a.A!.id).execute()
    expect(await ids('?window=7d&category=the-thao')).toEqual([a.A!.id, a.B!.id])
    expect(await ids('?window=all&category=thoi-su')).toEqual([a.D!.id, a.C!.id])
  })

  it('serializes each article as the article API does, with its all-time views', async () => {
    const { body } = await getJson('/api/v1/most-read?window=7d')
    expect(body.next_cursor).toBeNull()
    const first = body.data[0] as Item
    expect(first).toEqual((await getJson(`/api/v1/articles/${first.id}`)).body.data)
    expect(first.views).toBe(55)
  })

  it('answers an unknown category with 404 and bad parameters with a 400 JSON error', async () => {
    const missing = await getJson('/api/v1/most-read?category=khong-co')
    expect(missing.status).toBe(404)
    expect(missing.body.error.code).toBe('not_found')
    for (const [query, path] of [
      ['window=1h', 'query.window'], ['window=', 'query.window'], ['limit=0', 'query.limit'], ['limit=101', 'query.limit'],
      ['limit=abc', 'query.limit'], ['category=Thời sự', 'query.category'], ['sort=views', 'query.sort'],
    ]) {
      const { status, body } = await getJson(`/api/v1/most-read?${query}`)
      expect(status, query).toBe(400)
      expect(body.error.code).toBe('validation_failed')
      expect(body.error.details.map((d: { path: string }) => d.path)).toContain(path)
    }
  })

  it('never answers arbitrary query strings with a 5xx (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ window: fc.string({ maxLength: 6 }), limit: fc.string({ maxLength: 4 }), category: fc.string({ maxLength: 12 }) }, { requiredKeys: [] }),
        async (q) => {
          const { status, body } = await getJson(`/api/v1/most-read?${new URLSearchParams(q as Record<string, string>)}`)
          expect([200, 400, 404]).toContain(status)
          if (status !== 200) expect(body.error.code).toBeTypeOf('string')
        },
      ),
      { numRuns: 50 },
    )
  })

  it('walks the count indexes and finds each ranked article by primary key', async () => {
    const plan = async (q: Compilable) => {
      const { sql, parameters } = q.compile()
      const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`).bind(...parameters).all<{ detail: string }>()
      return results.map((r) => r.detail).join('\n')
    }
    const query = (window: MostReadWindow, categoryId?: number) => mostReadQuery(db(), { window, categoryId, limit: 20 })
    expect(await plan(query('24h'))).toMatch(/SEARCH h USING COVERING INDEX article_view_hours_window \(hour>\?\)/)
    expect(await plan(query('7d', 1))).toMatch(/SEARCH h USING COVERING INDEX article_view_hours_category \(category_id=\? AND hour>\?\)/)
    expect(await plan(query('30d'))).not.toMatch(/TEMP B-TREE FOR GROUP BY/)
    expect(await plan(query('all'))).toMatch(/SCAN v USING COVERING INDEX article_views_rank/)
    expect(await plan(query('all', 1))).toMatch(/SEARCH v USING COVERING INDEX article_views_category_rank \(category_id=\?\)/)
    for (const window of MOST_READ_WINDOWS) {
      const p = await plan(query(window))
      expect(p).toMatch(/SEARCH a USING INTEGER PRIMARY KEY/)
      expect(p).not.toMatch(/SCAN a\b/)
    }
  })
})
