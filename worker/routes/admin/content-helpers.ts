import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { getDb } from '../../db/client'
import { clientInfo } from '../../lib/client-info'
import { siteSettings } from '../../lib/settings'
import type { AdminEnv } from '../../middleware/auth'
import { serializeAdminArticle } from '../../serializers/article-admin'
import type { Actor } from '../../services/editorial/actor'
import { getAdminArticle } from '../../services/editorial/admin-read'

/** The signed-in user as the editorial services see them. */
export const actorOf = (c: Context<AdminEnv>): Actor => {
  const user = c.get('user')
  return { id: user.id, role: user.role, ip: clientInfo(c).ip }
}

/** Answers with the admin view of article `id`, its version as the ETag (for the next If-Match). */
export async function articleResponse(c: Context<AdminEnv>, id: number, status: ContentfulStatusCode = 200) {
  const article = serializeAdminArticle(await getAdminArticle(getDb(c.env.DB), id), siteSettings(c.env))
  c.header('ETag', `"${article.version}"`)
  return c.json({ data: article }, status)
}
