import { sql, type Compilable, type RawBuilder } from 'kysely'
import type { Db } from '../../db/client'
import { rawStatement } from '../../db/guard'
import { viSortKey } from '../../lib/vi-collate'
import { normalizeTags } from './content'

/**
 * Statements that set an article's tags and authors inside its write batch. Lists
 * travel as one JSON parameter read with `json_each`, so an article with 30 tags
 * is still three statements and far below D1's 100 bound parameters each.
 * `articleId` is a number, or an SQL expression when the id is only known inside
 * the batch (a new article, found by its slug).
 */
export type ArticleIdRef = number | RawBuilder<number>

/** Creates missing tags (by slug) and links them to the article in the given order. */
export function setTagsStatements(db: Db, articleId: ArticleIdRef, names: string[], now: string, replace: boolean): Compilable[] {
  const tags = normalizeTags(names)
  const out: Compilable[] = []
  if (replace) out.push(db.deleteFrom('article_tags').where('article_id', '=', articleId))
  if (tags.length === 0) return out
  const rows = JSON.stringify(tags.map((t) => [t.slug, t.name, viSortKey(t.name)]))
  const slugs = JSON.stringify(tags.map((t) => t.slug))
  out.push(
    rawStatement(
      db,
      sql`INSERT INTO tags (slug, name, name_sort, created_at, updated_at)
          SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), ${now}, ${now}
          FROM json_each(${rows}) WHERE true
          ON CONFLICT (slug) DO NOTHING`,
    ),
    rawStatement(
      db,
      sql`INSERT INTO article_tags (article_id, tag_id, position)
          SELECT ${articleId}, t.id, j.key FROM json_each(${slugs}) AS j JOIN tags AS t ON t.slug = j.value`,
    ),
  )
  return out
}

/** Links the article to its authors in the given order. */
export function setAuthorsStatements(db: Db, articleId: ArticleIdRef, authorIds: number[], replace: boolean): Compilable[] {
  const out: Compilable[] = []
  if (replace) out.push(db.deleteFrom('article_authors').where('article_id', '=', articleId))
  if (authorIds.length === 0) return out
  out.push(
    rawStatement(
      db,
      sql`INSERT INTO article_authors (article_id, author_id, position)
          SELECT ${articleId}, j.value, j.key FROM json_each(${JSON.stringify(authorIds)}) AS j`,
    ),
  )
  return out
}
