import type { AdminArticleListQuery } from '../../../schema/api/admin-articles'
import type { Article } from '../../../schema/database'
import type { Db } from '../../db/client'
import { decodeCursor } from '../../lib/cursor'
import { keysetPage } from '../../lib/keyset-page'
import { notFound } from '../../lib/errors'
import { bundleColumns, toBundle, type ArticleBundle, type BundleJson } from '../articles/bundle'
import { readable, type Reader } from './read-scope'

/** An article row (any status) with its category, tags, authors and cover. */
export interface AdminArticleBundle {
  row: Article
  bundle: ArticleBundle
}

const SORT = 'admin:-updated_at'

/** Every column of the article aliased `a`, with its links as JSON. */
const withLinks = (db: Db) => db.selectFrom('articles as a').selectAll('a').select(bundleColumns(db))

function toAdminBundle(row: Article & BundleJson): AdminArticleBundle {
  const bundle = toBundle(row)
  return { row: bundle.article, bundle }
}

/** One article in any status, trash included, that `reader` may read, or a 404 (one statement). */
export async function getAdminArticle(db: Db, id: number, reader: Reader): Promise<AdminArticleBundle> {
  const row = await readable(withLinks(db).where('a.id', '=', id), reader).executeTakeFirst()
  if (!row) throw notFound('Article')
  return toAdminBundle(row)
}

/**
 * The staff list: every status (or one), live articles or the trash, newest
 * updated first, keyset-paginated on (updated_at, id); only what `reader` may read.
 */
export async function listAdminArticles(db: Db, q: AdminArticleListQuery, reader: Reader) {
  let query = readable(withLinks(db), reader)
  query = q.trash === 'true' ? query.where('a.deleted_at', 'is not', null) : query.where('a.deleted_at', 'is', null)
  if (q.status) query = query.where('a.status', '=', q.status)
  if (q.cursor) {
    const c = decodeCursor(q.cursor, SORT)
    query = query.where((eb) => eb(eb.refTuple('a.updated_at', 'a.id'), '<', eb.tuple(String(c.value), c.id)))
  }
  const rows = await query.orderBy('a.updated_at', 'desc').orderBy('a.id', 'desc').limit(q.limit + 1).execute()
  const page = keysetPage(rows, q.limit, SORT, (r) => r.updated_at)
  return { items: page.items.map(toAdminBundle), nextCursor: page.nextCursor }
}
