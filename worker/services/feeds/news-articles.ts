import { readBatch, type PublicReads } from '../articles/read-batch'
import { sitemapRows, type SitemapArticle } from './sitemap-articles'

/** Google News takes articles published in the last two days only. */
export const NEWS_WINDOW_MS = 48 * 3600_000

export interface NewsArticle extends SitemapArticle {
  title: string
}

/**
 * The Google News sitemap's articles: published within the last 48 hours (by
 * `published_at`, so a back-dated publish is left out), newest first, at most
 * `max`, in ONE round trip walking the published-time index.
 */
export async function recentNewsArticles(r: PublicReads, max: number, now = Date.now()): Promise<NewsArticle[]> {
  const since = new Date(now - NEWS_WINDOW_MS).toISOString()
  const query = sitemapRows(r.db)
    .select('a.title')
    .where('a.published_at', '>=', since)
    .orderBy('a.published_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(max)
  const read = await readBatch(r, [query])
  return read.rows[0] as unknown as NewsArticle[]
}
