import { sql } from 'kysely'
import type { MostReadWindow } from '../../../schema/api/views'
import type { Db } from '../../db/client'
import { PUBLIC_ARTICLE_COLUMNS } from '../articles/columns'
import { publicExtras, toPublicBundles, type PublicBundle } from '../articles/public-bundle'
import { readBatch, type PublicReads } from '../articles/read-batch'
import { assertCategoryInScope, inCategories } from '../articles/category-scope'
import { assertFiltersFound, filterCheck, idOfSlug } from '../articles/slug-filters'
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

/** A category id, or the subquery of a category slug (idOfSlug). */
type CategoryFilter = number | ReturnType<typeof idOfSlug>

/**
 * The ranking statement, each ranked article with its links and view total. The count table drives (CROSS JOIN fixes the join order in
 * SQLite) and each ranked id finds its article by primary key. A window of N hours
 * sums the current hour's bucket and the N-1 before it: for 24h the hour index is the
 * narrow path, so grouping by `+article_id` stops the planner from preferring the
 * primary key's order and reading every bucket; 7d and 30d cover most of the table
 * (buckets live 31 days), where walking the primary key in article order is faster
 * than sorting. A category always walks its own (category_id, hour) index.
 */
export function mostReadQuery(
  db: Db,
  o: { window: MostReadWindow; categoryId?: CategoryFilter | undefined; categories?: readonly number[] | null | undefined; limit: number; now?: number },
) {
  if (o.window === 'all') {
    let query = db
      .selectFrom('article_views as v')
      .crossJoin('articles as a')
      .whereRef('a.id', '=', 'v.article_id')
      .select(PUBLIC_ARTICLE_COLUMNS)
      .select(publicExtras(db))
      .where(publiclyVisible())
    if (o.categories) query = query.where(inCategories(o.categories))
    if (o.categoryId !== undefined) query = query.where('v.category_id', '=', o.categoryId)
    return query.orderBy('v.total', 'desc').orderBy('v.article_id', 'desc').limit(o.limit)
  }
  const since = hourIso(hourIndex(o.now ?? Date.now()) - WINDOW_HOURS[o.window] + 1)
  let sums = db.selectFrom('article_view_hours as h').select(['h.article_id', sql<number>`sum(h.views)`.as('n')]).where('h.hour', '>=', since)
  if (o.categoryId !== undefined) sums = sums.where('h.category_id', '=', o.categoryId)
  const grouped = o.window === '24h' && o.categoryId === undefined ? sums.groupBy(sql`+h.article_id`) : sums.groupBy('h.article_id')
  const ranked = db
    .selectFrom(grouped.as('w'))
    .crossJoin('articles as a')
    .whereRef('a.id', '=', 'w.article_id')
    .select(PUBLIC_ARTICLE_COLUMNS)
    .select(publicExtras(db))
    .where(publiclyVisible())
  return (o.categories ? ranked.where(inCategories(o.categories)) : ranked)
    .orderBy('w.n', 'desc')
    .orderBy('w.article_id', 'desc')
    .limit(o.limit)
}

/**
 * The most-read published articles of a window, most views first (ties: newest id
 * first): one D1 round trip, the category's slug checked in the same batch.
 */
export async function mostReadArticles(r: PublicReads, o: MostReadOptions): Promise<PublicBundle[]> {
  const categoryId = o.category ? idOfSlug(r.db, 'categories', o.category) : undefined
  const check = filterCheck(r.db, { category: o.category })
  const read = await readBatch(r, [mostReadQuery(r.db, { ...o, categoryId, categories: r.categories }), ...(check ? [check] : [])])
  if (check) assertFiltersFound(read.rows[1]![0], { category: o.category })
  if (check) assertCategoryInScope(read.rows[1]![0], o.category, r.categories)
  return toPublicBundles(read.rows[0]!, read)
}
