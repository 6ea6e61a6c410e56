import { sql } from 'kysely'
import type { Db } from '../../db/client'
import { publiclyVisible } from '../articles/visibility'
import { readBatch, type PublicReads } from '../articles/read-batch'

/** What a sitemap needs of an article: where it lives and when it last changed. */
export interface SitemapArticle {
  id: number
  slug: string
  category_slug: string | null
  canonical_url: string | null
  published_at: string
  updated_at: string
}

/** One child sitemap of the index: block n holds the published articles with ids ((n-1)·size, n·size]. */
export interface SitemapBlock {
  n: number
  urls: number
  lastmod: string
}

export type SitemapOverview = { kind: 'urlset'; articles: SitemapArticle[] } | { kind: 'index'; blocks: SitemapBlock[] }

/** The published articles' sitemap columns, driven by the article alias `a`. */
export function sitemapRows(db: Db) {
  return db
    .selectFrom('articles as a')
    .select(['a.id', 'a.slug', 'a.canonical_url', 'a.published_at', 'a.updated_at'])
    .select((eb) => eb.selectFrom('categories as c').select('c.slug').whereRef('c.id', '=', 'a.category_id').as('category_slug'))
    .where(publiclyVisible())
}

/**
 * What `/sitemap.xml` is, in ONE round trip: while the site has at most `pageSize`
 * published articles, their rows (a plain urlset); past that, the index of
 * non-empty id blocks with each block's URL count and newest update. Both
 * statements run in one batch: the rows statement returns nothing unless the count
 * fits, so a large site never reads rows it will not send. The count and the
 * blocks scan a covering index (status, updated_at, id; the planner picks which):
 * no table row is read (sitemap-scale.test.ts EXPLAINs it at 50,001 articles).
 */
export async function sitemapOverview(r: PublicReads, pageSize: number): Promise<SitemapOverview> {
  const blocks = sitemapBlocksQuery(r.db, pageSize)
  const count = r.db.selectFrom('articles as v').select(sql<number>`count(*)`.as('n')).where(publiclyVisible('v'))
  const small = sitemapRows(r.db).where(sql<boolean>`(${count}) <= ${pageSize}`).orderBy('a.id').limit(pageSize)
  const read = await readBatch(r, [blocks, small])
  const found = read.rows[0] as unknown as SitemapBlock[]
  const total = found.reduce((sum, b) => sum + b.urls, 0)
  if (total <= pageSize) return { kind: 'urlset', articles: read.rows[1] as unknown as SitemapArticle[] }
  return { kind: 'index', blocks: found }
}

/** Per id block: its number, URL count and newest update (a statement of its own so tests can EXPLAIN it). */
export function sitemapBlocksQuery(db: Db, pageSize: number) {
  // D1 binds a JavaScript number as REAL: without the cast, id / 3 would not be an integer division.
  const block = sql<number>`(a.id - 1) / CAST(${pageSize} AS INTEGER)`
  return db
    .selectFrom('articles as a')
    .select([sql<number>`${block} + 1`.as('n'), sql<number>`count(*)`.as('urls'), sql<string>`max(a.updated_at)`.as('lastmod')])
    .where(publiclyVisible())
    .groupBy(block)
    .orderBy('n')
}

/**
 * Child sitemap n: the published articles with ids ((n-1)·size, n·size], at most
 * `pageSize` rows by construction, read as one rowid range (keyset by id: no
 * OFFSET, and an article stays in the same child for ever). Empty for a block with
 * no published article.
 */
export async function sitemapBlock(r: PublicReads, n: number, pageSize: number): Promise<SitemapArticle[]> {
  const query = sitemapRows(r.db)
    .where('a.id', '>', (n - 1) * pageSize)
    .where('a.id', '<=', n * pageSize)
    .orderBy('a.id')
  const read = await readBatch(r, [query])
  return read.rows[0] as unknown as SitemapArticle[]
}
