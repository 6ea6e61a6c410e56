import type { Db } from '../db/client'

export interface AuditLogFilter {
  limit: number
  beforeId?: number
  actorId?: number
  resourceType?: string
  resourceId?: string
  action?: string
}

/**
 * The audit log newest first (ids grow with time), keyset-paginated by id. Filters by
 * actor or by resource walk their own index (audit_log_actor, audit_log_resource).
 */
export function listAuditLog(db: Db, f: AuditLogFilter) {
  let query = db.selectFrom('audit_log').selectAll()
  if (f.beforeId !== undefined) query = query.where('id', '<', f.beforeId)
  if (f.actorId !== undefined) query = query.where('actor_id', '=', f.actorId)
  if (f.resourceType !== undefined) query = query.where('resource_type', '=', f.resourceType)
  if (f.resourceId !== undefined) query = query.where('resource_id', '=', f.resourceId)
  if (f.action !== undefined) query = query.where('action', '=', f.action)
  return query.orderBy('id', 'desc').limit(f.limit).execute()
}
