/**
 * The read rules at newsroom scale: a contributor with a handful of articles in an
 * archive of 100,000 lists them without walking the archive (the scope must not
 * turn a page into a full scan).
 */
import { env } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { listAdminArticles } from '../../worker/services/editorial/admin-read'
import { createStaff } from '../helpers/auth'
import { db } from '../helpers/fixtures'

const ROWS = 100_000
let contributor: number

beforeAll(async () => {
  const now = new Date().toISOString()
  contributor = (await createStaff('contributor')).user.id
  const author = await env.DB.prepare("INSERT INTO authors (slug, name, name_sort, user_id, created_at, updated_at) VALUES ('ctv', 'CTV', 'ctv', ?, ?, ?) RETURNING id").bind(contributor, now, now).first<{ id: number }>()
  await env.DB.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${ROWS})
     INSERT INTO articles (slug, title, title_sort, status, created_by, created_at, updated_at)
     SELECT 'bai-' || i, 'Bài ' || i, 'b' || i, 'draft', CASE WHEN i % 20000 = 7 THEN ${contributor} END,
            '${now}', strftime('%Y-%m-%dT%H:%M:%fZ', '2016-01-01', '+' || i || ' minutes') FROM n`,
  ).run()
  await env.DB.prepare(`INSERT INTO article_authors (article_id, author_id, position) SELECT id, ?, 0 FROM articles WHERE id % 25000 = 11`).bind(author!.id).run()
  await env.DB.prepare('ANALYZE').run()
}, 300_000)

describe('a contributor’s list in a 100,000-article archive', () => {
  it('finds their 5 own and 4 bylined articles fast', async () => {
    const reader = { id: contributor, role: 'contributor' as const }
    const started = performance.now()
    const page = await listAdminArticles(db(), { limit: 20, trash: 'false' } as any, reader)
    const ms = performance.now() - started
    console.log(JSON.stringify({ contributorListMs: Math.round(ms) }))
    expect(page.items).toHaveLength(9)
    expect(ms).toBeLessThan(1000)
  })

  it('plans the scope as a lookup of the reader’s ids, not a scan of the archive', async () => {
    const { sql, parameters } = (await import('../../worker/services/editorial/read-scope')).readable(
      db().selectFrom('articles as a').select('a.id').where('a.deleted_at', 'is', null).orderBy('a.updated_at', 'desc').limit(21),
      { id: contributor, role: 'contributor' },
    ).compile()
    const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`).bind(...parameters).all<{ detail: string }>()
    const plan = results.map((r) => r.detail)
    expect(plan.some((d) => /SEARCH ro USING (COVERING )?INDEX articles_created_by/.test(d)), plan.join('\n')).toBe(true)
    expect(plan.filter((d) => /^SCAN (a|ro|ra)\b/.test(d)), plan.join('\n')).toEqual([])
  })
})
