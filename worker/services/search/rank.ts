import { sql, type RawBuilder } from 'kysely'
import type { ArticleStatus } from '../../../schema/database'
import type { Db } from '../../db/client'
import { publiclyVisible } from '../articles/visibility'
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
  | { kind: 'admin'; status?: ArticleStatus | undefined; trash: boolean }

export interface RankRequest {
  query: SearchQuery
  scope: SearchScope
  categoryId?: number | undefined
  limit: number
  offset: number
}

function scopeFilter(scope: SearchScope): RawBuilder<boolean> {
  if (scope.kind === 'public') return publiclyVisible('a')
  const trash = scope.trash ? sql`a.deleted_at IS NOT NULL` : sql`a.deleted_at IS NULL`
  return scope.status ? sql<boolean>`${trash} AND a.status = ${scope.status}` : sql<boolean>`${trash}`
}

/**
 * One page of article ids in rank order, fetching one extra to know if more follow.
 *
 * Matching is on the accent-folded index. Order, when the reader typed accents:
 * first the articles containing every accented word exactly as typed ("Đoàn" above
 * "đoán" and "đoạn" for the query "Đoàn"), scored by weighted bm25 of those words in
 * the exact index plus bm25 of the whole query in the folded one, so an article
 * that says "Đoàn" often beats one that says "đoạn" often; then the rest by folded
 * bm25. Newest first among equals. The FTS index drives the join (CROSS JOIN pins
 * the order); each match is checked for visibility and filters in the narrow
 * covering index articles_search_filter, never the wide article row; the
 * exact-accent matches are computed once.
 */
export async function rankArticleIds(db: Db, r: RankRequest): Promise<{ ids: number[]; more: boolean }> {
  if (!r.query.folded) return { ids: [], more: false }
  const filters = [sql`search_folded MATCH ${r.query.folded}`, scopeFilter(r.scope)]
  if (r.categoryId !== undefined) filters.push(sql`a.category_id = ${r.categoryId}`)
  // MATERIALIZED: computed once. Left to itself SQLite folds the subquery into the
  // join and re-runs the FTS5 query for every matching article (seconds at 100k).
  const exact = r.query.exact
    ? sql`SELECT rowid AS id, ${EXACT_BM25} AS r FROM search_exact WHERE search_exact MATCH ${r.query.exact}`
    : sql`SELECT NULL AS id, NULL AS r WHERE 0`
  const { rows } = await sql<{ id: number }>`
    WITH e AS MATERIALIZED (${exact})
    SELECT a.id FROM search_folded
    CROSS JOIN articles AS a INDEXED BY articles_search_filter ON a.id = search_folded.rowid
    LEFT JOIN e ON e.id = a.id
    WHERE ${sql.join(filters, sql` AND `)}
    ORDER BY e.id IS NULL, coalesce(e.r, 0) + ${BM25}, coalesce(a.published_at, a.updated_at) DESC, a.id DESC
    LIMIT ${r.limit + 1} OFFSET ${r.offset}`.execute(db)
  return { ids: rows.slice(0, r.limit).map((row) => row.id), more: rows.length > r.limit }
}

/** Rows fetched by id, put back in rank order (an id no longer there is dropped). */
export function inRankOrder<T extends { id: number }>(ids: number[], rows: T[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]))
  return ids.flatMap((id) => byId.get(id) ?? [])
}
