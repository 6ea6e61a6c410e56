import type { Article } from '../../../schema/database'
import type { Db } from '../../db/client'
import { notFound } from '../../lib/errors'
import type { ArticleContent } from './content'

/** An article as stored (any status, trash included) with its editable content. */
export interface ArticleState {
  row: Article
  content: ArticleContent
}

/** The content held by an article row and its tag and author links. */
export function contentOf(row: Article, tags: string[], authorIds: number[]): ArticleContent {
  return {
    title: row.title,
    summary: row.summary,
    body_html: row.body_html,
    category_id: row.category_id,
    tags,
    author_ids: authorIds,
    source: row.source,
    cover:
      row.cover_media_id === null
        ? null
        : { media_id: row.cover_media_id, alt: row.cover_alt, caption: row.cover_caption, credit: row.cover_credit },
    seo: { title: row.seo_title, description: row.seo_description },
    canonical_url: row.canonical_url,
    slug: row.slug,
    featured: row.featured === 1,
    featured_position: row.featured_position,
    language: row.language,
  }
}

/** Loads several articles' states with three queries, in the order of `rows`. */
export async function statesOf(db: Db, rows: Article[]): Promise<ArticleState[]> {
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.id)
  const [tags, authors] = await Promise.all([
    db
      .selectFrom('article_tags as at')
      .innerJoin('tags as t', 't.id', 'at.tag_id')
      .select(['at.article_id', 't.name'])
      .where('at.article_id', 'in', ids)
      .orderBy('at.position')
      .execute(),
    db
      .selectFrom('article_authors')
      .select(['article_id', 'author_id'])
      .where('article_id', 'in', ids)
      .orderBy('position')
      .execute(),
  ])
  return rows.map((row) => ({
    row,
    content: contentOf(
      row,
      tags.filter((t) => t.article_id === row.id).map((t) => t.name),
      authors.filter((a) => a.article_id === row.id).map((a) => a.author_id),
    ),
  }))
}

/** One article in any status (trash included), or a 404. */
export async function loadArticleState(db: Db, id: number): Promise<ArticleState> {
  const row = await db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound('Article')
  const [state] = await statesOf(db, [row])
  return state!
}
