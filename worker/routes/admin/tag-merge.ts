import { Hono } from 'hono'
import { describeRoute } from 'hono-openapi'
import { AdminTagResponse, TagMergeBody } from '../../../schema/api/admin-taxonomies'
import { IdParam } from '../../../schema/api/common'
import { versionTag } from '../../lib/precondition'
import { siteSettings } from '../../lib/settings'
import { actorOf, requireRole, type AdminEnv } from '../../middleware/auth'
import { validate } from '../../middleware/validate'
import { serializeAdminTag } from '../../serializers/taxonomy-admin'
import { mergeTag } from '../../services/editorial/tag-merge'
import { getAdminTag } from '../../services/editorial/tags'
import { adminResponses } from './accounts/openapi'

/** Merging one tag into another (mounted under /tags beside the CRUD routes). */
export const adminTagMerge = new Hono<AdminEnv>().post(
  '/:id/merge',
  describeRoute({
    tags: ['Admin: tags'],
    summary: 'Merge a tag into another',
    description: 'Editors and admins. Every article with tag `{id}` gets tag `into` instead, and `{id}` is deleted, in one batch. Answers the tag merged into.',
    responses: adminResponses(AdminTagResponse, { 403: 'Editors and admins only', 404: 'No such tag', 409: 'The target tag was deleted meanwhile' }),
  }),
  requireRole('admin', 'editor'),
  validate('param', IdParam),
  validate('json', TagMergeBody),
  async (c) => {
    const { into } = c.req.valid('json')
    await mergeTag(c.var.db, c.var.d1, c.req.valid('param').id, into, actorOf(c))
    const tag = await getAdminTag(c.var.db, into)
    c.header('ETag', versionTag(tag.version))
    return c.json({ data: serializeAdminTag(tag, siteSettings(c.env)) }, 200)
  },
)
