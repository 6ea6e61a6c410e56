import { sql, type Compilable } from 'kysely'
import type { Role } from '../../schema/database'
import { runBatch } from '../db/batch'
import type { Db, D1Handle } from '../db/client'
import { isUniqueViolation } from '../db/guard'
import { auditInsert } from './audit'
import { revokeUserAccessTokensQuery } from './auth/access-tokens'
import { deleteUserSessionsQuery } from './auth/sessions'
import type { Actor } from './auth/staff'
import { hashPassword } from './password'
import { createUserQuery, emailTaken, getUser, normalizeEmail, updateUserQuery, userAtVersion, type UserChanges, type UserStatus } from './users'

type UserRow = NonNullable<Awaited<ReturnType<typeof getUser>>>

export type CreateStaffResult = { kind: 'created'; user: UserRow } | { kind: 'email_taken' }
export type ChangeStaffResult =
  | { kind: 'changed'; user: UserRow }
  | { kind: 'not_found' }
  | { kind: 'stale'; version: number }
  | { kind: 'last_admin' }

/** An admin creates a staff account with an initial password; the audit line lands with it. */
export async function createStaffAccount(
  db: Db,
  d1: D1Handle,
  actor: Actor,
  input: { email: string; name: string; role: Role; password: string },
): Promise<CreateStaffResult> {
  if (await emailTaken(db, input.email)) return { kind: 'email_taken' }
  const insert = createUserQuery(db, { ...input, passwordHash: await hashPassword(input.password) })
  const audit = auditInsert(db, {
    actorId: actor.id,
    action: 'user.created',
    resourceType: 'user',
    resourceId: sql`last_insert_rowid()`,
    details: { email: normalizeEmail(input.email), role: input.role },
    ip: actor.ip,
  })
  try {
    await runBatch(d1, [insert, audit])
  } catch (err) {
    if (isUniqueViolation(err, 'users.email')) return { kind: 'email_taken' }
    throw err
  }
  const created = await db.selectFrom('users').select('id').where('email', '=', normalizeEmail(input.email)).executeTakeFirstOrThrow()
  return { kind: 'created', user: (await getUser(db, created.id))! }
}

function describeChange(before: UserRow, changes: UserChanges) {
  const diff: Record<string, { from: unknown; to: unknown }> = {}
  for (const key of ['name', 'role', 'status'] as const) {
    if (changes[key] !== undefined && changes[key] !== before[key]) diff[key] = { from: before[key], to: changes[key] }
  }
  const status = diff.status?.to as UserStatus | undefined
  const action = status === 'suspended' ? 'user.suspended' : status === 'active' ? 'user.reactivated' : 'user.changed'
  return { diff, action }
}

/**
 * An admin renames, re-roles, suspends or reactivates a staff account at a known
 * version. Suspension ends the user's sessions and revokes their tokens in the same
 * batch; every follow-up is guarded on the new version so nothing lands unless the
 * update did. Taking away the last active admin is refused.
 */
export async function changeStaffAccount(db: Db, d1: D1Handle, actor: Actor, id: number, expectedVersion: number, changes: UserChanges): Promise<ChangeStaffResult> {
  const before = await getUser(db, id)
  if (!before) return { kind: 'not_found' }
  if (before.version !== expectedVersion) return { kind: 'stale', version: before.version }
  const { diff, action } = describeChange(before, changes)
  if (Object.keys(diff).length === 0) return { kind: 'changed', user: before }

  const applied = userAtVersion(db, id, expectedVersion + 1)
  const queries: Compilable[] = [
    updateUserQuery(db, id, expectedVersion, changes),
    auditInsert(db, { actorId: actor.id, action, resourceType: 'user', resourceId: id, details: diff, ip: actor.ip }, { onlyIf: applied }),
  ]
  if (action === 'user.suspended') {
    queries.push(deleteUserSessionsQuery(db, id).where(() => applied), revokeUserAccessTokensQuery(db, id).where(() => applied))
  }
  const [update] = await runBatch(d1, queries)
  const row = update?.results[0] as UserRow | undefined
  if (row) return { kind: 'changed', user: row }
  const now = await getUser(db, id)
  if (!now) return { kind: 'not_found' }
  return now.version !== expectedVersion ? { kind: 'stale', version: now.version } : { kind: 'last_admin' }
}
