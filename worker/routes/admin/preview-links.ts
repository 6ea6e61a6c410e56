import { Hono } from 'hono'
import { describeRoute } from 'hono-openapi'
import { PreviewLinkBody } from '../../../schema/api/admin-articles'
import { IdParam } from '../../../schema/api/common'
import { PreviewLinkCreated, PreviewLinkList, PreviewLinkParam } from '../../../schema/api/preview-links'
import { NoQuery } from '../../../schema/api/taxonomy'
import { siteSettings } from '../../lib/settings'
import { toZonedIso } from '../../lib/time'
import { actorOf, type AdminEnv } from '../../middleware/auth'
import { validate } from '../../middleware/validate'
import { serializePreviewLink } from '../../serializers/preview-link-admin'
import { listPreviewLinks, revokePreviewLink } from '../../services/editorial/preview-link-admin'
import { createPreviewLink } from '../../services/editorial/preview-links'
import { adminResponses } from './accounts/openapi'

const tags = ['Admin: preview links']
const dies = 'A link dies when it is revoked, when the article goes to the trash, is set back to draft, or its scheduled time (embargo) changes; a restore does not revive it.'

/** An article's signed preview links: mint, list, revoke. */
export const adminPreviewLinkRoutes = new Hono<AdminEnv>()
  .post(
    '/:id/preview-link',
    describeRoute({ tags, summary: 'A signed, expiring, revocable preview link', description: `Anyone with the link can read the article (any status) until it expires (default 24 h, at most 7 days). Needs the right to edit the article. ${dies}`, responses: adminResponses(PreviewLinkCreated, { 403: 'You may not edit this article (minting a link needs the right to edit it)', 404: 'No such article, or one you may not read', 409: 'The article is in the trash' }, 201) }),
    validate('param', IdParam),
    validate('json', PreviewLinkBody),
    async (c) => {
      const settings = siteSettings(c.env)
      const link = await createPreviewLink(c.var.db, c.req.valid('param').id, c.req.valid('json').expires_in, actorOf(c))
      return c.json({ data: { id: link.id, url: `${settings.url}/api/v1/preview/${link.token}`, token: link.token, expires_at: toZonedIso(link.expiresAt, settings.timeZone) } }, 201)
    },
  )
  .get(
    '/:id/preview-links',
    describeRoute({ tags, summary: 'The preview links of an article, newest first', description: `The latest 100, active, expired and revoked, without their tokens. ${dies}`, responses: adminResponses(PreviewLinkList, { 404: 'No such article, or one you may not read' }) }),
    validate('param', IdParam),
    validate('query', NoQuery),
    async (c) => {
      const rows = await listPreviewLinks(c.var.db, c.req.valid('param').id, actorOf(c))
      const timeZone = siteSettings(c.env).timeZone
      return c.json({ data: rows.map((r) => serializePreviewLink(r, timeZone)), next_cursor: null }, 200)
    },
  )
  .delete(
    '/:id/preview-links/:link',
    describeRoute({ tags, summary: 'Revoke a preview link', description: 'Takes effect at once (checked in D1 on every preview read). Needs the right to edit the article; revoking a revoked link is a no-op.', responses: adminResponses(null, { 403: 'You may not edit this article', 404: 'No such article or link', 409: 'The article is in the trash (its links are already dead)' }, 204) }),
    validate('param', PreviewLinkParam),
    async (c) => {
      const { id, link } = c.req.valid('param')
      await revokePreviewLink(c.var.db, id, link, actorOf(c))
      return c.body(null, 204)
    },
  )
