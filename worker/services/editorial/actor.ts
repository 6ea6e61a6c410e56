import type { Role } from '../../../schema/database'

/** Who is acting, as services need it: for permissions, `created_by` and the audit log. */
export interface Actor {
  /** null for the system itself (the cron publisher). */
  id: number | null
  role: Role
  ip?: string | null
}

/** The cron tick acting on its own (scheduled publishing). */
export const SYSTEM_ACTOR: Actor = { id: null, role: 'admin', ip: null }
