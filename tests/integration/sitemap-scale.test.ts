/**
 * A sitemap at its real size: 50,001 published articles, so /sitemap.xml is an
 * index and /sitemaps/articles-1.xml a full page of 50,000 URLs. Checks what
 * production would refuse or run out of (statement plans, document size) and
 * records what building a full page costs here (docs/feeds.md). The figures are
 * logged, and bounded loosely so a slow shared machine does not fail the test.
 */
import { env } from 'cloudflare:test'
import { XMLValidator } from 'fast-xml-parser'
import { beforeAll, describe, expect, it } from 'vitest'
import { siteSettings } from '../../worker/lib/settings'
import { sitemapBlock, sitemapBlocksQuery } from '../../worker/services/feeds/sitemap-articles'
import { urlsetDocument } from '../../worker/serializers/sitemap/urlset'
import { fetchDoc } from '../helpers/feed-docs'
import { db } from '../helpers/fixtures'

const ROWS = 50_001
/** Workers' clock moves only across I/O: one tiny D1 call lets a span end at the real time. */
const tick = async () => (await env.DB.prepare('SELECT 1').first(), Date.now())

beforeAll(async () => {
  const now = new Date().toISOString()
  await env.DB.prepare(`INSERT INTO categories (slug, name, name_sort, created_at, updated_at) VALUES ('thoi-su', 'Thời sự', 'Thoi su', '${now}', '${now}')`).run()
  await env.DB.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${ROWS})
     INSERT INTO articles (slug, title, title_sort, category_id, status, published_at, created_at, updated_at)
     SELECT 'da-nang-mua-lon-ban-tin-so-' || i, 'Bài ' || i, 'B' || i, 1, 'published',
            strftime('%Y-%m-%dT%H:%M:%fZ', '2015-01-01', '+' || i || ' minutes'), '${now}',
            strftime('%Y-%m-%dT%H:%M:%fZ', '2016-01-01', '+' || i || ' minutes')
     FROM n`,
  ).run()
  await env.DB.prepare('ANALYZE').run()
}, 300_000)

describe('a sitemap page of 50,000 URLs', () => {
  it('is an index past 50,000 articles, counted over a covering index without reading table rows', async () => {
    const { status, text } = await fetchDoc('/sitemap.xml')
    expect(status).toBe(200)
    expect([...text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname)).toEqual(['/sitemaps/articles-1.xml', '/sitemaps/articles-2.xml'])
    const { sql, parameters } = sitemapBlocksQuery(db(), 50_000).compile()
    const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`).bind(...parameters).all<{ detail: string }>()
    const plan = results.map((r) => r.detail).join('; ')
    expect(plan, plan).toMatch(/^SCAN a USING COVERING INDEX /)
  })

  it('builds a full child page within the Worker limits, and records what it costs', async () => {
    const tFirst = await tick()
    await fetchDoc('/sitemaps/articles-1.xml')
    const t0 = await tick()
    const { status, text, res } = await fetchDoc('/sitemaps/articles-1.xml')
    const t1 = await tick()
    expect(status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('application/xml; charset=utf-8')
    const bytes = new TextEncoder().encode(text).byteLength
    expect(text.match(/<url>/g)).toHaveLength(50_000)
    expect(bytes).toBeLessThan(50 * 1024 * 1024)
    expect(XMLValidator.validate(text)).toBe(true)

    const reads = { db: db(), d1: env.DB, kv: env.VIEWS }
    const t2 = await tick()
    const rows = await sitemapBlock(reads, 1, 50_000)
    const t3 = await tick()
    const doc = urlsetDocument(siteSettings(env), rows)
    const t4 = await tick()
    const tickCost = (await tick()) - (await tick())
    expect(doc.length).toBe(bytes)
    const figures = { first_request_ms: t0 - tFirst, request_ms: t1 - t0, d1_read_ms: t3 - t2, build_ms: t4 - t3 - tickCost, bytes, rows_json_bytes: JSON.stringify(rows).length }
    console.log(`sitemap page of 50,000 URLs: ${JSON.stringify(figures)}`)
    expect(figures.first_request_ms).toBeLessThan(20_000)
  })
})
