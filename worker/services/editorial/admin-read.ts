import { sql, type RawBuilder } from 'kysely'
import type { AdminArticleListQuery, AdminSort } from '../../../schema/api/admin-articles'
import type { Article } from '../../../schema/database'
import type { Db } from '../../db/client'
import { decodeCursor } from '../../lib/cursor'
import { keysetPage } from '../../lib/keyset-page'
import { ApiError, notFound } from '../../lib/errors'
import { bundleColumns, toBundle, type ArticleBundle, type BundleJson } from '../articles/bundle'
import { readable, readableBy, type Reader } from './read-scope'

/** An article row (any status) with its category, tags, authors and cover. */
export interface AdminArticleBundle {
  row: Article
  bundle: ArticleBundle
}

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

/** The value each sort orders by (then id, newest first), as SQL over the article aliased `a`. */
const SORT_VALUE: Record<AdminSort, RawBuilder<string | number>> = {
  '-updated_at': sql`a.updated_at`,
  '-published_at': sql`a.published_at`,
  '-views': sql`coalesce((SELECT v.total FROM article_views v WHERE v.article_id = a.id), 0)`,
}

/**
 * The staff list: every status (or one), live articles or the trash, filtered by
 * category, byline and a time range, ordered by `q.sort` and keyset-paginated on
 * (sort value, id). A published-time order leaves out articles never published
 * (no time to place them by). Views order by the rolled-up total (0 when unread);
 * at newsroom scale (tens of thousands of rows) that sort is one scan with SQLite's
 * top-N sorter, inside D1's limits. Only what `reader` may read.
 */
export async function listAdminArticles(db: Db, q: AdminArticleListQuery, reader: Reader) {
  const sort = q.sort ?? '-updated_at'
  const cursorSort = `admin:${sort}`
  const value = SORT_VALUE[sort]
  const timeColumn = sort === '-updated_at' ? 'a.updated_at' : 'a.published_at'
  let query = readable(withLinks(db), reader).select(value.as('sort_value'))
  query = q.trash === 'true' ? query.where('a.deleted_at', 'is not', null) : query.where('a.deleted_at', 'is', null)
  if (q.status) query = query.where('a.status', '=', q.status)
  if (sort !== '-updated_at') query = query.where('a.published_at', 'is not', null)
  if (q.category_id !== undefined) query = query.where('a.category_id', '=', q.category_id)
  if (q.author_id !== undefined) {
    const authorId = q.author_id
    query = query.where(({ exists, selectFrom }) =>
      exists(selectFrom('article_authors as aa').select('aa.article_id').whereRef('aa.article_id', '=', 'a.id').where('aa.author_id', '=', authorId)),
    )
  }
  if (q.since) query = query.where(timeColumn, '>=', q.since)
  if (q.until) query = query.where(timeColumn, '<', q.until)
  if (q.cursor) {
    const c = decodeCursor(q.cursor, cursorSort)
    if (c.value === null) throw new ApiError(400, 'bad_request', 'Invalid cursor', [{ path: 'query.cursor', message: 'is not a cursor from this API for this sort; start again without it' }])
    query = query.where(sql<boolean>`(${value}, a.id) < (${c.value}, ${c.id})`)
  }
  const rows = await query.orderBy(value, 'desc').orderBy('a.id', 'desc').limit(q.limit + 1).execute()
  const page = keysetPage(rows, q.limit, cursorSort, (r) => r.sort_value)
  return { items: page.items.map(({ sort_value: _, ...row }) => toAdminBundle(row)), nextCursor: page.nextCursor }
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
