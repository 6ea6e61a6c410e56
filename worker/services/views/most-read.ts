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
 * The most-read published articles of a window, most views first (ties: newest id
 * first). A window of N hours sums the current hour's bucket and the N-1 before it;
 * `all` ranks by the all-time totals. Both walk a covering index (window or
 * category first) and join only the summed articles; see 0004_views.sql.
 */
export async function mostReadArticles(db: Db, o: MostReadOptions): Promise<ArticleBundle[]> {
  let categoryId: number | undefined
  if (o.category) {
    const row = await db.selectFrom('categories').select('id').where('slug', '=', o.category).executeTakeFirst()
    if (!row) throw notFound(`Category "${o.category}"`)
    categoryId = row.id
  }

  if (o.window === 'all') {
    let query = db
      .selectFrom('article_views as v')
      .innerJoin('articles as a', 'a.id', 'v.article_id')
      .select(PUBLIC_ARTICLE_COLUMNS)
      .where(publiclyVisible())
    if (categoryId !== undefined) query = query.where('v.category_id', '=', categoryId)
    const rows = await query.orderBy('v.total', 'desc').orderBy('v.article_id', 'desc').limit(o.limit).execute()
    return loadBundles(db, rows)
  }

  const since = hourIso(hourIndex(o.now ?? Date.now()) - WINDOW_HOURS[o.window] + 1)
  let sums = db
    .selectFrom('article_view_hours as h')
    .select(['h.article_id', sql<number>`sum(h.views)`.as('n')])
    .where('h.hour', '>=', since)
  if (categoryId !== undefined) sums = sums.where('h.category_id', '=', categoryId)
  const rows = await db
    .selectFrom(sums.groupBy('h.article_id').as('w'))
    .innerJoin('articles as a', 'a.id', 'w.article_id')
    .select(PUBLIC_ARTICLE_COLUMNS)
    .where(publiclyVisible())
    .orderBy('w.n', 'desc')
    .orderBy('w.article_id', 'desc')
    .limit(o.limit)
    .execute()
  return loadBundles(db, rows)
}
