import type { Context } from 'hono'
import type { AppEnv } from '../../middleware/database'
import { siteSettings } from '../../lib/settings'
import { serializePublicArticle } from '../../serializers/article-public'
import type { ArticleBundle } from '../../services/articles/bundle'
import { viewTotals } from '../../services/views/read'

/** Published articles as the public API shows them, each with its current view count. */
export async function serializeArticles(c: Context<AppEnv>, bundles: ArticleBundle[]) {
  const settings = siteSettings(c.env)
  const views = await viewTotals(c.var.d1, c.env.VIEWS, bundles.map((b) => b.article.id))
  return bundles.map((b) => serializePublicArticle(b, settings, views.get(b.article.id) ?? 0))
}
