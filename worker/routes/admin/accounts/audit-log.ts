import { Hono } from 'hono'
import { describeRoute } from 'hono-openapi'
import { AuditLogList, AuditLogQuery } from '../../../../schema/api/auth'
import { idFromCursor, idPage } from '../../../lib/id-page'
import { siteSettings } from '../../../lib/settings'
import { requireRole, requireStaff, type AdminEnv } from '../../../middleware/auth'
import { validate } from '../../../middleware/validate'
import { serializeAuditEntry } from '../../../serializers/audit-entry'
import { listAuditLog } from '../../../services/audit-log'
import { adminResponses } from './openapi'

/** Who did what to which resource, for admins. */
export const auditLogRoutes = new Hono<AdminEnv>().get(
  '/audit-log',
  describeRoute({
    tags: ['Admin: audit log'],
    summary: 'Read the audit log',
    description: 'Admins only. Newest first, keyset-paginated; filter by `actor_id`, by `resource_type` (and `resource_id`), or by `action`.',
    responses: adminResponses(AuditLogList, { 403: 'Not an admin' }),
  }),
  requireStaff(),
  requireRole('admin'),
  validate('query', AuditLogQuery),
  async (c) => {
    const q = c.req.valid('query')
    const rows = await listAuditLog(c.var.db, {
      limit: q.limit + 1,
      beforeId: idFromCursor(q.cursor, '-id'),
      actorId: q.actor_id,
      resourceType: q.resource_type,
      resourceId: q.resource_id,
      action: q.action,
    })
    const { page, nextCursor } = idPage(rows, q.limit, '-id')
    const timeZone = siteSettings(c.env).timeZone
    return c.json({ data: page.map((e) => serializeAuditEntry(e, timeZone)), next_cursor: nextCursor }, 200)
  },
)
