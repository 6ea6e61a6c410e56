import { sql } from 'kysely'
import type { Db } from '../../db/client'
import { unionAll } from '../../db/union-all'
import { WORD, foldVietnamese } from '../../lib/vi-fold'
import { loadBundles, type ArticleBundle } from '../articles/bundle'
import { PUBLIC_ARTICLE_COLUMNS } from '../articles/columns'
import { publiclyVisible } from '../articles/visibility'
import { inRankOrder } from './rank'

/** Score points: each shared tag, the same category, a title alike (strong / some). */
export const RELATED_POINTS = { tag: 3, category: 2, textStrong: 2, textSome: 1 } as const
/** Newest candidates taken from each source (each tag, the category, the text). */
const POOL = 300
/** Tags of the source article considered (editors order them by importance). */
const MAX_TAGS = 8
/** Title word pairs used for text similarity. */
const MAX_PAIRS = 12

/**
 * Adjacent word pairs of a title, accent-folded. Vietnamese words are syllables, so
 * "lang son" or "ngap ung" as pairs find the same subject where single syllables
 * ("son", "ung") find anything. A one-word title is its own pair.
 */
export function titleWordPairs(title: string): string[] {
  const words = [...foldVietnamese(title).matchAll(WORD)].map((m) => m[0])
  const pairs = words.length === 1 ? words : words.slice(1).map((w, i) => `${words[i]} ${w}`)
  return [...new Set(pairs)].slice(0, MAX_PAIRS)
}

interface Candidate {
  id: number
  base: number
  published_at: string
  /** Set when the candidate's text holds one of the source's title pairs. */
  title: string | null
}

/** Text points: 2 for two or more title pairs in common, 1 for one, or a pair in the sapo or body. */
function textPoints(source: Set<string>, title: string | null): number {
  if (title === null) return 0
  const shared = titleWordPairs(title).filter((p) => source.has(p)).length
  return shared >= 2 ? RELATED_POINTS.textStrong : RELATED_POINTS.textSome
}

/**
 * Related articles ("tin liên quan") of a published article: null when the article
 * is not publicly visible. Candidates are the newest POOL articles of each of its
 * tags, of its category and holding one of its title word pairs, so the cost does
 * not grow with the archive (an older article can count fewer shared tags than it
 * has). Score = 3 × shared tags + 2 × same category + text points; newest first
 * among equals. Never the article itself, never an unpublished one (pub_at is set
 * only while an article is publicly visible). SQL scores tags and category; only
 * the text-alike candidates and the best `limit` others come back for the text
 * points, which can add at most 2, so nothing that could rank is left out.
 */
export async function relatedArticles(db: Db, id: number, limit: number): Promise<ArticleBundle[] | null> {
  const source = await db
    .selectFrom('articles as a')
    .select(['a.id', 'a.title', 'a.category_id'])
    .where('a.id', '=', id)
    .where(publiclyVisible())
    .executeTakeFirst()
  if (!source) return null
  const tagRows = await db.selectFrom('article_tags').select('tag_id').where('article_id', '=', id).orderBy('position').execute()
  const pairs = titleWordPairs(source.title)
  const visible = publiclyVisible('a')
  const tagged = tagRows.length
    ? unionAll(
        tagRows.slice(0, MAX_TAGS).map(
          (t) => sql`SELECT * FROM (SELECT article_id AS id FROM article_tags
            WHERE tag_id = ${t.tag_id} AND pub_at IS NOT NULL AND article_id <> ${id}
            ORDER BY pub_at DESC, article_id DESC LIMIT ${POOL})`,
        ),
      )
    : sql`SELECT NULL AS id WHERE 0`
  const alike = pairs.length
    ? sql`SELECT a.id FROM search_folded
        CROSS JOIN articles AS a INDEXED BY articles_search_filter ON a.id = search_folded.rowid
        WHERE search_folded MATCH ${pairs.map((p) => `"${p}"`).join(' OR ')} AND a.id <> ${id} AND ${visible}
        ORDER BY search_folded.rowid DESC LIMIT ${POOL}`
    : sql`SELECT NULL AS id WHERE 0`
  const { rows } = await sql<Candidate>`
    WITH shared AS MATERIALIZED (SELECT id, count(*) AS n FROM (${tagged}) GROUP BY id),
    alike AS MATERIALIZED (${alike}),
    same_category AS (
      SELECT a.id FROM articles AS a
      WHERE a.category_id = ${source.category_id} AND a.id <> ${id} AND ${visible}
      ORDER BY a.published_at DESC, a.id DESC LIMIT ${POOL}
    ),
    scored AS MATERIALIZED (
      SELECT a.id, a.published_at, al.id IS NOT NULL AS is_alike,
        ${RELATED_POINTS.tag} * coalesce(sh.n, 0)
        + CASE WHEN a.category_id = ${source.category_id} THEN ${RELATED_POINTS.category} ELSE 0 END AS base
      FROM (SELECT id FROM shared UNION SELECT id FROM alike UNION SELECT id FROM same_category) AS c
      JOIN articles AS a INDEXED BY articles_search_filter ON a.id = c.id
      LEFT JOIN shared AS sh ON sh.id = a.id
      LEFT JOIN alike AS al ON al.id = a.id
      WHERE ${visible}
    )
    -- CROSS JOIN: without it SQLite scans every article row to probe scored.
    SELECT s.id, s.base, s.published_at, t.title FROM scored AS s CROSS JOIN articles AS t ON t.id = s.id WHERE s.is_alike
    UNION ALL
    SELECT * FROM (
      SELECT id, base, published_at, NULL FROM scored WHERE NOT is_alike
      ORDER BY base DESC, published_at DESC, id DESC LIMIT ${limit}
    )`.execute(db)
  const sourcePairs = new Set(pairs)
  const ranked = rows
    .map((c) => ({ ...c, score: c.base + textPoints(sourcePairs, c.title) }))
    .sort((x, y) => y.score - x.score || y.published_at.localeCompare(x.published_at) || y.id - x.id)
    .slice(0, limit)
  if (ranked.length === 0) return []
  const ids = ranked.map((r) => r.id)
  const found = await db.selectFrom('articles as a').select(PUBLIC_ARTICLE_COLUMNS).where('a.id', 'in', ids).execute()
  return loadBundles(db, inRankOrder(ids, found))
}
