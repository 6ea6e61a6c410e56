import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { versionTag } from '../../lib/precondition'
import { siteSettings } from '../../lib/settings'
import { actorOf, type AdminEnv } from '../../middleware/auth'
import { serializeAdminArticle } from '../../serializers/article-admin'
import { getAdminArticle } from '../../services/editorial/admin-read'

/** Answers with the admin view of article `id`, its version as the ETag (for the next If-Match). */
export async function articleResponse(c: Context<AdminEnv>, id: number, status: ContentfulStatusCode = 200) {
  const article = serializeAdminArticle(await getAdminArticle(c.var.db, id, actorOf(c)), siteSettings(c.env))
  c.header('ETag', versionTag(article.version))
  return c.json({ data: article }, status)
}
