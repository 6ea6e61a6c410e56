/**
 * The bounds of feeds and sitemaps (docs/limits.md, docs/feeds.md). Each is the
 * protocol's or our own ceiling; a deployment or a test may lower one through the
 * matching var (e.g. `SITEMAP_PAGE_SIZE=3` so a test pages with a handful of
 * articles), never raise it.
 */
export interface FeedLimits {
  /** Items in a feed: the newest published articles. */
  feedItems: number
  /** Characters of body HTML one feed carries in full; later items carry their summary only. */
  feedBodyChars: number
  /** URLs in one sitemap file (the sitemaps.org maximum). */
  sitemapPageSize: number
  /** URLs in the Google News sitemap (Google's maximum). */
  newsMaxUrls: number
}

export const FEED_LIMITS: FeedLimits = {
  feedItems: 50,
  feedBodyChars: 2_000_000,
  sitemapPageSize: 50_000,
  newsMaxUrls: 1_000,
}

const VARS: Record<keyof FeedLimits, string> = {
  feedItems: 'FEED_ITEMS',
  feedBodyChars: 'FEED_BODY_CHARS',
  sitemapPageSize: 'SITEMAP_PAGE_SIZE',
  newsMaxUrls: 'NEWS_SITEMAP_MAX_URLS',
}

const parsed = new WeakMap<object, FeedLimits>()

/**
 * FEED_LIMITS, each lowered by its var when that is a whole number from 1 up to the
 * ceiling; anything else (unset, empty, too large, garbage) keeps the ceiling.
 *
 * @example
 * const { sitemapPageSize } = feedLimits(c.env)
 */
export function feedLimits(env: object): FeedLimits {
  let limits = parsed.get(env)
  if (limits) return limits
  const vars = env as Record<string, unknown>
  limits = { ...FEED_LIMITS }
  for (const key of Object.keys(VARS) as (keyof FeedLimits)[]) {
    const raw = vars[VARS[key]]
    const n = typeof raw === 'string' && /^[0-9]{1,9}$/.test(raw) ? Number(raw) : NaN
    if (n >= 1 && n <= FEED_LIMITS[key]) limits[key] = n
  }
  parsed.set(env, limits)
  return limits
}
