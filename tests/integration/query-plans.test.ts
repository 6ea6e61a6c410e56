import { env } from 'cloudflare:test'
import * as v from 'valibot'
import { beforeAll, describe, expect, it } from 'vitest'
import { ArticleListQuery } from '../../schema/api/article'
import { encodeCursor } from '../../worker/lib/cursor'
import { buildPublishedListQuery } from '../../worker/services/articles/public-list'
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

interface PlanRow {
  id: number
  parent: number
  detail: string
}

/** A look-up of one article's category, tags, authors, cover or views (the aliases of bundleColumns). */
const LINK_LOOKUP = /^SEARCH (bc|bt|ba|m|v) USING (INTEGER )?PRIMARY KEY/

/**
 * The plan of the statement the API sends, in two parts: the walk over the list
 * (its own rows and filters) and the correlated subqueries that build each
 * listed article's links as JSON. The latter run once per listed row, by primary
 * key, and may sort that one article's few tags or authors by position.
 */
async function planFor(query: Record<string, string>) {
  const q = v.parse(ArticleListQuery, query)
  const { sql, parameters } = buildPublishedListQuery(db(), q).query.compile()
  const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`).bind(...parameters).all<PlanRow>()
  const children = (id: number): PlanRow[] => results.filter((r) => r.parent === id).flatMap((r) => [r, ...children(r.id)])
  const linkRows = new Set<PlanRow>()
  for (const top of results.filter((r) => r.parent === 0 && r.detail.startsWith('CORRELATED SCALAR SUBQUERY'))) {
    const subtree = [top, ...children(top.id)]
    if (subtree.some((r) => LINK_LOOKUP.test(r.detail))) subtree.forEach((r) => linkRows.add(r))
  }
  return {
    walk: results.filter((r) => !linkRows.has(r)).map((r) => r.detail),
    links: [...linkRows].map((r) => r.detail),
  }
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
  ])('%j walks an index: no full scan, no temp b-tree; links by primary key', async (query) => {
    const { walk, links } = await planFor(query as Record<string, string>)
    const text = walk.join(' | ')
    expect(text, text).not.toMatch(/TEMP B-TREE/)
    expect(walk.filter((d) => /^SCAN \w+$/.test(d)), text).toEqual([])
    expect(text, text).toMatch(/USING (COVERING )?INDEX|USING INTEGER PRIMARY KEY|USING PRIMARY KEY/)
    const linkText = links.join(' | ')
    expect(links.filter((d) => d.startsWith('SEARCH')).every((d) => LINK_LOOKUP.test(d) || /^SEARCH (t|au) USING INTEGER PRIMARY KEY/.test(d)), linkText).toBe(true)
    expect(links.filter((d) => d.startsWith('SCAN')), linkText).toEqual(links.filter((d) => d === 'SCAN agg'))
  })
})
