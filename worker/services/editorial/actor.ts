import type { Actor as StaffActor } from '../auth/staff'

/**
 * Who is acting on content, as services need it (permissions, `created_by`, the
 * audit log): a staff member, or the system itself with a null id.
 */
export type Actor = Omit<StaffActor, 'id'> & { id: number | null }

/** The cron tick acting on its own (scheduled publishing). */
export const SYSTEM_ACTOR: Actor = { id: null, role: 'admin', ip: null }
