import type { User } from '../../schema/database'
import { toZonedIso } from '../lib/time'

export type StaffUserRow = Pick<User, 'id' | 'email' | 'name' | 'role' | 'status' | 'version' | 'created_at' | 'updated_at'>

/** A staff account as the admin API shows it: never the password hash. */
export const serializeStaffUser = (u: StaffUserRow, timeZone: string) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  status: u.status,
  version: u.version,
  created_at: toZonedIso(u.created_at, timeZone),
  updated_at: toZonedIso(u.updated_at, timeZone),
})
