import type { SiteSettings } from '../../lib/settings'
import { toZonedIso } from '../../lib/time'
import { escapeXml } from '../../lib/xml-text'
import type { SitemapArticle, SitemapBlock } from '../../services/feeds/sitemap-articles'
import { articleLoc } from './article-loc'

/** The sitemaps.org ceiling on one file, uncompressed. */
export const SITEMAP_MAX_BYTES = 50 * 1024 * 1024

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9'

/**
 * A `<urlset>` of articles, `<lastmod>` in the site's zone. At most `maxBytes`
 * (50 MB, the protocol's limit): a URL that would pass it is left out, with a log
 * line. Only same-host canonical URLs of more than 1,000 characters on every
 * article could get there; a 50,000-URL page of ordinary URLs is about 7 MB.
 */
export function urlsetDocument(settings: SiteSettings, articles: SitemapArticle[], maxBytes = SITEMAP_MAX_BYTES): string {
  const close = '</urlset>\n'
  const parts = [`${HEAD}<urlset xmlns="${NS}">\n`]
  let bytes = parts[0]!.length + close.length
  let dropped = 0
  for (const a of articles) {
    const loc = articleLoc(settings, a)
    if (!loc) continue
    const entry = `<url><loc>${escapeXml(loc)}</loc><lastmod>${toZonedIso(a.updated_at, settings.timeZone)}</lastmod></url>\n`
    // Entries are ASCII (articleLoc percent-encodes), so characters are bytes.
    const size = entry.length
    if (bytes + size > maxBytes) {
      dropped++
      continue
    }
    bytes += size
    parts.push(entry)
  }
  if (dropped) console.warn(JSON.stringify({ level: 'warn', msg: 'sitemap over its byte limit', dropped }))
  parts.push(close)
  return parts.join('')
}

/** A `<sitemapindex>` of the article blocks, each with its newest update as `<lastmod>`. */
export function sitemapIndexDocument(settings: SiteSettings, origin: string, blocks: SitemapBlock[]): string {
  const entries = blocks.map(
    (b) => `<sitemap><loc>${escapeXml(`${origin}/sitemaps/articles-${b.n}.xml`)}</loc><lastmod>${toZonedIso(b.lastmod, settings.timeZone)}</lastmod></sitemap>\n`,
  )
  return `${HEAD}<sitemapindex xmlns="${NS}">\n${entries.join('')}</sitemapindex>\n`
}
