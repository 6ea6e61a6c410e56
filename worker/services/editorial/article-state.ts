import type { Article } from '../../../schema/database'
import { jsonArrayFrom } from 'kysely/helpers/sqlite'
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

/**
 * Articles in any status (trash included) with their tag names and author ids in
 * the editor's order, in id order (ids that name no article are left out): one
 * statement, the links built as JSON in each row.
 */
export async function loadArticleStates(db: Db, ids: number[]): Promise<ArticleState[]> {
  if (ids.length === 0) return []
  const rows = await db
    .selectFrom('articles as a')
    .selectAll('a')
    .select((eb) => [
      jsonArrayFrom(
        eb.selectFrom('article_tags as at').innerJoin('tags as t', 't.id', 'at.tag_id').select('t.name').whereRef('at.article_id', '=', 'a.id').orderBy('at.position'),
      ).as('tag_names'),
      jsonArrayFrom(eb.selectFrom('article_authors as aa').select('aa.author_id').whereRef('aa.article_id', '=', 'a.id').orderBy('aa.position')).as('author_ids'),
    ])
    .where('a.id', 'in', ids)
    .orderBy('a.id')
    .execute()
  return rows.map(({ tag_names, author_ids, ...article }) => {
    // SQLite returns the JSON as text (Kysely types it as already parsed).
    const tags = JSON.parse(tag_names as unknown as string) as { name: string }[]
    const authors = JSON.parse(author_ids as unknown as string) as { author_id: number }[]
    return { row: article, content: contentOf(article, tags.map((t) => t.name), authors.map((a) => a.author_id)) }
  })
}

/** One article in any status (trash included) with its links, or a 404: one statement. */
export async function loadArticleState(db: Db, id: number): Promise<ArticleState> {
  const [state] = await loadArticleStates(db, [id])
  if (!state) throw notFound('Article')
  return state
}
