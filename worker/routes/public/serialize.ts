import type { Context } from 'hono'
import type { AppEnv } from '../../middleware/database'
import { siteSettings } from '../../lib/settings'
import { serializePublicArticle } from '../../serializers/article-public'
import { withoutBody } from '../../serializers/article-summary'
import type { PublicBundle } from '../../services/articles/public-bundle'
import type { PublicReads } from '../../services/articles/read-batch'

/** What public read services run on: this request's database handles, the view counter's KV, the caller's categories. */
export const reads = (c: Context<AppEnv>): PublicReads => ({ db: c.var.db, d1: c.var.d1, kv: c.env.VIEWS, categories: c.var.feedScope?.categories ?? null })

/**
 * The serializer of this caller: the public article, or for a summary-only key
 * the partner summary view (no `body_html`: serializers/article-summary.ts).
 */
export function articleView(c: Context<AppEnv>): <T extends { body_html?: string }>(article: T) => T {
  return c.var.feedScope?.fullBody === false ? withoutBody : (article) => article
}

/** Published articles as this caller may see them, each with the view count its read returned. */
export function serializeArticles(c: Context<AppEnv>, bundles: PublicBundle[]) {
  const settings = siteSettings(c.env)
  const view = articleView(c)
  return bundles.map((b) => view(serializePublicArticle(b, settings, b.views)))
}
