import type { AdminArticleListQuery } from '../../../schema/api/admin-articles'
import { sql } from 'kysely'
import type { Article } from '../../../schema/database'
import type { Db } from '../../db/client'
import { decodeCursor } from '../../lib/cursor'
import { keysetPage } from '../../lib/keyset-page'
import { notFound } from '../../lib/errors'
import { bundleColumns, toBundle, type ArticleBundle, type BundleJson } from '../articles/bundle'
import { readable, readableBy, type Reader } from './read-scope'

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

/**
 * Which of `ids` `reader` may read: all of them for the desk (no query), else one
 * statement. For lists that name articles outside the article routes (a media
 * item's `used_by`), so they do not show another desk's draft titles.
 */
export async function readableIds(db: Db, reader: Reader, ids: number[]): Promise<Set<number>> {
  const scope = readableBy(reader)
  if (!scope || ids.length === 0) return new Set(scope ? [] : ids)
  // The ids as one JSON parameter: a hundred of them plus the scope's would pass D1's 100 bound parameters.
  const rows = await db.selectFrom('articles as a').select('a.id').where(sql<boolean>`a.id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`).where(scope).execute()
  return new Set(rows.map((r) => r.id))
}
