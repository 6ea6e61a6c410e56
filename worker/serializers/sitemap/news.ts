import type { SiteSettings } from '../../lib/settings'
import { toZonedIso } from '../../lib/time'
import { escapeXml } from '../../lib/xml-text'
import type { NewsArticle } from '../../services/feeds/news-articles'
import { articleLoc } from './article-loc'

const NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'

/**
 * Google News sitemap: each article with `<news:publication>` (the site's name and
 * language), `<news:publication_date>` in the site's zone and `<news:title>`.
 */
export function newsSitemapDocument(settings: SiteSettings, articles: NewsArticle[]): string {
  const publication = `<news:publication><news:name>${escapeXml(settings.name)}</news:name><news:language>${escapeXml(settings.language)}</news:language></news:publication>`
  const entries: string[] = []
  for (const a of articles) {
    const loc = articleLoc(settings, a)
    if (!loc) continue
    entries.push(
      `<url><loc>${escapeXml(loc)}</loc><news:news>${publication}` +
        `<news:publication_date>${toZonedIso(a.published_at, settings.timeZone)}</news:publication_date>` +
        `<news:title>${escapeXml(a.title)}</news:title></news:news></url>\n`,
    )
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset ${NS}>\n${entries.join('')}</urlset>\n`
}
