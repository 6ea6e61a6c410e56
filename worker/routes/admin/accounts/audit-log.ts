import { Hono } from 'hono'
import { describeRoute } from 'hono-openapi'
import { AuditLogList, AuditLogQuery } from '../../../../schema/api/auth'
import { getDb } from '../../../db/client'
import { decodeCursor, encodeCursor } from '../../../lib/cursor'
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
    const rows = await listAuditLog(getDb(c.env.DB), {
      limit: q.limit + 1,
      beforeId: q.cursor ? decodeCursor(q.cursor, '-id').id : undefined,
      actorId: q.actor_id,
      resourceType: q.resource_type,
      resourceId: q.resource_id,
      action: q.action,
    })
    const page = rows.slice(0, q.limit)
    const last = page[page.length - 1]
    const next = rows.length > q.limit && last ? encodeCursor({ sort: '-id', value: last.id, id: last.id }) : null
    const timeZone = siteSettings(c.env).timeZone
    return c.json({ data: page.map((e) => serializeAuditEntry(e, timeZone)), next_cursor: next }, 200)
  },
)
