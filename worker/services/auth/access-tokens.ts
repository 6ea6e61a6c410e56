import type { Db } from '../../db/client'
import { randomSecret, sha256Hex } from '../../lib/secret-token'
import { isStale, STAFF_COLUMNS, toStaffUser, type StaffUser } from './staff'
import { effectiveScopes, formatScopes, type TokenScope } from './token-scopes'

/** Every personal access token starts with this, so a leaked one is recognisable (and scannable). */
export const ACCESS_TOKEN_PREFIX = 'tin_pat_'
/** How much of the secret lists show: the fixed prefix plus 4 random characters. */
export const ACCESS_TOKEN_SHOWN_CHARS = ACCESS_TOKEN_PREFIX.length + 4
export const ACCESS_TOKEN_DEFAULT_DAYS = 90
export const ACCESS_TOKEN_MAX_DAYS = 366
const TOUCH_INTERVAL_MS = 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000

const COLUMNS = ['id', 'user_id', 'name', 'token_prefix', 'created_at', 'last_used_at', 'expires_at', 'revoked_at', 'scopes'] as const

/** Mints a token for a user with `scopes` (checked against the role by the caller). The returned `secret` is shown once and never stored. */
export async function createAccessToken(db: Db, userId: number, name: string, days: number, scopes: readonly TokenScope[], now = new Date()) {
  const secret = ACCESS_TOKEN_PREFIX + randomSecret(32)
  const insert = db
    .insertInto('personal_access_tokens')
    .values({
      user_id: userId,
      name,
      token_hash: await sha256Hex(secret),
      token_prefix: secret.slice(0, ACCESS_TOKEN_SHOWN_CHARS),
      created_at: now.toISOString(),
      last_used_at: null,
      expires_at: new Date(now.getTime() + days * DAY_MS).toISOString(),
      revoked_at: null,
      scopes: formatScopes(scopes),
    })
    .returning(COLUMNS)
  return { insert, secret }
}

/** A user's tokens, newest first, revoked and expired ones included (they show as such). */
export function listAccessTokens(db: Db, userId: number, limit: number, beforeId?: number) {
  let query = db.selectFrom('personal_access_tokens').select(COLUMNS).where('user_id', '=', userId)
  if (beforeId !== undefined) query = query.where('id', '<', beforeId)
  return query.orderBy('id', 'desc').limit(limit).execute()
}

export function findAccessToken(db: Db, userId: number, id: number) {
  return db.selectFrom('personal_access_tokens').select(COLUMNS).where('user_id', '=', userId).where('id', '=', id).executeTakeFirst()
}

/** Revokes one live token of a user; the query touches nothing when it is already revoked. */
export const revokeAccessTokenQuery = (db: Db, userId: number, id: number, now = new Date()) =>
  db
    .updateTable('personal_access_tokens')
    .set({ revoked_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)

/** Revokes every live token of a user (suspension, password change). */
export const revokeUserAccessTokensQuery = (db: Db, userId: number, now = new Date()) =>
  db.updateTable('personal_access_tokens').set({ revoked_at: now.toISOString() }).where('user_id', '=', userId).where('revoked_at', 'is', null)

/**
 * The user behind a bearer token and the scopes it holds now (its own, narrowed to
 * what the user's current role allows), or null when it is unknown, revoked,
 * expired, or its user is suspended. `last_used_at` moves at most once a minute.
 */
export async function authenticateAccessToken(db: Db, secret: string, now = new Date()): Promise<{ user: StaffUser; scopes: TokenScope[] } | null> {
  if (!secret.startsWith(ACCESS_TOKEN_PREFIX)) return null
  const row = await db
    .selectFrom('personal_access_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(['t.id', 't.expires_at', 't.last_used_at', 't.revoked_at', 't.scopes', ...STAFF_COLUMNS])
    .where('t.token_hash', '=', await sha256Hex(secret))
    .executeTakeFirst()
  if (!row || row.revoked_at !== null || now.getTime() >= Date.parse(row.expires_at) || row.status !== 'active') return null
  if (isStale(row.last_used_at, now, TOUCH_INTERVAL_MS)) {
    await db.updateTable('personal_access_tokens').set({ last_used_at: now.toISOString() }).where('id', '=', row.id).execute()
  }
  return { user: toStaffUser(row), scopes: effectiveScopes(row.scopes, row.role) }
}
