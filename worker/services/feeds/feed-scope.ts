/**
 * What a reader may receive, in the feeds and the API alike. Anonymous readers get
 * full bodies of every category; a verified partner key sets its scope with
 * `c.set('feedScope', …)` (and `cacheScope` to match, so cached reads of one scope
 * are never served to another: middleware/api-key.ts, middleware/cache-scope.ts).
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
