import { Hono } from 'hono'
import { describeRoute } from 'hono-openapi'
import { AdminSearchList, AdminSearchQuery } from '../../../schema/api/search'
import { siteSettings } from '../../lib/settings'
import { actorOf, type AdminEnv } from '../../middleware/auth'
import { validate } from '../../middleware/validate'
import { serializeAdminSearchHit } from '../../serializers/search-admin'
import { searchAllArticles } from '../../services/search/search'
import { responses } from '../public/openapi-helpers'

/**
 * Editors' search over every article, whatever its status (the trash with
 * `trash=true`), that the searcher may read (read-rules.ts). Same matching and ranking as the public search. Staff only: it is
 * mounted at /api/admin/search behind requireStaff().
 */
export const adminSearch = new Hono<AdminEnv>().get(
  '/',
  describeRoute({
    tags: ['Admin: search'],
    summary: 'Search every article (any status)',
    description: 'Ranked like the public search; `status` narrows to one workflow state, `trash=true` searches deleted articles.',
    responses: responses(AdminSearchList, { 401: 'Not signed in', 404: 'Unknown category' }),
  }),
  validate('query', AdminSearchQuery),
  async (c) => {
    const page = await searchAllArticles(c.var.db, { ...c.req.valid('query'), reader: actorOf(c) })
    const settings = siteSettings(c.env)
    return c.json({ data: page.items.map((row) => serializeAdminSearchHit(row, page.isHit, settings)), next_cursor: page.nextCursor }, 200)
  },
)
