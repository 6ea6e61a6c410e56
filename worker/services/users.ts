import { sql, type Expression, type SqlBool } from 'kysely'
import type { Role } from '../../schema/database'
import type { Db } from '../db/client'

/** The user columns that may leave the building (never the password hash). */
export const USER_COLUMNS = ['id', 'email', 'name', 'role', 'status', 'version', 'created_at', 'updated_at'] as const

export type UserStatus = 'active' | 'suspended'

export interface NewStaff {
  email: string
  name: string
  role: Role
  passwordHash: string
}

export interface UserChanges {
  name?: string
  role?: Role
  status?: UserStatus
}

export interface UserListFilter {
  limit: number
  afterId?: number
  role?: Role
  status?: UserStatus
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase()

export function findUserForLogin(db: Db, email: string) {
  return db.selectFrom('users').select([...USER_COLUMNS, 'password_hash']).where('email', '=', normalizeEmail(email)).executeTakeFirst()
}

export function getUser(db: Db, id: number) {
  return db.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst()
}

export async function emailTaken(db: Db, email: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('email', '=', normalizeEmail(email)).executeTakeFirst()
  return row !== undefined
}

/** Staff in id order, keyset-paginated. */
export function listUsers(db: Db, filter: UserListFilter) {
  let query = db.selectFrom('users').select(USER_COLUMNS)
  if (filter.afterId !== undefined) query = query.where('id', '>', filter.afterId)
  if (filter.role) query = query.where('role', '=', filter.role)
  if (filter.status) query = query.where('status', '=', filter.status)
  return query.orderBy('id', 'asc').limit(filter.limit).execute()
}

export function createUserQuery(db: Db, staff: NewStaff, now = new Date()) {
  return db.insertInto('users').values({
    email: normalizeEmail(staff.email),
    name: staff.name,
    role: staff.role,
    password_hash: staff.passwordHash,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  })
}

/** True (in SQL) when user `id` is at `version`: guards the follow-ups of a versioned update in one batch. */
export const userAtVersion = (db: Db, id: number, version: number): Expression<SqlBool> =>
  sql<SqlBool>`EXISTS ${db.selectFrom('users').select('id').where('id', '=', id).where('version', '=', version)}`

/**
 * Applies `changes` to user `id` if it is still at `expectedVersion`, bumping the
 * version. When the change would take away an admin's role or activity, it applies
 * only while another active admin exists, checked in the same statement so two
 * admins demoting each other at once cannot leave the newsroom without one.
 */
export function updateUserQuery(db: Db, id: number, expectedVersion: number, changes: UserChanges, now = new Date()) {
  let query = db
    .updateTable('users')
    .set({ ...changes, updated_at: now.toISOString(), version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
  const losesAdmin = (changes.role !== undefined && changes.role !== 'admin') || changes.status === 'suspended'
  if (losesAdmin) {
    query = query.where((eb) =>
      eb.or([
        eb('role', '<>', 'admin'),
        eb('status', '<>', 'active'),
        eb.exists(
          db.selectFrom('users as other').select('other.id').where('other.role', '=', 'admin').where('other.status', '=', 'active').where('other.id', '<>', id),
        ),
      ]),
    )
  }
  return query.returning(USER_COLUMNS)
}

/** Sets a new password hash if the old one is still in place (two changes at once: one wins). */
export const setPasswordQuery = (db: Db, id: number, oldHash: string, newHash: string, now = new Date()) =>
  db
    .updateTable('users')
    .set({ password_hash: newHash, updated_at: now.toISOString(), version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('password_hash', '=', oldHash)

/** True (in SQL) when user `id` has this password hash: guards the follow-ups of a password change. */
export const userHasHash = (db: Db, id: number, hash: string): Expression<SqlBool> =>
  sql<SqlBool>`EXISTS ${db.selectFrom('users').select('id').where('id', '=', id).where('password_hash', '=', hash)}`

export async function countActiveAdmins(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function getPasswordHash(db: Db, id: number): Promise<string | undefined> {
  const row = await db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirst()
  return row?.password_hash
}
