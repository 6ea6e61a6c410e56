import { env } from 'cloudflare:test'
import * as v from 'valibot'
import { beforeAll, describe, expect, it } from 'vitest'
import { ArticleListQuery } from '../../schema/api/article'
import { encodeCursor } from '../../worker/lib/cursor'
import { buildPublishedListQuery, resolveFilters } from '../../worker/services/articles/public-list'
import { db } from '../helpers/fixtures'

const ROWS = 100_000

// 100,000 articles in 12 categories (a few drafts and trashed among them), 60 tags
// and 20 authors, generated in SQL so the table is the size the issue names.
beforeAll(async () => {
  const now = new Date().toISOString()
  const stmts = [
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 12)
     INSERT INTO categories (slug, name, name_sort, created_at, updated_at) SELECT 'c' || i, 'C ' || i, 'C ' || i, '${now}', '${now}' FROM n`,
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60)
     INSERT INTO tags (slug, name, name_sort, created_at, updated_at) SELECT 't' || i, 'T ' || i, 'T ' || i, '${now}', '${now}' FROM n`,
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20)
     INSERT INTO authors (slug, name, name_sort, created_at, updated_at) SELECT 'a' || i, 'A ' || i, 'A ' || i, '${now}', '${now}' FROM n`,
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${ROWS})
     INSERT INTO articles (slug, title, title_sort, category_id, status, published_at, featured, featured_position, created_at, updated_at, deleted_at)
     SELECT 'bai-' || i, 'Bài ' || i, printf('B%08d', (i * 7919) % ${ROWS}), 1 + i % 12,
            CASE WHEN i % 50 = 0 THEN 'draft' ELSE 'published' END,
            strftime('%Y-%m-%dT%H:%M:%fZ', '2015-01-01', '+' || i || ' minutes'),
            CASE WHEN i % 997 = 0 THEN 1 ELSE 0 END, i % 5,
            '${now}', strftime('%Y-%m-%dT%H:%M:%fZ', '2016-01-01', '+' || ((i * 31) % ${ROWS}) || ' minutes'),
            CASE WHEN i % 333 = 0 THEN '${now}' END
     FROM n`,
    `INSERT INTO article_tags (article_id, tag_id, position) SELECT id, 1 + id % 60, 0 FROM articles`,
    `INSERT INTO article_tags (article_id, tag_id, position) SELECT id, 1 + (id * 7) % 60, 1 FROM articles WHERE (id * 7) % 60 <> id % 60`,
    `INSERT INTO article_authors (article_id, author_id, position) SELECT id, 1 + id % 20, 0 FROM articles`,
    `ANALYZE`,
  ]
  for (const s of stmts) await env.DB.prepare(s).run()
}, 300_000)

async function planFor(query: Record<string, string>) {
  const q = v.parse(ArticleListQuery, query)
  const filters = await resolveFilters(db(), q)
  const { sql, parameters } = buildPublishedListQuery(db(), q, filters).query.compile()
  const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`).bind(...parameters).all<{ detail: string }>()
  return results.map((r) => r.detail)
}

const cursorFor = (sort: string, value: string | number) => encodeCursor({ sort, value, id: 50_000 })

describe(`list queries at ${ROWS.toLocaleString('en')} articles`, () => {
  it('the table really has that many rows', async () => {
    const n = await env.DB.prepare('SELECT count(*) AS n FROM articles').first<number>('n')
    expect(n).toBe(ROWS)
  })

  it.each([
    [{}],
    [{ cursor: cursorFor('-published_at', '2016-06-01T00:00:00.000Z') }],
    [{ sort: 'published_at' }],
    [{ sort: '-updated_at' }],
    [{ sort: 'updated_at', cursor: cursorFor('updated_at', '2016-02-01T00:00:00.000Z') }],
    [{ sort: 'title' }],
    [{ sort: '-title', cursor: cursorFor('-title', 'B00050000') }],
    [{ category: 'c3' }],
    [{ category: 'c3', cursor: cursorFor('-published_at', '2016-06-01T00:00:00.000Z') }],
    [{ tag: 't7' }],
    [{ tag: 't7', cursor: cursorFor('-published_at', '2016-06-01T00:00:00.000Z') }],
    [{ author: 'a4' }],
    [{ tag: 't7', author: 'a4' }],
    [{ featured: 'true' }],
    [{ featured: 'true', sort: 'position' }],
    [{ since: '2016-01-01T00:00:00Z', until: '2016-02-01T00:00:00Z' }],
  ])('%j walks an index: no full scan, no temp b-tree', async (query) => {
    const plan = await planFor(query as Record<string, string>)
    const text = plan.join(' | ')
    expect(text, text).not.toMatch(/TEMP B-TREE/)
    expect(plan.filter((d) => /^SCAN \w+$/.test(d)), text).toEqual([])
    expect(text, text).toMatch(/USING (COVERING )?INDEX|USING INTEGER PRIMARY KEY|USING PRIMARY KEY/)
  })
})
