import { sql, type RawBuilder } from 'kysely'
import { unionAll } from '../../db/union-all'
import { inCategories } from '../articles/category-scope'
import { publiclyVisible } from '../articles/visibility'

/** Score points: each shared tag, the same category, a title alike (strong / some). */
export const RELATED_POINTS = { tag: 3, category: 2, textStrong: 2, textSome: 1 } as const
/** Newest candidates taken from each source (each tag, the category, the text). */
const POOL = 300
/** Tags of the source article considered (editors order them by importance). */
export const MAX_TAGS = 8

/**
 * The ranking of related articles as one statement: ids with their position
 * (`pos`), best `limit` first. Everything about the source comes from SQL (its
 * category, its first MAX_TAGS tags, its stored title pairs), so nothing has to
 * be read first. `pairs` (JSON) replaces the stored pairs when they are not
 * computed yet (NULL).
 *
 * Candidates: the newest POOL articles of each tag (a fixed MAX_TAGS terms, each
 * walking article_tags_public for "the k-th tag"), of the category, and holding one
 * of the title pairs (FTS5, the OR of the pairs built by group_concat). Score =
 * 3 × shared tags + 2 × same category + text points: 2 when the candidate's own
 * stored title pairs share two or more with the source's, else 1 (a pair in its
 * sapo or body, or one in its title). Newest first among equals. Never the article
 * itself, never an unpublished one (pub_at is set only while an article is visible).
 */
export function relatedRanking(
  id: number,
  limit: number,
  pairs: string | null,
  categories?: readonly number[] | null,
): RawBuilder<{ id: number; pos: number }> {
  const visible = publiclyVisible('a')
  const allowed = categories ? sql`AND ${inCategories(categories)}` : sql``
  const tagged = unionAll(
    Array.from({ length: MAX_TAGS }, (_, k) =>
      sql`SELECT * FROM (SELECT article_id AS id FROM article_tags
        WHERE tag_id = (SELECT tag_id FROM src_tags LIMIT 1 OFFSET ${k}) AND pub_at IS NOT NULL AND article_id <> ${id}
        ORDER BY pub_at DESC, article_id DESC LIMIT ${POOL})`,
    ),
  )
  const text = sql`CASE WHEN (SELECT count(*) FROM articles AS t, json_each(t.title_pairs) AS tp
      WHERE t.id = s.id AND tp.value IN (SELECT sp.value FROM src, json_each(src.pairs) AS sp)) >= 2
    THEN ${RELATED_POINTS.textStrong} ELSE ${RELATED_POINTS.textSome} END`
  return sql<{ id: number; pos: number }>`
    WITH src AS MATERIALIZED (
      SELECT a.category_id, coalesce(${pairs}, a.title_pairs) AS pairs FROM articles AS a WHERE a.id = ${id} AND ${visible}
    ),
    src_tags AS MATERIALIZED (SELECT tag_id FROM article_tags WHERE article_id = ${id} ORDER BY position LIMIT ${MAX_TAGS}),
    shared AS MATERIALIZED (SELECT id, count(*) AS n FROM (${tagged}) GROUP BY id),
    phrases AS MATERIALIZED (SELECT group_concat('"' || sp.value || '"', ' OR ') AS q FROM src, json_each(src.pairs) AS sp),
    alike AS MATERIALIZED (
      SELECT a.id FROM search_folded
      CROSS JOIN articles AS a INDEXED BY articles_search_filter ON a.id = search_folded.rowid
      WHERE search_folded MATCH (SELECT coalesce(q, '""') FROM phrases) AND a.id <> ${id} AND ${visible}
      ORDER BY search_folded.rowid DESC LIMIT ${POOL}
    ),
    same_category AS (
      SELECT a.id FROM articles AS a
      WHERE a.category_id = (SELECT category_id FROM src) AND a.id <> ${id} AND ${visible}
      ORDER BY a.published_at DESC, a.id DESC LIMIT ${POOL}
    ),
    scored AS MATERIALIZED (
      SELECT a.id, a.published_at, al.id IS NOT NULL AS is_alike,
        ${RELATED_POINTS.tag} * coalesce(sh.n, 0)
        + CASE WHEN a.category_id = (SELECT category_id FROM src) THEN ${RELATED_POINTS.category} ELSE 0 END AS base
      FROM (SELECT id FROM shared UNION SELECT id FROM alike UNION SELECT id FROM same_category) AS c
      JOIN articles AS a INDEXED BY articles_search_filter ON a.id = c.id
      LEFT JOIN shared AS sh ON sh.id = a.id
      LEFT JOIN alike AS al ON al.id = a.id
      WHERE ${visible} AND EXISTS (SELECT 1 FROM src) ${allowed}
    )
    SELECT s.id, row_number() OVER (ORDER BY s.base + CASE WHEN s.is_alike THEN ${text} ELSE 0 END DESC, s.published_at DESC, s.id DESC) AS pos
    FROM scored AS s
    ORDER BY pos
    LIMIT ${limit}`
}
