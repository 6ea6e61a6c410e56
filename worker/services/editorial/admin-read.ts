import type { AdminArticleListQuery } from '../../../schema/api/admin-articles'
import type { Article } from '../../../schema/database'
import type { Db } from '../../db/client'
import { decodeCursor, encodeCursor } from '../../lib/cursor'
import { notFound } from '../../lib/errors'
import { loadBundles, type ArticleBundle } from '../articles/bundle'

/** An article row (any status) with its category, tags, authors and cover. */
export interface AdminArticleBundle {
  row: Article
  bundle: ArticleBundle
}

const SORT = 'admin:-updated_at'

async function withBundles(db: Db, rows: Article[]): Promise<AdminArticleBundle[]> {
  const bundles = await loadBundles(db, rows)
  return rows.map((row, i) => ({ row, bundle: bundles[i]! }))
}

/** One article in any status, trash included, or a 404. */
export async function getAdminArticle(db: Db, id: number): Promise<AdminArticleBundle> {
  const row = await db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound('Article')
  return (await withBundles(db, [row]))[0]!
}

/**
 * The staff list: every status (or one), live articles or the trash, newest
 * updated first, keyset-paginated on (updated_at, id).
 */
export async function listAdminArticles(db: Db, q: AdminArticleListQuery) {
  let query = db.selectFrom('articles').selectAll()
  query = q.trash === 'true' ? query.where('deleted_at', 'is not', null) : query.where('deleted_at', 'is', null)
  if (q.status) query = query.where('status', '=', q.status)
  if (q.cursor) {
    const c = decodeCursor(q.cursor, SORT)
    query = query.where((eb) => eb(eb.refTuple('updated_at', 'id'), '<', eb.tuple(String(c.value), c.id)))
  }
  const rows = await query.orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(q.limit + 1).execute()
  const page = rows.slice(0, q.limit)
  const last = page.at(-1)
  return {
    items: await withBundles(db, page),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ sort: SORT, value: last.updated_at, id: last.id }) : null,
  }
}
