import { sql } from 'kysely'
import type { Db } from '../../db/client'

/**
 * Brute-force protection kept in D1 (so every isolate sees it). Failed logins are
 * counted per account (by the typed email, known or not) and per client IP. When a
 * key reaches its threshold it is locked for 1 minute; each further failure after
 * the lock ends doubles the lock, up to 1 hour. A success clears the account key
 * (never the IP key, or one valid account would reset a guessing run). A key with no
 * failure for a day starts again from zero.
 */
export const ACCOUNT_MAX_FAILURES = 5
export const IP_MAX_FAILURES = 20
export const LOCKOUT_BASE_SECONDS = 60
export const LOCKOUT_MAX_SECONDS = 60 * 60
export const THROTTLE_FORGET_MS = 24 * 60 * 60 * 1000

export interface ThrottleKey {
  key: string
  maxFailures: number
}

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`

/** The keys one login attempt counts against. */
export function throttleKeys(email: string, ip: string | null): ThrottleKey[] {
  return [
    { key: accountKey(email), maxFailures: ACCOUNT_MAX_FAILURES },
    { key: `ip:${ip ?? 'unknown'}`, maxFailures: IP_MAX_FAILURES },
  ]
}

/** Seconds until every key is unlocked; 0 when none is locked now. */
export async function lockedForSeconds(db: Db, keys: ThrottleKey[], now = new Date()): Promise<number> {
  const rows = await db
    .selectFrom('login_throttle')
    .select('locked_until')
    .where('key', 'in', keys.map((k) => k.key))
    .where('locked_until', '>', now.toISOString())
    .execute()
  const until = Math.max(0, ...rows.map((r) => Date.parse(r.locked_until!)))
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0
}

/**
 * One atomic upsert per key that counts a failure and, at or past the threshold,
 * sets the doubled lock, all in SQL so concurrent failures cannot lose a count.
 */
export function recordFailureQueries(db: Db, keys: ThrottleKey[], now = new Date()) {
  const nowIso = now.toISOString()
  const forgetBefore = new Date(now.getTime() - THROTTLE_FORGET_MS).toISOString()
  return keys.map(({ key, maxFailures }) => {
    const failures = sql<number>`(CASE WHEN login_throttle.updated_at < ${forgetBefore} THEN 1 ELSE login_throttle.failures + 1 END)`
    const seconds = sql`min(${LOCKOUT_BASE_SECONDS} << min(${failures} - ${maxFailures}, 30), ${LOCKOUT_MAX_SECONDS})`
    return db
      .insertInto('login_throttle')
      // A first failure never locks: every threshold is above 1.
      .values({ key, failures: 1, locked_until: null, updated_at: nowIso })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          failures,
          locked_until: sql<string | null>`CASE WHEN ${failures} >= ${maxFailures}
            THEN strftime('%Y-%m-%dT%H:%M:%fZ', ${nowIso}, '+' || ${seconds} || ' seconds')
            ELSE NULL END`,
          updated_at: nowIso,
        }),
      )
  })
}

/** Forgets an account's failures after a successful login. */
export const clearAccountFailuresQuery = (db: Db, email: string) =>
  db.deleteFrom('login_throttle').where('key', '=', accountKey(email))

/** Drops rows that are neither locked nor recent (a sweep, run at login). */
export const sweepThrottleQuery = (db: Db, now = new Date()) =>
  db
    .deleteFrom('login_throttle')
    .where('updated_at', '<', new Date(now.getTime() - THROTTLE_FORGET_MS).toISOString())
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now.toISOString())]))
