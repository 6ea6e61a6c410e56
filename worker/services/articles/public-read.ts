import type { Db } from '../../db/client'
import { PUBLIC_ARTICLE_COLUMNS } from './columns'
import { publiclyVisible } from './visibility'
import { loadBundles, type ArticleBundle } from './bundle'

/** One published article by id, or null. Drafts, trash and archive never match. */
export async function getPublishedArticleById(db: Db, id: number): Promise<ArticleBundle | null> {
  const row = await db
    .selectFrom('articles as a')
    .select(PUBLIC_ARTICLE_COLUMNS)
    .where('a.id', '=', id)
    .where(publiclyVisible())
    .executeTakeFirst()
  return row ? ((await loadBundles(db, [row]))[0] ?? null) : null
}

export type SlugLookup =
  | { kind: 'found'; bundle: ArticleBundle }
  | { kind: 'moved'; slug: string }
  | { kind: 'missing' }

/**
 * One published article by slug. A slug the article used to have answers `moved`
 * with the current slug, so the route can 301; an unpublished article is `missing`
 * whichever slug is asked.
 */
export async function getPublishedArticleBySlug(db: Db, slug: string): Promise<SlugLookup> {
  const row = await db
    .selectFrom('articles as a')
    .select(PUBLIC_ARTICLE_COLUMNS)
    .where('a.slug', '=', slug)
    .where(publiclyVisible())
    .executeTakeFirst()
  if (row) {
    const [bundle] = await loadBundles(db, [row])
    return bundle ? { kind: 'found', bundle } : { kind: 'missing' }
  }
  const moved = await db
    .selectFrom('slug_history as h')
    .innerJoin('articles as a', 'a.id', 'h.article_id')
    .select('a.slug')
    .where('h.slug', '=', slug)
    .where(publiclyVisible())
    .executeTakeFirst()
  return moved && moved.slug !== slug ? { kind: 'moved', slug: moved.slug } : { kind: 'missing' }
}
