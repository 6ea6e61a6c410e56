import { sql, type RawBuilder } from 'kysely'
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/sqlite'
import type { Db } from '../../db/client'
import type { Article, Media } from '../../../schema/database'

export type ArticleRow = Pick<
  Article,
  | 'id' | 'slug' | 'title' | 'summary' | 'body_html' | 'word_count' | 'cover_media_id' | 'cover_alt'
  | 'cover_caption' | 'cover_credit' | 'category_id' | 'source' | 'language' | 'published_at'
  | 'updated_at' | 'seo_title' | 'seo_description' | 'canonical_url' | 'featured' | 'featured_position'
>

export interface ArticleBundle {
  article: ArticleRow
  category: { id: number; slug: string; name: string } | null
  tags: { slug: string; name: string }[]
  authors: { id: number; slug: string; name: string }[]
  cover: Pick<Media, 'key' | 'width' | 'height' | 'alt' | 'caption' | 'credit'> | null
}

/** The columns `bundleColumns` adds to an article row: what it links to, as JSON text. */
export interface BundleJson {
  category_json: string | null
  tags_json: string
  authors_json: string
  cover_json: string | null
}

/** SQLite returns JSON as text; Kysely's helpers are typed as if a plugin parsed it. */
const asText = <T extends string | null>(json: RawBuilder<unknown>) => json as unknown as RawBuilder<T>
/** The article of the row being selected: the query must name it `a`. */
const outer = (column: 'id' | 'category_id' | 'cover_media_id') => sql.ref<number>(`a.${column}`)

/**
 * Category, tags, authors and cover of the article aliased `a`, built into its row
 * by SQLite's JSON functions (correlated subqueries, one index look-up each), so a
 * page of articles is one statement, not one query per link table. Tags and authors
 * keep the editor's order. Each json_object has at most 6 pairs (D1 allows 32
 * arguments per function).
 *
 * @example
 * db.selectFrom('articles as a').select(PUBLIC_ARTICLE_COLUMNS).select(bundleColumns(db))
 */
export function bundleColumns(db: Db) {
  return [
    asText<string | null>(
      jsonObjectFrom(db.selectFrom('categories as bc').select(['bc.id', 'bc.slug', 'bc.name']).where('bc.id', '=', outer('category_id'))),
    ).as('category_json'),
    asText<string>(
      jsonArrayFrom(
        db.selectFrom('article_tags as bt').innerJoin('tags as t', 't.id', 'bt.tag_id').select(['t.slug', 't.name'])
          .where('bt.article_id', '=', outer('id')).orderBy('bt.position'),
      ),
    ).as('tags_json'),
    asText<string>(
      jsonArrayFrom(
        db.selectFrom('article_authors as ba').innerJoin('authors as au', 'au.id', 'ba.author_id').select(['au.id', 'au.slug', 'au.name'])
          .where('ba.article_id', '=', outer('id')).orderBy('ba.position'),
      ),
    ).as('authors_json'),
    asText<string | null>(
      jsonObjectFrom(
        db.selectFrom('media as m').select(['m.key', 'm.width', 'm.height', 'm.alt', 'm.caption', 'm.credit']).where('m.id', '=', outer('cover_media_id')),
      ),
    ).as('cover_json'),
  ] as const
}

const parse = <T>(json: string | null): T | null => (json === null ? null : (JSON.parse(json) as T))

/** A row selected with `bundleColumns` as an ArticleBundle (`article` keeps every other column of the row). */
export function toBundle<R extends ArticleRow & BundleJson>(row: R): ArticleBundle & { article: Omit<R, keyof BundleJson> } {
  const { category_json, tags_json, authors_json, cover_json, ...article } = row
  return {
    article,
    category: parse(category_json),
    tags: parse(tags_json) ?? [],
    authors: parse(authors_json) ?? [],
    cover: parse(cover_json),
  }
}
