import type { SiteSettings } from '../../lib/settings'
import { articleUrl } from '../../serializers/article-url'
import { inCategories } from '../articles/category-scope'
import type { PublicReads } from '../articles/read-batch'
import { publiclyVisible } from '../articles/visibility'

/** Where an old URL now lives: the article and its canonical URL. */
export interface RedirectTarget {
  article_id: number
  slug: string
  url: string
}

/**
 * The published article an old (normalized) path points to, with its canonical
 * URL (its own canonical_url, else the site's URL of it): ONE statement, one D1
 * round trip. A draft, archived or trashed article, or one outside the caller's
 * categories, is null, as an unknown path is.
 */
export async function lookUpRedirect(r: PublicReads, path: string, settings: SiteSettings): Promise<RedirectTarget | null> {
  let query = r.db
    .selectFrom('redirects as r')
    .innerJoin('articles as a', 'a.id', 'r.article_id')
    .leftJoin('categories as c', 'c.id', 'a.category_id')
    .select(['a.id', 'a.slug', 'a.published_at', 'a.canonical_url', 'c.slug as category_slug'])
    .where('r.path', '=', path)
    .where(publiclyVisible())
  if (r.categories) query = query.where(inCategories(r.categories))
  const row = await query.executeTakeFirst()
  if (!row) return null
  return { article_id: row.id, slug: row.slug, url: row.canonical_url || articleUrl(settings, row) }
}
