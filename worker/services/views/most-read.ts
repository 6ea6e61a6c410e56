import { sql } from 'kysely'
import type { MostReadWindow } from '../../../schema/api/views'
import type { Db } from '../../db/client'
import { notFound } from '../../lib/errors'
import { loadBundles, type ArticleBundle } from '../articles/bundle'
import { PUBLIC_ARTICLE_COLUMNS } from '../articles/columns'
import { publiclyVisible } from '../articles/visibility'
import { hourIndex, hourIso } from './shard'

const WINDOW_HOURS: Record<Exclude<MostReadWindow, 'all'>, number> = { '24h': 24, '7d': 7 * 24, '30d': 30 * 24 }

export interface MostReadOptions {
  window: MostReadWindow
  /** A category slug: only its articles (not its subcategories'), as in the article list. */
  category?: string | undefined
  limit: number
  now?: number
}

/**
 * The ranking query. The count table drives (CROSS JOIN fixes the join order in
 * SQLite) and each ranked id finds its article by primary key. A window of N hours
 * sums the current hour's bucket and the N-1 before it: for 24h the hour index is the
 * narrow path, so grouping by `+article_id` stops the planner from preferring the
 * primary key's order and reading every bucket; 7d and 30d cover most of the table
 * (buckets live 31 days), where walking the primary key in article order is faster
 * than sorting. A category always walks its own (category_id, hour) index.
 */
export function mostReadQuery(db: Db, o: { window: MostReadWindow; categoryId?: number | undefined; limit: number; now?: number }) {
  if (o.window === 'all') {
    let query = db
      .selectFrom('article_views as v')
      .crossJoin('articles as a')
      .whereRef('a.id', '=', 'v.article_id')
      .select(PUBLIC_ARTICLE_COLUMNS)
      .where(publiclyVisible())
    if (o.categoryId !== undefined) query = query.where('v.category_id', '=', o.categoryId)
    return query.orderBy('v.total', 'desc').orderBy('v.article_id', 'desc').limit(o.limit)
  }
  const since = hourIso(hourIndex(o.now ?? Date.now()) - WINDOW_HOURS[o.window] + 1)
  let sums = db.selectFrom('article_view_hours as h').select(['h.article_id', sql<number>`sum(h.views)`.as('n')]).where('h.hour', '>=', since)
  if (o.categoryId !== undefined) sums = sums.where('h.category_id', '=', o.categoryId)
  const grouped = o.window === '24h' && o.categoryId === undefined ? sums.groupBy(sql`+h.article_id`) : sums.groupBy('h.article_id')
  return db
    .selectFrom(grouped.as('w'))
    .crossJoin('articles as a')
    .whereRef('a.id', '=', 'w.article_id')
    .select(PUBLIC_ARTICLE_COLUMNS)
    .where(publiclyVisible())
    .orderBy('w.n', 'desc')
    .orderBy('w.article_id', 'desc')
    .limit(o.limit)
}

/** The most-read published articles of a window, most views first (ties: newest id first). */
export async function mostReadArticles(db: Db, o: MostReadOptions): Promise<ArticleBundle[]> {
  let categoryId: number | undefined
  if (o.category) {
    const row = await db.selectFrom('categories').select('id').where('slug', '=', o.category).executeTakeFirst()
    if (!row) throw notFound(`Category "${o.category}"`)
    categoryId = row.id
  }
  return loadBundles(db, await mostReadQuery(db, { ...o, categoryId }).execute())
}
