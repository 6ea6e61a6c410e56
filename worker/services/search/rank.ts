import { sql, type Expression, type RawBuilder } from 'kysely'
import type { ArticleStatus } from '../../../schema/database'
import type { Db } from '../../db/client'
import { inCategories } from '../articles/category-scope'
import { publiclyVisible } from '../articles/visibility'
import { readableBy, type Reader } from '../editorial/read-scope'
import type { SearchQuery } from './query'

/**
 * bm25 column weights of (title, summary, body): a word in the title counts ten
 * times one in the body, one in the sapo four times.
 */
const BM25 = sql.raw('bm25(search_folded, 10.0, 4.0, 1.0)')
const EXACT_BM25 = sql.raw('bm25(search_exact, 10.0, 4.0, 1.0)')

/** Which articles a search may return. */
export type SearchScope =
  | { kind: 'public' }
  | { kind: 'admin'; status?: ArticleStatus | undefined; trash: boolean; reader: Reader }

export interface RankRequest {
  query: SearchQuery
  scope: SearchScope
  /** A category id, or a subquery giving it (idOfSlug: no round trip of its own). */
  categoryId?: number | Expression<unknown> | undefined
  /** The only categories the caller may read (a partner key's); null or absent: all. */
  categories?: readonly number[] | null | undefined
  limit: number
  offset: number
  /** Matches ranked at most (tests use a small one). */
  pool?: number
}

function scopeFilter(scope: SearchScope): RawBuilder<boolean> {
  if (scope.kind === 'public') return publiclyVisible('a')
  const trash = scope.trash ? sql`a.deleted_at IS NOT NULL` : sql`a.deleted_at IS NULL`
  const status = scope.status ? sql<boolean>`${trash} AND a.status = ${scope.status}` : sql<boolean>`${trash}`
  const readable = readableBy(scope.reader)
  return readable ? sql<boolean>`${status} AND ${readable}` : status
}

/**
 * How many matches are ranked at most: the newest ones (by id, i.e. creation).
 * A query as common as "người dân" matches most of the archive; ranking all of
 * it costs time linear in the archive for an order no reader can tell from
 * "relevant and recent". Queries matching fewer articles are ranked whole.
 */
export const RANK_POOL = 5000

/**
 * The ranking statement of one page: article ids with their position (`pos`, from
 * offset + 1), one more than the page to know if more follow; null when the input
 * has no word to search.
 *
 * The pool: matches on the accent-folded index that pass visibility and filters,
 * newest first, at most RANK_POOL. Each is checked in the narrow covering index
 * articles_search_filter, never the wide article row, with the FTS index driving
 * the join (CROSS JOIN pins the order) in rowid order so the scan stops early.
 * Order, when the reader typed accents: first the articles containing every
 * accented word exactly as typed ("Đoàn" above "đoán" and "đoạn" for the query
 * "Đoàn"), scored by weighted bm25 of those words in the exact index plus bm25 of
 * the whole query in the folded one, so an article that says "Đoàn" often beats
 * one that says "đoạn" often; then the rest by folded bm25. Newest first among
 * equals. Both CTEs are MATERIALIZED: left to itself SQLite folds them into the
 * join and re-runs an FTS5 query for every row (seconds at 100k articles).
 */
export function rankedIds(r: RankRequest): RawBuilder<{ id: number; pos: number }> | null {
  if (!r.query.folded) return null
  const filters = [sql`search_folded MATCH ${r.query.folded}`, scopeFilter(r.scope)]
  if (r.categoryId !== undefined) filters.push(sql`a.category_id = ${r.categoryId}`)
  if (r.categories) filters.push(inCategories(r.categories))
  const exact = r.query.exact
    ? sql`SELECT rowid AS id, ${EXACT_BM25} AS r FROM search_exact
        WHERE search_exact MATCH ${r.query.exact} AND rowid >= (SELECT min(id) FROM pool)`
    : sql`SELECT NULL AS id, NULL AS r WHERE 0`
  return sql<{ id: number; pos: number }>`
    WITH pool AS MATERIALIZED (
      SELECT a.id, coalesce(a.published_at, a.updated_at) AS at, ${BM25} AS r
      FROM search_folded CROSS JOIN articles AS a INDEXED BY articles_search_filter ON a.id = search_folded.rowid
      WHERE ${sql.join(filters, sql` AND `)}
      ORDER BY search_folded.rowid DESC
      LIMIT ${r.pool ?? RANK_POOL}
    ),
    e AS MATERIALIZED (${exact})
    SELECT pool.id, row_number() OVER (ORDER BY e.id IS NULL, coalesce(e.r, 0) + pool.r, pool.at DESC, pool.id DESC) AS pos
    FROM pool LEFT JOIN e ON e.id = pool.id
    ORDER BY pos
    LIMIT ${r.limit + 1} OFFSET ${r.offset}`
}

/** One page of article ids in rank order (see rankedIds), fetching one extra to know if more follow. */
export async function rankArticleIds(db: Db, r: RankRequest): Promise<{ ids: number[]; more: boolean }> {
  const ranked = rankedIds(r)
  if (!ranked) return { ids: [], more: false }
  const { rows } = await ranked.execute(db)
  return { ids: rows.slice(0, r.limit).map((row) => row.id), more: rows.length > r.limit }
}

/** Rows fetched by id, put back in rank order (an id no longer there is dropped). */
export function inRankOrder<T extends { id: number }>(ids: number[], rows: T[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]))
  return ids.flatMap((id) => byId.get(id) ?? [])
}
