import { runBatch } from '../../db/batch'
import type { Db, D1Handle } from '../../db/client'
import { auditInsert } from '../audit'
import { verifyAgainstNothing, verifyPassword } from '../password'
import { findUserForLogin } from '../users'
import { clearAccountFailuresQuery, lockState, recordFailureQueries, sweepThrottleQuery, throttleKeys } from './login-throttle'
import { deleteExpiredSessionsQuery, newSession } from './sessions'
import type { ClientInfo } from './staff'

export type LoginResult =
  | { kind: 'ok'; user: NonNullable<Awaited<ReturnType<typeof findUserForLogin>>>; token: string; expiresAt: Date }
  | { kind: 'locked'; retryAfterSeconds: number }
  | { kind: 'invalid' }

/**
 * One login attempt. A locked address, or a locked account tried from an address
 * that has failed before, is refused before any password is checked, even a
 * correct one. A locked account tried from an address with no failure on record
 * gets its password checked: right, it signs in (the owner is never locked out by
 * someone else's guessing); wrong, it counts and answers "locked" like the rest. An unknown email costs the same PBKDF2 work and
 * writes the same rows as a wrong password, so neither the answer nor its timing
 * tells whether the account exists. A suspended account fails like a wrong password.
 */
export async function attemptLogin(db: Db, d1: D1Handle, email: string, password: string, client: ClientInfo, now = new Date()): Promise<LoginResult> {
  const keys = throttleKeys(email, client.ip)
  const lock = await lockState(db, keys, now)
  if (lock.seconds > 0 && !lock.cleanAddress) return { kind: 'locked', retryAfterSeconds: lock.seconds }

  const user = await findUserForLogin(db, email)
  const matches = user ? await verifyPassword(password, user.password_hash) : await verifyAgainstNothing(password)
  if (!user || !matches || user.status !== 'active') {
    await runBatch(d1, [
      ...recordFailureQueries(db, keys, now),
      auditInsert(db, {
        actorId: null,
        action: 'login.failed',
        resourceType: 'user',
        resourceId: user?.id ?? null,
        details: { email: email.trim().toLowerCase().slice(0, 254) },
        ip: client.ip,
      }),
    ])
    return lock.seconds > 0 ? { kind: 'locked', retryAfterSeconds: lock.seconds } : { kind: 'invalid' }
  }

  const session = await newSession(db, user.id, client, now)
  await runBatch(d1, [
    session.insert,
    clearAccountFailuresQuery(db, email),
    deleteExpiredSessionsQuery(db, now),
    sweepThrottleQuery(db, now),
    auditInsert(db, { actorId: user.id, action: 'login.succeeded', resourceType: 'user', resourceId: user.id, details: lock.seconds > 0 ? { during_lock: true } : {}, ip: client.ip }),
  ])
  return { kind: 'ok', user, token: session.token, expiresAt: session.expiresAt }
}
