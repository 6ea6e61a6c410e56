import type { Context } from 'hono'
import type { AppEnv } from '../../middleware/database'
import { siteSettings } from '../../lib/settings'
import { serializePublicArticle } from '../../serializers/article-public'
import type { PublicBundle } from '../../services/articles/public-bundle'
import type { PublicReads } from '../../services/articles/read-batch'

/** What public read services run on: this request's database handles and the view counter's KV. */
export const reads = (c: Context<AppEnv>): PublicReads => ({ db: c.var.db, d1: c.var.d1, kv: c.env.VIEWS })

/** Published articles as the public API shows them, each with the view count its read returned. */
export function serializeArticles(c: Context<AppEnv>, bundles: PublicBundle[]) {
  const settings = siteSettings(c.env)
  return bundles.map((b) => serializePublicArticle(b, settings, b.views))
}
