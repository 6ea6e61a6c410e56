import { inCategories } from './category-scope'
import { PUBLIC_ARTICLE_COLUMNS } from './columns'
import { publicExtras, toPublicBundles, type PublicBundle } from './public-bundle'
import { readBatch, type PublicReads } from './read-batch'
import { publiclyVisible } from './visibility'

/** A published article the caller may read, with everything the public API shows of it: one statement. */
function publishedArticle(r: PublicReads) {
  const query = r.db.selectFrom('articles as a').select(PUBLIC_ARTICLE_COLUMNS).select(publicExtras(r.db)).where(publiclyVisible())
  return r.categories ? query.where(inCategories(r.categories)) : query
}

/** One published article by id, or null (one D1 round trip). Drafts, trash and archive never match. */
export async function getPublishedArticleById(r: PublicReads, id: number): Promise<PublicBundle | null> {
  const read = await readBatch(r, [publishedArticle(r).where('a.id', '=', id)])
  return toPublicBundles(read.rows[0]!, read)[0] ?? null
}

export type SlugLookup =
  | { kind: 'found'; bundle: PublicBundle }
  | { kind: 'moved'; slug: string }
  | { kind: 'missing' }

/**
 * One published article by slug. A slug the article used to have answers `moved`
 * with the current slug, so the route can 301; an unpublished article is `missing`
 * whichever slug is asked. The article and the old-slug look-up are one batch: one
 * round trip whichever it turns out to be.
 */
export async function getPublishedArticleBySlug(r: PublicReads, slug: string): Promise<SlugLookup> {
  const history = r.db
    .selectFrom('slug_history as h')
    .innerJoin('articles as a', 'a.id', 'h.article_id')
    .select('a.slug')
    .where('h.slug', '=', slug)
    .where(publiclyVisible())
  const moved = r.categories ? history.where(inCategories(r.categories)) : history
  const read = await readBatch(r, [publishedArticle(r).where('a.slug', '=', slug), moved])
  const [bundle] = toPublicBundles(read.rows[0]!, read)
  if (bundle) return { kind: 'found', bundle }
  const current = read.rows[1]![0]?.slug as string | undefined
  return current !== undefined && current !== slug ? { kind: 'moved', slug: current } : { kind: 'missing' }
}

/** Published articles by id, those still public, in one round trip (webhook payloads). */
export async function getPublishedArticlesByIds(r: PublicReads, ids: number[]): Promise<PublicBundle[]> {
  if (ids.length === 0) return []
  const read = await readBatch(r, [publishedArticle(r).where('a.id', 'in', ids)])
  return toPublicBundles(read.rows[0]!, read)
}
