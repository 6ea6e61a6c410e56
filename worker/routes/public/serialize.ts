import { siteSettings } from '../../lib/settings'
import { serializePublicArticle } from '../../serializers/article-public'
import type { ArticleBundle } from '../../services/articles/bundle'
import { viewTotals } from '../../services/views/read'

/** Published articles as the public API shows them, each with its current view count. */
export async function serializeArticles(env: Env, bundles: ArticleBundle[]) {
  const settings = siteSettings(env)
  const views = await viewTotals(env, bundles.map((b) => b.article.id))
  return bundles.map((b) => serializePublicArticle(b, settings, views.get(b.article.id) ?? 0))
}
