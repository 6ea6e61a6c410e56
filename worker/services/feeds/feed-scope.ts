/**
 * What a feed reader may receive. Anonymous readers get full bodies of every
 * category today; the partner-key middleware (issue 11, later) will set a key's
 * scope with `c.set('feedScope', …)` (and `cacheScope` to match, so cached feeds
 * of one scope are never served to another: middleware/cache-scope.ts) and the
 * feed code needs no other change.
 */
export interface FeedScope {
  /** Full article HTML (`content:encoded`, Atom `content`, `content_html`); false: summaries only. */
  fullBody: boolean
  /** Category ids the caller may read; null for every category. */
  categories: number[] | null
}

export const ANONYMOUS_FEED_SCOPE: FeedScope = Object.freeze({ fullBody: true, categories: null })

/** The Hono variable a verifying middleware sets; unset means anonymous. */
export type FeedScopeEnv = { Variables: { feedScope?: FeedScope } }
