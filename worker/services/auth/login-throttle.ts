import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../../db/client'
import { ipThrottleKey } from '../../lib/ip-key'

/**
 * Brute-force protection kept in D1 (so every isolate sees it). Failed logins are
 * counted per account (by the typed email, known or not) and per client address
 * (IPv4, or the IPv6 /64: lib/ip-key.ts). An account locks at its 5th failure
 * for 10 minutes; each failure after a lock ends doubles it, up to 4 hours. An
 * address locks at 20 failures, or as soon as it has failed on 5 different
 * accounts (a password spray), with the same doubling. A success clears the
 * account key (never the address key, or one valid account would reset a
 * guessing run). A key with no failure for a day starts again from zero.
 *
 * A locked account still lets in the right password from an address with no
 * failure on record: the attacker's addresses are the ones that failed, so
 * guessing cannot lock the owner out (README, "Login throttling"). A wrong
 * password from such an address counts and answers "locked" like any other.
 */
export const ACCOUNT_MAX_FAILURES = 5
export const IP_MAX_FAILURES = 20
export const IP_MAX_ACCOUNTS = 5
export const LOCKOUT_BASE_SECONDS = 10 * 60
export const LOCKOUT_MAX_SECONDS = 4 * 60 * 60
export const THROTTLE_FORGET_MS = 24 * 60 * 60 * 1000

export interface ThrottleKey {
  key: string
  /** `spray` rows mark one (address, account) pair that failed; they never lock. */
  kind: 'account' | 'ip' | 'spray'
}

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`
const sprayPrefix = (ipKey: string) => `spray:${ipKey}|`

/** The keys one login attempt counts against; an unparseable address adds none. */
export function throttleKeys(email: string, ip: string | null): ThrottleKey[] {
  const account = accountKey(email)
  const address = ipThrottleKey(ip)
  if (!address) return [{ key: account, kind: 'account' }]
  // The spray row goes before the address row: the address's upsert counts it.
  return [{ key: account, kind: 'account' }, { key: sprayPrefix(address) + account, kind: 'spray' }, { key: address, kind: 'ip' }]
}

export interface LockState {
  /** Seconds until every locked key unlocks; 0 when none is locked. */
  seconds: number
  /** Only the account is locked and this address has never failed: the right password may pass. */
  cleanAddress: boolean
}

/** Where the keys stand now (one statement). */
export async function lockState(db: Db, keys: ThrottleKey[], now = new Date()): Promise<LockState> {
  const rows = await db.selectFrom('login_throttle').select(['key', 'locked_until']).where('key', 'in', keys.map((k) => k.key)).execute()
  const lockedKeys = rows.filter((r) => r.locked_until !== null && Date.parse(r.locked_until) > now.getTime())
  const until = Math.max(0, ...lockedKeys.map((r) => Date.parse(r.locked_until!)))
  const seconds = until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0
  const address = keys.find((k) => k.kind === 'ip')
  const cleanAddress = address !== undefined && !rows.some((r) => r.key === address.key) && lockedKeys.every((r) => r.key === keys[0]!.key)
  return { seconds, cleanAddress }
}

export const lockedForSeconds = async (db: Db, keys: ThrottleKey[], now = new Date()) => (await lockState(db, keys, now)).seconds

/**
 * One atomic upsert per key that counts a failure and, at or past the threshold,
 * sets the doubled lock, all in SQL so concurrent failures cannot lose a count.
 */
export function recordFailureQueries(db: Db, keys: ThrottleKey[], now = new Date()) {
  const nowIso = now.toISOString()
  const forgetBefore = new Date(now.getTime() - THROTTLE_FORGET_MS).toISOString()
  const address = keys.find((k) => k.kind === 'ip')?.key
  return keys.map(({ key, kind }) => {
    const failures = sql<number>`(CASE WHEN login_throttle.updated_at < ${forgetBefore} THEN 1 ELSE login_throttle.failures + 1 END)`
    const over = kind === 'account' ? sql`${failures} - ${ACCOUNT_MAX_FAILURES}` : sprayOver(failures, address!, forgetBefore)
    const seconds = sql`min(${LOCKOUT_BASE_SECONDS} << min(${over}, 30), ${LOCKOUT_MAX_SECONDS})`
    const lock: RawBuilder<string | null> =
      kind === 'spray' ? sql`NULL` : sql`CASE WHEN ${over} >= 0 THEN strftime('%Y-%m-%dT%H:%M:%fZ', ${nowIso}, '+' || ${seconds} || ' seconds') ELSE NULL END`
    return db
      .insertInto('login_throttle')
      // A first failure never locks: every threshold is above 1.
      .values({ key, failures: 1, locked_until: null, updated_at: nowIso })
      .onConflict((oc) => oc.column('key').doUpdateSet({ failures, locked_until: lock, updated_at: nowIso }))
  })
}

/** How far an address is past its limits: total failures, or distinct accounts it failed on (one index range). */
function sprayOver(failures: RawBuilder<number>, address: string, forgetBefore: string) {
  const prefix = sprayPrefix(address)
  // '}' sorts right after '|': the range holds exactly the keys that start with the prefix.
  const accounts = sql`(SELECT count(*) FROM login_throttle AS s WHERE s.key >= ${prefix} AND s.key < ${prefix.slice(0, -1) + '}'} AND s.updated_at >= ${forgetBefore})`
  return sql`max(${failures} - ${IP_MAX_FAILURES}, ${accounts} - ${IP_MAX_ACCOUNTS})`
}

/** Forgets an account's failures after a successful login. */
export const clearAccountFailuresQuery = (db: Db, email: string) => db.deleteFrom('login_throttle').where('key', '=', accountKey(email))

/** Drops rows that are neither locked nor recent (a sweep, run at login). */
export const sweepThrottleQuery = (db: Db, now = new Date()) =>
  db
    .deleteFrom('login_throttle')
    .where('updated_at', '<', new Date(now.getTime() - THROTTLE_FORGET_MS).toISOString())
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now.toISOString())]))
