import { runBatch } from '../../db/batch'
import type { Db, D1Handle } from '../../db/client'
import { auditInsert } from '../audit'
import { hashPassword, verifyPassword } from '../password'
import { getPasswordHash, setPasswordQuery, userHasHash } from '../users'
import { lockedForSeconds, recordFailureQueries, throttleKeys } from './login-throttle'
import { deleteUserSessionsQuery } from './sessions'
import { revokeUserAccessTokensQuery } from './access-tokens'
import type { ClientInfo, StaffUser } from './staff'

export type ChangePasswordResult = 'changed' | 'wrong_password' | 'conflict' | { lockedForSeconds: number }

/**
 * Changes the signed-in user's password after checking the current one. A wrong
 * current password counts as a failed login (so a stolen session cannot guess it
 * freely). On success every other session of the user ends and every personal
 * access token is revoked, in the same batch: whoever learned the old password
 * may have minted a token with it.
 */
export async function changePassword(
  db: Db,
  d1: D1Handle,
  user: StaffUser,
  keepSessionId: number,
  current: string,
  next: string,
  client: ClientInfo,
): Promise<ChangePasswordResult> {
  const keys = throttleKeys(user.email, client.ip)
  const locked = await lockedForSeconds(db, keys)
  if (locked > 0) return { lockedForSeconds: locked }
  const oldHash = await getPasswordHash(db, user.id)
  if (oldHash === undefined || !(await verifyPassword(current, oldHash))) {
    await runBatch(d1, recordFailureQueries(db, keys))
    return 'wrong_password'
  }
  const newHash = await hashPassword(next)
  const changed = userHasHash(db, user.id, newHash)
  const [update] = await runBatch(d1, [
    setPasswordQuery(db, user.id, oldHash, newHash),
    deleteUserSessionsQuery(db, user.id, keepSessionId).where(() => changed),
    revokeUserAccessTokensQuery(db, user.id).where(() => changed),
    auditInsert(db, { actorId: user.id, action: 'password.changed', resourceType: 'user', resourceId: user.id, ip: client.ip }, { onlyIf: changed }),
  ])
  return (update?.meta.changes ?? 0) > 0 ? 'changed' : 'conflict'
}
