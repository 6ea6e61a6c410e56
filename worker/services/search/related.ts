import { sql } from 'kysely'
import type { Db } from '../../db/client'
import { WORD, foldVietnamese } from '../../lib/vi-fold'
import { loadBundles, type ArticleBundle } from '../articles/bundle'
import { PUBLIC_ARTICLE_COLUMNS } from '../articles/columns'
import { publiclyVisible } from '../articles/visibility'
import { inRankOrder } from './rank'

/** Score points: each shared tag, the same category, a title alike (strong / some). */
export const RELATED_POINTS = { tag: 3, category: 2, textStrong: 2, textSome: 1 } as const
/** Candidates taken from the text and category sources (tags: every sharer). */
const POOL = 100
/** Title word pairs used for text similarity. */
const MAX_PAIRS = 12

/**
 * FTS5 query for articles whose text shares a pair of adjacent title words with the
 * source: Vietnamese words are syllables, so "lạng sơn" or "ngập úng" as pairs
 * find the same subject where single syllables ("sơn", "úng") find anything.
 */
export function titleSimilarityQuery(title: string): string | null {
  const words = [...foldVietnamese(title).matchAll(WORD)].map((m) => m[0])
  const pairs = words.length === 1 ? words : words.slice(1).map((w, i) => `${words[i]} ${w}`)
  const unique = [...new Set(pairs)].slice(0, MAX_PAIRS)
  return unique.length ? unique.map((p) => `"${p}"`).join(' OR ') : null
}

/**
 * Related articles ("tin liên quan") of a published article: null when the article
 * is not publicly visible. Candidates share a tag, the category or title word pairs;
 * score = 3 × shared tags + 2 × same category + 2 for a title as close as half the
 * closest one's bm25 (1 for any closeness); newest first among equal scores. Never
 * the article itself, never an unpublished one.
 */
export async function relatedArticles(db: Db, id: number, limit: number): Promise<ArticleBundle[] | null> {
  const source = await db
    .selectFrom('articles as a')
    .select(['a.id', 'a.title', 'a.category_id'])
    .where('a.id', '=', id)
    .where(publiclyVisible())
    .executeTakeFirst()
  if (!source) return null
  const text = titleSimilarityQuery(source.title)
  const category = source.category_id
  const visible = publiclyVisible('a')
  const similar = text
    ? sql`SELECT a.id, bm25(search_folded, 10.0, 4.0, 1.0) AS r
        FROM search_folded CROSS JOIN articles AS a INDEXED BY articles_search_filter ON a.id = search_folded.rowid
        WHERE search_folded MATCH ${text} AND a.id <> ${id} AND ${visible}
        ORDER BY r LIMIT ${POOL}`
    : sql`SELECT NULL AS id, NULL AS r WHERE 0`
  const P = RELATED_POINTS
  const { rows } = await sql<{ id: number }>`
    WITH shared AS MATERIALIZED (
      SELECT t.article_id AS id, count(*) AS n
      FROM article_tags AS s JOIN article_tags AS t ON t.tag_id = s.tag_id
      WHERE s.article_id = ${id} AND t.article_id <> ${id} AND t.pub_at IS NOT NULL
      GROUP BY t.article_id
    ),
    similar AS MATERIALIZED (${similar}),
    same_category AS (
      SELECT a.id FROM articles AS a
      WHERE a.category_id = ${category} AND a.id <> ${id} AND ${visible}
      ORDER BY a.published_at DESC, a.id DESC LIMIT ${POOL}
    ),
    candidates AS (SELECT id FROM shared UNION SELECT id FROM similar UNION SELECT id FROM same_category)
    SELECT a.id FROM candidates AS c
    JOIN articles AS a INDEXED BY articles_search_filter ON a.id = c.id
    LEFT JOIN shared AS sh ON sh.id = a.id
    LEFT JOIN similar AS si ON si.id = a.id
    WHERE ${visible}
    ORDER BY
      ${P.tag} * coalesce(sh.n, 0)
      + CASE WHEN a.category_id = ${category} THEN ${P.category} ELSE 0 END
      + CASE WHEN si.r IS NULL THEN 0
             WHEN si.r <= (SELECT min(r) FROM similar) * 0.5 THEN ${P.textStrong}
             ELSE ${P.textSome} END DESC,
      a.published_at DESC, a.id DESC
    LIMIT ${limit}`.execute(db)
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.id)
  const found = await db.selectFrom('articles as a').select(PUBLIC_ARTICLE_COLUMNS).where('a.id', 'in', ids).execute()
  return loadBundles(db, inRankOrder(ids, found))
}
