import type { SiteSettings } from '../../lib/settings'
import type { SitemapArticle } from '../../services/feeds/sitemap-articles'
import { articleUrl } from '../article-url'

/** The sitemaps.org ceiling on a `<loc>`: fewer than 2,048 characters. */
const MAX_LOC_CHARS = 2_047

/**
 * Where a sitemap points for an article: its canonical URL when that is on the
 * site, its URL from the site's pattern when it has none, and nothing when its
 * canonical URL is on another host (the article belongs in that site's sitemap;
 * search engines ignore cross-host URLs in ours) or is too long for a sitemap.
 */
export function articleLoc(settings: SiteSettings, a: SitemapArticle): string | null {
  const canonical = a.canonical_url
  if (canonical && !canonical.startsWith(`${settings.url}/`)) return null
  const loc = ascii(canonical || articleUrl(settings, a))
  return loc !== null && loc.length <= MAX_LOC_CHARS ? loc : null
}

/** Printable ASCII with nothing a URL parser would change: the common case, kept as is. */
const PLAIN_URL = /^https?:\/\/[A-Za-z0-9.:-]+\/[A-Za-z0-9\-._~/%]*$/

/** The URL with non-ASCII characters percent-encoded (the host as punycode), as sitemaps require; null if unparsable. */
function ascii(url: string): string | null {
  if (PLAIN_URL.test(url)) return url
  try {
    return new URL(url).href
  } catch {
    return null
  }
}
