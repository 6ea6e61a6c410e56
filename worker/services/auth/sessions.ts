import { runBatch } from '../../db/batch'
import type { Db, D1Handle } from '../../db/client'
import { auditInsert } from '../audit'
import { randomSecret, sha256Hex } from '../../lib/secret-token'
import { isStale, STAFF_COLUMNS, toStaffUser, type ClientInfo, type StaffUser } from './staff'

/**
 * Newsroom sessions: a shift is at most 12 hours, so a login lasts at most that long
 * whatever happens (absolute expiry); a browser left alone for 2 hours is signed out
 * (idle timeout). `last_seen_at` is written at most once a minute, not on every
 * request, so reading the admin API does not cost a D1 write per call.
 */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000
export const SESSION_TOUCH_INTERVAL_MS = 60 * 1000

export interface SessionAuth {
  user: StaffUser
  sessionId: number
}

/**
 * A new session, not yet stored: run `insert` (in the login's batch). The token goes
 * in the cookie and is never stored.
 */
export async function newSession(db: Db, userId: number, client: ClientInfo, now = new Date()) {
  const token = randomSecret(32)
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS)
  const insert = db.insertInto('sessions').values({
    token_hash: await sha256Hex(token),
    user_id: userId,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: expiresAt.toISOString(),
    ip: client.ip,
    user_agent: client.userAgent?.slice(0, 300) ?? null,
  })
  return { token, expiresAt, insert }
}

/**
 * The user behind a session cookie, or null when the session is unknown, past its
 * absolute expiry, idle too long, or its user is suspended. A dead session is
 * deleted on sight.
 */
export async function authenticateSession(db: Db, token: string, now = new Date()): Promise<SessionAuth | null> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id', 's.expires_at', 's.last_seen_at', ...STAFF_COLUMNS])
    .where('s.token_hash', '=', await sha256Hex(token))
    .executeTakeFirst()
  if (!row) return null
  const expired = now.getTime() >= Date.parse(row.expires_at)
  const idle = isStale(row.last_seen_at, now, SESSION_IDLE_MS)
  if (expired || idle) {
    await db.deleteFrom('sessions').where('id', '=', row.id).execute()
    return null
  }
  if (row.status !== 'active') return null
  if (isStale(row.last_seen_at, now, SESSION_TOUCH_INTERVAL_MS)) {
    await db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id', '=', row.id).execute()
  }
  return { user: toStaffUser(row), sessionId: row.id }
}

/** Ends one session (logout), audited in the same batch. */
export async function endSession(db: Db, d1: D1Handle, user: StaffUser, sessionId: number, ip: string | null) {
  await runBatch(d1, [
    db.deleteFrom('sessions').where('id', '=', sessionId),
    auditInsert(db, { actorId: user.id, action: 'logout', resourceType: 'user', resourceId: user.id, ip }),
  ])
}

/** Deletes every session of a user but `keepSessionId` (password change, suspension). */
export function deleteUserSessionsQuery(db: Db, userId: number, keepSessionId?: number) {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId)
  if (keepSessionId !== undefined) query = query.where('id', '<>', keepSessionId)
  return query
}

/** Removes sessions past their absolute expiry (a sweep, run opportunistically at login). */
export const deleteExpiredSessionsQuery = (db: Db, now = new Date()) =>
  db.deleteFrom('sessions').where('expires_at', '<=', now.toISOString())
