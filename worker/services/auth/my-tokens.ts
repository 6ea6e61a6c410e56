import { sql } from 'kysely'
import type { AccessTokenSummary } from '../../../schema/tables/auth'
import { runBatch } from '../../db/batch'
import type { Db, D1Handle } from '../../db/client'
import { auditInsert } from '../audit'
import { createAccessToken, findAccessToken, revokeAccessTokenQuery } from './access-tokens'
import type { Actor } from './staff'
import { ApiError } from '../../lib/errors'
import { formatScopes, ROLE_SCOPES, type TokenScope } from './token-scopes'

/**
 * Mints a token for the actor and audits it in one batch; the secret is returned
 * once. Scopes beyond the actor's role are a 403 (nothing is written).
 */
export async function issueAccessToken(db: Db, d1: D1Handle, actor: Actor, name: string, days: number, scopes: readonly TokenScope[]) {
  const beyond = scopes.filter((s) => !ROLE_SCOPES[actor.role].includes(s))
  if (beyond.length) {
    throw new ApiError(403, 'forbidden', `Your role (${actor.role}) may not grant ${beyond.join(', ')}`, beyond.map((s) => ({ path: 'json.scopes', message: `${s} is beyond the role ${actor.role}` })))
  }
  const { insert, secret } = await createAccessToken(db, actor.id, name, days, scopes)
  const [inserted] = await runBatch(d1, [
    insert,
    auditInsert(db, { actorId: actor.id, action: 'token.created', resourceType: 'token', resourceId: sql`last_insert_rowid()`, details: { name, scopes: formatScopes(scopes) }, ip: actor.ip }),
  ])
  return { row: inserted!.results[0] as AccessTokenSummary, secret }
}

/** Revokes one of the actor's own tokens (audited); revoking a revoked one changes nothing. */
export async function revokeOwnAccessToken(db: Db, d1: D1Handle, actor: Actor, id: number): Promise<'revoked' | 'already_revoked' | 'not_found'> {
  const token = await findAccessToken(db, actor.id, id)
  if (!token) return 'not_found'
  if (token.revoked_at !== null) return 'already_revoked'
  await runBatch(d1, [
    revokeAccessTokenQuery(db, actor.id, id),
    auditInsert(db, { actorId: actor.id, action: 'token.revoked', resourceType: 'token', resourceId: id, details: { name: token.name }, ip: actor.ip }),
  ])
  return 'revoked'
}
