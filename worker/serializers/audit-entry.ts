import { isJsonObject } from '../../schema/api/common'
import type { AuditLogRow } from '../../schema/tables/auth'
import { toZonedIso } from '../lib/time'

function parseDetails(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json)
    return isJsonObject(value) ? value : {}
  } catch {
    return {}
  }
}

/** One audit line for admins. */
export const serializeAuditEntry = (e: AuditLogRow, timeZone: string) => ({
  id: e.id,
  actor_id: e.actor_id,
  action: e.action,
  resource_type: e.resource_type,
  resource_id: e.resource_id,
  details: parseDetails(e.details),
  ip: e.ip,
  created_at: toZonedIso(e.created_at, timeZone),
})
