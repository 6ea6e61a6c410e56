import type { Role } from '../../../schema/database'

/** The signed-in staff member a request acts as. */
export type StaffUser = { id: number; email: string; name: string; role: Role }

/** Where a request came from, for sessions and the audit log. */
export interface ClientInfo {
  ip: string | null
  userAgent: string | null
}

/**
 * The signed-in staff member performing a write: their id and IP for the audit log,
 * their role for the editorial rules. Routes get it from `actorOf(c)`.
 */
export interface Actor {
  id: number
  role: Role
  ip: string | null
}

/** The user columns a credential lookup selects, aliased the same way everywhere. */
export const STAFF_COLUMNS = ['u.id as user_id', 'u.email', 'u.name', 'u.role', 'u.status'] as const

export const toStaffUser = (row: { user_id: number; email: string; name: string; role: Role }): StaffUser => ({
  id: row.user_id,
  email: row.email,
  name: row.name,
  role: row.role,
})

/** True when a stored timestamp is at least `intervalMs` old: used to write "last seen" at most that often. */
export const isStale = (iso: string | null, now: Date, intervalMs: number) =>
  iso === null || now.getTime() - Date.parse(iso) >= intervalMs
