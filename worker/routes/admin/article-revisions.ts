import { Hono } from 'hono'
import { describeRoute } from 'hono-openapi'
import { AdminArticleResponse, EmptyBody, RevisionDetail, RevisionList, RevisionParam } from '../../../schema/api/admin-articles'
import { IfMatchHeader } from '../../../schema/api/admin-common'
import { IdParam } from '../../../schema/api/common'
import { NoQuery, TaxonomyListQuery } from '../../../schema/api/taxonomy'
import { siteSettings } from '../../lib/settings'
import { actorOf, type AdminEnv } from '../../middleware/auth'
import { validate } from '../../middleware/validate'
import { serializeRevision, serializeRevisionSummary } from '../../serializers/revision-admin'
import { getRevision, listRevisions, restoreRevision } from '../../services/editorial/revisions'
import { adminResponses } from './accounts/openapi'
import { articleResponse } from './content-helpers'

const tags = ['Admin: revisions']

/** An article's history: list, view, restore. */
export const adminRevisionRoutes = new Hono<AdminEnv>()
  .get(
    '/:id/revisions',
    describeRoute({ tags, summary: 'Revisions of an article, newest first', responses: adminResponses(RevisionList, { 404: 'No such article' }) }),
    validate('param', IdParam),
    validate('query', TaxonomyListQuery),
    async (c) => {
      const page = await listRevisions(c.var.db, actorOf(c), c.req.valid('param').id, c.req.valid('query'))
      const settings = siteSettings(c.env)
      return c.json({ data: page.items.map((r) => serializeRevisionSummary(r, settings)), next_cursor: page.nextCursor }, 200)
    },
  )
  .get(
    '/:id/revisions/:rev',
    describeRoute({ tags, summary: 'One revision with its snapshot', responses: adminResponses(RevisionDetail, { 404: 'No such article or revision' }) }),
    validate('param', RevisionParam),
    validate('query', NoQuery),
    async (c) => {
      const { id, rev } = c.req.valid('param')
      return c.json({ data: serializeRevision(await getRevision(c.var.db, actorOf(c), id, rev), siteSettings(c.env)) }, 200)
    },
  )
  .post(
    '/:id/revisions/:rev/restore',
    describeRoute({ tags, summary: 'Restore a revision', description: 'Its content becomes a new version (the history is kept); the workflow status does not change. If-Match is optional.', responses: adminResponses(AdminArticleResponse, { 403: 'Your role may not edit this article', 404: 'No such article or revision', 409: 'The revision refers to something deleted, or its slug is taken', 412: 'Stale If-Match version' }) }),
    validate('param', RevisionParam),
    validate('header', IfMatchHeader),
    validate('json', EmptyBody),
    async (c) => {
      const { id, rev } = c.req.valid('param')
      await restoreRevision(c.var.db, c.var.d1, id, rev, c.req.valid('header')['if-match'], actorOf(c), siteSettings(c.env))
      return articleResponse(c, id)
    },
  )
