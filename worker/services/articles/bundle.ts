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

/**
 * Attaches category, tags, authors and cover media to article rows with four
 * queries for the whole page (never one per article), keeping each list in the
 * editor's order.
 */
export async function loadBundles(db: Db, rows: ArticleRow[]): Promise<ArticleBundle[]> {
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.id)
  const categoryIds = [...new Set(rows.map((r) => r.category_id).filter((id): id is number => id !== null))]
  const mediaIds = [...new Set(rows.map((r) => r.cover_media_id).filter((id): id is number => id !== null))]

  const [tags, authors, categories, media] = await Promise.all([
    db
      .selectFrom('article_tags as at')
      .innerJoin('tags as t', 't.id', 'at.tag_id')
      .select(['at.article_id', 't.slug', 't.name'])
      .where('at.article_id', 'in', ids)
      .orderBy('at.article_id')
      .orderBy('at.position')
      .execute(),
    db
      .selectFrom('article_authors as aa')
      .innerJoin('authors as au', 'au.id', 'aa.author_id')
      .select(['aa.article_id', 'au.id', 'au.slug', 'au.name'])
      .where('aa.article_id', 'in', ids)
      .orderBy('aa.article_id')
      .orderBy('aa.position')
      .execute(),
    categoryIds.length
      ? db.selectFrom('categories').select(['id', 'slug', 'name']).where('id', 'in', categoryIds).execute()
      : Promise.resolve([]),
    mediaIds.length
      ? db
          .selectFrom('media')
          .select(['id', 'key', 'width', 'height', 'alt', 'caption', 'credit'])
          .where('id', 'in', mediaIds)
          .execute()
      : Promise.resolve([]),
  ])

  const byArticle = <T extends { article_id: number }>(list: T[]) => {
    const map = new Map<number, T[]>()
    for (const item of list) map.set(item.article_id, [...(map.get(item.article_id) ?? []), item])
    return map
  }
  const tagMap = byArticle(tags)
  const authorMap = byArticle(authors)
  const categoryMap = new Map(categories.map((c) => [c.id, c]))
  const mediaMap = new Map(media.map((m) => [m.id, m]))

  return rows.map((article) => ({
    article,
    category: article.category_id !== null ? (categoryMap.get(article.category_id) ?? null) : null,
    tags: (tagMap.get(article.id) ?? []).map(({ slug, name }) => ({ slug, name })),
    authors: (authorMap.get(article.id) ?? []).map(({ id, slug, name }) => ({ id, slug, name })),
    cover: article.cover_media_id !== null ? (mediaMap.get(article.cover_media_id) ?? null) : null,
  }))
}
